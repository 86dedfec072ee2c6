"""Find the Decree 30 skeleton in the paragraphs and tables of a Word document.

The header (issuing body, national title, number, place and date), "BÁO CÁO" and the
subject, "Kính gửi", the opening, the parts and their headings, paragraphs and bullets,
tables, the closing, the signature with "Nơi nhận", and the appendix forms.  What cannot be
placed with confidence becomes a plain paragraph where it stood and a line of the import
report (``Recognized.entries``): nothing is dropped.
"""

from __future__ import annotations

import re
import unicodedata

from ..core.periods import find_period_phrases
from .docx_reader import DocxContent, RPara, RRun, RTable
from .structure import Appendix, Block, Cell, Part, Recognized, Table

# ------------------------------------------------------------------ text helpers


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").replace("\n", " ").split())


_RULE = re.compile(r"^[\s\-_=–—.*~·…o0+]*$")


def is_rule(text: str) -> bool:
    """An empty line or a line drawn with dashes/underscores (no words)."""
    stripped = text.strip()
    return not stripped or (bool(_RULE.match(stripped)) and not re.search(r"[1-9a-np-zA-NP-Z]", stripped))


def _letters(runs: list[RRun], predicate) -> float:
    total = hit = 0
    for run in runs:
        if run.footnote is not None:
            continue
        count = sum(1 for c in run.text if c.isalpha())
        total += count
        if predicate(run):
            hit += count
    return hit / total if total else 0.0


def bold_ratio(runs: list[RRun]) -> float:
    return _letters(runs, lambda r: r.bold)


def italic_ratio(runs: list[RRun]) -> float:
    return _letters(runs, lambda r: r.italic)


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def para_runs(para: RPara) -> list[RRun]:
    """The paragraph's runs with the numbering marker in front, tabs and breaks as spaces."""
    runs = [RRun(r.text.replace("\t", " ").replace("\n", " "), r.bold, r.italic, r.footnote)
            for r in para.runs]
    if para.marker:
        first = runs[0] if runs else RRun("")
        runs.insert(0, RRun(para.marker + " ", first.bold, first.italic))
    # trim outer spaces and collapse inner runs of spaces
    out: list[RRun] = []
    previous_space = True
    for run in runs:
        if run.footnote is not None:
            out.append(run)
            continue
        text = []
        for char in run.text:
            if char == " ":
                if previous_space:
                    continue
                previous_space = True
            else:
                previous_space = False
            text.append(char)
        if text:
            out.append(RRun("".join(text), run.bold, run.italic))
    while out and out[-1].footnote is None and out[-1].text.endswith(" "):
        out[-1].text = out[-1].text.rstrip(" ")
        if not out[-1].text:
            out.pop()
    return out


def runs_text(runs: list[RRun]) -> str:
    return "".join(r.text for r in runs if r.footnote is None)


# ------------------------------------------------------------------ line patterns

_NUMBER = re.compile(r"^s[ốô]\s*:", re.IGNORECASE)
_NUMBER_PARTS = re.compile(r"^s[ốô]\s*:\s*(?P<num>[^/]*?)\s*/\s*(?P<rest>\S.*?)\s*$", re.IGNORECASE)
_DATE = re.compile(
    r"^(?P<place>[^,]*?)\s*,\s*ngày\s*(?P<d>\d{0,2})[\s.…]*tháng\s*(?P<m>\d{0,2})[\s.…]*năm\s*(?P<y>\d{4})",
    re.IGNORECASE)
_AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\s*[./]\s*\S", re.IGNORECASE)
_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_MARKERS = [
    (0, re.compile(r"^phần\s+(?:thứ\s+)?(?:nhất|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|[IVX]+|\d+)\b",
                   re.IGNORECASE)),
    (1, re.compile(rf"^(?=[IVX])({_ROMAN})\s*(?:[.:/)]|\s[-–]\s?|[-–]\s)\s*\S")),
    (4, re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+\S")),
    (3, re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S")),
    (2, re.compile(r"^\d{1,2}\s*[.)/]\s*\S")),
    (5, re.compile(r"^[a-zđ]\s*\)\s*\S")),
    (-1, re.compile(r"^[A-Z]\s*\.\s+\S")),  # "A. …": a group above the Roman parts
]
_BULLET = re.compile(r"^([-–—+•*●○▪■◦➢❖✓]|\uf0b7)\s*\S")
_APPENDIX = re.compile(r"^(phụ\s+lục|biểu\s+mẫu|biểu\s+số|mẫu\s+số|biểu)\b", re.IGNORECASE)
_REFERENCE = re.compile(r"^\(\s*(kèm\s+theo|ban\s+hành\s+kèm)", re.IGNORECASE)
_DOC_NAMES = ("BÁO CÁO", "KẾ HOẠCH", "TỜ TRÌNH", "THÔNG BÁO", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH")
_CLOSING = re.compile(r"^trên\s+đây\s+là", re.IGNORECASE)
_CAPTION_WORDS = ("nguoi bao cao", "nguoi lap bieu", "nguoi tong hop", "thu truong don vi", "nguoi ky")


def heading_level(text: str) -> int | None:
    for level, pattern in _MARKERS:
        if pattern.match(text):
            if level == 1 and not re.match(r"^[IVX]+", text):
                continue
            return level
    return None


def meaning_of(text: str) -> str:
    f = fold(text)
    bare = re.sub(r"^[\w]{1,4}[.)]\s*", "", f)
    if bare.startswith("ket qua"):
        return "results"
    if re.search(r"de xuat|kien nghi", f):
        return "proposals"
    if re.search(r"phuong huong|nhiem vu trong tam|nhiem vu .*(toi|sau|tiep theo|nam \d{4})|ke hoach .*(toi|tiep)"
                 r"|giai phap"
                 r"|(tuan|thang|quy|ky|thoi gian) (toi|sau|tiep theo)", f):
        return "directions"
    if re.search(r"kho khan|han che|ton tai|vuong mac|thuan loi|nguyen nhan", f):
        return "difficulties"
    if re.search(r"ket qua|tinh hinh|danh gia|da thuc hien|da lam", f):
        return "results"
    return "other"


# ------------------------------------------------------------------ tables


def to_grid(table: RTable, verbatim: bool = False) -> Table:
    """Word's rows of cells (gridSpan, vMerge) → a full grid with rowspan/colspan
    (``verbatim``: the runs as they are, spaces and all, for our own exports)."""
    columns = table.columns
    grid: list[list[Cell | None]] = []
    origin: dict[tuple[int, int], Cell] = {}  # covered position -> its cell
    for r, row in enumerate(table.rows):
        line: list[Cell | None] = [None] * columns
        col = row.before
        for rcell in row.cells:
            if col >= columns:
                break
            span = min(rcell.span, columns - col)
            above = origin.get((r - 1, col)) if r else None
            if rcell.vmerge == "continue" and above is not None:
                above.rowspan += 1
                for c in range(col, col + span):
                    origin[(r, c)] = above
                # text in a continued cell is unusual but must not be lost
                extra = _cell_lines(rcell, verbatim)
                if extra:
                    above.text_runs.extend(extra)
            else:
                cell = Cell(_cell_lines(rcell, verbatim), 1, span)
                line[col] = cell
                for c in range(col, col + span):
                    origin[(r, c)] = cell
            col += span
        # positions no cell reached (short rows): empty cells, so every row is as wide
        for c in range(columns):
            if (r, c) not in origin:
                cell = Cell([], 1, 1)
                line[c] = cell
                origin[(r, c)] = cell
        grid.append(line)
    return Table(grid, 0, ["data"] * len(grid), list(table.grid), table.where)


def _cell_lines(rcell, verbatim: bool = False) -> list[list[RRun]]:
    lines = []
    for para in rcell.paragraphs:
        runs = list(para.runs) if verbatim else para_runs(para)
        # (verbatim: a line of characters str.strip() takes for spaces, like U+0085, was printed)
        if runs and (runs_text(runs) if verbatim else runs_text(runs).strip()) or any(r.footnote for r in runs):
            lines.append(runs)
    return lines


def _is_tt(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}(\.\d{1,2})*\.?|[IVX]{1,5}\.?|[A-Za-zđ]\)?\.?|[-+*]", text.strip()))


def _is_column_numbers(cells: list[str]) -> bool:
    values = [c.strip() for c in cells if c.strip()]
    return len(values) >= 2 and all(re.fullmatch(r"\(?(\d{1,2}|[A-Z])\)?(\s*=.*)?", v) for v in values)


def classify_rows(table: Table, header_flags: list[bool], appendix: bool) -> None:
    rows = table.rows
    n = len(rows)
    header = 0
    if any(header_flags):
        while header < n and header_flags[header]:
            header += 1
    elif n >= 2:
        limit = min(4, n - 1)
        for index in range(limit + 1):
            first = rows[index][0]
            texts = [c.text if c else "" for c in rows[index]]
            if _is_column_numbers(texts):
                header = index + 1
                break
            if index > 0 and first is not None and _is_tt(first.text) and first.text.strip():
                header = index
                break
        else:
            header = 1 if (appendix or _row_bold(rows[0])) else 0
        # a header cell merged down reaches into the rows below: include them
        grow = True
        while grow and 0 < header < n:
            grow = False
            for cell in rows[0]:
                pass
            for r in range(header):
                for cell in rows[r]:
                    if cell is not None and r + cell.rowspan > header:
                        header = r + cell.rowspan
                        grow = True
        if not appendix and header and not all(_row_bold(rows[r]) or _is_column_numbers(
                [c.text if c else "" for c in rows[r]]) for r in range(header)):
            header = 0
    table.header_rows = min(header, n)
    kinds = []
    columns = table.columns
    for r, row in enumerate(rows):
        if r < table.header_rows:
            kinds.append("header")
            continue
        starts = [c for c in row if c is not None]
        if len(starts) == 1 and starts[0].colspan == columns and columns > 1:
            kinds.append("caption")
            continue
        first = starts[0].text.strip() if starts else ""
        figures = [c.text.strip() for c in row[2:] if c is not None] if columns > 3 else []
        if appendix and (re.fullmatch(r"[IVX]{1,5}\.?|[A-Z]\.?", first)
                         or (_row_bold(row) and figures and not any(figures))):
            kinds.append("group")
        else:
            kinds.append("data")
    table.kinds = kinds


def _row_bold(row: list[Cell | None]) -> bool:
    runs = [r for c in row if c is not None for line in c.text_runs for r in line]
    return bool(runs) and bold_ratio(runs) >= 0.8


# ------------------------------------------------------------------ the recogniser


class Recognizer:
    def __init__(self, content: DocxContent) -> None:
        self.content = content
        self.items = [item for item in content.body
                      if isinstance(item, RTable) or not is_rule(item.text) or _has_notes(item)]
        self.out = Recognized()
        self.has_roman = any(isinstance(i, RPara) and heading_level(clean(i.text)) == 1 for i in self.items)

    # ---------------------------------------------------------------- entry point

    def run(self) -> Recognized:
        out = self.out
        title = self._find_title()
        start = 0
        if title is not None:
            self._header(self.items[:title])
            start = self._title_and_subject(title)
        elif self.items and isinstance(self.items[0], RTable) and self._is_header_table(self.items[0]):
            self._header(self.items[:1])
            start = 1
            out.note(self.items[0].where, "Không thấy dòng “BÁO CÁO”: văn bản được nhập không có tên loại.",
                     kind="note")
        start = self._addressees(start)
        signature = self._find_signature(start)
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

    # ---------------------------------------------------------------- header

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

    # ---------------------------------------------------------------- title, subject, Kính gửi

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
                break
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

    # ---------------------------------------------------------------- body

    def _block(self, item) -> Block | None:
        if isinstance(item, RTable):
            table = to_grid(item)
            classify_rows(table, [row.header for row in item.rows], appendix=False)
            if any(isinstance(b, RTable) for row in item.rows for c in row.cells for b in c.blocks):
                self.out.note(item.where, "Bảng lồng trong bảng: nội dung bảng trong được đưa vào ô chứa nó.",
                              kind="note")
            return Block("table", table=table, where=item.where)
        runs = para_runs(item)
        text = runs_text(runs)
        if not text.strip() and not any(r.footnote for r in runs):
            return None
        return Block("paragraph", runs, where=item.where, align=item.align)

    def _classify(self, item: RPara, runs: list[RRun], text: str) -> tuple[str, int]:
        level = heading_level(text)
        bold = bold_ratio(runs)
        italic = italic_ratio(runs)
        style_heading = item.outline is not None or bool(re.match(r"(heading|tiêu đề|tieu de|đề mục)\s*\d",
                                                                   item.style_name))
        if item.style.startswith("CCHCHeading"):
            return "heading", _own_level(item.style, text)
        if item.style == "CCHCBullet":
            return "bullet", 1 if text.startswith("+") else 0
        if item.style == "CCHCParagraph":
            return "paragraph", 0
        if level is not None:
            if level == -1:
                level = 0 if self.has_roman else 1
            short = len(text) <= 160 and not text.rstrip().endswith(";")
            emphasised = bold >= 0.6 or (level >= 3 and italic >= 0.6)
            if emphasised or style_heading or (short and level <= 1) or (short and len(text) <= 90
                                                                         and not text.rstrip().endswith(".")):
                return "heading", level
            return "paragraph", 0
        if _BULLET.match(text):
            return "bullet", 1 if text[0] in "+◦○" else 0
        if style_heading and len(text) <= 200:
            return "heading", min(5, (item.outline or 0) + 1)
        if bold >= 0.95 and len(text) <= 160 and not text.rstrip().endswith((".", ";", ",")) \
                and not item.first_line > 0 or (bold >= 0.95 and item.align == "center" and len(text) <= 200):
            return "heading", 0  # level decided from the headings around it
        return "paragraph", 0

    def _body(self, items: list) -> None:
        out = self.out
        blocks: list[Block] = []
        last_level = 1
        for item in items:
            if isinstance(item, RTable):
                block = self._block(item)
                blocks.append(block)
                continue
            runs = para_runs(item)
            text = runs_text(runs)
            if not text.strip() and not any(r.footnote for r in runs):
                continue
            kind, level = self._classify(item, runs, text)
            if (kind == "heading" and level == 0 and blocks and blocks[-1].kind == "heading"
                    and blocks[-1].level == 0 and heading_level(blocks[-1].text) == 0 and is_caps(text)):
                blocks.append(Block(kind, runs, 0, where=item.where, align=item.align))  # the group's title line
                continue
            if kind == "heading" and level == 0 and heading_level(text) != 0 and not text.lower().startswith("phần"):
                # an unnumbered bold heading: capitals and centred open a part, else one level down
                if is_caps(text) and (item.align == "center" or not self.has_roman):
                    level = 1 if not self.has_roman else 2
                else:
                    level = min(5, last_level + 1)
                out.note(item.where, f"Tiêu đề không có số thứ tự: đặt ở cấp {level}.", text, kind="note")
            if kind == "heading":
                last_level = max(level, 1)
            blocks.append(Block(kind, runs, level, where=item.where, align=item.align))
        self._parts(blocks)

    def _parts(self, blocks: list[Block]) -> None:
        out = self.out
        levels = [b.level for b in blocks if b.kind == "heading" and b.level >= 1]
        top = min(levels) if levels else None
        part: Part | None = None
        group = ""
        index = 0
        while index < len(blocks):
            block = blocks[index]
            if block.kind == "heading" and block.level == 0:
                group = block.text
                # "PHẦN THỨ NHẤT" followed by its title line in capitals
                if index + 1 < len(blocks) and blocks[index + 1].kind == "heading" \
                        and is_caps(blocks[index + 1].text) and heading_level(blocks[index + 1].text) is None:
                    group += "\n" + blocks[index + 1].text
                    index += 1
                part = Part(heading=None, group=group, meaning=meaning_of(group))
                part.heading = block
                out.parts.append(part)
                index += 1
                continue
            if block.kind == "heading" and top is not None and block.level == top:
                part = Part(heading=block, meaning=meaning_of(block.text),
                            group=group if part is not None and part.heading is not None
                            and part.heading.level == 0 and not part.blocks else "")
                if out.parts and out.parts[-1].heading is not None and out.parts[-1].heading.level == 0 \
                        and not out.parts[-1].blocks:
                    # a "Phần thứ" heading directly followed by a Roman part: the group holds it
                    group_part = out.parts.pop()
                    part.group = group_part.group
                    part.meaning = meaning_of(part.group + " " + block.text) if part.meaning == "other" \
                        else part.meaning
                    part.group_block = group_part.heading
                out.parts.append(part)
                index += 1
                continue
            if part is None:
                if block.kind == "heading":
                    block.uncertain = True
                out.opening.append(block)
            else:
                part.blocks.append(block)
            index += 1

    def _closing_index(self, body: list) -> int:
        for index in range(len(body) - 1, -1, -1):
            item = body[index]
            if isinstance(item, RPara) and _CLOSING.match(clean(item.text)):
                return index
        for index in range(len(body) - 1, max(-1, len(body) - 3), -1):
            item = body[index]
            if isinstance(item, RPara) and clean(item.text).endswith("./.") \
                    and heading_level(clean(item.text)) is None and not _BULLET.match(clean(item.text)):
                return index
        return len(body)

    # ---------------------------------------------------------------- signature and Nơi nhận

    def _find_signature(self, start: int) -> tuple[int, str] | None:
        candidates = []
        for index in range(start, len(self.items)):
            item = self.items[index]
            if isinstance(item, RTable):
                text = fold(" ".join(p.text for row in item.rows for c in row.cells for p in c.paragraphs))
                lines = [clean(p.text) for row in item.rows for c in row.cells for p in c.paragraphs]
                if "noi nhan" in text or any(_AUTHORITY.match(line) for line in lines):
                    candidates.append((index, "table"))
                    break
                if not item.borders and len(item.rows) <= 3 and _looks_like_signature(lines):
                    candidates.append((index, "table"))
                    break
            else:
                text = clean(item.text)
                pieces = [p for p in re.split(r"\t+", item.text) if p.strip()]
                if fold(text).startswith("noi nhan") or (
                        pieces and (_AUTHORITY.match(clean(pieces[-1])) or _AUTHORITY.match(text))
                        and len(text) < 120):
                    candidates.append((index, "paragraphs"))
                    break
                if _APPENDIX.match(text) and is_caps(text.split()[0]):
                    break
        return candidates[0] if candidates else None

    def _find_appendix_start(self, start: int) -> int:
        for index in range(start, len(self.items)):
            item = self.items[index]
            if isinstance(item, RPara) and re.match(r"^PHỤ\s+LỤC\b|^BIỂU\s+MẪU\b", clean(item.text)):
                return index
        return len(self.items)

    def _signature(self, found: tuple[int, str]) -> int:
        index, kind = found
        left: list[tuple[str, RPara]] = []
        right: list[tuple[str, RPara]] = []
        if kind == "table":
            table = self.items[index]
            for row in table.rows:
                cells = [c for c in row.cells if c.paragraphs and any(clean(p.text) for p in c.paragraphs)]
                for cell in cells:
                    texts = [clean(p.text) for p in cell.paragraphs]
                    target = left if any(fold(t).startswith("noi nhan") for t in texts) or (
                        len(cells) > 1 and cell is cells[0]) else right
                    for para in cell.paragraphs:
                        for line in para.text.split("\n"):
                            target.append((clean(line), para))
            end = index + 1
            # a signature that continues in paragraphs under the table (name, captions)
            while end < len(self.items) and isinstance(self.items[end], RPara) and end - index <= 3:
                text = clean(self.items[end].text)
                if _APPENDIX.match(text) or len(text) > 60 or self.items[end].align not in ("center", "right"):
                    break
                right.append((text, self.items[end]))
                end += 1
        else:
            end = index
            named_at = None
            while end < len(self.items):
                item = self.items[end]
                if isinstance(item, RTable):
                    break
                text = clean(item.text)
                if end > index and (_APPENDIX.match(text) and is_caps(text.split()[0]) or len(text) > 160):
                    break
                if named_at is not None and (end - named_at > 2 or not _BULLET.match(text)):
                    break  # the signer's name closes the block; only recipient lines may follow
                if _is_name_line(item, right):
                    named_at = end
                raw = item.text.replace("\n", "\t")
                pieces = [p for p in re.split(r"\t+|\s{6,}", raw)]
                leading_tab = raw.startswith("\t") or (pieces and not pieces[0].strip())
                pieces = [p for p in pieces if p.strip()]
                if len(pieces) >= 2:
                    left.append((clean(pieces[0]), item))
                    right.append((clean(" ".join(pieces[1:])), item))
                elif pieces:
                    piece = clean(pieces[0])
                    if leading_tab or item.align in ("center", "right") or item.indent_left > 3000:
                        right.append((piece, item))
                    elif fold(piece).startswith("noi nhan") or _BULLET.match(piece):
                        left.append((piece, item))
                    else:
                        right.append((piece, item))
                end += 1
        self._recipients(left)
        self._signer(right)
        return end

    def _recipients(self, lines: list[tuple[str, RPara]]) -> None:
        out = self.out
        seen = False
        for text, para in lines:
            if not text or is_rule(text):
                continue
            if fold(text).startswith("noi nhan"):
                seen = True
                text = re.sub(r"^nơi\s*nhận\s*:?\s*", "", text, flags=re.IGNORECASE)
                if not text:
                    continue
            if not seen:
                self._note_signature(text, para)
                continue
            if out.recipients and not _BULLET.match(text) and not out.recipients[-1].endswith((";", ".")):
                out.recipients[-1] += " " + text  # a recipient wrapped onto a second line
                continue
            for piece in re.split(r"(?<=[;.])\s+(?=[-–+•])", text):
                piece = re.sub(r"^[-–—+•*]\s*", "", piece.strip())
                if piece:
                    out.recipients.append(piece)
        out.has_recipients = seen

    def _signer(self, lines: list[tuple[str, RPara]]) -> None:
        sig = self.out.signature
        names: list[tuple[str, RPara]] = []
        for text, para in lines:
            if not text or is_rule(text):
                continue
            if _AUTHORITY.match(text) and not sig.title:
                sig.authority.append(text)
            elif text.startswith("(") or fold(text) in _CAPTION_WORDS or fold(text).rstrip(":") in _CAPTION_WORDS:
                sig.captions.append(text)
            elif is_caps(text) and len(text) < 90:
                if not sig.title:
                    sig.title = text
                elif not sig.concurrent:
                    sig.concurrent = text
                else:
                    self._note_signature(text, para)
            elif len(text.split()) <= 6 and not sig.name:
                names.append((text, para))
                sig.name = text
            else:
                self._note_signature(text, para)
        if not sig.title and sig.authority and len(sig.authority) == 1 and not sig.authority[0].upper().startswith("TM"):
            pass

    def _note_signature(self, text: str, para: RPara) -> None:
        runs = [RRun(text)]
        self.out.closing.append(Block("paragraph", runs, where=para.where, uncertain=True))
        self.out.note(para.where, "Dòng ở khối chữ ký không nhận ra: đưa vào đoạn kết.", text, target="closing")

    # ---------------------------------------------------------------- appendices

    def _appendices(self, items: list) -> None:
        out = self.out
        current: Appendix | None = None
        lead = 0
        while lead < len(items) and isinstance(items[lead], RPara) and not _APPENDIX.match(clean(items[lead].text)):
            lead += 1
        if lead < len(items) and isinstance(items[lead], RTable) and lead <= 4:
            # lines right above a table: that form's own title (kept in their place)
            for item in items[:lead]:
                text = clean(item.text)
                if len(text) >= 120 or text.endswith("."):
                    out.note(item.where, "Đoạn văn sau chữ ký: đưa vào tiêu đề của biểu ngay sau nó.", text,
                             target=f"appendix:{len(out.appendices) + 1}")
            lead = 0
        for item in items[:lead]:
            block = self._block(item)
            if block is not None:
                block.uncertain = True
                out.closing.append(block)
                out.note(item.where, "Đoạn văn sau chữ ký, không thuộc phụ lục: đưa vào đoạn kết.", block.text,
                         target="closing")
        skip: set[int] = set()
        for item in items[lead:]:
            if id(item) in skip:
                continue
            if isinstance(item, RTable):
                if current is None or current.table is not None:
                    current = Appendix(where=item.where)
                    out.appendices.append(current)
                    out.note(item.where, "Bảng sau chữ ký không có tiêu đề: nhập thành biểu phụ lục không tên.",
                             kind="note", target=f"appendix:{len(out.appendices)}")
                table = to_grid(item)
                classify_rows(table, [row.header for row in item.rows], appendix=True)
                current.table = table
                continue
            text = clean(item.text)
            if not text:
                continue
            if current is None or (current.table is not None and _APPENDIX.match(text)):
                current = Appendix(where=item.where)
                out.appendices.append(current)
            if current.table is None and item.text.count("\t") >= 1 and not _APPENDIX.match(text):
                lines = self._tab_lines(items, items.index(item))
                if len(lines) >= 2:
                    current.table = _tab_table(lines)
                    out.note(item.where, "Bảng gõ bằng phím Tab: nhập thành bảng của biểu.", kind="note",
                             target=f"appendix:{len(out.appendices)}")
                    skip.update(id(line) for line in lines)
                    continue
            if id(item) in skip:
                continue
            if current.table is None:
                if re.match(r"^phụ\s+lục\b", text, re.IGNORECASE) and not current.heading and len(text) < 40:
                    current.heading = text
                elif _APPENDIX.match(text) and not current.form and len(text) < 40:
                    current.form = text
                elif _REFERENCE.match(text) and not current.reference:
                    current.reference = text
                else:
                    current.title.append(text)
            else:
                block = self._block(item)
                if block is not None:
                    block.uncertain = True
                    current.notes.append(block)
                    out.note(item.where, "Đoạn văn sau bảng phụ lục: giữ làm ghi chú của biểu.", text,
                             target=f"appendix:{len(out.appendices)}")

    @staticmethod
    def _tab_lines(items: list, start: int) -> list[RPara]:
        """The run of tab-separated paragraphs from ``start`` on (a table typed with Tab)."""
        lines = []
        for item in items[start:]:
            if isinstance(item, RTable) or "\t" not in item.text or _APPENDIX.match(clean(item.text)):
                break
            lines.append(item)
        return lines

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


def _tab_table(lines: list[RPara]) -> Table:
    """Paragraphs whose cells are separated by tabs → a grid (the first line its header)."""
    rows_text = [line.text.split("\t") for line in lines]
    width = max(len(row) for row in rows_text)
    grid: list[list[Cell | None]] = []
    for row in rows_text:
        cells = [Cell([[RRun(" ".join(part.split()))]] if part.strip() else [], 1, 1) for part in row]
        cells += [Cell([], 1, 1) for _ in range(width - len(cells))]
        grid.append(cells)
    table = Table(grid, 1, ["header"] + ["data"] * (len(grid) - 1), [], lines[0].where)
    classify_rows(table, [True] + [False] * (len(grid) - 1), appendix=True)
    return table


def _own_level(style: str, text: str) -> int:
    level = heading_level(text)
    if style == "CCHCHeading1":
        return 1
    if style == "CCHCHeading2":
        return 2
    return level if level and level >= 3 else 3


def _has_notes(para: RPara) -> bool:
    return any(r.footnote for r in para.runs)


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


def _is_name_line(item: RPara, right: list) -> bool:
    """A short line that is not in capitals, after a title: the signer's name."""
    pieces = [p for p in re.split(r"\t+", item.text) if p.strip()]
    if not pieces or not any(is_caps(text) for text, _ in right):
        return False
    last = clean(pieces[-1])
    return (not is_caps(last) and len(last.split()) <= 5 and not _BULLET.match(last) and not last.startswith("(")
            and (len(pieces) > 1 or item.text.startswith("\t") or item.align in ("center", "right")
                 or item.indent_left > 3000))


def _looks_like_signature(lines: list[str]) -> bool:
    caps = [l for l in lines if l and is_caps(l)]
    names = [l for l in lines if l and not is_caps(l) and len(l.split()) <= 5]
    return bool(caps) and bool(names) and any(
        re.search(r"CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|BÍ THƯ|NGƯỜI BÁO CÁO|NGƯỜI LẬP", l) for l in caps)


def recognize(content: DocxContent) -> Recognized:
    return Recognizer(content).run()
