"""Indicator sets: imported from the requesting office's spreadsheet (XLSX) or JSON; the
indicator table exported to XLSX with figures as numbers.

Offices send sheets with a title above the table and varying headers ("TT"/"STT",
"Chỉ tiêu"/"Nội dung", "Đơn vị tính"/"ĐVT"), typed with or without accents: we look for
the header row by accent-free names instead of trusting a fixed position.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from dataclasses import dataclass

from . import limits  # bounds shared with the report import (issue 12)
from .figures import figure_text, figure_value
from .indicators import column_label, indicator_rows, new_row
from .model import Table
from .vietnamese import fold, nfc

HEADER_SCAN_ROWS = 30  # the header is near the top; a title and a reference line sit above it
_NAMES = {
    "tt": {"tt", "stt", "so tt", "so thu tu"},
    "indicator": {"chi tieu", "noi dung", "ten chi tieu", "noi dung chi tieu"},
    "unit": {"don vi tinh", "dvt", "don vi"},
    "value": {"so luong", "ket qua", "so lieu"},
    "note": {"ghi chu"},
}


@dataclass
class IndicatorRow:
    """One indicator of an imported set, before it becomes a row of a table."""

    tt: str = ""
    indicator: str = ""
    unit: str = ""
    value: Decimal | None = None
    note: str = ""
    level: int = 0


def apply_set(table: Table, rows: list[IndicatorRow]) -> None:
    """Replace the body rows of ``table`` with ``rows`` (texts in the columns of their meaning)."""
    del table.rows[table.header_rows:]
    for row in rows:
        table.rows.append(new_row(table, level=row.level, tt=row.tt, indicator=row.indicator,
                                  unit=row.unit, value=figure_text(row.value), note=row.note))


class IndicatorSetError(ValueError):
    """A file we cannot read as an indicator set; the message is Vietnamese."""


def _key(cell: Any) -> str:
    text = fold(str(cell or "")).replace(".", " ").replace("\n", " ")
    return " ".join(text.split())


def _header_map(row: tuple) -> dict[str, int]:
    found = {}
    for position, cell in enumerate(row):
        for key, names in _NAMES.items():
            if _key(cell) in names and key not in found:
                found[key] = position
    return found


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value)).strip()


def _number(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value).replace(",", ".")) if not isinstance(value, bool) else None
    except InvalidOperation:
        return None


def _row(tt: str, indicator: str, unit: str, value: Any = None, note: str = "") -> IndicatorRow:
    # A row without its own number under a numbered one is a sub-row ("Trong đó: …").
    return IndicatorRow(tt=tt, indicator=indicator, unit=unit, value=_number(value), note=note,
                        level=0 if tt else 1)


def import_xlsx(path: Path) -> list[IndicatorRow]:
    from openpyxl import load_workbook  # late: only this feature needs it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a bad file
        raise IndicatorSetError(f"Không đọc được bảng tính “{Path(path).name}”: {error}.") from error
    try:
        for sheet in workbook.worksheets:
            rows = _rows_of_sheet(sheet.iter_rows(values_only=True))
            if rows is not None:
                return rows
    finally:
        workbook.close()
    raise IndicatorSetError(
        f"Không tìm thấy dòng tiêu đề có các cột TT, Chỉ tiêu, Đơn vị tính trong “{Path(path).name}”.")


def _rows_of_sheet(sheet_rows) -> list[IndicatorRow] | None:
    columns: dict[str, int] | None = None
    result: list[IndicatorRow] = []
    for number, row in enumerate(sheet_rows):
        if columns is None:
            found = _header_map(row)
            if {"tt", "indicator", "unit"} <= found.keys():
                columns = found
            elif number >= HEADER_SCAN_ROWS:
                return None
            continue

        def cell(key: str) -> Any:
            at = columns.get(key)
            return row[at] if at is not None and at < len(row) else None

        indicator = _text(cell("indicator"))
        if not indicator:
            continue  # blank line, or the "(1) (2) (3)" numbering row under the header
        result.append(_row(_text(cell("tt")), indicator, _text(cell("unit")), cell("value"), _text(cell("note"))))
        _bounded(result)
    return result if columns is not None else None


def _bounded(rows: list) -> None:
    if len(rows) > limits.MAX_TABLE_ROWS:
        raise IndicatorSetError(f"Bảng có hơn {limits.MAX_TABLE_ROWS:,} chỉ tiêu, vượt giới hạn của một phụ lục; "
                                "hãy chia thành nhiều bảng.".replace(",", "."))


def import_json(path: Path) -> list[IndicatorRow]:
    """A list of rows, or {"rows": [...]}; each row {"tt", "indicator", "unit"} (or Vietnamese names)."""
    name = Path(path).name
    try:
        limits.check_file_size(Path(path).stat().st_size, name)
        data = limits.loads(Path(path).read_text(encoding="utf-8"), name)
    except limits.LimitError as error:
        raise IndicatorSetError(str(error)) from None
    except (OSError, ValueError, RecursionError) as error:
        raise IndicatorSetError(f"Không đọc được tệp “{name}” (không phải JSON hợp lệ).") from error
    items = data.get("rows") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise IndicatorSetError(f"Tệp “{Path(path).name}” phải chứa một danh sách chỉ tiêu (“rows”).")
    result = []
    for position, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise IndicatorSetError(f"Chỉ tiêu thứ {position} trong “{Path(path).name}” không hợp lệ.")
        fields = {}
        for name, value in item.items():
            key = name if name in _NAMES else next((k for k, v in _NAMES.items() if _key(name) in v), None)
            if key:
                fields[key] = value
        indicator = _text(fields.get("indicator"))
        if not indicator:
            raise IndicatorSetError(f"Chỉ tiêu thứ {position} trong “{Path(path).name}” thiếu tên chỉ tiêu.")
        result.append(_row(_text(fields.get("tt")), indicator, _text(fields.get("unit")),
                           fields.get("value"), _text(fields.get("note"))))
        _bounded(result)
    return result


def load_indicator_set(path: Path) -> list[IndicatorRow]:
    """Rows from an .xlsx or .json file (by its extension)."""
    suffix = Path(path).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return import_xlsx(path)
    if suffix == ".json":
        return import_json(path)
    raise IndicatorSetError("Chỉ nhận tệp bảng tính .xlsx hoặc tệp .json.")


def _cell_value(table: Table, row, j: int) -> Any:
    text = row.row.cells[j].text
    if table.columns[j].figures:
        value = figure_value(text)
        if value is not None:
            return int(value) if value == value.to_integral_value() else float(value)
    return text


def export_xlsx(table: Table, path: Path) -> None:
    """The indicator table as a sheet (figures as numbers), written beside then renamed in."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Chỉ tiêu"
    keys = [c.key for c in table.columns]
    sheet.append([column_label(table, j) for j in range(len(keys))])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in indicator_rows(table):
        sheet.append([_cell_value(table, row, j) for j in range(len(keys))])
    if "indicator" in keys:
        sheet.column_dimensions[chr(ord("A") + keys.index("indicator"))].width = 60
    path = Path(path)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise IndicatorSetError(f"Không ghi được tệp “{path.name}”: {error.strerror or error}.") from error
