"""Find the Decree 30 skeleton in the paragraphs and tables of a Word document.

The header (issuing body, national title, number, place and date), "BÁO CÁO" and the
subject, "Kính gửi", the opening, the parts and their headings, paragraphs and bullets,
tables, the closing, the signature with "Nơi nhận", and the appendix forms.  What cannot be
placed with confidence becomes a plain paragraph where it stood and a line of the import
report (``Recognized.entries``): nothing is dropped.

Kept here: the recogniser's top-level flow (``Recognizer.run``), footnotes, headers and
footers, and the period.  The steps live in ``recognize_header``, ``recognize_parts``,
``recognize_signature`` and ``recognize_appendices``; the helpers they share in
``recognize_text`` and ``recognize_tables``.
"""

from __future__ import annotations

import re

from ..core.periods import find_period_phrases
from .docx_content import DocxContent, RPara, RTable
from .recognize_appendices import AppendicesMixin
from .recognize_header import _DOC_NAMES, HeaderMixin
from .recognize_parts import PartsMixin
from .recognize_signature import SignatureMixin, split_signature_rows
# the helpers keep their old address too: other modules and tests import them from here
from .recognize_tables import classify_rows, to_grid  # noqa: F401
from .recognize_text import (_BULLET, bold_ratio, clean, fold, heading_level, is_caps, is_rule,  # noqa: F401
                             italic_ratio, meaning_of, para_runs, runs_text)
from .structure import Recognized


# ------------------------------------------------------------------ the recogniser


class Recognizer(HeaderMixin, PartsMixin, SignatureMixin, AppendicesMixin):
    def __init__(self, content: DocxContent) -> None:
        self.content = content
        self.items = []
        for item in content.body:
            if isinstance(item, RTable):
                self.items.extend(split_signature_rows(item))
            elif not is_rule(item.text) or _has_notes(item):
                self.items.append(item)
        self._unframe_title()
        self.out = Recognized()
        self.has_roman = any(isinstance(i, RPara) and heading_level(clean(i.text)) == 1 for i in self.items)

    def _unframe_title(self) -> None:
        """"BÁO CÁO" and its subject framed in a one-cell table near the top: their lines, read
        as the title and subject (the frame is a layout, not a table of the text)."""
        for index, item in enumerate(self.items[:40]):
            if not isinstance(item, RTable) or len(item.rows) != 1 or len(item.rows[0].cells) != 1:
                continue
            cell = item.rows[0].cells[0]
            paras = [b for b in cell.blocks if isinstance(b, RPara) and not is_rule(b.text)]
            if paras and not any(isinstance(b, RTable) for b in cell.blocks) \
                    and clean(paras[0].text).upper() in _DOC_NAMES:
                self.items[index:index + 1] = paras
                return

    # ---------------------------------------------------------------- entry point

    def run(self) -> Recognized:
        out = self.out
        title = self._find_title()
        start = 0
        forms_only = False  # no header, no name: forms (each with its signature) or one table
        if title is not None:
            self._header(self.items[:title])
            start = self._title_and_subject(title)
        elif self.items and isinstance(self.items[0], RTable) and self._is_header_table(self.items[0]):
            self._header(self.items[:1])
            start = 1
            out.doc_name = ""
            out.note(self.items[0].where, "Không thấy dòng “BÁO CÁO”: văn bản được nhập không có tên loại.",
                     kind="note")
        else:
            out.doc_name = ""  # no name of its own (forms, a price table): none is invented
            forms_only = True
        start = self._addressees(start)
        signature = self._find_signature(start, through_forms=forms_only)
        while forms_only and signature is not None:
            # forms each followed by their signature: the last signature is the document's
            later = self._find_signature(signature[0] + 1, through_forms=True)
            if later is None:
                break
            signature = later
        end = signature[0] if signature else self._find_appendix_start(start)
        body = self.items[start:end]
        closing_at = self._closing_index(body)
        self._body(body[:closing_at])
        for item in body[closing_at:]:
            block = self._block(item)
            if block is not None:
                out.closing.append(block)
        rest = end
        if signature:
            rest = self._signature(signature)
        self._appendices(self.items[rest:])
        self._footnotes()
        self._headers_footers()
        self._period()
        return out

    # ---------------------------------------------------------------- footnotes, headers, period

    def _footnotes(self) -> None:
        for key, paras in self.content.footnotes.items():
            lines = []
            for para in paras:
                runs = [r for r in para_runs(para) if r.footnote is None]
                if runs:
                    lines.append(runs)
            self.out.footnotes[key] = lines

    def _headers_footers(self) -> None:
        for kind, paras in (("header", self.content.headers), ("footer", self.content.footers)):
            seen = set()
            for para in paras:
                text = clean(para.text)
                if not text or text.isdigit() or text in seen or is_rule(text):
                    continue
                seen.add(text)
                where = "đầu trang" if kind == "header" else "chân trang"
                self.out.note(where, f"Chữ ở {where} (không phải số trang) không thuộc nội dung báo cáo:"
                              " không nhập, ghi lại ở đây.", text, kind=kind)

    def _period(self) -> None:
        texts = [" ".join(self.out.subject)] + [b.text for b in self.out.opening if b.kind != "table"][:3]
        if not self.out.doc_name:  # forms or a price table: their titles tell the period
            texts += [b.text for p in self.out.parts for b in ([p.heading] if p.heading else []) + p.blocks
                      if b.kind != "table"][:5]
        for text in texts:
            week = re.search(r"tuần\s+(\d{1,2})\s+(?:tháng\s+(\d{1,2})\s*(?:năm\s+|/)(\d{4}))?", text,
                             re.IGNORECASE)
            if week:
                self.out.period = ("week", int(week.group(1)), week.group(2) and int(week.group(2)),
                                   week.group(3) and int(week.group(3)), text)
                return
            for phrase in find_period_phrases(text):
                if not isinstance(phrase.value, str):
                    self.out.period = phrase.value
                    return


def _has_notes(para: RPara) -> bool:
    return any(r.footnote for r in para.runs)


def recognize(content: DocxContent) -> Recognized:
    return Recognizer(content).run()
