"""Database size of a year of quarterly reports with their history.

Four quarterly reports made from the sample through the next-report path (quý I → IV),
each edited 200 times (an autosave revision each, 6 simulated minutes apart, over 10 working
days), then an export and a finalising; thinning runs as in the app, and once more at the end
of the year.  Prints the file size and revision counts.

    python benchmarks/bench_db_size.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc_desktop.core.model import Period, PeriodKind, Run  # noqa: E402
from cchc_desktop.core.next_report import apply_plan, plan_next_report  # noqa: E402
from cchc_desktop.core.templates import load_sample  # noqa: E402
from cchc_desktop.store import revisions  # noqa: E402
from cchc_desktop.store.database import open_database  # noqa: E402
from cchc_desktop.store.reports import save_report  # noqa: E402

EDITS = 200


def edit(report, n: int) -> None:
    """A typical edit: a sentence typed into a bullet, a figure changed."""
    block = report.sections[0].blocks[1 + n % 5]
    block.runs.append(Run(f" Bổ sung lần {n}."))
    row = report.appendix.rows[n % len(report.appendix.rows)]
    row.value = Decimal(n)


def _wal(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    path = folder / "cchc.sqlite"
    db = open_database(path, create_sample=False)
    report = load_sample()
    quarter_ends = [datetime(2024, 3, 4, 8), datetime(2024, 6, 3, 8), datetime(2024, 9, 2, 8), datetime(2024, 12, 2, 8)]
    for q, start in enumerate(quarter_ends, 1):
        report = apply_plan(report, plan_next_report(report, Period(PeriodKind.QUARTER, 2024, q)))
        report_id = save_report(db, report)
        revisions.add_revision(db, report_id, revisions.SAVE, now=start)
        moment = start
        for n in range(EDITS):
            moment += timedelta(minutes=6) if n % 20 else timedelta(days=1)  # 20 edits a day
            edit(report, n)
            save_report(db, report)
            revisions.add_revision(db, report_id, revisions.AUTOSAVE, now=moment)
        revisions.add_revision(db, report_id, revisions.EXPORT, now=moment)
        revisions.finalize(db, report_id, str(10 + q), date(2024, 3 * q, 12), now=moment)
        report = revisions.load_revision(db, revisions.list_revisions(db, report_id)[0].id)
        peak = db.execute("SELECT count(*) FROM revisions").fetchone()[0]
        print(f"after quý {q}: {peak} revisions, file {path.stat().st_size / 1024:.0f} KiB (with WAL: "
              f"{(path.stat().st_size + _wal(path)) / 1024:.0f} KiB)")
    year_end = datetime(2024, 12, 31, 17)
    revisions.thin_all(db, now=year_end)
    counts = db.execute("SELECT count(*), sum(size) FROM revisions").fetchone()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.commit()
    before = path.stat().st_size
    db.conn.execute("VACUUM")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    after = path.stat().st_size
    db.close()
    print(f"reports: 4, edits: {4 * EDITS}, revisions kept: {counts[0]} ({counts[1] / 1024:.0f} KiB of JSON)")
    print(f"database file: {before / 1024:.0f} KiB before VACUUM, {after / 1024:.0f} KiB after")


if __name__ == "__main__":
    main()
