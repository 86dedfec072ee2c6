"""``consolidate ID FILE… [--sheet NAME] [--units A,B,…] [--table N] [--breakdown]``: sum the
units' Excel sheets into the report's appendix table."""

from __future__ import annotations

import argparse
from pathlib import Path

import sqlite_utils

from . import UserError
from ..store.reports import load_report, save_report

NAME = "consolidate"
HELP = "tổng hợp số liệu từ tệp Excel của các đơn vị (thôn, tổ dân phố, ban ngành) vào phụ lục"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="SỐ", help="số của báo cáo (xem lệnh list)")
    parser.add_argument("files", type=Path, nargs="+", metavar="TỆP", help="tệp .xlsx của các đơn vị")
    parser.add_argument("--sheet", metavar="TÊN", help="tên trang tính cần đọc (mặc định: trang có bảng chỉ tiêu)")
    parser.add_argument("--units", metavar="A,B,…", default="",
                        help="danh sách đơn vị phải nộp (theo tên tệp), để báo đơn vị còn thiếu")
    parser.add_argument("--table", type=int, default=1, metavar="N", help="bảng phụ lục thứ N (mặc định 1)")
    parser.add_argument("--breakdown", action="store_true",
                        help="thêm “Biểu tổng hợp theo đơn vị” vào phụ lục của báo cáo")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    from ..core.consolidate import apply_result, breakdown_table, consolidate

    report = load_report(db, args.id)
    if not 1 <= args.table <= len(report.appendices):
        raise UserError(f"Báo cáo số {args.id} không có bảng phụ lục thứ {args.table}.")
    table = report.appendices[args.table - 1].table
    if table.column_index("value") is None:
        raise UserError(f"Bảng phụ lục thứ {args.table} không có cột số liệu để tổng hợp.")
    units = [name.strip() for name in args.units.split(",") if name.strip()]
    result = consolidate(table, args.files, args.sheet, units)
    if not result.units:
        for problem in result.problems:
            print(f"- {problem.message}")
        raise UserError("Không đọc được tệp nào của các đơn vị; báo cáo không thay đổi.")
    count = apply_result(result, table)
    if args.breakdown:
        report.appendices.append(breakdown_table(result))
    save_report(db, report)
    print(f"Đã tổng hợp {count} số liệu từ {len(result.units)} đơn vị vào báo cáo số {args.id}.")
    if result.problems:
        print(f"Cần xem lại ({len(result.problems)}):")
        for problem in result.problems:
            print(f"- {problem.message}")
    return 0
