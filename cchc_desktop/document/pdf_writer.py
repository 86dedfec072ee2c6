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


def _cell_blocks(cell) -> list[Flowable]:
    return [TextBlock(p, in_cell=True) for p in cell.paras]


def _cell_chunks(blocks: list, width: float, limit: float) -> list[list]:
    """The blocks of one cell cut into pieces no taller than ``limit``."""
    chunks, chunk, used = [], [], 0.0
    pending = list(blocks)
    while pending:
        block = pending.pop(0)
        h = block.wrap(width, 1e9)[1]
        if used + h <= limit:
            chunk.append(block)
            used += h
            continue
        parts = block.split(width, limit - used)
        if parts:
            chunk.append(parts[0])
            pending.insert(0, parts[1])
        elif not chunk:  # not even one line fits: keep it whole (cannot happen with a sane limit)
            chunk.append(block)
            pending = []
        chunks.append(chunk)
        chunk, used = [], 0.0
    if chunk:
        chunks.append(chunk)
    return chunks or [[]]


def _grid_table(block: lay.GridTable, frame_height: float) -> list[Flowable]:
    """SPAN for merged areas, the header rows repeated, rows never split (reportlab splits a table
    only between rows, and never inside a merged area).  A row taller than a page (a whole report
    pasted into one cell) is cut into several rows of this table first, so that it can print."""
    pad = m.mm_to_pt(m.CELL_PADDING_MM)
    vpad = m.GRID_CELL_PADDING_VERTICAL_PT
    widths = [m.mm_to_pt(w) for w in block.widths_mm]
    data, spans, kinds = [], [], []
    header_height = 0.0
    header_rows = block.header_rows
    for r, row in enumerate(block.rows[:header_rows]):
        heights = [sum(b.wrap(sum(widths[c:c + cell.colspan]) - 2 * pad, 1e9)[1] for b in _cell_blocks(cell))
                   for c, cell in enumerate(row.cells) if not cell.covered and cell.rowspan == 1]
        header_height += max(heights, default=0.0) + 2 * vpad + m.TABLE_BORDER_PT
    if header_height > frame_height / 2:
        header_rows = 0  # header rows taller than half a page are not repeated: they print once
    header_height = 0.0
    for r, row in enumerate(block.rows):
        cells, tall = [], {}
        for c, cell in enumerate(row.cells):
            if cell.covered:
                cells.append("")
                continue
            blocks = _cell_blocks(cell)
            cells.append(blocks)
            if cell.rowspan == 1:
                width = sum(widths[c:c + cell.colspan]) - 2 * pad
                height = sum(b.wrap(width, 1e9)[1] for b in blocks) + 2 * vpad + m.TABLE_BORDER_PT
                tall[c] = (height, width)
        limit = frame_height - header_height - 2 * vpad - 2 * m.TABLE_BORDER_PT - 2.0
        if r < header_rows:
            header_height += max((h for h, _ in tall.values()), default=0.0)
        over = {c: w for c, (h, w) in tall.items() if h > limit + 2 * vpad and r >= header_rows}
        if not over or any(cell.rowspan > 1 for cell in row.cells if not cell.covered):
            data.append(cells)
            spans.append([(c, cell.rowspan, cell.colspan) for c, cell in enumerate(row.cells)
                          if not cell.covered and (cell.rowspan > 1 or cell.colspan > 1)])
            kinds.append(r < header_rows)
            continue
        pieces = {c: _cell_chunks(cells[c], w, limit) for c, w in over.items()}
        for k in range(max(len(p) for p in pieces.values())):
            part = [pieces[c][k] if c in pieces and k < len(pieces[c]) else (cells[c] if k == 0 else "")
                    for c in range(len(cells))]
            data.append(part)
            spans.append([(c, 1, cell.colspan) for c, cell in enumerate(row.cells)
                          if not cell.covered and cell.colspan > 1])
            kinds.append(False)
    style = [("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
             ("TOPPADDING", (0, 0), (-1, -1), vpad + m.TABLE_BORDER_PT),
             ("BOTTOMPADDING", (0, 0), (-1, -1), vpad),
             ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("FONTNAME", (0, 0), (-1, -1), fonts.face(False, False)),
             ("GRID", (0, 0), (-1, -1), m.TABLE_BORDER_PT, (0, 0, 0))]
    if block.header_rows:
        style.append(("VALIGN", (0, 0), (-1, block.header_rows - 1), "MIDDLE"))
    for r, row_spans in enumerate(spans):
        for c, rowspan, colspan in row_spans:
            style.append(("SPAN", (c, r), (c + colspan - 1, r + rowspan - 1)))
    table = pdf_notes.NoteTable(data, colWidths=widths, style=TableStyle(style),
                                repeatRows=header_rows, hAlign="LEFT")
    table.shift = pad
    return [table]


def _flowables(block, frame_height: float = 0.0) -> list[Flowable]:
    if isinstance(block, lay.Para):
        return [TextBlock(block, keep_next=False)]
    if isinstance(block, lay.Rule):
        return [RuleLine(block)]
    if isinstance(block, lay.HeaderTable):
        return _table(block.widths_mm, [list(r) for r in block.rows], grid=False)
    if isinstance(block, lay.SignatureTable):
        return _tagged(_table(block.widths_mm, [[block.left, block.right]], grid=False), block.source)
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


def _build(doc: lay.Document) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    templates = [_template(PORTRAIT, A4), _template(LANDSCAPE, landscape(A4))]
    if doc.landscape:
        templates.reverse()
    template = BaseDocTemplate(buffer, pagesize=A4, pageTemplates=templates, title=doc.title,
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
