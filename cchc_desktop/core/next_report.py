"""The next report from this one: same text, new period wording, empty figures.

``plan_next_report`` lists every proposed rewrite (the dialog shows them with a tick box
each); ``apply_plan`` builds the new report applying only the ticked ones.  Two phrases are
rewritten, in one pass so a rewrite is never rewritten again:
  the report's own period          → the new period   (6 tháng đầu năm 2024 → năm 2024)
  the period after it (directions)  → the one after the new period   (… → năm 2025)
plus the template placeholder "QUÝ/6 THÁNG/NĂM 2024" → the new period in capitals.
``stale_dates`` finds dd/mm/yyyy dates of the old period left in the text, for review.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from .model import Column, DocumentDate, Period, Report, ReportStatus, SectionKey
from .periods import cutoff_dates, next_period, period_label

PREVIOUS_KEY = "previous"

_SECTION_NAMES = {SectionKey.RESULTS: "Phần I", SectionKey.DIFFICULTIES: "Phần II",
                  SectionKey.DIRECTIONS: "Phần III"}
# A template's "fill in the period" placeholder, e.g. "QUÝ/6 THÁNG/NĂM 2024".
_PLACEHOLDER = re.compile(r"quý\s*/\s*6\s+tháng\s*/\s*năm(\s+\d{4})?", re.IGNORECASE)
# Words that make "năm 2024" part of a longer period phrase ("6 tháng đầu năm 2024").
_LONGER_PHRASE = re.compile(r"(đầu|cuối|tháng(\s+\d{1,2})?|quý\s+[ivx]+|/)\s*$", re.IGNORECASE)
_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")


@dataclass
class Rewrite:
    location: str  # path into the report: "subject", "sections/2/blocks/0/runs/0", "appendix/title"
    where: str  # Vietnamese, for the dialog: "Trích yếu", "Phần III, đoạn 1"
    start: int  # character offsets of ``before`` in the field's text
    end: int
    before: str
    after: str
    context: str  # the whole field text, so the dialog can show the sentence
    enabled: bool = True


@dataclass
class NextReportPlan:
    old_period: Period
    new_period: Period
    rewrites: list[Rewrite] = field(default_factory=list)


# ---------------------------------------------------------------- where text lives


def text_fields(report: Report) -> Iterator[tuple[str, str, str]]:
    """(location, where, text) for every free-text field that may name a period."""
    yield "subject", "Trích yếu", report.subject
    yield "opening", "Mở đầu", report.opening
    for s, section in enumerate(report.sections):
        name = _SECTION_NAMES.get(section.key, section.key)
        for b, block in enumerate(section.blocks):
            for r, run in enumerate(block.runs):
                yield f"sections/{s}/blocks/{b}/runs/{r}", f"{name}, đoạn {b + 1}", run.text
    yield "closing", "Kết thúc", report.closing
    if report.appendix is not None:
        yield "appendix/title", "Tên phụ lục", report.appendix.title
        yield "appendix/reference", "Căn cứ phụ lục", report.appendix.reference
        for i, row in enumerate(report.appendix.rows):
            yield f"appendix/rows/{i}/indicator", f"Chỉ tiêu dòng {i + 1}", row.indicator
            yield f"appendix/rows/{i}/note", f"Ghi chú dòng {i + 1}", row.note


def _set_text(report: Report, location: str, text: str) -> None:
    parts = location.split("/")
    if parts[0] == "sections":
        report.sections[int(parts[1])].blocks[int(parts[3])].runs[int(parts[5])].text = text
    elif parts[0] == "appendix" and parts[1] == "rows":
        setattr(report.appendix.rows[int(parts[2])], parts[3], text)
    elif parts[0] == "appendix":
        setattr(report.appendix, parts[1], text)
    else:
        setattr(report, parts[0], text)


# ---------------------------------------------------------------- planning


def _same_case(found: str, replacement: str) -> str:
    letters = [c for c in found if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w/])({alternatives})(?![\w/])", re.IGNORECASE)


def _label_map(old: Period, new: Period) -> dict[str, str]:
    """Lower-cased old wording → new wording (own period first; it wins a tie)."""
    mapping = {period_label(next_period(old)).lower(): period_label(next_period(new))}
    mapping[period_label(old).lower()] = period_label(new)
    return {before: after for before, after in mapping.items() if before}


def _rewrites_in(text: str, pattern: re.Pattern[str], mapping: dict[str, str],
                 new_label: str) -> Iterator[tuple[int, int, str, str]]:
    for match in _PLACEHOLDER.finditer(text):
        yield match.start(), match.end(), match.group(0), new_label.upper()
    taken = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]
    for match in pattern.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        if _LONGER_PHRASE.search(text, 0, match.start()) and match.group(0).lower().startswith("năm"):
            continue  # "năm 2024" inside "6 tháng đầu năm 2024": a different period
        after = _same_case(match.group(0), mapping[match.group(0).lower()])
        if after != match.group(0):
            yield match.start(), match.end(), match.group(0), after


def plan_next_report(report: Report, new_period: Period) -> NextReportPlan:
    """Every period phrase to rewrite for ``new_period``, in reading order, all ticked."""
    mapping = _label_map(report.period, new_period)
    pattern = _phrase_pattern(list(mapping))
    new_label = period_label(new_period)
    plan = NextReportPlan(report.period, new_period)
    for location, where, text in text_fields(report):
        for start, end, before, after in sorted(_rewrites_in(text, pattern, mapping, new_label)):
            plan.rewrites.append(Rewrite(location, where, start, end, before, after, text))
    return plan


# ---------------------------------------------------------------- applying


def apply_plan(report: Report, plan: NextReportPlan) -> Report:
    """The new draft: everything copied except number, date, status and figures."""
    new = copy.deepcopy(report)
    new.id = None
    new.period = copy.deepcopy(plan.new_period)
    new.number = ""
    new.date = DocumentDate(plan.new_period.year)
    new.status = ReportStatus.DRAFT
    by_location: dict[str, list[Rewrite]] = {}
    for rewrite in plan.rewrites:
        if rewrite.enabled:
            by_location.setdefault(rewrite.location, []).append(rewrite)
    texts = {location: text for location, _where, text in text_fields(report)}
    for location, rewrites in by_location.items():
        text = texts[location]
        for rewrite in sorted(rewrites, key=lambda r: r.start, reverse=True):
            text = text[: rewrite.start] + rewrite.after + text[rewrite.end:]
        _set_text(new, location, text)
    if new.appendix is not None:
        _carry_figures(new, plan.old_period)
    return new


def previous_label(old_period: Period) -> str:
    return f"Kỳ trước ({period_label(old_period)})"


def _carry_figures(report: Report, old_period: Period) -> None:
    """Old values move to the "previous" column (added before the value column)."""
    appendix = report.appendix
    for row in appendix.rows:
        row.previous, row.value = row.value, None
    label = previous_label(old_period)
    for column in appendix.columns:
        if column.key == PREVIOUS_KEY:
            column.label = label
            return
    keys = [c.key for c in appendix.columns]
    at = keys.index("value") if "value" in keys else len(keys)
    appendix.columns.insert(at, Column(PREVIOUS_KEY, label))


# ---------------------------------------------------------------- review


def stale_dates(report: Report, old_period: Period) -> list[tuple[str, int, int]]:
    """(location, start, end) of dd/mm/yyyy dates inside the old period's data range."""
    first, last = cutoff_dates(old_period)
    found = []
    for location, _where, text in text_fields(report):
        for match in _DATE.finditer(text):
            day, month, year = (int(g) for g in match.groups())
            try:
                when = date(year, month, day)
            except ValueError:
                continue
            if first <= when <= last:
                found.append((location, match.start(), match.end()))
    return found
