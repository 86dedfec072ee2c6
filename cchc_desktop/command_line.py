"""The commands of the command line: ``cchc-desktop [--db PATH] LỆNH …`` (started by cli.py).

Every sub-command is a module in ``cchc_desktop.commands`` exposing ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args, db) -> int``; add yours to COMMANDS.
A user's mistake gives one Vietnamese line on stderr and a non-zero exit; a real bug
is logged with its traceback (logs.py) and the user gets one line pointing at the log.
Imported only for a command: starting the window (cli.py) loads neither the commands nor the
store nor sqlite-utils before its first paint.
"""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
from pathlib import Path

from . import argparse_vi
from .cli import EXIT_BUG, EXIT_OK, EXIT_USER, Parser, open_window
from .commands import UserError, delete, export, importing, listing, new, restore, show
from .commands import backup, check, consolidate, finalize, history, reopen, templates
from .commands import sign, verify
from .core.codec import FormatError
from .core.templates import TemplateError
from .logs import bug_message, log_bug, setup_logging
from .store import errors
from .store.database import StoreError, open_database, translate
from .version import version

COMMANDS = (listing, show, new, templates, importing, export, delete, restore, history, finalize, reopen, backup,
            check, consolidate, sign, verify)


def build_parser() -> argparse.ArgumentParser:
    argparse_vi.install()
    parser = Parser(
        prog="cchc-desktop",
        description="Soạn, lưu và xuất báo cáo tuyên truyền cải cách hành chính. "
        "Không có lệnh: mở cửa sổ chương trình.",
    )
    parser.add_argument("--version", action="version", version=f"cchc-desktop {version()}")
    db_help = "tệp cơ sở dữ liệu (mặc định: tệp trong thư mục dữ liệu của người dùng)"
    parser.add_argument("--db", type=Path, metavar="TỆP", help=db_help)
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=Parser)
    for module in COMMANDS:
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        # --db is also accepted after the command; SUPPRESS keeps the global value otherwise.
        command.add_argument("--db", type=Path, metavar="TỆP", help=db_help, default=argparse.SUPPRESS)
        module.add_arguments(command)
        command.set_defaults(module=module)
    return parser


def run_command(argv: list[str]) -> int:
    """A command, --help, --version or a wrong command line: parsed with every command's arguments."""
    args = build_parser().parse_args(argv)
    setup_logging()
    logging.raiseExceptions = False  # a full disk must not turn the log's own failure into a traceback
    try:
        if args.command is None:
            return open_window(args.db)
        if not getattr(args.module, "needs_database", lambda _args: True)(args):
            return args.module.run(args, None)
        _refuse_lost_database(args.db)
        db = open_database(args.db)
        try:
            return args.module.run(args, db)
        finally:
            db.close()
    except (StoreError, FormatError, TemplateError, UserError) as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return EXIT_USER
    except sqlite3.Error as error:
        if errors.sqlite_reason(error, _db_path(args)) == errors.OTHER:
            print(bug_message(log_bug(error, f"command {args.command}")), file=sys.stderr)
            return EXIT_BUG
        print(f"Lỗi: {translate(error, _db_path(args))}", file=sys.stderr)
        return EXIT_USER
    except MemoryError:
        log_bug(MemoryError("out of memory"), f"command {args.command}")
        print("Lỗi: Máy không đủ bộ nhớ để làm việc này; hãy đóng bớt chương trình rồi thử lại.", file=sys.stderr)
        return EXIT_USER
    except RecursionError as error:
        log_bug(error, f"command {args.command}")
        print("Lỗi: Dữ liệu lồng nhau quá sâu, chương trình không xử lý được.", file=sys.stderr)
        return EXIT_USER
    except BrokenPipeError:
        # "cchc-desktop list | head": the reader left; nothing is wrong with the data.
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
        return EXIT_OK
    except OSError as error:
        if error.errno is None and getattr(error, "winerror", None) is None:
            print(bug_message(log_bug(error, f"command {args.command}")), file=sys.stderr)
            return EXIT_BUG
        log_bug(error, f"command {args.command}")
        where = Path(error.filename) if error.filename else _db_path(args)
        print(f"Lỗi: {errors.sentence(f'Không đọc hoặc ghi được “{where}”', error, where)}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return EXIT_USER
    except Exception as error:  # a bug: log it, never show a traceback
        if _is_export_error(error):
            print(f"Lỗi: {error}", file=sys.stderr)
            return EXIT_USER
        print(bug_message(log_bug(error, f"command {args.command}")), file=sys.stderr)
        return EXIT_BUG


def _db_path(args: argparse.Namespace) -> Path:
    from . import paths

    return Path(args.db) if getattr(args, "db", None) else paths.default_database()


def _refuse_lost_database(db: Path | None) -> None:
    """The default database empty (0 bytes) or gone while backups of it exist: say so, and how
    to restore, instead of silently starting again with only the sample."""
    from . import paths
    from .store.integrity import empty_message, empty_with_backup

    path = Path(db) if db else paths.default_database()
    if os.path.abspath(path) != os.path.abspath(paths.default_database()):
        return
    backup = empty_with_backup(path)
    if backup is not None:
        raise StoreError(empty_message(path, backup, window=False))


def _is_export_error(error: Exception) -> bool:
    """The exporters' friendly errors (imported lazily, like the exporters themselves)."""
    module = sys.modules.get("cchc_desktop.document.export")
    return module is not None and isinstance(error, getattr(module, "ExportError", ()))
