"""Last resort: an unexpected error saves the draft, is logged, and is shown in Vietnamese."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from cchc_desktop import logs

from . import dialogs

log = logging.getLogger("cchc_desktop.gui")


class CrashHandler:
    """Installed as sys.excepthook; ``save`` keeps the clerk's draft before anything else."""

    def __init__(self, save: Callable[[], None], parent_getter: Callable[[], object] = lambda: None) -> None:
        self._save = save
        self._parent = parent_getter
        self._busy = False

    def install(self) -> None:
        logs.setup_logging()
        sys.excepthook = self

    def __call__(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        target = logs.log_bug(value.with_traceback(tb), "window")
        if self._busy:  # an error inside the handler itself: logged, never loop
            return
        self._busy = True
        try:
            saved = True
            try:
                self._save()
            except Exception:  # the draft is what matters; keep going to tell the clerk
                saved = False
                log.exception("Saving after the error failed")
            text = ("Chương trình gặp lỗi không mong muốn; bản nháp đã được lưu." if saved else
                    "Chương trình gặp lỗi không mong muốn và không lưu được bản nháp.")
            where = f"Đã ghi vào nhật ký: {target}\n\n" if target else ""
            show_crash(self._parent(), text, where + details)
        finally:
            self._busy = False


class CrashDialog(QDialog):
    """One sentence for the clerk; the technical details (for the support person) behind a button."""

    def __init__(self, parent, text: str, details: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(dialogs.TITLE)
        layout = QVBoxLayout(self)
        self.sentence = QLabel(text)
        self.sentence.setWordWrap(True)
        layout.addWidget(self.sentence)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(180)
        self.details.hide()
        layout.addWidget(self.details)
        row = QHBoxLayout()
        self.toggle = QPushButton("&Chi tiết…")
        self.toggle.setToolTip("Nội dung kỹ thuật của lỗi, để gửi cho người hỗ trợ")
        self.toggle.clicked.connect(self._toggle)
        self.copy = QPushButton("&Sao chép chi tiết")
        self.copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        self.copy.hide()
        close = QPushButton(dialogs.OK)
        close.setDefault(True)
        close.clicked.connect(self.accept)
        for button in (self.toggle, self.copy):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

    def _toggle(self) -> None:
        shown = not self.details.isVisible()
        self.details.setVisible(shown)
        self.copy.setVisible(shown)
        self.toggle.setText("Ẩn &chi tiết" if shown else "&Chi tiết…")
        self.adjustSize()


def show_crash(parent, text: str, details: str) -> None:
    """A module function so tests look instead of meeting a modal dialog."""
    CrashDialog(parent, text, details).exec()
