"""Reading a w:tbl: its grid, borders, header rows, spans, vertical merges and old-style
horizontal merges; each cell's content read back through the reader's ``blocks``.

``TablesMixin`` is mixed into the reader (``docx_reader._Reader``), which gives it
``blocks`` and the table counter."""

from __future__ import annotations

from collections import Counter

from ..core import model as m
from ..core.figures import is_figure
from ..store.limits import MAX_HEADER_ROWS, MAX_TABLE_ROWS
from .docx_content import RCell, RPara, RRow, RTable
from .docx_xml import MAX_TWIPS, W, _attr, _children, _on, number
from .safety import ImportRefused

MAX_COLUMNS = 100  # grid columns of one table (an appendix form has a dozen or two); also one cell's span
MAX_ROWS = MAX_TABLE_ROWS + MAX_HEADER_ROWS  # what the exchange format takes for one table


def _span(value: str | None, default: int) -> int:
    return number(value, low=0, high=MAX_COLUMNS, default=default)


class TablesMixin:
    table_count: int

    def table(self, element, origin: str, where_prefix: str) -> RTable:
        self.table_count += 1
        table_no = self.table_count
        table = RTable(where=f"bảng {table_no}")
        grid = element.find(W + "tblGrid")
        if grid is not None:
            columns = grid.findall(W + "gridCol")
            if len(columns) > MAX_COLUMNS:
                raise self._too_wide(table_no)
            table.grid = [number(_attr(col, "w"), low=0, high=MAX_TWIPS, default=0) for col in columns]
        tbl_pr = element.find(W + "tblPr")
        if tbl_pr is not None:
            borders = tbl_pr.find(W + "tblBorders")
            if borders is not None:
                table.borders = any((_attr(b, "val") or "nil") not in ("nil", "none") for b in borders)
            else:
                table.borders = _attr(tbl_pr.find(W + "tblStyle"), "val") not in (None, "TableNormal")
        for r_index, tr in enumerate(_children(element, "tr"), 1):
            if r_index > MAX_ROWS:
                raise ImportRefused(
                    f"Bảng {table_no} trong tệp có hơn {MAX_ROWS:,} dòng".replace(",", ".")
                    + ": hãy chia bảng thành nhiều phụ lục hoặc nhiều báo cáo rồi nhập lại.")
            self.tick()
            row = RRow()
            tr_pr = tr.find(W + "trPr")
            if tr_pr is not None:
                row.header = _on(tr_pr.find(W + "tblHeader")) or False
                row.before = _span(_attr(tr_pr.find(W + "gridBefore"), "val"), 0)
            for c_index, tc in enumerate(_children(tr, "tc"), 1):
                cell = RCell(header=row.header)
                tc_pr = tc.find(W + "tcPr")
                if tc_pr is not None:
                    span = tc_pr.find(W + "gridSpan")
                    cell.span = max(1, _span(_attr(span, "val"), 1))
                    vmerge = tc_pr.find(W + "vMerge")
                    if vmerge is not None:
                        cell.vmerge = "restart" if _attr(vmerge, "val") == "restart" else "continue"
                    hmerge = tc_pr.find(W + "hMerge")
                    if hmerge is not None and _attr(hmerge, "val") != "restart":
                        cell.span = 0  # old-style horizontal merge continuation
                where = f"bảng {table_no}, hàng {r_index}, cột {c_index}"
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
            width = row.before + sum(cell.span for cell in merged)
            if width > MAX_COLUMNS:
                raise self._too_wide(table_no)
            table.rows.append(row)
        return table

    @staticmethod
    def _too_wide(table_no: int) -> ImportRefused:
        # counted with every span already capped: "more than", never a made-up number
        return ImportRefused(f"Bảng {table_no} trong tệp rộng hơn {MAX_COLUMNS} cột (giới hạn của chương trình):"
                             " đây không phải bảng của một báo cáo; hãy mở bằng Word, kiểm tra bảng đó rồi nhập lại.")


# ---------------------------------------------------------------- alignment of the original


def figure_aligns(table: RTable) -> list[str]:
    """Per grid column, the prevailing alignment ("left", "center", "right", "both") of the cells
    holding one figure, one cell a column wide; "" where none does.  Header cells hold words, so
    they do not vote: the figures' own alignment is what a reader sees in the original."""
    votes: list[Counter] = [Counter() for _ in range(table.columns)]
    for row in table.rows:
        col = row.before
        for cell in row.cells:
            if cell.span == 1 and cell.vmerge != "continue" and col < len(votes):
                paras = [p for p in cell.paragraphs if p.body_text.strip()]
                if len(paras) == 1 and is_figure(paras[0].body_text.strip()):
                    votes[col][paras[0].align] += 1
            col += cell.span
    return [v.most_common(1)[0][0] if v else "" for v in votes]


_ALIGNS = {"center": m.Align.CENTER, "right": m.Align.RIGHT}


def apply_figure_aligns(columns: list[m.TableColumn], rows: list[m.TableRow], header: int,
                        aligns: list[str]) -> None:
    """Columns whose body cells all hold figures keep the original's centred or right alignment;
    text columns keep the alignment the import gave them (left; TT and unit centred)."""
    for j, column in enumerate(columns):
        align = _ALIGNS.get(aligns[j] if j < len(aligns) else "")
        if align is None:
            continue
        data = [row.cells[j].text.strip() for row in rows[header:]
                if row.kind == m.RowKind.DATA and j < len(row.cells)]
        typed = [text for text in data if text]
        # a table read without its header rows marked: their labels top the column
        while typed and not is_figure(typed[0]):
            typed.pop(0)
        if typed and all(is_figure(text) for text in typed):
            column.align = align
