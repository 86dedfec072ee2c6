"""Open or create the SQLite file: checks, pragmas, schema version and numbered migrations.

A file is ours when its ``application_id`` is APPLICATION_ID.  Anything else that is not an
empty file is refused *before* we write a byte to it: a wrong ``--db`` must never damage a
file that belongs to someone else.  Schema changes are numbered functions in MIGRATIONS;
``PRAGMA user_version`` says how many have run.  Before migrating an existing file we take a
byte copy beside it (``cchc.sqlite.schema-v1.bak``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from .. import paths

APPLICATION_ID = 0x43434843  # "CCHC": marks the file as a cchc-desktop database
BUSY_TIMEOUT_MS = 5000  # how long we wait for another program's write to finish
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A problem with the database file, as one clear Vietnamese sentence."""


# ---------------------------------------------------------------- migrations


def _migration_1(db: sqlite_utils.Database) -> None:
    """Organisation (one row) and reports (codec JSON document + indexed metadata)."""
    db.execute(
        "CREATE TABLE organization (id INTEGER PRIMARY KEY CHECK (id = 1), document TEXT NOT NULL)"
    )
    db.execute(
        """CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            document TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            period_kind TEXT NOT NULL,
            period_year INTEGER NOT NULL,
            period_index INTEGER,
            status TEXT NOT NULL DEFAULT 'draft',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        )"""
    )
    db.execute("CREATE INDEX reports_period ON reports (period_year, period_kind, period_index)")
    db.execute("CREATE INDEX reports_updated ON reports (deleted_at, updated_at)")


def _migration_2(db: sqlite_utils.Database) -> None:
    """Accent-free search key (SQLite cannot fold Vietnamese itself), filled for old rows."""
    from .reports import search_key_for  # late import: reports imports this module

    db.execute("ALTER TABLE reports ADD COLUMN search_key TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, document FROM reports").fetchall()
    for report_id, document in rows:
        db.execute("UPDATE reports SET search_key = ? WHERE id = ?", [search_key_for(document), report_id])
    db.execute("CREATE INDEX reports_search ON reports (search_key)")


def _migration_3(db: sqlite_utils.Database) -> None:
    """Revisions (history of each report): see revisions.py."""
    from .revisions import migrate  # late import: revisions imports this module

    migrate(db)


def _migration_4(db: sqlite_utils.Database) -> None:
    """Documents in the report format version 2 (parts, tables, footnotes, appendix forms).

    Every stored report and revision is read (the codec still reads version 1) and written
    again; a document the codec refuses is left as it was, never dropped."""
    import json

    from ..core.codec import FormatError, report_from_dict, report_to_dict

    for table in ("reports", "revisions"):
        rows = db.execute(f"SELECT id, document FROM {table}").fetchall()
        for row_id, document in rows:
            try:
                upgraded = json.dumps(report_to_dict(report_from_dict(json.loads(document))), ensure_ascii=False)
            except (FormatError, ValueError, TypeError):
                continue
            if table == "revisions":
                db.execute("UPDATE revisions SET document = ?, size = ? WHERE id = ?",
                           [upgraded, len(upgraded), row_id])
            else:
                db.execute("UPDATE reports SET document = ? WHERE id = ?", [upgraded, row_id])


# Append new migrations here; never edit one that has shipped.
MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (
    _migration_1, _migration_2, _migration_3, _migration_4)
SCHEMA_VERSION = len(MIGRATIONS)


# ---------------------------------------------------------------- opening


def open_database(path: Path | None = None, *, create_sample: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path``; raise StoreError, never touching a bad file."""
    path = Path(path) if path is not None else paths.default_database()
    _check_location(path)
    fresh = not path.exists() or path.stat().st_size == 0
    if not fresh:
        _check_file(path)
    try:
        db = sqlite_utils.Database(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000))
    except sqlite3.Error as error:
        raise _translate(error, path) from error
    try:
        _prepare(db, path, create_sample)
    except BaseException:
        db.close()
        raise
    return db


def _check_location(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"“{path}” là một thư mục, không phải tệp cơ sở dữ liệu. Hãy chọn một tệp.")
    if path.exists():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"Không tạo được thư mục “{path.parent}” để lưu cơ sở dữ liệu.") from error


def _check_file(path: Path) -> None:
    """Refuse files that are not ours, damaged, too new or read-only, reading them only."""
    name = path.name
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise StoreError(f"Không đọc được tệp “{name}”: {error.strerror or error}.") from error
    if not header.startswith(SQLITE_HEADER):
        raise StoreError(f"Tệp “{name}” không phải là cơ sở dữ liệu của cchc-desktop.")
    if len(header) < 100 or _declared_size(header) > path.stat().st_size:
        raise StoreError(f"Tệp “{name}” bị cắt cụt hoặc hỏng; hãy dùng một bản sao lưu.")
    if not path.stat().st_mode & stat.S_IWUSR or not _writable(path):
        raise StoreError(f"Tệp “{name}” chỉ cho phép đọc; hãy bỏ thuộc tính chỉ đọc hoặc chép nó sang nơi khác.")
    application_id, version = _header_fields(path, header)
    if application_id != APPLICATION_ID:
        raise StoreError(f"Tệp “{name}” là cơ sở dữ liệu SQLite nhưng không phải của cchc-desktop.")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"Tệp “{name}” được tạo bởi phiên bản cchc-desktop mới hơn (lược đồ {version}); "
            "hãy cập nhật chương trình."
        )
    _quick_check(path)


def _header_fields(path: Path, header: bytes) -> tuple[int, int]:
    """application_id and user_version, from the header bytes when no WAL file holds newer ones.

    Reading the bytes ourselves matters: even a read-only SQLite connection to a WAL-mode
    file creates -wal/-shm beside it, and a file we refuse must stay alone.
    """
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return int.from_bytes(header[68:72], "big"), int.from_bytes(header[60:64], "big")
    with _read_only(path) as conn:
        return (conn.execute("PRAGMA application_id").fetchone()[0],
                conn.execute("PRAGMA user_version").fetchone()[0])


def _declared_size(header: bytes) -> int:
    """Size the header promises (page size × page count); 0 when the header cannot tell."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid only if the two change counters agree (SQLite ≥ 3.7.0 files).
    if header[24:28] != header[92:96]:
        return 0
    return page_size * pages


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise StoreError(f"Không mở được tệp “{path.name}”: {error}.") from error
    try:
        yield conn
    except sqlite3.DatabaseError as error:
        raise _translate(error, path) from error
    finally:
        conn.close()


def _quick_check(path: Path) -> None:
    """Damage inside one of our files (pages overwritten, cut in the middle of a page)."""
    with _read_only(path) as conn:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise StoreError(f"Tệp “{path.name}” bị hỏng; hãy dùng một bản sao lưu.")


def _translate(error: sqlite3.Error, path: Path) -> StoreError:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return StoreError(
            f"Tệp “{path.name}” đang được một chương trình khác ghi; hãy đóng chương trình đó rồi thử lại."
        )
    if "not a database" in text or "malformed" in text:
        return StoreError(f"Tệp “{path.name}” không phải là cơ sở dữ liệu hợp lệ hoặc đã bị hỏng.")
    if "unable to open" in text:
        return StoreError(
            f"Không mở hoặc tạo được tệp “{path.name}”; có thể không có quyền ghi vào thư mục “{path.parent}”."
        )
    if "disk is full" in text or "disk i/o" in text:
        return StoreError(f"Không ghi được vào “{path.name}”: ổ đĩa đầy hoặc lỗi đọc ghi.")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"Tệp “{path.name}” chỉ cho phép đọc; không thể lưu báo cáo vào đó.")
    return StoreError(f"Không dùng được cơ sở dữ liệu “{path.name}”: {error}.")


def _prepare(db: sqlite_utils.Database, path: Path, create_sample: bool) -> None:
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version and version < SCHEMA_VERSION:
            _copy_before_migrating(db, path, version)
        with db.ensure_autocommit_on():
            db.execute("PRAGMA journal_mode = WAL")
        _migrate(db, create_sample)
    except sqlite3.DatabaseError as error:
        raise _translate(error, path) from error


def _copy_before_migrating(db: sqlite_utils.Database, path: Path, version: int) -> Path:
    """Byte copy of the whole file (WAL folded in first) named after the old schema version."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = path.with_name(f"{path.name}.schema-v{version}.bak")
    try:
        shutil.copy2(path, target)
    except OSError as error:
        raise StoreError(
            f"Không chép được bản sao an toàn “{target.name}” trước khi nâng cấp; chưa thay đổi gì."
        ) from error
    return target


def _migrate(db: sqlite_utils.Database, create_sample: bool) -> None:
    """Run the missing migrations (and fill a brand-new file) in one transaction."""
    with _immediate(db):
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and db.table_names():
            raise StoreError("Tệp này đã có dữ liệu khác, không phải của cchc-desktop.")
        for number in range(version, SCHEMA_VERSION):
            MIGRATIONS[number](db)
        if version < SCHEMA_VERSION:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        if version == 0 and create_sample:
            _insert_sample(db)


@contextmanager
def _immediate(db: sqlite_utils.Database) -> Iterator[None]:
    """Like db.atomic(), but takes the write lock at BEGIN so two programs starting
    together cannot both run the same migration."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.rollback()
        raise


def _insert_sample(db: sqlite_utils.Database) -> None:
    from ..core.templates import load_sample
    from .reports import save_organization, save_report

    sample = load_sample()
    with db.atomic():
        save_organization(db, sample.organization)
        save_report(db, sample)
