"""Entry point of the frozen application (PyInstaller runs this file, not ``__main__.py``).

It only repairs the standard streams of a frozen Windows build, then hands over to the
same ``cli.main`` the source run uses, so frozen and source behave alike.
"""

from __future__ import annotations

import os
import sys


def _repair_streams() -> None:
    """Give every program a usable stdout/stderr.

    A windowed Windows executable starts with ``sys.stdout``/``sys.stderr`` set to None, so a
    ``write`` anywhere (a library warning, ``--version``) would crash the program. On Windows a
    redirected console stream uses the ANSI code page, which has no Vietnamese letters: UTF-8
    avoids a UnicodeEncodeError when a clerk pipes ``list`` into a file.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
        elif sys.platform == "win32" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main() -> int:
    _repair_streams()
    from cchc_desktop.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
