"""Backup and restore name the right reason: the disk that is full or read-only, never "busy"
or the source database for a fault of the target (issue 22).

Each case is made at the level where it happens (a SQLite error from the copy, an OSError
from os.open/os.replace), and again on a real small or read-only file system when the tests
run as root and may mount one.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from cchc_desktop import cli
from cchc_desktop.store import backup, errors, integrity
from cchc_desktop.store.database import open_database

ENGLISH = ("database", "disk is full", "Errno", "Traceback", "Read-only", "No space", "busy", "locked")
BUSY_WORDS = "đang được một chương trình khác"


def _sqlite_error(text: str, code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code
    return error


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "cchc.sqlite"
    path.parent.mkdir()
    open_database(path).close()
    return path


@pytest.fixture
def saved(tmp_path: Path, db: Path) -> Path:
    return backup.backup_to(db, tmp_path / "saved" / "b.sqlite")


def _refusal(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    code = cli.main(argv)
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert code == 1, err
    assert len(lines) == 1 and lines[0].startswith("Lỗi: "), err
    assert not any(word in err for word in ENGLISH), err
    return lines[0]


# ------------------------------------------------------------------ backup


class _CopyFails:
    """A source connection whose backup step fails the way a full target makes it fail."""

    def __init__(self, conn: sqlite3.Connection, error: sqlite3.Error) -> None:
        self._conn, self._error = conn, error

    def backup(self, *args, **kwargs):
        raise self._error

    def __getattr__(self, name):
        return getattr(self._conn, name)


@pytest.mark.parametrize("error, words", [
    (_sqlite_error("database or disk is full", errors.SQLITE_FULL), "đã đầy"),
    (_sqlite_error("attempt to write a readonly database", errors.SQLITE_READONLY), "chỉ đọc"),
])
def test_a_full_target_is_not_blamed_on_the_source(tmp_path: Path, db: Path, monkeypatch, capsys,
                                                   error, words) -> None:
    target = tmp_path / "usb" / "copy.sqlite"
    real = backup._connect

    def connect(path, *, read_only=False):
        conn = real(path, read_only=read_only)
        return _CopyFails(conn, error) if Path(path) == db and not read_only else conn

    monkeypatch.setattr(backup, "_connect", connect)
    monkeypatch.setattr(errors, "read_only_mount", lambda folder: Path(folder) == target.parent)
    line = _refusal(capsys, ["--db", str(db), "backup", str(target)])
    assert line.startswith(f"Lỗi: Ổ đĩa chứa “{target.parent}”") and words in line, line
    assert "cchc.sqlite" not in line  # the source database is fine
    assert sorted(p.name for p in target.parent.iterdir()) == []


def test_a_busy_source_is_still_the_sources(tmp_path: Path, db: Path, monkeypatch) -> None:
    real = backup._connect

    def connect(path, *, read_only=False):
        conn = real(path, read_only=read_only)
        busy = _sqlite_error("database is locked", errors.SQLITE_BUSY)
        return _CopyFails(conn, busy) if Path(path) == db and not read_only else conn

    monkeypatch.setattr(backup, "_connect", connect)
    with pytest.raises(backup.StoreError, match=BUSY_WORDS) as caught:
        backup.backup_to(db, tmp_path / "usb" / "copy.sqlite")
    assert "cchc.sqlite" in str(caught.value)


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "đã đầy"), (errno.EROFS, "chỉ đọc")])
def test_target_creation_names_the_targets_disk(tmp_path: Path, db: Path, monkeypatch, capsys,
                                                code, words) -> None:
    target = tmp_path / "usb" / "copy.sqlite"
    target.parent.mkdir()
    real = os.open

    def refuse(path, *args, **kwargs):
        if Path(path).parent == target.parent:
            raise OSError(code, os.strerror(code))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(backup.os, "open", refuse)
    line = _refusal(capsys, ["--db", str(db), "backup", str(target)])
    assert line.startswith(f"Lỗi: Ổ đĩa chứa “{target.parent}”") and words in line, line


# ------------------------------------------------------------------ restore


def _no_verdict(monkeypatch, db: Path, error: sqlite3.Error) -> None:
    """SQLite cannot open the database at all (what a read-only or full disk does to a WAL file)."""
    real = integrity.connect

    def connect(path, *args, **kwargs):
        if Path(path) == db:
            raise error
        return real(path, *args, **kwargs)

    monkeypatch.setattr(integrity, "connect", connect)
    monkeypatch.setattr(backup, "connect", connect)


def test_restore_on_a_read_only_disk_is_not_called_busy(db: Path, saved: Path, monkeypatch, capsys) -> None:
    _no_verdict(monkeypatch, db, _sqlite_error("unable to open database file", errors.SQLITE_CANTOPEN))
    monkeypatch.setattr(errors, "read_only_mount", lambda folder: Path(folder) == db.parent)
    line = _refusal(capsys, ["--db", str(db), "restore", str(saved)])
    assert BUSY_WORDS not in line
    assert line.startswith(f"Lỗi: Ổ đĩa chứa “{db.parent}” đang ở chế độ chỉ đọc"), line


def test_restore_on_a_full_disk_is_not_called_busy(db: Path, saved: Path, monkeypatch, capsys) -> None:
    _no_verdict(monkeypatch, db, _sqlite_error("disk I/O error", 4874))  # SQLITE_IOERR_SHMSIZE
    monkeypatch.setattr(errors, "disk_full", lambda folder: Path(folder) == db.parent)
    line = _refusal(capsys, ["--db", str(db), "restore", str(saved)])
    assert BUSY_WORDS not in line
    assert line.startswith(f"Lỗi: Ổ đĩa chứa “{db.parent}” đã đầy"), line


def test_restore_of_a_really_busy_file_says_busy(db: Path, saved: Path, monkeypatch) -> None:
    _no_verdict(monkeypatch, db, _sqlite_error("database is locked", errors.SQLITE_BUSY))
    with pytest.raises(backup.StoreError, match=BUSY_WORDS):
        backup.restore_from(saved, db)


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "đã đầy"), (errno.EROFS, "chỉ đọc")])
def test_restore_over_an_empty_file_names_the_disk(db: Path, saved: Path, monkeypatch, capsys,
                                                   code, words) -> None:
    for extra in ("", "-wal", "-shm"):
        db.with_name(db.name + extra).unlink(missing_ok=True)
    db.write_bytes(b"")  # what a crash leaves: replaced by the backup (_replace_with)

    def refuse(src, dst):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(backup.os, "replace", refuse)
    line = _refusal(capsys, ["--db", str(db), "restore", str(saved)])
    assert line.startswith(f"Lỗi: Ổ đĩa chứa “{db.parent}”") and words in line, line
    assert BUSY_WORDS not in line


# ------------------------------------------------------------------ classification


def test_a_read_only_disk_wins_over_little_free_space(tmp_path: Path, monkeypatch) -> None:
    """A write-protected stick is often nearly full too: read-only is a fact, "full" a guess."""
    monkeypatch.setattr(errors, "read_only_mount", lambda folder: True)
    monkeypatch.setattr(errors, "disk_full", lambda folder: True)
    error = _sqlite_error("unable to open database file", errors.SQLITE_CANTOPEN)
    assert errors.sqlite_reason(error, tmp_path / "a.sqlite") == errors.READ_ONLY_DISK


def test_os_error_text_is_not_read_as_a_sqlite_code() -> None:
    assert errors.sqlite_code(OSError(errno.EBUSY, "Device or resource busy")) is None
    assert not errors.is_busy(PermissionError(errno.EACCES, "file locked by another process"))


# ------------------------------------------------------------------ real file systems


from tests.reliability.test_hostile_inputs import small_disk  # noqa: E402 - one tmpfs helper


def test_real_full_stick_for_a_backup(tmp_path: Path, db: Path, capsys) -> None:
    with small_disk(tmp_path / "usb", 16) as usb:
        line = _refusal(capsys, ["--db", str(db), "backup", str(usb / "copy.sqlite")])
        assert line.startswith(f"Lỗi: Ổ đĩa chứa “{usb}” đã đầy"), line
        assert "cchc.sqlite" not in line
        assert sorted(usb.iterdir()) == []


@pytest.mark.parametrize("trouble", ["read-only", "full"])
def test_real_read_only_or_full_disk_for_a_restore(tmp_path: Path, saved: Path, capsys, trouble: str) -> None:
    with small_disk(tmp_path / "disk", 4096) as disk:
        db = disk / "cchc.sqlite"
        open_database(db).close()
        if trouble == "read-only":
            subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        else:
            with (disk / "filler.bin").open("wb") as handle:
                stats = os.statvfs(disk)
                handle.write(b"\0" * (stats.f_bavail * stats.f_frsize))
        line = _refusal(capsys, ["--db", str(db), "restore", str(saved)])
        assert BUSY_WORDS not in line
        words = "đang ở chế độ chỉ đọc" if trouble == "read-only" else "đã đầy"
        assert line.startswith(f"Lỗi: Ổ đĩa chứa “{disk}” {words}"), line


# ------------------------------------------------------------------ integrity at start


def test_start_on_a_read_only_disk_is_not_called_busy(db: Path, monkeypatch) -> None:
    _no_verdict(monkeypatch, db, _sqlite_error("unable to open database file", errors.SQLITE_CANTOPEN))
    monkeypatch.setattr(errors, "read_only_mount", lambda folder: Path(folder) == db.parent)
    result = integrity.check_and_recover(db)
    assert result.health is integrity.Health.BUSY  # no verdict: nothing moved
    assert BUSY_WORDS not in result.message
    assert result.message.startswith(f"Ổ đĩa chứa “{db.parent}” đang ở chế độ chỉ đọc"), result.message


@pytest.mark.parametrize("error, words", [
    (OSError(errno.EROFS, "Read-only file system"), "Ổ đĩa chứa"),
    (PermissionError(errno.EACCES, "Permission denied"), "không có quyền ghi vào thư mục"),
])
def test_moving_a_damaged_file_aside_names_the_real_reason(db: Path, monkeypatch, error, words) -> None:
    def refuse(src, dst):
        raise error

    monkeypatch.setattr(integrity.os, "rename", refuse)
    monkeypatch.setattr(errors, "_folder_writable", lambda folder: False)  # root writes anywhere
    with pytest.raises(integrity.StoreError) as caught:
        integrity.move_aside(db)
    message = str(caught.value)
    assert words in message and "chương trình khác" not in message, message
    assert not any(word in message for word in ENGLISH), message
