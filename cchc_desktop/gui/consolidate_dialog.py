""""Tổng hợp số liệu…": the units' Excel files summed into an appendix table.

The clerk picks the files, sees every unit's figures, the sums and the problems (a missing
row, letters in a figure, a unit that did not send its file), then fills the report — or
cancels, and nothing in the report has changed.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from cchc_desktop.core.consolidate import Result, apply_result, breakdown_table, consolidate
from cchc_desktop.core.model import Report

from . import dialogs
from .background_task import CANCELLED, run


def ask_files(parent) -> list[str]:
    from .file_dialogs import open_file_names

    return open_file_names(parent, "Chọn tệp Excel của các đơn vị", "Bảng tính Excel (*.xlsx)")


class ConsolidateDialog(QDialog):
    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tổng hợp số liệu từ các đơn vị")
        self.report = report
        self.files: list[Path] = []
        self.result: Result | None = None
        self._reading = False

        self.table_choice = QComboBox()
        for k, appendix in enumerate(report.appendices):
            if appendix.table.column_index("value") is not None:
                self.table_choice.addItem(appendix.heading or f"Phụ lục {k + 1}", k)
        self.pick = QPushButton("Chọn &tệp của các đơn vị…")
        self.sheet = QLineEdit()
        self.sheet.setPlaceholderText("để trống: trang có bảng chỉ tiêu")
        self.units = QLineEdit()
        self.units.setPlaceholderText("VD: Thôn 1, Thôn 2, Thôn 3 — để báo đơn vị chưa nộp")
        self.breakdown = QCheckBox("Thêm “Biểu tổng hợp theo đơn vị” vào phụ lục")
        form = QFormLayout()
        form.addRow("Bảng cần tổng hợp:", self.table_choice)
        form.addRow("Tệp:", self.pick)
        form.addRow("Trang tính:", self.sheet)
        form.addRow("Đơn vị phải nộp:", self.units)
        self.grid = QTableWidget()
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems = QListWidget()
        self.problems.setMaximumHeight(130)
        self.summary = QLabel("Chưa chọn tệp nào.")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        dialogs.translate_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Điền vào báo cáo")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.grid, 1)
        layout.addWidget(QLabel("Cần xem lại:"))
        layout.addWidget(self.problems)
        bottom = QHBoxLayout()
        bottom.addWidget(self.breakdown)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.resize(900, 600)
        self.pick.clicked.connect(self.choose_files)
        self.sheet.editingFinished.connect(self.read)
        self.units.editingFinished.connect(self.read)
        self.table_choice.currentIndexChanged.connect(lambda _i: self.read())

    def choose_files(self) -> None:
        chosen = ask_files(self)
        if chosen:
            self.files = [Path(p) for p in chosen]
            self.read()

    def _table(self):
        index = self.table_choice.currentData()
        return None if index is None else self.report.appendices[index].table

    def read(self) -> None:
        """Read the chosen files on a worker thread (gui.background_task): the window keeps
        painting, and a slow read shows "Đang đọc …" with "Hủy"."""
        table = self._table()
        if table is None or not self.files or self._reading:
            return  # _reading: a line edit losing the focus to the progress dialog
        units = [name.strip() for name in self.units.text().split(",") if name.strip()]
        label = (f"Đang đọc tệp “{self.files[0].name}”…" if len(self.files) == 1
                 else f"Đang đọc {len(self.files)} tệp của các đơn vị…")
        self._reading = True
        try:
            # the worker reads a copy of the table: the report stays the GUI thread's alone
            result = run(self, label, consolidate, copy.deepcopy(table), list(self.files),
                         self.sheet.text().strip() or None, units)
        finally:
            self._reading = False
        if result is CANCELLED:
            self.result = None
            self.grid.clear()
            self.grid.setRowCount(0)
            self.grid.setColumnCount(0)
            self.problems.clear()
            self.summary.setText("Đã hủy việc đọc tệp. Bấm “Chọn tệp của các đơn vị…” để đọc lại.")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.result = result
        self._show(self.result)

    def _show(self, result: Result) -> None:
        preview = breakdown_table(result).table
        self.grid.clear()
        self.grid.setColumnCount(len(preview.columns))
        self.grid.setRowCount(len(preview.rows) - 1)
        self.grid.setHorizontalHeaderLabels([c.text for c in preview.rows[0].cells])
        for r, row in enumerate(preview.rows[1:]):
            for c, cell in enumerate(row.cells):
                item = QTableWidgetItem(cell.text)
                if preview.columns[c].figures:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.grid.setItem(r, c, item)
        self.grid.resizeColumnsToContents()
        self.problems.clear()
        self.problems.addItems([p.message for p in result.problems] or ["Không có vấn đề nào."])
        self.summary.setText(f"Đọc được {len(result.units)} trong {len(self.files)} tệp; "
                             f"{len(result.sums)} số liệu sẽ được điền.")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(result.sums))

    def apply(self) -> int:
        """Write the sums (and the breakdown when asked) into the report; returns the count."""
        table = self._table()
        if self.result is None or table is None:
            return 0
        count = apply_result(self.result, table)
        if self.breakdown.isChecked():
            self.report.appendices.append(breakdown_table(self.result))
        return count
