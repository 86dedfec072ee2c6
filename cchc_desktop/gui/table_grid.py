"""A general table grid editor: the toolbar and the view over ``TableGridModel``
(``gui/table_grid_model.py``: the cells, header rows, merges, row kinds, figures, undo commands).

Used for the appendix forms (tab "Phụ lục") and for tables inside the text (a dialog).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QComboBox, QHeaderView, QInputDialog, QLabel,
                               QMenu, QSizePolicy, QSpinBox, QTableView, QToolButton, QVBoxLayout, QWidget)

from cchc_desktop.core.model import RowKind, Table

from . import dialogs, table_ops
from .flow_layout import FlowLayout
from .tabs.common import tool_button
from .table_grid_model import ALIGN_LABELS, COLUMN_KEYS, ROW_KIND_LABELS, ROW_KIND_TIPS, TableGridModel
from .table_grid_model import NUMBER_STYLE_LABELS, SUB_ROW_PREFIX  # noqa: F401 (the editors' names)



class GridView(QTableView):
    """The grid's view.  ``tab_adds_row`` (set by ``TableGrid.tab_adds_rows``): Tab in the last cell
    adds a row and goes to its first cell, as in a Word table, also while the cell is being edited
    (Qt would wrap to the first cell)."""

    tab_adds_row = None

    def at_last_cell(self) -> bool:
        index, model = self.currentIndex(), self.model()
        if not index.isValid() or model is None:
            return False
        row, column = index.row(), index.column()
        return (row + self.rowSpan(row, column) >= model.rowCount()
                and column + self.columnSpan(row, column) >= model.columnCount())

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 (Qt name)
        if hint == QAbstractItemDelegate.EndEditHint.EditNextItem and self.tab_adds_row and self.at_last_cell():
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.tab_adds_row()
            return
        super().closeEditor(editor, hint)


class TableGrid(QWidget):
    """Toolbar + QTableView over a TableGridModel, with spans for merged cells."""

    edited = Signal()

    def __init__(self, stack: QUndoStack | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = stack or QUndoStack(self)
        self.model = TableGridModel(stack=self.stack, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The toolbar wraps onto a second line on small screens (1024×700) instead of cutting buttons.
        self.toolbar = QWidget()
        self.toolbar.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        bar = FlowLayout(self.toolbar, spacing=3)
        self.add = tool_button("+ Dòng", "Thêm dòng dưới dòng đang chọn")
        self.add_sub = tool_button("+ Dòng con", "Thêm dòng con (chỉ tiêu chi tiết, không có số TT)")
        self.remove = tool_button("− Dòng", "Xóa dòng đang chọn (Ctrl+Z để lấy lại)")
        self.up = tool_button("↑", "Chuyển dòng lên")
        self.down = tool_button("↓", "Chuyển dòng xuống")
        self.indent = tool_button("⇥", "Thụt vào / lùi ra: dòng con của dòng nhóm bên trên hoặc ngược lại")
        self.columns = tool_button("Cột ▾", "Thêm, xóa cột; căn lề; cột số liệu; độ rộng")
        self.columns.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.merge = tool_button("Gộp ô", "Gộp các ô đang chọn thành một ô")
        self.split = tool_button("Tách ô", "Tách ô đã gộp thành các ô riêng")
        self.kind = QComboBox()
        self.kind.setToolTip("Loại của dòng đang chọn")
        for kind, label in ROW_KIND_LABELS.items():
            self.kind.addItem(label, kind)
            self.kind.setItemData(self.kind.count() - 1, ROW_KIND_TIPS[kind], Qt.ItemDataRole.ToolTipRole)
        self.header_spin = QSpinBox()
        self.header_spin.setRange(0, table_ops.MAX_HEADER_ROWS)
        self.header_spin.setPrefix("Dòng tiêu đề: ")
        self.header_spin.setMinimumWidth(self.header_spin.fontMetrics().horizontalAdvance("Dòng tiêu đề: 00") + 30)
        self.header_spin.setToolTip("Số dòng tiêu đề ở đầu bảng (in lặp lại ở đầu mỗi trang)")
        self.undo_button = tool_button("↶", "Hoàn tác thao tác trên bảng (Ctrl+Z)")
        self.redo_button = tool_button("↷", "Làm lại (Ctrl+Y)")
        for widget in (self.add, self.add_sub, self.remove, self.up, self.down, self.indent, self.columns,
                       self.merge, self.split, self.kind, self.header_spin, self.undo_button, self.redo_button):
            bar.addWidget(widget)
        self.bar = bar
        layout.addWidget(self.toolbar)

        self.view = GridView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        triggers = QAbstractItemView.EditTrigger
        # Not CurrentChanged: arrow keys move between cells without opening editors.
        self.view.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
                                  | triggers.SelectedClicked)
        self.view.verticalHeader().setDefaultSectionSize(26)
        layout.addWidget(self.view, 1)
        self.view.viewport().installEventFilter(self)
        self._rows_timer = QTimer(self, singleShot=True, interval=30)
        self._rows_timer.timeout.connect(self.view.resizeRowsToContents)
        from .keyboard import tables_release_tab

        tables_release_tab(self)  # Tab at the last cell leaves the grid (the table dialog too)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        menu = QMenu(self)
        self._act(menu, "Thêm cột bên phải", lambda: self.insert_column(1))
        self._act(menu, "Thêm cột bên trái", lambda: self.insert_column(0))
        self._act(menu, "Xóa cột", self.remove_column)
        menu.addSeparator()
        for align, label in ALIGN_LABELS.items():
            self._act(menu, label, lambda _=False, a=align: self.set_column(align=a))
        menu.addSeparator()
        self.figures_action = self._act(menu, "Cột số liệu (kiểm tra số, căn giữa)", self.toggle_figures)
        self.figures_action.setCheckable(True)
        self._act(menu, "Độ rộng cột…", self.ask_width)
        meaning = menu.addMenu("Ý nghĩa của cột")
        meaning.setToolTip("Để lập báo cáo kỳ sau, so sánh và kiểm tra số liệu theo đúng cột")
        self.key_actions = {}
        for key, label in COLUMN_KEYS:
            action = self._act(meaning, label, lambda k=key: self.set_column_key(k))
            action.setCheckable(True)
            self.key_actions[key] = action
        self.columns.setMenu(menu)

        self.model.rejected.connect(self.show_message)
        self.model.current = lambda: (self.current_row(), self.current_column())
        self.model.touched.connect(lambda row, column: self.select(min(row, self.model.rowCount() - 1), column))
        self.model.edited.connect(self._edited)
        self.model.structureChanged.connect(self.layout_spans)
        self.add.clicked.connect(lambda: self.insert_row(0))
        self.add_sub.clicked.connect(lambda: self.insert_row(1))
        self.remove.clicked.connect(self.remove_row)
        self.up.clicked.connect(lambda: self.move_row(-1))
        self.down.clicked.connect(lambda: self.move_row(1))
        self.indent.clicked.connect(self.toggle_level)
        self.merge.clicked.connect(self.merge_selection)
        self.split.clicked.connect(self.split_current)
        self.kind.activated.connect(lambda i: self.set_row_kind(RowKind(self.kind.itemData(i))))
        self.header_spin.valueChanged.connect(self._header_spin_changed)
        self.undo_button.clicked.connect(lambda: self.stack.undo())
        self.redo_button.clicked.connect(lambda: self.stack.redo())
        self._follow(self.stack, True)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        for sequence, slot in ((QKeySequence.StandardKey.Undo, lambda: self.stack.undo()),
                               (QKeySequence.StandardKey.Redo, lambda: self.stack.redo()),
                               (QKeySequence("Ctrl+Y"), lambda: self.stack.redo())):
            action = QAction(self)
            action.setShortcut(QKeySequence(sequence))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, s=slot: self._if_editable(s))
            self.addAction(action)

    def _follow(self, stack: QUndoStack, on: bool) -> None:
        for signal, slot in ((stack.canUndoChanged, self.undo_button.setEnabled),
                             (stack.canRedoChanged, self.redo_button.setEnabled)):
            signal.connect(slot) if on else signal.disconnect(slot)
        if on:
            self.undo_button.setEnabled(stack.canUndo())
            self.redo_button.setEnabled(stack.canRedo())

    def set_stack(self, stack: QUndoStack) -> None:
        """Push to (and undo from) ``stack`` from now on: the appendix tab's stack of the report shown."""
        if stack is self.stack:
            return
        self._follow(self.stack, False)
        self.stack = self.model.stack = stack
        self._follow(stack, True)

    def _act(self, menu: QMenu, text: str, slot) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def editable(self) -> bool:
        return self.view.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers

    def _if_editable(self, slot) -> None:
        if self.editable():
            slot()

    # --- model ---------------------------------------------------------------------------------
    def set_table(self, table: Table) -> None:
        self.model.set_table(table)
        self.message.hide()
        self._show_current()

    @property
    def table(self) -> Table:
        return self.model.table

    def layout_spans(self) -> None:
        self.view.clearSpans()
        for r, c, rs, cs in table_ops.areas(self.table):
            self.view.setSpan(r, c, rs, cs)
        header = self.view.horizontalHeader()
        if self._proportional():
            self._fit_widths()
            self.view.resizeRowsToContents()
            self._show_current()
            return
        for column in range(self.model.columnCount()):
            key = self.model.key(column)
            wide = key in ("indicator", "note", "") and not self.table.columns[column].figures
            mode = QHeaderView.ResizeMode.Stretch if wide else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        self.view.resizeRowsToContents()
        self._show_current()

    def _proportional(self) -> bool:
        """Columns with widths in millimetres are shown in the same proportions."""
        return any(column.width_mm for column in self.table.columns)

    def _fit_widths(self) -> None:
        from .text_objects import column_widths

        header = self.view.horizontalHeader()
        available = max(200, self.view.viewport().width())
        for column, width in enumerate(column_widths(self.table, available - 2)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, int(width))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            if self._proportional():
                self._fit_widths()
            self._rows_timer.start()  # wrapped cells: row heights follow the new column widths
        return super().eventFilter(watched, event)

    def _edited(self) -> None:
        self.message.hide()
        self.edited.emit()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _show_current(self) -> None:
        row = self.current_row()
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(self.table.header_rows)
        self.header_spin.blockSignals(False)
        if 0 <= row < len(self.table.rows):
            self.kind.setCurrentIndex(self.kind.findData(self.table.rows[row].kind))
            column = self.view.currentIndex().column()
            if 0 <= column < len(self.table.columns):
                self.figures_action.setChecked(self.table.columns[column].figures)
                for key, action in self.key_actions.items():
                    action.setChecked(key == self.table.columns[column].key)

    # --- selection ------------------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def current_column(self) -> int:
        index = self.view.currentIndex()
        return index.column() if index.isValid() else -1

    def select(self, row: int, column: int | None = None) -> None:
        if 0 <= row < self.model.rowCount():
            column = max(0, self.current_column() if column is None else column)
            self.view.setCurrentIndex(self.model.index(row, min(column, self.model.columnCount() - 1)))

    def selection_rect(self) -> tuple[int, int, int, int] | None:
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes:
            return None
        rows = [i.row() for i in indexes]
        columns = [i.column() for i in indexes]
        top, left, bottom, right = min(rows), min(columns), max(rows), max(columns)
        # A selected merged cell counts with its whole area.
        for r, c, rs, cs in table_ops.areas(self.table):
            if top <= r <= bottom and left <= c <= right:
                bottom, right = max(bottom, r + rs - 1), max(right, c + cs - 1)
        return top, left, bottom, right

    # --- commands -------------------------------------------------------------------------------
    def tab_adds_rows(self) -> None:
        """Tab in the last cell adds a row (tables of the text, as in Word); the appendix forms keep
        Tab leaving the grid there (``keyboard``)."""
        self.view.tab_adds_row = self.add_last_row

    def add_last_row(self) -> None:
        self.select(self.model.rowCount() - 1, self.model.columnCount() - 1)
        self.insert_row(0)
        self.select(self.model.rowCount() - 1, 0)

    def insert_row(self, level: int = 0) -> None:
        row = self.current_row()
        at = row + 1 if row >= 0 else len(self.table.rows)
        label = "Thêm dòng con" if level else "Thêm dòng"
        if self.model.edit(label, lambda t: table_ops.insert_row(t, at, level=level)):
            self.select(at)

    def remove_row(self) -> None:
        row = self.current_row()
        if row >= 0 and self.model.edit("Xóa dòng", lambda t: table_ops.remove_row(t, row)):
            self.select(min(row, self.model.rowCount() - 1))

    def move_row(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0 and self.model.edit("Chuyển dòng", lambda t: table_ops.move_row(t, row, delta)):
            self.select(row + delta)

    def toggle_level(self) -> None:
        row = self.current_row()
        if row >= self.table.header_rows:
            level = 0 if self.table.rows[row].level else 1
            self.model.edit("Thụt vào / lùi ra", lambda t: table_ops.set_level(t, row, level))
            self.select(row)

    def set_row_kind(self, kind: RowKind) -> None:
        row = self.current_row()
        if row < self.table.header_rows:
            self.show_message("Chọn một dòng dưới phần tiêu đề để đổi loại dòng.")
            self._show_current()
            return
        self.model.edit("Đổi loại dòng", lambda t: table_ops.set_row_kind(t, row, kind))
        self.select(row)

    def _header_spin_changed(self, value: int) -> None:
        self.set_header_rows(value)

    def set_header_rows(self, count: int) -> None:
        row, column = self.current_row(), self.current_column()
        self.model.edit("Số dòng tiêu đề", lambda t: table_ops.set_header_rows(t, count))
        self.select(row, column)
        self._show_current()

    def insert_column(self, side: int) -> None:
        column = self.current_column()
        at = column + side if column >= 0 else len(self.table.columns)
        if self.model.edit("Thêm cột", lambda t: table_ops.insert_column(t, at)):
            self.select(max(0, self.current_row()), at)

    def remove_column(self) -> None:
        column = self.current_column()
        if column >= 0:
            self.model.edit("Xóa cột", lambda t: table_ops.remove_column(t, column))

    def set_column(self, **changes) -> None:
        column = self.current_column()
        if column >= 0:
            self.model.edit("Đổi thuộc tính cột", lambda t: table_ops.set_column(t, column, **changes))

    def set_column_key(self, key: str) -> None:
        column = self.current_column()
        if column >= 0:
            self.model.edit("Đổi ý nghĩa cột", lambda t: table_ops.set_column_key(t, column, key))

    def toggle_figures(self) -> None:
        column = self.current_column()
        if column >= 0:
            self.set_column(figures=not self.table.columns[column].figures)

    def ask_width(self) -> None:
        column = self.current_column()
        if column < 0:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Độ rộng cột")
        dialog.setLabelText("Độ rộng cột (mm; 0 = tự chia đều):")
        dialog.setInputMode(QInputDialog.InputMode.DoubleInput)
        dialog.setDoubleRange(0, 250)
        dialog.setDoubleValue(self.table.columns[column].width_mm or 0)
        dialog.setOkButtonText(dialogs.OK)
        dialog.setCancelButtonText(dialogs.CANCEL)
        if dialog.exec():
            self.set_column(width_mm=round(dialog.doubleValue(), 1))

    def merge_selection(self) -> None:
        rect = self.selection_rect()
        if rect is None:
            return
        if self.model.edit("Gộp ô", lambda t: table_ops.merge(t, *rect)):
            self.select(rect[0], rect[1])

    def split_current(self) -> None:
        row, column = self.current_row(), self.current_column()
        if row >= 0 and not self.model.edit("Tách ô", lambda t: table_ops.split(t, row, column)):
            self.show_message("Ô đang chọn không phải là ô gộp.")
