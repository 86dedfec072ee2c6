"""``new --from ID --period KIND:YEAR[:INDEX]``: the next report from an existing one, and
``new --from-file LAST.docx [--period SPEC]``: the same from last period's Word file.

Called by commands/new.py (not a command of its own): every period rewrite the window's
dialog would propose is applied; prints the new id.
"""

from __future__ import annotations

import argparse

import sqlite_utils

from . import UserError
from ..core.model import Period, Report
from ..store.reports import load_report, save_report
from ..store.database import writing
from ..store.revisions import SAVE, add_revision


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="source", type=int, metavar="SỐ",
                        help="tạo báo cáo kỳ sau từ báo cáo số này (cần --period)")
    parser.add_argument("--period", metavar="KỲ",
                        help="kỳ của báo cáo mới: half1:2024, half2:2024, year:2024, quarter:2025:1, month:2025:3")


def new_period(source: Report, spec: str | None) -> Period:
    """``spec`` parsed (a clear message when it is wrong), else the period after the source's."""
    from ..core.periods import next_period, parse_period_spec

    if not spec:
        return next_period(source.period)
    try:
        return parse_period_spec(spec)
    except ValueError as error:
        raise UserError(str(error)) from error


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    # late: periods/next_report load only when this path is used
    from ..core.next_report import apply_plan, plan_next_report

    source = load_report(db, args.source)
    period = new_period(source, args.period)
    new = apply_plan(source, plan_next_report(source, period))
    with writing(db):
        new_id = save_report(db, new)
        add_revision(db, new_id, SAVE, f"Tạo từ báo cáo số {args.source}")
    print(new_id)
    return 0


def run_from_file(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    """Import the file (read completely before the database is touched), keep it as last
    period's report, and save this period's report made from it."""
    from ..core.next_report import apply_plan, plan_next_report
    from ..importing import ImportRefused, import_file

    try:
        result = import_file(args.from_file, convert=args.convert)
    except ImportRefused as error:
        raise UserError(str(error)) from None
    source = result.report
    source.id = None
    period = new_period(source, args.period)
    new = apply_plan(source, plan_next_report(source, period))
    with writing(db):
        source_id = save_report(db, source)
        new_id = save_report(db, new)
        add_revision(db, new_id, SAVE, f"Tạo từ tệp “{args.from_file.name}” (báo cáo số {source_id})")
    print(new_id)
    return 0
