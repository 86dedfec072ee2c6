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
from reportlab.platypus import (BaseDocTemplate, Flowable, Image, Indenter, KeepTogether, NextPageTemplate,
                                PageBreak, PageTemplate)
from reportlab.platypus.doctemplate import LayoutError

from . import fonts
from . import layout as lay
from . import measures as m
from . import pdf_notes
from .pictures import pdf_picture
from .pdf_flowables import RuleLine, TextBlock
from .pdf_tables import Area, FlowTable, _cell

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
    rows = [[None if cell.covered else Area(_cell_blocks(cell), cell.rowspan, cell.colspan, row.keep_next)
             for cell in row.cells] for row in block.rows]
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
    if isinstance(block, lay.PictureBlock):  # document/pictures.py
        return pdf_picture(block)
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
    restarts = doc.restarts
    for index, (is_landscape, blocks) in enumerate(doc.sections):
        if index:
            story += [NextPageTemplate(LANDSCAPE if is_landscape else PORTRAIT), PageBreak()]
        if restarts[index]:  # a form continuing its phụ lục numbers on
            story.append(SectionStart())
        pending: list[Flowable] = []  # headings waiting for the block they keep with
        height = m.mm_to_pt((m.PAGE_WIDTH_MM if is_landscape else m.PAGE_HEIGHT_MM)
                            - m.MARGIN_TOP_MM - m.MARGIN_BOTTOM_MM)
        for block in blocks:
            flow = _flowables(block, height)
            if isinstance(block, lay.Para) and block.style.keep_next or getattr(block, "captioned", False):
                pending += flow
                continue
            if pending and isinstance(block, (lay.Para, lay.GridTable, lay.PictureBlock)):
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
