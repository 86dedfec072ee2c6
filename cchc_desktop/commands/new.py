"""``new --template NAME [--period SPEC]``: a new draft report of a kind; prints its number.

``new --from ID --period SPEC`` (commands/next.py) makes the next report from an existing one.
"""

from __future__ import annotations

import argparse

import sqlite_utils

from . import UserError
from . import next as next_report
from ..core.templates import default_period, list_templates, new_report, template_info
from ..store.reports import DEFAULT_TEMPLATE, load_organization, save_report
from ..store.database import writing
from ..store.revisions import SAVE, add_revision

NAME = "new"
HELP = "tạo báo cáo mới từ một mẫu (hoặc báo cáo kỳ sau từ một báo cáo) và in số của nó"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--template", default=DEFAULT_TEMPLATE, metavar="TÊN",
                        help=f"tên mẫu (có: {', '.join(list_templates())}; mặc định {DEFAULT_TEMPLATE}; "
                             "xem lệnh templates)")
    next_report.add_arguments(parser)  # --from ID --period KIND:YEAR[:INDEX]


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    if args.source is not None:
        return next_report.run(args, db)
    from ..core.periods import parse_period_spec  # late: only this path needs it

    info = template_info(args.template)
    try:
        period = parse_period_spec(args.period) if args.period else default_period(info)
    except ValueError as error:
        raise UserError(str(error)) from error
    report = new_report(info, period, load_organization(db))
    with writing(db):
        new_id = save_report(db, report)
        add_revision(db, new_id, SAVE, f"Tạo từ mẫu “{info.title}”")
    print(new_id)
    return 0
