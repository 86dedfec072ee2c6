"""Tabs "Kết quả", "Thuận lợi, khó khăn", "Phương hướng": a style box and the narrative editor."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from cchc_desktop.core.model import BlockRole, Report, SectionKey

from ..narrative_editor import ROLE_LABELS, NarrativeEditor
from .common import TextEdit


class NarrativeTab(QWidget):
    changed = Signal()

    def __init__(self, key: SectionKey, with_closing: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.report: Report | None = None
        self.dirty = False
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Kiểu đoạn:"))
        self.style_box = QComboBox()
        self.style_box.setToolTip("Kiểu của đoạn đang soạn; tự nhận khi gõ “II.”, “2.1”, “- ” ở đầu đoạn")
        for role, label in ROLE_LABELS.items():
            self.style_box.addItem(label, role)
        bar.addWidget(self.style_box)
        self.bold = self._button("Đ", "In đậm (Ctrl+B)", QKeySequence.StandardKey.Bold)
        self.italic = self._button("N", "In nghiêng (Ctrl+I)", QKeySequence.StandardKey.Italic)
        bar.addWidget(self.bold)
        bar.addWidget(self.italic)
        undo = self._button("↶", "Hoàn tác (Ctrl+Z)", None)
        redo = self._button("↷", "Làm lại (Ctrl+Y)", None)
        bar.addWidget(undo)
        bar.addWidget(redo)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.editor = NarrativeEditor()
        layout.addWidget(self.editor, 1)
        self.closing: TextEdit | None = None
        if with_closing:
            layout.addWidget(QLabel("Câu kết thúc (sau phần III):"))
            self.closing = TextEdit(3)
            self.closing.edited.connect(self._closing_edited)
            layout.addWidget(self.closing)

        self.style_box.activated.connect(lambda i: self._apply_role(BlockRole(self.style_box.itemData(i))))
        self.editor.roleChanged.connect(self._show_role)
        self.editor.edited.connect(self._edited)
        self.bold.clicked.connect(self.editor.toggle_bold)
        self.italic.clicked.connect(self.editor.toggle_italic)
        undo.clicked.connect(self.editor.undo)
        redo.clicked.connect(self.editor.redo)

    @staticmethod
    def _button(text: str, tip: str, _key) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        font = button.font()
        font.setBold(text == "Đ")
        font.setItalic(text == "N")
        button.setFont(font)
        return button

    def set_report(self, report: Report) -> None:
        self.report = None
        self.editor.set_blocks(report.section(self.key).blocks)
        if self.closing is not None:
            self.closing.set_text(report.closing)
        self.report = report
        self.dirty = False
        self._show_role(self.editor.current_role())

    def flush(self) -> None:
        """Write the editor's text into the model (done before a save, not per keystroke)."""
        if self.report is not None and self.dirty:
            self.report.section(self.key).blocks = self.editor.blocks()
            self.dirty = False

    def _apply_role(self, role: BlockRole) -> None:
        self.editor.set_role(role)
        self.editor.setFocus()

    def _show_role(self, role: BlockRole) -> None:
        self.style_box.setCurrentIndex(max(0, self.style_box.findData(role)))

    def _edited(self) -> None:
        if self.report is not None:
            self.dirty = True
            self.changed.emit()

    def _closing_edited(self) -> None:
        if self.report is not None and self.closing is not None:
            self.report.closing = self.closing.text()
            self.changed.emit()
