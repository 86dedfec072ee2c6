"""``show ID``: the report as readable text (header, subject, sections, signature, appendix)."""

from __future__ import annotations

import argparse

import sqlite_utils

from ..core.indicators import table_lines
from ..core.model import Report
from ..core.vietnamese import format_number, number_line, place_and_date
from ..store.reports import load_report, period_text

NAME = "show"
HELP = "in nội dung một báo cáo"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="SỐ", help="số của báo cáo (xem lệnh list)")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    print(report_text(load_report(db, args.id)))
    return 0


def report_text(report: Report) -> str:
    org = report.organization
    lines = [*org.governing_body, *org.issuing_body,
             number_line(report.number, report.doc_type, org.abbreviation),
             place_and_date(report.place or org.place, report.date), "",
             report.doc_name, report.subject, f"(Kỳ báo cáo: {period_text(report.period)})", ""]
    lines += [f"Kính gửi: {name}" for name in report.addressees]
    lines += ["", report.opening] if report.opening else []
    for section in report.sections:
        for block in section.blocks:
            lines += table_lines(block.table) if block.table is not None else [block.text]
    lines += [report.closing, ""] if report.closing else [""]
    lines += ["Nơi nhận:", *[f"- {line}" for line in report.recipients], ""]
    lines += [*report.signature.authority, report.signature.title, "", report.signature.name]
    for appendix in report.appendices:
        lines += ["", appendix.heading, appendix.title, appendix.reference, ""]
        lines += table_lines(appendix.table)
    return "\n".join(lines).rstrip() + "\n"
