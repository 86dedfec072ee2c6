"""Periods: labels, Decree 09 cut-off dates, the following period, specs and phrases in text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_desktop.core.model import Period, PeriodKind
from cchc_desktop.core.periods import (
    KIND_LABELS,
    cutoff_dates,
    find_period_phrases,
    next_period,
    parse_period_spec,
    period_label,
)

K = PeriodKind

# period, label, default cut-off (from, to), the following period
TABLE = [
    (Period(K.MONTH, 2025, 3), "tháng 3 năm 2025", (date(2025, 2, 15), date(2025, 3, 14)), Period(K.MONTH, 2025, 4)),
    (Period(K.MONTH, 2025, 1), "tháng 1 năm 2025", (date(2024, 12, 15), date(2025, 1, 14)), Period(K.MONTH, 2025, 2)),
    (Period(K.MONTH, 2024, 12), "tháng 12 năm 2024", (date(2024, 11, 15), date(2024, 12, 14)), Period(K.MONTH, 2025, 1)),
    (Period(K.QUARTER, 2025, 1), "quý I năm 2025", (date(2024, 12, 15), date(2025, 3, 14)), Period(K.QUARTER, 2025, 2)),
    (Period(K.QUARTER, 2025, 2), "quý II năm 2025", (date(2025, 3, 15), date(2025, 6, 14)), Period(K.QUARTER, 2025, 3)),
    (Period(K.QUARTER, 2025, 3), "quý III năm 2025", (date(2025, 6, 15), date(2025, 9, 14)), Period(K.QUARTER, 2025, 4)),
    (Period(K.QUARTER, 2024, 4), "quý IV năm 2024", (date(2024, 9, 15), date(2024, 12, 14)), Period(K.QUARTER, 2025, 1)),
    (Period(K.HALF1, 2024), "6 tháng đầu năm 2024", (date(2023, 12, 15), date(2024, 6, 14)), Period(K.HALF2, 2024)),
    (Period(K.HALF2, 2024), "6 tháng cuối năm 2024", (date(2024, 6, 15), date(2024, 12, 14)), Period(K.HALF1, 2025)),
    (Period(K.NINE_MONTHS, 2024), "9 tháng năm 2024", (date(2023, 12, 15), date(2024, 9, 14)), Period(K.YEAR, 2024)),
    (Period(K.YEAR, 2024), "năm 2024", (date(2023, 12, 15), date(2024, 12, 14)), Period(K.YEAR, 2025)),
    (Period(K.ADHOC, 2024, label="đợt cao điểm tháng 9"), "đợt cao điểm tháng 9",
     (date(2023, 12, 15), date(2024, 12, 14)), Period(K.ADHOC, 2024, label="đợt cao điểm tháng 9")),
    # week 1 of a month holds its first Thursday: 1/9/2026 is a Tuesday, so week 1 starts 31/8
    (Period(K.WEEK, 2026, 3, month=9), "tuần 03 tháng 9 năm 2026", (date(2026, 9, 14), date(2026, 9, 18)),
     Period(K.WEEK, 2026, 4, month=9)),
    (Period(K.WEEK, 2026, 4, month=9), "tuần 04 tháng 9 năm 2026", (date(2026, 9, 21), date(2026, 9, 25)),
     Period(K.WEEK, 2026, 1, month=10)),  # 28/9–2/10: its Thursday is in October
    (Period(K.WEEK, 2026, 5, month=12), "tuần 05 tháng 12 năm 2026", (date(2026, 12, 28), date(2027, 1, 1)),
     Period(K.WEEK, 2027, 1, month=1)),
    (Period(K.NONE, 2026), "", (date(2025, 12, 15), date(2026, 12, 14)), Period(K.NONE, 2026)),
]


@pytest.mark.parametrize(("period", "label", "dates", "following"), TABLE)
def test_label_dates_and_next(period, label, dates, following) -> None:
    assert period_label(period) == label
    assert cutoff_dates(period) == dates
    assert next_period(period) == following


def test_every_kind_is_in_the_table_and_has_a_combo_label() -> None:
    assert {row[0].kind for row in TABLE} == set(PeriodKind)
    assert set(KIND_LABELS) == set(PeriodKind) and all(KIND_LABELS.values())


def test_overrides_win_one_by_one() -> None:
    period = Period(K.HALF1, 2024, start=date(2024, 1, 1))
    assert cutoff_dates(period) == (date(2024, 1, 1), date(2024, 6, 14))
    period = Period(K.YEAR, 2024, start=date(2024, 1, 1), end=date(2024, 11, 30))
    assert cutoff_dates(period) == (date(2024, 1, 1), date(2024, 11, 30))


def test_adhoc_without_label_or_dates_is_the_year() -> None:
    assert period_label(Period(K.ADHOC, 2024)) == "năm 2024"
    assert cutoff_dates(Period(K.ADHOC, 2024)) == cutoff_dates(Period(K.YEAR, 2024))


@pytest.mark.parametrize("period", [Period(K.MONTH, 2024, 13), Period(K.QUARTER, 2024), Period(K.QUARTER, 2024, 5)])
def test_bad_index_is_a_vietnamese_value_error(period) -> None:
    with pytest.raises(ValueError, match="Kỳ báo cáo"):
        period_label(period)


@given(st.sampled_from([K.MONTH, K.QUARTER]), st.integers(1900, 2998), st.data())
def test_next_period_starts_the_day_after_the_cutoff(kind, year, data) -> None:
    index = data.draw(st.integers(1, 12 if kind == K.MONTH else 4))
    period = Period(kind, year, index)
    assert (cutoff_dates(next_period(period))[0] - cutoff_dates(period)[1]).days == 1


@pytest.mark.parametrize(("spec", "period"), [
    ("half1:2024", Period(K.HALF1, 2024)),
    ("half2:2024", Period(K.HALF2, 2024)),
    ("year:2024", Period(K.YEAR, 2024)),
    ("nine_months:2024", Period(K.NINE_MONTHS, 2024)),
    ("quarter:2025:1", Period(K.QUARTER, 2025, 1)),
    ("month:2025:12", Period(K.MONTH, 2025, 12)),
    (" Quarter:2025:4 ", Period(K.QUARTER, 2025, 4)),
    ("adhoc:2024:đợt cao điểm", Period(K.ADHOC, 2024, label="đợt cao điểm")),
])
def test_parse_period_spec(spec, period) -> None:
    assert parse_period_spec(spec) == period


@pytest.mark.parametrize("spec", ["", "half2", "week:2024", "year:24", "quarter:2025", "quarter:2025:5",
                                  "month:2025:0", "month:2025:x", "year:2024:1"])
def test_parse_period_spec_rejects(spec) -> None:
    with pytest.raises(ValueError) as error:
        parse_period_spec(spec)
    assert "Kỳ" in str(error.value) or "Năm" in str(error.value)


PHRASES = [
    ("Báo cáo 6 tháng đầu năm 2024", [("6 tháng đầu năm 2024", Period(K.HALF1, 2024))]),
    ("phương hướng 6 tháng cuối năm 2024.", [("6 tháng cuối năm 2024", Period(K.HALF2, 2024))]),
    ("BÁO CÁO 6 THÁNG ĐẦU NĂM 2024", [("6 THÁNG ĐẦU NĂM 2024", Period(K.HALF1, 2024))]),
    ("quý II năm 2025", [("quý II năm 2025", Period(K.QUARTER, 2025, 2))]),
    ("trong quý 2/2025 và QUÝ IV NĂM 2024", [("quý 2/2025", Period(K.QUARTER, 2025, 2)),
                                             ("QUÝ IV NĂM 2024", Period(K.QUARTER, 2024, 4))]),
    ("tháng 3 năm 2025; tháng 12/2024", [("tháng 3 năm 2025", Period(K.MONTH, 2025, 3)),
                                        ("tháng 12/2024", Period(K.MONTH, 2024, 12))]),
    ("kết quả 9 tháng năm 2024", [("9 tháng năm 2024", Period(K.NINE_MONTHS, 2024))]),
    ("trong 9 tháng qua", [("9 tháng", "9 tháng")]),
    ("nhiệm vụ năm 2024", [("năm 2024", Period(K.YEAR, 2024))]),
    ("TUYÊN TRUYỀN CCHC QUÝ/6 THÁNG/NĂM 2024", [("QUÝ/6 THÁNG/NĂM 2024", "QUÝ/6 THÁNG/NĂM 2024")]),
    ("kỳ QUÝ/6 THÁNG/NĂM", [("QUÝ/6 THÁNG/NĂM", "QUÝ/6 THÁNG/NĂM")]),
    ("6 tháng đầu năm", [("6 tháng đầu năm", "6 tháng đầu năm")]),
    # dates are not periods
    ("ngày 15 tháng 01 năm 2024", []),
    ("Kế hoạch số 06/KH-UBND ngày 15/01/2024", []),
    ("giai đoạn 2021-2030, năm 20245, 16 tháng", []),
]


@pytest.mark.parametrize(("text", "expected"), PHRASES)
def test_find_period_phrases(text, expected) -> None:
    found = [(text[start:end], value) for start, end, value in find_period_phrases(text)]
    assert found == expected


# A number right before "tháng 3 năm 2025" makes it a date ("9 tháng 3 năm 2025"), not a period.
@given(
    st.sampled_from([row[0] for row in TABLE if row[0].kind not in (K.ADHOC, K.NONE)]),
    st.text(max_size=20).filter(lambda prefix: not prefix.rstrip()[-1:].isdigit()),
)
def test_a_label_is_found_back_whole(period, prefix) -> None:
    text = f"{prefix} {period_label(period)}."
    phrases = find_period_phrases(text)
    assert phrases and phrases[-1].value == period
    assert text[phrases[-1].start:phrases[-1].end] == period_label(period)
    upper = text.upper()
    assert find_period_phrases(upper)[-1].value == period


# ---------------------------------------------------------------- weeks and no period


@pytest.mark.parametrize(("spec", "period"), [
    ("week:2026:9:3", Period(K.WEEK, 2026, 3, month=9)),
    ("w:2026:12:5", Period(K.WEEK, 2026, 5, month=12)),
    ("none", Period(K.NONE, date.today().year)),
    ("none:2025", Period(K.NONE, 2025)),
])
def test_parse_week_and_none_specs(spec, period) -> None:
    assert parse_period_spec(spec) == period


@pytest.mark.parametrize("spec", ["week:2026:9", "week:2026:13:1", "week:2026:9:7", "week:2026:9:x"])
def test_parse_week_spec_rejects(spec) -> None:
    with pytest.raises(ValueError, match="tuần"):
        parse_period_spec(spec)


@pytest.mark.parametrize(("period", "text"), [
    (Period(K.WEEK, 2026, 3, month=9), "Từ ngày 14/9/2026 đến ngày 18/9/2026"),
    (Period(K.WEEK, 2027, 1, month=1), "Từ ngày 04/01/2027 đến ngày 08/01/2027"),  # Decree 30 zeros
    (Period(K.WEEK, 2026, 5, month=12), "Từ ngày 28/12/2026 đến ngày 01/01/2027"),
])
def test_week_range_text(period, text) -> None:
    from cchc_desktop.core.periods import period_range_text, week_range_text

    assert week_range_text(period) == period_range_text(period) == text


def test_range_of_other_periods_is_the_cutoff() -> None:
    from cchc_desktop.core.periods import period_range_text

    assert period_range_text(Period(K.QUARTER, 2026, 1)) == "Từ ngày 15/12/2025 đến ngày 14/3/2026"


def test_week_phrase_without_year_and_date_ranges_are_found() -> None:
    from cchc_desktop.core.periods import find_date_ranges, week_numbers

    text = "Kết quả tuần 03 tháng 9 (từ ngày 14/9/2026 đến ngày 18/9/2026)"
    [phrase] = find_period_phrases(text)
    assert text[phrase.start:phrase.end] == "tuần 03 tháng 9" and phrase.value == "tuần 03 tháng 9"
    assert week_numbers(phrase.value) == (3, 9)
    assert find_date_ranges(text) == [(25, len(text) - 1, date(2026, 9, 14), date(2026, 9, 18))]
    [phrase] = find_period_phrases("TUẦN 03 THÁNG 9 NĂM 2026")
    assert phrase.value == Period(K.WEEK, 2026, 3, month=9)
    assert find_date_ranges("từ ngày 31/2/2026 đến ngày 18/9/2026") == []  # no such day
