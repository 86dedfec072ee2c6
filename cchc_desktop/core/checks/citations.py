"""One document cited with different dates ("Kế hoạch số 06/KH-UBND ngày 15/01/2024" here,
"… ngày 25/01/2024" there): every place is reported, since the clerk must find the right one."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from ..model import Report
from ..vietnamese import fold
from .base import RULES, Context, Finding, Severity, rule, text_fields
from .places import where

DOC_TYPES = ("Kế hoạch", "Quyết định", "Nghị quyết", "Nghị định", "Công văn", "Thông báo", "Chỉ thị",
             "Đề án", "Thông tư", "Báo cáo", "Hướng dẫn", "Chương trình", "Tờ trình", "Công điện", "Luật")
CITATION = re.compile(
    rf"(?<!\w)(?P<type>{'|'.join(DOC_TYPES)})\s+(?:số\s+)?(?P<num>\d+\s*[/-][^\s,;]*?)[.,;]?"
    r"\s+ngày\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
    re.IGNORECASE,
)


def _date(text: str) -> date | None:
    day, month, year = (int(n) for n in re.findall(r"\d+", text))
    try:
        return date(year, month, day)
    except ValueError:
        return None  # an impossible date is the dates rule's business


def _key(doc_type: str, number: str) -> tuple[str, str]:
    # "06/KH-UBND" and "6/KH-UBND" are the same document
    number = re.sub(r"\s+", "", number).rstrip(".").upper()
    return fold(doc_type), re.sub(r"^0+(?=\d)", "", number)


def citations(report: Report) -> Iterator[tuple[str, re.Match[str]]]:
    for field, text in text_fields(report):
        if "gày" not in text:  # no "ngày": no dated citation (the regex is the slow part)
            continue
        for match in CITATION.finditer(text):
            yield field, match


ISSUER = re.compile(r"\s*(?:của|do)\s+([^,.;:()]{3,60})", re.IGNORECASE)


def _issuer(text: str, match: re.Match[str]) -> str:
    """'ubnd huyen' from "… ngày 05/01/2026 của UBND huyện về …", '' when not said."""
    found = ISSUER.match(text, match.end())
    if not found:
        return ""
    words = fold(found.group(1)).replace("uy ban nhan dan", "ubnd").split()
    if "ve" in words:
        words = words[:words.index("ve")]  # "… của UBND tỉnh về việc …"
    return " ".join(words[:6])


def _same_issuer(issuers: set[str]) -> bool:
    """"ubnd tinh" and "ubnd tinh hoa binh" name one office, written short and in full."""
    ordered = sorted(issuers, key=len)
    return all(f"{longer} ".startswith(f"{shorter} ") for shorter, longer in zip(ordered, ordered[1:]))


@rule("citations.date_conflict", Severity.ERROR, "Một văn bản được trích dẫn với ngày khác nhau")
def date_conflict(report: Report, context: Context) -> Iterator[Finding]:
    """Numbers start again every year and every office numbers its own documents: "Kế hoạch
    số 01/KH-UBND" of 2025 and of 2026, of the district and of the commune are different
    documents.  A conflict is the same number cited with two dates of one year, by the same
    issuer (or one citation not naming it)."""
    groups: dict[tuple[str, str, int], list[tuple[str, re.Match[str], date, str]]] = defaultdict(list)
    for field, match in citations(report):
        when = _date(match.group("date"))
        if when is not None:
            issuer = _issuer(match.string, match)
            groups[_key(match.group("type"), match.group("num")) + (when.year,)].append((field, match, when, issuer))
    me = RULES["citations.date_conflict"]
    for group in groups.values():
        issuers = {i for *_r, i in group if i}
        if not _same_issuer(issuers):
            continue  # two offices' documents that happen to share a number
        places = [(f, m, w) for f, m, w, _i in group]
        dates = {when for _f, _m, when in places}
        if len(dates) < 2:
            continue
        listing = "; ".join(f"{m.group('date')} ({where(report, f)})" for f, m, _w in places)
        for field, match, _when in places:
            name = f"{match.group('type')} số {match.group('num')}"
            yield me.finding(
                f"{name} được ghi với ngày khác nhau: {listing}. Đối chiếu văn bản gốc và sửa cho thống nhất.",
                field, match.start(), match.end())
