"""Dates in running text that cannot be right.

- ``dates_text.stale_since``: "Từ ngày 01/01/2025 đến nay, … năm 2026 …" in a 2026 report: the
  start of last year left from last year's report while the sentence speaks of this year.
  A span from last year that the sentence does not tie to this year (a two-year total, a
  campaign started last year) is left alone.
- ``dates_text.impossible_year``: "năm 20255", "15/01/20255" (a year of five digits).  An
  impossible day or month ("03/13/2026") is the ``dates.format`` rule's business; a year far
  from the report's is left alone (history, horizons, documents cited from other years).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import PeriodKind, Report
from .base import RULES, Context, Finding, Severity, rule
from .text_numbers import prose_with_figures, sentences

_SINCE_HINT = re.compile(r"1\s*/\s*0?1\s*/|ầu\s+năm")  # cheap: most paragraphs have neither
_FIVE_DIGITS = re.compile(r"\d{5}")
SINCE = re.compile(r"(?<!\w)từ\s+(?:ngày\s+)?(?:0?1\s*/\s*0?1\s*/\s*|đầu\s+năm\s+)(?P<year>(?:19|20)\d\d)\s*"
                   r"(?:đến\s+nay|đến\s+thời\s+điểm\s+này|tới\s+nay|đến\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*"
                   r"(?P<to>(?:19|20)\d\d))", re.IGNORECASE)
LONG_YEAR = re.compile(r"(?:(?<!\w)năm\s+|(?<![\d/])\d{1,2}\s*/\s*\d{1,2}\s*/\s*)(?P<year>(?:19|20)\d{3,4})(?!\d)",
                       re.IGNORECASE)
_WITHIN_YEAR = (PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF1, PeriodKind.HALF2,
                PeriodKind.NINE_MONTHS, PeriodKind.YEAR)


def _report_year(report: Report) -> int | None:
    if report.period.kind in _WITHIN_YEAR:
        return report.period.year
    return None


@rule("dates_text.stale_since", Severity.WARNING, "“Từ ngày 01/01 năm trước đến nay” trong báo cáo năm nay")
def stale_since(report: Report, context: Context) -> Iterator[Finding]:
    year = _report_year(report)
    if year is None:
        return
    me = RULES["dates_text.stale_since"]
    this_year = re.compile(rf"(?<![\d/]){year}(?!\d)|năm\s+nay", re.IGNORECASE)
    for field, text in prose_with_figures(report):
        if not _SINCE_HINT.search(text) or not SINCE.search(text):
            continue
        for start, stop in sentences(text):
            for match in SINCE.finditer(text, start, stop):
                since = int(match.group("year"))
                if since != year - 1 or match.group("to") and int(match.group("to")) != year:
                    continue
                rest = text[start:match.start()] + " " + text[match.end():stop]
                if not this_year.search(rest) and not match.group("to"):
                    continue  # nothing ties the span to this year: a two-year total may be meant
                yield me.finding(f"“{match.group(0)}” bắt đầu từ năm {since} trong báo cáo "
                                 f"năm {year}, mà câu nói về số liệu năm {year}: có phải chép từ báo cáo năm trước? "
                                 f"Kiểm tra lại mốc thời gian (01/01/{year}?).", field, match.start(), match.end())


@rule("dates_text.impossible_year", Severity.WARNING, "Năm không thể có (20255…)")
def impossible_year(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["dates_text.impossible_year"]
    for field, text in prose_with_figures(report):
        if not _FIVE_DIGITS.search(text):
            continue
        for match in LONG_YEAR.finditer(text):
            yield me.finding(f"“{match.group(0)}”: năm {match.group('year')} có quá nhiều "
                             "chữ số. Sửa lại năm.", field, match.start(), match.end())
