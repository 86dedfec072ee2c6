"""History of a report (revisions), finalising and reopening.

A revision is a full copy of the report's stored JSON document.  The window adds one at an
explicit save, an export, finalising, reopening, a restore, and while editing at most every
AUTOSAVE_MINUTES.  Old revisions are thinned (docs/history.md): all of the last 24 hours,
then the newest per hour for 7 days, per day for 90 days, per month after that; revisions
made by finalising are never thinned.

A final report ("Đã ban hành") is read-only: ``save_report`` calls ``guard_edit`` and
refuses it, until ``reopen`` records why it is opened again.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from ..core.codec import FormatError, report_from_dict
from ..core.model import DocumentDate, Report, ReportStatus
from .database import StoreError, writing

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: importing it costs ~80 ms before the first paint

AUTOSAVE_MINUTES = 5

SAVE = "save"
AUTOSAVE = "autosave"
EXPORT = "export"
FINALIZE = "finalize"
REOPEN = "reopen"
RESTORE = "restore"
REASON_LABELS = {  # for the history list
    SAVE: "Lưu", AUTOSAVE: "Tự động lưu", EXPORT: "Xuất tệp", FINALIZE: "Ban hành",
    REOPEN: "Mở lại để sửa", RESTORE: "Khôi phục bản cũ",
}


def migrate(db: sqlite_utils.Database) -> None:
    """Schema migration 3: the revisions table."""
    db.execute(
        """CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id),
            created_at TEXT NOT NULL,
            reason TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL,
            document TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX revisions_report ON revisions (report_id, created_at)")


@dataclass
class RevisionSummary:
    id: int
    report_id: int
    created_at: str
    reason: str
    note: str
    size: int  # characters of the JSON document
    size_change: int  # against the revision before it (0 for the first)

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)


def _stamp(moment: datetime | None) -> str:
    return (moment or datetime.now()).isoformat(timespec="seconds")


def add_revision(db: sqlite_utils.Database, report_id: int, reason: str = SAVE, note: str = "",
                 *, now: datetime | None = None) -> int | None:
    """Keep a copy of the report as stored now; None when an autosave came too soon or changed nothing."""
    with writing(db):  # read and write in one locked transaction: the copy is the stored report
        row = db.execute("SELECT document FROM reports WHERE id = ?", [report_id]).fetchone()
        if row is None:
            raise StoreError(f"Không có báo cáo số {report_id} trong cơ sở dữ liệu.")
        document = row[0]
        now = now or datetime.now()
        if reason == AUTOSAVE:
            last = db.execute(
                "SELECT created_at, document FROM revisions WHERE report_id = ?"
                " ORDER BY created_at DESC, id DESC LIMIT 1", [report_id]).fetchone()
            if last and (last[1] == document
                         or now - datetime.fromisoformat(last[0]) < timedelta(minutes=AUTOSAVE_MINUTES)):
                return None
        cursor = db.execute(
            "INSERT INTO revisions (report_id, created_at, reason, note, size, document) VALUES (?, ?, ?, ?, ?, ?)",
            [report_id, _stamp(now), reason, note, len(document), document])
        revision_id = cursor.lastrowid
        thin_all(db, now=now)  # all reports: last quarter's history ages while this one is edited
    return revision_id


def list_revisions(db: sqlite_utils.Database, report_id: int) -> list[RevisionSummary]:
    """Newest first, with the change in size against the previous revision."""
    rows = db.execute(
        "SELECT id, report_id, created_at, reason, note, size FROM revisions WHERE report_id = ? "
        "ORDER BY created_at, id", [report_id]).fetchall()
    result, previous = [], None
    for row in rows:
        change = 0 if previous is None else row[5] - previous
        result.append(RevisionSummary(*row, size_change=change))
        previous = row[5]
    return result[::-1]


def load_revision(db: sqlite_utils.Database, revision_id: int) -> Report:
    row = db.execute("SELECT report_id, document FROM revisions WHERE id = ?", [revision_id]).fetchone()
    if row is None:
        raise StoreError(f"Không có bản lưu số {revision_id} trong lịch sử.")
    try:
        report = report_from_dict(json.loads(row[1]))
    except (ValueError, FormatError) as error:
        raise StoreError(f"Bản lưu số {revision_id} bị hỏng: {_why(error)}") from error
    report.id = row[0]
    return report


def restore_revision(db: sqlite_utils.Database, revision_id: int) -> int:
    """Make the revision the current report (as a draft); this itself becomes a new revision."""
    from .reports import save_report

    report = load_revision(db, revision_id)
    created = db.execute("SELECT created_at FROM revisions WHERE id = ?", [revision_id]).fetchone()[0]
    report.status = ReportStatus.DRAFT
    with writing(db):
        save_report(db, report)  # refused by guard_edit when the current report is final
        new_id = add_revision(db, report.id, RESTORE, f"từ bản lưu lúc {created.replace('T', ' ')}")
    return new_id


# ---------------------------------------------------------------- thinning


def _bucket(created: datetime, now: datetime) -> str | None:
    """Revisions in the same bucket are thinned to the newest; None = keep."""
    age = now - created
    if age < timedelta(hours=24):
        return None
    if age < timedelta(days=7):
        return created.strftime("h%Y-%m-%dT%H")
    if age < timedelta(days=90):
        return created.strftime("d%Y-%m-%d")
    return created.strftime("m%Y-%m")


def thin(db: sqlite_utils.Database, report_id: int, *, now: datetime | None = None) -> int:
    """Apply the thinning rule to one report's revisions; returns how many were removed."""
    now = now or datetime.now()
    rows = db.execute(
        "SELECT id, created_at, reason FROM revisions WHERE report_id = ? ORDER BY created_at DESC, id DESC",
        [report_id]).fetchall()
    seen: set[str] = set()
    doomed = []
    for revision_id, created, reason in rows:
        bucket = _bucket(datetime.fromisoformat(created), now)
        if reason == FINALIZE or bucket is None:
            continue
        if bucket in seen:
            doomed.append(revision_id)
        seen.add(bucket)
    for revision_id in doomed:
        db.execute("DELETE FROM revisions WHERE id = ?", [revision_id])
    return len(doomed)


def thin_all(db: sqlite_utils.Database, *, now: datetime | None = None) -> int:
    ids = [row[0] for row in db.execute("SELECT DISTINCT report_id FROM revisions")]
    return sum(thin(db, report_id, now=now) for report_id in ids)


# ---------------------------------------------------------------- finalising

_unlocked = threading.local()


@contextmanager
def _unlocking(report_id: int) -> Iterator[None]:
    ids = getattr(_unlocked, "ids", set())
    _unlocked.ids = ids | {report_id}
    try:
        yield
    finally:
        _unlocked.ids = ids


def is_final(db: sqlite_utils.Database, report_id: int) -> bool:
    row = db.execute("SELECT status FROM reports WHERE id = ?", [report_id]).fetchone()
    return row is not None and row[0] == ReportStatus.FINAL.value


def guard_edit(db: sqlite_utils.Database, report_id: int) -> None:
    """Called by save_report before updating: a final report refuses edits."""
    if report_id in getattr(_unlocked, "ids", set()):
        return
    if is_final(db, report_id):
        raise StoreError(f"Báo cáo số {report_id} đã ban hành nên không sửa được; "
                         "hãy mở lại báo cáo (ghi rõ lý do) nếu thật sự cần sửa.")


def finalize(db: sqlite_utils.Database, report_id: int, number: str, issued: date,
             *, now: datetime | None = None) -> int:
    """Mark as "Đã ban hành" with the registered number and date; returns the revision id."""
    from .reports import load_report, save_report

    number = number.strip()
    if not number:
        raise StoreError("Hãy nhập số văn bản đã đăng ký trước khi ban hành.")
    report = load_report(db, report_id)
    if report.status == ReportStatus.FINAL:
        raise StoreError(f"Báo cáo số {report_id} đã ban hành rồi.")
    report.number = number
    report.date = DocumentDate(issued.year, issued.month, issued.day)
    report.status = ReportStatus.FINAL
    with writing(db):
        save_report(db, report)
        return add_revision(db, report_id, FINALIZE, f"Số {number} ngày {issued:%d/%m/%Y}", now=now)


def reopen(db: sqlite_utils.Database, report_id: int, reason: str) -> int:
    """Open a final report for changes again; the reason is recorded in the history."""
    from .reports import load_report, save_report

    reason = reason.strip()
    if not reason:
        raise StoreError("Hãy ghi lý do mở lại báo cáo đã ban hành.")
    report = load_report(db, report_id)
    if report.status != ReportStatus.FINAL:
        raise StoreError(f"Báo cáo số {report_id} chưa ban hành nên không cần mở lại.")
    report.status = ReportStatus.DRAFT
    with writing(db), _unlocking(report_id):
        save_report(db, report)
        return add_revision(db, report_id, REOPEN, reason)


def _why(error: Exception) -> str:
    """A FormatError names the field in Vietnamese; the JSON parser's English stays in the log."""
    return str(error) if isinstance(error, FormatError) else "nội dung không đọc được (JSON hỏng)"
