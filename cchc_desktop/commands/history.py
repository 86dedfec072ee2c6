"""``history ID``: the revisions of a report, newest first."""

from __future__ import annotations

import argparse

import sqlite_utils

from ..store.reports import load_report
from ..store.revisions import list_revisions

NAME = "history"
HELP = "xem lịch sử các bản lưu của một báo cáo"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="SỐ", help="số của báo cáo")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    load_report(db, args.id)  # a clear error for a missing report
    revisions = list_revisions(db, args.id)
    if not revisions:
        print(f"Báo cáo số {args.id} chưa có bản lưu nào trong lịch sử.")
        return 0
    for revision in revisions:
        when = revision.created_at.replace("T", " ")
        change = f"{revision.size_change:+d}" if revision.size_change else "0"
        note = f"  {revision.note}" if revision.note else ""
        print(f"{revision.id:>6}  {when}  {revision.reason_label:<16} {revision.size:>7} ký tự ({change}){note}")
    return 0
