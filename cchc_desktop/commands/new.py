"""``new --template NAME [--period SPEC]``: a new draft report of a kind; prints its number.

``new --from ID --period SPEC`` (commands/next.py) makes the next report from an existing one;
``new --from-file LAST.docx [--period SPEC]`` imports last period's Word file and makes this
period's report from it in one step (both are kept; the new one's number is printed).
"""

from __future__ import annotations

import argparse
from pathlib import Path

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
    parser.add_argument("--from-file", dest="from_file", type=Path, metavar="TỆP",
                        help="tạo báo cáo kỳ này từ tệp Word của kỳ trước (.docx; .doc, .rtf cần --convert); "
                             "kỳ mới mặc định là kỳ kế tiếp, đổi bằng --period")
    parser.add_argument("--convert", action="store_true",
                        help="với --from-file: tệp Word cũ (.doc, .rtf) được chuyển sang .docx bằng LibreOffice")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    if args.from_file is not None:
        if args.source is not None:
            raise UserError("Chỉ dùng một trong hai: --from (số báo cáo) hoặc --from-file (tệp Word).")
        return next_report.run_from_file(args, db)
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
