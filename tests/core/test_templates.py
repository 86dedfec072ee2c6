"""Templates: the bundled kinds of report, a new report from each, "Lưu làm mẫu" and back."""

from __future__ import annotations

import json
from datetime import date

import docx
import pdfplumber
import pytest

from cchc_desktop import cli
from cchc_desktop.core.checks import Severity, run_checks
from cchc_desktop.core.checks.placeholders import placeholders_in
from cchc_desktop.core.codec import report_to_dict
from cchc_desktop.core.model import Organization, Period, PeriodKind, Signature
from cchc_desktop.core.periods import parse_period_spec, period_label
from cchc_desktop.core.templates import (TemplateError, default_period, fill_tokens, list_templates, load_sample,
                                         load_template, new_report, save_as_template, template_info,
                                         template_infos, templates_dir, tokenize, user_templates_dir)
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_report, save_organization

K = PeriodKind
BUNDLED = ["cchc-periodic", "cchc-propaganda", "monthly-work", "thematic", "weekly-work"]
SAMPLE_WORDS = ("Cương Gián", "Lê Thị Sáu", "Nghi Xuân", "Hà Tĩnh", "2024")
# one period of every kind a template may allow, as the command line spells it
SPECS = {K.QUARTER: "quarter:2026:3", K.HALF1: "half1:2026", K.HALF2: "half2:2026",
         K.NINE_MONTHS: "nine_months:2026", K.YEAR: "year:2026", K.MONTH: "month:2026:12",
         K.WEEK: "week:2026:9:3", K.NONE: "none"}
CASES = [(name, kind) for name in BUNDLED for kind in template_info(name).periods]


def organization() -> Organization:
    return Organization(
        ["ỦY BAN NHÂN DÂN", "XÃ THIÊN CẦM"], [], "Ủy ban nhân dân xã Thiên Cầm", "Thiên Cầm", "UBND",
        Signature(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Nguyễn Văn An"),
        ["UBND tỉnh Hà Tĩnh;", "Lưu: VT, VP."])


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    return []


# ---------------------------------------------------------------- the library


def test_the_bundled_library() -> None:
    assert list_templates()[:5] == BUNDLED
    infos = {info.name: info for info in template_infos()}
    assert infos["weekly-work"].periods == [K.WEEK]
    assert infos["thematic"].periods == [K.NONE]
    assert infos["monthly-work"].periods == [K.MONTH]
    assert set(infos["cchc-periodic"].periods) == {K.QUARTER, K.HALF1, K.HALF2, K.NINE_MONTHS, K.YEAR}
    assert infos["weekly-work"].optional_elements == ["number_line", "addressees", "recipients"]
    assert all(info.title and not info.own for info in infos.values())


@pytest.mark.parametrize("name", BUNDLED)
def test_templates_hold_none_of_the_samples_text(name) -> None:
    text = (templates_dir() / f"{name}.json").read_text(encoding="utf-8")
    for word in SAMPLE_WORDS:
        assert word not in text
    report = load_template(name)
    assert not report.sample and report.kind == name
    assert all(row.value is None for appendix in report.appendices for row in appendix.rows)


def test_bundled_template_is_listed_and_has_empty_figures() -> None:
    template = load_template("cchc-propaganda")
    assert template.appendix is not None and len(template.appendix.rows) >= 9
    assert all(row.value is None for row in template.appendix.rows)


def test_sample_is_the_reference_report_and_not_a_template() -> None:
    sample = load_sample()
    assert sample.sample
    assert sample.organization.issuing_body == ["ỦY BAN NHÂN DÂN", "XÃ CƯƠNG GIÁN"]
    assert (sample.period.kind, sample.period.year) == (K.HALF1, 2024)
    assert (sample.date.day, sample.date.month, sample.date.year) == (None, 5, 2024)
    assert sample.number == ""
    assert "sample" not in list_templates() and "sample-report" not in list_templates()


def test_unknown_template_names_the_choices() -> None:
    with pytest.raises(TemplateError, match="cchc-propaganda"):
        load_template("khong-co")


def test_periodic_template_has_the_usual_parts_and_a_grouped_form() -> None:
    report = load_template("cchc-periodic")
    titles = [part.title for part in report.parts]
    assert [t.split(".")[0] for t in titles] == ["I", "II", "III", "IV", "V"]
    assert [part.tag.value for part in report.parts] == ["other", "results", "difficulties", "directions",
                                                        "proposals"]
    results = " ".join(block.text for block in report.parts[1].blocks)
    for topic in ("thể chế", "thủ tục hành chính", "tổ chức bộ máy", "công vụ", "tài chính công", "chính quyền số"):
        assert topic in results
    kinds = [row.kind.value for row in report.appendix.rows]
    assert kinds.count("group") == 7 and kinds.count("data") >= 15


# ---------------------------------------------------------------- tokens


def test_tokens_take_the_case_they_are_written_in() -> None:
    values = {"kỳ báo cáo": "quý III năm 2026", "cơ quan": "Ủy ban nhân dân xã Thiên Cầm"}
    assert fill_tokens("PHƯƠNG HƯỚNG {KỲ BÁO CÁO}", values) == "PHƯƠNG HƯỚNG QUÝ III NĂM 2026"
    assert fill_tokens("{Kỳ báo cáo} và {cơ quan}", values) == "Quý III năm 2026 và Ủy ban nhân dân xã Thiên Cầm"
    assert fill_tokens("{không biết}", values) == "{không biết}"
    assert list(placeholders_in("còn {không biết} đây")) == [(4, 16)]


def test_guidance_in_brackets_is_a_placeholder_whatever_its_length() -> None:
    text = "- […Nêu các văn bản chỉ đạo, điều hành công tác cải cách hành chính đã ban hành trong kỳ…]"
    assert (2, len(text)) in set(placeholders_in(text))


# ---------------------------------------------------------------- new reports


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_new_report_fills_organisation_and_period(name, kind) -> None:
    period = parse_period_spec(SPECS[kind])
    report = new_report(name, period, organization())
    assert report.kind == name and report.period == period and not report.sample
    assert report.organization == organization() and report.place == "Thiên Cầm"
    assert (report.number, report.date.day) == ("", None)
    strings = _strings(report_to_dict(report))
    assert not any("{" in s for s in strings), "a token was left unfilled"
    assert not any(word in s for s in strings for word in ("Cương Gián", "Lê Thị Sáu"))
    if kind != K.NONE:
        label = period_label(period)
        assert label in report.subject or label.upper() in report.doc_name
    if template_info(name).signer == "organization":
        assert report.signature.name == "Nguyễn Văn An"
        assert report.recipients[-2:] == ["UBND tỉnh Hà Tĩnh;", "Lưu: VT, VP."]
    findings = run_checks(report)
    errors = [f for f in findings if f.severity == Severity.ERROR and f.rule_id != "placeholders.text"]
    assert errors == []
    # every placeholder left is guidance for the clerk
    for finding in findings:
        if finding.rule_id == "placeholders.text":
            assert "[…" in finding.message or "…]" in finding.message, finding.message


def test_weekly_report_wording_and_elements() -> None:
    report = new_report("weekly-work", Period(K.WEEK, 2026, 3, month=9), organization())
    assert report.doc_name == "BÁO CÁO CÔNG TÁC TUẦN 03 THÁNG 9 NĂM 2026"
    assert report.subject == "(Từ ngày 14/9/2026 đến ngày 18/9/2026)"
    assert report.parts[2].title == "III. NHIỆM VỤ TUẦN 04 THÁNG 9 NĂM 2026"
    assert not report.elements.number_line and not report.elements.recipients
    assert report.signature.title == "NGƯỜI BÁO CÁO" and report.signature.authority == []
    assert (report.date.year, report.date.month) == (2026, 9)


def test_periodic_report_names_the_next_period() -> None:
    report = new_report("cchc-periodic", Period(K.QUARTER, 2026, 4), organization())
    assert report.subject == "Kết quả thực hiện công tác cải cách hành chính quý IV năm 2026"
    assert report.parts[3].title == "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ I NĂM 2027"
    assert report.appendix.title.endswith("QUÝ IV NĂM 2026")


def test_a_period_the_template_is_not_made_for_is_refused() -> None:
    with pytest.raises(TemplateError, match="tuần"):
        new_report("weekly-work", Period(K.YEAR, 2026), organization())


def test_default_periods() -> None:
    today = date(2026, 9, 16)
    assert default_period(template_info("weekly-work"), today) == Period(K.WEEK, 2026, 3, month=9)
    assert default_period(template_info("monthly-work"), today) == Period(K.MONTH, 2026, 9)
    assert default_period(template_info("cchc-periodic"), today) == Period(K.QUARTER, 2026, 3)
    assert default_period(template_info("cchc-propaganda"), today) == Period(K.HALF2, 2026)
    assert default_period(template_info("thematic"), today).kind == K.NONE


# ---------------------------------------------------------------- the command line, exported


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_templates_command_lists_name_title_and_periods(capsys, tmp_path) -> None:
    db = str(tmp_path / "a.sqlite")
    code, out, _ = _run(capsys, "--db", db, "templates")
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith("weekly-work") and "Báo cáo công tác tuần" in line and "tuần" in line
               for line in lines)
    assert any(line.startswith("cchc-periodic") and "quý" in line and "6 tháng đầu năm" in line for line in lines)
    code, out, _ = _run(capsys, "--db", db, "templates", "--json")
    items = {item["name"]: item for item in json.loads(out)}
    assert items["thematic"]["periods"] == ["none"] and items["weekly-work"]["title"] == "Báo cáo công tác tuần"


def test_new_template_with_a_wrong_period_says_so(capsys, tmp_path) -> None:
    db = str(tmp_path / "a.sqlite")
    code, _, err = _run(capsys, "--db", db, "new", "--template", "weekly-work", "--period", "year:2026")
    assert code == cli.EXIT_USER and "tuần" in err and "Traceback" not in err
    code, _, err = _run(capsys, "--db", db, "new", "--template", "weekly-work", "--period", "week:2026:13:1")
    assert code == cli.EXIT_USER and "week:2026:9:3" in err


def _pdf_text(path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _docx_text(path) -> str:
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [cell.text for cell in row.cells]
    return "\n".join(texts)


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_new_template_exports_docx_and_pdf(capsys, tmp_path, name, kind) -> None:
    db_path = tmp_path / "a.sqlite"
    db = open_database(db_path)
    save_organization(db, organization())
    db.close()
    code, out, err = _run(capsys, "--db", str(db_path), "new", "--template", name, "--period", SPECS[kind])
    assert code == 0, err
    new_id = int(out.strip())
    db = open_database(db_path)
    try:
        report = load_report(db, new_id)
    finally:
        db.close()
    errors = [f for f in run_checks(report) if f.severity == Severity.ERROR and f.rule_id != "placeholders.text"]
    assert errors == []
    docx_path, pdf_path = tmp_path / "r.docx", tmp_path / "r.pdf"
    code, _, err = _run(capsys, "--db", str(db_path), "export", str(new_id), "--docx", str(docx_path),
                        "--pdf", str(pdf_path))
    assert code == 0, err
    words = [report.parts[0].title, report.parts[-1].title, "ỦY BAN NHÂN DÂN", "XÃ THIÊN CẦM"]
    if kind != K.NONE:
        words.append(period_label(report.period).upper() if kind == K.WEEK else report.subject)
    if report.elements.recipients:
        words.append("Lưu: VT, VP.")
    cells = [] if report.appendix is None else [row.indicator for row in report.appendix.rows]
    for text in (_squash(_docx_text(docx_path)), _squash(_pdf_text(pdf_path))):
        for word in words:
            assert _squash(word) in text
        for cell in cells:  # a cell's lines may interleave with its neighbours' in the PDF text
            assert set(cell.split()) <= set(text.split()), cell
        assert "Cương Gián" not in text and "{" not in text


# ---------------------------------------------------------------- Lưu làm mẫu


def test_tokenize_is_the_reverse_of_filling() -> None:
    period = Period(K.WEEK, 2026, 3, month=9)
    text = "Tuần 03 tháng 9 năm 2026 (từ ngày 14/9/2026 đến ngày 18/9/2026); TUẦN 04 THÁNG 9 NĂM 2026; năm 2026"
    assert tokenize(text, period) == "{Kỳ báo cáo} ({thời gian}); {KỲ TIẾP THEO}; {năm}"


def test_save_as_template_round_trip() -> None:
    source = new_report("cchc-periodic", Period(K.QUARTER, 2026, 3), organization())
    source.parts[1].blocks[2].runs[0].text = "- Công khai 125 TTHC quý III năm 2026 tại Bộ phận Một cửa."
    source.appendix.rows[1].set_text("value", "12.604")
    source.number, source.id = "15", 9
    info = save_as_template(source, "Báo cáo CCHC của xã Thiên Cầm")
    assert info.own and info.path.parent == user_templates_dir()
    assert info.name == "bao-cao-cchc-cua-xa-thien-cam" and info.name in list_templates()
    assert info.periods[0] == K.QUARTER and K.YEAR in info.periods
    stored = json.loads(info.path.read_text(encoding="utf-8"))
    text = json.dumps(stored["report"], ensure_ascii=False)
    assert "quý III năm 2026" not in text and "QUÝ IV NĂM 2026" not in text
    assert "{kỳ báo cáo}" in text and "{KỲ TIẾP THEO}" in text and "12.604" not in text
    assert stored["report"]["number"] == "" and stored["report"]["kind"] == info.name
    # … and a report of another period from it
    again = new_report(info.name, Period(K.YEAR, 2027), organization())
    assert again.parts[1].blocks[2].text == "- Công khai 125 TTHC năm 2027 tại Bộ phận Một cửa."
    assert again.subject == "Kết quả thực hiện công tác cải cách hành chính năm 2027"
    assert again.parts[3].title == "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2028"
    assert all(row.value is None for row in again.appendix.rows)
    assert again.kind == info.name
    # a second template of the same title gets its own file
    assert save_as_template(source, "Báo cáo CCHC của xã Thiên Cầm").name == info.name + "-2"


def test_a_damaged_own_template_is_skipped_not_fatal() -> None:
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "hong.json").write_text("{không phải JSON", encoding="utf-8")
    assert "hong" not in list_templates()
    assert list_templates()[:5] == BUNDLED


def test_save_as_template_needs_a_title() -> None:
    with pytest.raises(TemplateError):
        save_as_template(load_sample(), "  ")


def test_a_template_from_a_next_report_drops_the_previous_columns() -> None:
    from cchc_desktop.core.next_report import apply_plan, plan_next_report

    first = new_report("cchc-propaganda", Period(K.HALF1, 2026), organization())
    first.appendix.rows[0].set_text("value", "3")
    second = apply_plan(first, plan_next_report(first, Period(K.HALF2, 2026), previous_columns=True))
    keys = [column.key for column in second.appendix.table.columns]
    assert "previous" in keys and "change" in keys
    info = save_as_template(second, "Tuyên truyền CCHC")
    again = new_report(info.name, Period(K.YEAR, 2026), organization())
    assert [column.key for column in again.appendix.table.columns] == ["tt", "indicator", "unit", "value", "note"]
    assert [cell.text for cell in again.appendix.table.rows[0].cells] == ["TT", "Chỉ tiêu", "Đơn vị tính",
                                                                          "Số lượng", "Ghi chú"]


def _every_period(kind: PeriodKind, year: int) -> list[Period]:
    from datetime import timedelta

    from cchc_desktop.core.periods import week_of

    if kind == K.WEEK:
        weeks, day = [], date(year, 1, 1)
        while day.year == year:
            if week_of(day) not in weeks:
                weeks.append(week_of(day))
            day += timedelta(days=7)
        return weeks
    if kind == K.MONTH:
        return [Period(kind, year, m) for m in range(1, 13)]
    if kind == K.QUARTER:
        return [Period(kind, year, q) for q in range(1, 5)]
    return [Period(kind, year)]


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_every_period_of_a_year_checks_clean(name, kind) -> None:
    """Year ends, week 5 of December, quarter IV: the wording always matches the checks."""
    for period in _every_period(kind, 2027):
        report = new_report(name, period, organization())
        errors = [f.message for f in run_checks(report)
                  if f.severity == Severity.ERROR and f.rule_id != "placeholders.text"]
        assert errors == [], (period, errors)
