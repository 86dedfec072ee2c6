"""Consolidation: the same form collected from the units (thôn, tổ dân phố, departments),
summed into the commune's report, with a per-unit breakdown and a list of problems.

Reading never changes the report: ``consolidate`` returns a result, ``apply_result`` writes
it in (the window asks first; cancelling leaves the report as it was). Counts are summed;
a rate (a row with ``ratio_of``, or a percentage) is never summed: it is recomputed from the
sums of its parts, or left for the clerk when the form does not say what its parts are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .figures import FigureError, FigureKind, figure_text, parse_figure
from .history import identities
from .indicators import IndicatorRow
from .model import Align, AppendixTable, Cell, Run, Table, TableColumn, TableRow, table_column
from .vietnamese import fold, nfc

HEADER_SCAN_ROWS = 30
MAX_UNIT_ROWS = 5_000
_INDICATOR = {"chi tieu", "noi dung", "ten chi tieu", "noi dung chi tieu", "chi tieu thong ke"}
_VALUE = {"so luong", "ket qua", "so lieu", "ky nay", "thuc hien", "so lieu ky nay", "ket qua thuc hien",
          "tong so"}
_TT = {"tt", "stt", "so tt", "so thu tu"}


class ConsolidationError(ValueError):
    """A unit file that cannot be read at all; the message is Vietnamese."""


@dataclass
class Problem:
    unit: str
    message: str  # Vietnamese, names the unit and the row
    row: int | None = None  # the report row (index among body rows) concerned, if any


@dataclass
class UnitSheet:
    unit: str
    values: dict[int, str]  # report body-row index -> figure as typed
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Result:
    table: Table  # the report's table the figures are for (not changed)
    units: list[UnitSheet]
    sums: dict[int, str]  # report body-row index -> the consolidated figure, as it will be typed
    problems: list[Problem]


def _key(value: Any) -> str:
    return " ".join(fold(str(value or "")).replace(".", " ").replace("\n", " ").split())


Row = tuple[int, dict[int, Any]]  # (the sheet's row number, {column index: value}) — a row with a value


def _find_header(rows: list[Row]) -> tuple[int, int, int, int | None] | None:
    """(header position in ``rows``, indicator column, value column, tt column) by accent-free
    names, in the first HEADER_SCAN_ROWS rows that hold anything."""
    for position, (_number, row) in enumerate(rows[:HEADER_SCAN_ROWS]):
        names = sorted((column, _key(cell)) for column, cell in row.items())
        indicator = next((c for c, n in names if n in _INDICATOR), None)
        value = next((c for c, n in names if n in _VALUE), None)
        if indicator is not None and value is not None:
            tt = next((c for c, n in names if n in _TT), None)
            return position, indicator, value, tt
    return None


def _read_rows(path: Path, sheet_name: str | None) -> list[Row]:
    """The rows of the sheet holding the form; the workbook is read within bounds
    (xlsx_guard.py: zip-bomb guards, at most MAX_CELLS cells, the declared dimension ignored)."""
    from .xlsx_guard import XlsxBook, XlsxRefused

    try:
        with XlsxBook(path) as book:
            if sheet_name:
                if sheet_name not in book.sheetnames:
                    raise ConsolidationError(f"Tệp “{path.name}” không có trang tính “{sheet_name}”.")
                sheets = [sheet_name]
            else:
                sheets = book.sheetnames
            for sheet in sheets:
                rows: list[Row] = []
                for row in book.rows(sheet):
                    rows.append(row)
                    if len(rows) > MAX_UNIT_ROWS + HEADER_SCAN_ROWS:
                        limit = f"{MAX_UNIT_ROWS:,}".replace(",", ".")
                        raise ConsolidationError(f"Bảng tính “{path.name}” quá lớn (hơn {limit} dòng); hãy chép"
                                                 " riêng bảng số liệu của đơn vị sang một tệp mới.")
                if _find_header(rows) is not None:
                    return rows
    except XlsxRefused as error:
        raise ConsolidationError(str(error)) from None
    raise ConsolidationError(f"Không tìm thấy dòng tiêu đề (cột “Chỉ tiêu” và “Số lượng”) trong “{path.name}”.")


def _typed(value: Any) -> str:
    """A cell as the clerk would have typed it: Excel numbers in Vietnamese writing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        number = Decimal(str(value))
        return figure_text(number.normalize() if number != number.to_integral_value() else number.quantize(1))
    return nfc(str(value)).strip()


def read_unit(path: Path, table: Table, sheet_name: str | None = None) -> UnitSheet:
    """A unit's figures matched to ``table``'s rows by indicator name (in order of occurrence).

    A cell that cannot be read (1e999, NaN, letters in a numeric cell, an invalid date) is a
    problem of this unit naming the cell, never an exception."""
    from .xlsx_guard import BadCell, column_letters, shorten

    path = Path(path)
    unit = path.stem
    rows = _read_rows(path, sheet_name)
    header, indicator_at, value_at, _tt_at = _find_header(rows)  # type: ignore[misc]
    wanted: dict[str, list[int]] = {}
    for _identity, row in identities(table):
        wanted.setdefault(_key(row.indicator), []).append(row.index)
    seen: dict[str, int] = {}
    sheet = UnitSheet(unit, {})
    for number, row in rows[header + 1:]:
        name = _key(row.get(indicator_at))
        if not name or name not in wanted:
            continue
        occurrence = seen.get(name, 0)
        seen[name] = occurrence + 1
        if occurrence >= len(wanted[name]):
            continue
        target = wanted[name][occurrence]
        cell = row.get(value_at)
        if isinstance(cell, BadCell):
            sheet.problems.append(Problem(unit, f"{unit}, dòng {number}: ô {cell.ref} của tệp “{path.name}” "
                                                f"{cell.reason} (“{cell.raw}”).", target))
            continue
        typed = _typed(cell)
        try:
            parse_figure(typed)
        except FigureError:
            sheet.problems.append(Problem(unit, f"{unit}, dòng {number}: “{shorten(typed)}” không phải là số liệu "
                                                f"(ô {column_letters(value_at)}{number}).", target))
            continue
        sheet.values[target] = typed
    found = set(sheet.values) | {p.row for p in sheet.problems}
    for _identity, row in identities(table):
        if row.index not in found:
            sheet.problems.append(Problem(unit, f"{unit}: thiếu dòng “{row.indicator}”.", row.index))
    return sheet


def _is_rate(row: IndicatorRow, typed_values: Iterable[str]) -> bool:
    if row.row.ratio_of or row.unit.strip() in ("%", "Tỷ lệ", "tỷ lệ"):
        return True
    for typed in typed_values:
        try:
            if parse_figure(typed).kind == FigureKind.PERCENT:
                return True
        except FigureError:
            pass
    return False


def consolidate(table: Table, files: Sequence[Path], sheet_name: str | None = None,
                expected_units: Sequence[str] = ()) -> Result:
    """Read every unit file and sum the figures for ``table``; ``table`` is not changed."""
    units, problems = [], []
    for path in files:
        try:
            sheet = read_unit(path, table, sheet_name)
        except ConsolidationError as error:
            problems.append(Problem(Path(path).stem, str(error)))
            continue
        units.append(sheet)
        problems += sheet.problems
    present = {fold(u.unit) for u in units}
    problems += [Problem(name, f"Chưa có số liệu của {name}.") for name in expected_units if fold(name) not in present]
    if not units:
        return Result(table, units, {}, problems)
    rows = {row.index: row for _identity, row in identities(table)}
    by_key = {row.row.key: row for row in rows.values() if row.row.key}
    sums: dict[int, str] = {}
    for index, row in rows.items():
        typed = [u.values[index] for u in units if index in u.values]
        if _is_rate(row, typed):
            continue
        numbers = [parse_figure(t).value for t in typed]
        if any(n is not None for n in numbers):
            sums[index] = figure_text(sum((n for n in numbers if n is not None), Decimal(0)))
        elif typed:
            sums[index] = "-"
    for index, row in rows.items():
        if index in sums:
            continue
        parts = [by_key.get(key) for key in row.row.ratio_of]
        if len(parts) == 2 and all(parts) and parts[0].index in sums and parts[1].index in sums:
            num, den = (parse_figure(sums[p.index]).value for p in parts)  # type: ignore[union-attr]
            if num is not None and den:
                sums[index] = figure_text((num * 100 / den).quantize(Decimal("0.01")).normalize()) + "%"
                continue
        if _is_rate(row, [u.values[index] for u in units if index in u.values]):
            problems.append(Problem("", f"Dòng “{row.indicator}” là tỷ lệ: không cộng các đơn vị; "
                                        "hãy tính lại từ số liệu thành phần.", index))
    return Result(table, units, sums, problems)


def apply_result(result: Result, table: Table) -> int:
    """Write the consolidated figures into the value column of ``table``; returns the count."""
    rows = {row.index: row for _identity, row in identities(table)}
    for index, typed in result.sums.items():
        if index in rows:
            rows[index].set_text("value", typed)
    return len(result.sums)


def breakdown_table(result: Result) -> AppendixTable:
    """"Biểu tổng hợp theo đơn vị": one column per unit, then the total."""
    units = [u.unit for u in result.units]
    columns = [table_column("tt"), TableColumn("indicator", align=Align.LEFT), table_column("unit")]
    columns += [TableColumn("", align=Align.CENTER, figures=True) for _ in units]
    columns.append(TableColumn("value", align=Align.CENTER, figures=True))
    header = ["TT", "Chỉ tiêu", "Đơn vị tính", *units, "Tổng cộng"]
    table = Table(columns, [TableRow([Cell.plain(text) for text in header])], header_rows=1)
    for _identity, row in identities(result.table):
        figures = [next((u.values.get(row.index, "") for u in result.units if u.unit == name), "") for name in units]
        cells = [row.tt, row.indicator, row.unit, *figures, result.sums.get(row.index, "")]
        table.rows.append(TableRow([Cell([Run(text)] if text else []) for text in cells], level=row.level,
                                   key=row.row.key))
    return AppendixTable(heading="BIỂU TỔNG HỢP THEO ĐƠN VỊ", title="", table=table, landscape=len(units) > 4)
