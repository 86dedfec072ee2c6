"""Next report from the sample (6 tháng đầu năm 2024) for năm 2024, read back from the DOCX."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import docx

from cchc_desktop.core.indicators import column_label
from cchc_desktop.core.model import Period, PeriodKind, ReportStatus, SectionKey
from cchc_desktop.core.next_report import apply_plan, plan_next_report, stale_dates
from cchc_desktop.core.templates import load_sample
from cchc_desktop.document.export import export_docx

YEAR_2024 = Period(PeriodKind.YEAR, 2024)


def _all_text(report) -> str:
    parts = [report.subject, report.opening, report.closing, report.appendix.title]
    parts += [b.text for s in report.sections for b in s.blocks]
    return "\n".join(parts)


def test_plan_lists_every_rewrite() -> None:
    plan = plan_next_report(load_sample(), YEAR_2024)
    pairs = {(r.where, r.before, r.after) for r in plan.rewrites}
    assert ("Trích yếu", "6 tháng đầu năm 2024", "năm 2024") in pairs
    assert ("Tên phụ lục", "QUÝ/6 THÁNG/NĂM 2024", "NĂM 2024") in pairs
    assert any(r.before == "6 tháng cuối năm 2024" and r.after == "năm 2025" for r in plan.rewrites)
    assert all(r.enabled for r in plan.rewrites)
    for r in plan.rewrites:
        assert r.context[r.start:r.end] == r.before


def test_next_report_for_the_year() -> None:
    sample = load_sample()
    sample.number, sample.status = "15", ReportStatus.FINAL
    new = apply_plan(sample, plan_next_report(sample, YEAR_2024, previous_columns=True))
    assert new.subject.endswith("năm 2024") and "6 tháng" not in new.subject
    directions = " ".join(b.text for b in new.section(SectionKey.DIRECTIONS).blocks)
    assert "năm 2025" in directions
    assert "6 tháng đầu năm 2024" not in _all_text(new)
    assert "6 tháng cuối năm 2024" not in _all_text(new)
    assert new.appendix.title == "BÁO CÁO TUYÊN TRUYỀN CCHC NĂM 2024"
    assert (new.number, new.status, new.id) == ("", ReportStatus.DRAFT, None)
    assert (new.date.year, new.date.month, new.date.day) == (2024, None, None)
    assert new.period == YEAR_2024
    # copied as they were
    assert new.recipients == sample.recipients and new.signature == sample.signature
    assert new.organization == sample.organization
    assert [r.indicator for r in new.appendix.rows] == [r.indicator for r in sample.appendix.rows]
    # figures: cleared, old ones in the previous column
    assert all(r.value is None for r in new.appendix.rows)
    assert [r.previous for r in new.appendix.rows] == [r.value for r in sample.appendix.rows]
    keys = [c.key for c in new.appendix.table.columns]
    assert keys.index("previous") == keys.index("value") - 1
    label = column_label(new.appendix.table, keys.index("previous"))
    assert label == "Kỳ trước (6 tháng đầu năm 2024)"
    assert sample.subject.endswith("6 tháng đầu năm 2024")  # the old report is untouched


def test_unticked_rewrites_are_not_applied() -> None:
    sample = load_sample()
    plan = plan_next_report(sample, YEAR_2024)
    for r in plan.rewrites:
        r.enabled = r.location != "subject"
    new = apply_plan(sample, plan)
    assert new.subject == sample.subject
    assert "6 tháng đầu năm 2024" not in new.opening


def test_no_chained_rewrite_year_to_year() -> None:
    sample = apply_plan(load_sample(), plan_next_report(load_sample(), YEAR_2024, previous_columns=True))
    new = apply_plan(sample, plan_next_report(sample, Period(PeriodKind.YEAR, 2025)))
    directions = " ".join(b.text for b in new.section(SectionKey.DIRECTIONS).blocks)
    assert new.subject.endswith("năm 2025")
    assert "năm 2026" in directions and "năm 2025" not in directions.split("III.")[-1][:120]
    # the previous column is relabelled, not added twice
    assert [c.key for c in new.appendix.table.columns].count("previous") == 1


def test_year_label_inside_a_longer_phrase_is_left_alone() -> None:
    sample = apply_plan(load_sample(), plan_next_report(load_sample(), YEAR_2024))
    sample.opening = "So với 6 tháng đầu năm 2024, năm 2024 tăng."
    plan = plan_next_report(sample, Period(PeriodKind.YEAR, 2025))
    opening = [r for r in plan.rewrites if r.location == "opening"]
    assert [(r.before, r.after) for r in opening] == [("năm 2024", "năm 2025")]


def test_stale_dates_of_the_old_period_are_found() -> None:
    sample = load_sample()
    new = apply_plan(sample, plan_next_report(sample, YEAR_2024))
    found = stale_dates(new, sample.period)
    texts = {(loc, _text(new, loc)[s:e]) for loc, s, e in found}
    assert any(t == "15/01/2024" for _loc, t in texts)
    assert all(t != "15/7/2021" for _loc, t in texts)  # outside the period: not flagged
    new.closing = "Họp ngày 20 tháng 3 năm 2024; ngày 20 tháng 9 năm 2024."
    closing = [(s, e) for loc, s, e in stale_dates(new, sample.period) if loc == "closing"]
    assert [new.closing[s:e] for s, e in closing] == ["ngày 20 tháng 3 năm 2024"]


def _text(report, location: str) -> str:
    from cchc_desktop.core.next_report import text_fields

    return next(text for loc, _w, text in text_fields(report) if loc == location)


def test_exported_docx_has_no_old_wording_and_shows_previous(tmp_path: Path) -> None:
    sample = load_sample()
    new = apply_plan(sample, plan_next_report(sample, YEAR_2024, previous_columns=True))
    new.appendix.rows[0].value = Decimal("7")
    path = tmp_path / "nam-2024.docx"
    export_docx(new, path)
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    # lower(): headings may be printed in capitals
    text = "\n".join(paragraphs + [" ".join(row) for row in cells]).lower()
    assert "6 tháng đầu năm 2024" not in text.replace("kỳ trước (6 tháng đầu năm 2024)", "")
    assert "6 tháng cuối năm 2024" not in text
    assert "năm 2025" in text
    header = next(row for row in cells if "Chỉ tiêu" in row)
    previous = header.index("Kỳ trước (6 tháng đầu năm 2024)")
    value = header.index("Số lượng")
    first = next(row for row in cells if row[0] == "1")
    assert first[previous] == "3" and first[value] == "7"


def test_variant_wordings_and_capitals_are_rewritten() -> None:
    sample = load_sample()
    sample.opening = "Kết quả 06 tháng đầu năm 2024 (6 THÁNG ĐẦU NĂM 2024); kế hoạch năm 2024 giữ nguyên."
    new = apply_plan(sample, plan_next_report(sample, YEAR_2024))
    assert new.opening == "Kết quả năm 2024 (NĂM 2024); kế hoạch năm 2024 giữ nguyên."


def test_quarter_rollover() -> None:
    sample = load_sample()
    q4 = Period(PeriodKind.QUARTER, 2024, 4)
    fourth = apply_plan(sample, plan_next_report(sample, q4))
    assert fourth.subject.endswith("quý IV năm 2024")
    first = apply_plan(fourth, plan_next_report(fourth, Period(PeriodKind.QUARTER, 2025, 1)))
    assert first.subject.endswith("quý I năm 2025")
    directions = first.section(SectionKey.DIRECTIONS).blocks[0].text
    assert directions.endswith("quý II năm 2025")


def test_change_column_shows_the_difference_in_docx_and_pdf(tmp_path: Path) -> None:
    import pdfplumber

    from cchc_desktop.document.export import export_pdf

    sample = load_sample()
    new = apply_plan(sample, plan_next_report(sample, YEAR_2024, previous_columns=True))
    new.appendix.rows[0].value = Decimal("7")  # was 3: +4
    new.appendix.rows[3].value = Decimal("38")  # was 40: -2
    export_docx(new, tmp_path / "n.docx")
    export_pdf(new, tmp_path / "n.pdf")
    cells = [[c.text for c in row.cells] for t in docx.Document(str(tmp_path / "n.docx")).tables for row in t.rows]
    header = next(row for row in cells if "Chỉ tiêu" in row)
    change = header.index("Tăng/giảm")
    assert header.index("Số lượng") < change
    rows = {row[0]: row for row in cells if row[0] in {"1", "2", "4"}}
    assert (rows["1"][change], rows["4"][change], rows["2"][change]) == ("+4", "-2", "")
    with pdfplumber.open(tmp_path / "n.pdf") as pdf:
        words = [w["text"] for page in pdf.pages for w in page.extract_words()]
    assert "+4" in words and "-2" in words
    assert any(w.startswith("Tăng/") for w in words)


# ---------------------------------------------------------------- weekly and thematic reports


def _org():
    from cchc_desktop.core.model import Organization, Signature

    return Organization(["ỦY BAN NHÂN DÂN", "XÃ THIÊN CẦM"], [], "Ủy ban nhân dân xã Thiên Cầm", "Thiên Cầm",
                        "UBND", Signature(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "", "Nguyễn Văn An"), ["Lưu: VT."])


def test_weekly_report_carries_forward_to_the_next_week() -> None:
    from cchc_desktop.core.checks import Severity, run_checks
    from cchc_desktop.core.templates import new_report

    week3 = Period(PeriodKind.WEEK, 2026, 3, month=9)
    report = new_report("weekly-work", week3, _org())
    report.parts[0].blocks[1].runs[0].text = "- Hoàn thành hồ sơ tuần 03 tháng 9 (từ ngày 14/9/2026 đến ngày 18/9/2026)."
    report.parts[2].blocks[1].runs[0].text = "- Chuẩn bị hội nghị tuần 04 tháng 9."
    report.signature.name = "Trần Thị Bình"
    week4 = Period(PeriodKind.WEEK, 2026, 4, month=9)
    plan = plan_next_report(report, week4)
    new = apply_plan(report, plan)
    assert new.doc_name == "BÁO CÁO CÔNG TÁC TUẦN 04 THÁNG 9 NĂM 2026"
    assert new.subject == "(Từ ngày 21/9/2026 đến ngày 25/9/2026)"
    assert new.parts[0].blocks[1].text == "- Hoàn thành hồ sơ tuần 04 tháng 9 (từ ngày 21/9/2026 đến ngày 25/9/2026)."
    assert new.parts[2].title == "III. NHIỆM VỤ TUẦN 01 THÁNG 10 NĂM 2026"  # 28/9–2/10 is October's week 1
    assert new.parts[2].blocks[1].text == "- Chuẩn bị hội nghị tuần 01 tháng 10."
    assert new.period == week4 and new.signature.name == "Trần Thị Bình"
    wheres = {r.where for r in plan.rewrites}
    assert {"Tên loại văn bản", "Trích yếu", "Phần I, đoạn 1", "Phần III"} <= wheres
    errors = [f for f in run_checks(new) if f.severity == Severity.ERROR and f.rule_id != "placeholders.text"]
    assert errors == []


def test_thematic_report_stays_as_it_is() -> None:
    from cchc_desktop.core.templates import new_report

    report = new_report("thematic", Period(PeriodKind.NONE, 2026), _org())
    report.subject = "Kết quả chuyển đổi số năm 2026"
    report.opening = "Trong năm 2026 và 6 tháng đầu năm 2026, QUÝ/6 THÁNG/NĂM …"
    plan = plan_next_report(report, Period(PeriodKind.NONE, 2026))
    assert plan.rewrites == []
    new = apply_plan(report, plan)
    assert (new.subject, new.opening, new.parts) == (report.subject, report.opening, report.parts)


def test_part_names_follow_the_documents_own_numbering() -> None:
    from cchc_desktop.core.next_report import part_name
    from cchc_desktop.core.templates import new_report

    report = new_report("cchc-periodic", Period(PeriodKind.QUARTER, 2026, 3), _org())
    assert [part_name(report, i) for i in range(5)] == ["Phần I", "Phần II", "Phần III", "Phần IV", "Phần V"]
    plan = plan_next_report(report, Period(PeriodKind.QUARTER, 2026, 4))
    assert any(r.where == "Phần IV" and r.after == "QUÝ I NĂM 2027" for r in plan.rewrites)


def test_every_block_of_the_list_of_changes_has_a_place_of_its_own() -> None:
    """The list of changes names places as the checks do: two blocks never share a name."""
    from cchc_desktop.core.next_report import text_fields
    from cchc_desktop.core.templates import new_report

    report = new_report("cchc-periodic", Period(PeriodKind.QUARTER, 2026, 3), _org())
    report.parts[1].blocks.append(copy.deepcopy(report.parts[1].blocks[-1]))  # the same text twice
    owner: dict[str, str] = {}
    for location, where, _text in text_fields(report):
        block = location.split("/runs/")[0].split("/rows/")[0]
        assert owner.setdefault(where, block) == block, f"{where} names {owner[where]} and {block}"
    wheres = dict((location, where) for location, where, _text in text_fields(report))
    assert wheres["sections/1/blocks/4/runs/0"] == "Phần II, mục 2, đoạn 1"  # under "2. Cải cách TTHC"
