"""Document → PDF with reportlab: the same blocks, measures and line breaks as the DOCX.

Pagination follows LibreOffice's rules for our DOCX: no widow/orphan control, a heading keeps
with the first line of what follows, the last paragraph stays with the signature table, table
rows never split and the header row repeats.  No block can stop a PDF: a row or merged area taller
than the page breaks inside where the page ends (FlowTable), a paragraph breaks between lines, and
whatever reportlab still finds too large is sliced by the safety net (Document, Forced).
"""

from __future__ import annotations

import io

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, Image, Indenter, KeepTogether, NextPageTemplate,
                                PageBreak, PageTemplate, TableStyle)
from reportlab.platypus.doctemplate import LayoutError

from . import fonts
from . import layout as lay
from . import measures as m
from . import pdf_notes
from .pdf_flowables import RuleLine, TextBlock

PORTRAIT, LANDSCAPE = "portrait", "landscape"


class SectionStart(Flowable):
    """Zero-size marker: page numbering restarts on the page where it is drawn."""

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        self.canv._cchc_section_first_page = self.canv.getPageNumber()


class KeepNext(Flowable):
    """Headings kept with the first line of the paragraph after them (LibreOffice's keep-with-next)."""

    def __init__(self, items: list[Flowable]):
        super().__init__()
        self.items = items
        self.spaceBefore = items[0].getSpaceBefore()
        self.spaceAfter = items[-1].getSpaceAfter()

    def _heights(self, availWidth):
        """Text heights (without the room for notes, counted once for the group in wrap)."""
        heights = []
        for item in self.items:
            h = item.wrap(availWidth, 1e9)[1]
            heights.append(getattr(item, "text_height", h))
        return heights

    def page_notes(self) -> list:
        return [note for item in self.items for note in getattr(item, "page_notes", list)()]

    def wrap(self, availWidth, availHeight):
        heights = self._heights(availWidth)
        gaps = sum(max(item.getSpaceAfter(), nxt.getSpaceBefore()) for item, nxt in zip(self.items, self.items[1:]))
        area = pdf_notes.current()
        notes = area.height(self.page_notes()) if area is not None else 0.0
        self.width, self.text_height = availWidth, sum(heights) + gaps
        self.height = self.text_height + notes
        return self.width, self.height

    def split(self, availWidth, availHeight):
        heights = self._heights(availWidth)
        used = sum(heights[:-1]) + sum(max(item.getSpaceAfter(), nxt.getSpaceBefore())
                                       for item, nxt in zip(self.items, self.items[1:]))
        area = pdf_notes.current()
        if area is not None:  # the headings' own footnotes come to this page with them
            used += area.height([n for item in self.items[:-1] for n in getattr(item, "page_notes", list)()])
        last = self.items[-1]
        parts = last.split(availWidth, availHeight - used)
        if not parts:
            if last.wrap(availWidth, availHeight - used)[1] <= availHeight - used + 1e-6:
                return list(self.items)  # it all fits once the notes are counted apart
            # On an empty page the group can never fit together: let its pieces go one by one.
            return list(self.items) if getattr(self, "_at_top", False) and len(self.items) > 1 else []
        return [*self.items[:-1], *parts]

    def drawOn(self, canvas, x, y, _sW=0):
        top = y + self.height
        for index, item in enumerate(self.items):
            if index:
                top -= max(self.items[index - 1].getSpaceAfter(), item.getSpaceBefore())
            h = item.wrap(self.width, 1e9)[1]
            text_h = getattr(item, "text_height", h)
            top -= text_h
            item.drawOn(canvas, x, top - (h - text_h), _sW)


def _cell(items: list) -> list[Flowable]:
    return [RuleLine(i, in_cell=True) if isinstance(i, lay.Rule) else TextBlock(i, in_cell=True) for i in items]


class Area:
    """One cell of a FlowTable, or the top-left cell of a merged area (its covered cells are None)."""

    __slots__ = ("blocks", "rowspan", "colspan")

    def __init__(self, blocks: list, rowspan: int = 1, colspan: int = 1):
        self.blocks, self.rowspan, self.colspan = blocks, rowspan, colspan


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


def _table(widths_mm, rows, *, grid: bool, repeat: int = 0, frame_height: float = 0.0) -> list[Flowable]:
    pad = m.mm_to_pt(m.CELL_PADDING_MM)
    table = FlowTable([[Area(_cell(c)) for c in row] for row in rows], [m.mm_to_pt(w) for w in widths_mm],
                      header_rows=repeat, grid=grid, frame_height=frame_height)
    # Word and LibreOffice put a table's edge one cell margin left of the text column.
    return [Indenter(left=-pad), table, Indenter(left=pad)]


def _cell_blocks(cell) -> list[Flowable]:
    return [TextBlock(p, in_cell=True) for p in cell.paras]


def _grid_table(block: lay.GridTable, frame_height: float) -> list[Flowable]:
    """SPAN for merged areas, the header rows repeated (see FlowTable for rows taller than a page)."""
    rows = [[None if cell.covered else Area(_cell_blocks(cell), cell.rowspan, cell.colspan) for cell in row.cells]
            for row in block.rows]
    middle = [r < block.header_rows for r in range(len(rows))]
    table = FlowTable(rows, [m.mm_to_pt(w) for w in block.widths_mm], header_rows=block.header_rows,
                      middle=middle, frame_height=frame_height)
    table.shift = m.mm_to_pt(m.CELL_PADDING_MM)
    return [table]


def _flowables(block, frame_height: float = 0.0) -> list[Flowable]:
    if isinstance(block, lay.Para):
        return [TextBlock(block, keep_next=False)]
    if isinstance(block, lay.Rule):
        return [RuleLine(block)]
    if isinstance(block, lay.HeaderTable):
        return _table(block.widths_mm, [list(r) for r in block.rows], grid=False, frame_height=frame_height)
    if isinstance(block, lay.SignatureTable):
        return _tagged(_table(block.widths_mm, [[block.left, block.right]], grid=False,
                              frame_height=frame_height), block.source)
    if isinstance(block, lay.GridTable):
        return _tagged(_grid_table(block, frame_height), block.source)
    if isinstance(block, lay.ChartBlock):
        return [_chart(block)]
    if isinstance(block, lay.KeepTogether):
        return [KeepTogether([f for inner in block.blocks for f in _flowables(inner, frame_height)])]
    raise TypeError(f"unknown block {block!r}")


def source_ident(source: tuple) -> str:
    return "cchc:" + ",".join(map(str, source))


def _tagged(flowables: list[Flowable], source: tuple | None) -> list[Flowable]:
    """A table keeps where it comes from in ``ident``, the one attribute reportlab hands on to the
    pieces of a split table (the preview beside the text looks for its page)."""
    if source is not None:
        for flowable in flowables:
            flowable.ident = source_ident(source)
    return flowables


def _chart(block: "lay.ChartBlock") -> Flowable:
    from .charts import HEIGHT_PT, WIDTH_PT, chart_drawing

    width = m.mm_to_pt(block.width_mm)
    drawing = chart_drawing(block.chart, width, width * HEIGHT_PT / WIDTH_PT)
    drawing.hAlign = "CENTER"
    return drawing


def _story(doc: lay.Document) -> list[Flowable]:
    story: list[Flowable] = []
    for index, (is_landscape, blocks) in enumerate(doc.sections):
        if index:
            story += [NextPageTemplate(LANDSCAPE if is_landscape else PORTRAIT), PageBreak()]
        story.append(SectionStart())
        pending: list[Flowable] = []  # headings waiting for the block they keep with
        height = m.mm_to_pt((m.PAGE_WIDTH_MM if is_landscape else m.PAGE_HEIGHT_MM)
                            - m.MARGIN_TOP_MM - m.MARGIN_BOTTOM_MM)
        for block in blocks:
            flow = _flowables(block, height)
            if isinstance(block, lay.Para) and block.style.keep_next:
                pending += flow
                continue
            if pending and isinstance(block, (lay.Para, lay.GridTable)):
                story.append(KeepNext(pending + flow))
            else:
                story += pending + flow
            pending = []
        story += pending
    return story


def _page_end(canvas, doc) -> None:
    area = pdf_notes.current()
    if area is not None:
        area.draw(canvas, m.mm_to_pt(m.MARGIN_LEFT_MM), m.mm_to_pt(m.MARGIN_BOTTOM_MM))
    _page_number(canvas, doc)


def _page_number(canvas, doc) -> None:
    first = getattr(canvas, "_cchc_section_first_page", 1)
    number = canvas.getPageNumber() - first + 1
    if number <= 1:
        return
    s = m.STYLES["page_number"]
    width, height = canvas._pagesize
    x = m.mm_to_pt(m.MARGIN_LEFT_MM) + (width - m.mm_to_pt(m.MARGIN_LEFT_MM + m.MARGIN_RIGHT_MM)) / 2
    y = height - m.mm_to_pt(m.HEADER_DISTANCE_MM) - s.pitch + m.FONT_DESCENT * s.size
    canvas.setFont(fonts.face(s.bold, s.italic), s.size)
    canvas.drawCentredString(x, y, str(number))


def _template(name: str, pagesize) -> PageTemplate:
    width, height = pagesize
    frame = pdf_notes.NoteFrame(m.mm_to_pt(m.MARGIN_LEFT_MM), m.mm_to_pt(m.MARGIN_BOTTOM_MM),
                  width - m.mm_to_pt(m.MARGIN_LEFT_MM + m.MARGIN_RIGHT_MM),
                  height - m.mm_to_pt(m.MARGIN_TOP_MM + m.MARGIN_BOTTOM_MM),
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)
    return PageTemplate(id=name, frames=[frame], pagesize=pagesize, onPageEnd=_page_end)


class Forced(Flowable):
    """The safety net's wrapper around a block reportlab could not place: it goes on the page in
    slices as tall as the room left (a picture is scaled down to the page instead), so that no
    block can stop a PDF.  Only a block that a bug left unsplittable ever gets here."""

    MIN_SLICE = 24.0  # pt: less room than this at the foot of a page, the slice waits for the next

    def __init__(self, flowable: Flowable, offset: float = 0.0):
        super().__init__()
        self.flowable, self.offset = flowable, offset
        self.ident = getattr(flowable, "ident", None)
        self.scale = 1.0

    def _size(self, availWidth: float) -> tuple[float, float]:
        return self.flowable.wrap(availWidth, 1e9)

    def wrap(self, availWidth, availHeight):
        w, h = self._size(availWidth)
        self.scale = min(1.0, availWidth / w) if w > 0 else 1.0
        self.width, self.height = w * self.scale, max(h * self.scale - self.offset, 0.0)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        w, h = self._size(availWidth)
        at_top = getattr(self, "_at_top", False)
        if isinstance(self.flowable, (Drawing, Image)):  # a picture: smaller, never cut
            if not at_top or h <= 0:
                return []
            self.scale = min(availWidth / w if w > 0 else 1.0, availHeight / h)
            return [_Scaled(self.flowable, self.scale)]
        left = h * self.scale - self.offset
        if availHeight < self.MIN_SLICE and not at_top:
            return []
        if left <= availHeight:
            return [self]
        head = _Slice(self.flowable, self.offset, availHeight, self.scale)
        return [head, Forced(self.flowable, self.offset + availHeight)]

    def drawOn(self, canvas, x, y, _sW=0):
        _Slice(self.flowable, self.offset, self.height, self.scale).drawOn(canvas, x, y, _sW)


class _Slice(Flowable):
    """A horizontal band of a flowable: ``height`` points from ``offset`` below its top."""

    def __init__(self, flowable: Flowable, offset: float, height: float, scale: float = 1.0):
        super().__init__()
        self.flowable, self.offset, self.height, self.scale = flowable, offset, height, scale

    def wrap(self, availWidth, availHeight):
        w, _ = self.flowable.wrap(availWidth, 1e9)
        self.width = w * self.scale
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):
        _, h = self.flowable.wrap(self.width / self.scale if self.scale else self.width, 1e9)
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(x - 72, y, self.width + 144, self.height)  # room for a table's edge left of the text
        canvas.clipPath(path, stroke=0, fill=0)
        top = y + self.height + self.offset  # where the whole flowable's top would be
        canvas.translate(x, top)
        canvas.scale(self.scale, self.scale)
        self.flowable.drawOn(canvas, 0, -h)
        canvas.restoreState()


class _Scaled(Flowable):
    def __init__(self, flowable: Flowable, scale: float):
        super().__init__()
        self.flowable, self.scale = flowable, scale

    def wrap(self, availWidth, availHeight):
        w, h = self.flowable.wrap(availWidth / self.scale, 1e9)
        self.width, self.height = w * self.scale, h * self.scale
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):
        if getattr(self.flowable, "hAlign", "LEFT") == "CENTER":
            x += _sW / 2
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(self.scale, self.scale)
        self.flowable.drawOn(canvas, 0, 0)
        canvas.restoreState()


class Document(BaseDocTemplate):
    """reportlab's document with a safety net: a block that raises LayoutError (too large on a
    page, or a split piece that does not fit) is put back as a Forced block instead of stopping the
    PDF.  Blocks split themselves first (FlowTable, TextBlock); this only catches what they miss."""

    rescued = 0  # blocks the safety net had to place (tests look at it)

    def handle_flowable(self, flowables):
        pdf_notes.forget_attempt()
        try:
            super().handle_flowable(flowables)
        except LayoutError:
            added, parts = pdf_notes.last_attempt()
            if added is None or isinstance(added, Forced) and added.offset == 0 and not parts:
                raise  # nothing to rescue, or the rescue itself failed: not a loop
            self.rescued += 1
            if parts and parts[0] is added:  # a split piece that did not fit: the rest follows it
                flowables[0:0] = [Forced(added)] + list(parts[1:])
            else:
                flowables.insert(0, Forced(added))


def _build(doc: lay.Document) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    templates = [_template(PORTRAIT, A4), _template(LANDSCAPE, landscape(A4))]
    if doc.landscape:
        templates.reverse()
    template = Document(buffer, pagesize=A4, pageTemplates=templates, title=doc.title,
                               author=doc.author, subject=doc.subject, creator="cchc-desktop",
                               lang=m.LANGUAGE, pageCompression=1,
                               # Every page starts in Helvetica unless told otherwise: a non-embedded font.
                               initialFontName=fonts.face(False, False), initialFontSize=14)
    pdf_notes.begin()
    try:
        template.build(_story(doc))
    finally:
        pdf_notes.end()
    return buffer.getvalue(), template.page


def pdf_bytes(doc: lay.Document) -> bytes:
    return pdf_bytes_counted(doc)[0]


def pdf_bytes_counted(doc: lay.Document) -> tuple[bytes, int]:
    """The PDF and its number of pages."""
    fonts.register()
    # Binary (zlib only) streams: ASCII85 makes the embedded fonts 25 % bigger and costs 0.1 s.
    saved, rl_config.useA85 = rl_config.useA85, 0
    try:
        return _build(doc)
    finally:
        rl_config.useA85 = saved
