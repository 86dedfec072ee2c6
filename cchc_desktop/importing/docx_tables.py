"""Reading a w:tbl: its grid, borders, header rows, spans, vertical merges and old-style
horizontal merges; each cell's content read back through the reader's ``blocks``.

``TablesMixin`` is mixed into the reader (``docx_reader._Reader``), which gives it
``blocks`` and the table counter."""

from __future__ import annotations

from .docx_content import RCell, RPara, RRow, RTable
from .docx_xml import W, _attr, _children, _int, _on


class TablesMixin:
    table_count: int

    def table(self, element, origin: str, where_prefix: str) -> RTable:
        self.table_count += 1
        number = self.table_count
        table = RTable(where=f"bảng {number}")
        grid = element.find(W + "tblGrid")
        if grid is not None:
            table.grid = [_int(_attr(col, "w")) for col in grid.findall(W + "gridCol")]
        tbl_pr = element.find(W + "tblPr")
        if tbl_pr is not None:
            borders = tbl_pr.find(W + "tblBorders")
            if borders is not None:
                table.borders = any((_attr(b, "val") or "nil") not in ("nil", "none") for b in borders)
            else:
                table.borders = _attr(tbl_pr.find(W + "tblStyle"), "val") not in (None, "TableNormal")
        for r_index, tr in enumerate(_children(element, "tr"), 1):
            row = RRow()
            tr_pr = tr.find(W + "trPr")
            if tr_pr is not None:
                row.header = _on(tr_pr.find(W + "tblHeader")) or False
                row.before = _int(_attr(tr_pr.find(W + "gridBefore"), "val"))
            for c_index, tc in enumerate(_children(tr, "tc"), 1):
                cell = RCell(header=row.header)
                tc_pr = tc.find(W + "tcPr")
                if tc_pr is not None:
                    span = tc_pr.find(W + "gridSpan")
                    cell.span = max(1, _int(_attr(span, "val")) or 1)
                    vmerge = tc_pr.find(W + "vMerge")
                    if vmerge is not None:
                        cell.vmerge = "restart" if _attr(vmerge, "val") == "restart" else "continue"
                    hmerge = tc_pr.find(W + "hMerge")
                    if hmerge is not None and _attr(hmerge, "val") != "restart":
                        cell.span = 0  # old-style horizontal merge continuation
                where = f"bảng {number}, hàng {r_index}, cột {c_index}"
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
            table.rows.append(row)
        return table
