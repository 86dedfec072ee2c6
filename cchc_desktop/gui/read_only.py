"""Read-only mode for a final report ("Đã ban hành"): every editor refuses input.

Text editors become read-only (the clerk can still select and copy), other inputs and row
buttons are disabled, tables and lists stop editing.  The store refuses edits of a final
report too (revisions.guard_edit); this is what makes the refusal visible in the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
                               QPlainTextEdit, QTextEdit, QWidget)

if TYPE_CHECKING:
    from .window_api import Window

READ_ONLY_TEXT = "Đã ban hành — chỉ đọc"
_TRIGGERS = "_cchc_edit_triggers"  # a view's own edit triggers, put back when editable again
_DRAG = "_cchc_drag_mode"


class _FormatKeys(QObject):
    """Our rich editor handles Ctrl+B/I/Y itself (formatting is not blocked by setReadOnly):
    swallow those keys, and undo, while the editor is read-only."""

    KEYS = {Qt.Key.Key_B, Qt.Key.Key_I, Qt.Key.Key_Y, Qt.Key.Key_Z}

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if (event.type() == QEvent.Type.KeyPress and isinstance(watched, QTextEdit) and watched.isReadOnly()
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in self.KEYS):
            return True
        return False


_filter: _FormatKeys | None = None  # made on first use, once the application exists


def set_widget_read_only(root: QWidget, read_only: bool) -> None:
    global _filter
    _filter = _filter or _FormatKeys()
    for rich in root.findChildren(QTextEdit):
        rich.removeEventFilter(_filter)
        if read_only:
            rich.installEventFilter(_filter)
    for text in root.findChildren(QLineEdit) + root.findChildren(QTextEdit) + root.findChildren(QPlainTextEdit):
        if isinstance(text.parent(), QAbstractSpinBox) or isinstance(text.parent(), QComboBox):
            continue  # the spin box / combo box itself is disabled below
        text.setReadOnly(read_only)
    for other in root.findChildren(QAbstractSpinBox) + root.findChildren(QComboBox) + \
            root.findChildren(QAbstractButton):
        other.setEnabled(not read_only)
    for view in root.findChildren(QAbstractItemView):
        if read_only:
            if view.property(_TRIGGERS) is None:
                view.setProperty(_TRIGGERS, int(view.editTriggers().value))
                view.setProperty(_DRAG, int(view.dragDropMode().value))
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        elif view.property(_TRIGGERS) is not None:
            view.setEditTriggers(QAbstractItemView.EditTrigger(view.property(_TRIGGERS)))
            view.setDragDropMode(QAbstractItemView.DragDropMode(view.property(_DRAG)))
            view.setProperty(_TRIGGERS, None)
            view.setProperty(_DRAG, None)


def set_read_only(window: Window, read_only: bool) -> None:
    """Lock or unlock every editor tab of the window (the preview stays as it is)."""
    for tab in window.editor_tabs():
        set_widget_read_only(tab, read_only)
    window.read_only = read_only
