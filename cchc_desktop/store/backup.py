"""Backups of the database file, made with SQLite's online backup API.

Why the backup API and not a file copy: the database runs in WAL mode, so the main file alone
can miss the latest saves, and a copy taken while the window is saving can be torn.  The API
copies a consistent snapshot even while another connection writes.

Automatic backups rotate in ``paths.data_dir()/backups``: one per day, per ISO week and per
month, keeping KEEP of each kind (names sort by time, so pruning is a sort).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path

from .. import paths
from .database import APPLICATION_ID, BUSY_TIMEOUT_MS, StoreError

KEEP = {"daily": 7, "weekly": 5, "monthly": 12}
SUFFIX = ".sqlite"


def backups_dir() -> Path:
    return paths.data_dir() / "backups"


def _stamp(kind: str, moment: datetime) -> str:
    if kind == "daily":
        return moment.strftime("%Y-%m-%d")
    if kind == "weekly":
        year, week, _ = moment.isocalendar()
        return f"{year}-W{week:02d}"
    return moment.strftime("%Y-%m")


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        uri = path.resolve().as_uri() + "?mode=ro"
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)


def is_good_database(path: Path, *, full: bool = False) -> bool:
    """True when ``path`` is one of our database files and SQLite finds no damage in it."""
    try:
        with path.open("rb") as handle:
            if not handle.read(16).startswith(b"SQLite format 3"):
                return False
        with closing(_connect(path, read_only=True)) as conn:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return False
            pragma = "integrity_check" if full else "quick_check"
            return conn.execute(f"PRAGMA {pragma}").fetchone()[0] == "ok"
    except (OSError, sqlite3.Error):
        return False


def backup_to(db_path: Path, target: Path) -> Path:
    """A consistent copy of ``db_path`` at ``target`` (written beside it, then renamed in)."""
    db_path, target = Path(db_path), Path(target)
    if not db_path.exists():
        raise StoreError(f"Không có tệp cơ sở dữ liệu “{db_path.name}” để sao lưu.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"Không tạo được thư mục “{target.parent}” để chứa bản sao lưu.") from error
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        with closing(_connect(db_path)) as source, closing(sqlite3.connect(str(temporary))) as copy:
            source.backup(copy)
            # The copy must stand alone: no WAL file beside it on a USB stick.
            copy.execute("PRAGMA journal_mode = DELETE")
        if not is_good_database(temporary, full=True):
            raise StoreError(f"Bản sao lưu “{target.name}” không đạt kiểm tra toàn vẹn; chưa ghi gì.")
        os.replace(temporary, target)
    except sqlite3.Error as error:
        raise StoreError(f"Không sao lưu được “{db_path.name}”: {error}.") from error
    except OSError as error:
        raise StoreError(
            f"Không ghi được bản sao lưu vào “{target}”: {error.strerror or error} "
            "(ổ đĩa đầy, không có quyền ghi hoặc thiết bị đã rút ra)."
        ) from error
    finally:
        temporary.unlink(missing_ok=True)
    return target


def list_backups(directory: Path | None = None) -> list[Path]:
    """Every automatic backup, newest first (by modification time)."""
    directory = directory or backups_dir()
    if not directory.is_dir():
        return []
    files = [p for p in directory.iterdir() if p.suffix == SUFFIX and not p.name.startswith(".")]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def auto_backup(db_path: Path, now: datetime | None = None, directory: Path | None = None) -> list[Path]:
    """Make today's, this week's and this month's backup if missing; prune old ones.

    Returns the files written (empty when all three exist already).  One snapshot is taken
    and copied to the other kinds, so they agree with each other.
    """
    now = now or datetime.now()
    directory = directory or backups_dir()
    wanted = [directory / f"{kind}-{_stamp(kind, now)}{SUFFIX}" for kind in KEEP]
    missing = [path for path in wanted if not path.exists()]
    if missing:
        backup_to(db_path, missing[0])
        for path in missing[1:]:
            shutil.copy2(missing[0], path)
    _prune(directory)
    return missing


def _prune(directory: Path) -> None:
    for kind, keep in KEEP.items():
        files = sorted(directory.glob(f"{kind}-*{SUFFIX}"), reverse=True)  # stamps sort by time
        for old in files[keep:]:
            old.unlink(missing_ok=True)


def newest_good_backup(directory: Path | None = None) -> Path | None:
    """The most recent backup that opens and passes SQLite's integrity check."""
    for path in list_backups(directory):
        if is_good_database(path, full=True):
            return path
    return None


def _siblings(db_path: Path) -> Iterator[Path]:
    for extra in ("-wal", "-shm"):
        yield db_path.with_name(db_path.name + extra)


def unused_name(db_path: Path, label: str, suffix: str = "") -> Path:
    """'<name>.<label>-<time><suffix>' beside ``db_path``, numbered so nothing is overwritten."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.{label}-{stamp}{suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = db_path.with_name(f"{db_path.name}.{label}-{stamp}-{counter}{suffix}")
    return target


def keep_copy(db_path: Path) -> Path | None:
    """Put the current file aside before it is replaced; never overwrites anything."""
    if not db_path.exists():
        return None
    target = unused_name(db_path, "before-restore", SUFFIX)
    try:
        return backup_to(db_path, target)
    except StoreError:
        # The current file may be damaged: keep its bytes (and its WAL) instead.
        shutil.copy2(db_path, target)
        for sibling in _siblings(db_path):
            if sibling.exists():
                shutil.copy2(sibling, target.with_name(target.name + sibling.name[-4:]))
        return target


def restore_from(backup: Path, db_path: Path) -> Path | None:
    """Replace the database with ``backup`` after checking it; return where the old file went.

    Close every connection to ``db_path`` first (the window reopens it afterwards).
    """
    backup, db_path = Path(backup), Path(db_path)
    if not backup.is_file():
        raise StoreError(f"Không tìm thấy tệp sao lưu “{backup}”.")
    if not is_good_database(backup, full=True):
        raise StoreError(
            f"Tệp “{backup.name}” không phải bản sao lưu hợp lệ của cchc-desktop hoặc đã bị hỏng; "
            "chưa thay đổi gì."
        )
    kept = keep_copy(db_path)
    temporary = db_path.with_name(f".{db_path.name}.restoring")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        with closing(_connect(backup, read_only=True)) as source, \
                closing(sqlite3.connect(str(temporary))) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        for sibling in _siblings(db_path):
            sibling.unlink(missing_ok=True)  # an old WAL must not be replayed over the restored file
        os.replace(temporary, db_path)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"Không khôi phục được từ “{backup.name}”: {error}.") from error
    finally:
        temporary.unlink(missing_ok=True)
    return kept
