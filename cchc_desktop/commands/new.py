"""``new --template NAME``: a new draft report from a template; prints its number."""

from __future__ import annotations

import argparse

import sqlite_utils

from . import next as next_report
from ..core.templates import list_templates
from ..store.reports import DEFAULT_TEMPLATE, new_report_from_template

NAME = "new"
HELP = "tạo báo cáo mới từ một mẫu và in số của nó"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--template", default=DEFAULT_TEMPLATE, metavar="TÊN",
                        help=f"tên mẫu (có: {', '.join(list_templates())}; mặc định {DEFAULT_TEMPLATE})")
    next_report.add_arguments(parser)  # --from ID --period KIND:YEAR[:INDEX]


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    if args.source is not None:
        return next_report.run(args, db)
    print(new_report_from_template(db, args.template))
    return 0
