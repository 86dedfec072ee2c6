"""Tab "Phụ lục chỉ tiêu": the first appendix table (a Qt model over its body rows) and its titles."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from cchc_desktop.core.figures import FigureError, parse_figure
from cchc_desktop.core.indicators import change_text, column_label, new_row
from cchc_desktop.core.model import AppendixTable, Report, RowKind, Run
from cchc_desktop.core.vietnamese import nfc
from cchc_desktop.gui import dialogs

SUB_ROW_PREFIX = "    – "  # shown only; the model keeps level=1


class IndicatorModel(QAbstractTableModel):
    rejected = Signal(str)  # Vietnamese message for a refused number
    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.appendix = AppendixTable()

    @property
    def table(self):
        return self.appendix.table

    @property
    def rows(self):
        return self.appendix.table.body

    def set_appendix(self, appendix: AppendixTable) -> None:
        self.beginResetModel()
        self.appendix = appendix
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.table.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column_label(self.table, section)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def key(self, column: int) -> str:
        return self.table.columns[column].key

    def _figures(self, column: int) -> bool:
        return self.table.columns[column].figures

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.key(index.column())
        figures = self._figures(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = change_text(self.table, row) if key == "change" else row.cells[index.column()].text
            if role == Qt.ItemDataRole.DisplayRole and key == "indicator" and row.level:
                return SUB_ROW_PREFIX + text
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and (figures or key == "tt"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and key == "change":
            return "Tính tự động: kỳ này so với kỳ trước"
        if role == Qt.ItemDataRole.ToolTipRole and figures:
            return "Nhập số (1.250 hoặc 12,5), tỷ lệ (15%) hoặc dấu - khi không có số liệu"
        return None

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and self.key(index.column()) == "change":
            return flags  # computed: not editable
        return flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.key(index.column()) == "change":
            return False
        row = self.rows[index.row()]
        text = nfc(str(value or "")).strip()
        if self._figures(index.column()) and row.kind == RowKind.DATA:
            try:
                parse_figure(text)
            except FigureError as error:
                self.rejected.emit(f"Dòng {index.row() + 1}, cột {column_label(self.table, index.column())}: {error}")
                return False
        row.cells[index.column()].runs = [Run(text)] if text else []
        self.dataChanged.emit(index, index)
        change = self.table.column_index("change")
        if change is not None:
            self.dataChanged.emit(self.index(index.row(), change), self.index(index.row(), change))
        self.edited.emit()
        return True

    # --- row operations ------------------------------------------------------------
    def insert_row(self, at: int, level: int = 0) -> None:
        self.beginInsertRows(QModelIndex(), at, at)
        self.table.rows.insert(self.table.header_rows + at, new_row(self.table, level=level))
        self.endInsertRows()
        self.edited.emit()

    def remove_row(self, at: int) -> None:
        self.beginRemoveRows(QModelIndex(), at, at)
        del self.table.rows[self.table.header_rows + at]
        self.endRemoveRows()
        self.edited.emit()

    def move_row(self, at: int, delta: int) -> bool:
        target = at + delta
        if not (0 <= at < len(self.rows) and 0 <= target < len(self.rows)):
            return False
        # Qt's destination index counts positions before the move.
        self.beginMoveRows(QModelIndex(), at, at, QModelIndex(), target + 1 if delta > 0 else target)
        rows, first = self.table.rows, self.table.header_rows
        rows[first + at], rows[first + target] = rows[first + target], rows[first + at]
        self.endMoveRows()
        self.edited.emit()
        return True

    def set_level(self, at: int, level: int) -> None:
        row = self.rows[at]
        row.level = level
        tt = self.table.column_index("tt")
        if level and tt is not None:
            row.cells[tt].runs = []
        self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))
        self.edited.emit()


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

        buttons = QHBoxLayout()
        self.add = QPushButton("Thêm dòng")
        self.add_sub = QPushButton("Thêm dòng con")
        self.remove = QPushButton("Xóa dòng")
        self.up = QPushButton("Lên")
        self.down = QPushButton("Xuống")
        self.indent = QPushButton("Thụt vào / Lùi ra")
        self.indent.setToolTip("Đổi dòng đang chọn thành dòng con (không có số TT) hoặc ngược lại")
        self.import_set = QPushButton("Nhập bộ chỉ tiêu…")
        self.import_set.setToolTip("Lấy danh sách chỉ tiêu từ bảng tính (.xlsx: cột TT, Chỉ tiêu, Đơn vị tính) "
                                   "hoặc tệp .json")
        self.export_set = QPushButton("Xuất Excel…")
        self.export_set.setToolTip("Ghi bảng chỉ tiêu ra tệp Excel (.xlsx), số liệu là số")
        for button in (self.add, self.add_sub, self.remove, self.up, self.down, self.indent):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_set)
        buttons.addWidget(self.export_set)
        layout.addLayout(buttons)

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
        appendix = report.appendix or AppendixTable()
        self.heading.setText(appendix.heading)
        self.title.setText(appendix.title)
        self.reference.setText(appendix.reference)
        self.model.set_appendix(appendix)
        self.message.hide()
        self.report = report

    def _ensure_appendix(self) -> None:
        if self.report is not None and self.report.appendix is None:
            self.report.appendices.append(self.model.appendix)

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
        self._select(at)

    def _remove(self) -> None:
        at = self._current()
        if at >= 0:
            self.model.remove_row(at)
            self._select(min(at, self.model.rowCount() - 1))

    def _move(self, delta: int) -> None:
        at = self._current()
        if self.model.move_row(at, delta):
            self._select(at + delta)

    def _toggle_level(self) -> None:
        at = self._current()
        if at >= 0:
            self.model.set_level(at, 0 if self.model.rows[at].level else 1)

    def _select(self, row: int) -> None:
        if row >= 0:
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

        from cchc_desktop.core.indicator_sets import apply_set, load_indicator_set

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
        if not dialogs.confirm(self, f"Thay {len(self.model.rows)} dòng hiện có bằng {len(rows)} "
                                     f"chỉ tiêu trong “{Path(path).name}”?", default_yes=True):
            return
        self._ensure_appendix()
        self.model.beginResetModel()
        apply_set(self.model.table, rows)
        self.model.endResetModel()
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
            export_xlsx(self.model.table, target)
        except (ValueError, OSError) as error:
            dialogs.error(self, f"Không xuất được tệp Excel: {error}")
