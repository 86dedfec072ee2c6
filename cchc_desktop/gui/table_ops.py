"""Edits of a ``Table`` grid that keep merged areas whole (plain Python, no Qt).

Every function mutates the table in place, or raises ``TableOpError`` (a Vietnamese
message) before changing anything. The grid editor wraps each call in an undo command.
"""

from __future__ import annotations

import pickle

from cchc_desktop.core.model import Align, Cell, RowKind, Run, Table, TableColumn, TableRow

MAX_HEADER_ROWS = 5


class TableOpError(ValueError):
    """An edit the table cannot take; the message is Vietnamese."""


# --- snapshots (for undo) ------------------------------------------------------------------
def snapshot(table: Table) -> bytes:
    return pickle.dumps((table.columns, table.rows, table.header_rows, table.number_style),
                        pickle.HIGHEST_PROTOCOL)


def restore(table: Table, data: bytes) -> None:
    """Put a snapshot back into the same Table object (others keep their reference to it)."""
    table.columns, table.rows, table.header_rows, table.number_style = pickle.loads(data)


def new_table(rows: int, columns: int, header_rows: int = 1) -> Table:
    header_rows = max(0, min(header_rows, rows, MAX_HEADER_ROWS))
    return Table([TableColumn() for _ in range(columns)],
                 [TableRow([Cell() for _ in range(columns)]) for _ in range(rows)], header_rows)


# --- merged areas ---------------------------------------------------------------------------
def areas(table: Table) -> list[tuple[int, int, int, int]]:
    """(row, column, rowspan, colspan) of every merged area."""
    return [(r, c, cell.rowspan, cell.colspan) for r, row in enumerate(table.rows)
            for c, cell in enumerate(row.cells) if cell.rowspan > 1 or cell.colspan > 1]


def anchor_of(table: Table, row: int, column: int) -> tuple[int, int]:
    """The top-left cell of the merged area holding (row, column), or itself."""
    for r, c, rs, cs in areas(table):
        if r <= row < r + rs and c <= column < c + cs:
            return r, c
    return row, column


def _clamp_spans(table: Table) -> None:
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.rowspan = max(1, min(cell.rowspan, len(table.rows) - r))
            cell.colspan = max(1, min(cell.colspan, len(table.columns) - c))


# --- rows -----------------------------------------------------------------------------------
def insert_row(table: Table, at: int, kind: RowKind = RowKind.DATA, level: int = 0) -> None:
    """A new empty row at ``at``; inside the header rows it is a header row; merges across it grow."""
    at = max(0, min(at, len(table.rows)))
    for r, c, rs, _cs in areas(table):
        if r < at < r + rs:
            table.rows[r].cells[c].rowspan += 1
    table.rows.insert(at, TableRow([Cell() for _ in table.columns], kind=kind, level=level))
    if at < table.header_rows:
        table.header_rows += 1


def remove_row(table: Table, at: int) -> None:
    if not 0 <= at < len(table.rows):
        return
    for r, c, rs, cs in areas(table):
        if r < at < r + rs:
            table.rows[r].cells[c].rowspan -= 1
        elif r == at and rs > 1:
            # The area lives on from the next row, with its text.
            below = table.rows[r + 1].cells[c]
            anchor = table.rows[r].cells[c]
            below.runs, below.rowspan, below.colspan = anchor.runs, rs - 1, cs
    del table.rows[at]
    if at < table.header_rows:
        table.header_rows -= 1


def move_row(table: Table, at: int, delta: int) -> int:
    """Swap row ``at`` with its neighbour; returns the new index. Rows of a merged area stay."""
    target = at + delta
    if not (0 <= at < len(table.rows) and 0 <= target < len(table.rows)):
        raise TableOpError("Không thể chuyển dòng ra ngoài bảng.")
    for r, _c, rs, _cs in areas(table):
        if rs > 1 and (r <= at < r + rs or r <= target < r + rs):
            raise TableOpError("Dòng nằm trong vùng ô đã gộp: hãy tách ô trước khi chuyển dòng.")
    if (at < table.header_rows) != (target < table.header_rows):
        raise TableOpError("Không chuyển dòng qua lại giữa phần tiêu đề và phần nội dung của bảng.")
    table.rows[at], table.rows[target] = table.rows[target], table.rows[at]
    return target


def set_row_kind(table: Table, at: int, kind: RowKind) -> None:
    row = table.rows[at]
    row.kind = kind
    if kind == RowKind.CAPTION and len(table.columns) > 1:
        # A caption spans the table: gather the row's text into one merged cell.
        if any(cell.rowspan > 1 for cell in row.cells) or any(
                r < at < r + rs for r, _c, rs, _cs in areas(table)):
            return
        text = " ".join(cell.text.strip() for cell in row.cells if cell.text.strip())
        for cell in row.cells:
            cell.runs, cell.rowspan, cell.colspan = [], 1, 1
        row.cells[0].runs = [Run(text)] if text else []
        row.cells[0].colspan = len(table.columns)
    elif kind != RowKind.CAPTION and row.cells and row.cells[0].colspan == len(table.columns) > 1 \
            and row.cells[0].rowspan == 1:
        row.cells[0].colspan = 1


def set_level(table: Table, at: int, level: int) -> None:
    row = table.rows[at]
    row.level = level
    tt = table.column_index("tt")
    if level and tt is not None and row.cells[tt].rowspan == 1 and row.cells[tt].colspan == 1:
        row.cells[tt].runs = []


def set_header_rows(table: Table, count: int) -> None:
    count = max(0, min(count, len(table.rows), MAX_HEADER_ROWS))
    table.header_rows = count
    for row in table.rows[:count]:
        row.kind, row.level = RowKind.DATA, 0


# --- columns --------------------------------------------------------------------------------
def insert_column(table: Table, at: int, label: str = "") -> None:
    at = max(0, min(at, len(table.columns)))
    for r, c, _rs, cs in areas(table):
        if c < at < c + cs:
            table.rows[r].cells[c].colspan += 1
    table.columns.insert(at, TableColumn())
    for i, row in enumerate(table.rows):
        text = label if table.header_rows and i == table.header_rows - 1 else ""
        row.cells.insert(at, Cell.plain(text))


def remove_column(table: Table, at: int) -> None:
    if not 0 <= at < len(table.columns):
        return
    if len(table.columns) == 1:
        raise TableOpError("Bảng phải còn ít nhất một cột: muốn bỏ cả bảng thì xóa bảng.")
    for r, c, rs, cs in areas(table):
        if c < at < c + cs:
            table.rows[r].cells[c].colspan -= 1
        elif c == at and cs > 1:
            right = table.rows[r].cells[c + 1]
            anchor = table.rows[r].cells[c]
            right.runs, right.rowspan, right.colspan = anchor.runs, rs, cs - 1
    del table.columns[at]
    for row in table.rows:
        del row.cells[at]


def set_column_key(table: Table, at: int, key: str) -> None:
    """Give column ``at`` a meaning (one column per meaning: another holding it loses it); the
    usual alignment and figure check of that meaning come with it."""
    from cchc_desktop.core.model import table_column

    for column in table.columns:
        if key and column.key == key:
            column.key = ""
    usual = table_column(key)
    column = table.columns[at]
    column.key, column.align, column.figures = key, usual.align, usual.figures


def set_column(table: Table, at: int, *, align: Align | None = None, figures: bool | None = None,
               width_mm: float | None | str = "keep", key: str | None = None) -> None:
    column = table.columns[at]
    if align is not None:
        column.align = align
    if figures is not None:
        column.figures = figures
    if width_mm != "keep":
        column.width_mm = None if width_mm in (None, 0) else float(width_mm)
    if key is not None:
        column.key = key


# --- merging --------------------------------------------------------------------------------
def merge(table: Table, top: int, left: int, bottom: int, right: int) -> None:
    """Merge the rectangle (inclusive); merged areas inside it are absorbed, texts joined."""
    if top > bottom:
        top, bottom = bottom, top
    if left > right:
        left, right = right, left
    if (top, left) == (bottom, right):
        raise TableOpError("Hãy chọn ít nhất hai ô liền nhau để gộp.")
    for r, c, rs, cs in areas(table):
        inside = top <= r and r + rs - 1 <= bottom and left <= c and c + cs - 1 <= right
        apart = r + rs - 1 < top or r > bottom or c + cs - 1 < left or c > right
        if not inside and not apart:
            raise TableOpError("Vùng chọn cắt ngang một vùng ô đã gộp: hãy chọn trùm cả vùng đó.")
    if top < table.header_rows <= bottom:
        raise TableOpError("Không gộp ô của dòng tiêu đề bảng với ô của phần nội dung.")
    texts = []
    covered = table.covered()
    for r in range(top, bottom + 1):
        for c in range(left, right + 1):
            cell = table.rows[r].cells[c]
            if (r, c) not in covered and cell.text.strip():
                texts.append(cell.text.strip())
            cell.rowspan = cell.colspan = 1
            if (r, c) != (top, left):
                cell.runs = []
    anchor = table.rows[top].cells[left]
    if len(texts) > 1 or (texts and anchor.text.strip() != texts[0]):
        anchor.runs = [Run(" ".join(texts))]
    anchor.rowspan, anchor.colspan = bottom - top + 1, right - left + 1


def split(table: Table, row: int, column: int) -> bool:
    """Undo the merge holding (row, column); False when the cell is not merged."""
    r, c = anchor_of(table, row, column)
    cell = table.rows[r].cells[c]
    if cell.rowspan == 1 and cell.colspan == 1:
        return False
    cell.rowspan = cell.colspan = 1
    return True


def set_cell_text(table: Table, row: int, column: int, text: str) -> None:
    cell = table.rows[row].cells[column]
    bold = cell.runs[0].bold if cell.runs else False
    italic = cell.runs[0].italic if cell.runs else False
    cell.runs = [Run(text, bold, italic)] if text else []


def check_grid(table: Table) -> None:
    """Raise when a row's cell count differs from the columns (never expected; for tests)."""
    for row in table.rows:
        if len(row.cells) != len(table.columns):
            raise AssertionError("ragged table")
    _clamp_spans(table)
