"""The window against other programs on the same database (the command line's ``restore FILE``,
``import``, ``delete``…).

Two ways we learn that the open report changed under us:
- a save is refused (``Autosaver.conflict``): the clerk typed since the report was read, and
  the row is gone, holds another report, or was changed (a restore) — store/identity.py;
- a look every second, when SQLite's ``data_version`` says another connection committed
  (``Autosaver.external``): nothing typed is pending.

Nothing is ever written over another program's work, and nothing typed is lost: the window's
text becomes a new report (opened in the window, said in a bar above the tabs, with a button
to look at the stored version instead).  With nothing typed, the window simply shows what is
stored now.
"""

from __future__ import annotations

import logging
import pickle
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from cchc_desktop.core.model import Report, ReportStatus

if TYPE_CHECKING:
    from .window_api import Window

log = logging.getLogger(__name__)
POLL_MS = 1000

WHAT_HAPPENED = {
    "removed": "Báo cáo số {id} không còn trong cơ sở dữ liệu (một chương trình khác vừa khôi phục "
               "bản sao lưu hoặc thay đổi dữ liệu).",
    "replaced": "Số {id} nay là một báo cáo khác (dữ liệu vừa được thay bởi một chương trình khác).",
    "changed": "Báo cáo số {id} vừa được thay đổi bởi một chương trình khác (ví dụ khôi phục bản sao lưu).",
}
KEPT = " Để không ghi đè, phần bạn đang soạn đã được lưu thành báo cáo mới số {new} (đang mở)."
RELOADED = " Cửa sổ đã tải lại nội dung đang lưu."


class NoticeBar(QFrame):
    """A yellow bar above the tabs: what happened, and the stored version a click away."""

    def __init__(self, window: Window) -> None:
        super().__init__(window)
        self.setObjectName("externalNotice")
        self.setStyleSheet("#externalNotice { background: #fff4c2; border: 1px solid #e0c060; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.open_stored = QPushButton("Mở bản đang lưu")
        self.open_stored.setToolTip("Xem báo cáo như chương trình khác vừa để lại (phần bạn soạn vẫn ở báo cáo mới)")
        close = QPushButton("Đóng")
        close.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_stored)
        layout.addWidget(close)
        self.stored_id: int | None = None
        self.hide()

    def say(self, text: str, stored_id: int | None) -> None:
        self.label.setText(text)
        self.stored_id = stored_id
        self.open_stored.setVisible(stored_id is not None)
        self.show()


class ExternalChanges(QObject):
    def __init__(self, window: Window) -> None:
        super().__init__(window)
        self.w = window
        self.bar = NoticeBar(window)
        self.bar.open_stored.clicked.connect(self._open_stored)
        self._version: int | None = None
        self._busy = False
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def watch(self, saver) -> None:
        """Called for every autosaver the window makes (a restore from the window makes a new one)."""
        saver.conflict.connect(self.on_conflict)
        saver.external.connect(self.on_external)

    # --- noticing ---------------------------------------------------------------------------
    def poll(self) -> None:
        """Cheap when nothing happened: one PRAGMA on the window's own connection."""
        try:
            version = self.w.db.execute("PRAGMA data_version").fetchone()[0]
        except Exception:  # noqa: BLE001 - closed during a restore from the window
            return
        if version == self._version:
            return
        self._version = version
        report = self.w.report
        if report is None or report.id is None or self._busy:
            return
        from cchc_desktop.store import identity

        self.w._list_timer.start()  # an import or a delete elsewhere shows in the list
        self.w.autosaver.check_external(report.id, identity.carried(report))

    def on_external(self, report_id: int, kind: str) -> None:
        report = self.w.report
        if self._busy or report is None or report.id != report_id or self.w.autosaver.closed:
            return  # closed: a notice queued before the window closed, its writer is gone
        self.w.save_now(wait=True)  # what was typed is written, or refused as a conflict
        if self.w.dirty or report_id in self.w.autosaver.pending_conflicts():
            self.on_conflict(report_id, kind)  # keeps the text as a new report
            return
        self._busy = True
        try:
            self.w.autosaver.take_conflicted(report_id)  # forget the old version
            text = WHAT_HAPPENED[kind].format(id=report_id)
            if kind == "removed":
                self.w.report = None
                self.w.open_initial()
                self.bar.say(text, None)
            else:
                self.w.cycle.reload(report_id)
                self.bar.say(text + RELOADED, None)
        finally:
            self._busy = False

    # --- a save refused -----------------------------------------------------------------------
    def on_conflict(self, report_id: int, kind: str) -> None:
        if self._busy:
            QTimer.singleShot(200, lambda: self.on_conflict(report_id, kind))
            return
        self._busy = True
        try:
            self._keep_as_new(report_id, kind)
        finally:
            self._busy = False

    def resolve_all(self) -> None:
        """Before the window closes: every refused save becomes a new report now."""
        for report_id in self.w.autosaver.pending_conflicts():
            self.on_conflict(report_id, "changed")

    def _keep_as_new(self, report_id: int, kind: str) -> None:
        from cchc_desktop.store import revisions
        from cchc_desktop.store.reports import save_report

        shown = self.w.report is not None and self.w.report.id == report_id
        snapshot = self.w.autosaver.take_conflicted(report_id)  # waits: nothing of it is queued after
        text = self.w.current_report() if shown else snapshot
        if text is None:
            return
        copy: Report = pickle.loads(pickle.dumps(text, pickle.HIGHEST_PROTOCOL))
        copy.id, copy.status, copy.sample = None, ReportStatus.DRAFT, False
        note = f"phần đang soạn khi báo cáo số {report_id} bị thay đổi ở nơi khác"

        def job(db) -> int:
            new_id = save_report(db, copy)
            revisions.add_revision(db, new_id, revisions.SAVE, note)
            return new_id

        try:
            new_id = self.w.autosaver.run(job)
        except Exception:  # noqa: BLE001 - the text stays in the window and in the list of unsaved
            log.exception("Could not keep the text as a new report")
            self.w.autosaver.keep_unsaved(text)
            self.w.statusBar().showMessage("Không lưu được phần đang soạn; đừng đóng cửa sổ, hãy thử lại.")
            return
        log.warning("Report %s changed elsewhere (%s): the window's text kept as report %s", report_id, kind, new_id)
        if shown:
            self.w.dirty = False
            self.w.report = None  # open_report would otherwise see "already open"
            self.w.open_report(new_id)
        self.w.refresh_list()
        self.bar.say(WHAT_HAPPENED[kind].format(id=report_id) + KEPT.format(new=new_id),
                     report_id if kind != "removed" else None)

    def _open_stored(self) -> None:
        if self.bar.stored_id is not None:
            self.w.open_report(self.bar.stored_id)
        self.bar.hide()
