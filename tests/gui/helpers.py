"""Typing Vietnamese the way it really arrives: key events with text, and Unikey's IME events.

qtbot.keyClicks crashes on non-ASCII text, so every character is its own QKeyEvent.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        key = Qt.Key.Key_Space if ch == " " else (Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum()
                                                  else Qt.Key.Key_unknown)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def press(widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, ""))


def unikey(widget: QWidget, preedit: str, commit: str) -> None:
    """Unikey composes in pre-edit ('tieengs') and then commits the word ('tiếng')."""
    for step in range(1, len(preedit) + 1):
        QCoreApplication.sendEvent(widget, QInputMethodEvent(preedit[:step], []))
    event = QInputMethodEvent("", [])
    event.setCommitString(commit)
    QCoreApplication.sendEvent(widget, event)


def treat_sample_as_own(window) -> None:
    """Forget that the open database holds the sample ("Mẫu", read-only): tests edit it directly."""
    from cchc_desktop.gui import first_run
    from cchc_desktop.gui.main_window import settings

    store = settings()
    store.setValue(first_run._settings_key(window), "-")
    store.sync()
    window._sample_ids = set()
    if window.report is not None:
        window.show_report(window.report)
    window.refresh_list()


def new_paragraph(editor) -> None:
    """Enter at the end of a "- " item continues the list; a second Enter ends it: a plain paragraph."""
    press(editor, Qt.Key.Key_Return)
    if editor.textCursor().block().text() in ("- ", "+ "):
        press(editor, Qt.Key.Key_Return)
    assert editor.textCursor().block().text() == ""


def focus(qtbot, widget) -> None:
    """Give ``widget`` the keyboard focus and wait until it has it (the window may not be active yet)."""
    from PySide6.QtWidgets import QApplication

    window = widget.window()
    window.raise_()
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
