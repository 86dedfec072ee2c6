"""Recognising what follows the signature: the appendix forms ("Phụ lục", "Biểu mẫu số …")
with their heading, form name, reference line, title, table (a Word table or one typed with
Tab) and notes; paragraphs that belong to no form go to the closing.

``AppendicesMixin`` is mixed into ``recognize.Recognizer``, which gives it ``items``,
``out`` and ``_block``."""

from __future__ import annotations

import re

from .docx_content import RPara, RTable
from .recognize_tables import _tab_table, classify_rows, to_grid
from .recognize_text import _APPENDIX, bold_ratio, clean, fold, is_caps
from .structure import Appendix, Recognized, Table


_PHU_LUC = re.compile(r"^phụ\s+lục\b", re.IGNORECASE)
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
        previous = None
        position = {id(item): index for index, item in enumerate(items)}
        for item in items[lead:]:
            if id(item) in skip:
                continue
            if isinstance(item, RTable):
                if current is not None and current.table is not None and isinstance(previous, RTable) \
                        and _continues(current.table, item):
                    _append_rows(current.table, item)  # the same form, continued after a page break
                    previous = item
                    continue
                if current is None or current.table is not None:
                    current = Appendix(where=item.where)
                    out.appendices.append(current)
                    out.note(item.where, "Bảng sau chữ ký không có tiêu đề: nhập thành biểu phụ lục không tên.",
                             kind="note", target=f"appendix:{len(out.appendices)}")
                table = to_grid(item)
                classify_rows(table, [row.header for row in item.rows], appendix=True)
                current.table = table
                previous = item
                continue
            previous = item
            text = clean(item.text)
            if not text:
                continue
            if current is None or (current.table is not None and (
                    _APPENDIX.match(text) or _titles_next_table(items, position[id(item)]))):
                before = out.appendices[-1] if out.appendices else None
                current = Appendix(where=item.where)
                out.appendices.append(current)
                if before is not None and not _PHU_LUC.match(text) and (before.heading or before.continues):
                    current.continues = True  # "Biểu mẫu 2" of the phụ lục the form before opened
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
                self._form_line(current, item, text)
            else:
                block = self._block(item)
                if block is not None:
                    block.uncertain = True
                    current.notes.append(block)
                    out.note(item.where, "Đoạn văn sau bảng phụ lục: giữ làm ghi chú của biểu.", text,
                             target=f"appendix:{len(out.appendices)}")

    @staticmethod
    def _form_line(form: Appendix, item: RPara, text: str) -> None:
        """A line above a form's table: the phụ lục's heading, its title and reference, the
        form's own heading ("Biểu mẫu 1") and the form's name."""
        if _PHU_LUC.match(text) and not form.heading and not form.form and len(text) < 40:
            form.heading = text
        elif _APPENDIX.match(text) and not form.form and len(text) < 40:
            form.form = text
        elif _REFERENCE.match(text) and not form.reference:
            # the blanks left for the number and the day are kept: they are written in by hand
            form.reference = " ".join(item.text.replace("\t", " ").split("\n")).strip()
        elif form.form and (form.heading or form.continues):
            form.form_title.append(text)
        else:
            form.title.append(text)

    @staticmethod
    def _tab_lines(items: list, start: int) -> list[RPara]:
        """The run of tab-separated paragraphs from ``start`` on (a table typed with Tab)."""
        lines = []
        for item in items[start:]:
            if isinstance(item, RTable) or "\t" not in item.text or _APPENDIX.match(clean(item.text)):
                break
            lines.append(item)
        return lines


def _row_texts(row: list) -> list[str]:
    return [clean(cell.text) if cell is not None else "" for cell in row]


def _continues(table: Table, item: RTable) -> bool:
    """A Word table right after a form's table (nothing but page breaks between) with as many
    columns: the same form, continued on the next page."""
    return item.columns == table.columns and bool(item.rows)


def _append_rows(table: Table, item: RTable) -> None:
    """The rows of the continuing table after the first one's, its repeated header rows dropped."""
    more = to_grid(item)
    skip = 0
    while skip < min(table.header_rows, len(more.rows)) and \
            _row_texts(more.rows[skip]) == _row_texts(table.rows[skip]):
        skip += 1
    header = table.header_rows
    table.rows.extend(more.rows[skip:])
    classify_rows(table, [True] * header + [False] * (len(table.rows) - header), appendix=True)


def _titles_next_table(items: list, start: int) -> bool:
    """The lines from ``start`` are a next form's title: at most three short title-like lines
    (centred, bold or in capitals) right above a table — not a note under the form before."""
    lines = []
    for item in items[start:]:
        if isinstance(item, RTable):
            break
        lines.append(item)
    else:
        return False
    if not lines or len(lines) > 3:
        return False
    for item in lines:
        text = clean(item.text)
        if len(text) > 200 or re.match(r"^(ghi chu|nguon|chu thich|\*)", fold(text)):
            return False
        if not (item.align == "center" or bold_ratio(item.runs) >= 0.6 or is_caps(text) or _REFERENCE.match(text)):
            return False
    return True
