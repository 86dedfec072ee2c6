"""``new --from ID --period KIND:YEAR[:INDEX]``: the next report from an existing one.

Called by commands/new.py when ``--from`` is given (not a command of its own): every
period rewrite the window's dialog would propose is applied; prints the new id.
"""

from __future__ import annotations

import argparse

import sqlite_utils

from . import UserError
from ..store.reports import load_report, save_report
from ..store.database import writing
from ..store.revisions import SAVE, add_revision


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="source", type=int, metavar="SỐ",
                        help="tạo báo cáo kỳ sau từ báo cáo số này (cần --period)")
    parser.add_argument("--period", metavar="KỲ",
                        help="kỳ của báo cáo mới: half1:2024, half2:2024, year:2024, quarter:2025:1, month:2025:3")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    # late: periods/next_report load only when this path is used
    from ..core.next_report import apply_plan, plan_next_report
    from ..core.periods import next_period, parse_period_spec

    source = load_report(db, args.source)
    if args.period:
        try:
            period = parse_period_spec(args.period)
        except ValueError as error:
            raise UserError(str(error)) from error
    else:
        period = next_period(source.period)
    new = apply_plan(source, plan_next_report(source, period))
    with writing(db):
        new_id = save_report(db, new)
        add_revision(db, new_id, SAVE, f"Tạo từ báo cáo số {args.source}")
    print(new_id)
    return 0
