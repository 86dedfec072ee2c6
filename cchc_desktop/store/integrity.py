"""Integrity at start: a damaged database is moved aside and the newest good backup offered.

Meant for the app's own database (the default file, or one the clerk opened before): a file
that is not a SQLite file at all is treated as damaged here, so do NOT call this on an
arbitrary ``--db`` path that may belong to someone else (open_database refuses those).
The damaged bytes are never overwritten: the file is renamed, its -wal/-shm with it.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from . import errors
from .backup import newest_good_backup, restore_from, unused_name, why_unusable
from .database import SQLITE_HEADER, StoreError, connect, peek_header, sidecar_remover


class Health(StrEnum):
    OK = "ok"  # nothing to do (also: no file yet)
    BUSY = "busy"  # another program holds a write lock; not damage, try later
    DAMAGED = "damaged"  # moved aside; see RecoveryResult.backup


@dataclass
class RecoveryResult:
    health: Health
    moved_to: Path | None = None  # where the damaged file now is
    backup: Path | None = None  # the newest good backup, offered to the clerk
    message: str = ""  # Vietnamese explanation for the dialog (empty when OK)


def diagnose(db_path: Path) -> Health:
    """SQLite's verdict on the file (PRAGMA quick_check under a read transaction).

    Never the header's page count against the file size: while another program writes pages
    back from its WAL the header runs ahead of the file, and a healthy file would be taken
    for a damaged one.  Only two things are damage: SQLite says so, or the file is not a
    SQLite file at all (its first bytes, read only before this process connects to it).
    """
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return Health.OK
    try:
        header = peek_header(db_path)
    except OSError:
        return Health.BUSY  # unreadable now (locked by another program, permissions): no verdict
    if header is not None and (len(header) < 100 or not header.startswith(SQLITE_HEADER)):
        return Health.DAMAGED
    remove_ours = sidecar_remover(db_path)
    verdict = _sqlite_verdict(db_path)
    if verdict is Health.DAMAGED:  # leave a damaged file as we found it: no -wal/-shm of ours
        remove_ours()
    return verdict


def _sqlite_verdict(db_path: Path) -> Health:
    try:
        with closing(connect(db_path, read_only=True)) as conn:
            conn.execute("BEGIN")  # one read transaction: one consistent snapshot
            try:
                result = conn.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                conn.execute("COMMIT")
    except sqlite3.Error as error:
        if errors.is_damage(error):
            return Health.DAMAGED
        return Health.BUSY  # locked, busy, unable to open, I/O: no evidence of damage
    return Health.OK if result == "ok" else Health.DAMAGED


def open_elsewhere(db_path: Path) -> bool:
    """True when another process holds SQLite locks on ``db_path`` (it has the file open).

    POSIX: SQLite's locks are fcntl byte-range locks; F_GETLK asks about them without taking
    any.  Call this only when *this* process holds no connection to the file (its own locks
    would be dropped when the descriptor opened here is closed).  Windows has no such
    question: there a file another program has open cannot be renamed, so move_aside fails
    with a clear message instead.
    """
    try:
        import fcntl
        import struct
    except ImportError:
        return False
    pending = 0x40000000  # SQLite's PENDING_BYTE; the lock bytes follow it

    def locked(path: Path, start: int, length: int) -> bool:
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                return False
        try:
            if sys.platform == "darwin":  # struct flock: start, len, pid, type, whence
                query = struct.pack("qqihh", start, length, 0, fcntl.F_WRLCK, 0)
                return struct.unpack("qqihh", fcntl.fcntl(fd, fcntl.F_GETLK, query))[3] != fcntl.F_UNLCK
            query = struct.pack("hhqqi4x", fcntl.F_WRLCK, 0, start, length, 0)  # Linux, BSD-like
            return struct.unpack("hhqqi4x", fcntl.fcntl(fd, fcntl.F_GETLK, query))[0] != fcntl.F_UNLCK
        except OSError:
            return False
        finally:
            os.close(fd)

    shm = db_path.with_name(db_path.name + "-shm")
    if locked(db_path, pending, 512 + 2):
        return True
    return shm.exists() and locked(shm, 120, 9)  # WAL lock bytes and the "still in use" byte


def move_aside(db_path: Path) -> Path:
    """Rename the damaged file (and its -wal/-shm) to a name that does not exist yet.

    Never while another program has it open: renaming it under that program would lose
    what it writes next.
    """
    if open_elsewhere(db_path):
        raise StoreError(
            f"Tệp “{db_path.name}” bị hỏng nhưng đang được một chương trình khác mở; "
            "hãy đóng các chương trình khác (cả cửa sổ cchc-desktop khác) rồi thử lại."
        )
    target = unused_name(db_path, "damaged")
    try:
        os.rename(db_path, target)  # rename, not copy: the bytes stay exactly as they were
        for extra in ("-wal", "-shm"):
            sibling = db_path.with_name(db_path.name + extra)
            if sibling.exists():
                os.rename(sibling, target.with_name(target.name + extra))
    except OSError as error:
        reason = errors.reason(error, db_path, stage="replace")
        action = f"tệp “{db_path.name}” bị hỏng và không đổi tên được để giữ lại"
        if isinstance(error, PermissionError) and reason in (errors.IN_USE, errors.NO_PERMISSION):
            reason = "tệp đang được một chương trình khác mở; hãy đóng các chương trình khác rồi mở lại"
        # A read-only or full disk, a folder without permission: said as such, never "in use".
        raise StoreError(errors.placed(action, reason, db_path.parent)) from error
    return target


def empty_with_backup(db_path: Path, backups: Path | None = None) -> Path | None:
    """The newest good backup when the database is missing or empty (0 bytes) although backups
    of it exist: what a crash during a copy or a full USB stick leaves.  None otherwise."""
    db_path = Path(db_path)
    try:
        if db_path.exists() and db_path.stat().st_size > 0:
            return None
    except OSError:
        return None
    return newest_good_backup(backups)


def empty_message(db_path: Path, backup: Path, *, window: bool) -> str:
    taken = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%H:%M ngày %d/%m/%Y")
    state = "trống (0 byte)" if db_path.exists() else "không còn"
    if window:
        return (f"Tệp dữ liệu “{db_path.name}” {state}, có thể do máy tắt đột ngột hoặc ổ đĩa đầy. "
                f"Có bản sao lưu còn tốt lúc {taken}; bạn có muốn khôi phục từ bản này không?")
    return (f"Tệp dữ liệu “{db_path.name}” {state}, có thể do máy tắt đột ngột hoặc ổ đĩa đầy. "
            f"Có bản sao lưu còn tốt lúc {taken}: khôi phục bằng lệnh "
            f"cchc-desktop restore \"{backup}\"")


def check_and_recover(db_path: Path, backups: Path | None = None) -> RecoveryResult:
    """Check ``db_path`` before opening; a damaged file is moved aside and a backup offered.

    The backup is only offered: call ``accept_backup`` when the clerk agrees, or open the
    path as usual to start with an empty database.
    """
    db_path = Path(db_path)
    health = diagnose(db_path)
    if health is Health.OK:
        return RecoveryResult(Health.OK)
    if health is Health.BUSY:  # no verdict: busy, or a read-only or full disk (said as such)
        return RecoveryResult(Health.BUSY, message=why_unusable(db_path, f"không mở được “{db_path.name}”"))
    moved = move_aside(db_path)
    backup = newest_good_backup(backups)
    if backup is None:
        message = (f"Tệp dữ liệu bị hỏng nên đã được đổi tên thành “{moved.name}” (không xóa gì). "
                   "Không tìm thấy bản sao lưu còn tốt; chương trình sẽ bắt đầu với tệp dữ liệu mới.")
    else:
        taken = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%H:%M ngày %d/%m/%Y")
        message = (f"Tệp dữ liệu bị hỏng nên đã được đổi tên thành “{moved.name}” (không xóa gì). "
                   f"Có bản sao lưu còn tốt lúc {taken}; bạn có muốn khôi phục từ bản này không?")
    return RecoveryResult(Health.DAMAGED, moved_to=moved, backup=backup, message=message)


def accept_backup(result: RecoveryResult, db_path: Path) -> None:
    """Put the offered backup in place of the damaged (already moved) file."""
    if result.backup is None:
        raise StoreError("Không có bản sao lưu nào để khôi phục.")
    restore_from(result.backup, db_path)
