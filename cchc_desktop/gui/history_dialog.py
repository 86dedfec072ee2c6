"""Dialog "Lịch sử các bản lưu": every revision (time, why, size change), view one, restore one.

Reading uses the window's read connection; the restore itself is done by the caller through
the single writer (``restore`` callback), so this dialog never writes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QPlainTextEdit, QPushButton, QSplitter,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from cchc_desktop.core.indicators import table_lines
from cchc_desktop.core.model import Report
from cchc_desktop.store.revisions import RevisionSummary, list_revisions, load_revision

from . import dialogs


def report_text(report: Report) -> str:
    """The report as plain text, for reading an old revision."""
    lines = [f"Trích yếu: {report.subject}", f"Số: {report.number or '(chưa có)'}", "", report.opening, ""]
    for section in report.sections:
        for block in section.blocks:
            lines += table_lines(block.table) if block.table is not None else [block.text]
        lines.append("")
    lines.append(report.closing)
    for appendix in report.appendices:
        lines += ["", appendix.title, *table_lines(appendix.table)]
    return "\n".join(lines)


def _size(change: int) -> str:
    return "—" if change == 0 else f"{change:+,} ký tự".replace(",", ".")


class HistoryDialog(QDialog):
    def __init__(self, db, report_id: int, restore: Callable[[int], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.report_id = report_id
        self._restore = restore
        self.revisions: list[RevisionSummary] = []
        self.setWindowTitle("Lịch sử các bản lưu")
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Thời điểm", "Lý do", "Thay đổi", "Ghi chú"])
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, 150)
        self.viewer = QPlainTextEdit()
        self.viewer.setReadOnly(True)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.viewer)
        splitter.setSizes([420, 480])
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        self.restore_button = QPushButton("Khôi phục bản này…")
        self.restore_button.setToolTip("Đưa báo cáo về nội dung của bản lưu đã chọn (bản hiện tại vẫn còn trong lịch sử)")
        row.addWidget(self.restore_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        dialogs.translate_buttons(buttons)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.tree.currentItemChanged.connect(lambda *_: self.show_selected())
        self.restore_button.clicked.connect(self.restore_selected)
        self.reload()

    def reload(self) -> None:
        self.revisions = list_revisions(self.db, self.report_id)
        self.tree.clear()
        for revision in self.revisions:
            item = QTreeWidgetItem([revision.created_at.replace("T", " "), revision.reason_label,
                                    _size(revision.size_change), revision.note])
            self.tree.addTopLevelItem(item)
        self.restore_button.setEnabled(bool(self.revisions))
        if self.revisions:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        else:
            self.viewer.setPlainText("Báo cáo này chưa có bản lưu nào trong lịch sử.")

    def select(self, row: int) -> None:
        self.tree.setCurrentItem(self.tree.topLevelItem(row))

    def selected(self) -> RevisionSummary | None:
        row = self.tree.indexOfTopLevelItem(self.tree.currentItem()) if self.tree.currentItem() else -1
        return self.revisions[row] if 0 <= row < len(self.revisions) else None

    def show_selected(self) -> None:
        revision = self.selected()
        if revision is not None:
            self.viewer.setPlainText(report_text(load_revision(self.db, revision.id)))

    def restore_selected(self) -> None:
        revision = self.selected()
        if revision is None:
            return
        when = revision.created_at.replace("T", " ")
        if not dialogs.confirm(self, f"Đưa báo cáo về bản lưu lúc {when}?\n"
                                     "Nội dung hiện tại vẫn được giữ trong lịch sử."):
            return
        if self._restore(revision.id):
            self.reload()
