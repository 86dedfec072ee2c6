"""Backups: consistent copies while saving, rotation, restore keeps the current file."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cchc_desktop.store import backup
from cchc_desktop.store.database import StoreError, open_database
from cchc_desktop.store.reports import list_reports, load_report, save_report


def _db(path: Path):
    return open_database(path)


def test_backup_while_saving_is_valid_and_holds_the_report(tmp_path: Path) -> None:
    path = tmp_path / "cchc.sqlite"
    db = _db(path)
    report = load_report(db, list_reports(db)[0].id)
    stop = threading.Event()

    def keep_saving() -> None:
        writer = open_database(path)
        n = 0
        while not stop.is_set():
            report.subject = f"Báo cáo lần {n}"
            report.id = None
            save_report(writer, report)
            n += 1
        writer.close()

    thread = threading.Thread(target=keep_saving)
    thread.start()
    try:
        targets = [backup.backup_to(path, tmp_path / "usb" / f"copy{i}.sqlite") for i in range(5)]
    finally:
        stop.set()
        thread.join()
    for target in targets:
        conn = sqlite3.connect(target)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM reports").fetchone()[0] >= 1
        conn.close()
        assert not Path(str(target) + "-wal").exists()
    copy = open_database(targets[-1])
    assert load_report(copy, 1).subject == load_report(db, 1).subject
    copy.close()
    db.close()


def test_restore_brings_back_and_keeps_current(tmp_path: Path) -> None:
    path = tmp_path / "cchc.sqlite"
    db = _db(path)
    original = load_report(db, 1)
    saved = backup.backup_to(path, tmp_path / "b.sqlite")
    original.subject = "Đã sửa sau khi sao lưu"
    save_report(db, original)
    db.close()
    kept = backup.restore_from(saved, path)
    assert kept is not None and kept.exists()
    db = open_database(path)
    assert load_report(db, 1).subject != "Đã sửa sau khi sao lưu"
    db.close()
    old = open_database(kept)
    assert load_report(old, 1).subject == "Đã sửa sau khi sao lưu"
    old.close()


def test_restore_refuses_garbage_and_touches_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cchc.sqlite"
    _db(path).close()
    before = path.read_bytes()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError, match="không phải bản sao lưu hợp lệ"):
        backup.restore_from(bad, path)
    assert path.read_bytes() == before
    assert list(tmp_path.glob("*before-restore*")) == []


def test_rotation_keeps_a_fixed_number_of_each(tmp_path: Path) -> None:
    path = tmp_path / "cchc.sqlite"
    _db(path).close()
    start = datetime(2024, 1, 1, 9)
    for day in range(400):
        backup.auto_backup(path, start + timedelta(days=day))
    names = [p.name for p in backup.list_backups()]
    kinds = {kind: sorted(n for n in names if n.startswith(kind)) for kind in backup.KEEP}
    for kind, keep in backup.KEEP.items():
        assert len(kinds[kind]) == keep
    assert kinds["daily"][-1] == "daily-2025-02-03.sqlite"  # the newest survive
    assert kinds["monthly"][-1] == "monthly-2025-02.sqlite"
    assert backup.auto_backup(path, start + timedelta(days=399)) == []  # nothing new the same day


def test_newest_good_backup_skips_damaged(tmp_path: Path) -> None:
    path = tmp_path / "cchc.sqlite"
    _db(path).close()
    backup.auto_backup(path, datetime(2024, 3, 1))
    good = backup.backups_dir() / "daily-2024-03-01.sqlite"
    newer = backup.backups_dir() / "daily-2024-03-02.sqlite"
    newer.write_bytes(good.read_bytes()[:5000])
    assert backup.newest_good_backup() in {good, backup.backups_dir() / "weekly-2024-W09.sqlite",
                                           backup.backups_dir() / "monthly-2024-03.sqlite"}
    assert backup.newest_good_backup() != newer
