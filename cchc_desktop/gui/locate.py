"""From a checker Location to the widget and text range it points at."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget


from .checks_panel import _get


def _select_text(widget: QWidget, start: int | None, end: int | None, block: int | None = None) -> None:
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        if start is not None:
            widget.setSelection(start, max(0, (end or start) - start))
        return
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        document = widget.document()
        target = document.begin()
        if block is not None:
            # The model drops empty paragraphs: count only non-empty ones.
            seen = -1
            b = document.begin()
            while b.isValid():
                if b.text().strip():
                    seen += 1
                    if seen == block:
                        target = b
                        break
                b = b.next()
        cursor = QTextCursor(target)
        length = target.length() - 1
        first = min(start or 0, length)
        cursor.setPosition(target.position() + first)
        last = min(end if end is not None else length, length)
        cursor.setPosition(target.position() + max(first, last), QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()


def go_to(window, location: Any) -> None:
    """Show the tab the location names and select its text (best effort: unknown places only switch)."""
    if location is None:
        return
    field = str(_get(location, "field", "path", "target", default="") or "")
    section = _get(location, "section", default=None)
    block = _get(location, "block", "paragraph", "block_index", default=None)
    start, end = _get(location, "start", default=None), _get(location, "end", default=None)
    row, column = _get(location, "row", default=None), _get(location, "column", default=None)
    text = f"{field} {getattr(section, 'value', section) or ''}".lower()
    numbers = re.findall(r"[\[.](\d+)", field)  # "recipients[3]" -> 3
    if block is None and numbers:
        block = int(numbers[0])
    if row is None and numbers:
        row = int(numbers[0])
    tabs = window.tabs
    for tab in window.narrative_tabs():
        if tab.key.value in text:
            tabs.setCurrentWidget(tab)
            _select_text(tab.editor, start, end, block if block is not None else 0)
            return
    if "closing" in text:
        tabs.setCurrentWidget(window.directions)
        _select_text(window.directions.closing, start, end)
        return
    general = window.general
    simple = {"subject": general.subject, "opening": general.opening, "addressees": general.addressees,
              "number": general.number, "place": general.place, "issuing": general.issuing,
              "governing": general.governing, "date": general.day, "period": general.kind}
    for name, widget in simple.items():
        if name in text:
            tabs.setCurrentWidget(general)
            general.ensureWidgetVisible(widget)
            _select_text(widget, start, end, block)
            return
    signature = window.signature
    if "recipient" in text:
        tabs.setCurrentWidget(signature)
        signature.recipients.setFocus()
        signature.recipients.setCurrentRow(int(row or block or 0))
        return
    for name, widget in (("authority", signature.authority), ("title", signature.title),
                         ("name", signature.name), ("signature", signature.title)):
        if name in text and "appendix" not in text:
            tabs.setCurrentWidget(signature)
            _select_text(widget, start, end, block)
            return
    if "appendix" in text or "row" in text or "indicator" in text:
        tabs.setCurrentWidget(window.indicators)
        view = window.indicators.view
        model = window.indicators.model
        col = column
        if isinstance(column, str):
            keys = [c.key for c in model.table.columns]
            col = keys.index(column) if column in keys else 0
        if row is not None and 0 <= int(row) < model.rowCount():
            view.setCurrentIndex(model.index(int(row), int(col or 0)))
        view.setFocus()


