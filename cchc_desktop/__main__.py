"""``python -m cchc_desktop`` behaves exactly like ``cchc-desktop``."""

import sys

from .version import answered_version

if __name__ == "__main__":  # not when a spawned process (the preview's) imports this module
    if answered_version():
        sys.exit(0)

    from .cli import main

    sys.exit(main())
