"""One document number standing for two documents.

- ``doc_numbers.two_codes``: the same document — its kind, number and date — cited once as
  "Quyết định số 512/QĐ-UBND ngày 05/3/2026" and once as "… 512/QĐ-SNV ngày 05/3/2026".
  Without the same date nothing is said: two offices may well both have a decision 512.
- ``doc_numbers.two_subjects``: "Quyết định số 512/QĐ-UBND ngày 05/3/2026 về … A" here and
  "… về … B" there, the two subjects sharing no meaningful word.  Two dates for one number
  is ``citations.date_conflict``'s business.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..model import Report
from ..vietnamese import fold
from .base import RULES, Context, Finding, Severity, rule
from .places import where
from .text_numbers import prose_with_figures
from .citations import DOC_TYPES

CITED = re.compile(
    rf"(?<!\w)(?P<type>{'|'.join(DOC_TYPES)})\s+(?:số\s*:?\s*)?(?P<num>\d+)\s*/\s*(?P<code>[\wĐđ][\w\-/Đđ]*\w)"
    r"(?:\s*,?\s*ngày\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?",
    re.IGNORECASE)
SUBJECT = re.compile(r"\s*(?:của\s+[^,;.()]{2,60}?\s+)?(?:về\s+việc|về|V/v)\s+(?P<subject>[^;.()“”\"]{8,160})",
                     re.IGNORECASE)
STOP = frozenset(fold(w) for w in """việc về của và các cho trên địa bàn tỉnh huyện xã năm thực hiện triển khai
ban hành một số tăng cường đẩy mạnh nâng cao công tác kế hoạch quyết định đề án chương trình trong
giai đoạn đến những được theo tại với""".split())


_SLASH = re.compile("/")


@dataclass(frozen=True)
class Cited:
    field: str
    start: int
    end: int
    kind: str
    number: str
    code: str
    date: tuple[int, ...] | None
    subject: str

    @property
    def name(self) -> str:
        return f"{self.kind} số {self.number}/{self.code}"


def _date(text: str | None) -> tuple[int, ...] | None:
    if not text:
        return None
    day, month, year = (int(n) for n in re.findall(r"\d+", text))
    return year, month, day


@lru_cache(maxsize=4096)  # both rules read the same citations; an unchanged paragraph is read once
def _in_text(text: str) -> tuple[tuple, ...]:
    found = []
    for match in CITED.finditer(text):
        subject = SUBJECT.match(text, match.end())
        found.append((match.start(), match.end(), match.group("type"), match.group("num").lstrip("0"),
                      match.group("code").upper(), _date(match.group("date")),
                      subject.group("subject").strip() if subject else ""))
    return tuple(found)


def cited(report: Report) -> list[Cited]:
    return [Cited(field, *item) for field, text in prose_with_figures(report, _SLASH) for item in _in_text(text)]


def _words(subject: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", fold(subject.lower())) if w not in STOP}


def _kind(item: Cited) -> str:
    return fold(item.kind.lower())


def _place(report: Report, item: Cited) -> str:
    return where(report, item.field)


@rule("doc_numbers.two_codes", Severity.WARNING, "Một văn bản ghi hai ký hiệu khác nhau")
def two_codes(report: Report, context: Context) -> Iterator[Finding]:
    groups: dict[tuple, list[Cited]] = defaultdict(list)
    for item in cited(report):
        if item.date is not None:
            groups[(_kind(item), item.number, item.date)].append(item)
    me = RULES["doc_numbers.two_codes"]
    for items in groups.values():
        codes = {item.code for item in items}
        if len(codes) < 2:
            continue
        subjects = [_words(i.subject) for i in items if _words(i.subject)]
        if len(subjects) > 1 and not set.intersection(*subjects):
            continue  # two documents indeed, with their own subjects
        listing = "; ".join(f"{i.number}/{i.code} ({_place(report, i)})" for i in items)
        for item in items:
            yield me.finding(f"{item.kind} số {item.number} cùng ngày được ghi với ký hiệu "
                             f"khác nhau: {listing}. Đối chiếu văn bản gốc và sửa cho thống nhất.",
                             item.field, item.start, item.end)


@rule("doc_numbers.two_subjects", Severity.WARNING, "Một số văn bản được trích dẫn với hai trích yếu khác nhau")
def two_subjects(report: Report, context: Context) -> Iterator[Finding]:
    groups: dict[tuple, list[Cited]] = defaultdict(list)
    for item in cited(report):
        if item.subject:
            year = item.date[0] if item.date else None
            groups[(_kind(item), item.number, item.code)].append((item, year))
    me = RULES["doc_numbers.two_subjects"]
    for pairs in groups.values():
        years = {y for _i, y in pairs if y is not None}
        if len(years) > 1:
            continue  # numbers start again each year: two documents
        items = [i for i, _y in pairs]
        words = [_words(i.subject) for i in items]
        clash = [(a, b) for n, a in enumerate(items) for m, b in enumerate(items) if n < m
                 and len(words[n]) >= 3 and len(words[m]) >= 3 and not words[n] & words[m]]
        if not clash:
            continue
        a, b = clash[0]
        for item in (a, b):
            yield me.finding(f"{a.name} được ghi với hai trích yếu khác nhau: "
                             f"“{a.subject[:80]}” ({_place(report, a)}) và “{b.subject[:80]}” ({_place(report, b)}). "
                             "Đối chiếu văn bản gốc.", item.field, item.start, item.end)
