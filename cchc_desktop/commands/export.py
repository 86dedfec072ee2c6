"""``export ID --json FILE [--docx FILE] [--pdf FILE] [--xlsx FILE]``."""

from __future__ import annotations

import argparse
from pathlib import Path

import sqlite_utils

from . import UserError
from ..store.exchange import write_exchange
from ..store.limits import LimitError, check_stored
from ..store.reports import load_report

NAME = "export"
HELP = "xuất một báo cáo ra tệp JSON, DOCX, PDF và/hoặc Excel"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="SỐ", help="số của báo cáo (xem lệnh list)")
    parser.add_argument("--json", type=Path, metavar="TỆP", help="tệp trao đổi .json")
    parser.add_argument("--docx", type=Path, metavar="TỆP", help="văn bản Word .docx")
    parser.add_argument("--pdf", type=Path, metavar="TỆP", help="tệp .pdf để in")
    parser.add_argument("--xlsx", type=Path, metavar="TỆP", help="mọi bảng của báo cáo ra Excel .xlsx")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    if not (args.json or args.docx or args.pdf or args.xlsx):
        raise UserError("Hãy cho biết tệp cần xuất: --json TỆP, --docx TỆP, --pdf TỆP hoặc --xlsx TỆP.")
    if args.docx or args.pdf or args.xlsx:
        try:
            check_stored(db, args.id)  # before loading: a huge report is refused, not laid out
        except LimitError as error:
            raise UserError(str(error)) from None
    report = load_report(db, args.id)
    if args.json:
        write_exchange(report, args.json)
        print(f"Đã xuất {args.json}")
    if args.docx or args.pdf:
        exporter = _exporter()
        for path, write in ((args.docx, exporter.export_docx), (args.pdf, exporter.export_pdf)):
            if path:
                write(report, path)
                print(f"Đã xuất {path}")
    if args.xlsx:
        from ..document.xlsx_writer import XlsxError, export_report_xlsx

        try:
            sheets = export_report_xlsx(report, args.xlsx)
        except XlsxError as error:
            raise UserError(str(error)) from None
        print(f"Đã xuất {args.xlsx} ({sheets} trang tính)")
    return 0


def _exporter():
    """Imported only when needed: python-docx and reportlab take time to load."""
    try:
        from ..document import export as exporter
    except ImportError as error:
        if error.name and error.name.startswith("cchc_desktop.document"):
            raise UserError("Phiên bản này chưa có chức năng xuất DOCX/PDF; hãy dùng --json.") from None
        raise
    return exporter
