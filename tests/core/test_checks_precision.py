"""Checks that do not cry wolf (issue 25): made-up cases of each false alarm seen on real
reports (must not be flagged at warning or error level) and of each slip still missed
(must be flagged).  Examples are made up in the patterns the issue describes."""

from __future__ import annotations

import pytest

from cchc_desktop.core.checks import field_text, run_checks
from cchc_desktop.core.checks.base import Severity
from cchc_desktop.core.checks.spelling import doubled_words, misspellings
from cchc_desktop.core.checks.typography import legacy_words
from cchc_desktop.core.model import (Block, BlockRole, Cell, Part, PartTag, Period, PeriodKind, Run, Signature, Table,
                                     TableColumn, TableRow)
from tests.core.check_fixtures.build import DIR, R, form, part, quarterly_next_period, report, table


def _warnings(r, prefix: str = "") -> list[tuple[str, str]]:
    out = []
    for f in run_checks(r):
        if f.severity != Severity.STYLE and f.rule_id.startswith(prefix):
            text = field_text(r, f.location.field)
            out.append((f.rule_id, text[f.location.start:f.location.end] if f.location.start is not None else ""))
    return out


def _with_paragraphs(*texts: str):
    r = quarterly_next_period()
    r.parts[0].blocks += [Block.plain(BlockRole.PARAGRAPH, t) for t in texts]
    return r


def _with_table(headers: list[str], rows: list[list[str]]):
    r = quarterly_next_period()
    grid = [TableRow([Cell.plain(t) for t in headers])] + [TableRow([Cell.plain(t) for t in row]) for row in rows]
    r.parts[0].blocks.append(Block(BlockRole.TABLE, table=Table([TableColumn() for _ in headers], grid)))
    return r


# ---------------------------------------------------------------- loanwords, brands, units

LOANWORDS = ("Lắp camera và wifi tại trụ sở, cập nhật website, gửi email; quán karaoke, xe container, "
             "máy chủ server, căn cước gắn chip, nước cola, cá basa, livestream bán hàng; 12 kg gạo, "
             "500 ml dầu, 15 km đường, nhà máy 50 MW, 200 g thịt; ứng dụng Zalo, VNeID, phần mềm Excel, "
             "sản phẩm Coca-Cola® và Windows™.")


def test_loanwords_brands_and_units_are_no_warning() -> None:
    r = _with_paragraphs(LOANWORDS)
    assert [w for w in _warnings(r) if w[0].startswith(("spelling", "typography"))] == []
    # a foreign word no word list knows is a style note at most
    assert {m.word for m in misspellings(LOANWORDS)} <= {"basa", "livestream"}
    assert {m.kind for m in misspellings(LOANWORDS)} <= {"english"}


def test_trade_marks_are_no_legacy_font() -> None:
    assert legacy_words("Sản phẩm Coca-Cola® và Windows™, Colgate© được bán") == []
    assert legacy_words("Céng hßa x· héi chñ nghÜa") != []  # real TCVN3 damage still found


@pytest.mark.parametrize("text, word, hint", [
    ("Kết quả công tác nghiêp vụ", "nghiêp", ""),
    ("Sân truờng được sửa", "truờng", ""),
    ("Hồ sơ đươc giải quyết", "đươc", ""),
    ("Sản xuất được khôi phuc nhanh", "phuc", ""),
    ("Giá gạo teerngon tăng nhẹ", "teerngon", "tể ngon"),
    ("Giá dầu diezel giảm", "diezel", "diesel"),
    ("Giá xi-mang ổn định", "xi-mang", "xi măng"),
    ("Giá đôla tăng", "đôla", "đô la"),
])
def test_misspelt_vietnamese_and_loanwords_stay_warnings(text, word, hint) -> None:
    found = _warnings(_with_paragraphs(text), "spelling")
    assert found == [("spelling.syllable", word)]
    if hint:
        assert [m.hint for m in misspellings(text) if m.word == word] == [hint]


def test_the_accent_that_makes_a_word_is_suggested_first() -> None:
    r = _with_paragraphs("Sản xuất được khôi phuc nhanh")
    finding = next(f for f in run_checks(r) if f.rule_id == "spelling.syllable")
    assert finding.fixes[0].replacement == "phục"


# ---------------------------------------------------------------- doubled syllables

@pytest.mark.parametrize("text", ["Việc này dễ dàng dàng thực hiện.", "Đẩy mạnh nghiên cứu cứu.",
                                  "Cấp đổi thẻ trên trên nền tảng số."])
def test_a_syllable_said_twice_is_found(text) -> None:
    assert len(doubled_words(text)) == 1


@pytest.mark.parametrize("text", ["Lâm Đồng đồng loạt triển khai.", "Đi từ từ, dần dần ổn định.",
                                  "Ngày ngày phát thanh tin bài.", "Giá gas Gas Total tăng.",
                                  "Biểu thuế thuế nhập khẩu ưu đãi.", "Chốc chốc lại kiểm tra."])
def test_names_and_reduplicative_words_are_no_doubling(text) -> None:
    assert doubled_words(text) == ()


# ---------------------------------------------------------------- blanks, signer, periods

def test_dots_for_and_so_on_are_no_blank_but_dots_for_a_value_are() -> None:
    r = _with_paragraphs("Luật A, Luật B... quy định mới về thủ tục.", "Thực hiện Luật Đất đai... và các văn bản.")
    assert _warnings(r, "placeholders") == []
    r = _with_paragraphs("Số: ..../BC ngày ... tháng 3 năm 2026")
    assert [w for w in _warnings(r, "placeholders")] == [("placeholders.text", "...."), ("placeholders.text", "...")]


def test_a_price_table_sent_alone_needs_no_subject_nor_signer() -> None:
    r = _with_table(["STT", "Mặt hàng", "Giá (đồng)"], [["1", "Gạo tẻ", "12.000"], ["2", "Thịt heo", "95.000"]])
    r.parts[:] = r.parts[:0] + [r.parts[0]]
    r.parts[0].blocks = [b for b in r.parts[0].blocks if b.role == BlockRole.TABLE]
    r.doc_name, r.subject, r.opening, r.closing = "BẢNG GIÁ", "", "", ""
    r.signature, r.appendices = Signature([], "", ""), []
    assert _warnings(r, "required") == []
    r.doc_name = "BÁO CÁO"
    r.parts[0].blocks.insert(0, Block.plain(BlockRole.PARAGRAPH, "Giá cả ổn định trong tháng."))
    assert ("required.fields", "") in _warnings(r, "required")


def test_glued_authority_lines_are_found() -> None:
    r = quarterly_next_period()
    r.signature = Signature(["TM.UBND", "KT.CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Trần Văn Minh")
    assert [w[1] for w in _warnings(r, "signature")] == ["TM.UBND", "KT.CHỦ TỊCH"]


def _month_and_half(closing: str):
    return report(Period(PeriodKind.HALF1, 2026), "Kết quả công tác tháng 6 và 6 tháng đầu năm 2026",
                  "UBND xã báo cáo kết quả công tác tháng 6 và 6 tháng đầu năm 2026 như sau:",
                  [part(R, "I. KẾT QUẢ THÁNG 6 VÀ 6 THÁNG ĐẦU NĂM 2026", "- Tiếp nhận 12 hồ sơ."),
                   part(DIR, "II. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM 2026", "- Tiếp tục.")], closing)


def test_a_month_and_its_half_year_may_be_named_in_the_closing() -> None:
    assert _warnings(_month_and_half("Trên đây là báo cáo kết quả tháng 6 năm 2026./."), "periods") == []
    assert _warnings(_month_and_half("Trên đây là báo cáo kết quả tháng 5 năm 2026./."), "periods") != []


def test_a_month_of_neither_this_period_nor_the_next_is_stale() -> None:
    r = report(Period(PeriodKind.QUARTER, 2026, 1), "Kết quả công tác quý I năm 2026",
               "UBND xã báo cáo kết quả quý I năm 2026 như sau:",
               [part(R, "I. KẾT QUẢ QUÝ I NĂM 2026", "- Trong tháng 11/2025, xã tiếp nhận 12 hồ sơ.",
                     "- Tháng 2/2026 tổ chức hội nghị.", "- So với tháng 12/2025 tăng 5 hồ sơ."),
                part(DIR, "II. PHƯƠNG HƯỚNG QUÝ II NĂM 2026", "- Tháng 4/2026 tổ chức tập huấn.")],
               "Trên đây là báo cáo kết quả quý I năm 2026./.")
    assert _warnings(r, "periods") == [("periods.stale", "tháng 11/2025")]


def test_the_opening_kept_with_italic_runs_names_the_period() -> None:
    opening = Block(BlockRole.PARAGRAPH, [Run("Thực hiện "), Run("Kế hoạch số 05/KH-UBND ngày 02/01/2026", italic=True),
                                          Run(", UBND xã báo cáo kết quả tháng 4/2026 như sau:")])
    r = report(Period(PeriodKind.MONTH, 2026, 5), "Kết quả công tác tháng 5 năm 2026", "",
               [Part(PartTag.OTHER, [opening]), part(R, "I. KẾT QUẢ THÁNG 5 NĂM 2026", "- Tiếp nhận 12 hồ sơ."),
                part(DIR, "II. PHƯƠNG HƯỚNG THÁNG 6 NĂM 2026", "- Tiếp tục.")],
               "Trên đây là báo cáo kết quả tháng 5 năm 2026./.")
    assert _warnings(r, "periods") == [("periods.mismatch", "tháng 4/2026")]
    # a results part opening with a paragraph is running text, not the opening
    r.parts[0:2] = [part(R, Block.plain(BlockRole.PARAGRAPH, "Trong tháng 4/2026 và tháng 5/2026, xã tiếp nhận hồ sơ."),
                         "- Tiếp nhận 12 hồ sơ.")]
    assert [w[0] for w in _warnings(r, "periods")] != ["periods.mismatch"]


def test_one_plan_with_two_dates_when_its_issuer_is_written_two_ways() -> None:
    r = _with_paragraphs("Thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2026 của UBND tỉnh về cải cách hành chính.",
                         "Theo Kế hoạch số 45/KH-UBND ngày 21/3/2026 của UBND tỉnh Hòa Bình, xã đã triển khai.",
                         "Quyết định số 12/QĐ-UBND ngày 02/02/2026 của UBND huyện; Quyết định số 12/QĐ-UBND "
                         "ngày 05/02/2026 của UBND xã Xuân Hòa.")
    assert [w[0] for w in _warnings(r, "citations")] == ["citations.date_conflict"] * 2


# ---------------------------------------------------------------- numbering

def test_glued_markers_and_flattened_tables_keep_the_numbering() -> None:
    r = report(Period(PeriodKind.QUARTER, 2026, 3), "Kết quả công tác quý III năm 2026",
               "UBND xã báo cáo kết quả quý III năm 2026 như sau:",
               [part(R, "I. KẾT QUẢ QUÝ III NĂM 2026", "1. Tuyên truyền", "1.1.Hội nghị", "1.2. Tờ rơi",
                     Block.plain(BlockRole.PARAGRAPH, "1."), Block.plain(BlockRole.PARAGRAPH, "450"),
                     "2. Hồ sơ", "a) Trực tiếp", "b) Trực tuyến"),
                part(DIR, "II. PHƯƠNG HƯỚNG QUÝ IV NĂM 2026", "- Tiếp tục.")],
               "Trên đây là báo cáo kết quả quý III năm 2026./.")
    assert _warnings(r, "numbering") == []
    r.parts[0].blocks[3] = Block.plain(BlockRole.HEADING3, "1.3. Tờ rơi")
    assert _warnings(r, "numbering") == [("numbering.sequence", "1.3")]


# ---------------------------------------------------------------- narrative figures

def _form_report(*sentences: str):
    r = quarterly_next_period()
    body = table([["TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"]], ["tt", "indicator", "unit", "value", "note"],
                 [("d", 0, "1", "Số lớp tập huấn nghiệp vụ kiểm soát thủ tục hành chính", "Lớp", "0", ""),
                  ("d", 0, "2", "Số cơ quan thực hiện kiểm soát thủ tục hành chính", "Cơ quan, đơn vị", "1.234", ""),
                  ("d", 0, "3", "Số hồ sơ kiểm tra định kỳ về thủ tục hành chính", "Hồ sơ", "300", "")])
    r.appendices = [form("Biểu mẫu 1", "KẾT QUẢ QUÝ III NĂM 2026", "", body)]
    r.parts[0].blocks += [Block.plain(BlockRole.PARAGRAPH, s) for s in sentences]
    return r


def test_plans_and_special_kinds_are_not_held_to_the_form() -> None:
    r = _form_report("Dự kiến tổ chức 6 lớp tập huấn nghiệp vụ kiểm soát thủ tục hành chính trong quý tới.",
                     "Đã kiểm tra 512 hồ sơ thủ tục hành chính theo chuyên đề.")
    assert _warnings(r, "figures") == []


def test_a_figure_against_its_row_with_the_unit_written_in_part_is_a_warning() -> None:
    r = _form_report("Trong quý có 1.243 đơn vị thực hiện kiểm soát thủ tục hành chính.")
    findings = [f for f in run_checks(r) if f.rule_id == "figures.narrative_mismatch"]
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "Biểu mẫu 1" in findings[0].message and "Phần I" in findings[0].message


# ---------------------------------------------------------------- table arithmetic

def test_a_total_row_that_is_not_the_sum_is_found() -> None:
    rows = [["1", "Xã A", "500", "210"], ["2", "Xã B", "200", "150"], ["", "Tổng cộng", "750", "360"]]
    assert _warnings(_with_table(["STT", "Đơn vị", "Số hồ sơ", "Đúng hạn"], rows), "tables") == \
        [("tables.total", "750")]


def test_scores_numbering_and_other_units_are_not_summed() -> None:
    rows = [["1", "Xã A", "18", "90,5"], ["2", "Xã B", "17", "85"], ["", "Tổng cộng", "18", "87,75"]]
    assert _warnings(_with_table(["STT", "Đơn vị", "Điểm đạt", "Tỷ lệ (%)"], rows), "tables") == []


def test_a_percentage_off_its_count_and_base_is_found_with_the_hundredfold_slip_named() -> None:
    rows = [["1", "Xã A", "500", "210", "0,42"], ["2", "Xã B", "200", "150", "75"], ["3", "Xã C", "400", "300", "75"],
            ["4", "Xã D", "100", "90", "90"]]
    r = _with_table(["STT", "Đơn vị", "Số hồ sơ", "Đúng hạn", "Tỷ lệ đúng hạn (%)"], rows)
    findings = [f for f in run_checks(r) if f.rule_id == "tables.percent"]
    assert len(findings) == 1 and "42" in findings[0].message and "100 lần" in findings[0].message


@pytest.mark.parametrize("cells", [["98.75", "102,30", "101,20"], ["450,000", "12.000", "35.000"]])
def test_one_table_writing_numbers_two_ways_is_found(cells) -> None:
    rows = [[str(i + 1), name, value] for i, (name, value) in enumerate(zip(["Gạo", "Thịt", "Cá"], cells))]
    assert _warnings(_with_table(["TT", "Mặt hàng", "Giá"], rows), "tables") == [("tables.number_format", cells[0])]


def test_one_table_writing_numbers_one_way_is_fine() -> None:
    rows = [["1", "Gạo", "12.000", "98,75"], ["2", "Thịt", "95.000", "102,30"]]
    assert _warnings(_with_table(["TT", "Mặt hàng", "Giá", "Chỉ số"], rows), "tables") == []


def test_subtotal_rows_of_a_flattened_table_are_no_slip() -> None:
    rows = [["I", "Khối sở, ngành", "30"], ["1", "Sở A", "10"], ["2", "Sở B", "20"],
            ["II", "Khối huyện", "15"], ["1", "Huyện C", "15"], ["", "Tổng cộng", "45"]]
    assert _warnings(_with_table(["STT", "Đơn vị", "Số hồ sơ"], rows), "tables") == []
    rows[-1][2] = "46"
    assert _warnings(_with_table(["STT", "Đơn vị", "Số hồ sơ"], rows), "tables") == [("tables.total", "46")]


def test_a_total_over_overlapping_breakdowns_is_no_slip() -> None:
    rows = [["", "Tổng số", "100"], ["", "Trong đó:", ""], ["", "Nam", "60"], ["", "Nữ", "40"],
            ["", "Người dân tộc thiểu số", "25"]]
    assert _warnings(_with_table(["TT", "Nội dung", "Số người"], rows), "tables") == []


def test_decimals_with_three_places_and_outline_numbers_are_no_second_way() -> None:
    rows = [["1.1", "Lúa", "12.000", "1,125"], ["1.2", "Ngô", "8.500", "0,750"], ["2.1", "Rau", "3.000", "2,5"]]
    assert _warnings(_with_table(["Mục", "Cây trồng", "Diện tích (m²)", "Năng suất (tấn/ha)"], rows), "tables") == []


@pytest.mark.parametrize("word", ["teams", "inox", "nilon", "vip", "maps"])
def test_english_plurals_and_unknown_loanwords_are_no_telex_nor_misspelt_loanword(word) -> None:
    assert _warnings(_with_paragraphs(f"Đơn vị sử dụng {word} trong công tác."), "spelling") == []


def test_chat_shorthand_is_a_slip() -> None:
    assert _warnings(_with_paragraphs("Hồ sơ ko đúng hạn."), "spelling") == [("spelling.syllable", "ko")]


def test_a_collective_bodys_deputy_without_kt_is_a_warning_a_head_office_ones_an_error() -> None:
    r = quarterly_next_period()
    r.signature = Signature(["TM. BAN CHỈ ĐẠO"], "PHÓ TRƯỞNG BAN", "Nguyễn Văn Ba")
    assert [f.severity for f in run_checks(r) if f.rule_id == "signature.consistency"] == [Severity.WARNING]
    r.signature = Signature(["UBND XÃ"], "PHÓ CHỦ TỊCH", "Nguyễn Văn Ba")
    assert [f.severity for f in run_checks(r) if f.rule_id == "signature.consistency"] == [Severity.ERROR]


def test_another_kind_of_the_same_unit_is_not_the_rows_figure() -> None:
    r = quarterly_next_period()
    body = table([["TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"]], ["tt", "indicator", "unit", "value", "note"],
                 [("d", 0, "1", "Số đội trực thuộc Chi cục", "Đội", "11", ""),
                  ("d", 0, "2", "Số cuộc kiểm tra thường xuyên của Chi cục", "Cuộc", "40", "")])
    r.appendices = [form("Biểu mẫu 1", "KẾT QUẢ QUÝ III NĂM 2026", "", body)]
    r.parts[0].blocks += [Block.plain(BlockRole.PARAGRAPH, s) for s in (
        "Chi cục gồm 12 Đội quản lý thị trường.", "Các đội trực thuộc Chi cục tổ chức 41 cuộc kiểm tra thường xuyên.")]
    assert _warnings(r, "figures") == [("figures.narrative_mismatch", "41 cuộc")]


def test_a_cited_documents_month_is_not_stale() -> None:
    r = report(Period(PeriodKind.MONTH, 2026, 11), "Kết quả công tác tháng 11 năm 2026",
               "UBND xã báo cáo kết quả tháng 11 năm 2026 như sau:",
               [part(R, "I. KẾT QUẢ THÁNG 11 NĂM 2026",
                     "- Thực hiện Kế hoạch số 12/KH-UBND ngày 05/8/2026 của UBND huyện về cao điểm tháng 8/2026.",
                     "- Trong tháng 8/2026 xã tiếp nhận 12 hồ sơ."),
                part(DIR, "II. PHƯƠNG HƯỚNG THÁNG 12 NĂM 2026", "- Tiếp tục.")],
               "Trên đây là báo cáo kết quả tháng 11 năm 2026./.")
    assert _warnings(r, "periods") == [("periods.stale", "tháng 8/2026")]


def test_a_marker_run_into_the_paragraph_before_keeps_the_numbering() -> None:
    from cchc_desktop.core.checks.numbering import numbering_problems

    items = [("a", "1. Công tác chỉ đạo"), ("b", "Đã ban hành kế hoạch. 2. Công tác tuyên truyền được quan tâm."),
             ("c", "3. Kết quả giải quyết hồ sơ")]
    assert list(numbering_problems(items)) == []
    items[1] = ("b", "Đã ban hành kế hoạch, công tác tuyên truyền được quan tâm.")
    assert [p[3] for p in numbering_problems(items)] == ["3"]


def test_underlined_blanks_are_blanks() -> None:
    r = _with_paragraphs("Số: ____/BC-UBND ngày ___ tháng 3 năm 2026; tệp bao_cao_quy.docx.")
    assert _warnings(r, "placeholders") == [("placeholders.text", "____"), ("placeholders.text", "___")]
