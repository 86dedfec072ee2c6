"""The command line: ``cchc-desktop [--db PATH] [LỆNH …]``; without a command, the window.

Opening the window is the fast path here: ``cchc-desktop`` or ``cchc-desktop --db TỆP`` goes
straight to the window without loading the commands (command_line.py), the store or
sqlite-utils (0.3-0.4 s before its first paint).  Anything else (a command, --help, --version,
a wrong command line) is command_line.py's.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path
from typing import NoReturn

from .logs import log_bug, setup_logging

EXIT_OK = 0
EXIT_USER = 1  # the user's input or file is wrong (message says what)
EXIT_USAGE = 2  # the command line itself is wrong
EXIT_BUG = 3  # our mistake: see the log


class Parser(argparse.ArgumentParser):
    """argparse with a Vietnamese error line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"Lỗi: câu lệnh không hợp lệ ({message}). Xem: {self.prog} --help\n")


def _utf8_streams() -> None:
    """Redirected Windows streams use the ANSI code page, which has no Vietnamese letters."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def window_request(argv: list[str]) -> tuple[bool, Path | None]:
    """(True, database) when the command line only opens the window: nothing, or ``--db TỆP``."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return True, Path(argv[1])
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        return True, Path(argv[0][len("--db="):])
    return False, None


def main(argv: list[str] | None = None) -> int:
    _utf8_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    window, database = window_request(argv)
    if not window:
        from .command_line import run_command

        return run_command(argv)
    setup_logging()
    logging.raiseExceptions = False  # a full disk must not turn the log's own failure into a traceback
    try:
        return open_window(database)
    except Exception as error:  # a bug: logged, one line for the clerk, never a traceback
        from .logs import bug_message

        print(bug_message(log_bug(error, "starting the window")), file=sys.stderr)
        return EXIT_BUG


def open_window(db_path: Path | None) -> int:
    # Python's collector would walk start-up's new objects (Qt's wrappers, modules, enums) again
    # and again while they are made: 60-80 ms of a 0.5 s start.  gui.app.settle() turns it on
    # again once the report is loaded (and sets aside what start-up made).
    gc.disable()
    try:
        return _open_window(db_path)
    finally:
        gc.enable()


def _open_window(db_path: Path | None) -> int:
    try:
        from .gui.app import run_app
    except ImportError as error:
        if error.name in ("cchc_desktop.gui.app", "cchc_desktop.gui"):
            print("Cửa sổ chương trình chưa có trong phiên bản này; hãy dùng các lệnh "
                  "(xem: cchc-desktop --help).", file=sys.stderr)
            return EXIT_USER
        print("Không mở được cửa sổ: thiếu thư viện giao diện Qt "
              f"({error.name or error}). Hãy cài lại chương trình.", file=sys.stderr)
        log_bug(error, "starting the window")
        return EXIT_USER
    return run_app(db_path)


def gui_main() -> int:
    """Entry point of the windowed launcher (no console): the window, errors go to the log."""
    from .logs import install_excepthook

    install_excepthook()
    parser = Parser(prog="cchc-desktop-gui", add_help=False)
    parser.add_argument("--db", type=Path)
    args, _unknown = parser.parse_known_args()
    setup_logging()
    logging.raiseExceptions = False
    return open_window(args.db)
