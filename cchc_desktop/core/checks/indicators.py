"""Appendix tables: figures that are figures, no negative counts, a unit and a figure on
every data row, percentages that can be percentages — in every appendix form.

Rows that are not data are never asked for a figure or a unit: group rows (whose sub-rows
carry the figures, whether marked as such or only followed by indented rows), caption rows
("A. CHỈ TIÊU CHUNG", a row with only a roman or capital letter in TT and no figure), and
the title rows of a form.  "-" typed for no data is a figure, not an empty cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..figures import FigureError, FigureKind, parse_figure
from ..indicators import IndicatorRow, indicator_rows
from ..model import Report, RowKind, Table
from .base import RULES, Context, Finding, Severity, per_run, rule
from .places import appendix_name, row_name

CAPTION_TT = re.compile(r"^\s*(?:[A-ZĐ]|[IVXL]{1,5})\s*[.)]?\s*$")
PERCENT_NAME = re.compile(r"^\s*(?:[\d.]+\s*)?(?:tỷ|tỉ)\s+lệ", re.IGNORECASE)
MAY_EXCEED = re.compile(r"tăng|giảm|so\s+với|vượt|tốc\s+độ|chênh|kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|"
                        r"hoàn\s+thành|thu\s+ngân\s+sách|cùng\s+kỳ", re.IGNORECASE)


@dataclass
class FigureRow:
    k: int  # appendix index
    row: IndicatorRow
    table: Table

    def field(self, key: str) -> str:
        if self.k == 0:
            return f"appendix.rows[{self.row.index}].{key}"
        column = self.table.column_index(key)
        return f"appendices[{self.k}].table.rows[{self.table.header_rows + self.row.index}].cells[{column}]"

    def place(self, report: Report) -> str:
        return f"{appendix_name(report, self.k)}, {row_name(self.table, self.row.index)}"

    def name(self) -> str:
        text = self.row.indicator.strip()
        return f"“{text[:40]}{'…' if len(text) > 40 else ''}”" if text else "Dòng này"


def _figure_keys(table: Table) -> list[str]:
    return [c.key for c in table.columns if c.figures and c.key]


def _empty_figures(row: IndicatorRow, keys: list[str]) -> bool:
    return all(not row.text(key).strip() for key in keys)


def _not_data(rows: list[IndicatorRow], i: int, keys: list[str]) -> bool:
    """A group, caption or title row, however it was typed."""
    row = rows[i]
    if row.kind != RowKind.DATA:
        return True
    if not _empty_figures(row, keys):
        return False
    following = rows[i + 1] if i + 1 < len(rows) else None
    if following is not None and following.level > row.level:
        return True  # its sub-rows carry the figures
    if following is not None and _sub_row_of(following, row):
        return True  # the same, typed without indenting: "1" then "1.1", or "- …" items
    if CAPTION_TT.match(row.tt) and row.tt.strip():
        return True
    text = row.indicator.strip()
    return bool(text) and text.isupper() and not row.unit.strip()


def _sub_row_of(row: IndicatorRow, parent: IndicatorRow) -> bool:
    tt, mine = row.tt.strip().rstrip("."), parent.tt.strip().rstrip(".")
    if mine and tt.startswith(mine + ".") and len(tt) > len(mine) + 1:
        return True
    if not tt and row.indicator.lstrip()[:1] in ("-", "+", "–", "•"):
        return True
    if mine and not tt and row.indicator.strip():
        return True  # a numbered row without figures, then rows without numbers: their group
    return bool(mine) and mine.isdigit() and len(tt) == 1 and tt.isalpha() and tt.islower()  # 1 → a, b


def figure_rows(report: Report) -> list[FigureRow]:
    """The data rows of every appendix table that has figure columns (read once a run: five
    rules look at them)."""
    return per_run(report, "figure_rows", lambda: list(_figure_rows(report)))


def _figure_rows(report: Report) -> Iterator[FigureRow]:
    for k, appendix in enumerate(report.appendices):
        table = appendix.table
        keys = _figure_keys(table)
        if not keys or table.column_index("indicator") is None:
            continue
        rows = indicator_rows(table)
        for i, row in enumerate(rows):
            if not _not_data(rows, i, keys):
                yield FigureRow(k, row, table)


@rule("indicators.number", Severity.ERROR, "Số liệu chỉ tiêu không hợp lệ (chữ, số âm)")
def number(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["indicators.number"]
    for fr in figure_rows(report):
        for key in _figure_keys(fr.table):
            typed = fr.row.text(key)
            try:
                figure = parse_figure(typed)
            except FigureError:
                yield me.finding(f"{fr.name()}: ô “{typed.strip()[:20]}” không phải là số liệu. "
                                 "Nhập số (1.250; 18,75), tỷ lệ (15%) hoặc “-” khi không có số liệu.",
                                 fr.field(key), row=fr.row.index if fr.k == 0 else None,
                                 column=key if fr.k == 0 else None)
                continue
            if figure.value is not None and figure.value < 0 and key in ("value", "previous", "target") \
                    and not MAY_EXCEED.search(fr.row.indicator):
                yield me.finding(f"{fr.name()}: số âm ({typed.strip()}). Số đếm không thể âm, "
                                 "kiểm tra lại.", fr.field(key), row=fr.row.index if fr.k == 0 else None,
                                 column=key if fr.k == 0 else None)


def _by_table(report: Report) -> dict[int, list[FigureRow]]:
    tables: dict[int, list[FigureRow]] = {}
    for fr in figure_rows(report):
        tables.setdefault(fr.k, []).append(fr)
    return tables


@rule("indicators.unit", Severity.WARNING, "Dòng chỉ tiêu thiếu đơn vị tính")
def unit(report: Report, context: Context) -> Iterator[Finding]:
    """A row without its unit; a form whose rows mostly have none states its units elsewhere
    (in the column header, "Số lượng (hồ sơ)") and is left alone."""
    for rows in _by_table(report).values():
        if rows[0].table.column_index("unit") is None:
            continue
        missing = [fr for fr in rows if fr.row.indicator.strip() and not fr.row.unit.strip()]
        if len(missing) * 2 > len(rows):
            continue
        for fr in missing:
            yield RULES["indicators.unit"].finding(
                f"{fr.name()} chưa có đơn vị tính.", fr.field("unit"),
                row=fr.row.index if fr.k == 0 else None, column="unit" if fr.k == 0 else None)


@rule("indicators.empty_value", Severity.WARNING, "Chỉ tiêu chưa có số liệu")
def empty_value(report: Report, context: Context) -> Iterator[Finding]:
    """Every data row asks for a figure (0 when nothing was done, "-" when there is no data);
    a form with many empty rows is told once, not row by row."""
    for rows in _by_table(report).values():
        if rows[0].table.column_index("value") is None:
            continue
        missing = [fr for fr in rows if fr.row.indicator.strip() and not fr.row.text("value").strip()]
        if len(missing) > 3:
            fr = missing[0]
            yield RULES["indicators.empty_value"].finding(
                f"{len(missing)} dòng chưa có số liệu, từ dòng {fr.row.index + 1} {fr.name()}; "
                "không có thì ghi 0, không có số liệu thì ghi “-”.", fr.field("value"),
                row=fr.row.index if fr.k == 0 else None, column="value" if fr.k == 0 else None)
            continue
        for fr in missing:
            yield RULES["indicators.empty_value"].finding(
                f"{fr.name()} chưa có số liệu; không có thì ghi 0, không có số liệu thì ghi “-”.",
                fr.field("value"), row=fr.row.index if fr.k == 0 else None, column="value" if fr.k == 0 else None)


def is_percent_row(row: IndicatorRow) -> bool:
    unit = row.unit.strip().lower()
    return unit in ("%", "tỷ lệ %", "tỉ lệ %", "tỷ lệ (%)", "(%)") or (
        bool(PERCENT_NAME.match(row.indicator)) and unit in ("", "%", "tỷ lệ", "tỉ lệ"))


@rule("indicators.percent", Severity.ERROR, "Dòng tỷ lệ (%) ghi số đếm hoặc vượt 100%")
def percent(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["indicators.percent"]
    for fr in figure_rows(report):
        if not is_percent_row(fr.row) or MAY_EXCEED.search(fr.row.indicator):
            continue
        for key in [k for k in _figure_keys(fr.table) if k in ("value", "previous", "target")]:
            try:
                figure = parse_figure(fr.row.text(key))
            except FigureError:
                continue
            if figure.kind in (FigureKind.NUMBER, FigureKind.PERCENT) and figure.value is not None \
                    and figure.value > Decimal(100):
                yield me.finding(
                    f"{fr.name()}: dòng tỷ lệ (%) mà ghi “{fr.row.text(key).strip()}” — "
                    "lớn hơn 100%, có lẽ là số đếm ghi nhầm dòng. Ghi tỷ lệ phần trăm (ví dụ 98,5).",
                    fr.field(key), row=fr.row.index if fr.k == 0 else None, column=key if fr.k == 0 else None)
