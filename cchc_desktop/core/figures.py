"""Figures as offices type them: what was typed, and what it means.

A figure cell keeps the clerk's text ("02", "12.604", "18,75", "15%", "-"); this module
reads its meaning (a number, a percentage, or no data) for sums, comparisons and checks,
and prints it in one Vietnamese style when a table asks for it.

"12.604" is twelve thousand six hundred and four: Vietnamese offices group thousands with
a dot and write decimals with a comma, so a dot followed by exactly three digits is a
thousands separator, never a decimal point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .model import NumberStyle
from .vietnamese import format_number, nfc

NO_DATA_MARKS = frozenset({"-", "–", "—", "x", "X", "…", "..."})


class FigureKind(StrEnum):
    EMPTY = "empty"  # nothing typed
    NO_DATA = "no_data"  # "-" (or "x"): the office has no figure to give
    NUMBER = "number"
    PERCENT = "percent"


@dataclass(frozen=True)
class Figure:
    typed: str
    kind: FigureKind
    value: Decimal | None = None  # the number (a percentage as its number: "15%" -> 15)

    @property
    def has_value(self) -> bool:
        return self.value is not None

    @property
    def leading_zero(self) -> bool:
        """'02', '05': a zero the clerk wants printed."""
        digits = self.typed.strip().lstrip("+-")
        return len(digits) > 1 and digits[0] == "0" and digits[1].isdigit()


class FigureError(ValueError):
    """Text that is not a figure; the message is Vietnamese."""


_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_DOT_GROUPS = re.compile(r"\d{1,3}(\.\d{3})+")
_COMMA_GROUPS = re.compile(r"\d{1,3}(,\d{3})+")


def parse_figure(text: str) -> Figure:
    """Read ``text`` as a figure, or raise FigureError naming what is wrong."""
    typed = nfc(text or "")
    cleaned = _SPACES.sub("", typed)
    if not cleaned:
        return Figure(typed, FigureKind.EMPTY)
    if cleaned in NO_DATA_MARKS:
        return Figure(typed, FigureKind.NO_DATA)
    percent = cleaned.endswith("%")
    body = cleaned[:-1] if percent else cleaned
    value = _number(body)
    if value is None:
        raise FigureError(
            f"“{typed.strip()}” không phải là số liệu. Nhập số (ví dụ 1.250 hoặc 18,75), "
            "tỷ lệ (15%) hoặc dấu - khi không có số liệu."
        )
    return Figure(typed, FigureKind.PERCENT if percent else FigureKind.NUMBER, value)


def _number(body: str) -> Decimal | None:
    sign = ""
    if body and body[0] in "+-":
        sign, body = ("-" if body[0] == "-" else ""), body[1:]
    if not body or not body.isascii():
        return None
    whole, comma, frac = body.partition(",")
    if comma:
        if "," in frac or not frac.isdigit():
            return None
    if "." in whole:
        if not _DOT_GROUPS.fullmatch(whole):
            # "1.5" with no comma anywhere: an English decimal point; "1.2.3": nothing.
            if comma or whole.count(".") != 1 or not whole.replace(".", "").isdigit():
                return None
            whole, frac = whole.split(".")
            if not whole:
                return None
        whole = whole.replace(".", "")
    if not whole.isdigit():
        return None
    return Decimal(f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}")


def figure_value(text: str) -> Decimal | None:
    """The number in ``text``, or None for no data, blank or anything that is not a figure."""
    try:
        return parse_figure(text).value
    except FigureError:
        return None


def is_figure(text: str) -> bool:
    try:
        parse_figure(text)
    except FigureError:
        return False
    return True


def format_figure(text: str, style: NumberStyle = NumberStyle.VIETNAMESE) -> str:
    """``text`` as it is printed in a table of ``style`` (what cannot be read stays as typed)."""
    typed = nfc(text or "").strip()
    if style == NumberStyle.AS_TYPED:
        return typed
    try:
        figure = parse_figure(typed)
    except FigureError:
        return typed
    if figure.kind == FigureKind.EMPTY:
        return ""
    if figure.kind == FigureKind.NO_DATA:
        return "-"
    assert figure.value is not None
    printed = format_number(figure.value)
    if figure.leading_zero and figure.value == figure.value.to_integral_value() and len(printed) < 2:
        printed = printed.zfill(len(typed.lstrip("+-").rstrip("%").strip()))
    if typed.startswith("+") and figure.value > 0:
        printed = "+" + printed
    return printed + ("%" if figure.kind == FigureKind.PERCENT else "")


def figure_text(value: Decimal | None) -> str:
    """A computed number as a clerk would type it ('1.250', '12,5'); '' for none."""
    return format_number(value)
