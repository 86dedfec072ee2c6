"""``python -m cchc_desktop`` behaves exactly like ``cchc-desktop``."""

import sys

from .version import answered_version

if answered_version():
    sys.exit(0)

from .cli import main  # noqa: E402 - after the --version fast path on purpose

sys.exit(main())
