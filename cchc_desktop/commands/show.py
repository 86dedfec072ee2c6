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
    print(terminal_text(report_text(load_report(db, args.id))))
    return 0


# Control characters (C0 but tab and newline, DEL, C1) from imported text would act on the
# terminal ("\x1b[2J" clears it, "\r" overwrites a line, "\x07" rings): shown escaped instead.
# Only the output changes; the stored text stays as it is.
_CONTROLS = [c for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n"]
_VISIBLE = {c: f"\\x{c:02x}" for c in _CONTROLS}
_VISIBLE_IN_JSON = {c: f"\\u{c:04x}" for c in _CONTROLS}  # a valid escape inside a JSON string


def terminal_text(text: str, *, json: bool = False) -> str:
    """``text`` safe to print on a terminal: control characters as visible escapes ("\\x1b").

    ``json``: the text is JSON (from json.dumps, which escapes C0 but not C1 characters); the
    escapes are JSON's own (\\u009b), so the output still parses to the same data."""
    return text.translate(_VISIBLE_IN_JSON if json else _VISIBLE)


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
