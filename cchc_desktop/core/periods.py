"""Reporting periods: Vietnamese wording, Decree 09 cut-off dates, the next period.

Decree 09/2019/NĐ-CP fixes data cut-offs for month, quarter, first half and year
(report-format.md §7); the other kinds follow by analogy: second half 15/6–14/12,
nine months 15/12 of Y−1 – 14/9, ad hoc without its own dates = the year's dates.
A report's own ``start``/``end`` override the defaults one by one.

``find_period_phrases`` finds period wording in running text ("6 tháng đầu năm 2024",
"quý 2/2025", "QUÝ/6 THÁNG/NĂM") for the checker and the next-report rewriter.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from .model import Period, PeriodKind

KIND_LABELS: dict[PeriodKind, str] = {
    PeriodKind.WEEK: "Tuần",
    PeriodKind.MONTH: "Tháng",
    PeriodKind.QUARTER: "Quý",
    PeriodKind.HALF1: "6 tháng đầu năm",
    PeriodKind.HALF2: "6 tháng cuối năm",
    PeriodKind.NINE_MONTHS: "9 tháng",
    PeriodKind.YEAR: "Năm",
    PeriodKind.ADHOC: "Đột xuất (theo yêu cầu)",
    PeriodKind.NONE: "Không theo kỳ (chuyên đề)",
}

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_FROM_ROMAN = {v: k for k, v in ROMAN.items()}

# kind -> (month of the start day (0 = December of Y-1), month of the end day); days 15 / 14.
_FIXED = {
    PeriodKind.HALF1: (0, 6),
    PeriodKind.HALF2: (6, 12),
    PeriodKind.NINE_MONTHS: (0, 9),
    PeriodKind.YEAR: (0, 12),
    PeriodKind.ADHOC: (0, 12),
    PeriodKind.NONE: (0, 12),
}


def _index(period: Period, high: int) -> int:
    if period.index is None or not 1 <= period.index <= high:
        what = {12: "tháng (1–12)", 4: "quý (1–4)"}.get(high, f"tuần (1–{high})")
        raise ValueError(f"Kỳ báo cáo thiếu hoặc sai số {what}: {period.index!r}.")
    return period.index


# ------------------------------------------------------------------ weeks
# Offices number the weeks of a month: week 1 is the Monday-to-Sunday week holding the
# month's first Thursday (so most of its working days are in the month), as in "tuần 03
# tháng 9 năm 2026 (từ ngày 14/9/2026 đến ngày 18/9/2026)".


def week_monday(year: int, month: int, week: int) -> date:
    first = date(year, month, 1)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    return thursday - timedelta(days=3) + timedelta(weeks=week - 1)


def weeks_in_month(year: int, month: int) -> int:
    """4 or 5: how many of the month's weeks (Monday to Sunday) hold one of its Thursdays."""
    first = date(year, month, 1)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    return (calendar.monthrange(year, month)[1] - thursday.day) // 7 + 1


def week_of(day: date) -> Period:
    """The week period holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    thursday = monday + timedelta(days=3)
    return Period(PeriodKind.WEEK, thursday.year, (thursday.day - 1) // 7 + 1, month=thursday.month)


def _week_month(period: Period) -> int:
    if period.month is None or not 1 <= period.month <= 12:
        raise ValueError(f"Kỳ báo cáo tuần thiếu hoặc sai tháng: {period.month!r}.")
    return period.month


def week_dates(period: Period) -> tuple[date, date]:
    """Monday and Friday of a week period (its own start/end where set)."""
    monday = week_monday(period.year, _week_month(period), _index(period, 6))
    return period.start or monday, period.end or monday + timedelta(days=4)


def short_date(day: date) -> str:
    """'14/9/2026', '05/01/2027': Decree 30's zeros (a day below 10, the months 1 and 2)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def range_text(start: date, end: date) -> str:
    """'Từ ngày 14/9/2026 đến ngày 18/9/2026'."""
    return f"Từ ngày {short_date(start)} đến ngày {short_date(end)}"


def week_range_text(period: Period) -> str:
    """'Từ ngày 14/9/2026 đến ngày 18/9/2026'."""
    return range_text(*week_dates(period))


def period_range_text(period: Period) -> str:
    """The from/to line of any period: a week's working days, else its data cut-off dates."""
    if period.kind == PeriodKind.WEEK:
        return week_range_text(period)
    return range_text(*cutoff_dates(period))


_RANGE = re.compile(r"(?<!\w)từ[ \t\u00a0]+ngày[ \t\u00a0]+(\d{1,2})/(\d{1,2})/(\d{4})[ \t\u00a0]+"
                    r"đến[ \t\u00a0]+ngày[ \t\u00a0]+(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])", re.IGNORECASE)


def find_date_ranges(text: str) -> list[tuple[int, int, date, date]]:
    """'Từ ngày 14/9/2026 đến ngày 18/9/2026' phrases: (start, end, from, to)."""
    found = []
    for match in _RANGE.finditer(text):
        d1, m1, y1, d2, m2, y2 = (int(g) for g in match.groups())
        try:
            found.append((match.start(), match.end(), date(y1, m1, d1), date(y2, m2, d2)))
        except ValueError:
            continue
    return found


def period_label(period: Period) -> str:
    """'tháng 3 năm 2025', 'quý II năm 2025', '6 tháng đầu năm 2024', 'năm 2024' …"""
    kind, year = period.kind, period.year
    if kind == PeriodKind.WEEK:
        return f"tuần {_index(period, 6):02d} tháng {_week_month(period)} năm {year}"
    if kind == PeriodKind.NONE:
        return period.label
    if kind == PeriodKind.MONTH:
        return f"tháng {_index(period, 12)} năm {year}"
    if kind == PeriodKind.QUARTER:
        return f"quý {ROMAN[_index(period, 4)]} năm {year}"
    if kind == PeriodKind.HALF1:
        return f"6 tháng đầu năm {year}"
    if kind == PeriodKind.HALF2:
        return f"6 tháng cuối năm {year}"
    if kind == PeriodKind.NINE_MONTHS:
        return f"9 tháng năm {year}"
    if kind == PeriodKind.YEAR:
        return f"năm {year}"
    return period.label or f"năm {year}"  # ad hoc: the wording of the request


def _day(year: int, month: int, day: int) -> date:
    if month <= 0:  # the month before January
        return date(year - 1, month + 12, day)
    return date(year, month, day)


def default_cutoff_dates(period: Period) -> tuple[date, date]:
    """Decree 09 data window: from the 15th of the month before to the 14th of the last month."""
    year = period.year
    if period.kind == PeriodKind.WEEK:
        monday = week_monday(year, _week_month(period), _index(period, 6))
        return monday, monday + timedelta(days=4)
    if period.kind == PeriodKind.MONTH:
        last = _index(period, 12)
    elif period.kind == PeriodKind.QUARTER:
        last = 3 * _index(period, 4)
    else:
        first, last = _FIXED[period.kind]
        return _day(year, first, 15), _day(year, last, 14)
    first = last - 3 if period.kind == PeriodKind.QUARTER else last - 1
    return _day(year, first, 15), _day(year, last, 14)


def cutoff_dates(period: Period) -> tuple[date, date]:
    """(from, to) of the data: the report's own dates where set, else the defaults."""
    if period.start is not None and period.end is not None:
        return period.start, period.end
    start, end = default_cutoff_dates(period)
    return period.start or start, period.end or end


def next_period(period: Period) -> Period:
    """The period after this one (year rollover for December, quý IV and the second half)."""
    kind, year = period.kind, period.year
    if kind == PeriodKind.WEEK:
        monday = week_monday(year, _week_month(period), _index(period, 6))
        return week_of(monday + timedelta(weeks=1))
    if kind == PeriodKind.MONTH:
        month = _index(period, 12)
        return Period(kind, year + month // 12, month % 12 + 1)
    if kind == PeriodKind.QUARTER:
        quarter = _index(period, 4)
        return Period(kind, year + quarter // 4, quarter % 4 + 1)
    if kind == PeriodKind.HALF1:
        return Period(PeriodKind.HALF2, year)
    if kind == PeriodKind.HALF2:
        return Period(PeriodKind.HALF1, year + 1)
    if kind == PeriodKind.NINE_MONTHS:
        return Period(PeriodKind.YEAR, year)
    if kind == PeriodKind.YEAR:
        return Period(kind, year + 1)
    return Period(kind, year, period.index, label=period.label)  # ad hoc: no natural successor


_KIND_ALIASES = {k.value: k for k in PeriodKind} | {
    "q": PeriodKind.QUARTER, "m": PeriodKind.MONTH, "nine": PeriodKind.NINE_MONTHS,
    "9m": PeriodKind.NINE_MONTHS, "h1": PeriodKind.HALF1, "h2": PeriodKind.HALF2, "w": PeriodKind.WEEK,
}
_SPEC_HELP = ("ví dụ half1:2024, half2:2024, nine_months:2024, year:2024, quarter:2025:1, month:2025:12, "
              "week:2026:9:3 (tuần 3 tháng 9), none")


def parse_period_spec(spec: str) -> Period:
    """'half2:2024', 'year:2024', 'quarter:2025:1', 'month:2025:12', 'adhoc:2024[:nhãn]'."""
    parts = [part.strip() for part in spec.strip().split(":")]
    kind = _KIND_ALIASES.get(parts[0].lower()) if parts else None
    if kind == PeriodKind.NONE:
        year = int(parts[1]) if len(parts) > 1 and re.fullmatch(r"\d{4}", parts[1]) else date.today().year
        return Period(kind, year, label=":".join(parts[2:]))
    if kind is None or len(parts) < 2:
        raise ValueError(f"Kỳ báo cáo “{spec}” không hợp lệ ({_SPEC_HELP}).")
    if not re.fullmatch(r"\d{4}", parts[1]):
        raise ValueError(f"Năm “{parts[1]}” trong kỳ “{spec}” phải gồm 4 chữ số.")
    year = int(parts[1])
    if kind == PeriodKind.ADHOC:
        return Period(kind, year, label=":".join(parts[2:]))
    if kind == PeriodKind.WEEK:
        numbers = [int(p) for p in parts[2:] if p.isdigit()]
        if len(parts) != 4 or len(numbers) != 2 or not 1 <= numbers[0] <= 12 or not 1 <= numbers[1] <= 6:
            raise ValueError(f"Kỳ “{spec}” cần tháng (1–12) và số tuần trong tháng (1–6), ví dụ week:2026:9:3.")
        if numbers[1] > weeks_in_month(year, numbers[0]):
            raise ValueError(f"Tháng {numbers[0]} năm {year} chỉ có {weeks_in_month(year, numbers[0])} tuần "
                             f"(tuần 1 là tuần có ngày thứ Năm đầu tiên của tháng).")
        return Period(kind, year, numbers[1], month=numbers[0])
    high = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4}.get(kind)
    if high is None:
        if len(parts) > 2:
            raise ValueError(f"Kỳ “{spec}” không cần số thứ tự ({_SPEC_HELP}).")
        return Period(kind, year)
    what = "tháng (1–12)" if high == 12 else "quý (1–4)"
    if len(parts) != 3 or not parts[2].isdigit() or not 1 <= int(parts[2]) <= high:
        raise ValueError(f"Kỳ “{spec}” cần số {what}, {_SPEC_HELP}.")
    return Period(kind, year, int(parts[2]))


# ------------------------------------------------------------------ phrases in running text


class PeriodPhrase(NamedTuple):
    """A period phrase at text[start:end]; ``value`` is a Period when the wording names a
    year, else the matched text ('6 tháng đầu năm', 'quý II', 'QUÝ/6 THÁNG/NĂM 2024')."""

    start: int
    end: int
    value: Period | str


_W = r"(?<![\w/.])"  # not inside a word, number or date
_E = r"(?![\w/])"
_S = r"[ \t\u00a0]+"
def _year(name: str) -> str:
    """' năm 2025' or '/2025' after a month or quarter number."""
    return rf"(?:{_S}năm{_S}(?P<{name}>\d{{4}})|\s*/\s*(?P<{name}s>\d{{4}}))"


@lru_cache(maxsize=1)
def _phrase_pattern() -> re.Pattern[str]:
    """Compiled on first use (10 ms): the window imports this module before its first paint."""
    return re.compile(_PHRASE_SOURCE, re.IGNORECASE)


_PHRASE_SOURCE = "|".join([
    # consumed and dropped: calendar dates are not periods ("ngày 15 tháng 01 năm 2024")
    rf"(?P<date>{_W}ngày{_S}\d{{1,2}}{_S}tháng{_S}\d{{1,2}}(?:{_S}năm{_S}\d{{4}})?"
    rf"|{_W}\d{{1,2}}/\d{{1,2}}/\d{{4}})",
    rf"(?P<week>{_W}tuần{_S}(?P<w>\d{{1,2}}){_S}tháng{_S}(?P<wm>\d{{1,2}}){_year('wy')}?{_E})",
    rf"(?P<placeholder>{_W}quý\s*/\s*6{_S}tháng\s*/\s*năm(?:{_S}\d{{4}})?{_E})",
    rf"(?P<half>{_W}(?:6|06|sáu){_S}tháng(?:{_S}(?P<side>đầu|cuối))?{_S}năm"
    rf"(?:{_S}(?P<hy>\d{{4}}))?{_E})",
    rf"(?P<half_slash>{_W}(?:6|06|sáu){_S}tháng(?:{_S}(?P<side2>đầu|cuối))?(?:{_S}năm)?\s*/\s*(?P<hy2>\d{{4}}){_E})",
    rf"(?P<nine>{_W}(?:9|09|chín){_S}tháng(?:{_S}đầu)?(?:{_S}năm(?:{_S}(?P<ny>\d{{4}}))?|\s*/\s*(?P<ny2>\d{{4}}))?{_E})",
    rf"(?P<quarter>{_W}quý{_S}(?P<q>IV|III|II|I|[1-4])(?!\w){_year('qy')}?{_E})",
    rf"(?P<month>{_W}tháng{_S}(?P<m>\d{{1,2}}){_year('my')}{_E})",
    rf"(?P<year>{_W}năm{_S}(?P<y>\d{{4}}){_E})",
])


def _group(match: re.Match[str], *names: str) -> str | None:
    for name in names:
        if match.group(name):
            return match.group(name)
    return None


def _value(match: re.Match[str]) -> Period | str:
    kind, text = match.lastgroup, match.group(0)
    if kind in ("half", "half_slash"):
        year, side = _group(match, "hy", "hy2"), _group(match, "side", "side2")
        half = PeriodKind.HALF2 if side and side.lower() == "cuối" else PeriodKind.HALF1
        return Period(half, int(year)) if year else text
    if kind == "nine":
        year = _group(match, "ny", "ny2")
        return Period(PeriodKind.NINE_MONTHS, int(year)) if year else text
    if kind == "quarter":
        q, year = match.group("q").upper(), _group(match, "qy", "qys")
        index = _FROM_ROMAN.get(q) or int(q)
        return Period(PeriodKind.QUARTER, int(year), index) if year else text
    if kind == "week":
        week, month, year = int(match.group("w")), int(match.group("wm")), _group(match, "wy", "wys")
        if year and 1 <= week <= 6 and 1 <= month <= 12:
            return Period(PeriodKind.WEEK, int(year), week, month=month)
        return text  # "tuần 03 tháng 9" without its year: see week_numbers
    if kind == "month":
        month, year = int(match.group("m")), _group(match, "my", "mys")
        return Period(PeriodKind.MONTH, int(year), month) if 1 <= month <= 12 else text
    if kind == "year":
        return Period(PeriodKind.YEAR, int(match.group("y")))
    return text  # placeholder


_HINT = re.compile("tháng|quý|năm|tuần", re.IGNORECASE)


def find_period_phrases(text: str) -> list[PeriodPhrase]:
    """Every period phrase in ``text``, left to right, longest wording first at each place."""
    return list(_phrases(text))


@lru_cache(maxsize=4096)
def _phrases(text: str) -> tuple[PeriodPhrase, ...]:
    # cached: the checker asks for the same field several times, and again as the clerk types
    if not _HINT.search(text):  # every period phrase has one of these words; most text is skipped fast
        return ()
    return tuple(PeriodPhrase(match.start(), match.end(), _value(match))
                 for match in _phrase_pattern().finditer(text) if match.lastgroup != "date")


def is_placeholder_phrase(phrase: PeriodPhrase, text: str) -> bool:
    """True for the template's 'QUÝ/6 THÁNG/NĂM' wording."""
    return bool(re.match(r"quý\s*/", text[phrase.start:phrase.end], re.IGNORECASE))


_WEEK_WORDS = re.compile(r"tuần[ \t\u00a0]+(\d{1,2})[ \t\u00a0]+tháng[ \t\u00a0]+(\d{1,2})", re.IGNORECASE)


def week_numbers(text: str) -> tuple[int, int] | None:
    """(week, month) of a week phrase without its year ('tuần 03 tháng 9'), else None."""
    match = _WEEK_WORDS.fullmatch(text.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


def week_words(period: Period) -> str:
    """'tuần 03 tháng 9': a week period's wording without the year."""
    return f"tuần {_index(period, 6):02d} tháng {_week_month(period)}"
