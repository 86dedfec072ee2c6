"""``import FILE``: add a report from a JSON exchange file or a Word .docx (decided by the
file's content, not its name); prints its new number, or with ``--json`` the import report."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import sqlite_utils

from ..store.reports import save_report
from . import UserError

NAME = "import"
HELP = "nhập một báo cáo từ tệp Word (.docx) hoặc tệp JSON (định dạng trao đổi) và in số mới của nó"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="TỆP", help="tệp .docx hoặc tệp .json đã xuất bằng lệnh export")
    parser.add_argument("--json", action="store_true", help="in báo cáo nhập (số mới và những chỗ cần xem lại) dạng JSON")
    parser.add_argument("--convert", action="store_true",
                        help="tệp Word cũ (.doc, .rtf): chuyển sang .docx bằng LibreOffice rồi nhập")
    parser.add_argument("--own-organization", action="store_true",
                        help="báo cáo của cơ quan khác: dùng cơ quan, người ký, địa danh, nơi nhận đã khai trong"
                             " chương trình và liệt kê những chỗ còn nêu cơ quan kia")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    from ..importing import ImportRefused, import_file

    try:
        result = import_file(args.file, convert=args.convert)  # read completely before the database is touched
    except ImportRefused as error:
        raise UserError(str(error)) from None
    result.report.id = None
    if args.own_organization:
        from ..core.adopt import adopt_import
        from ..store.reports import load_organization

        adopt_import(result, load_organization(db))
    new_id = save_report(db, result.report)
    if args.json:
        print(json.dumps({"id": new_id} | result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(new_id)
        mentions = sum(entry.kind == "organization" for entry in result.entries)
        if mentions:
            print(f"Còn {mentions} chỗ nêu cơ quan của tệp; xem danh sách bằng --json.", file=sys.stderr)
    return 0
