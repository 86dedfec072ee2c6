"""Shared pieces of the checker: findings, locations, the rule registry, text fields."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ..indicators import indicator_rows
from ..model import Report
from ..vietnamese import date_words, format_number


class Severity(StrEnum):
    ERROR = "error"  # lỗi: the superior office would send the report back
    WARNING = "warning"  # cảnh báo: worth a look, the clerk may go on

    @property
    def label(self) -> str:
        return "Lỗi" if self is Severity.ERROR else "Cảnh báo"


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
class Finding:
    rule_id: str
    severity: Severity
    message: str  # Vietnamese: what is wrong and what to do
    location: Location


@dataclass(frozen=True)
class Context:
    finalizing: bool


CheckFn = Callable[[Report, Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str  # short Vietnamese title for the "switch off for this report" list
    check: CheckFn

    def finding(self, message: str, field: str, start: int | None = None, end: int | None = None,
                *, row: int | None = None, column: str | None = None) -> Finding:
        cell = _CELL.fullmatch(field)
        if cell and row is None:  # an appendix cell: the table view wants row and column
            row, column = int(cell.group(1)), cell.group(2)
        return Finding(self.id, self.severity, message, Location(field, start, end, row, column))


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

def text_fields(report: Report) -> Iterator[tuple[str, str]]:
    """(field, text) for every free-text field a clerk types, in document order."""
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
            yield f"sections[{s}].blocks[{b}]", block.text
    yield "closing", report.closing
    for i, line in enumerate(report.signature.authority):
        yield f"signature.authority[{i}]", line
    yield "signature.title", report.signature.title
    yield "signature.name", report.signature.name
    for i, line in enumerate(report.recipients):
        yield f"recipients[{i}]", line
    appendix = report.appendix
    if appendix is not None:
        yield "appendix.heading", appendix.heading
        yield "appendix.title", appendix.title
        yield "appendix.reference", appendix.reference
        keys = [key for key in ("tt", "indicator", "unit", "note") if appendix.table.column_index(key) is not None]
        for row in indicator_rows(appendix.table):
            for key in keys:
                yield f"appendix.rows[{row.index}].{key}", row.text(key)


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


def where(report: Report, field: str) -> str:
    """A short Vietnamese name of a field for messages: 'Phần I, đoạn 3', 'Trích yếu'."""
    match = re.fullmatch(r"sections\[(\d+)\]\.blocks\[(\d+)\]", field)
    if match:
        names = {"results": "Phần I", "difficulties": "Phần II", "directions": "Phần III"}
        key = report.sections[int(match.group(1))].key.value
        return f"{names.get(key, key)}, đoạn {int(match.group(2)) + 1}"
    match = re.fullmatch(r"appendix\.rows\[(\d+)\]\.(\w+)", field)
    if match:
        cols = {"tt": "TT", "indicator": "chỉ tiêu", "unit": "đơn vị tính", "note": "ghi chú",
                "value": "số lượng"}
        return f"Phụ lục, dòng {int(match.group(1)) + 1}, cột {cols.get(match.group(2), match.group(2))}"
    match = re.fullmatch(r"(recipients|addressees|signature\.authority|organization\.\w+)\[(\d+)\]", field)
    if match:
        return f"{_NAMES.get(match.group(1), match.group(1))} dòng {int(match.group(2)) + 1}"
    return _NAMES.get(field, field)


_NAMES = {
    "subject": "Trích yếu", "opening": "Mở đầu", "closing": "Câu kết", "place": "Địa danh",
    "number": "Số văn bản", "date": "Ngày tháng", "recipients": "Nơi nhận,", "addressees": "Kính gửi,",
    "signature.authority": "Thẩm quyền ký,", "signature.title": "Chức vụ người ký",
    "signature.name": "Họ tên người ký", "appendix.title": "Tên phụ lục", "appendix.heading": "Tiêu đề phụ lục",
    "appendix.reference": "Dòng kèm theo của phụ lục", "organization.issuing_body": "Cơ quan ban hành,",
    "organization.governing_body": "Cơ quan chủ quản,",
}
