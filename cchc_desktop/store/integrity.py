"""Integrity at start: a damaged database is moved aside and the newest good backup offered.

Meant for the app's own database (the default file, or one the clerk opened before): a file
that is not a SQLite file at all is treated as damaged here, so do NOT call this on an
arbitrary ``--db`` path that may belong to someone else (open_database refuses those).
The damaged bytes are never overwritten: the file is renamed, its -wal/-shm with it.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from .backup import newest_good_backup, restore_from, unused_name
from .database import BUSY_TIMEOUT_MS, SQLITE_HEADER, StoreError


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


def _declared_size(header: bytes) -> int:
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if header[24:28] != header[92:96]:  # page count valid only when the counters agree
        return 0
    return page_size * int.from_bytes(header[28:32], "big")


def diagnose(db_path: Path) -> Health:
    """Quick look at the file (header, size promised by the header, PRAGMA quick_check)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return Health.OK
    with db_path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return Health.DAMAGED
    if _declared_size(header) > db_path.stat().st_size:
        return Health.DAMAGED  # truncated: cut off after the header
    try:
        uri = db_path.resolve().as_uri() + "?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.OperationalError as error:
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            return Health.BUSY
        return Health.DAMAGED
    except sqlite3.DatabaseError:
        return Health.DAMAGED
    return Health.OK if result == "ok" else Health.DAMAGED


def move_aside(db_path: Path) -> Path:
    """Rename the damaged file (and its -wal/-shm) to a name that does not exist yet."""
    target = unused_name(db_path, "damaged")
    try:
        os.rename(db_path, target)  # rename, not copy: the bytes stay exactly as they were
        for extra in ("-wal", "-shm"):
            sibling = db_path.with_name(db_path.name + extra)
            if sibling.exists():
                os.rename(sibling, target.with_name(target.name + extra))
    except OSError as error:
        raise StoreError(
            f"Tệp “{db_path.name}” bị hỏng và không đổi tên được để giữ lại ({error.strerror or error}); "
            "hãy đóng các chương trình khác rồi mở lại."
        ) from error
    return target


def check_and_recover(db_path: Path, backups: Path | None = None) -> RecoveryResult:
    """Check ``db_path`` before opening; a damaged file is moved aside and a backup offered.

    The backup is only offered: call ``accept_backup`` when the clerk agrees, or open the
    path as usual to start with an empty database.
    """
    db_path = Path(db_path)
    health = diagnose(db_path)
    if health is Health.OK:
        return RecoveryResult(Health.OK)
    if health is Health.BUSY:
        return RecoveryResult(Health.BUSY, message=(
            f"Tệp “{db_path.name}” đang được một chương trình khác ghi; hãy đóng chương trình đó rồi thử lại."))
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
