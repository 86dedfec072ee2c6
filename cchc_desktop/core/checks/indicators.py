"""Indicator table: numbers that are numbers, no negative counts, a unit on every row,
a value on every row before the report is sent."""

from __future__ import annotations

from collections.abc import Iterator

from ..figures import is_figure
from ..indicators import data_rows
from ..model import Report
from .base import RULES, Context, Finding, Severity, rule


def _rows(report: Report):
    """(index among body rows, row) of the rows that carry figures: not group or caption rows."""
    if report.appendix is None or report.appendix.table.column_index("value") is None:
        return []
    return [(row.index, row) for row in data_rows(report.appendix.table)]


@rule("indicators.number", Severity.ERROR, "Số liệu chỉ tiêu không hợp lệ (chữ, số âm)")
def number(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["indicators.number"]
    for i, row in _rows(report):
        value = row.value
        if value is None:
            if not is_figure(row.text("value")):
                yield me.finding(f"Dòng {i + 1}: ô số lượng “{row.text('value')[:20]}” không phải là số. Nhập một số.",
                                 f"appendix.rows[{i}].value", row=i, column="value")
            continue
        if value < 0:
            yield me.finding(f"Dòng {i + 1}: số lượng âm ({value}). Số đếm không thể âm, kiểm tra lại.",
                             f"appendix.rows[{i}].value", row=i, column="value")


@rule("indicators.unit", Severity.WARNING, "Dòng chỉ tiêu thiếu đơn vị tính")
def unit(report: Report, context: Context) -> Iterator[Finding]:
    if report.appendix is None or report.appendix.table.column_index("unit") is None:
        return
    for i, row in _rows(report):
        if row.indicator.strip() and not row.unit.strip():
            yield RULES["indicators.unit"].finding(
                f"Dòng {i + 1} “{row.indicator[:40]}” chưa có đơn vị tính.",
                f"appendix.rows[{i}].unit", row=i, column="unit")


@rule("indicators.empty_value", Severity.WARNING, "Chỉ tiêu chưa có số liệu")
def empty_value(report: Report, context: Context) -> Iterator[Finding]:
    """Every row of the set asks for a figure (0 when nothing was done)."""
    for i, row in _rows(report):
        if row.indicator.strip() and row.value is None and not row.text("value").strip():
            yield RULES["indicators.empty_value"].finding(
                f"Dòng {i + 1} “{row.indicator[:40]}” chưa có số liệu; không có thì ghi 0.",
                f"appendix.rows[{i}].value", row=i, column="value")
