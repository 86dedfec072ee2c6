"""Text that does not fit its widget: text metrics against geometry, for every visible widget."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractButton, QCheckBox, QComboBox, QGroupBox, QLabel, QLineEdit, QPushButton,
                               QRadioButton, QTabBar, QToolButton, QWidget, QAbstractSpinBox)

SLACK = 2  # px of rounding


def _visible(widget: QWidget) -> bool:
    return widget.isVisibleTo(widget.window()) and widget.width() > 0 and widget.height() > 0


def _clipped_by_parents(widget: QWidget) -> bool:
    """Cut by an ancestor's edge (e.g. a form wider than its tab, without a scroll area)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QAbstractScrollArea

    rect = QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return False  # scrolls into view
        parent = parent.parentWidget()
    parent = widget.parentWidget()
    while parent is not None:
        top_left = parent.mapTo(widget.window(), parent.rect().topLeft()) if parent is not widget.window() else \
            parent.rect().topLeft()
        prect = QRect(top_left, parent.size())
        if not prect.contains(rect.adjusted(SLACK, SLACK, -SLACK, -SLACK)):
            return True
        parent = parent.parentWidget()
    return False


def problems(root: QWidget) -> list[str]:
    found = []
    for widget in [root] + root.findChildren(QWidget):
        if not _visible(widget):
            continue
        metrics = widget.fontMetrics()
        name = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() and not widget.pixmap():
            text = widget.text()
            if "<" not in text:  # rich text: laid out by Qt itself
                need = max(metrics.horizontalAdvance(line) for line in text.replace("&", "").split("\n"))
                room = widget.contentsRect().width() - 2 * widget.margin() - widget.indent() if widget.indent() > 0 \
                    else widget.contentsRect().width() - 2 * widget.margin()
                if need > room + SLACK:
                    found.append(f"{name} “{text}”: needs {need}px, has {room}px")
        elif isinstance(widget, (QPushButton, QToolButton, QCheckBox, QRadioButton)) and widget.text():
            hint = widget.sizeHint()
            if widget.width() + SLACK < hint.width() or widget.height() + SLACK < min(hint.height(), 40):
                found.append(f"{name} “{widget.text()}”: {widget.width()}×{widget.height()} < hint "
                             f"{hint.width()}×{hint.height()}")
        elif isinstance(widget, QLineEdit) and widget.text() and not widget.hasFocus():
            need = metrics.horizontalAdvance(widget.text())
            room = widget.contentsRect().width() - 8
            if need > room and widget.isReadOnly():
                found.append(f"{name} “{widget.text()}”: needs {need}px, has {room}px")
        elif isinstance(widget, QComboBox) and widget.currentText():
            need = metrics.horizontalAdvance(widget.currentText()) + 24
            if need > widget.width() + SLACK:
                found.append(f"{name} “{widget.currentText()}”: needs {need}px, has {widget.width()}px")
        elif isinstance(widget, QGroupBox) and widget.title():
            need = metrics.horizontalAdvance(widget.title()) + 16
            if need > widget.width() + SLACK:
                found.append(f"{name} “{widget.title()}”: needs {need}px, has {widget.width()}px")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                rect = widget.tabRect(index)
                need = metrics.horizontalAdvance(widget.tabText(index).replace("&", "")) + 8
                if rect.width() < need or not widget.rect().contains(rect):
                    found.append(f"tab “{widget.tabText(index)}”: {rect.width()}px < {need}px or outside")
        if isinstance(widget, (QLineEdit, QComboBox, QAbstractButton)) and not isinstance(
                widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            least = widget.minimumSizeHint().height()
            if widget.height() + SLACK < least:
                found.append(f"{name} “{getattr(widget, 'text', lambda: '')()}”: height {widget.height()}px "
                             f"< {least}px")
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit, QComboBox)) and _clipped_by_parents(widget):
            text = getattr(widget, "text", lambda: "")()
            found.append(f"{name} “{text}” cut by its container")
    return found
