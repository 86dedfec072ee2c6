"""A small writer of raw WordprocessingML, for import fixtures shaped the way offices make
their files: automatic numbering, styles named in Vietnamese, text boxes, footnotes, merged
cells, tab-aligned signatures, legacy fonts.  It records the words it writes, in reading
order (footnote text right after the paragraph that cites it, the marker automatic
numbering displays included), so tests can count what an import keeps.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from cchc_desktop.importing.legacy import TCVN3, VNI_PAIRS, VNI_SINGLES

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')

WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


# ------------------------------------------------------------------ legacy encoders (for fixtures)

_TCVN3_REVERSE = {v: k for k, v in TCVN3.items() if len(v) == 1 and not 0xB0 <= k <= 0xB4}
_VNI_REVERSE = {v: k for k, v in VNI_PAIRS.items()} | {v: k for k, v in VNI_SINGLES.items() if k != v}


def to_tcvn3(text: str) -> str:
    """Unicode → the characters Word stores for a .VnTime run (cp1252 view of the bytes)."""
    out = []
    for char in text:
        lower = char.lower()
        if char in _TCVN3_REVERSE:
            out.append(bytes([_TCVN3_REVERSE[char]]).decode("cp1252", errors="ignore") or chr(_TCVN3_REVERSE[char]))
        elif char != lower and lower in _TCVN3_REVERSE:  # no capital with a tone mark in VN3
            raise ValueError(f"{char!r} has no TCVN3 code: use a .VnTimeH run")
        else:
            out.append(char)
    return "".join(out)


def tcvn3_runs(text: str, bold: bool = False, italic: bool = False) -> list:
    """Runs for ``text`` in .VnTime, with each capital that has a tone mark (which VN3 cannot
    code) in a .VnTimeH run of its own, the way typists wrote "Ứng" or "Ủy"."""
    runs: list[R] = []
    for char in text:
        lower = char.lower()
        caps = char != lower and char not in _TCVN3_REVERSE and lower in _TCVN3_REVERSE
        font = ".VnTimeH" if caps else None
        piece = to_tcvn3(lower if caps else char)
        if runs and runs[-1].font == font:
            runs[-1].text += piece
        else:
            runs.append(R(piece, bold, italic, font=font))
    return runs


def to_tcvn3_caps(text: str) -> str:
    """Capitals for a .VnTimeH run: written with the lower-case codes."""
    return to_tcvn3(text.lower())


def to_vni(text: str) -> str:
    return "".join(_VNI_REVERSE.get(char, char) for char in text)


# ------------------------------------------------------------------ runs and paragraphs


@dataclass
class R:
    text: str
    bold: bool = False
    italic: bool = False
    font: str | None = None
    footnote: str | None = None  # footnote text: this run is a reference mark


def _rpr(run: R) -> str:
    parts = []
    if run.font:
        parts.append(f'<w:rFonts w:ascii="{run.font}" w:hAnsi="{run.font}" w:cs="{run.font}"/>')
    if run.bold:
        parts.append("<w:b/>")
    if run.italic:
        parts.append("<w:i/>")
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _text_xml(text: str) -> str:
    """Text with tabs and line breaks ("\n": Shift+Enter, a w:br inside the paragraph)."""
    out = []
    for n, line in enumerate(text.split("\n")):
        if n:
            out.append("<w:br/>")
        for i, piece in enumerate(line.split("\t")):
            if i:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(out)


@dataclass
class Builder:
    body: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)  # words in reading order
    header_xml: str = ""
    numbering_xml: str = ""
    extra_styles: str = ""
    default_font: str = "Times New Roman"
    default_bold_styles: bool = False

    # ------------------------------------------------------------ runs

    def _runs(self, runs: list[R], record: list[str]) -> str:
        xml = []
        for run in runs:
            if run.footnote is not None:
                number = len(self.footnotes) + 1
                self.footnotes.append(
                    f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                    f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                    f'<w:r><w:t xml:space="preserve"> {escape(run.footnote)}</w:t></w:r></w:p></w:footnote>')
                xml.append(f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                           f'<w:footnoteReference w:id="{number}"/></w:r>')
                record.append("\x00" + run.footnote)
                continue
            xml.append(f"<w:r>{_rpr(run)}{_text_xml(run.text)}</w:r>")
        return "".join(xml)

    def para_xml(self, runs: list[R] | str, *, align: str | None = None, style: str | None = None,
                 num: tuple[int, int] | None = None, marker: str = "", indent: int | None = None,
                 first_line: int | None = None, plain: str | None = None, record: bool = True,
                 source: list[str] | None = None) -> str:
        """One w:p. ``marker`` is what automatic numbering will display (for the word count);
        ``plain`` is the Unicode text of legacy-encoded runs (for the word count)."""
        if isinstance(runs, str):
            runs = [R(runs)]
        ppr = []
        if style:
            ppr.append(f'<w:pStyle w:val="{style}"/>')
        if num:
            ppr.append(f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
        if indent is not None or first_line is not None:
            ppr.append(f'<w:ind w:left="{indent or 0}" w:firstLine="{first_line or 0}"/>')
        if align:
            ppr.append(f'<w:jc w:val="{align}"/>')
        notes: list[str] = []
        xml = f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{self._runs(runs, notes)}</w:p>"
        target = self.source if source is None else source
        if record:
            target.extend(words(marker))
            text = plain if plain is not None else "".join(r.text for r in runs if r.footnote is None)
            target.extend(words(text))
            for note in notes:
                target.extend(words(note[1:]))
        return xml

    def p(self, runs: list[R] | str, **kw) -> None:
        self.body.append(self.para_xml(runs, **kw))

    def empty(self) -> None:
        self.body.append("<w:p/>")

    def page_break(self) -> None:
        self.body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    # ------------------------------------------------------------ tables

    def table_xml(self, rows: list[list], *, widths: list[int], borders: bool = True,
                  header_rows: int = 0, source: list[str] | None = None) -> str:
        """rows: lists of cells; a cell is a str, a list of paragraph xml strings made with
        ``cell_para``, or a dict {text|paras, span, vmerge, bold}."""
        border = ('<w:tblBorders>' + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")) + '</w:tblBorders>'
                  if borders else '<w:tblBorders>' + "".join(
            f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
                  + '</w:tblBorders>')
        xml = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{border}</w:tblPr><w:tblGrid>']
        xml += [f'<w:gridCol w:w="{w}"/>' for w in widths]
        xml.append("</w:tblGrid>")
        for r, row in enumerate(rows):
            trpr = "<w:trPr><w:tblHeader/></w:trPr>" if r < header_rows else ""
            xml.append(f"<w:tr>{trpr}")
            col = 0
            for cell in row:
                if not isinstance(cell, dict):
                    cell = {"text": cell}
                span = cell.get("span", 1)
                width = sum(widths[col:col + span])
                tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
                if span > 1:
                    tcpr += f'<w:gridSpan w:val="{span}"/>'
                if cell.get("vmerge") == "restart":
                    tcpr += '<w:vMerge w:val="restart"/>'
                elif cell.get("vmerge") == "continue":
                    tcpr += "<w:vMerge/>"
                if "paras" in cell:
                    paras = "".join(cell["paras"]) or "<w:p/>"
                else:
                    text = cell.get("text", "")
                    paras = "".join(self.para_xml([R(line, bold=cell.get("bold", False))], align=cell.get("align"),
                                                  source=source) for line in text.split("\n")) if text else "<w:p/>"
                xml.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{paras}</w:tc>")
                col += span
            xml.append("</w:tr>")
        xml.append("</w:tbl>")
        return "".join(xml)

    def table(self, rows: list[list], **kw) -> None:
        self.body.append(self.table_xml(rows, **kw))

    # ------------------------------------------------------------ text boxes

    def textbox_xml(self, paragraphs: list[str], *, x: int, y: int, cx: int = 2700000, cy: int = 900000,
                    ident: int = 1) -> str:
        """A floating DrawingML text box (wps) with the usual VML fallback copy of the same text."""
        inner = "".join(paragraphs)
        return (
            f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{ident}" '
            f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            f'<wp:docPr id="{ident}" name="Text Box {ident}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
            f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
            f'</wps:spPr><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
            f'</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape id="tb{ident}" style="position:absolute;width:200pt;height:60pt">'
            f'<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
            f'</mc:AlternateContent></w:r>')

    # ------------------------------------------------------------ package

    def _styles(self) -> str:
        font = self.default_font
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NS}>'
            f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="28"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>'
            f'<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
            f'<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
            f'<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>'
            f'{self.extra_styles}</w:styles>')

    def save(self, path: Path) -> None:
        sect = ('<w:sectPr>' + ('<w:headerReference w:type="default" r:id="rIdH1"/>' if self.header_xml else "")
                + '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" '
                  'w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>')
        document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>'
                    f'{"".join(self.body)}{sect}</w:body></w:document>')
        rels = ['<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/styles" Target="styles.xml"/>']
        types = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/>',
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.styles+xml"/>']
        parts = {"word/styles.xml": self._styles()}
        if self.footnotes:
            sep = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                   '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                   '</w:r></w:p></w:footnote>')
            parts["word/footnotes.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                           f'<w:footnotes {NS}>{sep}{"".join(self.footnotes)}</w:footnotes>')
            rels.append('<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        'relationships/footnotes" Target="footnotes.xml"/>')
            types.append('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.footnotes+xml"/>')
        if self.numbering_xml:
            parts["word/numbering.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                           f'<w:numbering {NS}>{self.numbering_xml}</w:numbering>')
            rels.append('<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        'relationships/numbering" Target="numbering.xml"/>')
            types.append('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.numbering+xml"/>')
        if self.header_xml:
            parts["word/header1.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                         f'<w:hdr {NS}>{self.header_xml}</w:hdr>')
            rels.append('<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        'relationships/header" Target="header1.xml"/>')
            types.append('<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.header+xml"/>')
        content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                         'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                         f'{"".join(types)}</Types>')
        package_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f'{"".join(rels)}</Relationships>')
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", content_types)
            archive.writestr("_rels/.rels", package_rels)
            archive.writestr("word/_rels/document.xml.rels", doc_rels)
            archive.writestr("word/document.xml", document)
            for name, data in parts.items():
                archive.writestr(name, data)
