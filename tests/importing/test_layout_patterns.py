"""Layouts real offices use, each read as a reader reads it (issue 23): the fixtures of
``layout_fixtures`` through the whole import, checked on the Report it gives."""

from __future__ import annotations

import pytest

from cchc_desktop.core import model as m
from cchc_desktop.importing import import_docx
from cchc_desktop.importing.words import kept_in_order, report_tokens
from tests.importing import layout_fixtures as lf
from tests.importing.make_fixtures import RECIPIENTS


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("layouts")
    cache: dict[str, tuple] = {}

    def get(name: str):
        if name not in cache:
            builder = getattr(lf, name)()
            path = folder / f"{name}.docx"
            builder.save(path)
            cache[name] = (builder, import_docx(path).report)
        return cache[name]
    return get


def _tables(report: m.Report) -> list[m.Table]:
    return [b.table for p in report.parts for b in p.blocks if b.table is not None]


def _blocks(report: m.Report) -> list[tuple[str, str]]:
    return [(b.role.value, b.text) for p in report.parts for b in p.blocks if b.table is None]


def _all_words_kept(builder, report: m.Report) -> None:
    kept, total = kept_in_order(builder.source, report_tokens(report))
    assert kept / total >= 0.999, (kept, total)


@pytest.mark.parametrize("name", ["subject_in_box", "title_in_box"])
def test_a_subject_in_a_box_is_the_subject(imported, name):
    builder, report = imported(name)
    _all_words_kept(builder, report)
    assert report.subject == lf.SUBJECT
    assert report.addressees == ["Ủy ban nhân dân huyện Nghi Xuân"]
    assert report.opening.startswith("Thực hiện Kế hoạch số 12/KH-UBND")
    assert _tables(report) == []
    assert [b.text for p in report.parts for b in p.blocks if b.role is m.BlockRole.HEADING1] == [
        "I. KẾT QUẢ ĐẠT ĐƯỢC", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ"]


def test_a_signature_table_with_an_empty_left_cell(imported):
    builder, report = imported("signature_empty_left")
    _all_words_kept(builder, report)
    assert report.signature.name == "Trần Thị Bình"
    assert report.signature.captions == ["Người báo cáo"]
    assert _tables(report) == []
    assert report.closing.startswith("Trên đây là") and "Bình" not in report.closing


def test_a_signature_in_a_nested_layout_table(imported):
    builder, report = imported("signature_nested")
    _all_words_kept(builder, report)
    sig = report.signature
    assert (sig.authority, sig.title, sig.concurrent_title, sig.name) == (
        ["TM. BAN CHỈ ĐẠO"], "PHÓ TRƯỞNG BAN", "PHÓ CHỦ TỊCH UBND TỈNH", "Nguyễn Ngọc Phúc")
    assert report.recipients == RECIPIENTS
    assert _tables(report) == []


@pytest.mark.parametrize("name", ["signature_tabs", "signature_tabs_one_paragraph"])
def test_recipients_and_signature_on_the_same_lines_with_tabs(imported, name):
    builder, report = imported(name)
    _all_words_kept(builder, report)
    sig = report.signature
    assert (sig.authority, sig.title, sig.name) == (["KT. GIÁM ĐỐC"], "PHÓ GIÁM ĐỐC", "Nguyễn Thị Kim Loan")
    assert report.recipients == ["Sở Tài chính;", "UBND các huyện, thị xã;", "Lưu: VT, QLG."]
    assert report.closing.startswith("Trên đây là") and report.closing.endswith("./.")


def test_a_form_continued_in_a_second_table_is_one_form(imported):
    builder, report = imported("continued_form")
    _all_words_kept(builder, report)
    first, second = report.appendices
    assert first.heading == "PHỤ LỤC"
    assert first.title == "BIỂU MẪU THỐNG KÊ KẾT QUẢ CẢI CÁCH HÀNH CHÍNH"
    # the blanks left for the number and the day are kept for writing them by hand
    assert first.reference == "(Kèm theo Báo cáo số      /BC-UBND ngày     tháng 10 năm 2026 của UBND xã)"
    assert (first.form_heading, first.form_title) == ("Biểu mẫu 1", "Kết quả giải quyết thủ tục hành chính")
    assert not first.continues
    assert first.table.header_rows == 2
    assert [row.cells[1].text for row in first.table.rows[2:]] == [f"Chỉ tiêu số {n}" for n in range(1, 12)]
    assert second.continues
    assert (second.form_heading, second.form_title) == ("Biểu mẫu 2", "Kết quả tuyên truyền cải cách hành chính")
    assert len(second.table.rows) == 2 + 4


def test_a_file_of_forms_only_comes_in_as_tables_and_invents_nothing(imported):
    builder, report = imported("forms_only")
    _all_words_kept(builder, report)
    tables = _tables(report)
    assert len(tables) == 2 and report.appendices == []
    for table in tables:
        assert len(table.rows) == 7
        assert [row.cells[4].text for row in table.rows[1:]] == ["0"] * 6  # cells holding "0" kept
    assert report.signature.name == "Lê Văn Cường"
    assert not report.elements.number_line and not report.elements.recipients and not report.elements.addressees
    assert report.doc_name == "" and report.subject == ""
    assert "BIỂU SỐ 01: GIÁ HÀNG HÓA THIẾT YẾU THÁNG 01/2024" in [text for _role, text in _blocks(report)]
    # the year is the forms' (their titles name the month), not the year the file is imported in
    assert (report.period.kind, report.period.year, report.date.year) == (m.PeriodKind.MONTH, 2024, 2024)


def test_a_single_price_table_is_one_table(imported):
    builder, report = imported("price_table_only")
    _all_words_kept(builder, report)
    (table,) = _tables(report)
    assert len(table.rows) == 41 and table.header_rows == 1
    assert all(row.cells[5].text == "0" for row in table.rows[1:])
    assert report.doc_name == "" and not report.elements.number_line
    assert report.signature.name == "" and not report.elements.recipients


def test_headings_read_at_their_true_level(imported):
    builder, report = imported("headings")
    _all_words_kept(builder, report)
    assert report.opening.startswith("Thực hiện Kế hoạch số 12/KH-UBND") and "“Nâng cao" in report.opening
    blocks = _blocks(report)
    roles = dict((text, role) for role, text in blocks)
    assert roles["A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"] == "part"
    assert roles["B. PHƯƠNG HƯỚNG, NHIỆM VỤ"] == "part"
    assert roles["I.Tổng quan"] == "heading1"
    assert roles["3.2.Kết quả giải quyết hồ sơ"] == roles["3.1. Rà soát thủ tục"] == roles["3.3. Thanh toán trực tuyến"]
    assert roles["3. Công tác kiểm soát thủ tục hành chính"] == "heading2"
    sentences = [text for role, text in blocks if text.startswith(("a) Tiếp tục", "b) Hồ sơ"))]
    assert [roles[text] for text in sentences] == ["paragraph", "paragraph"]
    assert roles["c) Số hóa hồ sơ"].startswith("heading")
    # a long title that is no sentence, between item headings: a heading like them
    long_title = [text for _role, text in blocks if text.startswith("b) Kết quả thanh toán")]
    assert [roles[text] for text in long_title] == [roles["a) Thanh toán qua Cổng dịch vụ công"]] == ["heading3"]
    # a group stands over the roman parts that follow it: "B." is not an item of the last part
    part_of = {b.text: i for i, p in enumerate(report.parts) for b in p.blocks}
    group = part_of["B. PHƯƠNG HƯỚNG, NHIỆM VỤ"]
    assert [b.text for b in report.parts[group].blocks] == ["B. PHƯƠNG HƯỚNG, NHIỆM VỤ"]
    assert part_of["I. NHIỆM VỤ TRỌNG TÂM"] == group + 1
    assert part_of["3.3. Thanh toán trực tuyến"] < group


def test_a_form_whose_last_rows_hold_its_signature(imported):
    builder, report = imported("form_with_signature_rows")
    _all_words_kept(builder, report)
    (table,) = _tables(report)
    assert len(table.rows) == 6
    assert [row.cells[4].text for row in table.rows[1:]] == ["0"] * 5  # the figures stay in the table
    # the head of the unit signs on the right; the left column is kept as a line of the closing
    assert (report.signature.captions, report.signature.name) == (["Thủ trưởng đơn vị"], "Phạm Thị Dung")
    assert "Lê Văn Cường" in report.closing


def test_a_form_titled_by_its_name_alone_is_a_new_form_of_the_phu_luc(imported):
    builder, report = imported("forms_titled_without_marker")
    _all_words_kept(builder, report)
    first, second = report.appendices
    assert (first.heading, first.title) == ("PHỤ LỤC", "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH")
    assert first.table.rows[-1].cells[0].text == "Ghi chú: số liệu tính đến ngày 30/9/2026."  # a note stays
    assert second.continues and second.form_title == "KẾT QUẢ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH"
    assert len(second.table.columns) == 3 and [r.cells[2].text for r in second.table.rows[1:4]] == ["0"] * 3
