"""The next report from this one: same text, new period wording, empty figures.

``plan_next_report`` lists every proposed rewrite (the dialog shows them with a tick box
each); ``apply_plan`` builds the new report applying only the ticked ones.  Two phrases are
rewritten, in one pass so a rewrite is never rewritten again:
  the report's own period          → the new period   (6 tháng đầu năm 2024 → năm 2024)
  the period after it (directions)  → the one after the new period   (… → năm 2025)
plus the template placeholder "QUÝ/6 THÁNG/NĂM 2024" → the new period in capitals.
Phrases are found by periods.find_period_phrases, so variants ("06 tháng đầu năm 2024",
"Quý II/2024", capitals) are rewritten too, in the new period's standard wording.
``stale_dates`` finds dates of the old period left in the text, for review.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from .checks.places import appendix_name, block_place, footnote_number, row_name
from .checks.places import part_name as checks_part_name
from .indicators import indicator_rows, insert_column
from .model import Cell, DocumentDate, Period, PeriodKind, Report, ReportStatus, Table
from .periods import (cutoff_dates, find_date_ranges, find_period_phrases, is_placeholder_phrase, next_period,
                      period_label, period_range_text, week_dates, week_numbers, week_words)

PREVIOUS_KEY = "previous"
CHANGE_KEY = "change"

# 15/01/2024 or "ngày 15 tháng 01 năm 2024"
_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)"
                   r"|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)


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
    # the clerk asked for "Kỳ trước" and "Tăng/giảm" columns in forms that have none (never by default:
    # the superior office's form is printed as it was given)
    previous_columns: bool = False


# ---------------------------------------------------------------- where text lives


def text_fields(report: Report) -> Iterator[tuple[str, str, str]]:
    """(location, where, text) for every free-text field that may name a period; places are
    named as the checks name them ('Phần II, mục 3, điểm b), đoạn 1'), so each is unique."""
    yield "doc_name", "Tên loại văn bản", report.doc_name  # "BÁO CÁO CÔNG TÁC TUẦN 03 THÁNG 9 …"
    yield "subject", "Trích yếu", report.subject
    yield "opening", "Mở đầu", report.opening
    for s, section in enumerate(report.sections):
        for b, block in enumerate(section.blocks):
            name = block_place(report, s, b)
            for r, run in enumerate(block.runs):
                path = f"sections/{s}/blocks/{b}/runs/{r}"
                yield path, name, run.text
                for k, note in enumerate(run.footnote or []):
                    number = footnote_number(report, s, b, r)
                    yield f"{path}/footnote/{k}", f"{name}, chú thích {number}", note.text
            if block.table is not None:
                yield from _table_fields(block.table, f"sections/{s}/blocks/{b}/table", name)
    yield "closing", "Kết thúc", report.closing
    for k, appendix in enumerate(report.appendices):
        name = appendix_name(report, k)
        yield f"appendices/{k}/title", f"Tên {name.lower()}", appendix.title
        yield f"appendices/{k}/reference", f"Căn cứ {name.lower()}", appendix.reference
        yield from _table_fields(appendix.table, f"appendices/{k}/table", name)


def part_name(report: Report, index: int) -> str:
    """'Phần IV' as the document numbers the part (the checks' naming)."""
    return checks_part_name(report, index)


def _table_fields(table: Table, path: str, name: str) -> Iterator[tuple[str, str, str]]:
    """Text cells (not figures) of the body rows: indicator names, notes."""
    for row in indicator_rows(table):
        for j, column in enumerate(table.columns):
            if not column.figures and column.key not in ("tt", "change"):
                for r, run in enumerate(row.row.cells[j].runs):
                    where = f"{name}, {row_name(table, row.index)}"
                    yield f"{path}/rows/{row.index + table.header_rows}/cells/{j}/runs/{r}", where, run.text


def set_text(report: Report, location: str, text: str) -> None:
    """Write ``text`` into the field ``location`` of ``text_fields`` names (find and replace uses it)."""
    _set_text(report, location, text)


def _set_text(report: Report, location: str, text: str) -> None:
    parts = location.split("/")
    if parts[0] in ("sections", "appendices"):
        obj: object = report.parts if parts[0] == "sections" else report.appendices
        for step in parts[1:-1]:
            obj = obj[int(step)] if step.isdigit() else getattr(obj, step)  # type: ignore[index]
        last = parts[-1]
        if last.isdigit():  # a run
            obj[int(last)].text = text  # type: ignore[index]
        else:
            setattr(obj, last, text)
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


def _same(a: Period, b: Period) -> bool:
    return (a.kind, a.year, a.index) == (b.kind, b.year, b.index)


def _rewrites_in(text: str, old: Period, new: Period) -> Iterator[tuple[int, int, str, str]]:
    """Phrases found by periods.find_period_phrases (so "năm 2024" inside "6 tháng đầu năm
    2024" is not a phrase of its own, and "Quý II/2024", "06 tháng …" are recognised too)."""
    old_next, new_next = next_period(old), next_period(new)
    if old.kind == PeriodKind.NONE or new.kind == PeriodKind.NONE:
        return  # a thematic report names no period of its own: it stays as it is
    yield from _reference_rewrites(text, old, new)
    yield from _range_rewrites(text, old, new)
    for phrase in find_period_phrases(text):
        before = text[phrase.start:phrase.end]
        numbers = week_numbers(before) if isinstance(phrase.value, str) else None
        if numbers is not None:  # "tuần 03 tháng 9" without the year, in a weekly report
            if old.kind != PeriodKind.WEEK or new.kind != PeriodKind.WEEK:
                continue
            if numbers == (old.index, old.month):
                after = _same_case(before, week_words(new))
            elif numbers == (old_next.index, old_next.month):
                after = _same_case(before, week_words(new_next))
            else:
                continue
        elif isinstance(phrase.value, Period):
            if _same(phrase.value, old):
                after = _same_case(before, period_label(new))
            elif _same(phrase.value, old_next):
                after = _same_case(before, period_label(new_next))
            else:
                continue
        elif is_placeholder_phrase(phrase, text):
            after = period_label(new).upper()
        else:
            continue
        if after != before:
            yield phrase.start, phrase.end, before, after


# "(Kèm theo Báo cáo số    /BC-UBND ngày    tháng 6 năm 2026 của …)": the forms' reference to the
# report they go with, i.e. to this report: it moves with the period, its blanks stay blanks
_OWN_REFERENCE = re.compile(r"Kèm\s+theo\s+báo\s+cáo\s+số(?P<number>[^/()\n]{0,20}?)/(?P<sign>[^\s()]*)"
                            r"\s+ngày(?P<day>\s+\d{1,2}\s+|[\s.…_]+)tháng\s*(?P<month>\d{1,2})\s*năm\s*(?P<year>\d{4})",
                            re.IGNORECASE)


def months_between(old: Period, new: Period) -> int | None:
    """How many months the period moves (end of data to end of data); None when it cannot say."""
    if PeriodKind.NONE in (old.kind, new.kind) or PeriodKind.ADHOC in (old.kind, new.kind):
        return None
    try:
        before, after = cutoff_dates(old)[1], cutoff_dates(new)[1]
    except (ValueError, KeyError):
        return None
    return (after.year * 12 + after.month) - (before.year * 12 + before.month)


def _blank(text: str) -> str:
    """A filled number or day of the old report becomes blanks of its width (at least five)."""
    if not any(ch.isdigit() for ch in text):
        return text
    return " " + " " * max(5, len(text.strip())) + " "


def _reference_rewrites(text: str, old: Period, new: Period) -> Iterator[tuple[int, int, str, str]]:
    shift = months_between(old, new)
    if not shift:
        return
    for match in _OWN_REFERENCE.finditer(text):
        total = int(match["year"]) * 12 + int(match["month"]) - 1 + shift
        year, month = divmod(total, 12)
        pieces = {"number": _blank(match["number"]), "day": _blank(match["day"]), "month": str(month + 1),
                  "year": str(year)}
        base = match.start()
        after = match.group(0)
        for name in ("year", "month", "day", "number"):  # right to left: earlier offsets stay valid
            start, end = match.start(name) - base, match.end(name) - base
            after = after[:start] + pieces[name] + after[end:]
        if after != match.group(0):
            yield match.start(), match.end(), match.group(0), after


def _range_rewrites(text: str, old: Period, new: Period) -> Iterator[tuple[int, int, str, str]]:
    """The from/to line of the old period ("Từ ngày 14/9/2026 đến ngày 18/9/2026") → the new one."""
    try:
        dates = week_dates(old) if old.kind == PeriodKind.WEEK else cutoff_dates(old)
        after_text = period_range_text(new)
    except ValueError:
        return
    for start, end, first, last in find_date_ranges(text):
        if (first, last) == dates:
            before = text[start:end]
            after = after_text if before[:1].isupper() else after_text[:1].lower() + after_text[1:]
            if after != before:
                yield start, end, before, after


def _merge(rewrites: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Sorted by place; a rewrite overlapping one already taken is dropped."""
    taken: list[tuple[int, int, str, str]] = []
    for item in sorted(rewrites):
        if not taken or item[0] >= taken[-1][1]:
            taken.append(item)
    return taken


def plan_next_report(report: Report, new_period: Period, previous_columns: bool = False) -> NextReportPlan:
    """Every period phrase to rewrite for ``new_period``, in reading order, all ticked;
    ``previous_columns``: the clerk asked for "Kỳ trước" / "Tăng/giảm" columns."""
    plan = NextReportPlan(report.period, new_period, previous_columns=previous_columns)
    for location, where, text in text_fields(report):
        for start, end, before, after in _merge(list(_rewrites_in(text, report.period, new_period))):
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
    new.sample = False  # the next report from the sample is the clerk's own
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
    if PeriodKind.NONE not in (plan.old_period.kind, plan.new_period.kind):
        for appendix in new.appendices:
            _carry_figures(appendix.table, plan.old_period, plan.previous_columns)
    return new


def previous_label(old_period: Period) -> str:
    return f"Kỳ trước ({period_label(old_period)})"


def add_previous_columns(table: Table, old_period: Period) -> bool:
    """"Thêm cột kỳ trước / tăng giảm": a "previous" column before the value column and a
    "change" one after it, where the form has none (a merged header above grows over them).
    True when a column was added."""
    at = table.column_index("value")
    if at is None or table.column_index(PREVIOUS_KEY) is not None:
        return False
    _insert_beside(table, at, at, PREVIOUS_KEY, previous_label(old_period))
    if table.column_index(CHANGE_KEY) is None:  # this period against the previous one
        _insert_beside(table, at + 1, at + 2, CHANGE_KEY, "Tăng/giảm")
    return True


def _origin(table: Table, r: int, c: int) -> tuple[int, int]:
    """The top-left cell of the merged area covering (r, c) (itself when not covered)."""
    if (r, c) not in table.covered():
        return r, c
    for r0 in range(r, -1, -1):
        for c0 in range(c, -1, -1):
            cell = table.rows[r0].cells[c0]
            if (r0, c0) != (r, c) and r0 + cell.rowspan > r and c0 + cell.colspan > c:
                return r0, c0
    return r, c


def _insert_beside(table: Table, value_at: int, at: int, key: str, label: str) -> None:
    """A column at ``at`` next to the value column, in the same place of the header: inside the
    merged group above the value column, its label spanning the rows the value's label spans."""
    insert_column(table, at, key, label)
    value = value_at + 1 if at <= value_at else value_at
    last = table.header_rows - 1
    for r in range(table.header_rows):
        r0, c0 = _origin(table, r, value)
        cell = table.rows[r0].cells[c0]
        if r0 + cell.rowspan - 1 >= last:  # the value column's own label: ours spans the same rows
            if r0 < last:
                table.rows[last].cells[at] = Cell.plain("")
                table.rows[r0].cells[at] = Cell.plain(label, rowspan=cell.rowspan)
            return
        if r0 != r:
            continue
        if at == c0 - 1:  # the group begins at the value column: it begins one column earlier now
            table.rows[r0].cells[at] = Cell(cell.runs, cell.rowspan, cell.colspan + 1)
            table.rows[r0].cells[c0] = Cell.plain("")
        elif at == c0 + cell.colspan:  # it ends at the value column: it reaches one column further
            cell.colspan += 1


def _relabel_previous(table: Table, at: int, label: str) -> None:
    """Our own "Kỳ trước (…)" label names the new previous period; the cell keeps its spans
    (a merged header is never broken) and a form's own wording is left as it is."""
    for row in reversed(table.header):
        cell = row.cells[at]
        if cell.text.strip():
            if cell.text.strip().startswith("Kỳ trước (") and cell.colspan == 1:
                cell.runs = Cell.plain(label).runs
            return


def _carry_figures(table: Table, old_period: Period, add_columns: bool) -> None:
    """Old values move to the form's "previous" column (added only when the clerk asked);
    this period's cells are left empty for the clerk (the checks list each empty one); a
    table without a "value" column (a form of its own) keeps its figures for the clerk to update."""
    if table.column_index("value") is None:
        return
    if add_columns:
        add_previous_columns(table, old_period)
    previous_at = table.column_index(PREVIOUS_KEY)
    if previous_at is not None:
        _relabel_previous(table, previous_at, previous_label(old_period))
    for row in indicator_rows(table):
        if previous_at is not None:
            row.set_text(PREVIOUS_KEY, row.text("value"))
        row.set_text("value", "")


# ---------------------------------------------------------------- review


def stale_dates(report: Report, old_period: Period) -> list[tuple[str, int, int]]:
    """(location, start, end) of dates (15/01/2024, ngày 15 tháng 01 năm 2024) inside the
    old period's data range (periods.cutoff_dates), for the editor to highlight."""
    first, last = cutoff_dates(old_period)
    found = []
    for location, _where, text in text_fields(report):
        for match in _DATE.finditer(text):
            day, month, year = (int(g) for g in match.groups() if g is not None)
            try:
                when = date(year, month, day)
            except ValueError:
                continue
            if first <= when <= last:
                found.append((location, match.start(), match.end()))
    return found
