"""``python -m cchc_desktop`` behaves exactly like ``cchc-desktop``."""

import sys

from .cli import main

sys.exit(main())
