"""Debounced saving off the GUI thread.

The GUI thread only takes a snapshot of the model (a copy no widget touches); a single
worker thread with its own SQLite connection writes it.  One worker = one writer, in order.
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


class Autosaver(QObject):
    saved = Signal(str)  # "HH:MM:SS" of the save
    failed = Signal(str)  # Vietnamese message

    def __init__(self, database: Path, snapshot: Callable[[], Report | None], parent: QObject | None = None,
                 delay_ms: int = DELAY_MS) -> None:
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
        self.last_gui_ms = 0.0  # time spent on the GUI thread by the last save (benchmark)

    def schedule(self) -> None:
        """Called on every edit: the save happens once the clerk pauses."""
        self._timer.start()

    def save_now(self, wait: bool = False) -> None:
        """Snapshot now, write in the background; ``wait`` blocks until it is on disk."""
        self._timer.stop()
        if self._closed:
            return
        started = time.perf_counter()
        report = self._snapshot()
        if report is not None:
            self._pending = self._executor.submit(self._write, report)
        self.last_gui_ms = (time.perf_counter() - started) * 1000
        if wait:
            self.wait()

    def wait(self) -> None:
        if self._pending is not None:
            try:
                self._pending.result()
            except Exception:  # already reported through ``failed``
                pass

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

    def _db(self):
        from cchc_desktop.store.database import open_database

        if getattr(self._local, "db", None) is None:
            self._local.db = open_database(self._database, create_sample=False)
        return self._local.db

    def _write(self, report: Report) -> None:
        from cchc_desktop.store.reports import save_report

        try:
            save_report(self._db(), report)
        except Exception as error:  # noqa: BLE001 - shown to the clerk, logged in full
            log.exception("Autosave failed")
            self.failed.emit(f"Không lưu được báo cáo: {error}")
            raise
        self.saved.emit(time.strftime("%H:%M:%S"))
