"""Footnote marks and tables inside the narrative editor's QTextDocument.

Each is one object character (U+FFFC) whose character format carries the model object
(the footnote's runs, or the Table) pickled in a user property, so the document's own undo
stack covers inserting, editing and deleting them. Handlers draw them: a footnote as its
superscript number (numbered in document order), a table as a grid.
"""

from __future__ import annotations

import base64
import pickle
from functools import lru_cache

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QPen, QPyTextObject, QTextBlockFormat, QTextCharFormat,
                           QTextCursor, QTextDocument, QTextFormat)

from cchc_desktop.core.model import Align, RowKind, Run, Table

OBJECT_CHAR = "\ufffc"


def insert_object_line(cursor: QTextCursor, line: QTextBlockFormat, obj: QTextCharFormat) -> None:
    """Put an object (a table, a picture) at ``cursor`` on a line of its own with format ``line``:
    the paragraph it stands in is split, its two halves keep their format.  The caller holds the
    edit block, so the insertion is one undo step."""
    block = cursor.block()
    if not block.text():
        cursor.setBlockFormat(line)
    elif cursor.atBlockEnd():
        cursor.insertBlock(line)
    elif cursor.atBlockStart():
        cursor.insertBlock(block.blockFormat())
        cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        cursor.setBlockFormat(line)
    else:
        cursor.insertBlock(block.blockFormat())  # the rest of the paragraph moves down
        cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(line)
    cursor.insertText(OBJECT_CHAR, obj)
FOOTNOTE_TYPE = int(QTextFormat.ObjectTypes.UserObject.value) + 13
TABLE_TYPE = int(QTextFormat.ObjectTypes.UserObject.value) + 14
DATA_PROPERTY = int(QTextFormat.Property.UserProperty.value) + 13


def _encode(value) -> str:
    return base64.b64encode(pickle.dumps(value, pickle.HIGHEST_PROTOCOL)).decode("ascii")


@lru_cache(maxsize=256)
def _decode_cached(data: str):
    return pickle.loads(base64.b64decode(data))


def _decode(data: str):
    # A fresh copy: callers may change what they get.
    return pickle.loads(pickle.dumps(_decode_cached(data)))


def footnote_format(runs: list[Run]) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(FOOTNOTE_TYPE)
    fmt.setProperty(DATA_PROPERTY, _encode([Run(r.text, r.bold, r.italic) for r in runs]))
    fmt.setToolTip("Chú thích: " + "".join(r.text for r in runs) + "\n(Nhấp đúp để sửa)")
    return fmt


def table_format(table: Table) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(TABLE_TYPE)
    fmt.setProperty(DATA_PROPERTY, _encode(table))
    fmt.setToolTip("Bảng: nhấp đúp để sửa; chọn rồi bấm Delete để xóa")
    return fmt


def object_type(fmt: QTextFormat) -> int:
    return fmt.objectType() if fmt.isCharFormat() else 0


def footnote_of(fmt: QTextFormat) -> list[Run] | None:
    if object_type(fmt) != FOOTNOTE_TYPE:
        return None
    data = fmt.stringProperty(DATA_PROPERTY)  # never property(): see rich_text.block_role
    return _decode(data) if data else []


def table_of(fmt: QTextFormat) -> Table | None:
    if object_type(fmt) != TABLE_TYPE:
        return None
    data = fmt.stringProperty(DATA_PROPERTY)
    return _decode(data) if data else Table()


def footnote_positions(document: QTextDocument) -> list[int]:
    """Positions of the footnote marks, in document order."""
    positions = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and object_type(fragment.charFormat()) == FOOTNOTE_TYPE:
                positions.extend(range(fragment.position(), fragment.position() + fragment.length()))
            it += 1
        block = block.next()
    return positions


def footnote_number(document: QTextDocument, position: int, offset: int = 0) -> int:
    """The printed number of the mark at ``position`` (``offset``: footnotes of the parts before)."""
    positions = footnote_positions(document)
    try:
        return int(offset) + positions.index(position) + 1
    except ValueError:
        return int(offset) + len([p for p in positions if p < position]) + 1


class FootnoteHandler(QPyTextObject):
    """Draws a footnote mark as its superscript number."""

    offset = 0  # footnotes of the parts before this one

    def _font(self, document: QTextDocument) -> QFont:
        font = QFont(document.defaultFont())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.65))
        font.setBold(True)
        return font

    def intrinsicSize(self, document, position, fmt):  # noqa: N802 (Qt name)
        metrics = QFontMetricsF(self._font(document))
        full = QFontMetricsF(document.defaultFont())
        text = str(footnote_number(document, position, self.offset))
        return QSizeF(metrics.horizontalAdvance(text) + 2, full.ascent())

    def drawObject(self, painter, rect, document, position, fmt):  # noqa: N802
        painter.save()
        painter.setFont(self._font(document))
        painter.setPen(QColor("#1a4fa0"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                         str(footnote_number(document, position, self.offset)))
        painter.restore()


# --- tables ---------------------------------------------------------------------------------------
_PAD = 4.0
_QT_ALIGN = {Align.LEFT: Qt.AlignmentFlag.AlignLeft, Align.CENTER: Qt.AlignmentFlag.AlignHCenter,
             Align.RIGHT: Qt.AlignmentFlag.AlignRight, Align.JUSTIFY: Qt.AlignmentFlag.AlignLeft}


def column_widths(table: Table, width: float) -> list[float]:
    """Widths on screen: the columns' millimetres scaled to ``width`` (unknown ones share equally)."""
    known = [c.width_mm for c in table.columns if c.width_mm]
    default = sum(known) / len(known) if known else 30.0
    raw = [c.width_mm or default for c in table.columns]
    total = sum(raw) or 1.0
    return [width * w / total for w in raw]


def _cell_font(base: QFont, header: bool, kind: RowKind, bold: bool) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
    font.setBold(header or kind != RowKind.DATA or bold)
    font.setItalic(kind == RowKind.CAPTION and not header)
    return font


def table_geometry(table: Table, width: float, base: QFont) -> tuple[list[float], list[float]]:
    """Column widths and row heights for drawing ``table`` ``width`` pixels wide."""
    widths = column_widths(table, width)
    heights = []
    covered = table.covered()
    tall: list[tuple[int, int, float]] = []
    for r, row in enumerate(table.rows):
        header = r < table.header_rows
        height = QFontMetricsF(_cell_font(base, header, row.kind, False)).height() + 2 * _PAD
        for c, cell in enumerate(row.cells):
            if (r, c) in covered:
                continue
            font = _cell_font(base, header, row.kind, any(run.bold for run in cell.runs))
            cell_width = sum(widths[c:c + cell.colspan]) - 2 * _PAD
            box = QFontMetricsF(font).boundingRect(QRectF(0, 0, max(cell_width, 4.0), 1e6),
                                                   int(Qt.TextFlag.TextWordWrap), cell.text)
            needed = box.height() + 2 * _PAD
            if cell.rowspan > 1:
                tall.append((r, cell.rowspan, needed))
            else:
                height = max(height, needed)
        heights.append(height)
    for r, span, needed in tall:
        have = sum(heights[r:r + span])
        if have < needed:
            heights[r + span - 1] += needed - have
    return widths, heights


@lru_cache(maxsize=128)
def _geometry_cached(data: str, width: float, font_key: str) -> tuple[tuple[float, ...], tuple[float, ...]]:
    base = QFont()
    base.fromString(font_key)
    widths, heights = table_geometry(_decode_cached(data), width, base)
    return tuple(widths), tuple(heights)


def _shown_table(fmt: QTextFormat) -> tuple[str, Table]:
    """The table of a format for painting only (shared, never changed)."""
    data = fmt.stringProperty(DATA_PROPERTY)
    return data, (_decode_cached(data) if data else Table())


class TableHandler(QPyTextObject):
    """Draws a table block as a grid as wide as the text (its geometry cached per table and width)."""

    def _geometry(self, data: str, table: Table, width: float, base: QFont):
        if not data:
            return table_geometry(table, width, base)
        return _geometry_cached(data, round(width, 1), base.toString())

    def _width(self, document: QTextDocument) -> float:
        width = document.textWidth() if document.textWidth() > 0 else 600.0
        return max(120.0, width - 2 * document.documentMargin() - 8)

    def intrinsicSize(self, document, position, fmt):  # noqa: N802
        data, table = _shown_table(fmt)
        _widths, heights = self._geometry(data, table, self._width(document), document.defaultFont())
        return QSizeF(self._width(document), sum(heights) + 8 if heights else 24.0)

    def drawObject(self, painter, rect, document, position, fmt):  # noqa: N802
        data, table = _shown_table(fmt)
        base = document.defaultFont()
        painter.save()
        if not table.rows or not table.columns:
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "(bảng trống)")
            painter.restore()
            return
        widths, heights = self._geometry(data, table, rect.width(), base)
        covered = table.covered()
        lefts = [rect.left() + sum(widths[:c]) for c in range(len(widths))]
        tops = [rect.top() + 4 + sum(heights[:r]) for r in range(len(heights))]
        pen = QPen(QColor("#444444"))
        pen.setWidthF(0.8)
        for r, row in enumerate(table.rows):
            header = r < table.header_rows
            for c, cell in enumerate(row.cells):
                if (r, c) in covered:
                    continue
                box = QRectF(lefts[c], tops[r], sum(widths[c:c + cell.colspan]), sum(heights[r:r + cell.rowspan]))
                if header:
                    painter.fillRect(box, QColor("#e8edf3"))
                elif row.kind != RowKind.DATA:
                    painter.fillRect(box, QColor("#f6f6f0"))
                painter.setPen(pen)
                painter.drawRect(box)
                painter.setFont(_cell_font(base, header, row.kind, any(run.bold for run in cell.runs)))
                painter.setPen(QColor("#000000"))
                align = Qt.AlignmentFlag.AlignHCenter if header else _QT_ALIGN[table.columns[c].align]
                painter.drawText(box.adjusted(_PAD, _PAD, -_PAD, -_PAD),
                                 int(align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap), cell.text)
        painter.restore()


def install_handlers(document: QTextDocument, owner) -> None:
    """Register the footnote and table painters on ``document``'s layout (kept alive by ``owner``)."""
    owner._footnote_handler = FootnoteHandler(owner)
    owner._table_handler = TableHandler(owner)

    layout = document.documentLayout()
    layout.registerHandler(FOOTNOTE_TYPE, owner._footnote_handler)
    layout.registerHandler(TABLE_TYPE, owner._table_handler)
