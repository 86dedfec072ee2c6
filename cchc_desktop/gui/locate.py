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


_PART_FIELD = re.compile(r"(?:sections|parts)\[(\d+)\](?:\.blocks\[(\d+)\])?")
_PART_NAMES = ("results", "difficulties", "directions", "proposals", "other")


def _go_to_part(window, field: str, section: Any, block: Any, start: int | None, end: int | None) -> bool:
    """A paragraph of a part: the part's heading field, or the paragraph in the part's text editor.

    The field path ("sections[3].blocks[2]") names the part by position; a location that only
    gives the part's tag ("results") goes to the first part with that tag."""
    tab = window.narrative
    parts = tab.parts
    match = _PART_FIELD.search(field)
    index = None
    if match:
        index = int(match.group(1))
        if match.group(2) is not None and block is None:
            block = int(match.group(2))
    else:
        tag = str(getattr(section, "value", section) or "")
        if tag not in _PART_NAMES and not any(name in field.lower() for name in _PART_NAMES):
            return False
        tag = tag or next(name for name in _PART_NAMES if name in field.lower())
        index = next((i for i, part in enumerate(parts) if part.tag.value == tag), None)
    if index is None or not 0 <= index < len(parts):
        return False
    window.tabs.setCurrentWidget(tab)
    tab.select_part(index)
    block = int(block or 0)
    if parts[index].heading is not None:
        if block == 0:
            _select_text(tab.title, start, end)
            return True
        block -= 1
    editor = tab.editor
    tab.flush()
    from .rich_text import document_to_blocks

    positions: list = []
    document_to_blocks(editor.document(), positions)
    if not positions:
        editor.setFocus()
        return True
    target, offset = positions[min(block, len(positions) - 1)]
    cursor = QTextCursor(target)
    length = target.length() - 1
    text = target.text()
    first = min(document_offset(text, offset, start or 0), length)
    last = min(document_offset(text, offset, end) if end is not None else length, length)
    cursor.setPosition(target.position() + first)
    cursor.setPosition(target.position() + max(first, last), QTextCursor.MoveMode.KeepAnchor)
    editor.setFocus()
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    return True


def document_offset(text: str, begin: int, model_offset: int) -> int:
    """Where the ``model_offset``-th character of a paragraph's model text stands in its editor line
    (footnote marks are characters in the editor, not in the model's text)."""
    from .text_objects import OBJECT_CHAR

    at, seen = begin, 0
    while at < len(text) and seen < model_offset:
        if text[at] != OBJECT_CHAR:
            seen += 1
        at += 1
    return at


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
    if _go_to_part(window, field, section, block, start, end):
        return
    if "closing" in text:
        tabs.setCurrentWidget(window.narrative)
        _select_text(window.narrative.closing, start, end)
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
    indicators = window.indicators
    for name, widget in (("appendix.title", indicators.title), ("appendix.heading", indicators.heading),
                         ("appendix.reference", indicators.reference)):
        if field.startswith(name):
            tabs.setCurrentWidget(indicators)
            _select_text(widget, start, end if end is not None else len(widget.text()))
            if start is None:
                widget.selectAll()
            return
    if "appendix" in text or "row" in text or "indicator" in text:
        tabs.setCurrentWidget(window.indicators)
        indicators = window.indicators
        match = re.match(r"appendi(?:x|ces)\[(\d+)\]", field)
        if match and int(match.group(1)) < len(indicators.appendices):
            indicators.show_appendix(indicators.appendices[int(match.group(1))])
        view = indicators.view
        model = indicators.model
        col = column
        if isinstance(column, str):
            keys = [c.key for c in model.table.columns]
            col = keys.index(column) if column in keys else 0
        if row is not None and 0 <= int(row) < len(model.table.body):
            view.setCurrentIndex(model.body_index(int(row), int(col or 0)))
        view.setFocus()


