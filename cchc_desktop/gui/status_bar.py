"""The window's status bar: the temporary message never draws over the permanent labels.

QStatusBar paints a temporary message (``showMessage``, status tips) itself, from the left
edge up to the first permanent widget, without eliding it: a long message runs into "Đã lưu
lúc …" and reads as one sentence with it.  Here the message is shown in its own label that
takes only the free width and is cut with "…" (the whole text in its tooltip); the saved
state and the other permanent labels keep their own places.  The label is the first
permanent widget, at the bar's left edge, so the rectangle Qt would paint the message in is
empty and Qt draws nothing itself.  ``showMessage``, ``currentMessage`` and the timeouts stay
Qt's own.  (No QStyle here: its enums cost ~40 ms at start.)
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

GAP = 12  # pixels between the message and the first permanent label


class MessageLabel(QLabel):
    """One line of text cut with "…" to the width it is given (never asks for more)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(0)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setContentsMargins(0, 0, GAP, 0)

    def set_message(self, text: str) -> None:
        self._full = " ".join(text.split())  # one line: a newline would be drawn over the bar's edge
        self.setToolTip(text if text else "")
        self._elide()

    def message(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width())
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


class StatusBar(QStatusBar):
    """QStatusBar whose temporary message lives in ``message_label`` (see the module's note)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message_label = MessageLabel(self)
        self.addPermanentWidget(self.message_label, 1)  # permanent: not hidden while a message shows
        self.messageChanged.connect(self.message_label.set_message)
