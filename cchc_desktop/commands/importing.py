"""``import FILE``: add a report from a JSON exchange file; prints its new number."""

from __future__ import annotations

import argparse
from pathlib import Path

import sqlite_utils

from ..store.exchange import read_exchange
from ..store.reports import save_report

NAME = "import"
HELP = "nhập một báo cáo từ tệp JSON (định dạng trao đổi) và in số mới của nó"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="TỆP", help="tệp .json đã xuất bằng lệnh export")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    report = read_exchange(args.file)  # validated completely before the database is touched
    report.id = None
    print(save_report(db, report))
    return 0
