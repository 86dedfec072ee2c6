"""``delete ID``: move a report to the recycle bin (``restore ID`` brings it back)."""

from __future__ import annotations

import argparse

import sqlite_utils

from ..store.reports import delete_report

NAME = "delete"
HELP = "xóa một báo cáo (có thể khôi phục bằng lệnh restore)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="SỐ", help="số của báo cáo (xem lệnh list)")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    delete_report(db, args.id)
    print(f"Đã xóa báo cáo số {args.id}; khôi phục bằng: cchc-desktop restore {args.id}")
    return 0
