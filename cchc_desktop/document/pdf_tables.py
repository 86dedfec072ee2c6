"""Tables in the PDF that can always be printed (FlowTable): rows never split while they fit on
a page; a row or merged area taller than the page breaks inside and continues under the repeated
header rows.  Moved out of pdf_writer.py, which keeps the story, the pages and the safety net."""

from __future__ import annotations

from reportlab.platypus import Flowable, TableStyle

from . import fonts
from . import layout as lay
from . import measures as m
from . import pdf_notes
from .pdf_flowables import RuleLine, TextBlock


def _cell(items: list) -> list[Flowable]:
    return [RuleLine(i, in_cell=True) if isinstance(i, lay.Rule) else TextBlock(i, in_cell=True) for i in items]


class Area:
    """One cell of a FlowTable, or the top-left cell of a merged area (its covered cells are None)."""

    __slots__ = ("blocks", "rowspan", "colspan", "keep")

    def __init__(self, blocks: list, rowspan: int = 1, colspan: int = 1, keep: bool = False):
        self.blocks, self.rowspan, self.colspan = blocks, rowspan, colspan
        self.keep = keep  # its row keeps with the next (a group row and its first sub-row)


def _cut_blocks(blocks: list, width: float, room: float) -> tuple[list, list]:
    """A cell's flowables cut line-wise: the head no taller than ``room``, and the rest."""
    head, used = [], 0.0
    for index, block in enumerate(blocks):
        h = block.wrap(width, 1e9)[1]
        if used + h <= room + 1e-6:
            head.append(block)
            used += h
            continue
        parts = block.split(width, room - used) if room - used > 0 else []
        if len(parts) == 2:
            return head + [parts[0]], [parts[1]] + list(blocks[index + 1:])
        return head, list(blocks[index:])
    return head, []


class FlowTable(pdf_notes.NoteTable):
    """A table that can always be printed: rows never split while they fit on a page, but a row or
    merged area taller than the page breaks inside, filling the page it starts on, and continues on
    the next with the header rows repeated (as LibreOffice and Word print our DOCX, whose rows say
    "cannot split" but are split all the same when taller than a page).  Its cells are cut
    line-wise; a merged area continues on the next page with the rows left under it.

    Row heights are ours, not reportlab's: a row is as tall as its tallest unmerged cell, and a
    merged area taller than its rows lengthens its last row (LibreOffice's rule; reportlab would
    share the extra out among the rows)."""

    def __init__(self, rows: list[list[Area | None]], widths: list[float], *, header_rows: int = 0,
                 grid: bool = True, middle: list[bool] | None = None, frame_height: float = 0.0,
                 ident: str | None = None, heights: list[float] | None = None):
        self.grid, self.widths, self.frame_height = rows, widths, frame_height
        self.middle = middle or [False] * len(rows)
        self.is_grid = grid
        self.pad = m.mm_to_pt(m.CELL_PADDING_MM)
        vpad = m.GRID_CELL_PADDING_VERTICAL_PT if grid else m.CELL_PADDING_VERTICAL_PT
        # LibreOffice counts a row's top border into the row height; reportlab draws it on the edge.
        self.top_pad, self.bottom_pad = vpad + (m.TABLE_BORDER_PT if grid else 0.0), vpad
        self.row_heights = heights if heights is not None else self._row_heights_of()
        if header_rows and sum(self.row_heights[:header_rows]) > frame_height / 2 and frame_height:
            header_rows = 0  # header rows taller than half a page are not repeated: they print once
        style = [("LEFTPADDING", (0, 0), (-1, -1), self.pad), ("RIGHTPADDING", (0, 0), (-1, -1), self.pad),
                 ("TOPPADDING", (0, 0), (-1, -1), self.top_pad),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), self.bottom_pad),
                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 # Table cells select their style's font even around flowables: not Helvetica.
                 ("FONTNAME", (0, 0), (-1, -1), fonts.face(False, False))]
        if grid and rows:
            style.append(("GRID", (0, 0), (-1, -1), m.TABLE_BORDER_PT, (0, 0, 0)))
        for r, flag in enumerate(self.middle):
            if flag:
                style.append(("VALIGN", (0, r), (-1, r), "MIDDLE"))
        for r, c, area in self._each_area():
            if area.rowspan > 1 or area.colspan > 1:
                style.append(("SPAN", (c, r), (c + area.colspan - 1, r + area.rowspan - 1)))
        data = [[area.blocks if area is not None else "" for area in row] for row in rows] or [[""] * len(widths)]
        super().__init__(data, colWidths=widths, rowHeights=self.row_heights or None, style=TableStyle(style),
                         repeatRows=header_rows, hAlign="LEFT", ident=ident)

    # -- geometry
    def _each_area(self):
        for r, row in enumerate(self.grid):
            for c, area in enumerate(row):
                if area is not None:
                    yield r, c, area

    def _area_width(self, c: int, area: Area) -> float:
        return sum(self.widths[c:c + area.colspan]) - 2 * self.pad

    def _area_height(self, c: int, area: Area) -> float:
        width = self._area_width(c, area)
        return sum(b.wrap(width, 1e9)[1] for b in area.blocks) + self.top_pad + self.bottom_pad

    def _row_heights_of(self) -> list[float]:
        heights = [0.0] * len(self.grid)
        merged = []
        for r, c, area in self._each_area():
            if area.rowspan == 1:
                heights[r] = max(heights[r], self._area_height(c, area))
            else:
                merged.append((r + area.rowspan - 1, r, self._area_height(c, area)))
        for last, first, need in sorted(merged):
            have = sum(heights[first:last + 1])
            if need > have:
                heights[last] += need - have
        return heights

    def _boundaries(self) -> set[int]:
        """Row indices a page may break before without cutting a merged area."""
        inside = set()
        for r, _, area in self._each_area():
            inside.update(range(r + 1, r + area.rowspan))
            if area.keep:
                inside.add(r + area.rowspan)  # a group row is never a page's last row
        return set(range(1, len(self.grid))) - inside

    # -- pieces
    def _piece(self, rows, middle, header_rows, heights=None) -> "FlowTable":
        piece = FlowTable(rows, self.widths, header_rows=header_rows, grid=self.is_grid, middle=middle,
                          frame_height=self.frame_height, ident=self.ident, heights=heights)
        piece.shift = self.shift
        for name in ("spaceBefore", "spaceAfter"):
            if hasattr(self, name):
                setattr(piece, name, getattr(self, name))
        return piece

    def _split_at(self, top_rows, top_middle, bottom_rows, bottom_middle, at: int | None = None) -> list:
        """The two pieces; ``at``: a break between whole rows, whose heights stay as they are."""
        hr = self.repeatRows or 0
        H = self.row_heights
        top = self._piece(top_rows, top_middle, hr, H[:at] if at is not None else None)
        bottom = self._piece(self.grid[:hr] + bottom_rows, self.middle[:hr] + bottom_middle, hr,
                             H[:hr] + H[at:] if at is not None else None)
        return [top, bottom]

    def _cut(self, y: float, boundary_mode: bool = False) -> tuple | None:
        """The rows cut at ``y`` (from the table's top): (top rows, bottom rows, the index of the
        row cut); the cells and merged areas crossing ``y`` are cut line-wise.  None when no text of
        the body would stay above ``y`` (a sliver of empty cells is no progress).  ``boundary_mode``:
        the cut row goes whole to the next page, the areas from above it are cut at its top."""
        tops = [0.0]
        for h in self.row_heights:
            tops.append(tops[-1] + h)
        m_row = next(r for r in range(len(self.grid)) if tops[r + 1] > y + 1e-6)
        if boundary_mode:
            y = tops[m_row]
        top_rows = [list(row) for row in self.grid[:m_row + (0 if boundary_mode else 1)]]
        bottom_rows = [list(row) for row in self.grid[m_row:]]
        bottom_rows[0] = [None] * len(self.widths)
        hr = self.repeatRows or 0
        kept = False  # any text of the body stays above the cut
        for r, c, area in list(self._each_area()):
            last = r + area.rowspan - 1
            if last < m_row and r >= hr:
                kept = True
            if r > m_row or last < m_row or (boundary_mode and r == m_row):
                if boundary_mode and r == m_row:
                    bottom_rows[0][c] = area
                continue
            room = y - tops[r] - self.top_pad - self.bottom_pad
            head, tail = _cut_blocks(area.blocks, self._area_width(c, area), room)
            if head:
                kept = True
            top_rows[r][c] = Area(head, m_row - r + (0 if boundary_mode else 1), area.colspan)
            bottom_rows[0][c] = Area(tail, last - m_row + 1, area.colspan)
        if not kept:
            return None
        return top_rows, bottom_rows, m_row

    def split(self, availWidth, availHeight):
        area = pdf_notes.current()
        room = availHeight - (area.height(self.page_notes()) if area is not None else 0.0)
        n, hr = len(self.grid), self.repeatRows or 0
        tops = [0.0]
        for h in self.row_heights:
            tops.append(tops[-1] + h)
        if n <= hr or tops[n] <= room + 1e-6:
            return []
        bounds = sorted(self._boundaries() | {n})
        best = max((b for b in bounds if hr < b < n and tops[b] <= room + 1e-6), default=None)
        start = best if best is not None else hr
        end = next(b for b in bounds if b > start)
        # Taller than an empty page holds beside the notes: it breaks inside, starting here.
        page = self.frame_height - (availHeight - room)
        tall = tops[hr] + tops[end] - tops[start] > page + 1e-6
        at_top = getattr(self, "_at_top", False)
        if not tall and not (at_top and best is None):
            if best is None:
                return []
            return self._split_at(self.grid[:best], self.middle[:best], self.grid[best:], self.middle[best:], best)
        # A block taller than a page (or one that cannot fit an empty page beside its notes): it
        # breaks where the page ends.
        cut = self._cut(room) if room > tops[start] + 1e-6 else None
        if cut is None:
            m_row = next(r for r in range(n) if tops[r + 1] > room + 1e-6)
            if m_row > start:
                cut = self._cut(room, boundary_mode=True)
        if cut is None:
            if best is not None:
                return self._split_at(self.grid[:best], self.middle[:best], self.grid[best:], self.middle[best:], best)
            return []
        top_rows, bottom_rows, m_row = cut
        if len(top_rows) <= hr:
            return []
        return self._split_at(top_rows, self.middle[:len(top_rows)], bottom_rows, self.middle[m_row:])
