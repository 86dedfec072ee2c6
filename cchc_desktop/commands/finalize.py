"""``finalize ID --number N --date YYYY-MM-DD``: mark a report "Đã ban hành" (read-only)."""

from __future__ import annotations

import argparse
from datetime import date

import sqlite_utils

from . import UserError
from ..store.revisions import finalize

NAME = "finalize"
HELP = "ban hành báo cáo với số và ngày đã đăng ký (sau đó không sửa được nữa)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="SỐ", help="số của báo cáo")
    parser.add_argument("--number", required=True, metavar="SỐ_VĂN_BẢN", help="số văn bản, ví dụ 15")
    parser.add_argument("--date", required=True, metavar="NGÀY", help="ngày ban hành, dạng YYYY-MM-DD")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    try:
        issued = date.fromisoformat(args.date)
    except ValueError as error:
        raise UserError(f"Ngày “{args.date}” không hợp lệ; hãy viết dạng năm-tháng-ngày, ví dụ 2024-06-12.") from error
    finalize(db, args.id, args.number, issued)
    print(f"Đã ban hành báo cáo số {args.id}: số {args.number.strip()}, ngày {issued:%d/%m/%Y}.")
    return 0
