"""Numbers as Vietnamese running text writes them, for the checks that do sums.

"4.512" (dot groups thousands), "87,63%" (comma marks decimals), "1.234,5 kg", fractions
"4.512/5.230", ranges "2021–2025".  Everything that only looks like a number is left out:
dates ("06/11/2025", "ngày 06/11"), periods ("tháng 12/2025", "quý 3/2025"), document
numbers ("số 512/QĐ-UBND"), times ("11h00"), phone numbers, codes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# a number standing alone: not inside a date, a code, a time, a version or a phone number
NUMBER = re.compile(rf"(?<![\w/.,\-–+])({_NUM})(?![\w/\-]|[.,]\d)")
FRACTION = re.compile(rf"(?<![\w/.,\-–+])({_NUM})\s*/\s*({_NUM})(?![\w/\-]|[.,]\d|\s*/)")
PERCENT = re.compile(rf"(?<![\w/.,\-–+])({_NUM})\s*%")
# words before a "N/M" that make it a date, a period or a document number
_NOT_FRACTION = re.compile(r"(?:ngày|tháng|quý|năm|số|kỳ|đợt|tuần|lần|khóa|khoá|khu|tổ|ấp|thôn|"
                           r"điểm|khoản|mục|phần|hiệu|mã|giờ|lúc|từ|đến)\s*$", re.IGNORECASE)
# any figure, also inside "512 vụ/730 đối tượng" (series of pairs)
LOOSE_NUMBER = re.compile(rf"(?<![\d.,])({_NUM})(?!\d|[.,]\d)")
WORD = re.compile(r"[^\W\d_]+")
SENTENCE_END = re.compile(r"[.;!?](?=\s|$)|\n")


_PROSE = ("sections[", "subject", "opening", "closing")
_DIGIT = re.compile(r"\d")


def prose_with_figures(report, sign: re.Pattern[str] = _DIGIT) -> Iterator[tuple[str, str]]:
    """(field, text) of the running text (parts, footnotes, text tables, subject, opening,
    closing) that holds a digit (or ``sign``); the appendix forms are the table checks' business.
    Within one ``run_checks`` the list is made once for all the rules that read it."""
    from .base import per_run, text_fields

    def build() -> list[tuple[str, str]]:
        return [(field, text) for field, text in text_fields(report)
                if field.startswith(_PROSE) and sign.search(text)]

    return iter(per_run(report, f"prose:{sign.pattern}", build))


def value(text: str) -> Decimal | None:
    """'4.512' -> 4512, '87,63' -> 87.63; None for what is not written the Vietnamese way."""
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def decimals(text: str) -> int:
    return len(text.partition(",")[2])


@dataclass(frozen=True)
class Fraction:
    start: int
    end: int
    part: Decimal
    whole: Decimal
    text: str


def fractions(text: str) -> Iterator[Fraction]:
    """'4.512/5.230' read as a part over a whole; dates, periods and document numbers left out."""
    for match in FRACTION.finditer(text):
        if _NOT_FRACTION.search(text, max(0, match.start() - 12), match.start()):
            continue
        part, whole = value(match.group(1)), value(match.group(2))
        if part is None or whole is None or whole == 0:
            continue
        if re.fullmatch(r"(?:19|20)\d\d", match.group(2)) and part <= 12:
            continue  # "3/2025": a month or a quarter of a year
        if part <= 31 and whole <= 12 and "." not in match.group(0):
            continue  # "06/11": a day and a month
        yield Fraction(match.start(), match.end(), part, whole, match.group(0))


@dataclass(frozen=True)
class Quantity:
    """A number and the word(s) right after it ("12.340 hồ sơ": unit 'hồ sơ')."""

    start: int
    end: int
    value: Decimal
    text: str
    unit: str


_BEFORE_NOT_COUNT = re.compile(r"(?:ngày|tháng|quý|năm|(?<!tổng )số|kỳ|đợt|tuần|lần thứ|khóa|khoá|giờ|lúc|thứ|"
                               r"mục|khoản|điều|điểm|phần|giai đoạn)\s*$", re.IGNORECASE)


def quantities(text: str, unit_words: int = 2) -> list[Quantity]:
    """Counts with their unit, in order; years, dates, percentages and ordinals left out."""
    found = []
    for match in NUMBER.finditer(text):
        if _BEFORE_NOT_COUNT.search(text, max(0, match.start() - 14), match.start()):
            continue
        after = text[match.end():match.end() + 40]
        if after.lstrip().startswith("%"):
            continue
        words = re.match(r"\s+((?:[^\W\d_]+[ ]?){1,%d})" % unit_words, after)
        if not words:
            continue
        number = value(match.group(1))
        if number is None:
            continue
        found.append(Quantity(match.start(), match.end(), number, match.group(1),
                              " ".join(words.group(1).lower().split())))
    return found


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence; a dot inside a number does not end one."""
    start = 0
    for match in SENTENCE_END.finditer(text):
        yield start, match.end()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def vi(number: Decimal, places: int = 2) -> str:
    """A figure written back the Vietnamese way: 86.2699 -> '86,27'."""
    quantum = Decimal(1).scaleb(-places)
    try:
        text = f"{number.quantize(quantum):,f}"
    except InvalidOperation:  # a figure of 30 digits: written as it is
        return str(number)
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
