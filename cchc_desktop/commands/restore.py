"""``restore ID``: bring back a deleted report."""

from __future__ import annotations

import argparse
from pathlib import Path

import sqlite_utils

from . import backup
from ..store.reports import restore_report

NAME = "restore"
HELP = "khôi phục một báo cáo đã xóa (xem: list --deleted) hoặc cả cơ sở dữ liệu từ tệp sao lưu"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="SỐ|TỆP", help="số của báo cáo, hoặc tệp sao lưu để khôi phục cả cơ sở dữ liệu")


def needs_database(args: argparse.Namespace) -> bool:
    """A backup file is restored without opening the database first: it may be damaged."""
    return args.id.isdigit()


def run(args: argparse.Namespace, db: sqlite_utils.Database | None) -> int:
    if not args.id.isdigit():  # a file name: restore the whole database from a backup
        return backup.restore_file(args, db, Path(args.id))
    args.id = int(args.id)
    restore_report(db, args.id)
    print(f"Đã khôi phục báo cáo số {args.id}.")
    return 0
