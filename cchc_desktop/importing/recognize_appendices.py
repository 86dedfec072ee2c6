"""Recognising what follows the signature: the appendix forms ("Phụ lục", "Biểu mẫu số …")
with their heading, form name, reference line, title, table (a Word table or one typed with
Tab) and notes; paragraphs that belong to no form go to the closing.

``AppendicesMixin`` is mixed into ``recognize.Recognizer``, which gives it ``items``,
``out`` and ``_block``."""

from __future__ import annotations

import re

from .docx_content import RPara, RTable
from .recognize_tables import _tab_table, classify_rows, to_grid
from .recognize_text import _APPENDIX, clean
from .structure import Appendix, Recognized


_REFERENCE = re.compile(r"^\(\s*(kèm\s+theo|ban\s+hành\s+kèm)", re.IGNORECASE)


class AppendicesMixin:
    items: list
    out: Recognized

    def _find_appendix_start(self, start: int) -> int:
        for index in range(start, len(self.items)):
            item = self.items[index]
            if isinstance(item, RPara) and re.match(r"^PHỤ\s+LỤC\b|^BIỂU\s+MẪU\b", clean(item.text)):
                return index
        return len(self.items)

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
