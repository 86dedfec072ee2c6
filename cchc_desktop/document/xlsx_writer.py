"""Every table of a report as an Excel workbook that prints as it looks.

One sheet a table (appendix forms, tables in the text, extra tables such as the per-unit
breakdown): title lines, header rows with their merged cells, figures as numbers with
Vietnamese number formats (locale tag 42A = vi-VN, so 1.250 and 12,5 on any PC), frozen
header rows, A4 print setup repeating the header rows and fitted to the page width.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..core.figures import FigureError, FigureKind, parse_figure
from ..core.indicators import change_text
from ..core.model import Align, Report, RowKind, Table

VI = "[$-42A]"
_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # not allowed in XML 1.0
_LEADING = "=+-@ \t'"  # what a spreadsheet could take for the start of a formula, or a quote
MAX_EXACT = 10 ** 15  # Excel keeps 15 digits: a larger figure is written as typed (text)
MM_PER_CHAR = 2.0  # Excel column width unit ≈ one digit of Calibri 11 ≈ 2 mm


class XlsxError(ValueError):
    """The workbook could not be written; the message is Vietnamese."""


@dataclass
class SheetTable:
    name: str  # the sheet's tab ("Biểu mẫu 1")
    lines: list[str]  # title lines printed above the table
    table: Table


def report_tables(report: Report) -> list[SheetTable]:
    """Every table of ``report``: appendix forms first, then tables inside the text."""
    found = []
    for k, appendix in enumerate(report.appendices, start=1):
        name = appendix.heading.strip() or f"Phụ lục {k}"
        lines = [line for line in (appendix.heading, appendix.title, appendix.reference) if line.strip()]
        found.append(SheetTable(name, lines, appendix.table))
    count = 0
    for p, part in enumerate(report.parts, start=1):
        for block in part.blocks:
            if block.table is not None:
                count += 1
                title = part.title.strip()
                found.append(SheetTable(f"Bảng {count}", [f"Bảng {count}" + (f" — {title}" if title else "")],
                                        block.table))
    return found


def _number_format(figure_typed: str, kind: FigureKind, value: Decimal) -> str:
    digits = figure_typed.strip().lstrip("+-").rstrip("%").strip()
    decimals = len(digits.split(",")[1]) if "," in digits else 0
    if kind == FigureKind.PERCENT:
        return VI + "0" + ("." + "0" * decimals if decimals else "") + "%"
    if decimals:
        return VI + "#,##0." + "0" * decimals
    if len(digits) > 1 and digits[0] == "0" and value == value.to_integral_value():
        return "0" * len(digits)  # "02" stays "02"
    return VI + "#,##0"


def _cell_value(typed: str) -> tuple[object, str | None]:
    """(value for the cell, number format) — numbers as numbers, anything else as typed."""
    try:
        figure = parse_figure(typed)
    except FigureError:
        return typed, None
    if figure.value is None:
        return (typed.strip() or None), None
    value = figure.value / 100 if figure.kind == FigureKind.PERCENT else figure.value
    if abs(figure.value) >= MAX_EXACT:
        return typed, None
    number: object = int(value) if value == value.to_integral_value() else float(value)
    if isinstance(number, float) and not math.isfinite(number):
        return typed, None
    return number, _number_format(typed, figure.kind, figure.value)


def set_text(cell, text: str | None) -> None:
    """``text`` in ``cell`` as a string, never a formula: openpyxl takes any text starting
    with "=" for a formula (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``), so the type is set
    explicitly after the value (written as an inline string, ``t="inlineStr"``)."""
    text = _ILLEGAL.sub("", text) if text else text
    cell.value = text or None
    if text:
        cell.data_type = "s"


def _sheet_name(name: str, taken: set[str]) -> str:
    """A tab name Excel accepts and no one can take for a formula: no []:*?/\\ or control
    characters, no leading =, +, -, @ or quote, at most 31 characters, unique (any case)."""
    base = _FORBIDDEN.sub("-", _ILLEGAL.sub("", name)).lstrip(_LEADING).rstrip("' ") or "Bảng"
    base = base[:31].rstrip("' ") or "Bảng"
    if base.lower() == "history":  # reserved by Excel
        base = "Bảng History"
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def _caption_across(sheet, row, at: int, width: int, border) -> bool:
    """A caption row ("A. CHỈ TIÊU CHUNG") as one bold cell across the table, whichever cell it
    was typed in; False for a caption row with merges of its own (written cell by cell)."""
    from openpyxl.styles import Alignment, Font

    if row.kind != RowKind.CAPTION or any(c.rowspan > 1 or c.colspan > 1 for c in row.cells):
        return False
    for c in range(width):
        sheet.cell(row=at, column=c + 1).border = border
    cell = sheet.cell(row=at, column=1)
    set_text(cell, " ".join(c.text.strip() for c in row.cells if c.text.strip()))
    cell.font = Font(name="Times New Roman", size=12, bold=True)
    cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
    if width > 1:
        sheet.merge_cells(start_row=at, start_column=1, end_row=at, end_column=width)
    return True


def write_table_sheet(workbook, item: SheetTable, taken: set[str]) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(_sheet_name(item.name, taken))
    table = item.table
    width = max(len(table.columns), 1)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    row_at = 1
    for line in item.lines:
        cell = sheet.cell(row=row_at, column=1)
        set_text(cell, line)
        cell.font = Font(name="Times New Roman", size=13, bold=row_at == 1 or line.isupper())
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
        if width > 1:
            sheet.merge_cells(start_row=row_at, start_column=1, end_row=row_at, end_column=width)
        row_at += 1
    if item.lines:
        row_at += 1
    first = row_at
    covered = table.covered()
    for r, row in enumerate(table.rows):
        header = r < table.header_rows
        if not header and _caption_across(sheet, row, first + r, width, border):
            continue
        for c, source in enumerate(row.cells):
            column = table.columns[c]
            cell = sheet.cell(row=first + r, column=c + 1)
            cell.border = border
            if (r, c) in covered:
                continue
            typed = change_text(table, row) if column.key == "change" and not header else source.text
            if column.figures and not header and row.kind == RowKind.DATA:
                value, number_format = _cell_value(typed)
                if number_format:
                    cell.value = value
                    cell.number_format = number_format
                else:
                    set_text(cell, value)  # type: ignore[arg-type]
            else:
                set_text(cell, typed)
            bold = header or row.kind != RowKind.DATA or any(run.bold for run in source.runs)
            cell.font = Font(name="Times New Roman", size=12, bold=bold)
            horizontal = "center" if header else {Align.CENTER: "center", Align.RIGHT: "right",
                                                   Align.JUSTIFY: "justify"}.get(column.align, "left")
            indent = 2 if row.level and column.key == "indicator" else 0
            cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True, indent=indent)
            if source.rowspan > 1 or source.colspan > 1:
                sheet.merge_cells(start_row=first + r, start_column=c + 1,
                                  end_row=first + r + source.rowspan - 1, end_column=c + source.colspan)
    for c, column in enumerate(table.columns):
        letter = get_column_letter(c + 1)
        if column.width_mm:
            sheet.column_dimensions[letter].width = round(column.width_mm / MM_PER_CHAR, 1)
        else:
            sheet.column_dimensions[letter].width = {"tt": 6, "indicator": 50, "unit": 12, "note": 24}.get(
                column.key, 14)
    if table.header_rows:
        sheet.freeze_panes = sheet.cell(row=first + table.header_rows, column=1)
        sheet.print_title_rows = f"{first}:{first + table.header_rows - 1}"
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    total = sum(sheet.column_dimensions[get_column_letter(c + 1)].width or 10 for c in range(width))
    setup.orientation = "landscape" if total > 95 else "portrait"
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True


def write_workbook(items: Iterable[SheetTable], path: Path) -> int:
    """Write the sheets to ``path`` (through a temporary file beside it); returns the sheet count."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for item in items:
        write_table_sheet(workbook, item, taken)
    if not workbook.worksheets:
        raise XlsxError("Báo cáo không có bảng nào để xuất ra Excel.")
    buffer = io.BytesIO()
    workbook.save(buffer)
    _write_file(buffer.getvalue(), Path(path))
    return len(workbook.worksheets)


def _write_file(data: bytes, path: Path) -> None:
    """As the DOCX and PDF exports write (document/export.py): a temporary file of its own
    beside the target (two exports at once never share one), then os.replace; a read-only
    target is refused, and every failure is one Vietnamese sentence naming the target."""
    from .export import ExportError, write_atomic

    try:
        write_atomic(data, path)
    except ExportError as error:
        raise XlsxError(str(error)) from None


def export_report_xlsx(report: Report, path: Path, extra: Iterable[SheetTable] = ()) -> int:
    return write_workbook([*report_tables(report), *extra], path)
