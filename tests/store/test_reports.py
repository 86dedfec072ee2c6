"""Reports in SQLite: any report survives model → SQLite → model; delete is recoverable."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings

from cchc_desktop.core.model import Period, PeriodKind, ReportStatus
from cchc_desktop.core.templates import load_sample, load_template
from cchc_desktop.store.database import StoreError, open_database
from cchc_desktop.store.reports import (
    delete_report,
    duplicate_report,
    list_reports,
    load_organization,
    load_report,
    new_report_from_template,
    period_text,
    restore_report,
    save_organization,
    save_report,
)
from tests.strategies import organizations, periods, texts


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory):
    """One file for the whole module: hypothesis runs many examples against it."""
    db = open_database(tmp_path_factory.mktemp("store") / "shared.sqlite", create_sample=False)
    yield db
    db.close()


@pytest.fixture
def db(tmp_path):
    db = open_database(tmp_path / "reports.sqlite")
    yield db
    db.close()


@settings(max_examples=50)  # the report property covers organisations inside reports too
@given(organizations())
def test_any_organisation_survives_sqlite(shared_db, org):
    save_organization(shared_db, org)
    assert load_organization(shared_db) == org


@settings(max_examples=50)
@given(periods(), texts())
def test_summary_shows_period_and_subject(shared_db, period, subject):
    report = load_sample()
    report.period, report.subject = period, subject
    report_id = save_report(shared_db, report)
    [summary] = [s for s in list_reports(shared_db) if s.id == report_id]
    assert (summary.period, summary.subject, summary.deleted) == (period, subject, False)


def test_equality_sees_a_changed_figure(db):
    report = load_report(db, 1)
    report.appendix.rows[2].value += 1
    assert report != load_sample()


def test_text_is_stored_in_nfc(db):
    report = load_sample()
    report.subject = unicodedata.normalize("NFD", "Báo cáo Cương Gián")
    report_id = save_report(db, report)
    assert load_report(db, report_id).subject == "Báo cáo Cương Gián"
    summary = next(s for s in list_reports(db) if s.id == report_id)
    assert summary.subject == "Báo cáo Cương Gián"
    assert "cuong gian" in summary.search_key


def test_update_keeps_created_at(db):
    before = list_reports(db)[0]
    report = load_report(db, before.id)
    report.status = ReportStatus.FINAL
    save_report(db, report)
    after = list_reports(db)[0]
    assert (after.created_at, after.status) == (before.created_at, ReportStatus.FINAL)
    assert after.updated_at >= before.updated_at


def test_delete_is_recoverable(db):
    delete_report(db, 1)
    assert list_reports(db) == []
    [deleted] = list_reports(db, include_deleted=True)
    assert deleted.deleted
    assert load_report(db, 1) == load_sample()  # the content is still there
    restore_report(db, 1)
    assert [s.id for s in list_reports(db)] == [1]


@pytest.mark.parametrize("action", [load_report, delete_report, restore_report, duplicate_report])
def test_missing_report_is_a_store_error(db, action):
    with pytest.raises(StoreError, match="Không có báo cáo số 42"):
        action(db, 42)


def test_duplicate_is_a_new_draft(db):
    report = load_report(db, 1)
    report.status = ReportStatus.FINAL
    save_report(db, report)
    copy_id = duplicate_report(db, 1)
    assert copy_id != 1
    copy = load_report(db, copy_id)
    assert copy.status == ReportStatus.DRAFT
    assert report.sample and not copy.sample  # a copy of the sample is the clerk's own
    copy.status, copy.sample = ReportStatus.FINAL, True
    assert copy == report


def test_new_report_from_template_uses_the_files_organisation(db):
    org = load_organization(db)
    org.place = "Xuân Hội"
    org.default_recipients = ["Lưu: VT."]
    save_organization(db, org)
    report = load_report(db, new_report_from_template(db))
    assert report.organization == org
    assert report.place == "Xuân Hội"
    assert report.recipients == ["Lưu: VT."]
    assert [row.indicator for row in report.appendix.rows] == [
        row.indicator for row in load_template("cchc-propaganda").appendix.rows
    ]
    assert all(row.value is None for row in report.appendix.rows)


@pytest.mark.parametrize(
    ("period", "label"),
    [
        (Period(PeriodKind.HALF1, 2024), "6 tháng đầu năm 2024"),
        (Period(PeriodKind.QUARTER, 2025, 2), "quý II năm 2025"),
        (Period(PeriodKind.MONTH, 2025, 9), "tháng 9 năm 2025"),
        (Period(PeriodKind.YEAR, 2023), "năm 2023"),
    ],
)
def test_period_labels(period, label):
    """Same wording from the fallback and from core.periods (whichever is installed)."""
    assert period_text(period) == label
