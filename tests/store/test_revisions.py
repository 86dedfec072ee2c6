"""History: revisions at save, restore becomes a new revision, thinning, finalising."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from cchc_desktop.core.model import ReportStatus
from cchc_desktop.store import revisions
from cchc_desktop.store.database import StoreError, open_database
from cchc_desktop.store.reports import load_report, save_report


@pytest.fixture
def db(tmp_path: Path):
    database = open_database(tmp_path / "cchc.sqlite")
    yield database
    database.close()


def test_edit_restore_and_compare(db) -> None:
    report = load_report(db, 1)
    first = revisions.add_revision(db, 1, revisions.SAVE)
    original = report.subject
    report.subject = original + " (sửa lần hai, dài hơn)"
    save_report(db, report)
    second = revisions.add_revision(db, 1, revisions.SAVE)
    history = revisions.list_revisions(db, 1)
    assert [h.id for h in history] == [second, first]
    assert history[0].size_change == len(" (sửa lần hai, dài hơn)".encode("utf-8").decode())
    assert history[1].size_change == 0
    assert revisions.load_revision(db, first).subject == original
    restored = revisions.restore_revision(db, first)
    assert load_report(db, 1).subject == original
    newest = revisions.list_revisions(db, 1)[0]
    assert newest.id == restored and newest.reason == revisions.RESTORE
    assert len(revisions.list_revisions(db, 1)) == 3  # the restore is itself a revision


def test_autosave_at_most_every_few_minutes(db) -> None:
    start = datetime(2024, 6, 1, 8, 0)
    report = load_report(db, 1)
    kept = []
    for minute in range(0, 30):
        report.subject = f"Bản {minute}"
        save_report(db, report)
        kept.append(revisions.add_revision(db, 1, revisions.AUTOSAVE, now=start + timedelta(minutes=minute)))
    made = [k for k in kept if k is not None]
    assert len(made) == 30 // revisions.AUTOSAVE_MINUTES
    assert revisions.add_revision(db, 1, revisions.AUTOSAVE, now=start + timedelta(hours=1)) is not None
    # nothing changed since: no new autosave revision even much later
    assert revisions.add_revision(db, 1, revisions.AUTOSAVE, now=start + timedelta(hours=2)) is None


def test_thinning_keeps_the_newest_and_finals(db) -> None:
    now = datetime(2025, 1, 1, 12, 0)
    report = load_report(db, 1)
    # every 10 minutes over 200 days, oldest first; one finalising revision in the middle
    moments = [now - timedelta(minutes=10 * k) for k in range(200 * 144, 0, -1)]
    rows = [(1, m.isoformat(timespec="seconds"), revisions.SAVE, "", 10, "{}") for m in moments]
    final_at = (now - timedelta(days=150, minutes=3)).isoformat(timespec="seconds")
    rows.append((1, final_at, revisions.FINALIZE, "", 10, "{}"))
    db.conn.executemany(
        "INSERT INTO revisions (report_id, created_at, reason, note, size, document) VALUES (?,?,?,?,?,?)", rows)
    save_report(db, report)
    newest = revisions.add_revision(db, 1, revisions.SAVE, now=now)
    left = revisions.list_revisions(db, 1)
    stamps = [datetime.fromisoformat(r.created_at) for r in left]
    assert left[0].id == newest
    recent = [s for s in stamps if now - s < timedelta(hours=24)]
    assert len(recent) == 24 * 6  # everything from the last day
    hourly = [s for s in stamps if timedelta(hours=24) <= now - s < timedelta(days=7)]
    assert len(hourly) == len({s.strftime("%Y%m%d%H") for s in hourly}) <= 6 * 24 + 1
    assert any(r.reason == revisions.FINALIZE for r in left)
    assert len(left) < 24 * 6 + 6 * 24 + 84 + 5 + 3  # bounded: far fewer than 28 800
    # the newest of each thinned hour survives
    assert (now - timedelta(days=2)).replace(minute=50) in stamps


def test_final_report_refuses_edits_until_reopened(db) -> None:
    revisions.finalize(db, 1, "15", date(2024, 6, 12))
    report = load_report(db, 1)
    assert report.status == ReportStatus.FINAL and report.number == "15"
    assert (report.date.day, report.date.month, report.date.year) == (12, 6, 2024)
    report.subject = "Sửa trộm"
    with pytest.raises(StoreError, match="đã ban hành"):
        save_report(db, report)
    assert load_report(db, 1).subject != "Sửa trộm"
    with pytest.raises(StoreError, match="lý do"):
        revisions.reopen(db, 1, "  ")
    revisions.reopen(db, 1, "Sai số liệu chỉ tiêu 3")
    assert load_report(db, 1).status == ReportStatus.DRAFT
    save_report(db, report)  # a draft again: edits allowed
    reasons = [r.reason for r in revisions.list_revisions(db, 1)]
    assert reasons[:2] == [revisions.REOPEN, revisions.FINALIZE]
    assert revisions.list_revisions(db, 1)[0].note == "Sai số liệu chỉ tiêu 3"


def test_restoring_over_a_final_report_is_refused(db) -> None:
    first = revisions.add_revision(db, 1, revisions.SAVE)
    revisions.finalize(db, 1, "15", date(2024, 6, 12))
    with pytest.raises(StoreError, match="đã ban hành"):
        revisions.restore_revision(db, first)
