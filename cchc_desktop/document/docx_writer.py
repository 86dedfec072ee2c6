"""Document → .docx with python-docx, spelling each layout role as a named paragraph style.

Body XML is written as strings and parsed once per section: building a 200-row table through the
high-level cell API takes seconds (field notes); this takes milliseconds.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from xml.sax.saxutils import escape

import docx
import docx.document
from lxml import etree
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from . import measures as m
from .pictures import PictureBlock, docx_picture
from .layout import ChartBlock, Document, GridTable, HeaderTable, KeepTogether, Para, Rule, SignatureTable
from .layout import paragraphs as _paragraphs

W = nsdecls("w")
_JC = {m.Align.LEFT: "left", m.Align.CENTER: "center", m.Align.RIGHT: "right", m.Align.JUSTIFY: "both"}
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FONTS = (f'<w:rFonts w:ascii="{m.FONT_NAME}" w:hAnsi="{m.FONT_NAME}" '
          f'w:eastAsia="{m.FONT_NAME}" w:cs="{m.FONT_NAME}"/>')
_LANG = f'<w:lang w:val="{m.LANGUAGE}" w:eastAsia="{m.LANGUAGE}" w:bidi="ar-SA"/>'


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def half_points(pt: float) -> int:
    return round(pt * 2)


def style_id(role: str) -> str:
    return "CCHC" + "".join(part.capitalize() for part in role.split("_"))


# ---------------------------------------------------------------- styles


def _style_xml(role: str, s: m.ParaStyle) -> str:
    ind = ""
    if s.first_indent_mm or s.left_indent_mm:
        ind = f'<w:ind w:left="{twips(s.left_indent_mm)}" w:firstLine="{twips(s.first_indent_mm)}"/>'
    keep = "<w:keepNext/>" if s.keep_next else ""
    b = "<w:b/><w:bCs/>" if s.bold else "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>"
    i = "<w:i/><w:iCs/>" if s.italic else "<w:i w:val=\"0\"/><w:iCs w:val=\"0\"/>"
    return (
        f'<w:style {W} w:type="paragraph" w:customStyle="1" w:styleId="{style_id(role)}">'
        f'<w:name w:val="{escape(s.name)}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
        f"<w:pPr>{keep}<w:widowControl w:val=\"0\"/>"
        f'<w:spacing w:before="{round(s.space_before * 20)}" w:after="{round(s.space_after * 20)}" '
        f'w:line="{round(s.pitch * 20)}" w:lineRule="exact"/>{ind}<w:jc w:val="{_JC[s.align]}"/></w:pPr>'
        f'<w:rPr>{_FONTS}{b}{i}<w:sz w:val="{half_points(s.size)}"/>'
        f'<w:szCs w:val="{half_points(s.size)}"/>{_LANG}</w:rPr></w:style>'
    )


def _install_styles(document) -> None:
    """Times New Roman in all four script slots everywhere, theme fonts removed, vi-VN, our styles."""
    styles = document.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for attr in list(fonts.attrib):
            if attr.endswith("Theme") or attr.endswith("theme"):
                del fonts.attrib[attr]
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(slot), m.FONT_NAME)
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr):
        rpr.remove(child)
    for child in parse_xml(f"<w:rPr {W}>{_FONTS}<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>{_LANG}</w:rPr>"):
        rpr.append(child)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(ppr):
        ppr.remove(child)
    ppr.append(parse_xml(f'<w:spacing {W} w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'))
    for role, s in m.STYLES.items():
        styles.append(parse_xml(_style_xml(role, s)))
    styles.append(parse_xml(
        f'<w:style {W} w:type="character" w:customStyle="1" w:styleId="{NOTE_REF_STYLE}">'
        f'<w:name w:val="CCHC Số chú thích"/><w:qFormat/>'
        f'<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'))


NOTE_REF_STYLE = "CCHCFootnoteReference"


# ---------------------------------------------------------------- paragraphs and tables


def _text(text: str) -> str:
    return escape(_INVALID_XML.sub("", text))


def _run(text: str, bold: bool = False, italic: bool = False, extra: str = "") -> str:
    b = "<w:b/><w:bCs/>" if bold else ""
    i = "<w:i/><w:iCs/>" if italic else ""
    return (f"<w:r><w:rPr>{_FONTS}{b}{i}{extra}{_LANG}</w:rPr>"
            f'<w:t xml:space="preserve">{_text(text)}</w:t></w:r>')


def _mark(inner: str, size: str = "") -> str:
    """A footnote reference (``<w:footnoteReference>`` in the text, ``<w:footnoteRef/>`` before the
    note's own text): superscript through the character style, set in so too for other readers."""
    return (f'<w:r><w:rPr><w:rStyle w:val="{NOTE_REF_STYLE}"/>{_FONTS}{size}'
            f'<w:vertAlign w:val="superscript"/>{_LANG}</w:rPr>{inner}</w:r>')


def _size(p: Para) -> str:
    if "size" not in p.overrides:
        return ""
    return f'<w:sz w:val="{half_points(p.style.size)}"/><w:szCs w:val="{half_points(p.style.size)}"/>'


def _direct_ppr(p: Para) -> str:
    """Direct paragraph formatting for what the layout overrides on the role's style."""
    if not p.overrides:
        return ""
    s, out = p.style, []
    if {"pitch", "space_before", "space_after"} & p.overrides.keys():
        out.append(f'<w:spacing w:before="{round(s.space_before * 20)}" w:after="{round(s.space_after * 20)}" '
                   f'w:line="{round(s.pitch * 20)}" w:lineRule="exact"/>')
    if {"left_indent_mm", "first_indent_mm"} & p.overrides.keys():
        out.append(f'<w:ind w:left="{twips(s.left_indent_mm)}" w:firstLine="{twips(s.first_indent_mm)}"/>')
    if "align" in p.overrides:
        out.append(f'<w:jc w:val="{_JC[s.align]}"/>')
    return "".join(out)


def _runs(p: Para) -> str:
    s, size, out = p.style, _size(p), []
    for r in p.runs:
        if r.text:
            out.append(_run(r.text, r.bold and not s.bold, r.italic and not s.italic, size))
        if r.note is not None:
            out.append(_mark(f'<w:footnoteReference w:id="{r.note.number}"/>', size))
    return "".join(out)


def _para(p: Para, keep_next: bool = False, keep_lines: bool = False) -> str:
    extra = ("<w:keepNext/>" if keep_next else "") + ("<w:keepLines/>" if keep_lines else "")
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id(p.role)}"/>{extra}{_direct_ppr(p)}</w:pPr>{_runs(p)}</w:p>'


def _rule(rule: Rule, room_mm: float, keep_next: bool = False) -> str:
    """An empty small paragraph whose top border is the rule, centred by equal side indents."""
    side = max(0, twips((room_mm - rule.width_mm) / 2))
    keep = "<w:keepNext/>" if keep_next else ""
    return (f'<w:p><w:pPr><w:pStyle w:val="{style_id("rule")}"/>{keep}<w:pBdr>'
            f'<w:top w:val="single" w:sz="{round(m.RULE_WEIGHT_PT * 8)}" w:space="0" w:color="000000"/>'
            f'</w:pBdr><w:ind w:left="{side}" w:right="{side}" w:firstLine="0"/></w:pPr></w:p>')


def _cell_content(items: list, room_mm: float, keep_next: bool = False) -> str:
    parts = []
    for item in items:
        if isinstance(item, Rule):
            parts.append(_rule(item, room_mm, keep_next))
        else:
            parts.append(_para(item, keep_next=keep_next))
    return "".join(parts) or f'<w:p><w:pPr><w:pStyle w:val="{style_id("cell")}"/></w:pPr></w:p>'


def _table(widths_mm: list[float], rows: list[list[list]], *, borders: bool, header: bool,
           keep_next: bool = False) -> str:
    pad = twips(m.CELL_PADDING_MM)
    line = f'w:val="single" w:sz="{round(m.TABLE_BORDER_PT * 8)}" w:space="0" w:color="000000"'
    edge = line if borders else 'w:val="nil"'
    tbl_borders = "".join(f"<w:{side} {edge}/>" for side in ("top", "left", "bottom", "right",
                                                             "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths_mm)
    vpad = round((m.GRID_CELL_PADDING_VERTICAL_PT if borders else m.CELL_PADDING_VERTICAL_PT) * 20)
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(twips(w) for w in widths_mm)}" w:type="dxa"/>'
           f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{tbl_borders}</w:tblBorders>'
           f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="{vpad}" w:type="dxa"/>'
           f'<w:left w:w="{pad}" w:type="dxa"/><w:bottom w:w="{vpad}" w:type="dxa"/>'
           f'<w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>'
           f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
           f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    cell_w = [f'<w:tcW w:w="{twips(w)}" w:type="dxa"/>' for w in widths_mm]
    for index, row in enumerate(rows):
        repeat = "<w:tblHeader/>" if header and index == 0 else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{repeat}</w:trPr>")
        for width, tcw, items in zip(widths_mm, cell_w, row):
            room = width - 2 * m.CELL_PADDING_MM
            out.append(f"<w:tc><w:tcPr>{tcw}</w:tcPr>{_cell_content(items, room, keep_next)}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _chart(block: ChartBlock, part) -> str:
    """The chart as an inline PNG picture (rendered from the same drawing as the PDF's)."""
    from docx.oxml.shape import CT_Inline
    from docx.shared import Mm

    from .charts import HEIGHT_PT, WIDTH_PT, chart_png

    r_id, _image = part.get_or_add_image(io.BytesIO(chart_png(block.chart)))
    width = Mm(block.width_mm)
    height = int(width * HEIGHT_PT / WIDTH_PT)
    part._chart_count = getattr(part, "_chart_count", 0) + 1
    inline = CT_Inline.new_pic_inline(1000 + part._chart_count, r_id, f"bieu-do-{part._chart_count}.png",
                                      width, height)
    drawing = etree.tostring(inline, encoding="unicode")
    # The line height must grow with the picture: an exact spacing would crop it to one line.
    return (f'<w:p><w:pPr><w:pStyle w:val="{style_id("cell_center")}"/><w:keepNext/>'
            f'<w:spacing w:before="120" w:after="240" w:line="240" w:lineRule="auto"/></w:pPr>'
            f"<w:r><w:drawing>{drawing}</w:drawing></w:r></w:p>")


def _grid_table(table: GridTable) -> str:
    """A bordered table: gridSpan across, vMerge down, every header row repeated, rows never split."""
    pad = twips(m.CELL_PADDING_MM)
    vpad = round(m.GRID_CELL_PADDING_VERTICAL_PT * 20)
    line = f'w:val="single" w:sz="{round(m.TABLE_BORDER_PT * 8)}" w:space="0" w:color="000000"'
    borders = "".join(f"<w:{side} {line}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    widths = table.widths_mm
    grid = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths)
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(twips(w) for w in widths)}" w:type="dxa"/>'
           f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
           f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="{vpad}" w:type="dxa"/>'
           f'<w:left w:w="{pad}" w:type="dxa"/><w:bottom w:w="{vpad}" w:type="dxa"/>'
           f'<w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>'
           f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
           f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    below: dict[tuple[int, int], int] = {}  # (row, col) continuing a vertical merge → its colspan
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            if not cell.covered:
                for dr in range(1, cell.rowspan):
                    below[(r + dr, c)] = cell.colspan
    for r, row in enumerate(table.rows):
        # a group row keeps with the next (Word and LibreOffice keep a row whose text keeps with next)
        keep = "<w:keepNext/>" if row.keep_next else ""
        empty = f'<w:p><w:pPr><w:pStyle w:val="{style_id("cell")}"/>{keep}</w:pPr></w:p>'
        header = r < table.header_rows
        valign = '<w:vAlign w:val="center"/>' if header else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{'<w:tblHeader/>' if header else ''}</w:trPr>")
        c = 0
        while c < len(row.cells):
            cell = row.cells[c]
            if (r, c) in below:
                span = below[(r, c)]
                content, merge = empty, "<w:vMerge/>"
            elif not cell.covered:
                span = cell.colspan
                content = "".join(_para(p, keep_next=row.keep_next) for p in cell.paras) or empty
                merge = '<w:vMerge w:val="restart"/>' if cell.rowspan > 1 else ""
            else:
                c += 1  # covered by a span across, already written
                continue
            width = twips(sum(widths[c:c + span]))
            grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid_span}{merge}{valign}</w:tcPr>'
                       f"{content}</w:tc>")
            c += span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _spacer() -> str:
    """Word needs a paragraph after a table; this one is 1 pt high so it moves nothing."""
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id("spacer")}"/></w:pPr></w:p>'


def _block(block, text_mm: float) -> str:
    if isinstance(block, Para):
        return _para(block)
    if isinstance(block, Rule):
        return _rule(block, text_mm)
    if isinstance(block, HeaderTable):
        return _table(list(block.widths_mm), [list(row) for row in block.rows], borders=False, header=False)
    if isinstance(block, SignatureTable):
        return _table(list(block.widths_mm), [[block.left, block.right]], borders=False, header=False,
                      keep_next=True)
    if isinstance(block, GridTable):
        return _grid_table(block)
    if isinstance(block, KeepTogether):
        # Everything but the last block keeps with the next; a paragraph also keeps its lines.
        parts = []
        for index, inner in enumerate(block.blocks):
            if isinstance(inner, Para) and index < len(block.blocks) - 1:
                parts.append(_para(inner, keep_next=True, keep_lines=True))
            else:
                parts.append(_block(inner, text_mm))
        return "".join(parts)
    raise TypeError(f"unknown block {block!r}")


# ---------------------------------------------------------------- sections and the file


def _sect_pr(landscape: bool, header_refs: str, restart: bool = True) -> str:
    width, height = (m.PAGE_HEIGHT_MM, m.PAGE_WIDTH_MM) if landscape else (m.PAGE_WIDTH_MM, m.PAGE_HEIGHT_MM)
    orient = ' w:orient="landscape"' if landscape else ""
    return (f"<w:sectPr {W} {nsdecls('r')}>{header_refs}<w:type w:val=\"nextPage\"/>"
            f'<w:pgSz w:w="{twips(width)}" w:h="{twips(height)}"{orient}/>'
            f'<w:pgMar w:top="{twips(m.MARGIN_TOP_MM)}" w:right="{twips(m.MARGIN_RIGHT_MM)}" '
            f'w:bottom="{twips(m.MARGIN_BOTTOM_MM)}" w:left="{twips(m.MARGIN_LEFT_MM)}" '
            f'w:header="{twips(m.HEADER_DISTANCE_MM)}" w:footer="{twips(m.FOOTER_DISTANCE_MM)}" w:gutter="0"/>'
            # numbering from 1, none on the first page; a form continuing its phụ lục numbers on
            + ('<w:pgNumType w:start="1"/><w:titlePg/>' if restart else "") + "</w:sectPr>")


def _page_number_xml() -> str:
    rpr = f"<w:rPr>{_FONTS}{_LANG}</w:rPr>"
    field = (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
             f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
             f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
             f'{_run("2")}<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')
    return f'<w:p {W}><w:pPr><w:pStyle w:val="{style_id("page_number")}"/></w:pPr>{field}</w:p>'


def _set_headers(document) -> str:
    """PAGE field top centre on every page but the first; returns the headerReference XML."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    first = section.first_page_header
    first.is_linked_to_previous = False
    h = header._element
    for child in list(h):
        h.remove(child)
    h.append(parse_xml(_page_number_xml()))
    refs = section._sectPr.findall(qn("w:headerReference"))
    return "".join(
        f'<w:headerReference w:type="{ref.get(qn("w:type"))}" r:id="{ref.get(qn("r:id"))}"/>'
        for ref in refs)


def _section_end(sect_pr: str) -> str:
    """The last paragraph of a section carries its properties (Word needs a paragraph after a table)."""
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id("spacer")}"/>{sect_pr}</w:pPr></w:p>'


def _drop_styles_with_effects(document) -> None:
    """python-docx's default template carries a stale Word 2010 ``stylesWithEffects`` part whose
    styles no longer match ours; the OOXML validator flags it (Word may offer a repair). Word
    does not need it."""
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rel_id)


_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _footnotes_xml(notes) -> str:
    """word/footnotes.xml: the separator (-1) and continuation separator (0), then note 1, 2, 3…"""
    plain = '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    out = [f'<w:footnotes {W}>',
           f'<w:footnote w:type="separator" w:id="-1"><w:p>{plain}<w:r><w:separator/></w:r></w:p></w:footnote>',
           f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p>{plain}'
           f'<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for note in notes:
        p = note.para
        out.append(f'<w:footnote w:id="{note.number}"><w:p><w:pPr><w:pStyle w:val="{style_id(p.role)}"/>'
                   f'</w:pPr>{_mark("<w:footnoteRef/>")}{_run(" ")}{_runs(p)}</w:p></w:footnote>')
    out.append("</w:footnotes>")
    return "".join(out)


def _add_footnotes(document, notes) -> None:
    """python-docx has no footnote API: add the part, its relationship and the settings entry."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart

    part = XmlPart(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT, parse_xml(_footnotes_xml(notes)),
                   document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    settings = document.settings.element
    pr = parse_xml(f'<w:footnotePr {W}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    after = [qn(f"w:{name}") for name in ("endnotePr", "compat", "docVars", "rsids")]
    anchor = next((child for child in settings if child.tag in after), None)
    if anchor is not None:
        anchor.addprevious(pr)
    else:
        settings.append(pr)


def build(doc: Document) -> docx.document.Document:
    template = docx.Document()
    _drop_styles_with_effects(template)
    _install_styles(template)
    header_refs = _set_headers(template)
    sections, restarts = doc.sections, doc.restarts
    parts = []
    for index, (landscape, blocks) in enumerate(sections):
        text_mm = m.LANDSCAPE_TEXT_WIDTH_MM if landscape else m.TEXT_WIDTH_MM
        parts += [_chart(b, template.part) if isinstance(b, ChartBlock)
                  else docx_picture(b, template.part) if isinstance(b, PictureBlock) else _block(b, text_mm)
                  for b in blocks]
        sect = _sect_pr(landscape, header_refs if index == 0 else "", restarts[index]).replace(f" {W} {nsdecls('r')}", "")
        if index < len(sections) - 1:
            parts.append(_section_end(sect))
        else:
            parts += [_spacer(), sect]  # the last section's properties close the body
    # One parse of the whole document part: moving parsed nodes between lxml documents one by one
    # costs ten times more on a long report.
    root = template.element
    shell = etree.tostring(root, encoding="unicode")
    head = shell[:shell.index("<w:body")]
    xml = f"{head}<w:body>{''.join(parts)}</w:body></w:document>"
    part = template.part
    part._element = parse_xml(xml)
    document = docx.document.Document(part._element, part)
    notes = [n for p in _paragraphs(doc.blocks) for n in p.notes]
    if notes:
        _add_footnotes(document, notes)
    props = document.core_properties
    # Core properties hold at most 255 characters (python-docx refuses longer ones).
    # Control characters are not XML (lxml refuses them): dropped as in the body text.
    title, subject, author = (_INVALID_XML.sub("", text)[:255] for text in (doc.title, doc.subject, doc.author))
    props.title, props.subject, props.author = title, subject, author
    props.last_modified_by, props.language = author, m.LANGUAGE
    props.comments, props.keywords = "", ""
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    props.revision = 1
    return document


def docx_bytes(doc: Document, meta: dict | None = None) -> bytes:
    buffer = io.BytesIO()
    document = build(doc)
    if meta is not None:  # the report itself, for an exact import (docx_meta.py)
        from .docx_meta import embed
        embed(document, meta)
    document.save(buffer)
    return buffer.getvalue()
