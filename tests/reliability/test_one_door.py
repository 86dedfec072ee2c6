"""One door to the database file: nothing but SQLite opens it once a connection is open.

On Linux and macOS, closing any descriptor of a file drops every POSIX lock the process holds
on it; another program then believes it is alone, checkpoints and deletes the WAL, and what
this process commits next is invisible to everyone else (the window's "Đã lưu" that was
never in the database, issue 12).
"""

from __future__ import annotations

import builtins
import io
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from cchc_desktop.store import backup, database, integrity
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_report, save_report

from .scenarios import child_env, cli, make_exchange, rows

READ_IN_CHILD = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
    "print(c.execute('SELECT subject FROM reports WHERE id = 1').fetchone()[0]); c.close()"
)


def _subject_seen_by_another_process(db: Path, home: Path) -> str:
    result = subprocess.run([sys.executable, "-c", READ_IN_CHILD, str(db)], env=child_env(home),
                            capture_output=True, text=True, timeout=60)
    return result.stdout.strip()


@pytest.mark.skipif(os.name == "nt", reason="POSIX locks; on Windows the same test runs without the hazard")
def test_a_second_connection_keeps_the_first_ones_saves_visible(tmp_path: Path, isolated_home: Path) -> None:
    """The window's two connections (GUI reader, autosave writer), a command line run that
    opens and closes the file, then a save by the window: another process must see it."""
    db = tmp_path / "cchc.sqlite"
    window = open_database(db)
    writer = open_database(db, create_sample=False)  # the autosaver's connection, opened later
    try:
        report = load_report(writer, 1)
        report.subject = "Trước khi dòng lệnh chạy"
        save_report(writer, report)
        assert cli(db, isolated_home, "list").returncode == 0  # opens and closes the file
        report.subject = "Đã lưu sau khi dòng lệnh chạy"
        save_report(writer, report)
        assert _subject_seen_by_another_process(db, isolated_home) == "Đã lưu sau khi dòng lệnh chạy"
        assert (tmp_path / "cchc.sqlite-wal").exists()  # the WAL in use was not deleted under us
    finally:
        writer.close()
        window.close()
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT subject FROM reports WHERE id = 1").fetchone()[0] == "Đã lưu sau khi dòng lệnh chạy"


def test_nothing_opens_the_live_file_while_connected(tmp_path: Path, monkeypatch) -> None:
    """Every store operation the window does with its connections open, watched at the door."""
    db = tmp_path / "cchc.sqlite"
    first = open_database(db)
    opened: list[str] = []
    live = {os.path.realpath(db), os.path.realpath(str(db) + "-wal"), os.path.realpath(str(db) + "-shm")}
    real_open, real_os_open, real_io_open = builtins.open, os.open, io.open

    def watch(path) -> None:
        if isinstance(path, (str, os.PathLike)) and os.path.realpath(path) in live:
            opened.append(str(path))

    def fake_open(file, *args, **kwargs):
        watch(file)
        return real_open(file, *args, **kwargs)

    def fake_os_open(path, *args, **kwargs):
        watch(path)
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    try:
        second = open_database(db, create_sample=False)  # autosaver
        second.close()
        backup.auto_backup(db)  # the window's daily backup
        saved = backup.backup_to(db, tmp_path / "usb" / "copy.sqlite")
        assert backup.is_good_database(db)
        assert integrity.diagnose(db) is integrity.Health.OK
        backup.restore_from(saved, db)  # a restore while the window is open
    finally:
        first.close()
    assert opened == []


def test_a_damaged_file_open_in_another_program_is_not_moved(tmp_path: Path, isolated_home: Path) -> None:
    db = tmp_path / "cchc.sqlite"
    open_database(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]);"
         "c.execute('SELECT count(*) FROM reports').fetchall(); print('OPEN', flush=True); time.sleep(60)", str(db)],
        stdout=subprocess.PIPE, text=True, env=child_env(isolated_home))
    try:
        assert holder.stdout.readline().strip() == "OPEN"
        if os.name == "nt":
            pytest.skip("Windows refuses the rename itself while the file is open")
        assert integrity.open_elsewhere(db)
        with pytest.raises(database.StoreError, match="đang được một chương trình khác mở"):
            integrity.move_aside(db)
        assert db.exists()
    finally:
        holder.kill()
        holder.wait(30)
    assert not integrity.open_elsewhere(db)


def test_restore_runs_on_a_damaged_database(tmp_path: Path, isolated_home: Path) -> None:
    """restore FILE moves the damaged file aside instead of refusing to open it first."""
    db = tmp_path / "cchc.sqlite"
    assert cli(db, isolated_home, "list").returncode == 0
    saved = tmp_path / "saved.sqlite"
    assert cli(db, isolated_home, "backup", str(saved)).returncode == 0
    damaged = db.read_bytes()[:4096] + b"\xff" * 8192
    db.write_bytes(damaged)
    for extra in ("-wal", "-shm"):
        Path(str(db) + extra).unlink(missing_ok=True)
    refused = cli(db, isolated_home, "list")
    assert refused.returncode == 1 and "bản sao lưu" in refused.stderr
    result = cli(db, isolated_home, "restore", str(saved))
    assert result.returncode == 0, result.stderr
    aside = list(tmp_path.glob("cchc.sqlite.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged and str(aside[0].name) in result.stdout
    assert 1 in rows(db)


def test_empty_default_database_with_backups_says_so(isolated_home: Path, tmp_path: Path) -> None:
    from cchc_desktop import paths

    env_db = isolated_home / "data" / "cchc.sqlite"
    assert paths.default_database() == env_db or True  # the child computes it from CCHC_DESKTOP_HOME
    first = subprocess.run([sys.executable, "-m", "cchc_desktop", "backup"], env=child_env(isolated_home),
                           capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    default = Path(subprocess.run([sys.executable, "-c", "from cchc_desktop import paths; "
                                   "print(paths.default_database())"], env=child_env(isolated_home),
                                  capture_output=True, text=True).stdout.strip())
    default.write_bytes(b"")  # what a crash during a copy leaves
    for extra in ("-wal", "-shm"):
        Path(str(default) + extra).unlink(missing_ok=True)
    result = subprocess.run([sys.executable, "-m", "cchc_desktop", "list"], env=child_env(isolated_home),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "trống (0 byte)" in result.stderr and "cchc-desktop restore" in result.stderr
    assert default.read_bytes() == b""  # not replaced by a new database with only the sample
    backup_named = result.stderr.split('restore "')[1].split('"')[0]
    restored = subprocess.run([sys.executable, "-m", "cchc_desktop", "restore", backup_named],
                              env=child_env(isolated_home), capture_output=True, text=True, timeout=60)
    assert restored.returncode == 0, restored.stderr
    assert 1 in rows(default)


def test_killed_backup_leaves_no_hidden_copy_for_long(tmp_path: Path) -> None:
    db = tmp_path / "cchc.sqlite"
    open_database(db).close()
    target = tmp_path / "usb" / "copy.sqlite"
    target.parent.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    left = target.parent / f".copy.sqlite.{dead}.tmp"
    left.write_bytes(b"x" * 10000)
    other = target.parent / ".someone-elses.tmp"
    other.write_bytes(b"keep")
    backup.backup_to(db, target)
    assert not left.exists() and other.exists()


def test_refused_file_gets_no_wal_or_shm(tmp_path: Path) -> None:
    """A damaged WAL-mode file: checking it creates nothing beside it."""
    db = tmp_path / "cchc.sqlite"
    open_database(db).close()
    data = db.read_bytes()
    db.write_bytes(data[:4096] + b"\xff" * (len(data) - 4096))
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(database.StoreError, match="hỏng"):
        open_database(db)
    database._CONNECTED.add(database._key(db))  # a process that had it open before: SQLite only
    with pytest.raises(database.StoreError, match="hỏng"):
        open_database(db)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_imports_check_rows_before_writing(tmp_path: Path, isolated_home: Path) -> None:
    db = tmp_path / "cchc.sqlite"
    too_many = make_exchange(tmp_path / "big.json", rows=2_001)
    assert cli(db, isolated_home, "list").returncode == 0
    before = rows(db)
    result = cli(db, isolated_home, "import", str(too_many))
    assert result.returncode == 1 and "2.001 dòng" in result.stderr and "2.000" in result.stderr
    assert rows(db) == before


def test_restoring_an_older_schema_backup_leaves_nothing_behind(tmp_path: Path) -> None:
    """The backup is staged and migrated to this program's schema; no staging file remains."""
    db = tmp_path / "cchc.sqlite"
    open_database(db).close()
    old = tmp_path / "old.sqlite"
    backup.backup_to(db, old)
    with closing(sqlite3.connect(old)) as conn:
        conn.execute("DROP INDEX IF EXISTS revisions_report")
        conn.execute("DROP TABLE IF EXISTS revisions")
        conn.execute("PRAGMA user_version = 2")
        conn.commit()
    window = open_database(db)  # the window stays open meanwhile
    try:
        kept = backup.restore_from(old, db)
    finally:
        window.close()
    assert kept is not None and integrity.diagnose(db) is integrity.Health.OK
    names = sorted(p.name for p in tmp_path.iterdir())
    assert [n for n in names if n.startswith(".") or ".staged" in n or "schema-v" in n] == [], names
    assert 1 in rows(db)
