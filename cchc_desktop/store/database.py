"""Open or create the SQLite file: checks, pragmas, schema version and numbered migrations.

A file is ours when its ``application_id`` is APPLICATION_ID.  Anything else that is not an
empty file is refused *before* we write a byte to it: a wrong ``--db`` must never damage a
file that belongs to someone else.  Schema changes are numbered functions in MIGRATIONS;
``PRAGMA user_version`` says how many have run.  Before migrating an existing file we take a
copy beside it (``cchc.sqlite.schema-v1.bak``) with SQLite's backup API.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths
from . import errors

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: importing it costs ~80 ms before the first paint

APPLICATION_ID = 0x43434843  # "CCHC": marks the file as a cchc-desktop database
BUSY_TIMEOUT_MS = 5000  # how long we wait for another program's write to finish
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A problem with the database file, as one clear Vietnamese sentence."""


class BusyError(StoreError):
    """Another program holds the file's lock: no verdict on the file, try again later."""


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


def _migration_5(db: sqlite_utils.Database) -> None:
    """Report identity (uid), change counter and never-reused ids: see identity.py."""
    from .identity import migrate  # late import: identity imports this module

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
    _migration_1, _migration_2, _migration_3, _migration_4, _migration_5)
SCHEMA_VERSION = len(MIGRATIONS)


# ---------------------------------------------------------------- opening
#
# One door to the database file.  On Linux and macOS, closing *any* file descriptor of a file
# drops every POSIX lock this process holds on it, SQLite's included: another program then
# believes it is alone, checkpoints and deletes the WAL, and committed work vanishes.  So
# nothing here ``open()``s a database file once this process has had a SQLite connection to
# it (SQLite's own VFS keeps its descriptors until its locks are gone); the raw header is read
# only before the first connection, and after that everything is asked of SQLite itself.

_CONNECTED: set[str] = set()  # files this process has had a SQLite connection to


def _key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def connected_before(path: Path) -> bool:
    """True once this process has opened a SQLite connection to ``path``."""
    return _key(path) in _CONNECTED


def connect(path: Path, *, read_only: bool = False, timeout: float | None = None) -> sqlite3.Connection:
    """Every SQLite connection of the store to a database file goes through here."""
    path = Path(path)
    _CONNECTED.add(_key(path))
    timeout = BUSY_TIMEOUT_MS / 1000 if timeout is None else timeout
    if read_only:
        return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=timeout)
    return sqlite3.connect(str(path), timeout=timeout)


def peek_header(path: Path) -> bytes | None:
    """The first 100 bytes, or None when reading them ourselves is not safe (see above)."""
    if connected_before(path):
        return None
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        return os.read(fd, 100)
    finally:
        os.close(fd)


def open_database(path: Path | None = None, *, create_sample: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path``; raise StoreError, never touching a bad file."""
    path = Path(path) if path is not None else paths.default_database()
    _check_location(path)
    fresh = not path.exists() or path.stat().st_size == 0
    if not fresh:
        _check_file(path)
    import sqlite_utils  # here, not at the top: the window paints before it opens the file

    try:
        db = sqlite_utils.Database(connect(path))
    except sqlite3.Error as error:
        raise _translate(error, path) from error
    try:
        _prepare(db, path, create_sample)
    except BaseException:
        db.close()
        raise
    return db


def _refuse_shared_drive(path: Path) -> None:
    """SQLite's WAL needs shared memory on the same machine: a network share (\\\\server\\share, a
    mapped network drive) corrupts it, a CD cannot be written. Refused before anything is opened;
    read-only folders and too-long paths get their own messages from the opening itself."""
    from ..winpaths import Drive, database_location_problem, drive_type, is_unc

    if is_unc(path) or drive_type(path) in (Drive.REMOTE, Drive.CDROM):
        problem = database_location_problem(path)
        if problem is not None:
            raise StoreError(problem[1])


def _check_location(path: Path) -> None:
    _refuse_shared_drive(path)
    if path.is_dir():
        raise StoreError(f"“{path}” là một thư mục, không phải tệp cơ sở dữ liệu. Hãy chọn một tệp.")
    if path.exists():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(errors.sentence(f"Không tạo được thư mục “{path.parent}” để lưu cơ sở dữ liệu",
                                         error, path.parent, stage="create")) from error


def damaged_message(path: Path) -> str:
    return f"Tệp “{path.name}” bị cắt cụt hoặc hỏng; hãy dùng một bản sao lưu."


def _check_file(path: Path) -> None:
    """Refuse files that are not ours, damaged, too new or read-only, reading them only.

    Damage is SQLite's verdict (quick_check), never the header's page count against the file
    size: while another program checkpoints, the header can run ahead of the file.
    """
    name = path.name
    with leave_no_trace(path):
        try:
            header = peek_header(path)
        except OSError as error:
            raise StoreError(errors.sentence(f"Không đọc được tệp “{name}”", error, path, stage="read")) from error
        if header is not None:
            if not header.startswith(SQLITE_HEADER):
                raise StoreError(f"Tệp “{name}” không phải là cơ sở dữ liệu của cchc-desktop.")
            if len(header) < 100:  # SQLite writes whole pages: never a passing state
                raise StoreError(damaged_message(path))
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


def sidecar_remover(path: Path) -> Callable[[], None]:
    """Notes which of the file's -wal/-shm exist now; the function returned removes the ones
    that did not (a read-only SQLite connection to a WAL-mode file creates them)."""
    siblings = [path.with_name(path.name + extra) for extra in ("-wal", "-shm")]
    existed = [sibling.exists() for sibling in siblings]

    def remove() -> None:
        for sibling, was_there in zip(siblings, existed):
            if not was_there:
                try:
                    sibling.unlink(missing_ok=True)
                except OSError:
                    pass

    return remove


@contextmanager
def leave_no_trace(path: Path) -> Iterator[None]:
    """A file we refuse stays alone: the -wal/-shm our look at it created are removed again."""
    remove_ours = sidecar_remover(path)
    try:
        yield
    except BusyError:
        raise  # another program is using the file: what is beside it may be its own
    except StoreError:
        remove_ours()
        raise


def _header_fields(path: Path, header: bytes | None) -> tuple[int, int]:
    """application_id and user_version, from the header bytes when no WAL file holds newer ones.

    Reading the bytes ourselves matters: even a read-only SQLite connection to a WAL-mode
    file creates -wal/-shm beside it, and a file we refuse must stay alone.
    """
    wal = path.with_name(path.name + "-wal")
    if header is not None and (not wal.exists() or wal.stat().st_size == 0):
        return int.from_bytes(header[68:72], "big"), int.from_bytes(header[60:64], "big")
    with _read_only(path) as conn:
        return (conn.execute("PRAGMA application_id").fetchone()[0],
                conn.execute("PRAGMA user_version").fetchone()[0])


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    try:
        conn = connect(path, read_only=True)
    except sqlite3.Error as error:
        raise _translate(error, path) from error
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
        raise StoreError(damaged_message(path))


def _translate(error: sqlite3.Error, path: Path) -> StoreError:
    code = errors.sqlite_code(error)
    if code == errors.SQLITE_NOTADB:
        return StoreError(f"Tệp “{path.name}” không phải là cơ sở dữ liệu hợp lệ hoặc đã bị hỏng.")
    if code == errors.SQLITE_CORRUPT:
        return StoreError(damaged_message(path))
    if code == errors.SQLITE_READONLY:
        return StoreError(f"Tệp “{path.name}” chỉ cho phép đọc; không thể lưu báo cáo vào đó.")
    reason = errors.sqlite_reason(error, path)
    if errors.is_busy(error):
        return BusyError(f"Không dùng được tệp “{path.name}”: {reason}.")
    if reason == errors.OTHER:
        return StoreError(f"Không dùng được cơ sở dữ liệu “{path.name}”: {reason}.")
    return StoreError(f"Không dùng được tệp “{path.name}”: {reason}.")


def translate(error: sqlite3.Error, path: Path) -> StoreError:
    """A SQLite error on ``path`` as a StoreError with one Vietnamese sentence."""
    return _translate(error, path)


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
    # Through SQLite's backup API, not a file copy: reading the live file ourselves would drop
    # this process's locks on it (see "One door" above).
    target = path.with_name(f"{path.name}.schema-v{version}.bak")
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        with closing(sqlite3.connect(str(temporary))) as copy:
            db.conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(
            f"Không chép được bản sao an toàn “{target.name}” trước khi nâng cấp; chưa thay đổi gì."
        ) from error
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _migrate(db: sqlite_utils.Database, create_sample: bool) -> None:
    """Run the missing migrations (and fill a brand-new file) in one transaction."""
    if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return  # nothing to do: a read-only command must not wait for (or block) a writer
    with writing(db):
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
def writing(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """A write transaction that takes the write lock at BEGIN (BEGIN IMMEDIATE).

    sqlite-utils' ``atomic()`` begins a deferred transaction: a read inside it pins a snapshot,
    and when another program commits before our first write, the write fails at once with
    SQLITE_BUSY_SNAPSHOT (busy_timeout cannot help).  Taking the lock first makes us wait our
    turn instead.  Inside a transaction already, a savepoint (like atomic()).  Reads never
    need this: they run without a transaction and never block a writer."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.rollback()
        raise


def _insert_sample(db: sqlite_utils.Database) -> None:
    from ..core.templates import load_sample
    from .reports import save_organization, save_report

    sample = load_sample()
    with writing(db):
        save_organization(db, sample.organization)
        save_report(db, sample)
