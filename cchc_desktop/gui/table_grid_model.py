"""The grid editor's model: a Table shown cell by cell (header rows, merges, row kinds, figures)
and its undo commands.

Every edit is a QUndoCommand on the grid's QUndoStack: cell texts (``SetCellCommand``) and
structural edits (``TableEditCommand``: a snapshot of the table before and after).  A command
finds its table again through the model's ``table_key`` / ``table_at`` (the object itself by
default; the appendix tab's "form k of the report shown", see ``gui/undo.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QUndoCommand, QUndoStack

from cchc_desktop.core.columns import column_letters as column_letter  # "A", "B"… "AA" (not xlsx_guard: lxml)
from cchc_desktop.core.figures import FigureError, parse_figure
from cchc_desktop.core.indicators import change_text, column_label
from cchc_desktop.core.model import Align, NumberStyle, RowKind, Table
from cchc_desktop.core.vietnamese import nfc

from . import table_ops
from .table_ops import TableOpError


SUB_ROW_PREFIX = "    – "  # shown only; the model keeps level=1
ROW_KIND_LABELS = {RowKind.DATA: "Dòng thường", RowKind.GROUP: "Dòng nhóm",
                   RowKind.CAPTION: "Dòng mục"}
ROW_KIND_TIPS = {RowKind.DATA: "Dòng thường: mang số liệu",
                 RowKind.GROUP: "Dòng nhóm: in đậm; các dòng con bên dưới mang số liệu",
                 RowKind.CAPTION: "Dòng mục (“A. CHỈ TIÊU CHUNG”): một ô trải hết chiều ngang bảng"}
ALIGN_LABELS = {Align.LEFT: "Căn trái", Align.CENTER: "Căn giữa", Align.RIGHT: "Căn phải",
                Align.JUSTIFY: "Căn đều"}
NUMBER_STYLE_LABELS = {NumberStyle.AS_TYPED: "Số in như đã gõ",
                       NumberStyle.VIETNAMESE: "Số in kiểu Việt (1.250; 18,75)"}
_QT_ALIGN = {Align.LEFT: Qt.AlignmentFlag.AlignLeft, Align.CENTER: Qt.AlignmentFlag.AlignHCenter,
             Align.RIGHT: Qt.AlignmentFlag.AlignRight, Align.JUSTIFY: Qt.AlignmentFlag.AlignJustify}
COLUMN_KEYS = (("", "Không (cột thường)"), ("tt", "Số thứ tự (TT)"), ("indicator", "Tên chỉ tiêu"),
               ("unit", "Đơn vị tính"), ("value", "Số liệu kỳ này"), ("previous", "Số liệu kỳ trước"),
               ("change", "Tăng, giảm (tự tính)"), ("target", "Kế hoạch, chỉ tiêu giao"), ("note", "Ghi chú"))
HEADER_BACKGROUND = QColor("#e8edf3")
GROUP_BACKGROUND = QColor("#f6f6f0")
EMPTY_FIGURE_BACKGROUND = QColor("#fff8d6")  # this period's figure still to be typed


class TableGridModel(QAbstractTableModel):
    """Every row of ``table`` (header rows first, shaded); cells edited through undo commands."""

    rejected = Signal(str)  # Vietnamese message for a refused figure
    edited = Signal()
    structureChanged = Signal()  # spans and sizes must be laid out again
    touched = Signal(int, int)  # undo/redo of an edit: the view goes back to that cell (row, column)

    def __init__(self, table: Table | None = None, stack: QUndoStack | None = None, parent=None) -> None:
        super().__init__(parent)
        self.table = table or Table()
        self.stack = stack or QUndoStack(self)
        # Called by undo commands whose table is not the one shown (the appendix tab switches forms).
        self.switcher: Callable[[Table], None] | None = None
        # The view's current cell (set by TableGrid): undo puts the cursor back where the edit was.
        self.current: Callable[[], tuple[int, int]] = lambda: (-1, -1)
        # How a command finds its table again: a key for a table, the table for a key.  The table
        # object itself by default; the appendix tab gives its form's position in the report shown.
        self.table_key: Callable[[Table], Any] = lambda table: table
        self.table_at: Callable[[Any], Table] = lambda key: key

    def ensure(self, table: Table) -> None:
        if self.table is not table:
            (self.switcher or self.set_table)(table)

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()
        self.structureChanged.emit()

    def refresh(self) -> None:
        """After a structural change of ``table`` (undo commands call this)."""
        self.beginResetModel()
        self.endResetModel()
        self.structureChanged.emit()
        self.edited.emit()

    # --- reading -----------------------------------------------------------------------------
    @property
    def header_rows(self) -> int:
        return self.table.header_rows

    def body_row(self, row: int) -> int:
        return row - self.table.header_rows

    def body_index(self, row: int, column: int) -> QModelIndex:
        """The index of body row ``row`` (0 = first row under the header)."""
        return self.index(row + self.table.header_rows, column)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.table.columns)

    def key(self, column: int) -> str:
        return self.table.columns[column].key

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            column = self.table.columns[section]
            mark = " (số)" if column.figures else ""
            return f"{column_letter(section)}{mark}"
        if role == Qt.ItemDataRole.DisplayRole:
            return "TĐ" if section < self.table.header_rows else str(section - self.table.header_rows + 1)
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Vertical:
            if section < self.table.header_rows:
                return "Dòng tiêu đề của bảng (lặp lại ở đầu mỗi trang)"
            return ROW_KIND_LABELS[self.table.rows[section].kind]
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return column_label(self.table, section) if self.table.rows else None
        return None

    def _computed(self, row: int, column: int) -> bool:
        return (self.key(column) == "change" and row >= self.table.header_rows
                and self.table.rows[row].kind == RowKind.DATA)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        row = self.table.rows[r]
        header = r < self.table.header_rows
        column = self.table.columns[c]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = change_text(self.table, row) if self._computed(r, c) else row.cells[c].text
            if role == Qt.ItemDataRole.DisplayRole and column.key == "indicator" and row.level and not header:
                return SUB_ROW_PREFIX + text
            return text
        if role == Qt.ItemDataRole.FontRole and (header or row.kind != RowKind.DATA or
                                                 any(run.bold for run in row.cells[c].runs)):
            font = QFont()
            font.setBold(True)
            font.setItalic(row.kind == RowKind.CAPTION and not header)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if header:
                return QBrush(HEADER_BACKGROUND)
            if row.kind != RowKind.DATA:
                return QBrush(GROUP_BACKGROUND)
            if self._awaiting_figure(r, c):
                return QBrush(EMPTY_FIGURE_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignHCenter if header else _QT_ALIGN[column.align]
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and self._computed(r, c):
            return "Tính tự động: kỳ này so với kỳ trước"
        if role == Qt.ItemDataRole.ToolTipRole and self._awaiting_figure(r, c):
            return "Chưa có số liệu kỳ này: nhập số, 0 khi không có, hoặc dấu - khi không có số liệu"
        if role == Qt.ItemDataRole.ToolTipRole and column.figures and not header:
            return "Nhập số (1.250 hoặc 12,5), tỷ lệ (15%) hoặc dấu - khi không có số liệu"
        return None

    def _awaiting_figure(self, r: int, c: int) -> bool:
        """This period's figure of an indicator row, still empty (marked for the clerk)."""
        row = self.table.rows[r]
        if r < self.table.header_rows or row.kind != RowKind.DATA or self.table.columns[c].key != "value":
            return False
        named = self.table.column_index("indicator")
        return not row.cells[c].text.strip() and (named is None or bool(row.cells[named].text.strip()))

    def flags(self, index):
        flags = super().flags(index)
        if not index.isValid() or self._computed(index.row(), index.column()):
            return flags
        return flags | Qt.ItemFlag.ItemIsEditable

    def cell_name(self, row: int, column: int) -> str:
        """'Dòng 3, cột Số lượng' (body rows counted from 1) or 'Dòng tiêu đề 1, cột B'."""
        if row < self.table.header_rows:
            where = f"Dòng tiêu đề {row + 1}"
        else:
            where = f"Dòng {row - self.table.header_rows + 1}"
        label = column_label(self.table, column) if self.table.header_rows else column_letter(column)
        return f"{where}, cột {label or column_letter(column)}"

    # --- editing -------------------------------------------------------------------------------
    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self._computed(index.row(), index.column()):
            return False
        r, c = index.row(), index.column()
        text = nfc(str(value or "")).strip()
        row = self.table.rows[r]
        if self.table.columns[c].figures and r >= self.table.header_rows and row.kind == RowKind.DATA:
            try:
                parse_figure(text)
            except FigureError as error:
                self.rejected.emit(f"{self.cell_name(r, c)}: {error}")
                return False
        if text == row.cells[c].text:
            return True
        self.stack.push(SetCellCommand(self, r, c, text))
        return True

    def apply_cell(self, row: int, column: int, text: str) -> None:
        table_ops.set_cell_text(self.table, row, column, text)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.edited.emit()

    def edit(self, label: str, mutate: Callable[[Table], object]) -> bool:
        """Run a structural edit as one undo step; a refusal shows its message, nothing changes."""
        before = table_ops.snapshot(self.table)
        try:
            mutate(self.table)
        except TableOpError as error:
            table_ops.restore(self.table, before)
            self.rejected.emit(str(error))
            return False
        after = table_ops.snapshot(self.table)
        if after == before:
            return False
        self.stack.push(TableEditCommand(self, label, before, after))
        return True


class SetCellCommand(QUndoCommand):
    def __init__(self, model: TableGridModel, row: int, column: int, text: str) -> None:
        super().__init__(f"Sửa ô {model.cell_name(row, column)}")
        self.model, self.row, self.column = model, row, column
        self.key = model.table_key(model.table)
        self.old = model.table.rows[row].cells[column].text
        self.new = text
        self._first = True

    @property
    def table(self) -> Table:
        return self.model.table_at(self.key)

    def _set(self, text: str) -> None:
        self.model.ensure(self.table)
        self.model.apply_cell(self.row, self.column, text)
        if not self._first:  # not while the clerk is still typing into the cell
            self.model.touched.emit(self.row, self.column)
        self._first = False

    def redo(self) -> None:
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)


class TableEditCommand(QUndoCommand):
    """A structural edit: the table's state before and after (a pickle, a few KB)."""

    def __init__(self, model: TableGridModel, label: str, before: bytes, after: bytes) -> None:
        super().__init__(label)
        self.model, self.before, self.after = model, before, after
        self.key = model.table_key(model.table)
        self.where_before = model.current()  # the cell chosen when the edit was made
        self.where_after: tuple[int, int] | None = None

    @property
    def table(self) -> Table:
        return self.model.table_at(self.key)

    def _put(self, data: bytes, where: tuple[int, int] | None) -> None:
        table = self.table
        table_ops.restore(table, data)
        self.model.ensure(table)
        self.model.refresh()
        if where is not None and where[0] >= 0:
            self.model.touched.emit(*where)

    def redo(self) -> None:
        self._put(self.after, self.where_after)  # the first time the grid selects the new place itself

    def undo(self) -> None:
        if self.model.table is self.table:
            self.where_after = self.model.current()
        self._put(self.before, self.where_before)
