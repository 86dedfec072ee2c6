"""Menu "Số liệu": charts, consolidation from the units, every table to Excel.

The dialogs are imported on first use: start-up does not load reportlab's graphics or QtSvg.
Ask-functions are module level so tests replace them instead of meeting a modal dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from . import dialogs

if TYPE_CHECKING:
    from .window_api import Window


def exec_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_xlsx_target(parent, suggested: str) -> str:
    from .file_dialogs import save_file_name

    return save_file_name(parent, "Xuất mọi bảng ra Excel", suggested, "Bảng tính Excel (*.xlsx)")


class FiguresActions(QObject):
    def __init__(self, window: Window) -> None:
        super().__init__(window)
        self.w = window
        make = window.actions._action
        self.chart = make("&Biểu đồ…", "Ctrl+Shift+B", self.show_charts,
                          "Vẽ chỉ tiêu qua các kỳ hoặc so với kỳ trước; chèn biểu đồ vào phụ lục")
        self.consolidate = make("&Tổng hợp số liệu từ các đơn vị…", None, self.consolidate_units,
                                "Cộng số liệu từ tệp Excel của thôn, tổ dân phố, ban ngành vào phụ lục")
        self.excel = make("&Xuất mọi bảng ra Excel…", None, self.export_excel,
                          "Mỗi bảng (phụ lục, bảng trong bài) một trang tính, số là số, in vừa khổ A4")
        menu = window.menuBar().addMenu("Số &liệu")
        for action in (self.chart, self.consolidate, self.excel):
            menu.addAction(action)

    def _report(self):
        report = self.w.report
        if report is None:
            dialogs.error(self.w, "Hãy mở một báo cáo trước.")
        return report

    def _editable(self, report) -> bool:
        if getattr(self.w, "read_only", False):
            dialogs.error(self.w, "Báo cáo đã ban hành chỉ đọc; hãy “Mở lại để sửa” trước.")
            return False
        return True

    def show_charts(self) -> None:
        from cchc_desktop.store.series import reports_of_kind

        from .chart_view import ChartView

        report = self._report()
        if report is None:
            return
        view = ChartView(report, reports_of_kind(self.w.db, report.kind), self.w)
        view.insert.setEnabled(view.insert.isEnabled() and not getattr(self.w, "read_only", False))
        view.inserted.connect(self.w.mark_changed)
        self.last_view = view  # tests reach the dialog through this
        exec_dialog(view)

    def consolidate_units(self) -> None:
        from .consolidate_dialog import ConsolidateDialog

        report = self._report()
        if report is None or not self._editable(report):
            return
        if not any(a.table.column_index("value") is not None for a in report.appendices):
            dialogs.error(self.w, "Báo cáo chưa có bảng phụ lục có cột số liệu để tổng hợp.")
            return
        dialog = ConsolidateDialog(report, self.w)
        self.last_dialog = dialog
        if exec_dialog(dialog):
            count = dialog.apply()
            self.w.show_report(report)
            self.w.mark_changed()
            self.w.statusBar().showMessage(f"Đã điền {count} số liệu tổng hợp vào phụ lục.", 8000)

    def export_excel(self) -> None:
        from cchc_desktop.document.xlsx_writer import XlsxError, export_report_xlsx

        report = self._report()
        if report is None:
            return
        path = ask_xlsx_target(self.w, "bang-so-lieu.xlsx")
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        try:
            sheets = export_report_xlsx(report, target)
        except XlsxError as error:
            dialogs.error(self.w, str(error))
            return
        self.w.statusBar().showMessage(f"Đã xuất {sheets} bảng ra “{target.name}”.", 8000)
