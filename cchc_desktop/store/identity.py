"""Who a stored report is, and which of its versions a program last saw.

Two programs can share one database file: the window and the command line (``restore FILE``,
``import``…).  A number (id) alone cannot tell them whether the row they are about to write is
still the report they opened:

- every report carries a ``uid`` made when it is first stored; a restore keeps it, so the
  report brought back from a backup is still the same report;
- ids come from a counter kept in the file (``counters.report_id``) that only goes up, also
  across a restore, so a number once given is never given to another report;
- every content write takes the next value of ``counters.change``; a restore moves every
  restored report past all values seen before, so a program holding an older value knows.

A writer that opened version *s* of a report saves with ``expect=s``: when the row is gone,
holds another report, or was changed since, ``ReportConflict`` is raised and nothing is
written.  A Stamp travels on the Report object as a plain attribute (not a field: it is no part
of the report's content, the JSON or the comparisons).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from .database import StoreError

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: importing it costs ~80 ms before the first paint

_ATTRIBUTE = "_store_stamp"


@dataclass(frozen=True)
class Stamp:
    uid: str
    change: int


class Conflict(Enum):
    REMOVED = "removed"  # no row with that id any more (a restore of a backup without it)
    REPLACED = "replaced"  # the id now holds another report
    CHANGED = "changed"  # the same report, written by another program (or restored) since


class ReportConflict(StoreError):
    def __init__(self, report_id: int, kind: Conflict) -> None:
        self.report_id, self.kind = report_id, kind
        super().__init__({
            Conflict.REMOVED: f"Báo cáo số {report_id} không còn trong cơ sở dữ liệu (có thể vừa khôi phục "
                              "bản sao lưu ở nơi khác); chưa ghi đè gì.",
            Conflict.REPLACED: f"Số {report_id} nay là một báo cáo khác; chưa ghi đè gì.",
            Conflict.CHANGED: f"Báo cáo số {report_id} vừa được thay đổi bởi một chương trình khác; "
                              "chưa ghi đè gì.",
        }[kind])


def new_uid() -> str:
    return uuid.uuid4().hex


def attach(report: object, stamp: Stamp | None) -> None:
    setattr(report, _ATTRIBUTE, stamp)


def carried(report: object) -> Stamp | None:
    return getattr(report, _ATTRIBUTE, None)


def newest(*stamps: Stamp | None) -> Stamp | None:
    """The most recent of the stamps a program holds for one report (changes only go up)."""
    known = [stamp for stamp in stamps if stamp is not None]
    return max(known, key=lambda stamp: stamp.change) if known else None


def stamp_of(db: sqlite_utils.Database, report_id: int) -> Stamp | None:
    row = db.execute('SELECT uid, "change" FROM reports WHERE id = ?', [report_id]).fetchone()
    return None if row is None else Stamp(row[0] or "", row[1] or 0)


def conflict(db: sqlite_utils.Database, report_id: int, expect: Stamp) -> Conflict | None:
    """What happened to the report since ``expect`` was read; None when nothing did."""
    now = stamp_of(db, report_id)
    if now is None:
        return Conflict.REMOVED
    if now.uid != expect.uid:
        return Conflict.REPLACED
    if now.change != expect.change:
        return Conflict.CHANGED
    return None


def _take(db: sqlite_utils.Database, name: str, at_least: int) -> int:
    """The next value of counter ``name``, never below ``at_least``; call inside a write transaction."""
    row = db.execute("SELECT value FROM counters WHERE name = ?", [name]).fetchone()
    value = max(row[0] if row else 0, at_least - 1) + 1
    db.execute("INSERT INTO counters (name, value) VALUES (?, ?)"
               " ON CONFLICT (name) DO UPDATE SET value = excluded.value", [name, value])
    return value


def next_id(db: sqlite_utils.Database) -> int:
    highest = db.execute("SELECT COALESCE(MAX(id), 0) FROM reports").fetchone()[0]
    return _take(db, "report_id", highest + 1)


def next_change(db: sqlite_utils.Database) -> int:
    return _take(db, "change", 0)


def counters(db: sqlite_utils.Database, schema: str = "main") -> dict[str, int]:
    return dict(db.execute(f"SELECT name, value FROM {schema}.counters").fetchall())


def migrate(db: sqlite_utils.Database) -> None:
    """Schema 5: uid and change on every report, and the counters (ids go on from the highest).
    Parts already there are kept (a file whose version number was set back by hand)."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(reports)")}
    if "uid" not in columns:
        db.execute("ALTER TABLE reports ADD COLUMN uid TEXT")
    if "change" not in columns:
        db.execute('ALTER TABLE reports ADD COLUMN "change" INTEGER NOT NULL DEFAULT 0')
    for (report_id,) in db.execute("SELECT id FROM reports WHERE uid IS NULL OR uid = ''").fetchall():
        db.execute("UPDATE reports SET uid = ? WHERE id = ?", [new_uid(), report_id])
    db.execute("CREATE UNIQUE INDEX IF NOT EXISTS reports_uid ON reports (uid)")
    db.execute("CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
    db.execute("INSERT OR IGNORE INTO counters (name, value)"
               " SELECT 'report_id', COALESCE(MAX(id), 0) FROM reports")
    db.execute("INSERT OR IGNORE INTO counters (name, value) VALUES ('change', 0)")


def after_restore(live, kept: dict[str, int]) -> None:
    """On the live connection, inside the restore's transaction, once the backup's rows are in:
    ids go on past every id the file ever gave, and every restored report gets a change value
    newer than any a program may hold (so a window with the old text sees the restore)."""
    restored = dict(live.execute("SELECT name, value FROM main.counters").fetchall())
    highest = live.execute("SELECT COALESCE(MAX(id), 0) FROM main.reports").fetchone()[0]
    report_id = max(kept.get("report_id", 0), restored.get("report_id", 0), highest)
    change = max(kept.get("change", 0), restored.get("change", 0)) + 1
    live.execute("DELETE FROM main.counters")
    live.execute("INSERT INTO main.counters (name, value) VALUES ('report_id', ?), ('change', ?)",
                 [report_id, change])
    live.execute('UPDATE main.reports SET "change" = ?', [change])
