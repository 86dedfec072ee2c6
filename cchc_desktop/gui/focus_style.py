"""A focus ring a clerk can see on every control, in every window and dialog.

Fusion (the style on Windows too) draws the focus as a faint line, and not at all on some
controls: flat and tool buttons, the tabs of a tab bar, check boxes, a list with no current
item.  Two parts, installed once on the application (``install(app)``):

* a proxy style that draws Qt's focus rectangle (tabs, check boxes, radio buttons, the current
  item of a list or table) as a 2-pixel blue line;
* a style sheet frame for the controls whose focus is not such a rectangle (text fields, lists
  and tables as a whole, buttons flat or not) — the rules gui/keyboard.py sets on the main
  window, here for every top-level dialog as well.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QPushButton, QStyle, QStyleOption, QToolButton, QWidget

COLOR = "#1565c0"  # the blue of the window's focus frame (gui/keyboard.FOCUS_STYLE)
WIDTH = 2

FOCUS_SHEET = f"""
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus, QComboBox:focus,
QAbstractItemView:focus, QTextBrowser:focus {{ border: {WIDTH}px solid {COLOR}; }}
QPushButton:focus, QToolButton:focus {{ border: {WIDTH}px solid {COLOR}; border-radius: 3px; padding: 2px 6px; }}
"""


def draw_ring(painter: QPainter, rect: QRect) -> None:
    """A 2-pixel line just inside ``rect``."""
    if rect.width() < 3 * WIDTH or rect.height() < 3 * WIDTH:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(QColor(COLOR), WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = WIDTH // 2
    painter.drawRect(QRect(rect).adjusted(half, half, -half - 1, -half - 1))
    painter.restore()


class FocusRingStyle(QProxyStyle):
    """The base style, with a focus ring that shows: Qt's focus rectangle drawn in blue (and drawn
    whether the focus came by keyboard or mouse), and one round the current tab, which Qt 6 no
    longer marks at all."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802 (Qt)
                      painter: QPainter, widget: QWidget | None = None) -> None:
        if element != QStyle.PrimitiveElement.PE_FrameFocusRect:
            super().drawPrimitive(element, option, painter, widget)
        elif not isinstance(widget, (QPushButton, QToolButton)):  # buttons: the sheet's frame, not two
            draw_ring(painter, option.rect)

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,  # noqa: N802 (Qt)
                    painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_TabBarTabLabel and option.state & QStyle.StateFlag.State_HasFocus:
            draw_ring(painter, QRect(option.rect).adjusted(2, 2, -2, -1))


_installed: list[FocusRingStyle] = []  # app.style() answers Qt's style-sheet wrapper once a sheet is set


def installed() -> FocusRingStyle | None:
    return _installed[0] if _installed else None


def install(app: QApplication) -> None:
    """Once, before the first window is made (a style set later does not reach widgets already polished)."""
    if not _installed and not isinstance(app.style(), FocusRingStyle):
        # the proxy takes the current style by name: Fusion, windowsvista… whatever the app runs
        _installed.append(FocusRingStyle(app.style().name()))
        app.setStyle(_installed[0])
    if FOCUS_SHEET not in app.styleSheet():
        app.setStyleSheet(app.styleSheet() + FOCUS_SHEET)
