"""Recognising the body: each paragraph classed as heading (with its level), bullet or
paragraph, tables turned into grids, then the blocks gathered into parts under their
headings (with "Phần thứ …" groups); and where the closing ("Trên đây là …") starts.

``PartsMixin`` is mixed into ``recognize.Recognizer``, which gives it ``out`` and
``has_roman``."""

from __future__ import annotations

import re

from .docx_content import RPara, RRun, RTable
from .recognize_tables import classify_rows, to_grid
from .recognize_text import (_BULLET, bold_ratio, clean, heading_level, is_caps, italic_ratio, meaning_of,
                             para_runs, runs_text)
from .structure import Block, Part, Recognized


_CLOSING = re.compile(r"^trên\s+đây\s+là", re.IGNORECASE)


class PartsMixin:
    out: Recognized
    has_roman: bool

    def _block(self, item) -> Block | None:
        if isinstance(item, RTable) and _is_layout_signature(item):
            # an earlier form's signature in a file of forms: its lines, not a table of the text
            lines = [p for row in item.rows for c in row.cells for p in c.paragraphs if clean(p.text)]
            self.out.note(item.where, "Khối chữ ký của một biểu: giữ các dòng như đoạn văn.",
                          " / ".join(clean(p.text) for p in lines), kind="note")
            return Block("paragraph", [r for p in lines for r in para_runs(p) + [RRun(" ")]][:-1],
                         where=item.where, uncertain=True)
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
            if level >= 4 and not style_heading and _is_sentence(text):
                return "paragraph", 0  # "a) Tiếp tục …, (… in italics)." is an item of text, not a title
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
                if block is not None:
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
            if kind == "heading" and level == 0 and heading_level(text) not in (0, -1) \
                    and not text.lower().startswith("phần"):
                # an unnumbered bold heading: capitals and centred open a part, else one level down
                if is_caps(text) and (item.align == "center" or not self.has_roman):
                    level = 1 if not self.has_roman else 2
                else:
                    level = min(5, last_level + 1)
                out.note(item.where, f"Tiêu đề không có số thứ tự: đặt ở cấp {level}.", text, kind="note")
            if kind == "heading":
                last_level = max(level, 1)
            blocks.append(Block(kind, runs, level, where=item.where, align=item.align))
        _promote_letter_items(blocks)
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


def _promote_letter_items(blocks: list[Block]) -> None:
    """"b) Kết quả … (Tỷ lệ … quốc gia" between "a)" and "c)" headings: a title too long for the
    short-title rule, not a sentence, among item headings of its list: a heading like them."""
    letters = [i for i, b in enumerate(blocks) if b.kind in ("heading", "paragraph")
               and heading_level(b.text) == 5]
    for n, i in enumerate(letters):
        block = blocks[i]
        text = block.text.rstrip()
        if block.kind != "paragraph" or len(text) > 160 or text.endswith((".", ";", ",")):
            continue
        neighbours = [blocks[j] for j in letters[max(0, n - 1):n] + letters[n + 1:n + 2]]
        if any(b.kind == "heading" and b.level == 5 for b in neighbours):
            block.kind, block.level = "heading", 5


def _is_layout_signature(table: RTable) -> bool:
    from .recognize_signature import _looks_like_signature  # late: the signature module is the larger

    lines = [clean(p.text) for row in table.rows for c in row.cells for p in c.paragraphs]
    return not table.borders and len(table.rows) <= 3 and _looks_like_signature(lines)


def _is_sentence(text: str) -> bool:
    """A full sentence (long, or ending like one) rather than an item's short title."""
    stripped = text.rstrip()
    return len(stripped) > 200 or (len(stripped) > 90 and stripped.endswith((".", ";", ".)", ";)")))


def _own_level(style: str, text: str) -> int:
    level = heading_level(text)
    if style == "CCHCHeading1":
        return 1
    if style == "CCHCHeading2":
        return 2
    return level if level and level >= 3 else 3
