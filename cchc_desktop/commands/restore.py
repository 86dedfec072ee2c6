"""``restore ID``: bring back a deleted report."""

from __future__ import annotations

import argparse

import sqlite_utils

from ..store.reports import restore_report

NAME = "restore"
HELP = "khôi phục một báo cáo đã xóa (xem: list --deleted)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="SỐ", help="số của báo cáo")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    restore_report(db, args.id)
    print(f"Đã khôi phục báo cáo số {args.id}.")
    return 0
