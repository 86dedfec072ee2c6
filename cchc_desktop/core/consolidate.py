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


def _find_header(rows: list[tuple]) -> tuple[int, int, int, int | None] | None:
    """(header row index, indicator column, value column, tt column) by accent-free names."""
    for number, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        names = [_key(cell) for cell in row]
        indicator = next((i for i, n in enumerate(names) if n in _INDICATOR), None)
        value = next((i for i, n in enumerate(names) if n in _VALUE), None)
        if indicator is not None and value is not None:
            tt = next((i for i, n in enumerate(names) if n in _TT), None)
            return number, indicator, value, tt
    return None


def _read_rows(path: Path, sheet_name: str | None) -> list[tuple]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise ConsolidationError(f"Không tìm thấy tệp “{path.name}”.") from None
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise ConsolidationError(f"Không đọc được bảng tính “{path.name}” (không phải tệp .xlsx hợp lệ).") from error
    try:
        if sheet_name:
            if sheet_name not in workbook.sheetnames:
                raise ConsolidationError(f"Tệp “{path.name}” không có trang tính “{sheet_name}”.")
            sheets = [workbook[sheet_name]]
        else:
            sheets = workbook.worksheets
        for sheet in sheets:
            rows = []
            for row in sheet.iter_rows(values_only=True):
                rows.append(row)
                if len(rows) > MAX_UNIT_ROWS + HEADER_SCAN_ROWS:
                    raise ConsolidationError(f"Bảng tính “{path.name}” quá lớn (hơn {MAX_UNIT_ROWS} dòng).")
            if _find_header(rows) is not None:
                return rows
    finally:
        workbook.close()
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
    """A unit's figures matched to ``table``'s rows by indicator name (in order of occurrence)."""
    path = Path(path)
    unit = path.stem
    rows = _read_rows(path, sheet_name)
    header, indicator_at, value_at, _tt_at = _find_header(rows)  # type: ignore[misc]
    wanted: dict[str, list[int]] = {}
    for _identity, row in identities(table):
        wanted.setdefault(_key(row.indicator), []).append(row.index)
    seen: dict[str, int] = {}
    sheet = UnitSheet(unit, {})
    for number, row in enumerate(rows[header + 1:], start=header + 2):
        name = _key(row[indicator_at] if indicator_at < len(row) else None)
        if not name or name not in wanted:
            continue
        occurrence = seen.get(name, 0)
        seen[name] = occurrence + 1
        if occurrence >= len(wanted[name]):
            continue
        target = wanted[name][occurrence]
        typed = _typed(row[value_at] if value_at < len(row) else None)
        try:
            parse_figure(typed)
        except FigureError:
            sheet.problems.append(Problem(unit, f"{unit}, dòng {number}: “{typed}” không phải là số liệu.", target))
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
