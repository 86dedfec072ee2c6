"""A focus ring a clerk can see on every control, in every window and dialog.

Fusion (the style on Windows too) draws the focus as a faint line, and not at all on some
controls: flat and tool buttons, the tabs of a tab bar, check boxes, a list with no current
item.  A proxy style, installed once on the application (``install(app)``), draws a 2-pixel blue
line round the focused control: round Qt's focus rectangle (tabs, check boxes, radio buttons, the
current item of a list or table) and round the frame of the controls whose focus is not such a
rectangle (text fields and editors, spin and combo boxes, lists and tables as a whole, buttons flat
or not).  No style sheet: one on the application sends every widget through Qt's style-sheet
style, whose polish cost ~120 ms before the window's first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QPlainTextEdit, QProxyStyle, QPushButton,
                               QStyle, QStyleOption, QStyleOptionFrame, QTextEdit, QToolButton, QWidget)

COLOR = "#1565c0"  # the blue of the focus ring (also gui/keyboard.FOCUS_STYLE)
WIDTH = 2

_PE = QStyle.PrimitiveElement
_CE = QStyle.ControlElement
_CC = QStyle.ComplexControl
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus
# the elements that may carry a ring; every other one goes straight to the base style
_PRIMITIVES = frozenset({_PE.PE_FrameFocusRect, _PE.PE_PanelLineEdit})
_CONTROLS = frozenset({_CE.CE_PushButton, _CE.CE_ShapedFrame, _CE.CE_TabBarTabLabel})
_CONTENTS = QStyle.SubElement.SE_ShapedFrameContents
_COMPLEX = frozenset({_CC.CC_ComboBox, _CC.CC_SpinBox, _CC.CC_ToolButton})


def draw_ring(painter: QPainter, rect: QRect, width: int = WIDTH, color: QColor | None = None) -> None:
    """A ``width``-pixel line just inside ``rect`` (four strips: exact pixels, no pen rounding)."""
    if rect.width() < 3 * width or rect.height() < 3 * width:
        return
    color = color or QColor(COLOR)
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    for strip in (QRect(x, y, w, width), QRect(x, y + h - width, w, width),
                  QRect(x, y, width, h), QRect(x + w - width, y, width, h)):
        painter.fillRect(strip, color)


def _framed(option: QStyleOption) -> bool:
    """A line edit with its own frame (the one inside a spin or combo box has none: the box's ring)."""
    return not isinstance(option, QStyleOptionFrame) or option.lineWidth > 0


_VIEWS = (QAbstractItemView, QTextEdit, QPlainTextEdit)  # a viewport in the base colour, inside a frame


def _wide_frame(option: QStyleOption, widget: QWidget | None) -> bool:
    """A list's, table's or text editor's frame: one pixel wider, for a 2-pixel ring (its viewport, a
    child widget, covers everything inside the frame)."""
    return isinstance(widget, _VIEWS) and option.frameShape == QFrame.Shape.StyledPanel


class FocusRingStyle(QProxyStyle):
    """The base style, with a focus ring that shows, drawn whether the focus came by keyboard or
    mouse: Qt's focus rectangle in blue, and a blue frame round the focused field, editor, list,
    box, button (flat ones too) and tab (which Qt 6 no longer marks at all)."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802 (Qt)
                      painter: QPainter, widget: QWidget | None = None) -> None:
        if element not in _PRIMITIVES:
            super().drawPrimitive(element, option, painter, widget)
        elif element == _PE.PE_FrameFocusRect:
            if not isinstance(widget, (QPushButton, QToolButton)):  # buttons: the ring round them, not two
                draw_ring(painter, option.rect)
        else:
            super().drawPrimitive(element, option, painter, widget)
            if option.state & _HAS_FOCUS and _framed(option):
                draw_ring(painter, option.rect)

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,  # noqa: N802 (Qt)
                    painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawControl(element, option, painter, widget)
        if element not in _CONTROLS:
            return
        focused = bool(option.state & _HAS_FOCUS)
        if element == _CE.CE_ShapedFrame:
            if _wide_frame(option, widget):  # the pixel subElementRect added: the view's base colour, or the ring
                inner = None if focused else option.palette.base().color()
                draw_ring(painter, option.rect.adjusted(1, 1, -1, -1), 1, inner)
                if focused:
                    draw_ring(painter, option.rect, 1)
            elif focused and option.frameShape != QFrame.Shape.NoFrame:  # a scroll area, a label: 1 pixel
                draw_ring(painter, option.rect, 1)
        elif focused:
            draw_ring(painter, QRect(option.rect).adjusted(2, 2, -2, -1) if element == _CE.CE_TabBarTabLabel
                      else option.rect)

    def subElementRect(self, element: QStyle.SubElement, option: QStyleOption,  # noqa: N802 (Qt)
                       widget: QWidget | None = None) -> QRect:
        """A view's frame one pixel wider (_wide_frame)."""
        rect = super().subElementRect(element, option, widget)
        if element != _CONTENTS or not _wide_frame(option, widget):
            return rect
        return rect.adjusted(1, 1, -1, -1)

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOption,  # noqa: N802 (Qt)
                           painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _COMPLEX and option.state & _HAS_FOCUS:
            draw_ring(painter, option.rect)


_installed: list[FocusRingStyle] = []


def installed() -> FocusRingStyle | None:
    return _installed[0] if _installed else None


def install(app: QApplication) -> None:
    """Once, before the first window is made (a style set later does not reach widgets already polished)."""
    if not _installed and not isinstance(app.style(), FocusRingStyle):
        # the proxy takes the current style by name: Fusion, windowsvista… whatever the app runs
        _installed.append(FocusRingStyle(app.style().name()))
        app.setStyle(_installed[0])
