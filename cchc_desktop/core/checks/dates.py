"""Dates and numbers the Decree-30 way, and the registered number/date of a final report.

Decree 30/2020 (Appendix I): a day below 10 and the months 1 and 2 get a leading zero
("ngày 05 tháng 01", "ngày 05 tháng 3"); a document number below 10 gets one too ("Số: 05/BC-UBND").
Cited dates in running text ("ngày 15/7/2021") follow the same zero rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..model import Report, ReportStatus
from .base import RULES, Context, Finding, Severity, rule, text_fields
from .citations import CITATION

_DIGIT = re.compile(r"\d")
WORD_DATE = re.compile(r"(?<!\w)ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})(?!\d)",
                       re.IGNORECASE)
SLASH_DATE = re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])")


def _problem(day: str, month: str, year: str) -> str | None:
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return "không có thật"
    if int(day) < 10 and len(day) == 1:
        return "ngày nhỏ hơn 10 phải có số 0 ở trước"
    if int(month) <= 2 and len(month) == 1:
        return "tháng 1, tháng 2 phải có số 0 ở trước (01, 02)"
    return None


@rule("dates.format", Severity.WARNING, "Ngày tháng, số văn bản chưa đúng thể thức Nghị định 30")
def date_format(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["dates.format"]
    number = report.number.strip()
    if re.fullmatch(r"[1-9]", number):
        yield me.finding(f"Số văn bản “{number}” nhỏ hơn 10: ghi là “0{number}”.", "number", 0, len(report.number))
    d = report.date
    if d.month is not None and d.day is not None:
        problem = _problem(str(d.day).zfill(2), str(d.month).zfill(2), str(d.year))
        if problem:
            yield me.finding(f"Ngày ban hành {problem}.", "date")
    for field, text in text_fields(report):
        if not _DIGIT.search(text):
            continue  # no date and no number: skip three regex passes
        slash = "/" in text
        for pattern in ((WORD_DATE, SLASH_DATE) if slash else (WORD_DATE,)):
            if pattern is WORD_DATE and "háng" not in text:
                continue  # no "tháng": no date in words
            for match in pattern.finditer(text):
                problem = _problem(match.group("d"), match.group("m"), match.group("y"))
                if problem:
                    yield me.finding(f"Ngày “{match.group(0)}”: {problem}.", field, match.start(), match.end())
        for match in (CITATION.finditer(text) if "gày" in text else ()):  # a citation has its "ngày"
            num = match.group("num")
            if re.match(r"[1-9](?!\d)", num):
                yield me.finding(f"Số văn bản “{num}” nhỏ hơn 10: ghi thêm số 0 ở trước (“0{num}”).",
                                 field, match.start("num"), match.end("num"))


@rule("dates.final_missing", Severity.ERROR, "Thiếu số hoặc ngày khi ban hành")
def final_missing(report: Report, context: Context) -> Iterator[Finding]:
    """A draft leaves number and day blank for the registry (văn thư); a final one may not."""
    if not (context.finalizing or report.status == ReportStatus.FINAL):
        return
    me = RULES["dates.final_missing"]
    if report.elements.number_line and not report.number.strip():
        yield me.finding("Báo cáo ban hành phải có số đã đăng ký. Nhập số do văn thư cấp.", "number")
    if report.date.day is None or report.date.month is None:
        yield me.finding("Báo cáo ban hành phải ghi đủ ngày, tháng, năm.", "date")
