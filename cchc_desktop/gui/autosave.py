"""Debounced saving off the GUI thread, with an upper bound.

The GUI thread only takes a snapshot of the model (a copy no widget touches); a single
worker thread with its own SQLite connection writes it.  One worker = one writer, in order.

A save happens DELAY_MS after the last keystroke, and at the latest MAX_WAIT_MS after the
first unsaved one: a clerk who types without pausing loses at most about a second when the
PC dies, whatever the rhythm.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from cchc_desktop.core.model import Report

log = logging.getLogger(__name__)
DELAY_MS = 700  # after the last keystroke
RETRY_MS = 2000  # a failed save (file busy, disk full) is tried again, with the latest text
MAX_WAIT_MS = 400  # after the first unsaved keystroke, even while typing goes on (leaves room for a busy PC)
DELETED_ELSEWHERE = ("Báo cáo đang mở đã bị xóa ở nơi khác (ví dụ bằng dòng lệnh); mọi thay đổi vẫn được lưu "
                     "nhưng báo cáo đang nằm trong thùng rác: dùng lệnh “restore {id}” để đưa nó trở lại.")


class Autosaver(QObject):
    saved = Signal(str)  # "HH:MM:SS" of the save
    failed = Signal(str)  # Vietnamese message
    conflict = Signal(int, str)  # report id, identity.Conflict value: not written, see external_changes.py
    external = Signal(int, str)  # report id, Conflict value: found by check_external, nothing pending

    def __init__(self, database: Path, snapshot: Callable[[], Report | None], parent: QObject | None = None,
                 delay_ms: int = DELAY_MS, max_wait_ms: int = MAX_WAIT_MS) -> None:
        super().__init__(parent)
        self._database = database
        self._snapshot = snapshot
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._local = threading.local()
        self._pending: Future | None = None
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        self._deadline = QTimer(self)  # started by the first unsaved edit, not restarted by later ones
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(max_wait_ms)
        self._deadline.timeout.connect(self.save_now)
        self._warned_deleted: set[int] = set()
        # Snapshots whose write failed (per report), written again later; snapshots are numbered so
        # that an older one is never written over a newer one of the same report.
        self._unsaved: dict[int | None, tuple[int, Report]] = {}
        self._sequence = 0
        self._newest_written: dict[int | None, int] = {}
        # The version of each report this window last wrote (identity.Stamp), and the newest
        # snapshot of a report that changed under us (written nowhere until the window decides).
        self._stamps: dict[int, object] = {}
        self._conflicted: dict[int, Report] = {}
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.save_now)
        self.failed.connect(lambda _text: self._retry.start())  # queued: failures come from the writer
        self.last_gui_ms = 0.0  # time spent on the GUI thread by the last save (benchmark)

    def schedule(self) -> None:
        """Called on every edit: the save happens once the clerk pauses, or when the first
        unsaved edit is MAX_WAIT_MS old."""
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def save_now(self, wait: bool = False) -> None:
        """Snapshot now, write in the background; ``wait`` blocks until it is on disk."""
        self._timer.stop()
        self._deadline.stop()
        if self._closed:
            return
        started = time.perf_counter()
        report = self._snapshot()
        jobs = list(self._unsaved.values())  # failed writes first (skipped when superseded)
        self._unsaved.clear()
        if report is not None:
            self._sequence += 1
            jobs.append((self._sequence, report))
        for job in jobs:
            self._pending = self._executor.submit(self._write, *job)
        self.last_gui_ms = (time.perf_counter() - started) * 1000
        if wait:
            self.wait()

    def wait(self) -> None:
        if self._pending is not None:
            try:
                self._pending.result()
            except Exception:  # already reported through ``failed``
                pass

    @property
    def closed(self) -> bool:
        """The window is closing: the writer thread is gone, nothing more is saved."""
        return self._closed

    def close(self) -> None:
        if self._closed:
            return
        self.save_now(wait=True)
        self._closed = True
        self._executor.submit(self._close_db)  # on its own thread: SQLite connections are per thread
        self._executor.shutdown(wait=True)

    def _close_db(self) -> None:
        """Release the file (a restore replaces it; Windows refuses while a handle is open)."""
        db = getattr(self._local, "db", None)
        self._local.db = None
        if db is not None:
            db.close()

    def run(self, job: Callable):
        """Run ``job(db)`` on the writer thread after pending saves, and return its result."""
        return self._executor.submit(lambda: job(self._db())).result()

    def submit(self, job: Callable) -> None:
        """Run ``job(db)`` on the writer thread after pending saves, without waiting for it (the
        GUI thread goes on; a failure is logged)."""
        if self._closed:
            return
        self._executor.submit(lambda: job(self._db())).add_done_callback(_log_failure)

    def _db(self):
        from cchc_desktop.store.database import open_database

        if getattr(self._local, "db", None) is None:
            self._local.db = open_database(self._database, create_sample=False)
        return self._local.db

    def _write(self, sequence: int, report) -> None:
        import sqlite3

        from cchc_desktop.store import identity
        from cchc_desktop.store.database import StoreError, translate
        from cchc_desktop.store.reports import save_report
        from cchc_desktop.store.snapshot import Snapshot

        if isinstance(report, Snapshot):  # the window's snapshot, thawed here, off the GUI thread
            report = report.report()
        if sequence <= self._newest_written.get(report.id, 0):
            return  # a newer snapshot of this report is already on disk
        if report.id in self._conflicted:
            self._conflicted[report.id] = report  # still waiting for the window's decision
            return
        expect = identity.newest(identity.carried(report), self._stamps.get(report.id))
        try:
            db = self._db()
            save_report(db, report, expect=expect)
            self._newest_written[report.id] = sequence
            self._stamps[report.id] = identity.carried(report)
            deleted = db.execute("SELECT deleted_at FROM reports WHERE id = ?", [report.id]).fetchone()
        except identity.ReportConflict as conflict:
            # Another program replaced, removed or changed this report: never write over it.
            log.warning("Autosave refused: %s", conflict)
            self._conflicted[report.id] = report
            self.conflict.emit(report.id, conflict.kind.value)
            return
        except Exception as error:  # noqa: BLE001 - shown to the clerk, logged in full
            log.exception("Autosave failed")
            if isinstance(error, sqlite3.Error):
                error = translate(error, self._database)
            text = str(error) if isinstance(error, StoreError) else "lỗi không mong muốn (đã ghi vào nhật ký)"
            self._unsaved[report.id] = (sequence, report)  # not lost: written again later
            self.failed.emit(f"Không lưu được báo cáo: {text.rstrip('.')}.")
            raise
        self.saved.emit(time.strftime("%H:%M:%S"))
        if deleted is not None and deleted[0] is not None and report.id not in self._warned_deleted:
            self._warned_deleted.add(report.id)  # once per report: a status line, not a nag
            self.failed.emit(DELETED_ELSEWHERE.format(id=report.id))

    # --- reports changed by another program --------------------------------------------------
    def check_external(self, report_id: int, shown) -> None:
        """On the writer thread, after pending saves: has another program removed, replaced or
        changed the report since the version ``shown`` (or the one this window last wrote)?
        Answers through ``external`` only when it has."""
        from cchc_desktop.store import identity

        def job(db) -> None:
            if report_id in self._conflicted:
                return  # already being decided
            known = identity.newest(shown, self._stamps.get(report_id))
            if known is None:
                return
            problem = identity.conflict(db, report_id, known)
            if problem is identity.Conflict.CHANGED and identity.stamp_of(db, report_id).change < known.change:
                problem = None  # cannot be newer than what we hold: nothing to do
            if problem is not None:
                self.external.emit(report_id, problem.value)

        self.submit(job)

    def take_conflicted(self, report_id: int) -> Report | None:
        """The newest snapshot that was not written, and forget the report's version (the window
        shows another report, or this one reloaded, afterwards). Waits for pending saves."""
        def job():
            self._stamps.pop(report_id, None)
            self._newest_written.pop(report_id, None)
            return self._conflicted.pop(report_id, None)

        return self._executor.submit(job).result()

    def pending_conflicts(self) -> list[int]:
        return list(self._conflicted)

    def keep_unsaved(self, report: Report) -> None:
        """A text that could not be written anywhere: tried again with the next save, and
        offered when the window closes."""
        self._sequence += 1
        self._unsaved[report.id] = (self._sequence, report)

    def unsaved_reports(self) -> list[Report]:
        """Snapshots whose last write failed (disk full, file locked): the text not on disk."""
        return [report for _sequence, report in self._unsaved.values()]


def _log_failure(future) -> None:
    error = future.exception()
    if error is not None:
        log.error("A background store job failed", exc_info=error)
