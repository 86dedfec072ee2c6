"""Recognising the end of a report: where the signature block starts (a borderless table or
paragraphs with "Nơi nhận" and "TM./KT. …"), its left column (the recipients) and its right
column (authority, title, name, captions).  Lines it cannot place go to the closing.

``SignatureMixin`` is mixed into ``recognize.Recognizer``, which gives it ``items`` and
``out``."""

from __future__ import annotations

import re

from .docx_content import RCell, RPara, RRun, RTable
from .recognize_text import _APPENDIX, _BULLET, clean, fold, is_caps, is_rule
from .structure import Block, Recognized


_AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\s*[./]\s*\S", re.IGNORECASE)
_CAPTION_WORDS = ("nguoi bao cao", "nguoi lap bieu", "nguoi tong hop", "thu truong don vi", "nguoi ky")


class SignatureMixin:
    items: list
    out: Recognized

    def _find_signature(self, start: int, through_forms: bool = False) -> tuple[int, str] | None:
        """The first signature block from ``start`` on (``through_forms``: past form titles too,
        in a file of forms each followed by its signature)."""
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
                if _APPENDIX.match(text) and is_caps(text.split()[0]) and not through_forms:
                    break
        return candidates[0] if candidates else None

    def _signature(self, found: tuple[int, str]) -> int:
        index, kind = found
        left: list[tuple[str, RPara]] = []
        right: list[tuple[str, RPara]] = []
        if kind == "table":
            table = self.items[index]
            for row in _layout_rows(table):
                cells = [c for c in row if c.paragraphs and any(clean(p.text) for p in c.paragraphs)]
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
                longest = max(len(clean(line)) for line in item.text.split("\n"))
                if end > index and (_APPENDIX.match(text) and is_caps(text.split()[0]) or longest > 160):
                    break
                if named_at is not None and (end - named_at > 2 or not _BULLET.match(text)):
                    break  # the signer's name closes the block; only recipient lines may follow
                # lines ended with Shift+Enter are lines of the two columns like paragraphs
                for line in _lines_of(item):
                    if _is_name_line(line, right):
                        named_at = end
                    self._columns(line, left, right)
                end += 1
        self._recipients(left)
        self._signer(right)
        return end

    @staticmethod
    def _columns(item: RPara, left: list, right: list) -> None:
        """One typed line of the block: Nơi nhận on the left, the signature on the right, split
        at tabs (or a run of spaces); a line with one piece goes by its indent or bullet."""
        raw = item.text
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


def _lines_of(item: RPara) -> list[RPara]:
    """A paragraph's lines (Shift+Enter) as paragraphs of their own, placed like it."""
    if "\n" not in item.text:
        return [item]
    return [RPara(runs=[RRun(line)], align=item.align, indent_left=item.indent_left, where=item.where,
                  origin=item.origin) for line in item.text.split("\n")]


def split_signature_rows(table: RTable) -> list[RTable]:
    """A form whose last rows hold its signature ("Người lập biểu | Thủ trưởng đơn vị", names):
    the data rows as the table, the signature rows as a layout table of their own, so the
    figures are never read as signature lines."""
    if len(table.rows) < 4:
        return [table]
    for k in range(2, len(table.rows)):
        lines = [clean(p.text) for row in table.rows[k:] for c in row.cells for p in c.paragraphs]
        first = [clean(p.text) for c in table.rows[k].cells for p in c.paragraphs if clean(p.text)]
        if first and (any(fold(line).startswith("noi nhan") or _AUTHORITY.match(line)
                          or fold(line).rstrip(":") in _CAPTION_WORDS for line in first)) \
                and not any(re.fullmatch(r"[\d.,%]+", line) for line in lines if line):
            data = RTable(table.rows[:k], table.where, table.borders, table.grid)
            return [data, RTable(table.rows[k:], table.where, False, table.grid)]
    return [table]


def _layout_rows(table: RTable) -> list[list[RCell]]:
    """The rows of a layout table as rows of leaf cells: a cell that holds a nested table
    (Nơi nhận | signature typed in a table inside the outer one) gives that table's rows, so
    the recipients and the signer stay in columns of their own."""
    rows: list[list[RCell]] = []
    for row in table.rows:
        leaves: list[RCell] = []
        for cell in row.cells:
            nested = [b for b in cell.blocks if isinstance(b, RTable)]
            if not nested:
                leaves.append(cell)
                continue
            own = [b for b in cell.blocks if isinstance(b, RPara) and clean(b.text)]
            if own:
                leaves.append(RCell(blocks=own))
            for inner in nested:
                rows.extend(_layout_rows(inner))
        rows.append(leaves)
    return rows


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
    """A signer's title (in capitals) or a caption such as "Người báo cáo" (in any case) over
    a short line that is a name."""
    captions = [l for l in lines if l and fold(l).rstrip(":") in _CAPTION_WORDS]
    caps = [l for l in lines if l and is_caps(l)]
    names = [l for l in lines if l and not is_caps(l) and len(l.split()) <= 5 and l not in captions
             and not l.startswith("(")]
    return bool(names) and (bool(captions) or any(
        re.search(r"CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|BÍ THƯ|NGƯỜI BÁO CÁO|NGƯỜI LẬP", l) for l in caps))
