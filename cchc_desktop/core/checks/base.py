"""Shared pieces of the checker: findings, locations, the rule registry, text fields."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from ..indicators import indicator_rows
from ..model import Report
from ..vietnamese import date_words, format_number


class Severity(StrEnum):
    ERROR = "error"  # lỗi: the superior office would send the report back
    WARNING = "warning"  # cảnh báo: worth a look, the clerk may go on
    STYLE = "style"  # trình bày: typography only; the window can hide these

    @property
    def label(self) -> str:
        return {"error": "Lỗi", "warning": "Cảnh báo", "style": "Trình bày"}[self.value]


@dataclass(frozen=True)
class Location:
    """Where a finding points: a field path, a character range in ``field_text(report, field)``,
    and for indicator cells the row index and column key."""

    field: str
    start: int | None = None
    end: int | None = None
    row: int | None = None
    column: str | None = None
    section: str | None = None  # for "sections[i].blocks[j]": the section key ("results"…)
    block: int | None = None  # … and j, the block's index inside that section


@dataclass(frozen=True)
class Fix:
    """One obvious correction: put ``replacement`` in place of ``start:end`` of ``field``'s text
    (``core.checks.fixes.apply_fix`` applies it).  ``label`` is the button text."""

    label: str
    field: str
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: Severity
    message: str  # Vietnamese: what is wrong and what to do
    location: Location
    fixes: tuple[Fix, ...] = ()  # the first is the one-click fix; the others are alternatives


@dataclass(frozen=True)
class Context:
    finalizing: bool


CheckFn = Callable[[Report, Context], Iterable[Finding]]
T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str  # short Vietnamese title for the "switch off for this report" list
    check: CheckFn

    def finding(self, message: str, field: str, start: int | None = None, end: int | None = None,
                *, row: int | None = None, column: str | None = None,
                fixes: tuple[Fix, ...] = ()) -> Finding:
        cell = _CELL.fullmatch(field)
        if cell and row is None:  # an appendix cell: the table view wants row and column
            row, column = int(cell.group(1)), cell.group(2)
        return Finding(self.id, self.severity, message, Location(field, start, end, row, column), tuple(fixes))


_CELL = re.compile(r"appendix\.rows\[(\d+)\]\.(\w+)")
RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, title: str) -> Callable[[CheckFn], Rule]:
    """Register a check function under ``rule_id``; the function receives (report, context)
    and yields findings built with ``RULES[rule_id].finding``."""

    def register(check: CheckFn) -> Rule:
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES[rule_id] = Rule(rule_id, severity, title, check)
        return RULES[rule_id]

    return register


# ------------------------------------------------------------------ text fields

_FIELDS_CACHE: dict[int, list[tuple[str, str]]] = {}


class cached_fields:  # noqa: N801 - used as a context manager by run_checks
    """Within ``run_checks`` every rule reads the same field list: build it once."""

    def __init__(self, report: Report) -> None:
        self.key = id(report)
        self.report = report

    def __enter__(self) -> None:
        _FIELDS_CACHE[self.key] = list(_text_fields(self.report))

    def __exit__(self, *_exc) -> None:
        _FIELDS_CACHE.pop(self.key, None)
        for key in [k for k in _RUN_CACHE if k[0] == self.key]:
            del _RUN_CACHE[key]


_RUN_CACHE: dict[tuple[int, str], object] = {}


def per_run(report: Report, name: str, build: Callable[[], T]) -> T:
    """``build()`` once per ``run_checks`` for what several rules read (the forms' figure rows,
    the tables); outside a run (one rule called alone) it is built every time."""
    if id(report) not in _FIELDS_CACHE:
        return build()
    key = (id(report), name)
    if key not in _RUN_CACHE:
        _RUN_CACHE[key] = build()
    return _RUN_CACHE[key]  # type: ignore[return-value]


def text_fields(report: Report) -> Iterator[tuple[str, str]]:
    """(field, text) for every free-text field a clerk types, in document order (see
    ``_text_fields``)."""
    cached = _FIELDS_CACHE.get(id(report))
    return iter(cached) if cached is not None else _text_fields(report)


def _text_fields(report: Report) -> Iterator[tuple[str, str]]:
    """(field, text) for every free-text field a clerk types, in document order.

    Narrative blocks are "sections[s].blocks[b]" (``sections`` is the parts list); a table
    in the text gives its cells, "sections[s].blocks[b].table.rows[r].cells[c]"; a footnote
    "sections[s].blocks[b].runs[k].footnote".  The first appendix table keeps the short
    paths "appendix.title", "appendix.rows[i].indicator" (i counts body rows); the others
    are "appendices[k].title", "appendices[k].table.rows[r].cells[c]"."""
    org = report.organization
    for i, line in enumerate(org.issuing_body):
        yield f"organization.issuing_body[{i}]", line
    for i, line in enumerate(org.governing_body):
        yield f"organization.governing_body[{i}]", line
    yield "place", report.place
    yield "subject", report.subject
    for i, line in enumerate(report.addressees):
        yield f"addressees[{i}]", line
    yield "opening", report.opening
    for s, section in enumerate(report.sections):
        for b, block in enumerate(section.blocks):
            field = f"sections[{s}].blocks[{b}]"
            if block.table is not None:
                yield from _table_cells(block.table, f"{field}.table", figures=False)
                continue
            yield field, block.text
            for k, run in enumerate(block.runs):
                if run.footnote:
                    yield f"{field}.runs[{k}].footnote", "".join(r.text for r in run.footnote)
    yield "closing", report.closing
    for i, line in enumerate(report.signature.authority):
        yield f"signature.authority[{i}]", line
    yield "signature.title", report.signature.title
    if report.signature.concurrent_title:
        yield "signature.concurrent_title", report.signature.concurrent_title
    yield "signature.name", report.signature.name
    for i, line in enumerate(report.recipients):
        yield f"recipients[{i}]", line
    for k, appendix in enumerate(report.appendices):
        prefix = "appendix" if k == 0 else f"appendices[{k}]"
        yield f"{prefix}.heading", appendix.heading
        yield f"{prefix}.title", appendix.title
        yield f"{prefix}.reference", appendix.reference
        if k == 0:
            keys = [key for key in ("tt", "indicator", "unit", "note") if appendix.table.column_index(key) is not None]
            for row in indicator_rows(appendix.table):
                for key in keys:
                    yield f"appendix.rows[{row.index}].{key}", row.text(key)
        else:
            yield from _table_cells(appendix.table, f"{prefix}.table", figures=False, header=False)


def _table_cells(table, prefix: str, *, figures: bool, header: bool = True) -> Iterator[tuple[str, str]]:
    """The text cells of a table (figure columns left out unless ``figures``)."""
    hidden = table.covered()
    for r, row in enumerate(table.rows):
        if not header and r < table.header_rows:
            continue
        for c, cell in enumerate(row.cells):
            if (r, c) in hidden or (not figures and c < len(table.columns) and table.columns[c].figures
                                    and r >= table.header_rows):
                continue
            yield f"{prefix}.rows[{r}].cells[{c}]", cell.text


_STEP = re.compile(r"(\w+)(?:\[(\d+)\])?")
_CELL_FIELD = re.compile(r"appendix\.rows\[(\d+)\]\.(\w+)")


def field_text(report: Report, field: str) -> str:
    """The text a Location's field points at (the GUI selects start:end in it).

    Blocks give their joined run text; ``number`` the number as typed, ``date`` the
    Decree-30 wording, ``appendix.rows[i].value`` the formatted figure.  Raises KeyError
    for a path that does not exist in this report."""
    if field == "date":
        return date_words(report.date)
    cell = _CELL_FIELD.fullmatch(field)
    if cell is not None:
        rows = indicator_rows(report.appendix.table) if report.appendix is not None else []
        index = int(cell.group(1))
        if index >= len(rows) or report.appendix.table.column_index(cell.group(2)) is None:
            raise KeyError(field)
        return rows[index].text(cell.group(2))
    obj: object = report
    for step in field.split("."):
        match = _STEP.fullmatch(step)
        if match is None or not hasattr(obj, match.group(1)):
            raise KeyError(field)
        obj = getattr(obj, match.group(1))
        if match.group(2) is not None:
            try:
                obj = obj[int(match.group(2))]  # type: ignore[index]
            except (IndexError, TypeError) as error:
                raise KeyError(field) from error
    if hasattr(obj, "runs"):
        return obj.text  # type: ignore[union-attr]
    if obj is None:
        return ""
    if isinstance(obj, list) and obj and all(hasattr(item, "bold") for item in obj):
        return "".join(item.text for item in obj)  # a footnote: a list of runs
    if isinstance(obj, list) and all(isinstance(item, str) for item in obj):
        return "\n".join(obj)  # a whole list, e.g. "recipients" when it is empty
    if isinstance(obj, Decimal):
        return format_number(obj)
    if not isinstance(obj, str):
        raise KeyError(field)
    return obj


def section_of(report: Report, field: str) -> str | None:
    """'results' / 'difficulties' / 'directions' for a block field, else None."""
    match = re.match(r"sections\[(\d+)\]", field)
    return report.sections[int(match.group(1))].key.value if match else None

