"""Indicator rows: a table's body rows seen through its columns' meanings.

An appendix form is a general ``Table``; the features that count (next report, checks,
indicator sets, Excel) read and write it by meaning ("indicator", "unit", "value",
"previous"…) through ``IndicatorRow``, never by column position.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from .figures import figure_text, figure_value
from .vietnamese import format_number
from .model import Cell, RowKind, Run, Table, TableRow, table_column

TEXT_KEYS = ("tt", "indicator", "unit", "note")


class IndicatorRow:
    """One body row of ``table``; attributes read and write the cell of the column with that key."""

    def __init__(self, table: Table, row: TableRow, index: int) -> None:
        self._table = table
        self.row = row
        self.index = index  # position among the body rows (0 = first row under the header)

    def _cell(self, key: str) -> Cell | None:
        column = self._table.column_index(key)
        return None if column is None else self.row.cells[column]

    def text(self, key: str) -> str:
        cell = self._cell(key)
        return "" if cell is None else cell.text

    def set_text(self, key: str, text: str) -> None:
        cell = self._cell(key)
        if cell is not None:
            cell.runs = [Run(text)] if text else []

    def number(self, key: str) -> Decimal | None:
        return figure_value(self.text(key))

    def set_number(self, key: str, value: Decimal | None) -> None:
        self.set_text(key, figure_text(value))

    @property
    def kind(self) -> RowKind:
        return self.row.kind

    @property
    def level(self) -> int:
        return self.row.level

    tt = property(lambda self: self.text("tt"), lambda self, v: self.set_text("tt", v))
    indicator = property(lambda self: self.text("indicator"), lambda self, v: self.set_text("indicator", v))
    unit = property(lambda self: self.text("unit"), lambda self, v: self.set_text("unit", v))
    note = property(lambda self: self.text("note"), lambda self, v: self.set_text("note", v))
    value = property(lambda self: self.number("value"), lambda self, v: self.set_number("value", v))
    previous = property(lambda self: self.number("previous"), lambda self, v: self.set_number("previous", v))


def indicator_rows(table: Table) -> list[IndicatorRow]:
    return [IndicatorRow(table, row, i) for i, row in enumerate(table.body)]


def data_rows(table: Table) -> Iterator[IndicatorRow]:
    """Rows that carry figures (not group or caption rows)."""
    return (row for row in indicator_rows(table) if row.kind == RowKind.DATA)


def new_row(table: Table, level: int = 0, kind: RowKind = RowKind.DATA, **texts: str) -> TableRow:
    """An empty body row for ``table`` with the given texts by column key."""
    row = TableRow([Cell() for _ in table.columns], kind=kind, level=level)
    view = IndicatorRow(table, row, -1)
    for key, text in texts.items():
        view.set_text(key, text)
    return row


def insert_column(table: Table, at: int, key: str, label: str) -> None:
    """A new column at ``at`` with ``label`` in the (last) header row and empty cells below."""
    table.columns.insert(at, table_column(key))
    for i, row in enumerate(table.rows):
        text = label if i == table.header_rows - 1 else ""
        row.cells.insert(at, Cell.plain(text))
    # A merged header cell that spanned across the new column grows over it.
    for row in table.rows:
        for j, cell in enumerate(row.cells[:at]):
            if cell.colspan > 1 and j + cell.colspan > at:
                cell.colspan += 1


def column_label(table: Table, index: int) -> str:
    """The header text shown above column ``index`` (the lowest non-empty header cell)."""
    for row in reversed(table.header):
        text = row.cells[index].text.strip()
        if text:
            return text
    return table.columns[index].key


def table_lines(table: Table) -> list[str]:
    """The table as plain text, one line a row ("TT. chỉ tiêu: số đơn vị (ghi chú)" for indicator
    tables, cells joined by " | " for any other), for the command line and the history view."""
    if table.column_index("indicator") is None:
        covered = table.covered()
        return [" | ".join(c.text for j, c in enumerate(row.cells) if (i, j) not in covered)
                for i, row in enumerate(table.rows)]
    lines = []
    for row in indicator_rows(table):
        if row.kind != RowKind.DATA:
            lines.append(f"{row.tt + '. ' if row.tt else ''}{row.indicator}".strip())
            continue
        figure = row.text("value").strip() or "…"
        prefix = f"{row.tt}. " if row.tt else "   " * (row.level or 1)
        note = f" ({row.note})" if row.note else ""
        lines.append(f"{prefix}{row.indicator}: {figure} {row.unit}".rstrip() + note)
    return lines


def change_text(table: Table, row: TableRow) -> str:
    """'+4', '-2', '0' — this period against the previous one; blank when either is missing."""
    value_at, previous_at = table.column_index("value"), table.column_index("previous")
    if value_at is None or previous_at is None:
        return ""
    value = figure_value(row.cells[value_at].text)
    previous = figure_value(row.cells[previous_at].text)
    if value is None or previous is None:
        return ""
    delta = value - previous
    return ("+" if delta > 0 else "") + format_number(delta)
