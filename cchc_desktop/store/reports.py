"""Reports and the organisation in the database: the only module that knows their SQL.

A report is stored as the codec's JSON document (the single description of its content)
plus indexed columns for listing and searching.  Every write is one ``writing()`` transaction (BEGIN IMMEDIATE).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..core.codec import FormatError, organization_from_dict, report_from_dict, report_to_dict
from ..core.model import Organization, Period, PeriodKind, Report, ReportStatus, normalize
from ..core.vietnamese import fold
from . import identity
from .database import StoreError, writing
from .identity import Stamp

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: importing it costs ~80 ms before the first paint

DEFAULT_TEMPLATE = "cchc-propaganda"


@dataclass
class ReportSummary:
    id: int
    subject: str
    period: Period
    status: ReportStatus
    created_at: str
    updated_at: str
    deleted: bool
    search_key: str
    damaged: bool = False  # the stored document cannot be read: open it to see what can be done


def now() -> str:
    """ISO local time to the second: what the clerk's clock says."""
    return datetime.now().isoformat(timespec="seconds")


def period_text(period: Period) -> str:
    """The period's Vietnamese label (the checks helper's wording when available)."""
    try:
        from ..core.periods import period_label
    except ImportError as error:  # periods.py not written yet: a small fallback
        if error.name != "cchc_desktop.core.periods":
            raise
        return _fallback_label(period)
    return period_label(period)


_FALLBACK = {
    PeriodKind.HALF1: "6 tháng đầu năm {year}",
    PeriodKind.HALF2: "6 tháng cuối năm {year}",
    PeriodKind.NINE_MONTHS: "9 tháng năm {year}",
    PeriodKind.YEAR: "năm {year}",
    PeriodKind.MONTH: "tháng {index} năm {year}",
    PeriodKind.QUARTER: "quý {roman} năm {year}",
}


def _fallback_label(period: Period) -> str:
    if period.kind == PeriodKind.ADHOC:
        return period.label or f"năm {period.year}"
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}.get(period.index or 0, str(period.index))
    return _FALLBACK[period.kind].format(year=period.year, index=period.index, roman=roman)


def search_key_for(document: str | Report) -> str:
    """Accent-free key over subject and period label, for 'cuong gian'-style searching."""
    report = document if isinstance(document, Report) else report_from_dict(json.loads(document))
    return fold(f"{report.subject} {period_text(report.period)}")


# ---------------------------------------------------------------- reports


def _columns(report: Report) -> dict[str, Any]:
    return {
        "document": json.dumps(report_to_dict(report), ensure_ascii=False),
        "subject": report.subject,
        "period_kind": report.period.kind.value,
        "period_year": report.period.year,
        "period_index": report.period.index,
        "status": report.status.value,
        "search_key": search_key_for(report),
    }


def save_report(db: sqlite_utils.Database, report: Report, *, expect: Stamp | None = None) -> int:
    """Insert or update ``report`` in one transaction; sets ``report.id`` and returns it.

    ``expect``: the version of the report the caller opened (identity.py).  When given, the row
    must still hold that very version, else ReportConflict and nothing is written; the new
    version is then attached to ``report``.  A new report gets a number never used before."""
    clean = normalize(report)
    values = _columns(clean)
    stamp = now()
    with writing(db):
        if expect is not None:
            problem = identity.conflict(db, report.id, expect) if report.id is not None else identity.Conflict.REMOVED
            if problem is not None:
                raise identity.ReportConflict(report.id or 0, problem)
        current = identity.stamp_of(db, report.id) if report.id is not None else None
        values["change"] = identity.next_change(db)
        if current is not None:
            from .revisions import guard_edit  # late import: a final report refuses edits

            guard_edit(db, report.id)
            values["updated_at"] = stamp
            sets = ", ".join(f'"{name}" = :{name}' for name in values)
            db.execute(f"UPDATE reports SET {sets} WHERE id = :id", {**values, "id": report.id})
            uid = current.uid
        else:
            # A number given but not stored (a revision of a report a restore took away) keeps
            # its number only if it was never given to another report; else a new one.
            if report.id is None or report.id <= identity.counters(db).get("report_id", 0):
                report.id = identity.next_id(db)
            else:
                identity.next_id(db)  # the counter moves past it
            uid = identity.new_uid()
            values.update(id=report.id, uid=uid, created_at=stamp, updated_at=stamp, deleted_at=None)
            names = ", ".join(f'"{name}"' for name in values)
            marks = ", ".join(f":{name}" for name in values)
            db.execute(f"INSERT INTO reports ({names}) VALUES ({marks})", values)
    identity.attach(report, Stamp(uid, values["change"]))
    return report.id


def _exists(db: sqlite_utils.Database, report_id: int) -> bool:
    return db.execute("SELECT 1 FROM reports WHERE id = ?", [report_id]).fetchone() is not None


def load_report(db: sqlite_utils.Database, report_id: int) -> Report:
    """The report, carrying the version it was read at (identity.Stamp) for a later save."""
    row = db.execute('SELECT document, uid, "change" FROM reports WHERE id = ?', [report_id]).fetchone()
    if row is None:
        raise StoreError(f"Không có báo cáo số {report_id} trong cơ sở dữ liệu.")
    try:
        report = report_from_dict(json.loads(row[0]))
    except (ValueError, FormatError) as error:
        raise StoreError(f"Báo cáo số {report_id} trong cơ sở dữ liệu bị hỏng: {_why(error)}") from error
    report.id = report_id
    identity.attach(report, Stamp(row[1] or "", row[2] or 0))
    return report


def list_reports(db: sqlite_utils.Database, *, include_deleted: bool = False) -> list[ReportSummary]:
    """Newest change first.  Reads only the period out of each document (json_extract), so
    listing hundreds of reports stays fast.  A row whose document cannot be read is listed
    (``damaged``) from its indexed columns: one bad row never hides the others."""
    where = "" if include_deleted else "WHERE deleted_at IS NULL"
    rows = db.execute(
        "SELECT id, subject, status, created_at, updated_at, deleted_at, search_key,"
        " CASE WHEN json_valid(document) THEN json_extract(document, '$.period') END,"
        f" period_kind, period_year, period_index FROM reports {where} ORDER BY updated_at DESC, id DESC"
    ).fetchall()
    return [_summary(row) for row in rows]


def _summary(row: tuple) -> ReportSummary:
    report_id, subject, status, created, updated, deleted, key, period, *columns = row
    damaged = False
    try:
        period = _period(json.loads(period))
    except (TypeError, ValueError, KeyError, AttributeError):
        damaged = True
        period = _period_from_columns(*columns)
    try:
        status = ReportStatus(status)
    except ValueError:
        damaged, status = True, ReportStatus.DRAFT
    return ReportSummary(
        id=report_id,
        subject=subject or "",
        period=period,
        status=status,
        created_at=created,
        updated_at=updated,
        deleted=deleted is not None,
        search_key=key or "",
        damaged=damaged,
    )


def _period_from_columns(kind: str, year: int, index: int | None) -> Period:
    try:
        return Period(kind=PeriodKind(kind), year=int(year), index=index)
    except (TypeError, ValueError):
        return Period(kind=PeriodKind.ADHOC, year=0, label="(không đọc được)")


def _period(data: dict[str, Any]) -> Period:
    """The period as save_report wrote it (already validated by the codec then)."""

    def day(name: str) -> date | None:
        return date.fromisoformat(data[name]) if data.get(name) else None

    return Period(
        kind=PeriodKind(data["kind"]),
        year=data["year"],
        index=data.get("index"),
        start=day("start"),
        end=day("end"),
        deadline=day("deadline"),
        label=data.get("label") or "",
        month=data.get("month"),
    )


def _require(db: sqlite_utils.Database, report_id: int) -> None:
    if not _exists(db, report_id):
        raise StoreError(f"Không có báo cáo số {report_id} trong cơ sở dữ liệu.")


def delete_report(db: sqlite_utils.Database, report_id: int) -> None:
    """Soft delete: the row stays and ``restore_report`` brings it back."""
    with writing(db):
        _require(db, report_id)
        db.execute(
            "UPDATE reports SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", [now(), report_id]
        )


def restore_report(db: sqlite_utils.Database, report_id: int) -> None:
    with writing(db):
        _require(db, report_id)
        db.execute("UPDATE reports SET deleted_at = NULL WHERE id = ?", [report_id])


def duplicate_report(db: sqlite_utils.Database, report_id: int) -> int:
    """A new draft with the same content (e.g. to start the next period from this one)."""
    report = load_report(db, report_id)
    report.id = None
    report.status = ReportStatus.DRAFT
    report.sample = False  # a copy of the sample is the clerk's own report
    return save_report(db, report)


# ---------------------------------------------------------------- organisation


def load_organization(db: sqlite_utils.Database) -> Organization:
    """The organisation kept in the file; the sample's when none was saved yet."""
    row = db.execute("SELECT document FROM organization WHERE id = 1").fetchone()
    if row is None:
        from ..core.templates import load_sample

        return load_sample().organization
    try:
        return organization_from_dict(json.loads(row[0]))
    except (ValueError, FormatError) as error:
        raise StoreError(f"Thông tin cơ quan trong cơ sở dữ liệu bị hỏng: {_why(error)}") from error


def save_organization(db: sqlite_utils.Database, org: Organization) -> None:
    # Organization holds only text, lists and a Signature: asdict is the codec's shape.
    document = json.dumps(dataclasses.asdict(normalize(org)), ensure_ascii=False)
    with writing(db):
        db.execute(
            "INSERT INTO organization (id, document) VALUES (1, ?)"
            " ON CONFLICT (id) DO UPDATE SET document = excluded.document",
            [document],
        )


# ---------------------------------------------------------------- templates


def new_report_from_template(db: sqlite_utils.Database, name: str = DEFAULT_TEMPLATE,
                              period: Period | None = None) -> int:
    """A new draft from template ``name`` (core.templates.new_report) with this file's organisation,
    signer and recipients, for ``period`` (default: the template's current period)."""
    from ..core.templates import default_period, new_report, template_info

    info = template_info(name)
    report = new_report(info, period or default_period(info), load_organization(db))
    return save_report(db, report)


def _why(error: Exception) -> str:
    """A FormatError names the field in Vietnamese; the JSON parser's English stays in the log."""
    return str(error) if isinstance(error, FormatError) else "nội dung không đọc được (JSON hỏng)"
