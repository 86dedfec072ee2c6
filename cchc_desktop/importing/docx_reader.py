"""Read a .docx into plain data: paragraphs with runs, tables on a grid, footnotes, text
boxes, headers and footers, in document order — with the marker Word's automatic numbering
displays, bold and italic as the styles resolve them, and legacy-font runs converted.

We parse the parts ourselves (lxml, entities off, see ``safety``) instead of going through
python-docx: we need numbering, text boxes, footnotes, merged cells and style inheritance,
which python-docx does not expose, and it is several times faster on a 200-page report.

Kept here: the reader's top-level flow (paragraphs, blocks, the parts of the package).
What it is built of: ``docx_xml`` (element helpers), ``docx_content`` (the data),
``docx_styles``, ``docx_numbering``, ``docx_runs``, ``docx_tables``.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from ..store.limits import MAX_TEXT_CHARS

# the data keeps its old address too: other modules and tests import it from here
from .docx_content import DocxContent, RCell, RPara, RRow, RRun, RTable  # noqa: F401
from .docx_numbering import Numbering, _ilvl
from .docx_pictures import find_pictures
from .docx_runs import RunsMixin, _merge_runs
from .docx_styles import Styles
from .docx_tables import TablesMixin
from .docx_xml import MC_NS, W, _attr, _int, _tag, number
from .safety import ImportRefused, SafeDocx

MAX_SECONDS = 10.0  # reading a 200-page report takes well under a second
MAX_PARAGRAPHS = 60_000  # of every kind, cells too (1,000,000 characters of a report: ~10,000; a 2,000-row form: 20,000)


class _Reader(RunsMixin, TablesMixin):
    def __init__(self, docx: SafeDocx) -> None:
        self.docx = docx
        self.deadline = time.monotonic() + MAX_SECONDS
        self.characters = 0
        self.paragraphs_read = 0
        self.styles = Styles(docx.xml("word/styles.xml"))
        self.numbering = Numbering(docx.xml("word/numbering.xml"))
        self.content = DocxContent()
        self.paragraph_count = 0
        self.table_count = 0
        self.textbox_count = 0
        self._font_cache: dict[tuple, str | None] = {}

    def tick(self) -> None:
        """Give up on a file that keeps the reader busy past MAX_SECONDS."""
        if time.monotonic() > self.deadline:
            raise ImportRefused(f"Tệp “{self.docx.name}” quá phức tạp, đọc mất hơn {MAX_SECONDS:.0f} giây;"
                                " hãy mở bằng Word, kiểm tra lại và lưu lại rồi nhập lại.")

    def _count(self, para: RPara) -> None:
        self.paragraphs_read += 1
        self.characters += len(para.marker) + sum(len(run.text) for run in para.runs)
        if self.paragraphs_read > MAX_PARAGRAPHS:
            raise ImportRefused(f"Tệp “{self.docx.name}” có hơn {_thousands(MAX_PARAGRAPHS)} đoạn văn: một báo cáo"
                                " không cần nhiều như vậy, hãy chia thành nhiều báo cáo.")
        if self.characters > MAX_TEXT_CHARS:
            raise ImportRefused(f"Tệp “{self.docx.name}” có quá nhiều chữ (hơn {_thousands(MAX_TEXT_CHARS)} ký tự,"
                                " khoảng 360 trang): hãy chia thành nhiều báo cáo.")

    def paragraph(self, element, where: str, origin: str) -> tuple[RPara, list]:
        self.tick()
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
            level = number(_attr(outline, "val"), low=-1, high=9, default=9)
            para.outline = level if 0 <= level < 9 else None
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        if num_pr is None:
            num_pr = self.styles.lookup_ppr(style, "numPr")
        if num_pr is not None:
            num_id = _attr(num_pr.find(W + "numId"), "val")
            ilvl = _ilvl(_attr(num_pr.find(W + "ilvl"), "val"))
            if num_id and num_id != "0" and ilvl is not None:
                marker, _fmt = self.numbering.marker(num_id, ilvl)
                para.marker = marker
                para.num_level = ilvl
        boxes: list = []
        state: dict = {}
        self._runs(element, style, para.runs, boxes, state)
        para.runs = _merge_runs(para.runs)
        para.pictures = find_pictures(element, self.docx, where, origin)  # pictures: docx_pictures
        if state.get("page_field") and origin in ("header", "footer"):
            para.runs = [r for r in para.runs if not r.text.strip().isdigit()]
        self._count(para)
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
            target.extend(p for p in paras if p.text.strip() or p.pictures)  # pictures: reported (docx_pictures)
        return self.content


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # Vietnamese thousands separator


def _drop_mark_space(paras: list[RPara]) -> None:
    """Word (and our writer) put one space between a note's number and its text: not the clerk's."""
    for run in (paras[0].runs if paras else []):
        if run.text:
            if run.text.startswith(" "):
                run.text = run.text[1:]
            return


def _flatten(blocks: list) -> list[RPara]:
    """Every paragraph of ``blocks``, those in table cells included, in reading order."""
    return RCell(blocks=blocks).paragraphs


def read_docx(path: Path) -> DocxContent:
    """Read a .docx safely (see ``safety.SafeDocx``); ImportRefused on a bad file."""
    with SafeDocx(path) as docx:
        return _Reader(docx).read()
