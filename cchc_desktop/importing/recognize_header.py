"""Recognising the top of a report: the header (issuing body, national title, number, place
and date), the document's name ("BÁO CÁO") with its subject, and "Kính gửi".  Lines it cannot
place go to the opening as uncertain paragraphs, with a line of the import report.

``HeaderMixin`` is mixed into ``recognize.Recognizer``, which gives it ``items`` and ``out``."""

from __future__ import annotations

import re

from .docx_content import RPara, RRun, RTable
from .recognize_text import _BULLET, bold_ratio, clean, fold, heading_level, is_caps, is_rule, para_runs, runs_text
from .structure import Block, Recognized


_NUMBER = re.compile(r"^s[ốô]\s*:", re.IGNORECASE)
_NUMBER_PARTS = re.compile(r"^s[ốô]\s*:\s*(?P<num>[^/]*?)\s*/\s*(?P<rest>\S.*?)\s*$", re.IGNORECASE)
_DATE = re.compile(
    r"^(?P<place>[^,]*?)\s*,\s*ngày\s*(?P<d>\d{0,2})[\s.…]*tháng\s*(?P<m>\d{0,2})[\s.…]*năm\s*(?P<y>\d{4})",
    re.IGNORECASE)
_DOC_NAMES = ("BÁO CÁO", "KẾ HOẠCH", "TỜ TRÌNH", "THÔNG BÁO", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH")


class HeaderMixin:
    items: list
    out: Recognized

    def _find_title(self) -> int | None:
        for index, item in enumerate(self.items[:40]):
            if isinstance(item, RTable):
                continue
            text = clean(item.text)
            upper = text.upper()
            for name in _DOC_NAMES:
                if upper == name or (upper.startswith(name + " ") and is_caps(text) and len(text) < 200):
                    if item.align == "center" or bold_ratio(item.runs) > 0.5 or item.origin == "textbox" \
                            or text == name:  # the name alone in capitals needs no formatting
                        return index
            if len(text) > 250 and not is_caps(text):
                return None  # body text already: there is no title line
        return None

    def _is_header_table(self, table: RTable) -> bool:
        text = fold(" ".join(p.text for row in table.rows for c in row.cells for p in c.paragraphs))
        return "cong hoa xa hoi chu nghia" in text or "doc lap" in text or bool(re.search(r"\bso\s*:", text))

    def _header(self, items: list) -> None:
        lines: list[tuple[str, RPara]] = []  # (column, paragraph)
        for item in items:
            if isinstance(item, RTable):
                for row in item.rows:
                    cells = row.cells
                    for c_index, cell in enumerate(cells):
                        column = "left" if c_index == 0 else ("right" if c_index == len(cells) - 1 else "middle")
                        for para in cell.paragraphs:
                            lines.extend(_split_lines(para, column))
            else:
                lines.extend(_split_lines(item, "unknown"))
        out = self.out
        left_body: list[tuple[str, bool, RPara]] = []
        for column, para in lines:
            text = clean(para.text)
            if is_rule(text):
                continue
            f = fold(text)
            if "cong hoa xa hoi chu nghia viet nam" in f:
                out.national = True
                continue
            if "doc lap" in f and "tu do" in f and "hanh phuc" in f:
                continue
            if _NUMBER.match(text):
                self._number(text, para)
                continue
            match = _DATE.match(text)
            if match:
                out.place = match.group("place").strip()
                out.day = int(match.group("d")) if match.group("d") else None
                out.month = int(match.group("m")) if match.group("m") else None
                out.year = int(match.group("y"))
                continue
            if column in ("left", "unknown", "middle") and is_caps(text) and not out.has_number_line \
                    and len(text) < 80:
                left_body.append((text, bold_ratio(para.runs) > 0.5, para))
                continue
            self._stray(para, "Dòng ở phần đầu văn bản không nhận ra (đưa vào phần mở đầu).")
        bolds = [b for _, b, _ in left_body]
        if any(bolds) and not all(bolds):
            first_bold = bolds.index(True)
            out.governing_body = [t for t, _, _ in left_body[:first_bold]]
            out.issuing_body = [t for t, _, _ in left_body[first_bold:]]
        else:
            out.issuing_body = [t for t, _, _ in left_body]

    def _number(self, text: str, para: RPara) -> None:
        out = self.out
        out.has_number_line = True
        match = _NUMBER_PARTS.match(text)
        if match:
            out.number = match.group("num").strip()
            rest = match.group("rest")
            if re.fullmatch(r"[A-ZĐ]{1,5}-[A-ZĐ0-9.\-]+", rest):
                out.doc_type, out.abbreviation = rest.split("-", 1)
                return
        # "Số: 144/2002/QĐ/BTC": kept whole as the number, type and body abbreviation empty
        out.number = re.sub(r"^s[ốô]\s*:\s*", "", text, flags=re.IGNORECASE)
        out.doc_type, out.abbreviation = "", ""
        out.note(para.where, "Số hiệu văn bản không theo mẫu “Số: …/BC-…”: giữ nguyên như đã gõ.",
                 text, kind="note", target="header")

    def _stray(self, para: RPara, message: str) -> None:
        runs = para_runs(para)
        if runs_text(runs).strip():
            self.out.opening.append(Block("paragraph", runs, where=para.where, uncertain=True))
            self.out.note(para.where, message, runs_text(runs), target="opening")

    def _title_and_subject(self, index: int) -> int:
        out = self.out
        item = self.items[index]
        text = clean(item.text)
        for name in _DOC_NAMES:
            if text.upper().startswith(name):
                out.doc_name = text[:len(name)]
                rest = text[len(name):].strip()
                if rest:
                    out.subject.append(rest)
                break
        position = index + 1
        while position < len(self.items) and len(out.subject) < 5:
            item = self.items[position]
            if isinstance(item, RTable):
                framed = _framed_lines(item)
                if not framed or out.subject:
                    break
                out.subject.extend(framed)  # the subject framed in a one-cell table: a layout, not content
                position += 1
                continue
            text = clean(item.text)
            if fold(text).startswith("kinh gui") or len(text) > 300:
                break
            if item.align != "center" and not (bold_ratio(item.runs) > 0.6 and not item.first_line):
                break
            if heading_level(text) is not None and out.subject:
                break
            out.subject.append(text)
            position += 1
        if not out.subject and position < len(self.items) and isinstance(self.items[position], RPara):
            # a plain document: the short line right under the title is the subject all the same
            text = clean(self.items[position].text)
            if text and len(text) < 250 and not fold(text).startswith("kinh gui") and heading_level(text) is None \
                    and not _BULLET.match(text):
                out.subject.append(text)
                position += 1
        return position

    def _addressees(self, position: int) -> int:
        out = self.out
        if position >= len(self.items) or isinstance(self.items[position], RTable):
            return position
        text = clean(self.items[position].text)
        if not fold(text).startswith("kinh gui"):
            return position
        rest = re.sub(r"^kính\s*gửi\s*:?\s*", "", text, flags=re.IGNORECASE)
        position += 1
        for line in re.split(r"(?<=;)\s+(?=[-–+•])", rest):
            line = _strip_item(line).rstrip(" ;.,")
            if line:
                out.addressees.append(line)
        while position < len(self.items):
            item = self.items[position]
            if isinstance(item, RTable):
                break
            text = clean(item.text)
            if not (_BULLET.match(text) and len(text) < 200 and (item.align == "center" or item.indent_left > 1000
                                                                   or text.rstrip().endswith((";", ".")))):
                break
            out.addressees.append(_strip_item(text).rstrip(" ;.,"))
            position += 1
        return position


def _framed_lines(table: RTable) -> list[str]:
    """The lines of a table of one cell holding a few short lines (a frame drawn round the
    subject), else nothing."""
    if len(table.rows) != 1 or len(table.rows[0].cells) != 1:
        return []
    cell = table.rows[0].cells[0]
    if any(isinstance(block, RTable) for block in cell.blocks):
        return []
    lines = [clean(p.text) for p in cell.paragraphs if clean(p.text)]
    if not lines or len(lines) > 4 or sum(len(line) for line in lines) > 400 \
            or any(heading_level(line) is not None or fold(line).startswith("kinh gui") for line in lines):
        return []
    return lines


def _strip_item(text: str) -> str:
    text = text.strip()
    text = re.sub(r"^[-–—+•*]\s*", "", text)
    return text.strip()


def _split_lines(para: RPara, column: str) -> list[tuple[str, RPara]]:
    """A header paragraph as (column, paragraph) lines: tabs separate the two columns and a
    line break starts a new line."""
    out = []
    for line in para.text.split("\n"):
        pieces = [p for p in re.split(r"\t+|\s{6,}", line) if p.strip()]
        if len(pieces) >= 2 and column == "unknown":
            for position, piece in enumerate(pieces):
                col = "left" if position == 0 else "right"
                out.append((col, _sub(para, piece)))
        elif pieces:
            out.append((column, _sub(para, " ".join(pieces)) if len(para.text.split("\n")) > 1 or len(pieces) > 1
                        else para))
    return out


def _sub(para: RPara, text: str) -> RPara:
    """A piece of a header paragraph, keeping bold where the whole paragraph agrees."""
    bold = bold_ratio(para.runs) > 0.5
    part_runs = [r for r in para.runs if r.footnote is None and r.text.strip() and r.text.strip() in text]
    if part_runs:
        bold = bold_ratio(part_runs) > 0.5
    return RPara(runs=[RRun(text, bold)], style=para.style, align=para.align, where=para.where,
                 origin=para.origin)
