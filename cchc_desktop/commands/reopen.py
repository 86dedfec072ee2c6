"""``reopen ID --reason TEXT``: open a final report for changes again (recorded)."""

from __future__ import annotations

import argparse

import sqlite_utils

from ..store.revisions import reopen

NAME = "reopen"
HELP = "mở lại báo cáo đã ban hành để sửa (ghi lại lý do)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="SỐ", help="số của báo cáo")
    parser.add_argument("--reason", required=True, metavar="LÝ_DO", help="lý do mở lại")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    reopen(db, args.id, args.reason)
    print(f"Đã mở lại báo cáo số {args.id} để sửa.")
    return 0
