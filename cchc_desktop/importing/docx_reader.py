"""Read a .docx into plain data: paragraphs with runs, tables on a grid, footnotes, text
boxes, headers and footers, in document order — with the marker Word's automatic numbering
displays, bold and italic as the styles resolve them, and legacy-font runs converted.

We parse the parts ourselves (lxml, entities off, see ``safety``) instead of going through
python-docx: we need numbering, text boxes, footnotes, merged cells and style inheritance,
which python-docx does not expose, and it is several times faster on a 200-page report.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import legacy
from .safety import SafeDocx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "{%s}" % W_NS


def _tag(element) -> str:
    tag = element.tag
    return tag[len(W):] if isinstance(tag, str) and tag.startswith(W) else (tag if isinstance(tag, str) else "")


def _attr(element, name: str) -> str | None:
    if element is None:
        return None
    return element.get(W + name)


def _on(element) -> bool | None:
    """A toggle property (w:b, w:i): None when absent."""
    if element is None:
        return None
    value = _attr(element, "val")
    return value is None or value.lower() not in ("0", "false", "off", "none")


# ------------------------------------------------------------------ the data


@dataclass
class RRun:
    text: str
    bold: bool = False
    italic: bool = False
    footnote: str | None = None  # id of the footnote this reference mark points to


@dataclass
class RPara:
    runs: list[RRun] = field(default_factory=list)
    style: str = ""  # style id
    style_name: str = ""  # style's display name, lower case ("heading 1", "tiêu đề 1")
    align: str = "left"  # left, center, right, both
    marker: str = ""  # what automatic numbering displays ("I.", "1.", "a)", "-")
    num_level: int | None = None
    outline: int | None = None  # 0-based outline level from the style or paragraph
    indent_left: int = 0  # twips
    first_line: int = 0  # twips, negative for hanging
    where: str = ""  # "đoạn 12", "bảng 2, hàng 3, cột 1", "chú thích 4", "hộp văn bản …"
    origin: str = "body"  # body, cell, textbox, footnote, header, footer

    @property
    def text(self) -> str:
        body = "".join(run.text for run in self.runs if run.footnote is None)
        return f"{self.marker} {body}" if self.marker else body

    @property
    def body_text(self) -> str:
        return "".join(run.text for run in self.runs if run.footnote is None)


@dataclass
class RCell:
    blocks: list = field(default_factory=list)  # RPara | RTable
    span: int = 1
    vmerge: str | None = None  # "restart", "continue" or None
    header: bool = False

    @property
    def paragraphs(self) -> list[RPara]:
        out = []
        for block in self.blocks:
            if isinstance(block, RPara):
                out.append(block)
            else:
                for row in block.rows:
                    for cell in row.cells:
                        out.extend(cell.paragraphs)
        return out

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass
class RRow:
    cells: list[RCell] = field(default_factory=list)
    header: bool = False
    before: int = 0  # w:gridBefore: empty grid columns before the first cell


@dataclass
class RTable:
    rows: list[RRow] = field(default_factory=list)
    where: str = ""
    borders: bool = True
    grid: list[int] = field(default_factory=list)  # column widths, twips

    @property
    def columns(self) -> int:
        width = max((row.before + sum(c.span for c in row.cells) for row in self.rows), default=0)
        return max(width, len(self.grid) if self.grid else 0)


@dataclass
class DocxContent:
    body: list = field(default_factory=list)  # RPara | RTable, in order (text boxes inline)
    footnotes: dict[str, list[RPara]] = field(default_factory=dict)
    headers: list[RPara] = field(default_factory=list)
    footers: list[RPara] = field(default_factory=list)
    legacy_runs: int = 0  # runs converted from TCVN3/VNI
    unknown_fonts: set[str] = field(default_factory=set)


# ------------------------------------------------------------------ styles


@dataclass
class _Style:
    sid: str
    name: str
    kind: str
    based_on: str | None
    ppr: object | None
    rpr: object | None


class Styles:
    def __init__(self, root) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self.doc_rpr = None
        self.doc_ppr = None
        if root is None:
            return
        defaults = root.find(W + "docDefaults")
        if defaults is not None:
            rpr_default = defaults.find(W + "rPrDefault")
            self.doc_rpr = rpr_default.find(W + "rPr") if rpr_default is not None else None
            ppr_default = defaults.find(W + "pPrDefault")
            self.doc_ppr = ppr_default.find(W + "pPr") if ppr_default is not None else None
        for element in root.iter(W + "style"):
            sid = _attr(element, "styleId") or ""
            name_el = element.find(W + "name")
            based = element.find(W + "basedOn")
            kind = _attr(element, "type") or "paragraph"
            style = _Style(sid, (_attr(name_el, "val") or sid).lower(), kind,
                           _attr(based, "val"), element.find(W + "pPr"), element.find(W + "rPr"))
            self.styles[sid] = style
            if _attr(element, "default") in ("1", "true", "on"):
                if kind == "paragraph":
                    self.default_para = sid
                elif kind == "character":
                    self.default_char = sid
        self._cache: dict[tuple, object] = {}

    def chain(self, sid: str | None) -> list[_Style]:
        """The style and everything it is based on, nearest first."""
        out: list[_Style] = []
        seen = set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            style = self.styles[sid]
            out.append(style)
            sid = style.based_on
        return out

    def lookup_ppr(self, sid: str | None, child: str):
        """The first w:pPr child named ``child`` along the paragraph style chain."""
        key = ("p", sid, child)
        if key in self._cache:
            return self._cache[key]
        found = None
        for style in self.chain(sid or self.default_para):
            if style.ppr is not None:
                element = style.ppr.find(W + child)
                if element is not None:
                    found = element
                    break
        if found is None and self.doc_ppr is not None:
            found = self.doc_ppr.find(W + child)
        self._cache[key] = found
        return found

    def lookup_rpr(self, sid: str | None, child: str, character: bool = False):
        key = ("r", sid, child, character)
        if key in self._cache:
            return self._cache[key]
        found = None
        for style in self.chain(sid):
            if style.rpr is not None:
                element = style.rpr.find(W + child)
                if element is not None:
                    found = element
                    break
        self._cache[key] = found
        return found


# ------------------------------------------------------------------ numbering


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    # Word: a … z, aa … zz, aaa …
    if number <= 0:
        return ""
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


_VIET_ORDINAL = ["", "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"]
_BULLET_DASH = {"-", "–", "—", "\uf02d", "\u2010", "\u2212", "\uf0ad"}


def format_number(number: int, fmt: str) -> str:
    if fmt in ("upperRoman",):
        return roman(number)
    if fmt == "lowerRoman":
        return roman(number).lower()
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "ordinalText" and number < len(_VIET_ORDINAL):
        return _VIET_ORDINAL[number]
    if fmt == "none":
        return ""
    return str(number)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart (1-based level), None = after any higher level
    legal: bool = False


class Numbering:
    def __init__(self, root) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for element in root.iter(W + "abstractNum"):
            self.abstract[_attr(element, "abstractNumId") or ""] = self._levels(element)
        for element in root.iter(W + "num"):
            num_id = _attr(element, "numId") or ""
            abstract = element.find(W + "abstractNumId")
            starts: dict[int, int] = {}
            overrides: dict[int, _Level] = {}
            for override in element.iter(W + "lvlOverride"):
                ilvl = int(_attr(override, "ilvl") or 0)
                start = override.find(W + "startOverride")
                if start is not None:
                    starts[ilvl] = int(_attr(start, "val") or 1)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    overrides[ilvl] = self._level(lvl)
            self.nums[num_id] = (_attr(abstract, "val") or "", starts, overrides)

    @staticmethod
    def _level(element) -> _Level:
        level = _Level()
        start = element.find(W + "start")
        if start is not None:
            level.start = int(_attr(start, "val") or 1)
        fmt = element.find(W + "numFmt")
        if fmt is not None:
            level.fmt = _attr(fmt, "val") or "decimal"
        text = element.find(W + "lvlText")
        if text is not None:
            level.text = _attr(text, "val") or ""
        restart = element.find(W + "lvlRestart")
        if restart is not None:
            level.restart = int(_attr(restart, "val") or 0)
        level.legal = element.find(W + "isLgl") is not None
        return level

    def _levels(self, element) -> dict[int, _Level]:
        return {int(_attr(lvl, "ilvl") or 0): self._level(lvl) for lvl in element.findall(W + "lvl")}

    def marker(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """(marker text, numFmt) for the next paragraph of list ``num_id`` at ``ilvl``."""
        if num_id not in self.nums:
            return "", ""
        abstract_id, starts, overrides = self.nums[num_id]
        levels = dict(self.abstract.get(abstract_id, {}))
        levels.update(overrides)
        if ilvl not in levels:
            return "", ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in starts.items():
                counters[level] = start - 1
                for deeper in [k for k in counters if k > level]:
                    del counters[deeper]
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper, lv in levels.items():
            if deeper > ilvl:
                if lv.restart is None or lv.restart == 0 or lv.restart - 1 <= ilvl:
                    if lv.restart != 0:
                        counters.pop(deeper, None)
        if level.fmt == "bullet":
            return _bullet(level.text, ilvl), "bullet"

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            lv = levels.get(index, _Level())
            count = counters.get(index, lv.start)
            fmt = "decimal" if (level.legal and lv.fmt in ("upperRoman", "lowerRoman")) else lv.fmt
            return format_number(count, fmt)

        return re.sub(r"%([1-9])", value, level.text).strip(), level.fmt


def _bullet(text: str, ilvl: int) -> str:
    glyph = text.strip()
    if glyph in _BULLET_DASH:
        return "-"
    if glyph in ("+", "\uf02b"):
        return "+"
    if glyph in ("*", "\uf02a"):
        return "*"
    return "-" if ilvl == 0 else "+"


# ------------------------------------------------------------------ the reader


class _Reader:
    def __init__(self, docx: SafeDocx) -> None:
        self.docx = docx
        self.styles = Styles(docx.xml("word/styles.xml"))
        self.numbering = Numbering(docx.xml("word/numbering.xml"))
        self.content = DocxContent()
        self.paragraph_count = 0
        self.table_count = 0
        self.textbox_count = 0
        self._font_cache: dict[tuple, str | None] = {}

    # ---------------------------------------------------------------- runs

    def _run_props(self, rpr, para_style: str | None) -> tuple[bool, bool, str | None]:
        rstyle = _attr(rpr.find(W + "rStyle"), "val") if rpr is not None else None
        bold = italic = None
        font = None
        if rpr is not None:
            bold = _on(rpr.find(W + "b"))
            italic = _on(rpr.find(W + "i"))
            font = _font_of(rpr.find(W + "rFonts"))
        if bold is None and rstyle:
            bold = _on(self.styles.lookup_rpr(rstyle, "b"))
        if italic is None and rstyle:
            italic = _on(self.styles.lookup_rpr(rstyle, "i"))
        if font is None and rstyle:
            font = _font_of(self.styles.lookup_rpr(rstyle, "rFonts"))
        style = para_style or self.styles.default_para
        if bold is None:
            bold = _on(self.styles.lookup_rpr(style, "b"))
        if italic is None:
            italic = _on(self.styles.lookup_rpr(style, "i"))
        if font is None:
            font = _font_of(self.styles.lookup_rpr(style, "rFonts"))
        if font is None and self.styles.doc_rpr is not None:
            font = _font_of(self.styles.doc_rpr.find(W + "rFonts"))
        return bool(bold), bool(italic), font

    def _runs(self, container, para_style: str | None, out: list[RRun], boxes: list, state: dict) -> None:
        """Collect runs under ``container`` (a w:p or an element inside one)."""
        for child in container:
            tag = _tag(child)
            if tag == "r":
                self._run(child, para_style, out, boxes, state)
            elif tag in ("hyperlink", "smartTag", "ins", "sdt", "sdtContent", "customXml",
                         "fldSimple", "moveTo", "dir", "bdo"):
                self._runs(child, para_style, out, boxes, state)
            elif child.tag == "{%s}AlternateContent" % MC_NS:
                choice = child.find("{%s}Choice" % MC_NS)
                self._runs(choice if choice is not None else child, para_style, out, boxes, state)
            # w:del, w:moveFrom (deleted text), w:pPr, bookmarks, proofing marks: nothing to read

    def _run(self, run, para_style: str | None, out: list[RRun], boxes: list, state: dict) -> None:
        rpr = run.find(W + "rPr")
        bold, italic, font = self._run_props(rpr, para_style)
        encoding = legacy.encoding_for_font(font)
        pieces: list[str] = []

        def flush() -> None:
            if pieces:
                text = "".join(pieces)
                if encoding is not None:
                    text = legacy.convert(text, encoding)
                    self.content.legacy_runs += 1
                text = text.replace("\u00ad", "")
                if not state.get("in_field_code"):
                    out.append(RRun(text, bold, italic))
                pieces.clear()

        for child in run:
            tag = _tag(child)
            if tag == "fldChar":
                kind = _attr(child, "fldCharType")
                flush()
                if kind == "begin":
                    state["in_field_code"] = True
                    state["field_code"] = ""
                elif kind == "separate":
                    state["in_field_code"] = False
                    if "PAGE" in state.get("field_code", "").split():
                        state["page_field"] = True
                elif kind == "end":
                    state["in_field_code"] = False
            elif tag == "instrText":
                state["field_code"] = state.get("field_code", "") + (child.text or "")
            elif state.get("in_field_code"):
                continue
            elif tag == "t":
                pieces.append(child.text or "")
            elif tag == "tab" or tag == "ptab":
                pieces.append("\t")
            elif tag in ("br", "cr"):
                if _attr(child, "type") in ("page", "column"):
                    continue
                pieces.append("\n")
            elif tag == "noBreakHyphen":
                pieces.append("-")
            elif tag == "softHyphen":
                # byte 0xAD: "ư" in TCVN3 fonts (LibreOffice writes it as w:softHyphen)
                pieces.append("\u00ad")
            elif tag == "sym":
                code = _attr(child, "char") or ""
                try:
                    char = chr(int(code, 16))
                except ValueError:
                    continue
                sym_font = _attr(child, "font")
                if legacy.encoding_for_font(sym_font) is not None:
                    flush()
                    converted = legacy.convert_run(chr(int(code, 16) & 0xFF), sym_font)
                    out.append(RRun(converted, bold, italic))
                else:
                    pieces.append(_symbol(char))
            elif tag in ("footnoteReference", "endnoteReference"):
                flush()
                prefix = "e" if tag == "endnoteReference" else ""
                out.append(RRun("", bold, italic, footnote=prefix + (_attr(child, "id") or "")))
            elif tag in ("drawing", "pict", "object") or child.tag == "{%s}AlternateContent" % MC_NS:
                flush()
                boxes.extend(_textboxes(child))
        flush()

    # ---------------------------------------------------------------- paragraphs

    def paragraph(self, element, where: str, origin: str) -> tuple[RPara, list]:
        ppr = element.find(W + "pPr")
        style = _attr(ppr.find(W + "pStyle"), "val") if ppr is not None else None
        style = style or self.styles.default_para or ""
        para = RPara(style=style, where=where, origin=origin)
        chain = self.styles.chain(style)
        para.style_name = chain[0].name if chain else style.lower()
        jc = ppr.find(W + "jc") if ppr is not None else None
        if jc is None:
            jc = self.styles.lookup_ppr(style, "jc")
        para.align = {"center": "center", "right": "right", "end": "right", "both": "both",
                      "distribute": "both", "start": "left", "left": "left"}.get(_attr(jc, "val") or "left", "left")
        ind = ppr.find(W + "ind") if ppr is not None else None
        if ind is None:
            ind = self.styles.lookup_ppr(style, "ind")
        if ind is not None:
            para.indent_left = _int(_attr(ind, "left") or _attr(ind, "start"))
            para.first_line = _int(_attr(ind, "firstLine")) - _int(_attr(ind, "hanging"))
        outline = ppr.find(W + "outlineLvl") if ppr is not None else None
        if outline is None:
            outline = self.styles.lookup_ppr(style, "outlineLvl")
        if outline is not None:
            level = _int(_attr(outline, "val"))
            para.outline = level if level < 9 else None
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        if num_pr is None:
            num_pr = self.styles.lookup_ppr(style, "numPr")
        if num_pr is not None:
            num_id = _attr(num_pr.find(W + "numId"), "val")
            ilvl = _int(_attr(num_pr.find(W + "ilvl"), "val"))
            if num_id and num_id != "0":
                marker, _fmt = self.numbering.marker(num_id, ilvl)
                para.marker = marker
                para.num_level = ilvl
        boxes: list = []
        state: dict = {}
        self._runs(element, style, para.runs, boxes, state)
        para.runs = _merge_runs(para.runs)
        if state.get("page_field") and origin in ("header", "footer"):
            para.runs = [r for r in para.runs if not r.text.strip().isdigit()]
        return para, boxes

    def blocks(self, container, origin: str, where_prefix: str = "") -> list:
        out: list = []
        for child in container:
            tag = _tag(child)
            if tag == "p":
                if origin == "body":
                    self.paragraph_count += 1
                    where = f"đoạn {self.paragraph_count}"
                else:
                    where = where_prefix
                para, boxes = self.paragraph(child, where, origin)
                for box in boxes:
                    self.textbox_count += 1
                    out.extend(self.blocks(box, "textbox", f"hộp văn bản {self.textbox_count}"))
                out.append(para)
            elif tag == "tbl":
                out.append(self.table(child, origin, where_prefix))
            elif tag in ("sdt", "customXml", "ins"):
                inner = child.find(W + "sdtContent") if tag == "sdt" else child
                if inner is not None:
                    out.extend(self.blocks(inner, origin, where_prefix))
            elif child.tag == "{%s}AlternateContent" % MC_NS:
                choice = child.find("{%s}Choice" % MC_NS)
                if choice is not None:
                    out.extend(self.blocks(choice, origin, where_prefix))
        return out

    def table(self, element, origin: str, where_prefix: str) -> RTable:
        self.table_count += 1
        number = self.table_count
        table = RTable(where=f"bảng {number}")
        grid = element.find(W + "tblGrid")
        if grid is not None:
            table.grid = [_int(_attr(col, "w")) for col in grid.findall(W + "gridCol")]
        tbl_pr = element.find(W + "tblPr")
        if tbl_pr is not None:
            borders = tbl_pr.find(W + "tblBorders")
            if borders is not None:
                table.borders = any((_attr(b, "val") or "nil") not in ("nil", "none") for b in borders)
            else:
                table.borders = _attr(tbl_pr.find(W + "tblStyle"), "val") not in (None, "TableNormal")
        for r_index, tr in enumerate(_children(element, "tr"), 1):
            row = RRow()
            tr_pr = tr.find(W + "trPr")
            if tr_pr is not None:
                row.header = _on(tr_pr.find(W + "tblHeader")) or False
                row.before = _int(_attr(tr_pr.find(W + "gridBefore"), "val"))
            for c_index, tc in enumerate(_children(tr, "tc"), 1):
                cell = RCell(header=row.header)
                tc_pr = tc.find(W + "tcPr")
                if tc_pr is not None:
                    span = tc_pr.find(W + "gridSpan")
                    cell.span = max(1, _int(_attr(span, "val")) or 1)
                    vmerge = tc_pr.find(W + "vMerge")
                    if vmerge is not None:
                        cell.vmerge = "restart" if _attr(vmerge, "val") == "restart" else "continue"
                    hmerge = tc_pr.find(W + "hMerge")
                    if hmerge is not None and _attr(hmerge, "val") != "restart":
                        cell.span = 0  # old-style horizontal merge continuation
                where = f"bảng {number}, hàng {r_index}, cột {c_index}"
                cell.blocks = self.blocks(tc, "cell", where)
                row.cells.append(cell)
            # fold old-style hMerge continuation cells into the cell before them
            merged: list[RCell] = []
            for cell in row.cells:
                if cell.span == 0 and merged:
                    merged[-1].span += 1
                    merged[-1].blocks.extend(b for b in cell.blocks if not (isinstance(b, RPara) and not b.text.strip()))
                else:
                    cell.span = max(cell.span, 1)
                    merged.append(cell)
            row.cells = merged
            table.rows.append(row)
        return table

    # ---------------------------------------------------------------- parts

    def read(self) -> DocxContent:
        root = self.docx.xml("word/document.xml")
        body = root.find(W + "body") if root is not None else None
        if body is not None:
            self.content.body = self.blocks(body, "body")
        for part, kind in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            notes = self.docx.xml(part)
            if notes is None:
                continue
            for note in notes:
                if _tag(note) not in ("footnote", "endnote"):
                    continue
                if _attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                nid = _attr(note, "id") or ""
                key = ("e" if kind == "endnote" else "") + nid
                paras = _flatten([b for b in self.blocks(note, "footnote", f"chú thích {nid}")])
                _drop_mark_space(paras)
                self.content.footnotes[key] = paras
        for name in sorted(self.docx.names):
            match = re.fullmatch(r"word/(header|footer)\d*\.xml", name)
            if not match:
                continue
            root = self.docx.xml(name)
            if root is None:
                continue
            kind = match.group(1)
            paras = _flatten(self.blocks(root, kind, "đầu trang" if kind == "header" else "chân trang"))
            target = self.content.headers if kind == "header" else self.content.footers
            target.extend(p for p in paras if p.text.strip())
        return self.content


def _drop_mark_space(paras: list[RPara]) -> None:
    """Word (and our writer) put one space between a note's number and its text: not the clerk's."""
    for run in (paras[0].runs if paras else []):
        if run.text:
            if run.text.startswith(" "):
                run.text = run.text[1:]
            return


def _flatten(blocks: list) -> list[RPara]:
    out: list[RPara] = []
    for block in blocks:
        if isinstance(block, RPara):
            out.append(block)
        else:
            for row in block.rows:
                for cell in row.cells:
                    out.extend(cell.paragraphs)
    return out


def _children(element, name: str):
    """Direct children named ``name``, looking through w:sdt / w:customXml wrappers."""
    for child in element:
        tag = _tag(child)
        if tag == name:
            yield child
        elif tag in ("sdt", "customXml"):
            inner = child.find(W + "sdtContent") if tag == "sdt" else child
            if inner is not None:
                yield from _children(inner, name)


def _textboxes(element) -> list:
    """w:txbxContent elements under a drawing, without the VML fallback copy of the same box."""
    boxes = []
    for box in element.iter(W + "txbxContent"):
        fallback = False
        parent = box.getparent()
        while parent is not None and parent is not element.getparent():
            if parent.tag == "{%s}Fallback" % MC_NS:
                fallback = True
                break
            parent = parent.getparent()
        # nested text boxes are reached when their container box is read
        outer = box.getparent()
        nested = False
        while outer is not None and outer is not element:
            if outer.tag == W + "txbxContent":
                nested = True
                break
            outer = outer.getparent()
        if not fallback and not nested:
            boxes.append(box)
    return boxes


def _font_of(rfonts) -> str | None:
    if rfonts is None:
        return None
    return _attr(rfonts, "hAnsi") or _attr(rfonts, "ascii") or _attr(rfonts, "cs") or None


def _int(value: str | None) -> int:
    try:
        return int(float(value)) if value else 0
    except ValueError:
        return 0


_SYMBOLS = {"\uf0b7": "•", "\uf02d": "-", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓"}


def _symbol(char: str) -> str:
    return _SYMBOLS.get(char, char if not 0xF000 <= ord(char) <= 0xF0FF else chr(ord(char) - 0xF000))


def _merge_runs(runs: list[RRun]) -> list[RRun]:
    out: list[RRun] = []
    for run in runs:
        text = unicodedata.normalize("NFC", run.text) if run.text else run.text
        if run.footnote is None and not text:
            continue
        if (out and run.footnote is None and out[-1].footnote is None
                and out[-1].bold == run.bold and out[-1].italic == run.italic):
            out[-1].text += text
        else:
            out.append(RRun(text, run.bold, run.italic, run.footnote))
    return out


def read_docx(path: Path) -> DocxContent:
    """Read a .docx safely (see ``safety.SafeDocx``); ImportRefused on a bad file."""
    with SafeDocx(path) as docx:
        return _Reader(docx).read()
