from decimal import Decimal

import pytest

from cchc_desktop.core.model import DocumentDate
from cchc_desktop.core.vietnamese import (
    BLANK,
    date_words,
    fold,
    format_number,
    number_line,
    parse_number,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (DocumentDate(2024, 1, 5), "ngày 05 tháng 01 năm 2024"),
        (DocumentDate(2024, 2, 25), "ngày 25 tháng 02 năm 2024"),
        (DocumentDate(2024, 3, 10), "ngày 10 tháng 3 năm 2024"),
        (DocumentDate(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
        (DocumentDate(2024, 5, None), f"ngày {BLANK} tháng 5 năm 2024"),
        (DocumentDate(2024, None, None), f"ngày {BLANK} tháng {BLANK} năm 2024"),
    ],
)
def test_date_words_follow_decree_30(value: DocumentDate, expected: str) -> None:
    assert date_words(value) == expected


def test_number_line_blank_and_filled() -> None:
    assert number_line("15", "BC", "UBND") == "Số: 15/BC-UBND"
    assert number_line("", "BC", "UBND") == f"Số: {BLANK}/BC-UBND"


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Cương Gián", "cuong gian"), ("ĐỒNG THÁP", "dong thap"), ("quý II", "quy ii"), ("Nghệ An", "nghe an")],
)
def test_fold_removes_accents_and_d_bar(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1.250", "1250"), ("12,5", "12.5"), ("1.250,75", "1250.75"), ("0", "0"), (" 40 ", "40"), ("-3", "-3")],
)
def test_parse_number_accepts_vietnamese_notation(typed: str, value: str) -> None:
    assert parse_number(typed) == Decimal(value)


@pytest.mark.parametrize("typed", ["abc", "12a", "1.25", "1,2,3", "", "٣"])
def test_parse_number_refuses_non_numbers_with_a_message(typed: str) -> None:
    with pytest.raises(ValueError, match="số"):
        parse_number(typed)


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("1250"), "1.250"), (Decimal("12.5"), "12,5"), (Decimal("100"), "100"), (None, ""), (Decimal("1E+3"), "1.000")],
)
def test_format_number_uses_dot_for_thousands(value: Decimal | None, text: str) -> None:
    assert format_number(value) == text
