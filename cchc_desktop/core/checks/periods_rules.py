"""Period wording against the report's own period.

Strict places (subject, opening, closing, appendix title, part I and II headings) must name
the report's period; part III's heading must name the next one.  In running text only a
phrase of the same kind as the report's period is compared (a half-year report speaking of
"6 tháng đầu năm 2023" in part I is suspicious; "năm 2030" or "giai đoạn 2021-2030" are not).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import BlockRole, Period, PeriodKind, Report, SectionKey
from ..periods import find_period_phrases, next_period, period_label
from .base import RULES, Context, Finding, Severity, rule, text_fields

STRICT = ("subject", "opening", "closing", "appendix.title")


def _same(a: Period, b: Period) -> bool:
    return (a.kind, a.year, a.index) == (b.kind, b.year, b.index)


def _comparable(period: Period) -> bool:
    """Ad hoc wording is free; a month/quarter still missing its number is the form's business."""
    if period.kind == PeriodKind.ADHOC:
        return False
    try:
        next_period(period)
    except ValueError:
        return False
    return True


def _family(period: Period) -> str:
    """Half-years compare with each other: a half1 report naming "6 tháng cuối" is suspect."""
    return "half" if period.kind in (PeriodKind.HALF1, PeriodKind.HALF2) else period.kind.value


def _fields(report: Report) -> Iterator[tuple[str, str, SectionKey | None, bool]]:
    """(field, text, section key, is a heading1 block)."""
    for field, text in text_fields(report):
        match = re.fullmatch(r"sections\[(\d+)\]\.blocks\[(\d+)\]", field)
        if match:
            section = report.sections[int(match.group(1))]
            block = section.blocks[int(match.group(2))]
            yield field, text, section.key, block.role == BlockRole.HEADING1
        elif field in STRICT or field.startswith("appendix.rows") or field == "appendix.reference":
            yield field, text, None, False


def _expected(report: Report, field: str, section: SectionKey | None, heading: bool) -> Period | None:
    """The period a strict place must name, or None for running text."""
    if field in STRICT or (heading and section != SectionKey.DIRECTIONS):
        return report.period
    if heading and section == SectionKey.DIRECTIONS:
        return next_period(report.period)
    return None


@rule("periods.mismatch", Severity.ERROR, "Cụm từ về kỳ báo cáo không khớp kỳ của báo cáo")
def mismatch(report: Report, context: Context) -> Iterator[Finding]:
    if not _comparable(report.period):
        return
    me = RULES["periods.mismatch"]
    own, following = report.period, next_period(report.period)
    for field, text, section, heading in _fields(report):
        expected = _expected(report, field, section, heading)
        for start, end, value in find_period_phrases(text):
            if not isinstance(value, Period):
                continue  # placeholders and phrases without a year
            if expected is not None:
                if value.kind == PeriodKind.YEAR and expected.kind != PeriodKind.YEAR \
                        and value.year == expected.year:
                    continue  # "… năm 2024" next to the period itself
                wrong = not _same(value, expected)
            else:  # running text: only a phrase of the same kind is compared
                allowed = [own, following] if section == SectionKey.DIRECTIONS else [own]
                wrong = _family(value) == _family(own) and value.kind != PeriodKind.YEAR \
                    and not any(_same(value, p) for p in allowed)
            if wrong:
                want = period_label(expected or own)
                yield me.finding(f"“{text[start:end]}” không khớp kỳ báo cáo; ở đây cần ghi “{want}”.",
                                 field, start, end)


@rule("periods.directions_next", Severity.WARNING, "Phần phương hướng chưa nói tới kỳ tiếp theo")
def directions_next(report: Report, context: Context) -> Iterator[Finding]:
    if not _comparable(report.period):
        return
    following = next_period(report.period)
    for s, section in enumerate(report.sections):
        if section.key != SectionKey.DIRECTIONS or not section.blocks:
            continue
        for block in section.blocks:
            for _a, _b, value in find_period_phrases(block.text):
                if isinstance(value, Period) and _same(value, following):
                    return
        label = period_label(following)
        yield RULES["periods.directions_next"].finding(
            f"Phần phương hướng, nhiệm vụ chưa nêu kỳ tiếp theo “{label}”. "
            f"Ghi rõ, ví dụ “Phương hướng, nhiệm vụ {label}”.", f"sections[{s}].blocks[0]")
