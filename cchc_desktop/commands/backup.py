"""``backup [FILE]``: a consistent copy of the database (to FILE, or into the backups folder).

Also ``restore_file``, used by ``restore FILE`` (commands/restore.py) to bring a backup back.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

import sqlite_utils

from .. import paths
from ..store import backup

NAME = "backup"
HELP = "sao lưu cơ sở dữ liệu ra một tệp (ví dụ trên USB); không có TỆP: vào thư mục sao lưu"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", type=Path, metavar="TỆP", help="tệp sao lưu sẽ tạo")


def database_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if getattr(args, "db", None) else paths.default_database()


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    target = args.file or backup.backups_dir() / f"manual-{datetime.now():%Y%m%d-%H%M%S}{backup.SUFFIX}"
    written = backup.backup_to(database_path(args), target)
    print(f"Đã sao lưu vào “{written}”.")
    return 0


def restore_file(args: argparse.Namespace, db: sqlite_utils.Database | None, file: Path) -> int:
    """Also works on a damaged or empty database (moved aside as it is, never opened first)."""
    if db is not None:
        db.close()  # a damaged file may be replaced underneath: no connection may stay open
    kept = backup.restore_from(file, database_path(args))
    print(f"Đã khôi phục từ “{file}”." + (f" Dữ liệu cũ được giữ ở “{kept}”." if kept else ""))
    return 0
