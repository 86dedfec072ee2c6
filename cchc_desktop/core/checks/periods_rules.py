"""Period wording against the report's own period.

Strict places (subject, opening, closing, appendix titles, headings of the parts tagged
results or difficulties) must name the report's period; a directions part's heading names
the next one.  Wherever a phrase is introduced by "phương hướng", "nhiệm vụ", "kế hoạch"
… it may name a later period ("Báo cáo kết quả quý III năm 2026 và phương hướng, nhiệm vụ
quý IV năm 2026").  A plan's horizon is no period at all ("tầm nhìn đến năm 2030", "giai
đoạn 2021-2025", "định hướng đến năm 2030").

In running text only a phrase of the same kind as the report's period is compared, as a
warning ("periods.stale": a "tháng 7/2026" left in the September report), and not after
"so với", "từ", "kể từ", "đến" (comparisons and spans name other periods on purpose).
"so với tháng 9" in the tháng 9 report compares the period with itself ("periods.compare_self").
A weekly report's "TUẦN 03" in the title and "TUẦN 01" in a heading disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

from ..model import HEADING_ROLES, BlockRole, PartTag, Period, PeriodKind, Report, SectionKey
from ..periods import (cutoff_dates, default_cutoff_dates, find_date_ranges, find_period_phrases, next_period, period_label, week_dates,
                       week_range_text)
from .base import RULES, Context, Finding, Fix, Severity, per_run, rule, text_fields

STRICT = ("subject", "opening", "closing", "appendix.title")
_STRICT_APPENDIX = re.compile(r"appendices\[\d+\]\.title")
_BLOCK = re.compile(r"sections\[(\d+)\]\.blocks\[(\d+)\]")

# a later period may follow these (same sentence, a few words before)
FORWARD = re.compile(r"(phương\s+hướng|nhiệm\s+vụ|kế\s+hoạch|dự\s+kiến|chương\s+trình\s+công\s+tác|"
                     r"trọng\s+tâm|triển\s+khai\s+trong|sang)[^.;:!?]{0,80}$", re.IGNORECASE)
# a horizon or span: not the period of the report
HORIZON = re.compile(r"(tầm\s+nhìn|định\s+hướng|giai\s+đoạn|nhiệm\s+kỳ|đến\s+năm|tới\s+năm|lộ\s+trình|"
                     r"chiến\s+lược|mục\s+tiêu\s+đến|trước\s+năm|sau\s+năm)\s*(?:đến\s+)?$", re.IGNORECASE)
# other periods named on purpose: comparisons and spans
COMPARE = re.compile(r"so\s+với(?:\s+cùng\s+kỳ)?\s*$", re.IGNORECASE)
# "Thực hiện Kế hoạch số 05/KH-UBND … về cải cách hành chính năm 2025": a cited document's own period
CITED = re.compile(r"(kế\s+hoạch|quyết\s+định|nghị\s+quyết|công\s+văn|chỉ\s+thị|chương\s+trình|đề\s+án|"
                   r"thông\s+báo|hướng\s+dẫn|báo\s+cáo)\b[^.;:!?]*$", re.IGNORECASE)
SPAN = re.compile(r"(?:^|\s)(từ|kể\s+từ|đến|tới|trước|cuối|đầu|sau|hết|trong\s+các|các|những)\s*$", re.IGNORECASE)
BARE_MONTH = re.compile(r"(?<![\w/])tháng\s+(\d{1,2})(?![\w/])(?!\s*(?:năm|/))", re.IGNORECASE)
WEEK_NUMBER = re.compile(r"(?<![\w/])tuần\s+(?:thứ\s+)?(\d{1,2})(?![\d/])", re.IGNORECASE)


def _same(a: Period, b: Period) -> bool:
    key = (a.kind, a.year, a.index)
    if a.kind == PeriodKind.WEEK:
        return key == (b.kind, b.year, b.index) and a.month == b.month
    return key == (b.kind, b.year, b.index)


def _comparable(period: Period) -> bool:
    """Ad hoc wording is free, a thematic report has no period; a month/quarter still
    missing its number is the form's business."""
    if period.kind in (PeriodKind.ADHOC, PeriodKind.NONE):
        return False
    try:
        next_period(period)
        period_label(period)
    except ValueError:
        return False
    return True


def _family(period: Period) -> str:
    """Half-years compare with each other: a half1 report naming "6 tháng cuối" is suspect."""
    return "half" if period.kind in (PeriodKind.HALF1, PeriodKind.HALF2) else period.kind.value


def _order(period: Period) -> tuple[int, int]:
    """(year, month of the period's end) to tell earlier from later."""
    end_month = {PeriodKind.MONTH: period.index or 12, PeriodKind.QUARTER: 3 * (period.index or 4),
                 PeriodKind.HALF1: 6, PeriodKind.HALF2: 12, PeriodKind.NINE_MONTHS: 9,
                 PeriodKind.YEAR: 12, PeriodKind.WEEK: period.month or 12}.get(period.kind, 12)
    return period.year, end_month


def _months(period: Period) -> int:
    return {PeriodKind.WEEK: 0, PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.HALF1: 6,
            PeriodKind.HALF2: 6, PeriodKind.NINE_MONTHS: 9, PeriodKind.YEAR: 12}.get(period.kind, 0)


def _later(value: Period, own: Period) -> bool:
    """A period after the report's own, at most about a year later (the next period's work)."""
    if value.kind == PeriodKind.YEAR and own.kind != PeriodKind.YEAR:
        return value.year in (own.year, own.year + 1)
    (vy, vm), (oy, om) = _order(value), _order(own)
    months = (vy - oy) * 12 + (vm - om)
    return 0 < months <= 12 or (value.kind == PeriodKind.WEEK and _later_week(value, own))


def _later_week(value: Period, own: Period) -> bool:
    return (value.year, value.month or 0, value.index or 0) > (own.year, own.month or 0, own.index or 0)


def _context(report: Report) -> Iterator[tuple[str, str, SectionKey | None, bool]]:
    """(field, text, part tag, is the part's heading)."""
    for field, text in text_fields(report):
        match = _BLOCK.fullmatch(field)
        if match:
            part = report.sections[int(match.group(1))]
            block = part.blocks[int(match.group(2))]
            heading = block.role in HEADING_ROLES and block.role != BlockRole.PART and int(match.group(2)) == 0
            yield field, text, part.tag, heading
        elif field in STRICT or _STRICT_APPENDIX.fullmatch(field) or field.startswith("appendix.rows") \
                or field == "appendix.reference":
            yield field, text, None, False


def _opening_blocks(report: Report) -> set[str]:
    """Paragraphs before the first heading of the first part: the opening, when the import
    kept it as text of the part (it does so when the opening holds italic runs or a note)."""
    return per_run(report, "opening_blocks", lambda: _first_paragraphs(report))


def _first_paragraphs(report: Report) -> set[str]:
    # the import puts such an opening in a part of its own (tag OTHER) before the report's parts
    if not report.sections or report.sections[0].tag != PartTag.OTHER:
        return set()
    out = set()
    for b, block in enumerate(report.sections[0].blocks[:3]):
        if block.role != BlockRole.PARAGRAPH:
            break
        out.add(f"sections[0].blocks[{b}]")
    return out


def _is_opening(report: Report, field: str) -> bool:
    return field == "opening" or field in _opening_blocks(report)


def _expected(report: Report, field: str, tag: SectionKey | None, heading: bool) -> Period | None:
    """The period a strict place must name, or None for running text."""
    if field in STRICT or _STRICT_APPENDIX.fullmatch(field) or _is_opening(report, field):
        return report.period
    if heading and tag in (SectionKey.RESULTS, SectionKey.DIFFICULTIES):
        return report.period
    if heading and tag == SectionKey.DIRECTIONS:
        return next_period(report.period)
    return None


def _phrases(report: Report, text: str) -> Iterator[tuple[int, int, Period]]:
    """Period phrases with a value; in a monthly or weekly report a bare "tháng 9" is read
    as a month of the report's year."""
    found = []
    for start, end, value in find_period_phrases(text):
        if isinstance(value, Period):
            found.append((start, end, value))
    if report.period.kind in (PeriodKind.MONTH, PeriodKind.WEEK) and "tháng" in text.lower():
        for match in BARE_MONTH.finditer(text):
            if any(a <= match.start() < b for a, b, _v in found) or text[:match.start()].rstrip().lower().endswith(
                    ("tuần", "ngày")) or re.search(r"tuần\s+\d{1,2}\s*$", text[:match.start()], re.IGNORECASE):
                continue
            month = int(match.group(1))
            if 1 <= month <= 12:
                found.append((match.start(), match.end(), Period(PeriodKind.MONTH, report.period.year, month)))
    return iter(sorted(found, key=lambda item: item[0]))


def _before(text: str, start: int) -> str:
    return text[max(0, start - 100):start]


@rule("periods.mismatch", Severity.ERROR, "Cụm từ về kỳ báo cáo không khớp kỳ của báo cáo")
def mismatch(report: Report, context: Context) -> Iterator[Finding]:
    if not _comparable(report.period):
        return
    me = RULES["periods.mismatch"]
    own = report.period
    declared = [v for _a, _b, v in _phrases(report, report.subject)]
    for _a, _b, v in find_period_phrases(report.subject):  # "quý III và 9 tháng năm 2026": the year said once
        bare = re.fullmatch(r"quý\s+(IV|III|II|I|[1-4])", v, re.IGNORECASE) if isinstance(v, str) else None
        if bare:
            q = bare.group(1).upper()
            declared.append(Period(PeriodKind.QUARTER, own.year, {"I": 1, "II": 2, "III": 3, "IV": 4}.get(q) or int(q)))
    # "tháng 6 và 6 tháng đầu năm 2026": the month closing the half-year, its year said once
    declared += [Period(PeriodKind.MONTH, own.year, int(m.group(1))) for m in BARE_MONTH.finditer(report.subject)
                 if 1 <= int(m.group(1)) <= 12]
    for field, text, tag, heading in _context(report):
        expected = _expected(report, field, tag, heading)
        if expected is None:
            continue
        for start, end, value in _phrases(report, text):
            before = _before(text, start)
            if HORIZON.search(before) or COMPARE.search(before) or SPAN.search(before):
                continue
            if value.kind == PeriodKind.YEAR and expected.kind != PeriodKind.YEAR and value.year == expected.year:
                continue  # "… năm 2024" next to the period itself
            if _is_opening(report, field) and CITED.search(before) and "báo cáo" not in before[-40:].lower():
                continue  # the period of a cited document, not of this report
            if value.kind == PeriodKind.YEAR and own.kind != PeriodKind.YEAR and not heading \
                    and field not in ("subject", "appendix.title") and not _STRICT_APPENDIX.fullmatch(field):
                continue  # "năm 2025" in the opening of a quarter report: a reference, not the period
            if _same(value, expected) or (_order(value) == _order(expected) and _months(value) > _months(expected)):
                continue  # or the cumulative period ending with it: "quý III và 9 tháng năm 2026"
            if _order(value) == _order(expected) and any(_same(value, d) for d in declared):
                continue  # the subject declares both: "quý III và 9 tháng năm 2026"
            if FORWARD.search(before) and _later(value, own):
                continue  # "… và phương hướng, nhiệm vụ quý IV năm 2026"
            if tag == SectionKey.DIRECTIONS and _later(value, own):
                continue
            want = period_label(expected)
            typed = text[start:end]
            fixed = want.upper() if typed.isupper() else (want[:1].upper() + want[1:] if typed[:1].isupper() else want)
            yield me.finding(f"“{typed}” không khớp kỳ báo cáo; ở đây cần ghi “{want}”.", field, start, end,
                             fixes=(Fix(f"Sửa thành “{fixed}”", field, start, end, fixed),))
    yield from _week_numbers(report)
    yield from _date_ranges(report)


def _date_ranges(report: Report) -> Iterator[Finding]:
    """"Từ ngày … đến ngày …" in the subject or opening that does not even overlap the
    report's own dates: copied from the last report and not changed."""
    own = report.period
    if own.kind == PeriodKind.WEEK:
        first, last = week_dates(own)
        first = min(first, first - timedelta(days=first.weekday()))  # offices count Mon–Sun or Mon–Fri
        last = max(last, first + timedelta(days=6))
    else:
        first, last = cutoff_dates(own)
    me = RULES["periods.mismatch"]
    for field in ("subject", "opening"):
        text = getattr(report, field)
        if "ngày" not in text:
            continue
        for start, end, since, until in find_date_ranges(text):
            if field == "opening" and CITED.search(_before(text, start)):
                continue  # the dates of a cited plan
            if until < first or since > last:
                fixes = ()
                if own.kind == PeriodKind.WEEK:
                    want = week_range_text(own)
                    want = want if text[start].isupper() else want[:1].lower() + want[1:]
                    fixes = (Fix(f"Sửa thành “{want}”", field, start, end, want),)
                yield me.finding(f"“{text[start:end]}” không thuộc kỳ báo cáo ({period_label(own)}, "
                                 f"{first.day:02d}/{first.month}/{first.year} – {last.day:02d}/{last.month}/{last.year}): "
                                 "có thể chép từ báo cáo kỳ trước.", field, start, end, fixes=fixes)


def _week_numbers(report: Report) -> Iterator[Finding]:
    """A weekly report: "TUẦN 01" in a heading of the report's week 03."""
    own = report.period
    if own.kind != PeriodKind.WEEK or own.index is None:
        return
    me = RULES["periods.mismatch"]
    following = next_period(own)
    for field, text, tag, heading in _context(report):
        if _expected(report, field, tag, heading) is None and not (_BLOCK.fullmatch(field) and heading):
            continue
        for match in WEEK_NUMBER.finditer(text):
            number = int(match.group(1))
            before = _before(text, match.start())
            if number == own.index or HORIZON.search(before) or COMPARE.search(before):
                continue
            if (tag == SectionKey.DIRECTIONS or FORWARD.search(before)) and (number == following.index
                                                                            or number > own.index):
                continue
            start, end = match.start(1), match.end(1)
            want = f"{own.index:02d}"
            yield me.finding(f"“{match.group(0)}” không khớp kỳ báo cáo (tuần {want}); sửa thành “tuần {want}”.",
                             field, match.start(), match.end(),
                             fixes=(Fix(f"Sửa thành tuần {want}", field, start, end, want),))


def _within(value: Period, period: Period) -> bool:
    first, last = default_cutoff_dates(period)
    return (first.year, first.month) <= (value.year, value.index or 0) <= (last.year, last.month)


def _stale_month(value: Period, own: Period) -> bool:
    """A month named in a report on a longer period that is neither in it nor in the next one."""
    if value.kind != PeriodKind.MONTH or own.kind not in (PeriodKind.QUARTER, PeriodKind.HALF1, PeriodKind.HALF2,
                                                           PeriodKind.NINE_MONTHS, PeriodKind.YEAR):
        return False
    try:
        return not _within(value, own) and not _within(value, next_period(own))
    except ValueError:
        return False


@rule("periods.stale", Severity.WARNING, "Trong bài còn nhắc kỳ khác (có thể chép từ báo cáo kỳ trước)")
def stale(report: Report, context: Context) -> Iterator[Finding]:
    if not _comparable(report.period):
        return
    me = RULES["periods.stale"]
    own = report.period
    for field, text, tag, heading in _context(report):
        if _expected(report, field, tag, heading) is not None or field.startswith("appendix"):
            continue
        for start, end, value in _phrases(report, text):
            if _stale_month(value, own):
                pass  # "tháng 11/2025" in the report on quý I năm 2026: neither this period nor the next
            elif _family(value) != _family(own) or value.kind == PeriodKind.YEAR or _same(value, own):
                continue
            before = _before(text, start)
            if HORIZON.search(before) or COMPARE.search(before) or SPAN.search(before):
                continue
            if (tag == SectionKey.DIRECTIONS or FORWARD.search(before)) and _later(value, own):
                continue
            if CITED.search(before):
                continue  # "Kế hoạch số 12/KH-UBND … tháng 8/2025": a cited document's own period
            if value.year != own.year and value.kind != own.kind and not _stale_month(value, own):
                continue
            if _same(next_period(value), own):
                continue  # the period just before: its last days are in this report's data window
            if tag not in (SectionKey.RESULTS, SectionKey.DIFFICULTIES, SectionKey.DIRECTIONS):
                continue  # proposals and other parts speak of other times freely
            yield me.finding(f"“{text[start:end]}” không phải kỳ báo cáo ({period_label(own)}): "
                             "có thể còn sót từ báo cáo kỳ trước, kiểm tra lại.", field, start, end)


@rule("periods.compare_self", Severity.WARNING, "So sánh kỳ báo cáo với chính nó (“tăng so với tháng 9” trong báo cáo tháng 9)")
def compare_self(report: Report, context: Context) -> Iterator[Finding]:
    if not _comparable(report.period):
        return
    me = RULES["periods.compare_self"]
    own = report.period
    for field, text in text_fields(report):
        if "so với" not in text.lower():
            continue
        for start, end, value in _phrases(report, text):
            if _same(value, own) and re.search(r"so\s+với\s*$", _before(text, start), re.IGNORECASE):
                yield me.finding(f"“so với {text[start:end]}” so sánh kỳ báo cáo với chính nó; "
                                 "có lẽ cần ghi kỳ trước hoặc “cùng kỳ năm trước”.", field, start, end)


_RELATIVE = re.compile(r"(thời\s+gian|tuần|tháng|quý|năm|kỳ|giai\s+đoạn)\s+(tới|tiếp\s+theo|sau)", re.IGNORECASE)


@rule("periods.directions_next", Severity.WARNING, "Phần phương hướng chưa nói tới kỳ tiếp theo")
def directions_next(report: Report, context: Context) -> Iterator[Finding]:
    """Said once, when no part about directions names the next period (or "thời gian tới")."""
    if not _comparable(report.period):
        return
    following = next_period(report.period)
    first = None
    for s, section in enumerate(report.sections):
        if section.tag != SectionKey.DIRECTIONS or not section.blocks:
            continue
        first = s if first is None else first
        for block in section.blocks:
            if _RELATIVE.search(block.text):
                return  # "thời gian tới", "tháng tiếp theo": named, if not by number
            for _a, _b, value in _phrases(report, block.text):
                if _same(value, following) or _later(value, report.period):
                    return
    if first is not None:
        label = period_label(following)
        yield RULES["periods.directions_next"].finding(
            f"Phần phương hướng, nhiệm vụ chưa nêu kỳ tiếp theo “{label}”. "
            f"Ghi rõ, ví dụ “Phương hướng, nhiệm vụ {label}”.", f"sections[{first}].blocks[0]")
