"""A group row is never the last row of a page: it goes with its first sub-row, in the PDF and in
the DOCX (its paragraphs keep with the next, which Word and LibreOffice honour for table rows)."""

from __future__ import annotations

import copy
import io

import docx
import pdfplumber
from docx.oxml.ns import qn

from cchc_desktop.core.model import Cell, RowKind, TableRow
from cchc_desktop.document.export import docx_bytes, pdf_bytes

from .helpers import sample_report

GROUP = "Nhóm chỉ tiêu về hội nghị"


def _report(rows_before: int):
    report = copy.deepcopy(sample_report())
    table = report.appendices[0].table  # TT | Chỉ tiêu | Đơn vị tính | Số lượng | Ghi chú
    body = [TableRow([Cell.plain(str(i + 1)), Cell.plain(f"Chỉ tiêu số {i + 1} về tuyên truyền"), Cell.plain("Lượt"),
                      Cell.plain(str(i)), Cell()]) for i in range(rows_before)]
    group = TableRow([Cell.plain(str(rows_before + 1)), Cell.plain(GROUP), Cell(), Cell(), Cell()], RowKind.GROUP)
    subs = [TableRow([Cell(), Cell.plain(f"Số người dự hội nghị {k}"), Cell.plain("Người"), Cell.plain("5"), Cell()],
                     level=1) for k in range(3)]
    table.rows = table.rows[:table.header_rows] + body + [group] + subs
    return report


def _page_of(pdf, text: str) -> int:
    return next(i for i, page in enumerate(pdf.pages) if text in (page.extract_text() or ""))


def test_a_group_row_goes_to_the_page_of_its_first_sub_row():
    # the group row falls at every place around the foot of the appendix's first page
    for rows_before in range(32, 37):
        report = _report(rows_before)
        with pdfplumber.open(io.BytesIO(pdf_bytes(report))) as pdf:
            assert _page_of(pdf, GROUP) == _page_of(pdf, "hội nghị 0"), rows_before
    document = docx.Document(io.BytesIO(docx_bytes(report)))
    row = next(r for t in document.tables for r in t.rows if r.cells[1].text == GROUP)
    assert all(p._p.pPr.find(qn("w:keepNext")) is not None for c in row.cells for p in c.paragraphs)
