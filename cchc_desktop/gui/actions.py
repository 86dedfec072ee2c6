"""The window's commands: menus, toolbar and shortcuts, and what each one does."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QInputDialog, QToolBar

from . import dialogs
from .checks_panel import ChecksPanel
from .filenames import default_export_name
from .settings_file import settings

if TYPE_CHECKING:
    from .window_api import Window

log = logging.getLogger(__name__)
LAST_EXPORT_KEY = "export/last_file"
EXPORT_FILTERS = "Tài liệu Word (*.docx);;Tệp PDF (*.pdf)"


def ask_save_path(parent, title: str, suggested: str, filters: str) -> str:
    """The save dialog (a module function so tests can replace it)."""
    from .file_dialogs import save_file_name

    return save_file_name(parent, title, suggested, filters)


def ask_choice(parent, title: str, label: str, items: list[str]) -> str | None:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(items)
    dialog.setOkButtonText(dialogs.OK)
    dialog.setCancelButtonText(dialogs.CANCEL)
    return dialog.textValue() if dialog.exec() else None


class Actions:
    @property
    def last_export(self) -> Path | None:
        """The last file exported (also by print to file and signing), kept across restarts:
        the next export, print to file and signing start in its folder."""
        value = settings().value(LAST_EXPORT_KEY, "")
        path = Path(str(value)) if value else None
        return path if path is not None and path.parent.is_dir() else None

    @last_export.setter
    def last_export(self, path: Path | None) -> None:
        settings().setValue(LAST_EXPORT_KEY, str(path) if path else "")

    def __init__(self, window: Window) -> None:
        self.w = window
        self._accepted: dict[int | None, frozenset] = {}  # report id → errors the clerk chose to print with
        menu = window.menuBar()
        file_menu = menu.addMenu("&Tệp")
        self.new = self._action("Báo cáo mới…", QKeySequence.StandardKey.New, self.new_report,
                                "Tạo báo cáo mới: chọn loại báo cáo và kỳ báo cáo (Ctrl+N)")
        self.duplicate = self._action("Nhân bản", None, self.duplicate_report, "Tạo bản sao của báo cáo đang mở")
        self.save_template = self._action("Lưu làm mẫu…", None, self.save_as_template,
                                          "Lưu báo cáo này thành mẫu riêng của cơ quan (dùng khi tạo Báo cáo mới)")
        self.delete = self._action("Xóa báo cáo…", None, self.delete_report,
                                   "Chuyển báo cáo vào mục đã xóa (có thể khôi phục)")
        self.restore = self._action("Khôi phục báo cáo đã xóa…", None, self.restore_report)
        self.save = self._action("Lưu ngay", QKeySequence.StandardKey.Save, self.save_now,
                                 "Lưu ngay (chương trình vẫn tự động lưu)")
        self.export = self._action("Xuất DOCX/PDF…", QKeySequence("Ctrl+E"), self.export_report,
                                   "Xuất báo cáo ra tệp Word hoặc PDF (Ctrl+E)")
        self.export_both = self._action("Xuất cả DOCX và PDF…", QKeySequence("Ctrl+Shift+E"),
                                        lambda: self.export_report(both=True),
                                        "Xuất một lần ra hai tệp cùng tên: Word (.docx) và PDF (Ctrl+Shift+E)")
        self.open_folder = self._action("Mở thư mục chứa tệp đã xuất", None, self.open_export_folder)
        self.open_folder.setEnabled(self.last_export is not None)
        self.print = self._action("In…", QKeySequence.StandardKey.Print, self.print_report, "In báo cáo (Ctrl+P)")
        self.print_preview = self._action("Xem trước khi in…", None, self.print_preview_report)
        self.quit = self._action("Thoát", QKeySequence("Ctrl+Q"), window.close)
        for item in (self.new, self.duplicate, self.save_template, self.delete, self.restore, None, self.save, self.export,
                     self.export_both, self.open_folder, None, self.print, self.print_preview, None, self.quit):
            file_menu.addSeparator() if item is None else file_menu.addAction(item)
        edit_menu = menu.addMenu("&Sửa")
        self.edit_menu = edit_menu  # Hoàn tác / Làm lại are added first by the window (gui.undo)
        self.find = self._action("Tìm báo cáo", QKeySequence.StandardKey.Find, self.focus_search,
                                 "Tìm trong danh sách báo cáo (Ctrl+F)")
        edit_menu.addAction(self.find)
        self.checks_panel = ChecksPanel(window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.checks_panel)
        self.checks_panel.hide()
        self.check = self._action("Kiểm tra báo cáo", QKeySequence("F7"), self.show_checks,
                                  "Tìm những chỗ cấp trên có thể trả lại (F7)")
        menu.addMenu("Kiể&m tra").addAction(self.check)

        toolbar = QToolBar("Thanh công cụ")
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        for item in (self.new, self.save, self.export, self.print, self.check):
            toolbar.addAction(item)
        window.addToolBar(toolbar)

    def _action(self, text: str, key, slot, tip: str = "") -> QAction:
        action = QAction(text, self.w)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.setToolTip(tip or text)
        action.setStatusTip(tip or text)
        action.triggered.connect(lambda _checked=False: slot())
        self.w.addAction(action)
        return action

    def schedule_checks(self, delay: int | None = None) -> None:
        self.checks_panel.schedule(self.w.current_report, delay)

    # --- reports --------------------------------------------------------------------------
    def _write(self, job):
        """Store writes go through the autosave thread: one writer, after pending saves."""
        self.w.save_now()
        return self.w.autosaver.run(job)

    def new_report(self) -> None:
        from .new_report_dialog import create_new_report  # the kind and period dialog

        create_new_report(self.w)

    def save_as_template(self) -> None:
        from .new_report_dialog import save_report_as_template

        save_report_as_template(self.w)

    def duplicate_report(self) -> None:
        from cchc_desktop.store.reports import duplicate_report

        if self.w.report is None:
            return
        source = self.w.report.id
        new_id = self._write(lambda db: duplicate_report(db, source))
        self.w.refresh_list()
        self.w.open_report(new_id)

    def delete_report(self) -> None:
        from cchc_desktop.store.reports import delete_report

        report = self.w.report
        if report is None or not dialogs.confirm(
                self.w, f"Xóa báo cáo “{report.subject}”?\nCó thể khôi phục lại bằng "
                        "Tệp → Khôi phục báo cáo đã xóa."):
            return
        self._write(lambda db: delete_report(db, report.id))
        self.w.report = None
        self.w.open_initial()
        self.w.statusBar().showMessage("Đã xóa báo cáo. Có thể khôi phục trong menu Tệp.", 8000)

    def restore_report(self) -> None:
        from cchc_desktop.store.reports import list_reports, restore_report

        deleted = [s for s in list_reports(self.w.db, include_deleted=True) if s.deleted]
        if not deleted:
            dialogs.inform(self.w, "Không có báo cáo nào đã xóa.")
            return
        labels = [f"{s.subject} ({s.updated_at[:10]})" for s in deleted]
        chosen = ask_choice(self.w, "Khôi phục báo cáo", "Chọn báo cáo cần khôi phục:", labels)
        if chosen is None:
            return
        summary = deleted[labels.index(chosen)]
        self._write(lambda db: restore_report(db, summary.id))
        self.w.refresh_list()
        self.w.open_report(summary.id)

    def save_now(self) -> None:
        self.w.save_now(wait=True)
        if not self.w.saved_label.text():
            self.w.statusBar().showMessage("Không có thay đổi nào cần lưu.", 3000)

    def focus_search(self) -> None:
        self.w.report_list.search.setFocus()
        self.w.report_list.search.selectAll()

    # --- export and print -------------------------------------------------------------------
    def _ready(self, doing: str) -> bool:
        """Checks run before export and print: errors need the clerk's confirmation — once: the
        same errors of the same report are not asked about again (print, then export)."""
        report = self.w.current_report()
        if report is None:
            return False
        errors = self._errors_now()
        if not errors:
            return True
        keys = self._error_keys()
        if keys <= self._accepted.get(report.id, frozenset()):
            return True
        self.checks_panel.show()
        if not dialogs.confirm(self.w, f"Báo cáo còn {errors} lỗi (xem bảng Kiểm tra). Vẫn {doing}?"):
            return False
        self._accepted[report.id] = keys
        return True

    def _errors_now(self) -> int:
        """The checks' errors; not run again while the report is as it was at the last run."""
        from .checks_panel import severity_of

        state = (self.w.report.id if self.w.report else None, self.w.generation)
        if state == self._checked:
            return sum(1 for f in self.checks_panel.findings if severity_of(f) == "error")
        errors = self.checks_panel.run_now(self.w.current_report)
        self._checked = state
        return errors

    _checked: tuple = ()

    def _error_keys(self) -> frozenset:
        """What the clerk accepted: each error by rule, place and message."""
        from .checks_panel import severity_of

        return frozenset((str(getattr(f, "rule_id", "")), str(getattr(f, "location", "")), str(getattr(f, "message", f)))
                         for f in self.checks_panel.findings if severity_of(f) == "error")

    def export_report(self, both: bool = False) -> None:
        """One file (its type from the name chosen), or ``both``: the .docx and the .pdf side by side."""
        from cchc_desktop.document.export import ExportError, export_docx, export_pdf

        if not self._ready("xuất báo cáo"):
            return
        report = self.w.current_report()
        folder = self.last_export.parent if self.last_export else Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        chosen = ask_save_path(self.w, "Xuất báo cáo (Word và PDF)" if both else "Xuất báo cáo",
                               str(folder / default_export_name(report, ".docx")), EXPORT_FILTERS)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".docx", ".pdf"):
            path = path.with_name(path.name + ".docx")  # "Báo cáo quý I. 2025" keeps its dot
        paths = [path.with_suffix(".docx"), path.with_suffix(".pdf")] if both else [path]
        try:
            for target in paths:
                (export_pdf if target.suffix.lower() == ".pdf" else export_docx)(report, target)
        except ExportError as error:
            dialogs.error(self.w, str(error))
            return
        self.last_export = paths[-1]
        self.open_folder.setEnabled(True)
        self.w.cycle.add_revision("export")  # revisions.EXPORT: the history shows what was sent
        self.w.statusBar().showMessage("Đã xuất: " + "; ".join(str(p) for p in paths), 10000)

    def open_export_folder(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export.parent)))

    def print_report(self) -> None:
        if not self._ready("in"):
            return
        from . import printing  # here: QtPdf and the print dialogs are not loaded before the first paint

        try:
            printing.print_report(self.w, self.w.current_report())
        except Exception as error:  # noqa: BLE001 - printers fail in many ways; say it in Vietnamese
            log.exception("Printing failed")
            dialogs.error(self.w, f"Không in được: {error}")

    def print_preview_report(self) -> None:
        """Looking is not printing: no question here; the dialog's "In…" asks like Tệp → In."""
        from . import printing

        report = self.w.current_report()
        if report is not None:
            printing.preview_report(self.w, report, ready=lambda: self._ready("in"))

    def show_checks(self) -> None:
        self.checks_panel.show()
        self.checks_panel.raise_()
        self.checks_panel.run_now(self.w.current_report)
        self._checked = (self.w.report.id if self.w.report else None, self.w.generation)
        self.checks_panel.list.setFocus()
