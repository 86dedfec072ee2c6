"""The fixture reports (tests/fixtures/reports): their shapes, and every word of each one in its DOCX
(body and word/footnotes.xml) and in its PDF, read back with python-docx and pdfplumber."""

from __future__ import annotations

import importlib.util
import json

import docx
import pytest
from docx.oxml.ns import qn

from cchc_desktop.core.model import BlockRole, PeriodKind, RowKind
from cchc_desktop.document.export import export_docx, export_pdf

from .helpers import (FIXTURES, FIXTURES_DIR, docx_parts_text, fixture_report, missing_from, missing_in_order,
                      pdf_text, report_words, tokens)


def _builder():
    spec = importlib.util.spec_from_file_location("fixture_build", FIXTURES_DIR / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_json_files_are_what_the_builders_make():
    from cchc_desktop.store.exchange import exchange_text

    build = _builder()
    assert sorted(build.BUILDERS) == FIXTURES and len(FIXTURES) >= 8
    for name in FIXTURES:
        assert (FIXTURES_DIR / f"{name}.json").read_text(encoding="utf-8") == exchange_text(build.build(name)), (
            f"{name}.json is stale: run python tests/fixtures/reports/build.py")


def _notes(report):
    runs = [run for part in report.parts for block in part.blocks for run in block.runs]
    return [run.footnote for run in runs if run.footnote]


def test_the_fixtures_have_the_shapes_of_real_reports():
    six = fixture_report("six-parts")
    assert [p.title.split(".")[0] for p in six.parts] == ["I", "II", "III", "IV", "V", "VI"]
    grouped = fixture_report("phan-thu")
    assert [p.heading.text for p in grouped.parts if p.heading.role == BlockRole.PART] == ["Phần thứ nhất",
                                                                                          "Phần thứ hai"]
    wide = fixture_report("wide-table")
    table = next(b.table for p in wide.parts for b in p.blocks if b.role == BlockRole.TABLE)
    assert len(table.columns) == 12 and table.header_rows == 2
    assert any(c.colspan > 1 for c in table.rows[0].cells) and any(c.rowspan > 1 for c in table.body[4].cells)
    forms = fixture_report("seven-forms").appendices
    assert [a.heading for a in forms] == [f"Biểu mẫu {n}" for n in range(1, 8)]
    kinds = {row.kind for a in forms for row in a.table.body}
    assert kinds == {RowKind.DATA, RowKind.GROUP, RowKind.CAPTION}
    notes = _notes(fixture_report("footnotes"))
    assert len(notes) == 17
    report = fixture_report("footnotes")
    body, cells, note_words = report_words(report)
    assert len(note_words) * 6 > len(body) + len(cells) + len(note_words) - 60  # about a sixth of the words
    weekly = fixture_report("weekly-note")
    assert weekly.period.kind == PeriodKind.WEEK and not weekly.elements.number_line
    assert not weekly.elements.recipients and weekly.signature.title == "NGƯỜI BÁO CÁO"
    assert fixture_report("thematic").period.kind == PeriodKind.NONE
    assert fixture_report("concurrent").signature.concurrent_title == "PHÓ CHỦ TỊCH UBND TỈNH"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fixtures")
    for name in FIXTURES:
        report = fixture_report(name)
        export_docx(report, folder / f"{name}.docx")
        export_pdf(report, folder / f"{name}.pdf")
    return folder


@pytest.mark.parametrize("name", FIXTURES)
def test_docx_holds_every_word_in_order_footnotes_included(exported, name):
    body, cells, notes = report_words(fixture_report(name))
    text, footnotes = docx_parts_text(exported / f"{name}.docx")
    ours = tokens(text)
    assert missing_in_order(body, ours) == []
    assert missing_in_order(cells, ours) == []
    assert missing_in_order(notes, tokens(" ".join(footnotes))) == []
    assert len(footnotes) == sum(1 for _ in _notes(fixture_report(name))) + sum(
        1 for a in fixture_report(name).appendices for r in a.table.rows for c in r.cells for x in c.runs if x.footnote)


@pytest.mark.parametrize("name", FIXTURES)
def test_pdf_holds_every_word(exported, name):
    body, cells, notes = report_words(fixture_report(name))
    ours = tokens(pdf_text(exported / f"{name}.pdf"))
    assert missing_in_order(body, ours) == []
    assert missing_from(cells, ours) == []  # a table row's cells interleave line by line
    assert missing_in_order(notes, ours) == []


def test_docx_footnotes_are_real_footnotes(exported):
    document = docx.Document(str(exported / "footnotes.docx"))
    refs = [int(r.get(qn("w:id"))) for r in document.element.body.iter(qn("w:footnoteReference"))]
    assert refs == list(range(1, 18))  # numbered in document order
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/footnotes"))
    assert part.content_type.endswith("wordprocessingml.footnotes+xml")
    from lxml import etree

    root = etree.fromstring(part.blob)
    types = [n.get(qn("w:type")) for n in root.iter(qn("w:footnote"))]
    assert types[:2] == ["separator", "continuationSeparator"] and types[2:] == [None] * 17
    first = next(n for n in root.iter(qn("w:footnote")) if n.get(qn("w:id")) == "1")
    assert first.find(".//" + qn("w:footnoteRef")) is not None
    assert "Kế hoạch số 06/KH-UBND" in "".join(t.text for t in first.iter(qn("w:t")))
    # The reference style is a superscript; the footnote text is Times New Roman 12 pt.
    styles = document.styles.element
    ref_style = styles.find(f".//{qn('w:style')}[@{qn('w:styleId')}='CCHCFootnoteReference']")
    assert ref_style.find(".//" + qn("w:vertAlign")).get(qn("w:val")) == "superscript"
    text_style = document.styles["CCHC Chú thích cuối trang"]
    assert text_style.font.size.pt == 12 and text_style.font.name == "Times New Roman"
    settings = document.settings.element
    assert settings.find(qn("w:footnotePr")) is not None


def _table_with_header(document, text: str):
    for table in document.tables:
        if any(text in cell.text for cell in table.rows[0].cells):
            return table
    raise AssertionError(text)


def test_docx_tables_merge_repeat_headers_and_never_split_rows(exported):
    document = docx.Document(str(exported / "wide-table.docx"))
    table = _table_with_header(document, "Tháng 7")
    tbl = table._tbl
    assert len(tbl.tblGrid.findall(qn("w:gridCol"))) == 12
    rows = tbl.tr_lst
    assert [r.trPr.find(qn("w:tblHeader")) is not None for r in rows[:3]] == [True, True, False]
    assert all(r.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    first = rows[0].tc_lst
    # TT and Đơn vị merged down (restart / continue), the months merged across three columns.
    assert first[0].tcPr.find(qn("w:vMerge")).get(qn("w:val")) == "restart"
    assert rows[1].tc_lst[0].tcPr.find(qn("w:vMerge")).get(qn("w:val")) is None
    assert [tc.tcPr.find(qn("w:gridSpan")).get(qn("w:val")) for tc in first[2:5]] == ["3", "3", "3"]
    # Widths on the grid and on every cell (a merged cell: the sum of its columns).
    grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(sum(grid) - round(165 * 1440 / 25.4)) <= 12
    assert int(first[2].tcPr.find(qn("w:tcW")).get(qn("w:w"))) == pytest.approx(sum(grid[2:5]), abs=3)
    # Figures as typed, leading zeros kept; the "Tổng" merged down over two rows.
    assert [c.text for c in table.rows[2].cells[:5]] == ["1", "Xã Hòa Bình", "120", "118", "-"]
    assert table.rows[3].cells[4].text == "02"
    assert rows[6].tc_lst[-1].tcPr.find(qn("w:vMerge")).get(qn("w:val")) == "restart"


def test_docx_group_and_caption_rows(exported):
    document = docx.Document(str(exported / "six-parts.docx"))
    table = _table_with_header(document, "Kết quả thống kê")
    rows = table._tbl.tr_lst
    caption = rows[2]  # the first body row: "A | CÔNG TÁC CHỈ ĐẠO…" across the rest of the table
    cells = caption.tc_lst
    assert len(cells) == 2 and cells[1].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "5"
    bold = [r for r in cells[1].iter(qn("w:r")) if r.find(qn("w:rPr")).find(qn("w:b")) is not None]
    assert bold and "CÔNG TÁC CHỈ ĐẠO" in "".join(t.text for t in cells[1].iter(qn("w:t")))
    group = next(r for r in rows if "Hồ sơ thủ tục hành chính tiếp nhận" in "".join(t.text for t in r.iter(qn("w:t"))))
    assert all(r.find(qn("w:rPr")).find(qn("w:b")) is not None for r in group.iter(qn("w:r")))
    sub = next(r for r in rows if "Hồ sơ trực tuyến" in "".join(t.text for t in r.iter(qn("w:t"))))
    indent = sub.tc_lst[1].find(".//" + qn("w:ind"))
    assert int(indent.get(qn("w:left"))) == round(5 * 1440 / 25.4)


def test_landscape_forms_where_asked(exported):
    document = docx.Document(str(exported / "seven-forms.docx"))
    sections = document.sections
    assert len(sections) == 8  # the report, then one section (new page) per form
    landscape = [s.page_width > s.page_height for s in sections[1:]]
    assert landscape[2] and landscape[5]  # forms 3 and 6 ask for it
    import pypdf

    pages = pypdf.PdfReader(exported / "seven-forms.pdf").pages
    orientation = [float(p.mediabox.width) > float(p.mediabox.height) for p in pages]
    assert orientation.count(True) >= 2 and not orientation[0]


def test_weekly_note_has_no_number_line_and_no_recipients(exported):
    text, _ = docx_parts_text(exported / "weekly-note.docx")
    assert "Số:" not in text and "Nơi nhận" not in text
    assert "NGƯỜI BÁO CÁO" in text and "(Ký, ghi rõ họ tên)" in text
    pdf = pdf_text(exported / "weekly-note.pdf")
    assert "Số:" not in pdf and "Nơi nhận" not in pdf and "NGƯỜI BÁO CÁO" in pdf


def test_pdf_footnotes_sit_at_the_foot_of_the_page_of_their_mark(exported):
    import pdfplumber

    with pdfplumber.open(str(exported / "footnotes.pdf")) as pdf:
        seen = []
        for page in pdf.pages:
            marks = [c for c in page.chars if c["size"] < 10]
            numbers = _numbers(marks)
            bottom = [w for w in page.extract_words() if w["top"] > page.height * 0.5]
            note_starts = [int(w["text"]) for w in bottom if w["text"].isdigit() and abs(w["x0"] - 85.0) < 1.0]
            assert sorted(numbers) == note_starts, (page.page_number, numbers, note_starts)
            seen += numbers
        assert seen == list(range(1, 18))
        # The separator: a short rule a quarter of the text width long above the notes.
        lines = [ln for ln in pdf.pages[0].lines if ln["top"] > 600]
        assert lines and abs((lines[0]["x1"] - lines[0]["x0"]) - 165 * 72 / 25.4 / 4) < 1


def _numbers(marks) -> list[int]:
    """Superscript marks grouped into numbers ('1', '1' '2' → 12) by their position."""
    numbers, current, last = [], "", None
    for char in sorted(marks, key=lambda c: (round(c["top"]), c["x0"])):
        if last is not None and (abs(char["top"] - last["top"]) > 1 or char["x0"] - last["x1"] > 1):
            numbers.append(int(current))
            current = ""
        current += char["text"]
        last = char
    if current:
        numbers.append(int(current))
    return numbers


def test_fixture_json_is_exchange_format_version_2():
    for name in FIXTURES:
        data = json.loads((FIXTURES_DIR / f"{name}.json").read_text(encoding="utf-8"))
        assert data["format"] == "cchc-desktop-report" and data["version"] == 2
