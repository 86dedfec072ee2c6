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
from . import errors
from .database import APPLICATION_ID, StoreError, connect, peek_header, translate

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
    return connect(path, read_only=read_only)


def is_good_database(path: Path, *, full: bool = False) -> bool:
    """True when ``path`` is one of our database files and SQLite finds no damage in it."""
    siblings = list(_siblings(path))
    existed = [sibling.exists() for sibling in siblings]
    good, busy = False, False
    try:
        header = peek_header(path)  # None once this process is connected: then SQLite alone
        if header is not None and not header.startswith(b"SQLite format 3"):
            return False
        with closing(_connect(path, read_only=True)) as conn:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return False
            pragma = "integrity_check" if full else "quick_check"
            good = conn.execute(f"PRAGMA {pragma}").fetchone()[0] == "ok"
            return good
    except (OSError, sqlite3.Error) as error:
        busy = errors.is_busy(error)
        return False
    finally:
        if not good and not busy:  # a refused file stays as it was: no -wal/-shm of ours beside it
            for sibling, was_there in zip(siblings, existed):
                if not was_there:
                    _unlink_quietly(sibling)


def backup_to(db_path: Path, target: Path, *, full_check: bool = True) -> Path:
    """A consistent copy of ``db_path`` at ``target`` (written beside it, then renamed in)."""
    db_path, target = Path(db_path), Path(target)
    if not db_path.exists():
        raise StoreError(f"Không có tệp cơ sở dữ liệu “{db_path.name}” để sao lưu.")
    if is_live_file(db_path, target):
        raise StoreError(f"Không thể sao lưu vào “{target.name}”: đó là chính tệp dữ liệu đang dùng "
                         "(hoặc tệp đi kèm của nó); hãy chọn một tệp khác, ví dụ trên USB.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"Không tạo được thư mục “{target.parent}” để chứa bản sao lưu.") from error
    sweep_temporaries(target.parent)
    temporary = temporary_name(target)
    action = f"không ghi được bản sao lưu “{target.name}”"
    stage = "create"
    try:
        # Created by us first: a read-only stick or a folder without permission gives its own reason.
        # 0o666: a new file's usual permissions (less the umask), like any other program's.
        os.close(os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY | getattr(os, "O_BINARY", 0),
                         0o666))
        stage = "write"
        with closing(sqlite3.connect(str(temporary))) as copy:
            try:
                source = _connect(db_path)
            except sqlite3.Error as error:
                raise translate(error, db_path) from error  # opening it: the source's fault
            with closing(source):
                try:
                    source.backup(copy)
                except sqlite3.Error as error:
                    if _source_side(error):
                        raise translate(error, db_path) from error
                    raise  # writing the copy failed: the target's disk (below)
            # The copy must stand alone: no WAL file beside it on a USB stick.
            copy.execute("PRAGMA journal_mode = DELETE")
        if not is_good_database(temporary, full=full_check):
            raise StoreError(f"Bản sao lưu “{target.name}” không đạt kiểm tra toàn vẹn; chưa ghi gì.")
        stage = "replace"
        os.replace(temporary, target)
    except sqlite3.Error as error:
        raise StoreError(errors.placed(action, errors.sqlite_reason(error, temporary), target.parent)
                         ) from error
    except OSError as error:
        raise StoreError(errors.placed(action, errors.reason(error, target, stage=stage), target.parent)
                         ) from error
    finally:
        for extra in ("", "-journal", "-wal", "-shm"):
            _unlink_quietly(temporary.with_name(temporary.name + extra))
    return target


def _source_side(error: sqlite3.Error) -> bool:
    """A failed backup step is the source's fault only when the source is busy or damaged:
    the source is only read, so a full, read-only or failing disk is the copy's."""
    return errors.is_busy(error) or errors.is_damage(error)


def is_live_file(db_path: Path, candidate: Path) -> bool:
    """True when ``candidate`` is the database or one of its side files (-wal, -shm, -journal),
    by resolved path (links, "..", case on Windows) and by file identity (hard links)."""
    live = [Path(db_path)] + [Path(db_path).with_name(Path(db_path).name + extra)
                              for extra in ("-wal", "-shm", "-journal")]
    key = os.path.normcase(os.path.realpath(candidate))
    if any(key == os.path.normcase(os.path.realpath(path)) for path in live):
        return True
    try:
        probe = os.stat(candidate)
    except OSError:
        return False  # does not exist yet: not any existing file
    for path in live:
        try:
            if os.path.samestat(probe, os.stat(path)):
                return True
        except OSError:
            continue
    return False


def temporary_name(target: Path) -> Path:
    """A hidden name beside ``target`` that says which process writes it (see sweep_temporaries)."""
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would end the process there
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def sweep_temporaries(directory: Path) -> list[Path]:
    """Remove the hidden copies a killed backup or restore left behind (their writer is gone)."""
    removed = []
    try:
        candidates = [p for p in directory.iterdir() if p.name.startswith(".") and ".tmp" in p.name]
    except OSError:
        return removed
    for path in candidates:
        parts = path.name.split(".tmp")[0].rsplit(".", 1)
        if len(parts) != 2 or not parts[1].isdigit() or _alive(int(parts[1])):
            continue
        _unlink_quietly(path)
        removed.append(path)
    return removed


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
    """Put a copy of the current (healthy) file aside before it is replaced; never overwrites."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    # quick_check: this copy is taken while a restore holds the write lock (other programs wait).
    kept = backup_to(db_path, unused_name(db_path, "before-restore", SUFFIX), full_check=False)
    prune_kept_copies(db_path)
    return kept


KEEP_BEFORE_RESTORE = 5  # each is a whole database: restores that failed or were repeated add up


def prune_kept_copies(db_path: Path, keep: int = KEEP_BEFORE_RESTORE) -> list[Path]:
    """Only the newest ``keep`` copies put aside before a restore stay (names sort by time)."""
    copies = sorted(db_path.parent.glob(f"{db_path.name}.before-restore-*{SUFFIX}"),
                    key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    for old in copies[keep:]:
        _unlink_quietly(old)
    return copies[keep:]


def restore_from(backup: Path, db_path: Path) -> Path | None:
    """Replace the database's content with ``backup`` after checking it; return where the old
    content went.

    A healthy database is first copied aside, then the backup is written *into* it with
    SQLite's backup API: one transaction, safe even while the window of another process has
    the file open (it sees the restored content; nothing it commits afterwards is lost).
    A damaged (or empty) database is moved aside as it is, and the backup put in its place;
    that is refused while another program has the damaged file open.
    """
    from .integrity import Health, diagnose, move_aside  # late import: integrity imports this module

    backup, db_path = Path(backup), Path(db_path)
    if not backup.is_file():
        raise StoreError(f"Không tìm thấy tệp sao lưu “{backup}”.")
    if is_live_file(db_path, backup):
        raise StoreError(f"“{backup.name}” là chính tệp dữ liệu đang dùng, không phải một bản sao lưu; "
                         "chưa thay đổi gì.")
    if not is_good_database(backup, full=True):
        raise StoreError(
            f"Tệp “{backup.name}” không phải bản sao lưu hợp lệ của cchc-desktop hoặc đã bị hỏng; "
            "chưa thay đổi gì."
        )
    health = diagnose(db_path)
    empty = not db_path.exists() or db_path.stat().st_size == 0
    if health is Health.OK and not empty and is_good_database(db_path):
        return _restore_in_place(backup, db_path)
    if health is Health.BUSY:
        raise StoreError(why_unusable(db_path, f"không khôi phục được “{db_path.name}” từ “{backup.name}”"))
    kept = move_aside(db_path) if db_path.exists() and not empty else None
    _replace_with(backup, db_path)
    return kept


def _restore_in_place(backup: Path, db_path: Path) -> Path | None:
    """Keep a copy of the live file and put the backup's rows into it, as one transaction.

    The write lock is taken first, so no other program can commit between the copy kept
    aside and the restore: every change committed before is in the kept copy, every change
    committed after lands in the restored database.  The backup is first staged and brought
    to this program's schema (an older backup is migrated, a newer one refused).
    """
    from .database import open_database

    staged = temporary_name(db_path.with_name(db_path.name + ".staged"))
    try:
        try:
            with closing(_connect(backup, read_only=True)) as source, \
                    closing(sqlite3.connect(str(staged))) as copy:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
        except (OSError, sqlite3.Error) as error:
            raise StoreError(errors.placed(f"không khôi phục được từ “{backup.name}”",
                                           _reason(error, db_path), db_path.parent)) from error
        open_database(staged, create_sample=False).close()  # checks and migrates the staged copy
        live = _connect(db_path)
        live.isolation_level = None
        try:
            live.execute("ATTACH DATABASE ? AS restored", [str(staged)])
            live.execute("BEGIN IMMEDIATE")
            kept = keep_copy(db_path)  # another connection: sees every commit; none can happen now
            _copy_rows(live)
            live.execute("COMMIT")
        except sqlite3.Error as error:
            raise StoreError(errors.placed(f"không khôi phục được từ “{backup.name}”",
                                           _reason(error, db_path), db_path.parent)) from error
        finally:
            if live.in_transaction:
                live.execute("ROLLBACK")
            live.close()
        return kept
    finally:
        for extra in ("", "-journal", "-wal", "-shm"):
            _unlink_quietly(staged.with_name(staged.name + extra))
        for copy in staged.parent.glob(staged.name + ".schema-v*.bak"):  # an old backup was migrated
            _unlink_quietly(copy)


def why_unusable(db_path: Path, action: str) -> str:
    """The sentence for a database SQLite gave no verdict on (integrity.diagnose: BUSY).

    "Busy" only when SQLite says busy: a read-only or full disk, or a folder without
    permission, also leaves no verdict, and waiting would not help there.
    """
    busy = (f"Tệp “{db_path.name}” đang được một chương trình khác ghi; hãy thử lại sau giây lát.")
    try:
        with closing(connect(db_path, read_only=True, timeout=0.5)) as conn:
            conn.execute("BEGIN")
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                conn.execute("COMMIT")
    except sqlite3.Error as error:
        if not errors.is_busy(error):
            return errors.placed(action, errors.sqlite_reason(error, db_path), db_path.parent)
        return busy
    # It opens now: the disk may still refuse writes (SQLite reads a read-only disk).
    folder = db_path.parent
    if errors.read_only_mount(folder):
        return errors.placed(action, errors.READ_ONLY_DISK, folder)
    if errors.disk_full(folder):
        return errors.placed(action, errors.DISK_FULL, folder)
    return busy


def _reason(error: BaseException, path: Path) -> str:
    if isinstance(error, sqlite3.Error):
        return errors.sqlite_reason(error, path)
    return errors.reason(error, path)


def _copy_rows(live: sqlite3.Connection) -> None:
    """Every table of the live file gets the restored rows (same schema: the staged copy was
    migrated).  Foreign keys are checked at COMMIT, when every table is complete."""
    from .identity import after_restore  # late import: identity imports database

    live.execute("PRAGMA defer_foreign_keys = ON")
    kept = dict(live.execute("SELECT name, value FROM main.counters").fetchall())
    tables = [row[0] for row in live.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    restored = {row[0] for row in live.execute(
        "SELECT name FROM restored.sqlite_master WHERE type = 'table'")}
    for table in tables:
        live.execute(f'DELETE FROM main."{table}"')
    for table in tables:
        if table not in restored:
            continue
        columns = [row[1] for row in live.execute(f'PRAGMA main.table_info("{table}")')]
        theirs = {row[1] for row in live.execute(f'PRAGMA restored.table_info("{table}")')}
        names = ", ".join(f'"{c}"' for c in columns if c in theirs)
        live.execute(f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM restored."{table}"')
    if "sqlite_sequence" in restored:
        live.execute("DELETE FROM main.sqlite_sequence")
        live.execute("INSERT INTO main.sqlite_sequence SELECT * FROM restored.sqlite_sequence")
    after_restore(live, kept)  # ids never given twice; every open window sees its report changed


def _replace_with(backup: Path, db_path: Path) -> None:
    temporary = temporary_name(db_path)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        with closing(_connect(backup, read_only=True)) as source, \
                closing(sqlite3.connect(str(temporary))) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        for sibling in _siblings(db_path):
            sibling.unlink(missing_ok=True)  # an old WAL must not be replayed over the restored file
        os.replace(temporary, db_path)
    except sqlite3.Error as error:
        raise StoreError(errors.placed(f"không khôi phục được từ “{backup.name}”",
                                       errors.sqlite_reason(error, db_path), db_path.parent)) from error
    except OSError as error:
        raise StoreError(errors.placed(f"không khôi phục được từ “{backup.name}”",
                                       errors.reason(error, db_path, stage="replace"), db_path.parent)
                         ) from error
    finally:
        for extra in ("", "-journal", "-wal", "-shm"):
            _unlink_quietly(temporary.with_name(temporary.name + extra))
