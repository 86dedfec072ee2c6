"""What will not print as typed: a table cell taller than a page (it will be split across pages)
and a picture larger than the page (it will be scaled down).  Notes, not errors: the export
handles both (issue 24); the clerk may want to shorten the text or the picture first.

Cheap by design: only cells long enough to fill a page in the narrowest column are measured,
and only their tables get column widths from the layout (the same widths the exporters use)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import BlockRole, Report, Table
from .base import RULES, Context, Finding, Severity, rule
from .places import where

# The page's frame (A4 less the margins of the format contract, report-format.md §1), in mm.
_FRAME_PORTRAIT = (165.0, 257.0)
_FRAME_LANDSCAPE = (252.0, 170.0)
_PADDING_MM = 2 * 1.905 + 0.5  # cell padding both sides (measures.CELL_PADDING_MM)
_PT_MM = 25.4 / 72
# A cell shorter than this cannot fill a page even one letter a line at the smallest size.
_SHORTEST = 120


def _cell_lines(text: str, room_mm: float, size: float) -> int:
    """Lines of ``text`` wrapped at spaces in ``room_mm`` (a word wider than the line is cut)."""
    from ...document.fonts import text_width  # late: the checks do not need the fonts otherwise

    room = room_mm / _PT_MM
    space = text_width(" ", size)
    lines, used = 1, 0.0
    for word in text.split():
        width = text_width(word, size)
        if used and used + space + width > room:
            lines, used = lines + 1, 0.0
        if width > room:  # cut between characters
            extra = int(width // max(room, 1.0))
            lines += extra
            width -= extra * room
        used += (space if used else 0.0) + width
    return lines


def _tall_cells(table: Table, landscape: bool) -> Iterator[tuple[int, int]]:
    """(row, column) of each cell whose text is taller than the page's frame."""
    long = [(r, c) for r, row in enumerate(table.rows) for c, cell in enumerate(row.cells[: len(table.columns)])
            if len(cell.text) >= _SHORTEST]
    if not long:
        return
    from ...document import measures as m
    from ...document.table_layout import _cell_size, column_widths

    total, height = _FRAME_LANDSCAPE if landscape else _FRAME_PORTRAIT
    widths = column_widths(table, total)[1]
    size = _cell_size(len(table.columns))
    pitch_mm = m.pitch(size) * _PT_MM
    for r, c in long:
        cell = table.rows[r].cells[c]
        room = sum(widths[c:c + max(cell.colspan, 1)]) - _PADDING_MM
        if _cell_lines(cell.text, room, size) * pitch_mm > height - 2 * pitch_mm:
            yield r, c


def _landscape(table: Table, chosen: bool | None) -> bool:
    if chosen is not None:
        return chosen
    from ...document.table_layout import column_widths

    return column_widths(table)[0]


@rule("fit.page", Severity.STYLE, "Ô bảng dài hơn một trang, hình lớn hơn trang (sẽ chia hoặc thu nhỏ khi in)")
def page_fit(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["fit.page"]
    for s, section in enumerate(report.sections):
        for b, block in enumerate(section.blocks):
            field = f"sections[{s}].blocks[{b}]"
            if block.role == BlockRole.TABLE and block.table is not None and block.table.columns:
                for r, c in _tall_cells(block.table, False):
                    yield _cell_note(me, report, f"{field}.table.rows[{r}].cells[{c}]")
            elif block.role == BlockRole.PICTURE and block.picture is not None:
                picture = block.picture
                if picture.width_mm > _FRAME_PORTRAIT[0] + 0.5 or picture.height_mm > _FRAME_PORTRAIT[1] + 0.5:
                    yield me.finding(
                        f"{where(report, field)}: hình rộng {picture.width_mm:.0f} × cao {picture.height_mm:.0f} mm,"
                        f" lớn hơn khổ trang ({_FRAME_PORTRAIT[0]:.0f} × {_FRAME_PORTRAIT[1]:.0f} mm): khi in hình sẽ"
                        " được thu nhỏ cho vừa trang.", field)
    for k, appendix in enumerate(report.appendices):
        table = appendix.table
        if not table.columns or not table.rows:
            continue
        if not any(len(cell.text) >= _SHORTEST for row in table.rows for cell in row.cells):
            continue
        for r, c in _tall_cells(table, _landscape(table, appendix.landscape)):
            yield _cell_note(me, report, f"appendices[{k}].table.rows[{r}].cells[{c}]")


def _cell_note(me, report: Report, field: str) -> Finding:
    return me.finding(f"{where(report, field)}: chữ trong ô dài hơn một trang giấy; khi in ô sẽ bị chia sang"
                      " trang sau. Nên rút gọn hoặc tách thành nhiều dòng.", field)
