"""Document → PDF with reportlab: the same blocks, measures and line breaks as the DOCX.

Pagination follows LibreOffice's rules for our DOCX: no widow/orphan control, a heading keeps
with the first line of what follows, the last paragraph stays with the signature table, table
rows never split and the header row repeats.
"""

from __future__ import annotations

import io

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, Indenter, KeepTogether, NextPageTemplate,
                                PageBreak, PageTemplate, Table, TableStyle)

from . import fonts
from . import layout as lay
from . import measures as m
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
        return [item.wrap(availWidth, 1e9)[1] for item in self.items]

    def wrap(self, availWidth, availHeight):
        heights = self._heights(availWidth)
        gaps = sum(item.getSpaceAfter() + nxt.getSpaceBefore() for item, nxt in zip(self.items, self.items[1:]))
        self.width, self.height = availWidth, sum(heights) + gaps
        return self.width, self.height

    def split(self, availWidth, availHeight):
        heights = self._heights(availWidth)
        used = sum(heights[:-1]) + sum(item.getSpaceAfter() + nxt.getSpaceBefore()
                                       for item, nxt in zip(self.items, self.items[1:]))
        parts = self.items[-1].split(availWidth, availHeight - used)
        if not parts:
            return []
        return [*self.items[:-1], *parts]

    def drawOn(self, canvas, x, y, _sW=0):
        top = y + self.height
        for index, item in enumerate(self.items):
            if index:
                top -= self.items[index - 1].getSpaceAfter() + item.getSpaceBefore()
            h = item.wrap(self.width, 1e9)[1]
            top -= h
            item.drawOn(canvas, x, top, _sW)


def _cell(items: list) -> list[Flowable]:
    return [RuleLine(i, in_cell=True) if isinstance(i, lay.Rule) else TextBlock(i, in_cell=True) for i in items]


def _table(widths_mm, rows, *, grid: bool, repeat: int = 0) -> list[Flowable]:
    pad = m.mm_to_pt(m.CELL_PADDING_MM)
    # LibreOffice counts a row's top border into the row height; reportlab draws it on the edge.
    vpad = m.GRID_CELL_PADDING_VERTICAL_PT if grid else m.CELL_PADDING_VERTICAL_PT
    top = vpad + (m.TABLE_BORDER_PT if grid else 0.0)
    style = [("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
             ("TOPPADDING", (0, 0), (-1, -1), top),
             ("BOTTOMPADDING", (0, 0), (-1, -1), vpad),
             ("VALIGN", (0, 0), (-1, -1), "TOP"),
             # Table cells select their style's font even around flowables: not Helvetica.
             ("FONTNAME", (0, 0), (-1, -1), fonts.face(False, False))]
    if grid:
        style.append(("GRID", (0, 0), (-1, -1), m.TABLE_BORDER_PT, (0, 0, 0)))
    table = Table([[_cell(c) for c in row] for row in rows], colWidths=[m.mm_to_pt(w) for w in widths_mm],
                  style=TableStyle(style), repeatRows=repeat, hAlign="LEFT")
    # Word and LibreOffice put a table's edge one cell margin left of the text column.
    return [Indenter(left=-pad), table, Indenter(left=pad)]


def _flowables(block) -> list[Flowable]:
    if isinstance(block, lay.Para):
        return [TextBlock(block, keep_next=False)]
    if isinstance(block, lay.Rule):
        return [RuleLine(block)]
    if isinstance(block, lay.HeaderTable):
        return _table(block.widths_mm, [list(r) for r in block.rows], grid=False)
    if isinstance(block, lay.SignatureTable):
        return _table(block.widths_mm, [[block.left, block.right]], grid=False)
    if isinstance(block, lay.GridTable):
        rows = [[[p] for p in block.header]] + [[[p] for p in row] for row in block.rows]
        return _table(block.widths_mm, rows, grid=True, repeat=1)
    if isinstance(block, lay.ChartBlock):
        return [_chart(block)]
    if isinstance(block, lay.KeepTogether):
        return [KeepTogether([f for inner in block.blocks for f in _flowables(inner)])]
    raise TypeError(f"unknown block {block!r}")


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
        for block in blocks:
            flow = _flowables(block)
            if isinstance(block, lay.Para) and block.style.keep_next:
                pending += flow
                continue
            if pending and isinstance(block, lay.Para):
                story.append(KeepNext(pending + flow))
            else:
                story += pending + flow
            pending = []
        story += pending
    return story


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
    frame = Frame(m.mm_to_pt(m.MARGIN_LEFT_MM), m.mm_to_pt(m.MARGIN_BOTTOM_MM),
                  width - m.mm_to_pt(m.MARGIN_LEFT_MM + m.MARGIN_RIGHT_MM),
                  height - m.mm_to_pt(m.MARGIN_TOP_MM + m.MARGIN_BOTTOM_MM),
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)
    return PageTemplate(id=name, frames=[frame], pagesize=pagesize, onPageEnd=_page_number)


def pdf_bytes(doc: lay.Document) -> bytes:
    fonts.register()
    buffer = io.BytesIO()
    templates = [_template(PORTRAIT, A4), _template(LANDSCAPE, landscape(A4))]
    if doc.landscape:
        templates.reverse()
    template = BaseDocTemplate(buffer, pagesize=A4, pageTemplates=templates, title=doc.title,
                               author=doc.author, subject=doc.subject, creator="cchc-desktop",
                               lang=m.LANGUAGE, pageCompression=1,
                               # Every page starts in Helvetica unless told otherwise: a non-embedded font.
                               initialFontName=fonts.face(False, False), initialFontSize=14)
    # Binary (zlib only) streams: ASCII85 makes the embedded fonts 25 % bigger and costs 0.1 s.
    saved, rl_config.useA85 = rl_config.useA85, 0
    try:
        template.build(_story(doc))
    finally:
        rl_config.useA85 = saved
    return buffer.getvalue()
