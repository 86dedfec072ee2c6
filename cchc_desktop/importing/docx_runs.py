"""Reading the runs of a paragraph: bold, italic and font as the styles resolve them, legacy
(TCVN3/VNI) fonts converted, fields, symbols, breaks, note references and the text boxes a
run anchors; then runs of the same look merged.

``RunsMixin`` is mixed into the reader (``docx_reader._Reader``), which gives it
``styles`` and ``content``."""

from __future__ import annotations

import unicodedata

from . import legacy
from .docx_content import DocxContent, RRun
from .docx_styles import Styles
from .docx_xml import MC_NS, W, _attr, _on, _tag


class RunsMixin:
    styles: Styles
    content: DocxContent

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
                code = _symbol_code(_attr(child, "char"))
                if code is None:  # not a character at all: nothing to show
                    continue
                char = chr(code)
                sym_font = _attr(child, "font")
                if legacy.encoding_for_font(sym_font) is not None:
                    if code & 0xFF < 0x20:
                        continue
                    flush()
                    converted = legacy.convert_run(chr(code & 0xFF), sym_font)
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


def _symbol_code(value: str | None) -> int | None:
    """The code point of a w:sym (hex, "F0B7"), or None when it is not one a text may hold:
    unreadable, beyond U+10FFFF, a surrogate half, a control character or a non-character."""
    text = (value or "").strip()
    if not text or len(text) > 8 or text.startswith(("-", "+")):
        return None
    try:
        code = int(text, 16)
    except ValueError:
        return None
    if code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF:
        return None if (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF else code
    return None


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
