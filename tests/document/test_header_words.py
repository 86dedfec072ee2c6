"""Table headers never break inside a word ("giả / m", issue 24 item 2): the shared layout widens
the column from columns with room to spare, or sets the header a point smaller, so that neither
writer (nor Word, whose breaking the DOCX cannot steer) has to cut it; a table too wide for
portrait goes on a landscape page of its own in the text, its page numbers running on."""

from __future__ import annotations

import copy

import docx
import pdfplumber
from docx.oxml.ns import qn

from cchc_desktop.core.model import Block, BlockRole, Cell, Table, TableColumn, TableRow
from cchc_desktop.document import measures as m
from cchc_desktop.document.export import export_docx, export_pdf
from cchc_desktop.document.fonts import text_width

from .helpers import sample_report

WORD = "Tăng/giảm"


def _report(widths: list[float], header: list[str], rows: int = 3):
    report = copy.deepcopy(sample_report())
    columns = [TableColumn(width_mm=w) for w in widths]
    body = [TableRow([Cell.plain(f"Xã số {r + 1}")] + [Cell.plain(str(r * 7 + c)) for c in range(1, len(widths))])
            for r in range(rows)]
    table = Table(columns, [TableRow([Cell.plain(h) for h in header])] + body, header_rows=1)
    report.sections[0].blocks.append(Block(BlockRole.TABLE, table=table))
    return report


def _word_lines(path, word: str) -> set[float]:
    """The tops of the characters of ``word`` as drawn (one top: never broken)."""
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            chars = page.chars
            text = "".join(c["text"] for c in chars)
            at = text.find(word[:4])
            while at >= 0:
                # the word's letters in drawing order, a line break may sit between them
                letters = [c for c in chars[at:at + len(word) + 4] if c["text"].strip()][:len(word)]
                if "".join(c["text"] for c in letters) == word:
                    return {round(c["top"]) for c in letters}
                at = text.find(word[:4], at + 1)
    raise AssertionError(f"{word!r} not found in the PDF")


def _docx_cell(path, label: str):
    for table in docx.Document(str(path)).tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text == label:
                    return table, cell
    raise AssertionError(label)


def _fits_in_word(path, label: str) -> bool:
    """The header's longest word fits its DOCX cell (width less padding) at the size written."""
    table, cell = _docx_cell(path, label)
    width_mm = int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) / 1440 * 25.4
    size_el = cell.paragraphs[0].runs[0]._r.find(qn("w:rPr")).find(qn("w:sz"))
    size = int(size_el.get(qn("w:val"))) / 2 if size_el is not None else m.STYLES["cell_header"].size
    longest = max(m.pt_to_mm(text_width(w, size, True)) for w in label.split())
    return longest <= width_mm - 2 * m.CELL_PADDING_MM


def test_a_header_word_is_never_cut_the_column_widens(tmp_path):
    # eight columns of the original's 17 mm: "Tăng/giảm" (19.5 mm at 12 pt) cannot fit as typed
    report = _report([46.0] + [17.0] * 7, ["Đơn vị", "Kỳ này", "Kỳ trước", WORD, "Kế hoạch", "Đạt", "Số", "Ghi"])
    export_pdf(report, tmp_path / "h.pdf")
    assert len(_word_lines(tmp_path / "h.pdf", WORD)) == 1
    export_docx(report, tmp_path / "h.docx")
    assert _fits_in_word(tmp_path / "h.docx", WORD)


def test_a_header_shrinks_a_point_when_no_column_has_room(tmp_path):
    # seven columns, each as narrow as its own header word allows at 11 pt: no room to give
    report = _report([165 / 7] * 7, [WORD] * 7)
    export_pdf(report, tmp_path / "s.pdf")
    assert len(_word_lines(tmp_path / "s.pdf", WORD)) == 1
    export_docx(report, tmp_path / "s.docx")
    assert _fits_in_word(tmp_path / "s.docx", WORD)
    _, cell = _docx_cell(tmp_path / "s.docx", WORD)
    assert cell.paragraphs[0].runs[0]._r.find(qn("w:rPr")).find(qn("w:sz")).get(qn("w:val")) == "22"  # 11 pt


def test_a_table_wider_than_portrait_gets_a_landscape_page_numbered_on(tmp_path):
    header = ["Đơn vị"] + [f"Thành phần {i}" for i in range(1, 15)]
    report = _report([40.0] + [18.0] * 14, header)
    export_docx(report, tmp_path / "w.docx")
    sections = docx.Document(str(tmp_path / "w.docx")).sections
    orient = [s.page_width > s.page_height for s in sections]
    assert orient[:3] == [False, True, False]
    assert all(s._sectPr.find(qn("w:pgNumType")) is None for s in sections[1:3])  # numbering runs on
    export_pdf(report, tmp_path / "w.pdf")
    with pdfplumber.open(str(tmp_path / "w.pdf")) as pdf:
        sizes = [(p.width > p.height) for p in pdf.pages]
        tops = [[w["text"] for w in p.extract_words() if w["top"] < 50] for p in pdf.pages]
    wide = sizes.index(True)
    assert tops[wide] == [str(wide + 1)]  # its number printed, counting on
    assert not sizes[-1] or len(sizes) > wide + 1
    assert len(_word_lines(tmp_path / "w.pdf", "Thành")) == 1
