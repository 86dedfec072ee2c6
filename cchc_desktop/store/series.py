"""Reports of one kind, for an indicator's history (charts, the "Kỳ trước" column)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..core.codec import FormatError, report_from_dict
from ..core.model import Report

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: importing it costs ~80 ms before the first paint


def reports_of_kind(db: sqlite_utils.Database, kind: str, *, limit: int = 60) -> list[Report]:
    """The newest ``limit`` reports made from the template ``kind`` (not deleted, not the sample).

    Reports from before templates had a kind ("") form one family.  A document the codec
    refuses is skipped: a chart must not fail because one old report is damaged."""
    rows = db.execute(
        "SELECT id, document FROM reports WHERE deleted_at IS NULL"
        " AND coalesce(json_extract(document, '$.kind'), '') = ?"
        " AND coalesce(json_extract(document, '$.sample'), 0) = 0"
        " ORDER BY updated_at DESC, id DESC LIMIT ?",
        [kind, limit],
    ).fetchall()
    reports = []
    for report_id, document in rows:
        try:
            report = report_from_dict(json.loads(document))
        except (FormatError, ValueError):
            continue
        report.id = report_id
        reports.append(report)
    return reports
