"""Small widgets shared by the window's parts: a lines editor, a form helper, a tool button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontMetrics, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QToolButton, QWidget

from cchc_desktop.core.vietnamese import nfc


def tool_button(text: str, tip: str, key=None, parent: QWidget | None = None) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    if key is not None:
        button.setShortcut(QKeySequence(key))
    return button


class LinesEdit(QPlainTextEdit):
    """A list of short strings, one per line (issuing body, addressees, authority lines)."""

    edited = Signal()

    def __init__(self, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        from ..undo import WordTyping

        self._words = WordTyping(self)  # Ctrl+Z undoes the last word, not everything typed
        height = QFontMetrics(self.font()).lineSpacing() * lines + 14
        self.setFixedHeight(height)
        self.textChanged.connect(self.edited)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not self._words.key_press(event):
            super().keyPressEvent(event)

    def set_lines(self, lines: list[str]) -> None:
        self._words.reset()
        self.blockSignals(True)
        self.setPlainText("\n".join(lines))
        self.blockSignals(False)

    def lines(self) -> list[str]:
        return [nfc(line.strip()) for line in self.toPlainText().split("\n") if line.strip()]


class TextEdit(LinesEdit):
    """Running text (subject, opening sentence): newlines fold into spaces; spelling underlined."""

    def __init__(self, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(lines, parent)
        from ..spelling import attach

        attach(self)

    def set_text(self, text: str) -> None:
        self.set_lines([text] if text else [])

    def text(self) -> str:
        return " ".join(self.lines())
