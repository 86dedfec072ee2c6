"""The checker on the reference report: its real mistakes, and no false alarm."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.core.checks import RULES, Severity, field_text, run_checks
from cchc_desktop.core.templates import load_sample
from tests.core.strategies_clean import clean_reports, clean_sample
from tests.strategies import reports


def _found(report, **kw):
    return [(f.rule_id, f.location.field, field_text(report, f.location.field)[f.location.start:f.location.end])
            for f in run_checks(report, **kw)]


def test_sample_findings_are_exactly_the_real_mistakes() -> None:
    report = load_sample()
    found = _found(report)
    plan = "Kế hoạch số 06/KH-UBND ngày "
    assert sorted(found) == sorted([
        ("citations.date_conflict", "sections[0].blocks[2]", plan + "15/01/2024"),
        ("citations.date_conflict", "sections[2].blocks[1]", plan + "25/01/2024"),
        ("citations.date_conflict", "appendix.rows[0].note", plan + "25/01/2024"),
        ("placeholders.text", "appendix.title", "QUÝ/6 THÁNG/NĂM 2024"),
        ("recipients.archive", "recipients[3]", "Lưu: VP, VH."),
        ("typography.slip", "closing", "báo cáo đề phòng"),
    ])


def test_sample_errors_come_first_and_cells_have_row_and_column() -> None:
    findings = run_checks(load_sample())
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=lambda s: s != Severity.ERROR)
    note = next(f for f in findings if f.location.field == "appendix.rows[0].note")
    assert (note.location.row, note.location.column) == (0, "note")


def test_the_corrected_sample_is_clean_even_when_finalized() -> None:
    report = clean_sample()
    assert _found(report) == []
    report.number, report.date.day = "15", 20
    assert _found(report, finalizing=True) == []


def test_disabled_rules_are_skipped() -> None:
    report = load_sample()
    report.disabled_checks = ["citations.date_conflict", "typography.slip"]
    assert {f.rule_id for f in run_checks(report)} == {"placeholders.text", "recipients.archive"}


def test_every_rule_has_a_vietnamese_title() -> None:
    assert len(RULES) >= 15
    for rule_id, rule in RULES.items():
        assert rule.id == rule_id and rule.title and rule.severity in Severity


@given(clean_reports())
def test_a_clean_report_has_no_finding(report) -> None:
    assert run_checks(report, finalizing=report.status == "final") == []


@settings(max_examples=40)
@given(reports(), st.booleans())
def test_any_report_checks_without_crash_and_locations_resolve(report, finalizing) -> None:
    for finding in run_checks(report, finalizing=finalizing):
        assert finding.rule_id in RULES and finding.message
        text = field_text(report, finding.location.field)
        start, end = finding.location.start, finding.location.end
        if start is not None:
            assert 0 <= start <= end <= len(text)


def test_block_locations_name_their_section() -> None:
    found = {(f.location.section, f.location.block) for f in run_checks(load_sample())
             if f.rule_id == "citations.date_conflict" and f.location.field.startswith("sections")}
    assert found == {("results", 2), ("directions", 1)}
