"""Opening files: pragmas, fresh files, bad files left byte-for-byte untouched, locks."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from cchc_desktop import paths
from cchc_desktop.store import database
from cchc_desktop.store.database import SCHEMA_VERSION, StoreError, open_database
from cchc_desktop.store.reports import list_reports

from .helpers import folder_state


@pytest.fixture
def good_db(tmp_path):
    """A closed, valid database file of ours."""
    path = tmp_path / "good.sqlite"
    open_database(path).close()
    return path


def test_fresh_file_has_wal_foreign_keys_version_and_sample(tmp_path):
    db = open_database(tmp_path / "sub" / "new.sqlite")
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == database.BUSY_TIMEOUT_MS
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA application_id").fetchone()[0] == database.APPLICATION_ID
        assert [s.id for s in list_reports(db)] == [1]
    finally:
        db.close()


def test_default_path_is_the_per_user_data_folder():
    db = open_database()
    db.close()
    assert paths.default_database().is_file()


def test_without_sample(tmp_path):
    db = open_database(tmp_path / "empty.sqlite", create_sample=False)
    assert list_reports(db) == []
    db.close()


def test_reopening_keeps_data_and_adds_no_second_sample(good_db):
    db = open_database(good_db)
    assert len(list_reports(db)) == 1
    db.close()


def _bad_files(tmp_path, good_db):
    text = tmp_path / "notes.sqlite"
    text.write_text("Đây không phải cơ sở dữ liệu\n" * 50, encoding="utf-8")
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(good_db.read_bytes()[:5000])
    header_only = tmp_path / "header.sqlite"
    header_only.write_bytes(good_db.read_bytes()[:60])
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.sqlite"
    shutil.copy(good_db, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    return {
        "text": (text, "không phải là cơ sở dữ liệu"),
        "truncated": (truncated, "cắt cụt"),
        "header_only": (header_only, "cắt cụt"),
        "foreign": (foreign, "không phải của cchc-desktop"),
        "newer": (newer, "phiên bản cchc-desktop mới hơn"),
    }


@pytest.mark.parametrize("kind", ["text", "truncated", "header_only", "foreign", "newer"])
def test_bad_file_is_refused_and_untouched(tmp_path, good_db, kind):
    path, words = _bad_files(tmp_path, good_db)[kind]
    before = folder_state(tmp_path)
    with pytest.raises(StoreError, match=words) as caught:
        open_database(path)
    assert "\n" not in str(caught.value)
    assert folder_state(tmp_path) == before  # no change, no -wal/-shm/backup created


def test_read_only_file_is_refused_and_untouched(tmp_path, good_db):
    before = folder_state(tmp_path)
    good_db.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(StoreError, match="chỉ cho phép đọc"):
            open_database(good_db)
    finally:
        good_db.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert folder_state(tmp_path) == before


def test_folder_is_refused(tmp_path):
    with pytest.raises(StoreError, match="là một thư mục"):
        open_database(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_locked_by_another_writer(tmp_path, good_db, monkeypatch):
    """Another program holds the write lock: a clear message, not a hang or a traceback."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(good_db, isolation_level=None)
    other.execute("PRAGMA journal_mode = DELETE")  # a writer in rollback mode blocks readers too
    other.execute("BEGIN EXCLUSIVE")
    try:
        before = folder_state(tmp_path)
        with pytest.raises(StoreError, match="chương trình khác"):
            open_database(good_db)
        assert folder_state(tmp_path) == before
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_two_connections_share_a_wal_database(good_db):
    """The window and a command can have the file open at the same time."""
    first = open_database(good_db)
    second = open_database(good_db)
    try:
        assert len(list_reports(second)) == len(list_reports(first)) == 1
    finally:
        first.close()
        second.close()


def test_failed_write_rolls_back_whole_transaction(good_db):
    db = open_database(good_db)
    try:
        with pytest.raises(RuntimeError):
            with db.atomic():
                db.execute("UPDATE reports SET subject = 'x'")
                raise RuntimeError
        assert list_reports(db)[0].subject.startswith("Công tác")
    finally:
        db.close()


def test_thread_safety_is_not_assumed(good_db):
    """sqlite3 connections refuse other threads: the GUI must open its own (documented limit)."""
    db = open_database(good_db)
    errors = []
    thread = threading.Thread(target=lambda: errors.append(_try(db)))
    thread.start()
    thread.join()
    db.close()
    assert errors == [True]


def _try(db) -> bool:
    try:
        db.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return True
    return False


def test_another_writer_does_not_stop_reading_but_a_write_waits_then_says_busy(tmp_path, good_db, monkeypatch):
    """Opening and reading take no write lock (list, show, backup work while the window saves);
    a write waits for the lock and then gives the Vietnamese "busy" sentence."""
    from cchc_desktop.store.reports import list_reports, load_report, save_report

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(good_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        db = open_database(good_db)
        [summary] = list_reports(db)[:1]
        report = load_report(db, summary.id)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            save_report(db, report)
        db.close()
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_database_on_a_network_share_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    """SQLite's WAL corrupts on network shares: the clerk is told to copy the file to this PC."""
    from cchc_desktop import winpaths

    monkeypatch.setattr(winpaths, "drive_type", lambda _path: winpaths.Drive.REMOTE)
    target = tmp_path / "mang" / "cchc.sqlite"
    with pytest.raises(StoreError, match="ổ mạng"):
        open_database(target)
    assert not target.parent.exists()
    monkeypatch.setattr(winpaths, "drive_type", lambda _path: winpaths.Drive.CDROM)
    with pytest.raises(StoreError, match="CD/DVD"):
        open_database(target)
    monkeypatch.setattr(winpaths, "drive_type", lambda _path: winpaths.Drive.UNKNOWN)
    with pytest.raises(StoreError, match="ổ mạng"):
        open_database(Path("//may-chu/chia-se/cchc.sqlite"))
