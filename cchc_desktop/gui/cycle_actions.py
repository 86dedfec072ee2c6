"""The reporting cycle in the window: next report, history, finalising, backups.

Menu "Kỳ báo cáo" plus "Sao lưu…"/"Khôi phục…" in "Tệp".  Every store write goes through
``window.actions._write`` (the single writer thread).  Ask-functions are module level so
tests replace them instead of meeting a modal dialog.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, QStandardPaths
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QInputDialog,
                               QLabel, QLineEdit, QTextEdit)

from cchc_desktop.core.model import ReportStatus

from . import dialogs
from .read_only import READ_ONLY_TEXT, set_read_only

if TYPE_CHECKING:
    from .window_api import Window

log = logging.getLogger(__name__)
BACKUP_FILTER = "Bản sao lưu (*.sqlite);;Mọi tệp (*)"


# --- questions to the clerk (replaced in tests) -----------------------------------------------
def exec_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_finalize(parent, number: str) -> tuple[str, date] | None:
    dialog = QDialog(parent)
    dialog.setWindowTitle("Ban hành báo cáo")
    form = QFormLayout(dialog)
    form.addRow(QLabel("Ghi số và ngày đã đăng ký ở văn thư; sau khi ban hành, báo cáo chỉ đọc."))
    number_edit = QLineEdit(number)
    when = QDateEdit(QDate.currentDate())
    when.setCalendarPopup(True)
    when.setDisplayFormat("dd/MM/yyyy")
    form.addRow("Số văn bản:", number_edit)
    form.addRow("Ngày ban hành:", when)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    dialogs.translate_buttons(buttons)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if not exec_dialog(dialog):
        return None
    return number_edit.text().strip(), when.date().toPython()


def ask_reason(parent) -> str | None:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Mở lại để sửa")
    dialog.setLabelText("Lý do mở lại báo cáo đã ban hành (được ghi vào lịch sử):")
    dialog.setOkButtonText(dialogs.OK)
    dialog.setCancelButtonText(dialogs.CANCEL)
    return dialog.textValue().strip() if dialog.exec() else None


def ask_backup_target(parent, suggested: str) -> str:
    from .file_dialogs import save_file_name

    return save_file_name(parent, "Sao lưu dữ liệu", suggested, BACKUP_FILTER)


def ask_backup_source(parent) -> str:
    from .file_dialogs import open_file_name

    return open_file_name(parent, "Khôi phục từ bản sao lưu", BACKUP_FILTER)


class CycleActions(QObject):
    def __init__(self, window: Window) -> None:
        super().__init__(window)
        self.w = window
        window.read_only = False
        make = window.actions._action
        self.next_report = make("Báo cáo kỳ tiếp theo…", None, self.make_next_report,
                                "Tạo báo cáo kỳ sau từ báo cáo này (giữ nội dung, đổi kỳ, xóa số liệu)")
        self.history = make("Lịch sử các bản lưu…", None, self.show_history, "Xem và khôi phục các bản đã lưu")
        self.finalize = make("Ban hành…", None, self.finalize_report, "Ghi số, ngày ban hành; báo cáo thành chỉ đọc")
        self.reopen = make("Mở lại để sửa…", None, self.reopen_report, "Mở báo cáo đã ban hành để sửa (ghi lý do)")
        menu = window.menuBar().addMenu("&Kỳ báo cáo")
        for item in (self.next_report, None, self.history, None, self.finalize, self.reopen):
            menu.addSeparator() if item is None else menu.addAction(item)
        self.backup = make("Sao lưu…", None, self.backup_database, "Chép toàn bộ dữ liệu ra tệp (VD: vào USB)")
        self.restore = make("Khôi phục…", None, self.restore_database, "Thay dữ liệu hiện tại bằng một bản sao lưu")
        for menu_action in window.menuBar().actions():
            if menu_action.text() == "&Tệp":
                file_menu = menu_action.menu()
                file_menu.insertAction(window.actions.quit, self.backup)
                file_menu.insertAction(window.actions.quit, self.restore)
                file_menu.insertSeparator(window.actions.quit)
        self.status = QLabel()
        window.statusBar().addPermanentWidget(self.status)
        window.actions.save.triggered.connect(lambda _checked=False: self._saved_by_clerk())
        window.autosaver.saved.connect(self._autosaved)
        self.update_state()

    # --- state ------------------------------------------------------------------------------
    def update_state(self) -> None:
        """Called when a report is shown: read-only when final, menu items to match."""
        report = self.w.report
        final = report is not None and report.status == ReportStatus.FINAL
        set_read_only(self.w, final)
        for tab in self.w.narrative_tabs():  # none before the window's tabs are built
            for editor in tab.editors:
                editor.setExtraSelections([])  # stale-date marks belong to the report they were made for
        self.status.setText(READ_ONLY_TEXT if final else "")
        for action in (self.next_report, self.history):
            action.setEnabled(report is not None)
        self.finalize.setEnabled(report is not None and not final)
        self.reopen.setEnabled(final)

    def reload(self, report_id: int) -> None:
        from cchc_desktop.store.reports import load_report

        self.w.show_report(load_report(self.w.db, report_id))
        self.update_state()
        self.w.refresh_list()

    def _write(self, job):
        """The writer thread; a StoreError becomes a Vietnamese message (None returned)."""
        from cchc_desktop.store.database import StoreError

        try:
            return self.w.actions._write(job), True
        except StoreError as error:
            dialogs.error(self.w, str(error))
            return None, False

    # --- revisions ----------------------------------------------------------------------------
    def add_revision(self, reason: str, report_id: int | None = None) -> None:
        from cchc_desktop.store import revisions

        report_id = report_id if report_id is not None else (self.w.report.id if self.w.report else None)
        if getattr(self.w.autosaver, "_closed", False):
            return  # the window is closing (or restoring): the writer takes no more jobs
        if report_id is None or (reason in (revisions.SAVE, revisions.AUTOSAVE) and self.w.read_only):
            return
        if reason == revisions.AUTOSAVE:
            # Just saved by the writer thread: queue the revision after it, the clerk types on.
            self.w.autosaver.submit(lambda db: revisions.add_revision(db, report_id, reason))
            return
        try:
            self.w.actions._write(lambda db: revisions.add_revision(db, report_id, reason))
        except Exception:  # noqa: BLE001 - history is a help, never a reason to stop the clerk
            log.exception("Could not add a revision")

    def _saved_by_clerk(self) -> None:
        from cchc_desktop.store import revisions  # the store loads after the first paint

        self.add_revision(revisions.SAVE)

    def _autosaved(self, _when: str) -> None:
        from cchc_desktop.store import revisions

        self.add_revision(revisions.AUTOSAVE)  # throttled by add_revision itself

    # --- next report --------------------------------------------------------------------------
    def make_next_report(self) -> None:
        from cchc_desktop.core.next_report import apply_plan, stale_dates
        from cchc_desktop.store import revisions
        from cchc_desktop.store.reports import save_report

        from .next_report_dialog import NextReportDialog

        source = self.w.current_report()
        if source is None:
            return
        dialog = NextReportDialog(source, self.w)
        if not exec_dialog(dialog):
            return
        new = apply_plan(source, dialog.plan())

        def job(db) -> int:
            new_id = save_report(db, new)
            revisions.add_revision(db, new_id, revisions.SAVE, "báo cáo kỳ tiếp theo")
            return new_id

        new_id, ok = self._write(job)
        if not ok:
            return
        self.w.refresh_list()
        self.w.open_report(new_id)
        stale = stale_dates(self.w.report, source.period)
        marked = highlight_stale(self.w, stale)
        text = f"Đã tạo báo cáo mới: {self.w.report.subject}."
        if stale:
            text += (f"\nCòn {len(stale)} ngày tháng thuộc kỳ cũ trong nội dung"
                     f"{f' ({marked} chỗ được tô vàng)' if marked else ''}: hãy xem lại.")
        self.w.statusBar().showMessage(text.replace("\n", " "), 15000)
        dialogs.inform(self.w, text)

    # --- history ------------------------------------------------------------------------------
    def show_history(self) -> None:
        from .history_dialog import HistoryDialog

        if self.w.report is None:
            return
        self.w.save_now(wait=True)
        exec_dialog(HistoryDialog(self.w.db, self.w.report.id, self.restore_revision, self.w))

    def restore_revision(self, revision_id: int) -> bool:
        from cchc_desktop.store import revisions

        report_id = self.w.report.id
        _result, ok = self._write(lambda db: revisions.restore_revision(db, revision_id))
        if ok:
            self.reload(report_id)
            self.w.statusBar().showMessage("Đã khôi phục bản lưu cũ.", 8000)
        return ok

    # --- finalising ---------------------------------------------------------------------------
    def finalize_report(self) -> None:
        from cchc_desktop.store import revisions

        report = self.w.current_report()
        if report is None or report.status == ReportStatus.FINAL:
            return
        answer = ask_finalize(self.w, report.number)
        if answer is None:
            return
        number, issued = answer
        _result, ok = self._write(lambda db: revisions.finalize(db, report.id, number, issued))
        if ok:
            self.reload(report.id)
            self.w.statusBar().showMessage(f"Đã ban hành số {number}; báo cáo chỉ còn đọc.", 10000)

    def reopen_report(self) -> None:
        from cchc_desktop.store import revisions

        report = self.w.report
        if report is None or report.status != ReportStatus.FINAL:
            return
        reason = ask_reason(self.w)
        if not reason:
            return
        _result, ok = self._write(lambda db: revisions.reopen(db, report.id, reason))
        if ok:
            self.reload(report.id)
            self.w.statusBar().showMessage("Đã mở lại báo cáo để sửa.", 8000)

    # --- backups ------------------------------------------------------------------------------
    def backup_database(self) -> None:
        from cchc_desktop.store.backup import backup_to

        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                      or Path.home())
        chosen = ask_backup_target(self.w, str(folder / f"cchc-sao-luu-{date.today():%Y-%m-%d}.sqlite"))
        if not chosen:
            return
        # After pending saves, on the writer thread: the copy holds everything typed so far.
        target, ok = self._write(lambda _db: backup_to(self.w.database, Path(chosen)))
        if ok:
            dialogs.inform(self.w, f"Đã sao lưu dữ liệu vào:\n{target}")

    def restore_database(self) -> None:
        from cchc_desktop.store.backup import is_good_database, restore_from
        from cchc_desktop.store.database import StoreError

        chosen = ask_backup_source(self.w)
        if not chosen:
            return
        if not is_good_database(Path(chosen), full=True):
            dialogs.error(self.w, f"Tệp “{Path(chosen).name}” không phải bản sao lưu hợp lệ hoặc đã bị hỏng; "
                                  "chưa thay đổi gì.")
            return
        if not dialogs.confirm(self.w, "Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu này?\n"
                                       "Tệp hiện tại được giữ lại một bản bên cạnh trước khi thay."):
            return
        self._close_database()
        try:
            kept = restore_from(Path(chosen), self.w.database)
        except StoreError as error:
            dialogs.error(self.w, str(error))
            kept = None
        self._reopen_database()
        if kept is not None:
            dialogs.inform(self.w, f"Đã khôi phục dữ liệu. Tệp cũ được giữ tại:\n{kept}")

    def _close_database(self) -> None:
        """Every connection to the file closed: the autosaver's (on its thread) and the window's."""
        self.w.autosaver.close()
        self.w.db.close()
        self.w.report = None

    def _reopen_database(self) -> None:
        from cchc_desktop.store.database import open_database

        self.w.db = open_database(self.w.database, create_sample=False)
        saver = self.w.install_autosaver()
        saver.saved.connect(self._autosaved)
        self.w.autosaver = saver
        self.w.dirty = False
        self.w.open_initial()
        self.update_state()


def highlight_stale(window: Window, stale: list[tuple[str, int, int]]) -> int:
    """Yellow background on dates of the old period in the parts' text editors; returns how many."""
    from .locate import document_offset
    from .rich_text import document_to_blocks

    report = window.report
    tab = window.narrative
    tab.flush()
    selections: dict[int, list] = {}
    for location, start, end in stale:
        parts = location.split("/")
        if parts[0] not in ("sections", "parts"):
            continue
        section, block, run = int(parts[1]), int(parts[3]), int(parts[5])
        editor = tab.editor_of(section)
        if editor is None:
            continue
        part = report.parts[section]
        runs = part.blocks[block].runs
        offset = sum(len(r.text) for r in runs[:run])
        if part.heading is not None:
            if block == 0:
                continue  # the heading is a line field, not in the text editor
            block -= 1
        positions: list = []
        document_to_blocks(editor.document(), positions)
        if block >= len(positions):
            continue
        text_block, begin = positions[block]
        cursor = QTextCursor(text_block)
        cursor.setPosition(text_block.position() + document_offset(text_block.text(), begin, offset + start))
        cursor.setPosition(text_block.position() + document_offset(text_block.text(), begin, offset + end),
                           QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = QTextCharFormat()
        selection.format.setBackground(QColor("#fff59d"))
        selection.format.setToolTip("Ngày tháng của kỳ báo cáo cũ: hãy xem lại")
        selections.setdefault(id(editor), [editor, []])[1].append(selection)
    for editor, marks in selections.values():
        editor.setExtraSelections(marks)
    return sum(len(marks) for _editor, marks in selections.values())
