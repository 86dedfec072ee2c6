"""Tab "Phụ lục chỉ tiêu": the indicator table (a Qt model over Appendix.rows) and its titles."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from cchc_desktop.core.model import Appendix, IndicatorRow, Report
from cchc_desktop.core.vietnamese import format_number, nfc, parse_number
from cchc_desktop.document.layout import change_text
from cchc_desktop.gui import dialogs
from cchc_desktop.gui.flow_layout import flow_row

NUMBER_KEYS = ("value", "previous")
SUB_ROW_PREFIX = "    – "  # shown only; the model keeps level=1


class IndicatorModel(QAbstractTableModel):
    rejected = Signal(str)  # Vietnamese message for a refused number
    edited = Signal()
    touched = Signal(int)  # a row changed by an edit, undo or redo: the view goes there

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.appendix = Appendix()
        self.undo = None  # gui.undo.ReportUndo: every change goes through the report's stack

    def _do(self, text: str, redo, undo, merge_key=None) -> None:
        """Run ``redo`` now, through the undo stack when there is one."""
        if self.undo is None:
            redo()
            return
        from ..undo import CallbackCommand

        self.undo.push(CallbackCommand(text, redo, undo, 1 if merge_key else -1, merge_key))

    def set_appendix(self, appendix: Appendix) -> None:
        self.beginResetModel()
        self.appendix = appendix
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.appendix.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.appendix.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.appendix.columns[section].label
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def key(self, column: int) -> str:
        return self.appendix.columns[column].key

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.appendix.rows[index.row()]
        key = self.key(index.column())
        value = getattr(row, key, "")
        if key == "change":  # computed: this period minus the previous one, as the document prints it
            if role == Qt.ItemDataRole.DisplayRole:
                return change_text(row)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Tự tính: số kỳ này trừ số kỳ trước (không cần gõ)"
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = format_number(value) if key in NUMBER_KEYS else str(value or "")
            if role == Qt.ItemDataRole.DisplayRole and key == "indicator" and row.level:
                return SUB_ROW_PREFIX + text
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMBER_KEYS + ("tt",):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and key in NUMBER_KEYS:
            return "Chỉ nhập số, ví dụ 1.250 hoặc 12,5; để trống nếu chưa có số liệu"
        return None

    def flags(self, index):
        if index.isValid() and self.key(index.column()) == "change":
            return super().flags(index) & ~Qt.ItemFlag.ItemIsEditable
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.appendix.rows[index.row()]
        key = self.key(index.column())
        text = nfc(str(value or "")).strip()
        if key in NUMBER_KEYS:
            try:
                new: Decimal | str | None = parse_number(text) if text else None
            except ValueError as error:
                self.rejected.emit(str(error))
                return False
        elif hasattr(row, key):
            new = text
        else:
            return False
        old = getattr(row, key)
        if old == new:
            return True
        at = index.row()
        self._do("Sửa ô", lambda: self._set_value(at, key, new), lambda: self._set_value(at, key, old))
        return True

    def _set_value(self, at: int, key: str, value) -> None:
        setattr(self.appendix.rows[at], key, value)
        self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))  # Tăng/giảm follows
        self.edited.emit()
        self.touched.emit(at)

    # --- row operations ------------------------------------------------------------
    def insert_row(self, at: int, level: int = 0) -> None:
        row = IndicatorRow(level=level)
        self._do("Thêm dòng", lambda: self._insert(at, row), lambda: self._remove(at))

    def remove_row(self, at: int) -> None:
        """Undoable (Ctrl+Z), so not confirmed."""
        row = self.appendix.rows[at]
        self._do("Xóa dòng", lambda: self._remove(at), lambda: self._insert(at, row))

    def move_row(self, at: int, delta: int) -> bool:
        target = at + delta
        if not (0 <= at < len(self.appendix.rows) and 0 <= target < len(self.appendix.rows)):
            return False
        self._do("Chuyển dòng", lambda: self._move(at, delta), lambda: self._move(target, -delta))
        return True

    def set_level(self, at: int, level: int) -> None:
        old = self.appendix.rows[at]
        new = dataclasses.replace(old, level=level, tt="" if level else old.tt)
        self._do("Đổi cấp dòng", lambda: self._replace(at, new), lambda: self._replace(at, old))

    def set_rows(self, rows: list[IndicatorRow], text: str = "Nhập bộ chỉ tiêu") -> None:
        old = list(self.appendix.rows)
        new = list(rows)
        self._do(text, lambda: self._reset(new), lambda: self._reset(old))

    # --- the changes themselves (called by the commands, never pushed again) ---------------
    def _insert(self, at: int, row: IndicatorRow) -> None:
        self.beginInsertRows(QModelIndex(), at, at)
        self.appendix.rows.insert(at, row)
        self.endInsertRows()
        self.edited.emit()
        self.touched.emit(at)

    def _remove(self, at: int) -> None:
        self.beginRemoveRows(QModelIndex(), at, at)
        del self.appendix.rows[at]
        self.endRemoveRows()
        self.edited.emit()
        self.touched.emit(min(at, len(self.appendix.rows) - 1))

    def _replace(self, at: int, row: IndicatorRow) -> None:
        self.appendix.rows[at] = row
        self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))
        self.edited.emit()
        self.touched.emit(at)

    def _reset(self, rows: list[IndicatorRow]) -> None:
        self.beginResetModel()
        self.appendix.rows = list(rows)
        self.endResetModel()
        self.edited.emit()

    def _move(self, at: int, delta: int) -> bool:
        target = at + delta
        # Qt's destination index counts positions before the move.
        self.beginMoveRows(QModelIndex(), at, at, QModelIndex(), target + 1 if delta > 0 else target)
        rows = self.appendix.rows
        rows[at], rows[target] = rows[target], rows[at]
        self.endMoveRows()
        self.edited.emit()
        self.touched.emit(target)
        return True


class IndicatorsTab(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.heading = QLineEdit()
        self.title = QLineEdit()
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("(Kèm theo Công văn số … ngày … của …)")
        form.addRow("Tiêu đề:", self.heading)
        form.addRow("Tên phụ lục:", self.title)
        form.addRow("Dòng trích dẫn:", self.reference)
        layout.addLayout(form)

        self.add = QPushButton("Thêm dòng")
        self.add_sub = QPushButton("Thêm dòng con")
        self.remove = QPushButton("Xóa dòng")
        self.remove.setToolTip("Xóa dòng đang chọn (Ctrl+Z để lấy lại)")
        self.up = QPushButton("Lên")
        self.down = QPushButton("Xuống")
        self.indent = QPushButton("Thụt vào / Lùi ra")
        self.indent.setToolTip("Đổi dòng đang chọn thành dòng con (không có số TT) hoặc ngược lại")
        self.import_set = QPushButton("Nhập bộ chỉ tiêu…")
        self.import_set.setToolTip("Lấy danh sách chỉ tiêu từ bảng tính (.xlsx: cột TT, Chỉ tiêu, Đơn vị tính) "
                                   "hoặc tệp .json")
        self.export_set = QPushButton("Xuất Excel…")
        self.export_set.setToolTip("Ghi bảng chỉ tiêu ra tệp Excel (.xlsx), số liệu là số")
        # Wraps onto a second line on small screens (1024×700) instead of squeezing the buttons.
        self.buttons = flow_row(self.add, self.add_sub, self.remove, self.up, self.down, self.indent,
                                self.import_set, self.export_set)
        layout.addWidget(self.buttons)

        self.model = IndicatorModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        triggers = QAbstractItemView.EditTrigger
        # Not CurrentChanged: arrow keys move between cells without opening editors.
        self.view.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
                                  | triggers.SelectedClicked)
        layout.addWidget(self.view, 1)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        self.model.rejected.connect(self._show_message)
        self.model.touched.connect(self._select)
        self.model.edited.connect(self._edited)
        self.model.modelReset.connect(self._size_columns)
        self.add.clicked.connect(lambda: self._insert(0))
        self.add_sub.clicked.connect(lambda: self._insert(1))
        self.remove.clicked.connect(self._remove)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.indent.clicked.connect(self._toggle_level)
        self.import_set.clicked.connect(self.import_indicator_set)
        self.export_set.clicked.connect(self.export_excel)
        for line in (self.heading, self.title, self.reference):
            line.textEdited.connect(self._store_titles)

    def set_report(self, report: Report) -> None:
        self.report = None
        appendix = report.appendix or Appendix()
        self.heading.setText(appendix.heading)
        self.title.setText(appendix.title)
        self.reference.setText(appendix.reference)
        self.model.set_appendix(appendix)
        self.message.hide()
        self.report = report

    def _ensure_appendix(self) -> None:
        if self.report is not None and self.report.appendix is None:
            self.report.appendix = self.model.appendix

    def _store_titles(self) -> None:
        if self.report is None:
            return
        self._ensure_appendix()
        appendix = self.model.appendix
        appendix.heading = nfc(self.heading.text().strip())
        appendix.title = nfc(self.title.text().strip())
        appendix.reference = nfc(self.reference.text().strip())
        self.changed.emit()

    def _edited(self) -> None:
        if self.report is not None:
            self._ensure_appendix()
            self.message.hide()
            self.changed.emit()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _current(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def _insert(self, level: int) -> None:
        at = self._current() + 1 if self._current() >= 0 else self.model.rowCount()
        self.model.insert_row(at, level)

    def _remove(self) -> None:
        at = self._current()
        if at >= 0:
            self.model.remove_row(at)  # no question: Ctrl+Z brings it back

    def _move(self, delta: int) -> None:
        self.model.move_row(self._current(), delta)

    def _toggle_level(self) -> None:
        at = self._current()
        if at >= 0:
            self.model.set_level(at, 0 if self.model.appendix.rows[at].level else 1)

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            column = max(0, self.view.currentIndex().column())
            self.view.setCurrentIndex(self.model.index(row, column))

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            key = self.model.key(column)
            mode = QHeaderView.ResizeMode.Stretch if key in ("indicator", "note") else \
                QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        self.view.resizeRowsToContents()

    # --- indicator sets (XLSX/JSON in, XLSX out) -------------------------------------------
    def import_indicator_set(self) -> None:
        from openpyxl.utils.exceptions import InvalidFileException

        from cchc_desktop.core.indicator_sets import load_indicator_set

        if self.report is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, "Nhập bộ chỉ tiêu", "",
                                              "Bảng tính hoặc JSON (*.xlsx *.json)")
        if not path:
            return
        try:
            rows = load_indicator_set(Path(path))
        except (ValueError, OSError, KeyError, InvalidFileException) as error:
            dialogs.error(self, f"Không nhập được bộ chỉ tiêu: {error}")
            return
        if not rows:
            dialogs.error(self, f"Tệp “{Path(path).name}” không có chỉ tiêu nào.")
            return
        if not dialogs.confirm(self, f"Thay {len(self.model.appendix.rows)} dòng hiện có bằng {len(rows)} "
                                     f"chỉ tiêu trong “{Path(path).name}”?", default_yes=True):
            return
        self._ensure_appendix()
        self.model.set_rows(rows)  # undoable
        self.message.hide()
        self.changed.emit()

    def export_excel(self) -> None:
        from cchc_desktop.core.indicator_sets import export_xlsx

        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Xuất bảng chỉ tiêu ra Excel", "phu-luc-chi-tieu.xlsx",
                                              "Bảng tính Excel (*.xlsx)")
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        try:
            export_xlsx(self.model.appendix, target)
        except (ValueError, OSError) as error:
            dialogs.error(self, f"Không xuất được tệp Excel: {error}")
