"""Reports from Word keep the page a reader knows (issue 24, item 2): figures in their columns
centred or right-aligned as in the original, text left; column widths from the original grid.

Built from small .docx files made here (python-docx), so the test needs no corpus; corpus 03 is
checked too when ../shared is present."""

from __future__ import annotations

from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from cchc_desktop.core.model import Align, BlockRole
from cchc_desktop.document.export import export_docx, export_pdf
from cchc_desktop.importing import import_file

from .helpers import REPO_ROOT

CORPUS_03 = REPO_ROOT.parent / "shared" / "corpus" / "reports" / "03-lamdong-ttpvhcc-bc-danh-gia-766-thang11-2025.docx"
WIDTHS = (15.0, 80.0, 30.0, 40.0)
FIGURES = ("97,96", "100", "5,5", "1.234")


def _word_file(path: Path, align: WD_ALIGN_PARAGRAPH) -> Path:
    """A short report with a 4-column table: TT | Đơn vị | Tỷ lệ % | Điểm; figures aligned ``align``."""
    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN TỈNH")
    document.add_paragraph("BÁO CÁO").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("Kết quả đánh giá chỉ số phục vụ").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("1. Kết quả chung")
    table = document.add_table(rows=1 + len(FIGURES), cols=4)
    table.style = "Table Grid"
    for c, label in enumerate(("TT", "Đơn vị", "Tỷ lệ %", "Điểm đạt")):
        table.rows[0].cells[c].text = label
    for r, figure in enumerate(FIGURES, 1):
        values = (str(r), f"Sở số {r} của tỉnh", figure, str(r * 3))
        for c, value in enumerate(values):
            cell = table.rows[r].cells[c]
            cell.text = value
            if c != 1:
                cell.paragraphs[0].alignment = align if c >= 2 else WD_ALIGN_PARAGRAPH.CENTER
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(docx.oxml.ns.qn("w:gridCol")), WIDTHS):
        col.set(docx.oxml.ns.qn("w:w"), str(round(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, WIDTHS):
            cell.width = Mm(width)
    document.add_paragraph("2. Nhiệm vụ thời gian tới")
    document.save(str(path))
    return path


def _table(report):
    return next(b.table for s in report.sections for b in s.blocks if b.role == BlockRole.TABLE)


@pytest.mark.parametrize("align,expected", [(WD_ALIGN_PARAGRAPH.CENTER, Align.CENTER),
                                            (WD_ALIGN_PARAGRAPH.RIGHT, Align.RIGHT)])
def test_import_keeps_the_figures_alignment_and_the_widths(tmp_path, align, expected):
    report = import_file(_word_file(tmp_path / "r.docx", align)).report
    table = _table(report)
    assert [c.align for c in table.columns] == [Align.CENTER, Align.LEFT, expected, expected]
    assert [c.width_mm for c in table.columns] == pytest.approx(WIDTHS, abs=0.2)


def _cell_paragraph_aligns(path: Path) -> list[str | None]:
    table = docx.Document(str(path)).tables[-1]
    return [str(table.rows[2].cells[c].paragraphs[0].paragraph_format.alignment or "") for c in range(4)]


def test_exports_print_figures_where_the_original_did(tmp_path):
    report = import_file(_word_file(tmp_path / "r.docx", WD_ALIGN_PARAGRAPH.RIGHT)).report
    export_docx(report, tmp_path / "o.docx")
    exported = docx.Document(str(tmp_path / "o.docx"))
    table = next(t for t in exported.tables if t.rows[0].cells[0].text == "TT")
    jc = [table.rows[2].cells[c].paragraphs[0].paragraph_format.alignment for c in range(4)]
    assert jc[0] == WD_ALIGN_PARAGRAPH.CENTER and jc[2] == jc[3] == WD_ALIGN_PARAGRAPH.RIGHT
    assert jc[1] in (None, WD_ALIGN_PARAGRAPH.LEFT)
    export_pdf(report, tmp_path / "o.pdf")
    with pdfplumber.open(str(tmp_path / "o.pdf")) as pdf:
        words = [w for page in pdf.pages for w in page.extract_words()]
    rights = [w["x1"] for w in words if w["text"] in FIGURES]
    assert len(rights) == len(FIGURES)
    assert max(rights) - min(rights) < 0.5  # right-aligned: one right edge
    lefts = [w["x0"] for w in words if w["text"] == "Sở"]
    assert max(lefts) - min(lefts) < 0.5  # text left


@pytest.mark.skipif(not CORPUS_03.exists(), reason="../shared/corpus is not present on this machine")
def test_corpus_03_figures_centred_as_in_the_original(tmp_path):
    report = import_file(CORPUS_03).report
    tables = [b.table for s in report.sections for b in s.blocks if b.role == BlockRole.TABLE]
    assert len(tables) == 5
    for table in tables:
        assert table.columns[1].align == Align.LEFT  # the departments' names
        assert all(c.align == Align.CENTER for j, c in enumerate(table.columns) if j != 1)
    export_pdf(report, tmp_path / "03.pdf")
    with pdfplumber.open(str(tmp_path / "03.pdf")) as pdf:
        words = [w for page in pdf.pages[:4] for w in page.extract_words()]
    # table 2's "Tỷ lệ %" column: 97,96 and 96,62 … centred on one axis
    centres = [(w["x0"] + w["x1"]) / 2 for w in words if w["text"] in ("97,96", "96,62", "96,55")]
    assert len(centres) >= 2 and max(centres) - min(centres) < 0.5


AGENCY = "Trung tâm Phục vụ hành chính công tỉnh"


def test_a_long_agency_name_wraps_by_words_without_a_lone_last_word(tmp_path):
    from .helpers import sample_report

    report = sample_report()
    report.organization.issuing_body = [report.organization.issuing_body[0], AGENCY]
    export_pdf(report, tmp_path / "a.pdf")
    with pdfplumber.open(str(tmp_path / "a.pdf")) as pdf:
        page = pdf.pages[0]
        left = [w for w in page.extract_words() if w["x1"] < page.width * 0.45 and w["top"] < 150]
    lines: dict[int, list[str]] = {}
    for word in left:
        lines.setdefault(round(word["top"]), []).append(word["text"])
    printed = [" ".join(words) for _, words in sorted(lines.items())]
    name_lines = [line for line in printed if any(w in AGENCY.upper().split() for w in line.split())][-2:]
    assert " ".join(name_lines) == AGENCY.upper()
    assert all(len(line.split()) >= 2 for line in name_lines)  # no word alone on a line
    export_docx(report, tmp_path / "a.docx")
    cell = docx.Document(str(tmp_path / "a.docx")).tables[0].rows[0].cells[0]
    texts = [p.text for p in cell.paragraphs if p.text]
    assert texts[-2:] == name_lines  # the same lines, set as lines Word cannot break otherwise


def test_signature_lines_leave_no_word_alone(tmp_path):
    from .helpers import sample_report

    report = sample_report()
    report.signature.concurrent_title = "Phó Chủ tịch UBND huyện"
    export_pdf(report, tmp_path / "g.pdf")
    with pdfplumber.open(str(tmp_path / "g.pdf")) as pdf:
        words = [w for page in pdf.pages for w in page.extract_words() if w["x0"] > page.width * 0.55]
    lines: dict[tuple, list[str]] = {}
    for word in words:
        lines.setdefault((word["page_number"] if "page_number" in word else 0, round(word["top"])), []).append(word["text"])
    printed = [" ".join(ws) for ws in lines.values()]
    assert "HUYỆN" not in printed and "UBND HUYỆN" in printed
    export_docx(report, tmp_path / "g.docx")
    texts = next(t for t in ([p.text for p in table.rows[0].cells[-1].paragraphs]
                              for table in docx.Document(str(tmp_path / "g.docx")).tables) if "UBND HUYỆN" in t)
    assert texts[texts.index("UBND HUYỆN") - 1] == "PHÓ CHỦ TỊCH"
