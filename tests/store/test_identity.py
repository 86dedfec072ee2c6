"""Report identity (issue 22, findings 1–2): numbers never reused, a save that names the
version it opened never writes over another program's work; writes lock at BEGIN."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from cchc_desktop.store import backup, identity
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import list_reports, load_report, save_report


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    open_database(tmp_path / "cchc.sqlite").close()
    return tmp_path / "cchc.sqlite"


def _copy_of_first(db) -> int:
    report = load_report(db, list_reports(db)[0].id)
    report.id = None
    return save_report(db, report)


def test_numbers_are_never_given_twice_even_across_a_restore(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    start = backup.backup_to(db_path, tmp_path / "start.sqlite")
    taken = _copy_of_first(db)
    db.close()
    backup.restore_from(start, db_path)  # the report numbered `taken` is gone
    db = open_database(db_path)
    assert taken not in [s.id for s in list_reports(db)]
    assert _copy_of_first(db) > taken
    db.close()


def test_a_save_with_the_version_it_opened_refuses_every_change_underneath(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    report_id = _copy_of_first(db)
    opened = load_report(db, report_id)
    stamp = identity.carried(opened)
    assert stamp is not None and stamp.uid
    opened.subject = "sửa lần 1"
    save_report(db, opened, expect=stamp)  # nobody else wrote: saved, with a newer version
    newer = identity.carried(opened)
    assert newer.uid == stamp.uid and newer.change > stamp.change

    other = load_report(db, report_id)  # "another program" writes
    other.subject = "chương trình khác"
    save_report(db, other)
    with pytest.raises(identity.ReportConflict) as refused:
        save_report(db, opened, expect=newer)
    assert refused.value.kind is identity.Conflict.CHANGED
    assert load_report(db, report_id).subject == "chương trình khác"

    db.execute("UPDATE reports SET uid = 'khac' WHERE id = ?", [report_id])
    db.conn.commit()
    with pytest.raises(identity.ReportConflict) as refused:
        save_report(db, opened, expect=identity.carried(other))
    assert refused.value.kind is identity.Conflict.REPLACED

    db.execute("DELETE FROM reports WHERE id = ?", [report_id])
    db.conn.commit()
    with pytest.raises(identity.ReportConflict) as refused:
        save_report(db, opened, expect=identity.carried(other))
    assert refused.value.kind is identity.Conflict.REMOVED
    assert report_id not in [s.id for s in list_reports(db, include_deleted=True)]  # not brought back
    db.close()


def test_a_restore_moves_every_restored_report_past_the_versions_a_window_holds(db_path, tmp_path) -> None:
    db = open_database(db_path)
    report_id = list_reports(db)[0].id
    start = backup.backup_to(db_path, tmp_path / "start.sqlite")
    shown = load_report(db, report_id)
    shown.subject = "sau sao lưu"
    save_report(db, shown, expect=identity.carried(shown))
    backup.restore_from(start, db_path)  # while this connection stays open, like a window
    with pytest.raises(identity.ReportConflict) as refused:
        save_report(db, shown, expect=identity.carried(shown))
    assert refused.value.kind is identity.Conflict.CHANGED
    assert load_report(db, report_id).subject != "sau sao lưu"
    assert identity.carried(load_report(db, report_id)).uid == identity.carried(shown).uid  # same report
    db.close()


def test_a_write_takes_the_lock_before_it_reads(db_path: Path, monkeypatch) -> None:
    """Another program committing between our read and our write used to fail our write at once
    (SQLITE_BUSY_SNAPSHOT); now it waits for us instead, and our save goes through."""
    db = open_database(db_path)
    report = load_report(db, list_reports(db)[0].id)
    real = identity.stamp_of
    outcome: list[str] = []

    def another_program_writes_meanwhile(connection, report_id):
        found = real(connection, report_id)
        if not outcome:
            with closing(sqlite3.connect(db_path, timeout=0.2)) as other:
                try:
                    other.execute("UPDATE organization SET document = document")
                    other.commit()
                    outcome.append("committed")
                except sqlite3.OperationalError:
                    outcome.append("waited")
        return found

    monkeypatch.setattr(identity, "stamp_of", another_program_writes_meanwhile)
    report.subject = "lưu được"
    save_report(db, report, expect=identity.carried(report))
    assert outcome == ["waited"]
    assert load_report(db, report.id).subject == "lưu được"
    db.close()


def test_reading_commands_do_not_wait_for_a_writer(db_path: Path, isolated_home: Path) -> None:
    """list and show while another program holds the write lock (the window saving)."""
    import subprocess
    import sys

    with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        for args in (["list"], ["show", "1"]):
            result = subprocess.run([sys.executable, "-m", "cchc_desktop", "--db", str(db_path), *args],
                                    capture_output=True, text=True, timeout=60)
            assert result.returncode == 0, result.stderr
        other.execute("ROLLBACK")
