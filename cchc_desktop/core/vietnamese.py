"""Vietnamese text helpers: NFC, accent folding for search, Decree 30 wording of numbers and dates."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from .model import DocumentDate

BLANK = "\u00a0" * 6  # room left for a hand-written day or number on a draft


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, accent-free form for searching: 'Cương Gián' -> 'cuong gian', 'Đ' -> 'd'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def day_text(day: int) -> str:
    """Decree 30: a day below 10 gets a leading zero."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Decree 30: only January and February get a leading zero (to avoid misreading)."""
    return f"{month:02d}" if month <= 2 else str(month)


def date_words(value: DocumentDate) -> str:
    """'ngày 05 tháng 01 năm 2024', with blanks for a missing day or month."""
    day = day_text(value.day) if value.day else BLANK
    month = month_text(value.month) if value.month else BLANK
    return f"ngày {day} tháng {month} năm {value.year}"


def place_and_date(place: str, value: DocumentDate) -> str:
    return f"{place}, {date_words(value)}"


def number_line(number: str, doc_type: str, abbreviation: str) -> str:
    """'Số: 15/BC-UBND'; a blank number leaves room to write it in."""
    shown = number.strip() or BLANK
    return f"Số: {shown}/{doc_type}-{abbreviation}"


def format_number(value: Decimal | None) -> str:
    """'1.250', '12,5': dot for thousands, comma for decimals; '' for no value."""
    if value is None:
        return ""
    text = format(value.normalize(), ",f")
    if text.startswith("-0") and value == 0:
        text = text[1:]
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def parse_number(text: str) -> Decimal:
    """Read a number typed the Vietnamese way ('1.250', '12,5', '1.250,5').

    Raises ValueError with a Vietnamese message when the text is not a number.
    """
    cleaned = nfc(text).strip().replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        raise ValueError("Ô này chỉ nhận số.")
    body = cleaned.lstrip("+-")
    if "," in body:
        whole, _, frac = body.partition(",")
    else:
        whole, frac = body, ""
    groups = whole.split(".")
    grouped_ok = len(groups) == 1 or (
        1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    )
    digits = "".join(groups)
    if not digits.isdigit() or (frac and not frac.isdigit()) or not grouped_ok or not digits.isascii():
        raise ValueError(f"'{text.strip()}' không phải là số. Nhập số, ví dụ 1.250 hoặc 12,5.")
    sign = "-" if cleaned.startswith("-") else ""
    return Decimal(f"{sign}{digits}.{frac}" if frac else f"{sign}{digits}")
