"""Figures as offices type them: the number each means and how it is printed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_desktop.core.figures import FigureError, FigureKind, format_figure, parse_figure
from cchc_desktop.core.model import NumberStyle

# typed, kind, number, printed in the Vietnamese style
TABLE = [
    ("12.604", FigureKind.NUMBER, Decimal(12604), "12.604"),  # a thousands dot, never a decimal point
    ("1.250,5", FigureKind.NUMBER, Decimal("1250.5"), "1.250,5"),
    ("18,75", FigureKind.NUMBER, Decimal("18.75"), "18,75"),
    ("15%", FigureKind.PERCENT, Decimal(15), "15%"),
    ("15 %", FigureKind.PERCENT, Decimal(15), "15%"),
    ("-", FigureKind.NO_DATA, None, "-"),
    ("02", FigureKind.NUMBER, Decimal(2), "02"),  # the leading zero is kept
    ("", FigureKind.EMPTY, None, ""),
    ("1250", FigureKind.NUMBER, Decimal(1250), "1.250"),
    ("1 250", FigureKind.NUMBER, Decimal(1250), "1.250"),
    ("-3", FigureKind.NUMBER, Decimal(-3), "-3"),
    ("1234567", FigureKind.NUMBER, Decimal(1234567), "1.234.567"),
    ("12.5", FigureKind.NUMBER, Decimal("12.5"), "12,5"),  # not three digits: an English decimal point
]


@pytest.mark.parametrize(("typed", "kind", "number", "printed"), TABLE)
def test_typed_figure_means_and_prints(typed, kind, number, printed) -> None:
    figure = parse_figure(typed)
    assert (figure.kind, figure.value) == (kind, number)
    assert format_figure(typed, NumberStyle.VIETNAMESE) == printed
    assert format_figure(typed, NumberStyle.AS_TYPED) == typed.strip()


@pytest.mark.parametrize("typed", ["abc", "1.2.3", "12 cuộc", "1,2,3", "%", "١٢", "+", "1.250.5"])
def test_letters_and_broken_numbers_are_refused_with_a_message(typed) -> None:
    with pytest.raises(FigureError, match="không phải là số liệu"):
        parse_figure(typed)
    assert format_figure(typed) == typed  # never printed differently from what was typed
