"""One case per rule: a document that breaks it, and a near one that does not."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from cchc_desktop.core.checks import RULES, field_text, run_checks
from cchc_desktop.core.model import (Block, BlockRole, Cell, Period, PeriodKind, ReportStatus, SectionKey, Table,
                                     TableColumn, TableRow)
from tests.core.strategies_clean import clean_sample


def _bullet(report, text, key=SectionKey.RESULTS):
    report.section(key).blocks.append(Block.plain(BlockRole.BULLET, text))


def _table(header, *rows):
    """A table in the results part: ``header`` then ``rows`` of cell texts."""
    def change(report):
        grid = [TableRow([Cell.plain(t) for t in row]) for row in (header, *rows)]
        table = Table([TableColumn() for _ in header], grid)
        report.section(SectionKey.RESULTS).blocks.append(Block(BlockRole.TABLE, table=table))
    return change


def _set(attr, value):
    def change(report):
        obj = report
        *path, last = attr.split(".")
        for step in path:
            obj = getattr(obj, step)
        setattr(obj, last, value)
    return change


def _row(**values):
    def change(report):
        for key, value in values.items():
            setattr(report.appendix.rows[1], key, value)
    return change


def _cell(**texts):
    def change(report):
        for key, text in texts.items():
            report.appendix.rows[1].set_text(key, text)
    return change


def _directions_heading(text):
    def change(report):
        report.section(SectionKey.DIRECTIONS).blocks[0] = Block.plain(BlockRole.HEADING1, text)
    return change


CASES = [
    ("citations.date_conflict",
     lambda r: _bullet(r, "- Thực hiện Công văn số 190/VHTT ngày 06/5/2024 và Công văn số 190/VHTT ngày 07/5/2024."),
     lambda r: _bullet(r, "- Thực hiện Công văn số 190/VHTT ngày 06/5/2024 và Công văn số 191/VHTT ngày 07/5/2024.")),
    ("placeholders.text", lambda r: _bullet(r, "- Tổ chức … hội nghị."),
     lambda r: _bullet(r, "- Tổ chức hội nghị, giao ban...")),
    ("placeholders.text", lambda r: _bullet(r, "- Tổ chức xxx hội nghị."), lambda r: _bullet(r, "- Xuất bản tài liệu.")),
    ("placeholders.text", lambda r: _bullet(r, "- Tại [tên thôn] đã họp."), lambda r: _bullet(r, "- Tại thôn đã họp.")),
    ("placeholders.text", lambda r: _bullet(r, "- Số tin bài: ............"), lambda r: _bullet(r, "- Số tin bài: 5....")),
    ("required.fields", _set("subject", " "), _set("subject", "Công tác tuyên truyền CCHC 6 tháng đầu năm 2024")),
    ("required.fields", _set("signature.name", ""), _set("signature.name", "Nguyễn Văn An")),
    ("required.fields", _set("recipients", []), _set("recipients", ["Như trên;", "Lưu: VT."])),
    ("periods.mismatch", _set("appendix.title", "BÁO CÁO TUYÊN TRUYỀN CCHC QUÝ II NĂM 2024"),
     _set("appendix.title", "BÁO CÁO TUYÊN TRUYỀN CCHC 6 THÁNG ĐẦU NĂM 2024")),
    ("periods.mismatch", _set("subject", "Công tác tuyên truyền CCHC 6 tháng đầu năm 2023"),
     _set("subject", "Công tác tuyên truyền CCHC 6 tháng đầu năm 2024")),
    ("periods.stale", lambda r: _bullet(r, "- Kết quả 6 tháng cuối năm 2024 rất tốt."),
     lambda r: _bullet(r, "- Triển khai 6 tháng cuối năm 2024.", SectionKey.DIRECTIONS)),
    ("periods.mismatch", _set("subject", "Kết quả 6 tháng đầu năm 2024 và nhiệm vụ năm 2026"),
     _set("subject", "Kết quả 6 tháng đầu năm 2024 và phương hướng, nhiệm vụ 6 tháng cuối năm 2024, "
                     "định hướng đến năm 2030")),
    ("periods.compare_self", lambda r: _bullet(r, "- Số tin bài tăng 10% so với 6 tháng đầu năm 2024."),
     lambda r: _bullet(r, "- Số tin bài tăng 10% so với 6 tháng cuối năm 2023.")),
    ("periods.mismatch", _directions_heading("III. Phương hướng 6 tháng đầu năm 2024"),
     _directions_heading("III. Phương hướng, nhiệm vụ 6 tháng cuối năm 2024")),
    ("periods.directions_next", _directions_heading("III. Phương hướng, nhiệm vụ"),
     _directions_heading("III. Phương hướng, nhiệm vụ 6 tháng cuối năm 2024")),
    ("dates.format", lambda r: _bullet(r, "- Họp ngày 5 tháng 1 năm 2024."),
     lambda r: _bullet(r, "- Họp ngày 05 tháng 01 năm 2024, ngày 15 tháng 3 năm 2024.")),
    ("dates.format", lambda r: _bullet(r, "- Họp ngày 5/3/2024."), lambda r: _bullet(r, "- Họp ngày 05/3/2024.")),
    ("dates.format", lambda r: _bullet(r, "- Họp ngày 30/02/2024."), lambda r: _bullet(r, "- Họp ngày 29/02/2024.")),
    ("dates.format", _set("number", "5"), _set("number", "05")),
    ("dates.format", lambda r: _bullet(r, "- Theo Kế hoạch số 6/KH-UBND ngày 15/01/2024."),
     lambda r: _bullet(r, "- Theo Kế hoạch số 06/KH-UBND ngày 15/01/2024.")),
    ("dates.final_missing", _set("status", ReportStatus.FINAL),
     lambda r: (_set("status", ReportStatus.FINAL)(r), _set("number", "15")(r), _set("date.day", 20)(r))),
    ("recipients.archive", _set("recipients", ["Như trên;", "Lưu: VP."]), _set("recipients", ["Như trên;", "Lưu: VT, VP."])),
    ("recipients.archive", _set("recipients", ["Như trên;", "TT Đảng ủy."]), _set("recipients", ["Như trên;", "Lưu VT."])),
    ("recipients.as_above", _set("recipients", ["TT Đảng ủy;", "Lưu: VT."]),
     lambda r: (_set("addressees", [])(r), _set("recipients", ["TT Đảng ủy;", "Lưu: VT."])(r))),
    ("recipients.punctuation", _set("recipients", ["Như trên", "Lưu: VT."]), _set("recipients", ["Như trên;", "Lưu: VT."])),
    ("recipients.punctuation", _set("recipients", ["Như trên;", "Lưu: VT;"]), _set("recipients", ["Như trên;", "Lưu: VT, VP."])),
    ("signature.consistency", _set("signature.title", "CHỦ TỊCH"), _set("signature.title", "PHÓ CHỦ TỊCH")),
    ("signature.consistency", _set("signature.authority", ["TM. ỦY BAN NHÂN DÂN"]),
     lambda r: (_set("signature.authority", ["TM. ỦY BAN NHÂN DÂN"])(r), _set("signature.title", "CHỦ TỊCH")(r))),
    ("signature.consistency", _set("signature.name", "LÊ THỊ SÁU"), _set("signature.name", "Lê Thị Sáu")),
    ("indicators.number", _row(value=Decimal(-3)), _row(value=Decimal(0))),
    ("indicators.number", _cell(value="ba mươi"), _cell(value="12,5")),
    ("indicators.unit", _row(unit=" "), _row(unit="Cuộc thi")),
    ("indicators.empty_value", _row(value=None), _row(value=Decimal(0))),
    ("typography.nfc", lambda r: _bullet(r, unicodedata.normalize("NFD", "- Tuyên truyền.")),
     lambda r: _bullet(r, "- Tuyên truyền.")),
    ("typography.double_space", lambda r: _bullet(r, "- Tuyên  truyền."), lambda r: _bullet(r, "- Tuyên truyền. ")),
    ("typography.space_before_punctuation", lambda r: _bullet(r, "- Tuyên truyền , vận động ."),
     lambda r: _bullet(r, "- Tuyên truyền, vận động; kết thúc./.")),
    ("typography.straight_quotes", lambda r: _bullet(r, '- Phong trào "Dân vận khéo".'),
     lambda r: _bullet(r, "- Phong trào “Dân vận khéo”.")),
    ("typography.legacy_font", lambda r: _bullet(r, "Céng hßa x· héi chñ nghÜa ViÖt Nam"),
     lambda r: _bullet(r, "Cộng hòa xã hội chủ nghĩa Việt Nam; ông Müller, 30°C, § 5")),
    ("typography.legacy_font", lambda r: _bullet(r, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"),
     lambda r: _bullet(r, "Cộng hòa xã hội chủ nghĩa Việt Nam")),
    ("typography.slip", _set("closing", "UBND xã báo cáo đề phòng Văn hóa biết./."),
     _set("closing", "UBND xã báo cáo để Phòng Văn hóa biết; đề phòng thiên tai./.")),
    ("required.elements", _set("elements.recipients", False),
     lambda r: (_set("addressees", [])(r), _set("elements.recipients", False)(r), _set("elements.number_line", False)(r))),
    ("indicators.percent", _row(unit="%", value=Decimal(251)), _row(unit="%", value=Decimal("98.5"))),
    ("figures.narrative_mismatch", lambda r: _bullet(r, "- Đăng 45 tin, bài tuyên truyền về CCHC trên Cổng/Trang TTĐT."),
     lambda r: _bullet(r, "- Đăng 40 tin, bài tuyên truyền về CCHC trên Cổng/Trang TTĐT; 45 tin, bài khác.")),
    ("spelling.syllable", lambda r: _bullet(r, "- Kêt quả tuyên truền."),
     lambda r: _bullet(r, "- Kết quả tuyên truyền qua Zalo, VNeID, email và Cổng dichvucong.gov.vn.")),
    ("spelling.english", lambda r: _bullet(r, "- Tổ chức meeting với nhân dân."),
     lambda r: _bullet(r, "- Tổ chức họp với nhân dân; ông Müller dự.")),
    ("words.doubled", lambda r: _bullet(r, "- Những những người dân được được hướng dẫn."),
     lambda r: _bullet(r, "- Trực tiếp tiếp nhận hồ sơ; lịch sử sử dụng; hành vi vi phạm; ngày ngày.")),
    ("typography.glued_number", lambda r: _bullet(r, "- Có 05hộ gia đình, 12cuộc họp."),
     lambda r: _bullet(r, "- Có 05 hộ gia đình, 10km đường, mẫu 2a, 15%.")),
    ("tables.total", _table(["STT", "Thôn", "Số tin, bài"], ["1", "Thôn 1", "12"], ["2", "Thôn 2", "8"],
                            ["", "Tổng cộng", "21"]),
     _table(["STT", "Thôn", "Số tin, bài"], ["1", "Thôn 1", "12"], ["2", "Thôn 2", "8"], ["", "Tổng cộng", "20"])),
    ("tables.percent", _table(["STT", "Thôn", "Số hộ", "Hộ dùng VNeID", "Tỷ lệ (%)"], ["1", "Thôn 1", "500", "210", "0,42"],
                              ["2", "Thôn 2", "200", "150", "75"], ["3", "Thôn 3", "400", "300", "75"]),
     _table(["STT", "Thôn", "Số hộ", "Hộ dùng VNeID", "Tỷ lệ (%)"], ["1", "Thôn 1", "500", "210", "42"],
            ["2", "Thôn 2", "200", "150", "75"], ["3", "Thôn 3", "400", "300", "75"])),
    ("tables.number_format", _table(["TT", "Mặt hàng", "Giá (đồng/kg)"], ["1", "Gạo", "12.000"], ["2", "Thịt", "95,000"]),
     _table(["TT", "Mặt hàng", "Giá (đồng/kg)"], ["1", "Gạo", "12.000"], ["2", "Thịt", "95.000"])),
    ("numbering.sequence", lambda r: (_bullet(r, "a) Họp dân."), _bullet(r, "c) Phát tờ rơi.")),
     lambda r: (_bullet(r, "a) Họp dân."), _bullet(r, "b) Phát tờ rơi."))),
    # issue 28: sums and numbers in the running text, real-word typos
    ("arithmetic.share", lambda r: _bullet(r, "- Đã số hóa 4.512/5.230 hồ sơ, đạt 87,63%."),
     lambda r: _bullet(r, "- Đã số hóa 4.512/5.230 hồ sơ, đạt 86,27%.")),
    ("arithmetic.total", lambda r: _bullet(r, "- Tiếp nhận 12.340 hồ sơ trực tuyến và 2.115 hồ sơ trực tiếp, tổng số 14.445 hồ sơ."),
     lambda r: _bullet(r, "- Tiếp nhận 12.340 hồ sơ trực tuyến và 2.115 hồ sơ trực tiếp, tổng số 14.455 hồ sơ.")),
    ("arithmetic.series", lambda r: _bullet(r, "- Tiếp nhận 1.250 hồ sơ, tăng 160 hồ sơ so với cùng kỳ (1.100 hồ sơ)."),
     lambda r: _bullet(r, "- Tiếp nhận 1.250 hồ sơ, tăng 150 hồ sơ so với cùng kỳ (1.100 hồ sơ).")),
    ("dates_text.stale_since", lambda r: _bullet(r, "- Từ ngày 01/01/2023 đến nay, năm 2024 tiếp nhận 1.234 hồ sơ."),
     lambda r: _bullet(r, "- Từ ngày 01/01/2024 đến nay, năm 2024 tiếp nhận 1.234 hồ sơ.")),
    ("dates_text.impossible_year", lambda r: _bullet(r, "- Hội nghị năm 20245 tại xã."),
     lambda r: _bullet(r, "- Hội nghị năm 2024 tại xã.")),
    ("doc_numbers.two_codes", lambda r: (_bullet(r, "- Quyết định số 512/QĐ-UBND ngày 05/3/2024 về cải cách hành chính."),
                                         _bullet(r, "- Quyết định số 512/QĐ-SNV ngày 05/3/2024 về cải cách hành chính.")),
     lambda r: (_bullet(r, "- Quyết định số 512/QĐ-UBND ngày 05/3/2024 về cải cách hành chính."),
                _bullet(r, "- Quyết định số 512/QĐ-UBND ngày 05/3/2024 về cải cách hành chính."))),
    ("doc_numbers.two_subjects", lambda r: (_bullet(r, "- Kế hoạch số 45/KH-UBND ngày 10/01/2024 về tuyên truyền cải cách hành chính."),
                                            _bullet(r, "- Kế hoạch số 45/KH-UBND ngày 10/01/2024 về phòng chống dịch bệnh gia súc.")),
     lambda r: (_bullet(r, "- Kế hoạch số 45/KH-UBND ngày 10/01/2024 về tuyên truyền cải cách hành chính."),
                _bullet(r, "- Kế hoạch số 45/KH-UBND ngày 10/01/2024 về tuyên truyền cải cách hành chính năm 2024."))),
    ("numbers.space_inside", lambda r: _bullet(r, "- Tiếp nhận 1, 275 hồ sơ."), lambda r: _bullet(r, "- Tiếp nhận 1.275 hồ sơ.")),
    ("numbers.decimal_mark", lambda r: (_bullet(r, "- Tỷ lệ 87,63%."), _bullet(r, "- Tỷ lệ 12.5%.")),
     lambda r: (_bullet(r, "- Tỷ lệ 87,63%."), _bullet(r, "- Tỷ lệ 12,5%."))),
    ("numbers.glued_unit", lambda r: _bullet(r, "- Hỗ trợ 1.500.000đ."), lambda r: _bullet(r, "- Hỗ trợ 1.500.000 đồng.")),
    ("realwords.typo", lambda r: _bullet(r, "- Cần sắp sếp lại các thôn."), lambda r: _bullet(r, "- Cần sắp xếp lại các thôn.")),
    # issue 24: what will not print as typed (a cell taller than a page is split)
    ("fit.page", _table(["Nội dung", "Ghi chú"], ["Tuyên truyền", "rà soát hồ sơ thủ tục " * 700]),
     _table(["Nội dung", "Ghi chú"], ["Tuyên truyền", "rà soát hồ sơ thủ tục " * 10])),
]


def _rules(change) -> list[tuple[str, str]]:
    report = clean_sample()
    change(report)
    return [(f.rule_id, field_text(report, f.location.field)) for f in run_checks(report)]


@pytest.mark.parametrize(("rule_id", "breaks", "keeps"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(rule_id, breaks, keeps) -> None:
    assert rule_id in {r for r, _t in _rules(breaks)}
    assert _rules(keeps) == []


def test_every_rule_has_a_case() -> None:
    assert {case[0] for case in CASES} == set(RULES)


def test_locations_point_at_the_offending_text() -> None:
    report = clean_sample()
    _bullet(report, "- Họp ngày 5 tháng 1 năm 2024.")
    finding = next(f for f in run_checks(report) if f.rule_id == "dates.format")
    text = field_text(report, finding.location.field)
    assert text[finding.location.start:finding.location.end] == "ngày 5 tháng 1 năm 2024"


def test_adhoc_periods_are_not_compared() -> None:
    report = clean_sample()
    report.period = Period(PeriodKind.ADHOC, 2024, label="đợt cao điểm")
    assert run_checks(report) == []


def test_field_text_rejects_unknown_paths() -> None:
    with pytest.raises(KeyError):
        field_text(clean_sample(), "sections[9].blocks[0]")
    assert field_text(clean_sample(), "appendix.rows[0].value") == "3"
    assert field_text(clean_sample(), "date") == "ngày  tháng 5 năm 2024" or "năm 2024" in field_text(clean_sample(), "date")


def test_a_month_without_its_number_does_not_crash_the_checker() -> None:
    report = clean_sample()
    report.period = Period(PeriodKind.MONTH, 2024)
    assert all(f.rule_id != "periods.mismatch" for f in run_checks(report))


def test_a_cell_of_a_superscript_digit_is_no_number() -> None:
    """"²" (m², km² split into their own cell) is a digit to str.isdigit, not to Decimal: the
    table checks read it as text instead of stopping (found by hypothesis)."""
    from cchc_desktop.core.checks.tables_rules import read_number

    assert read_number("²") is None and read_number("²3") is None
    assert read_number("12") is not None and read_number("-3") is not None
