"""``list``: the reports in the database, newest change first."""

from __future__ import annotations

import argparse
import json

import sqlite_utils

from ..store.reports import ReportSummary, list_reports, period_text
from .show import terminal_text

NAME = "list"
HELP = "liệt kê các báo cáo (số, kỳ báo cáo, trích yếu, trạng thái, lần sửa cuối)"
STATUS_TEXT = {"draft": "Dự thảo", "final": "Đã ban hành"}  # the same words as the window
HEADERS = ("Số", "Kỳ báo cáo", "Trích yếu", "Trạng thái", "Sửa lần cuối")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="in ra dạng JSON cho chương trình khác đọc")
    parser.add_argument("--deleted", action="store_true", help="kể cả các báo cáo đã xóa")


def as_dict(summary: ReportSummary) -> dict:
    return {
        "id": summary.id,
        "period": {
            "kind": summary.period.kind.value,
            "year": summary.period.year,
            "index": summary.period.index,
            "label": period_text(summary.period),
        },
        "subject": summary.subject,
        "status": summary.status.value,
        "created_at": summary.created_at,
        "updated_at": summary.updated_at,
        "deleted": summary.deleted,
        "damaged": summary.damaged,
    }


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    summaries = list_reports(db, include_deleted=args.deleted)
    if args.json:
        print(terminal_text(json.dumps([as_dict(s) for s in summaries], ensure_ascii=False, indent=2), json=True))
        return 0
    if not summaries:
        print("Chưa có báo cáo nào.")
        return 0
    rows = [HEADERS] + [_row(s) for s in summaries]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths)] + [row[-1]]
        print(terminal_text("  ".join(cells)))
    return 0


def _row(summary: ReportSummary) -> tuple[str, ...]:
    status = STATUS_TEXT.get(summary.status.value, summary.status.value)
    if summary.deleted:
        status += " (đã xóa)"
    if summary.damaged:
        status += " (hỏng: xem history)"
    return (str(summary.id), period_text(summary.period), summary.subject, status,
            summary.updated_at.replace("T", " "))
