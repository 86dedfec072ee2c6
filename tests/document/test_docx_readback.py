"""The DOCX read back with python-docx: page, fonts, styles per role, tables, page numbers."""

from __future__ import annotations

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from cchc_desktop.document import measures as m
from cchc_desktop.document.export import export_docx

from .helpers import sample_report, wide_report

SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "sample.docx"
    export_docx(sample_report(), path)
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def wide_docx(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "wide.docx"
    export_docx(wide_report(), path)
    return docx.Document(str(path))


def close(length, mm: float) -> bool:
    return abs(length - Mm(mm)) <= Mm(0.1)


def test_a4_margins_and_orientation_per_section(sample_docx, wide_docx):
    for document, appendix_landscape in ((sample_docx, False), (wide_docx, True)):
        sections = document.sections
        assert len(sections) == 2  # body, appendix
        for section, landscape in zip(sections, (False, appendix_landscape)):
            width, height = (297, 210) if landscape else (210, 297)
            assert close(section.page_width, width) and close(section.page_height, height)
            assert section.orientation == (WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT)
            assert close(section.top_margin, 20) and close(section.bottom_margin, 20)
            assert close(section.left_margin, 30) and close(section.right_margin, 15)


def test_every_run_is_times_new_roman_in_all_slots(sample_docx):
    parts = [sample_docx.element.body] + [s.header._element for s in sample_docx.sections]
    runs = [r for part in parts for r in part.iter(qn("w:r"))]
    assert len(runs) > 50
    for run in runs:
        fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts is not None
        assert [fonts.get(qn(slot)) for slot in SLOTS] == [m.FONT_NAME] * 4


def test_no_theme_fonts_and_vietnamese_language(sample_docx):
    styles = sample_docx.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        assert not [a for a in fonts.attrib if "heme" in a], fonts.attrib
    langs = {lang.get(qn("w:val")) for lang in styles.iter(qn("w:lang"))}
    assert langs == {"vi-VN"}


def _effective(paragraph, attr):
    values = {getattr(run.font, attr) for run in paragraph.runs}
    style_value = getattr(paragraph.style.font, attr)
    return {style_value if v is None else v for v in values}


def _paragraph(document, start: str):
    for paragraph in document.paragraphs:
        if paragraph.text.startswith(start):
            return paragraph
    for table in document.tables:
        for cell in table._cells:
            for paragraph in cell.paragraphs:
                if paragraph.text.startswith(start):
                    return paragraph
    raise AssertionError(f"no paragraph starting {start!r}")


@pytest.mark.parametrize("start, size, bold, italic", [
    ("ỦY BAN NHÂN DÂN", 13, True, False),
    ("CỘNG HÒA XÃ HỘI", 13, True, False),
    ("Độc lập - Tự do", 14, True, False),
    ("Số:", 13, False, False),
    ("Cương Gián, ngày", 14, False, True),
    ("BÁO CÁO", 14, True, False),
    ("Công tác tuyên truyền cải cách", 14, True, False),
    ("Kính gửi:", 14, False, False),
    ("Thực hiện nhiệm vụ", 14, False, False),
    ("I. KẾT QUẢ", 14, True, False),
    ("1. Tình hình", 14, True, False),
    ("2.1 Tuyên truyền", 14, True, True),
    ("- Ban hành Kế hoạch", 14, False, False),
    ("Nơi nhận:", 12, True, True),
    ("- Như trên;", 11, False, False),
    ("TM. ỦY BAN NHÂN DÂN", 14, True, False),
    ("Lê Thị Sáu", 14, True, False),
    ("PHỤ LỤC", 14, True, False),
    ("(Kèm theo Công văn", 14, False, True),
])
def test_size_bold_italic_per_role(sample_docx, start, size, bold, italic):
    paragraph = _paragraph(sample_docx, start)
    assert paragraph.style.name.startswith("CCHC")  # a named style the clerk keeps when editing
    assert _effective(paragraph, "size") == {Pt(size)}
    assert _effective(paragraph, "bold") == {bold}
    assert _effective(paragraph, "italic") == {italic}


def test_user_emphasis_survives(sample_docx):
    paragraph = _paragraph(sample_docx, "- Kết quả công tác tuyên truyền CCHC (")
    italic = [r.text for r in paragraph.runs if r.italic]
    assert italic == ["Có phụ lục báo cáo kèm theo"]


def test_body_paragraph_measures(sample_docx):
    fmt = _paragraph(sample_docx, "Thực hiện nhiệm vụ").style.paragraph_format
    assert close(fmt.first_line_indent, m.BODY_INDENT_MM)
    assert fmt.space_after == Pt(6)
    assert fmt.line_spacing == Pt(m.BODY_PITCH)
    assert fmt.alignment == 3  # justify


def _grid_mm(table):
    return [int(col.get(qn("w:w"))) * 25.4 / 1440 for col in table._tbl.tblGrid.iter(qn("w:gridCol"))]


def test_header_table_borderless_with_fixed_widths(sample_docx):
    table = sample_docx.tables[0]
    assert [round(w, 1) for w in _grid_mm(table)] == [65.0, 100.0]
    for row in table.rows:
        assert [round(c.width.mm, 1) for c in row.cells] == [65.0, 100.0]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    # Rules under the issuing body and the motto: top borders of empty centred paragraphs.
    rules = [p for c in table.rows[0].cells for p in c.paragraphs if p._p.find(".//" + qn("w:pBdr")) is not None]
    assert len(rules) == 2


def test_page_number_field_hidden_on_first_page(sample_docx):
    for section in sample_docx.sections:
        assert section.different_first_page_header_footer
    header = sample_docx.sections[0].header
    instructions = "".join(t.text for t in header._element.iter(qn("w:instrText")))
    assert instructions.strip() == "PAGE"
    first = sample_docx.sections[0].first_page_header._element
    assert not list(first.iter(qn("w:instrText")))


def test_appendix_restarts_page_numbers_on_a_new_page(sample_docx):
    appendix = sample_docx.sections[1]._sectPr
    assert appendix.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert sample_docx.sections[1].start_type == 2  # new page


def test_indicator_table_header_repeats_and_rows_never_split(sample_docx):
    table = sample_docx.tables[-1]
    rows = table._tbl.tr_lst
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(r.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    assert [c.text for c in table.rows[0].cells] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Số lượng", "Ghi chú"]
    assert sum(_grid_mm(table)) == pytest.approx(165, abs=0.2)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:sz")) for b in borders} == {"4"}  # 0.5 pt
    values = [row.cells[3].text for row in table.rows[1:]]
    assert values[-2] == "100" and values[0] == "3"


def test_signature_kept_with_last_paragraph(sample_docx):
    closing = _paragraph(sample_docx, "Trên đây là kết quả")
    assert closing.paragraph_format.keep_with_next and closing.paragraph_format.keep_together
    signature = sample_docx.tables[1]
    assert signature.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_core_properties(sample_docx):
    props = sample_docx.core_properties
    assert props.author == "Ủy ban nhân dân xã Cương Gián"
    assert props.title.startswith("Công tác tuyên truyền")
    assert props.subject.startswith("BÁO CÁO")
