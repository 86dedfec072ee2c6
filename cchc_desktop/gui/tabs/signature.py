"""Tab "Ký và nơi nhận": who signs, and the recipients list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from cchc_desktop.core.recipients import arrange_recipients
from cchc_desktop.core.model import Report
from cchc_desktop.core.vietnamese import nfc

from ..flow_layout import flow_row
from .common import LinesEdit


class SignatureTab(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self.undo = None  # gui.undo.ReportUndo: recipient edits are undoable (Ctrl+Z)
        self._recipients_before: list[str] = []
        self._applying = False
        layout = QHBoxLayout(self)

        sign_box = QGroupBox("Người ký")
        form = QFormLayout(sign_box)
        self.authority = LinesEdit(3)
        self.authority.setToolTip("Quyền hạn ký, mỗi dòng một dòng (VD: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH)")
        self.title = QLineEdit()
        self.title.setToolTip("Chức vụ người ký (VD: PHÓ CHỦ TỊCH)")
        self.name = QLineEdit()
        form.addRow("Thẩm quyền ký:", self.authority)
        form.addRow("Chức vụ:", self.title)
        form.addRow("Họ và tên:", self.name)
        left = QVBoxLayout()
        left.addWidget(sign_box)
        left.addStretch(1)  # keep the three fields together at the top
        layout.addLayout(left, 1)

        recipients_box = QGroupBox("Nơi nhận")
        column = QVBoxLayout(recipients_box)
        self.recipients = QListWidget()
        self.recipients.setToolTip("Mỗi dòng một nơi nhận, không gõ dấu “- ” đầu dòng. "
                                   "“Như trên;” đứng đầu khi có Kính gửi; “Lưu: VT, …” ở cuối.")
        self.recipients.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.recipients.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        from ..undo import PassUndoDelegate

        self.recipients.setItemDelegate(PassUndoDelegate(self.recipients))  # Ctrl+Z in a row: the list's undo
        column.addWidget(self.recipients, 1)
        self.add = QPushButton("Thêm")
        self.remove = QPushButton("Xóa")
        self.up = QPushButton("Lên")
        self.down = QPushButton("Xuống")
        self.arrange = QPushButton("Xếp đúng thể thức")
        self.arrange.setToolTip("“Như trên;” đầu tiên khi có Kính gửi, “Lưu: VT, …” cuối cùng, "
                                "dấu “;” sau mỗi dòng và dấu “.” ở dòng cuối")
        column.addWidget(flow_row(self.add, self.remove, self.up, self.down, self.arrange))  # wraps when narrow
        layout.addWidget(recipients_box, 1)

        self.authority.edited.connect(self._store)
        self.title.textEdited.connect(self._store)
        self.name.textEdited.connect(self._store)
        self.recipients.itemChanged.connect(self._store)
        self.recipients.model().rowsMoved.connect(self._store)
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.arrange.clicked.connect(self.arrange_recipients)

    def set_report(self, report: Report) -> None:
        self.report = None
        self.authority.set_lines(report.signature.authority)
        self.title.setText(report.signature.title)
        self.name.setText(report.signature.name)
        self.recipients.clear()
        for text in report.recipients:
            self._item(text)
        self._recipients_before = list(report.recipients)
        self.report = report

    def _item(self, text: str, at: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        if at is None:
            self.recipients.addItem(item)
        else:
            self.recipients.insertItem(at, item)
        return item

    def _store(self, *_args) -> None:
        report = self.report
        if report is None:
            return
        # Keep an empty authority line only when typed as the last one (the head signs).
        report.signature.authority = self.authority.lines()
        report.signature.title = nfc(self.title.text().strip())
        report.signature.name = nfc(self.name.text().strip())
        texts = [self.recipients.item(i).text() for i in range(self.recipients.count())]
        report.recipients = [nfc(t.strip().removeprefix("- ").strip()) for t in texts if t.strip()]
        if report.recipients != self._recipients_before and not self._applying:
            self._push_recipients(self._recipients_before, list(report.recipients))
        self._recipients_before = list(report.recipients)
        self.changed.emit()

    def _push_recipients(self, before: list[str], after: list[str]) -> None:
        if self.undo is None:
            return
        from ..undo import SnapshotCommand

        self.undo.push(SnapshotCommand("Sửa nơi nhận", self._set_recipients, before, after))

    def _set_recipients(self, recipients: list[str]) -> None:
        """Undo/redo: put a whole list back (without pushing another command)."""
        if self.report is None:
            return
        row = self.recipients.currentRow()
        self._applying = True
        try:
            self.recipients.blockSignals(True)
            self.recipients.clear()
            for text in recipients:
                self._item(text)
            self.recipients.blockSignals(False)
            self._store()
        finally:
            self._applying = False
        self.recipients.setCurrentRow(min(max(row, 0), self.recipients.count() - 1))

    def _add(self) -> None:
        at = self.recipients.currentRow() + 1 if self.recipients.currentRow() >= 0 else self.recipients.count()
        # Before "Lưu: …" by default: that line stays last.
        if at == self.recipients.count() and at and self.recipients.item(at - 1).text().startswith("Lưu"):
            at -= 1
        item = self._item("", at)
        self.recipients.setCurrentItem(item)
        self.recipients.editItem(item)

    def arrange_recipients(self) -> None:
        report = self.report
        if report is None:
            return
        texts = [self.recipients.item(i).text() for i in range(self.recipients.count())]
        self.recipients.clear()
        for text in arrange_recipients(texts, bool(report.addressees)):
            self._item(text)
        self._store()

    def _remove(self) -> None:
        row = self.recipients.currentRow()
        if row >= 0:
            self.recipients.takeItem(row)
            self._store()

    def _move(self, delta: int) -> None:
        row = self.recipients.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.recipients.count():
            return
        item = self.recipients.takeItem(row)
        self.recipients.insertItem(target, item)
        self.recipients.setCurrentRow(target)
        self._store()
