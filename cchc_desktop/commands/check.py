"""``check ID [--json] [--finalizing]``: the findings of the checker; exit 1 when there are errors."""

from __future__ import annotations

import argparse
import json

import sqlite_utils

from ..core.checks import Finding, Severity, field_text, run_checks, where
from ..core.model import Report
from ..store.limits import LimitError, check_report, check_stored
from ..store.reports import load_report
from . import UserError
from .show import terminal_text

NAME = "check"
HELP = "kiểm tra báo cáo trước khi in (lỗi thể thức, ngày tháng, nơi nhận…)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="SỐ", help="số của báo cáo (xem lệnh list)")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.add_argument("--finalizing", action="store_true",
                        help="kiểm tra như khi ban hành (bắt buộc có số và ngày)")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    from .. import user_words

    try:
        check_stored(db, args.id)  # before loading: a huge report is refused, not read
        report = load_report(db, args.id)
        check_report(report, f"báo cáo số {args.id}")
    except LimitError as error:
        raise UserError(str(error)) from None
    user_words.load()  # the clerk's own dictionary
    findings = run_checks(report, finalizing=args.finalizing)
    if args.json:
        print(terminal_text(json.dumps([_as_dict(report, f) for f in findings], ensure_ascii=False, indent=2),
                            json=True))
    else:
        print(terminal_text(_as_text(report, findings)))
    return 1 if any(f.severity == Severity.ERROR for f in findings) else 0


def _excerpt(report: Report, finding: Finding) -> str:
    loc = finding.location
    try:
        text = field_text(report, loc.field)
    except KeyError:
        return ""
    return text[loc.start:loc.end] if loc.start is not None else ""


def _as_dict(report: Report, finding: Finding) -> dict:
    loc = finding.location
    return {"rule": finding.rule_id, "severity": finding.severity.value, "message": finding.message,
            "field": loc.field, "where": where(report, loc.field), "start": loc.start, "end": loc.end,
            "row": loc.row, "column": loc.column, "text": _excerpt(report, finding),
            "fixes": [{"label": fix.label, "replacement": fix.replacement} for fix in finding.fixes]}


def _as_text(report: Report, findings: list[Finding]) -> str:
    if not findings:
        return "Không phát hiện lỗi nào."
    errors = sum(f.severity == Severity.ERROR for f in findings)
    style = sum(f.severity == Severity.STYLE for f in findings)
    lines = [f"{errors} lỗi, {len(findings) - errors - style} cảnh báo"
             + (f", {style} lỗi trình bày." if style else ".")]
    for finding in findings:
        lines.append(f"[{finding.severity.label}] {where(report, finding.location.field)}: {finding.message}"
                     f" ({finding.rule_id})")
    return "\n".join(lines)
