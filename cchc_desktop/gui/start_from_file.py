""""Bắt đầu từ báo cáo kỳ trước (tệp Word)…": last period's file to this period's report, one flow.

Pick the file → it is read off the GUI thread (import_dialog.read_import) → one dialog
(next_report_dialog) shows the new period (the next by the calendar, adjustable), the rewrites it
will make and — only when the file names another organisation — whose report it is → both are
saved (last period's report is kept for reference and for "Kỳ trước") → the new one opens with
the list of what was changed and what to look at.  Offered at the end of the first-run setup, in
Tệp and on the start page shown when no report is open.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QDialog, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from . import dialogs
from .import_dialog import PlacesDialog

if TYPE_CHECKING:
    from cchc_desktop.core.next_report import NextReportPlan
    from cchc_desktop.importing import ImportResult

    from .window_api import Window

log = logging.getLogger(__name__)
MENU_TEXT = "Bắt đầu từ báo cáo kỳ trước (tệp Word)…"
TIP = "Chọn tệp Word báo cáo kỳ trước: chương trình nhập tệp và tạo ngay báo cáo kỳ này từ đó"


def ask_open_path(parent) -> str:
    """The open dialog (a module function so tests can replace it)."""
    from .file_dialogs import open_file_name
    from .import_dialog import FILTERS

    return open_file_name(parent, "Chọn báo cáo kỳ trước (tệp Word)", FILTERS)


def exec_dialog(dialog: QDialog) -> bool:
    """A module function so tests answer instead of a modal loop."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def start_from_file(window: Window, path: str | Path | None = None) -> int | None:
    """The whole flow; the new report's id, or None when the clerk gave up (nothing written)."""
    from .import_dialog import read_import

    if path is None:
        path = ask_open_path(window)
        if not path:
            return None
    path = Path(path)
    result = read_import(window, path, ask_convert=False)  # the clerk chose this file to start from
    if result is None:
        return None
    return _make_from(window, path, result)


def _make_from(window: Window, path: Path, result: ImportResult) -> int | None:
    from cchc_desktop.core.next_report import apply_plan
    from cchc_desktop.store.reports import load_organization

    from .import_dialog import organization_differs
    from .next_report_dialog import NextReportDialog

    source = result.report
    source.id = None
    ours = load_organization(window.db)
    theirs = source.organization
    differs = organization_differs(theirs, ours)
    dialog = NextReportDialog(source, window, file_name=path.name,
                              their_organization=" ".join(theirs.issuing_body) if differs else "")
    if not exec_dialog(dialog):
        window.statusBar().showMessage(f"Chưa tạo báo cáo từ “{path.name}”.", 8000)
        return None
    adopt = False
    if differs and not dialog.own_organization():
        from cchc_desktop.core.adopt import adopt_import

        adopt_import(result, ours)  # signer, place, Nơi nhận too; the rest listed with the changes
    elif differs:
        from .first_run import organization_is_sample

        adopt = organization_is_sample(window)  # not set up yet: the file's organisation becomes the program's
    plan = dialog.plan()
    new = apply_plan(source, plan)
    new_id = _save(window, path, source, new, adopt)
    if new_id is None:
        return None
    window.refresh_list()
    window.open_report(new_id)
    window.tabs.setCurrentWidget(window.narrative)  # the text is what the clerk changes first
    _show_changes(window, path, plan, result)
    return new_id


def _save(window: Window, path: Path, source, new, adopt: bool) -> int | None:
    """Last period's report and this period's, in one job of the writer thread."""
    from cchc_desktop.store import revisions
    from cchc_desktop.store.reports import save_organization, save_report

    def job(db) -> int:
        if adopt:
            save_organization(db, source.organization)
        source_id = save_report(db, source)
        new_id = save_report(db, new)
        revisions.add_revision(db, new_id, revisions.SAVE, f"tạo từ tệp “{path.name}” (báo cáo số {source_id})")
        return new_id

    try:
        return window.actions._write(job)
    except Exception as error:  # noqa: BLE001 - the store says why in its message
        log.exception("saving the report made from %s failed", path)
        dialogs.error(window, f"Không lưu được báo cáo mới: {error}")
        return None


# ------------------------------------------------------------------ what changed


def _rewrite_target(location: str) -> str:
    """"sections/2/blocks/5/runs/0" → "part:2:5" (import_dialog.location_of understands it)."""
    parts = location.split("/")
    if parts[0] == "sections" and len(parts) >= 4:
        return f"part:{parts[1]}:{parts[3]}"
    if parts[0] == "appendices":
        return f"appendix:{parts[1]}"
    return parts[0]


def change_lines(plan: NextReportPlan, result: ImportResult, stale: int) -> list[tuple[str, str]]:
    """(text, target) of each change made and each place to look at, for the list."""
    lines = [(f"{r.where}: “{r.before}” → “{r.after}”", _rewrite_target(r.location))
             for r in plan.rewrites if r.enabled]
    if stale:
        lines.append((f"Còn {stale} ngày tháng thuộc kỳ cũ trong nội dung (tô vàng): hãy xem lại.", ""))
    for entry in result.entries:
        text = f"Cần xem lại — {entry.where}: {entry.message}"
        lines.append((text + (f" — “{entry.text}”" if entry.text else ""), entry.target))
    return lines


class ChangesDialog(PlacesDialog):
    """Not modal: the list of what the flow changed; a double-click goes to the place."""

    def __init__(self, window: Window, name: str, lines: list[tuple[str, str]]) -> None:
        count = sum(1 for text, _t in lines if not text.startswith(("Cần xem lại", "Còn ")))
        super().__init__(window, "Những thay đổi trong báo cáo mới",
                         f"Đã tạo báo cáo kỳ này từ “{name}”: {count} chỗ ghi kỳ báo cáo đã đổi. "
                         "Bấm đúp một dòng để đến chỗ đó.", lines, "Đóng")


def _show_changes(window: Window, path: Path, plan: NextReportPlan, result: ImportResult) -> None:
    from cchc_desktop.core.next_report import stale_dates

    from .cycle_actions import highlight_stale

    stale = stale_dates(window.report, plan.old_period) if window.report is not None else []
    highlight_stale(window, stale)
    dialog = ChangesDialog(window, path.name, change_lines(plan, result, len(stale)))
    window.changes_dialog = dialog
    dialog.show()
    window.statusBar().showMessage(f"Đã tạo báo cáo kỳ này từ “{path.name}”.", 10000)


# ------------------------------------------------------------------ where it is offered


class StartPage(QWidget):
    """Shown instead of the tabs while no report is open: the two ways to begin."""

    def __init__(self, window: Window) -> None:
        super().__init__(window)
        self.setObjectName("start_page")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel("<h2>Bắt đầu một báo cáo</h2>"
                       "Cách nhanh nhất: lấy báo cáo kỳ trước (tệp Word) làm gốc — chương trình đổi kỳ báo cáo, "
                       "để trống số liệu kỳ này, còn lại giữ nguyên.")
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.from_file = QPushButton(MENU_TEXT)
        self.from_file.setToolTip(TIP)
        self.from_file.clicked.connect(lambda: start_from_file(window))
        self.new = QPushButton("Báo cáo mới theo mẫu…")
        self.new.setToolTip("Tạo báo cáo mới: chọn loại báo cáo và kỳ báo cáo")
        self.new.clicked.connect(window.actions.new_report)
        for button in (self.from_file, self.new):
            button.setMinimumHeight(36)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.hide()


def start_page(window: Window) -> StartPage:
    """The window's start page, built the first time no report is open (not before the first
    paint: ~30 ms most starts never need), below the tabs in the right-hand column."""
    if window.start_page is None:
        window.start_page = StartPage(window)
        window.right.layout().addWidget(window.start_page, 1)  # instead of the tabs while no report is open
    return window.start_page


def update_start_page(window: Window) -> None:
    """The start page while no report is open, the tabs otherwise."""
    if not hasattr(window, "start_page"):
        return  # not installed (a window without the Tệp action)
    empty = window.report is None
    if not empty and window.start_page is None:
        return  # the tabs are shown; no page to hide
    page = start_page(window)
    page.setVisible(empty)
    window.tabs.setVisible(not empty)
    if empty and getattr(window, "sample_bar", None) is not None:
        window.sample_bar.hide()  # it speaks of an open report


def install(window: Window) -> QAction:
    """The action in Tệp (after "Nhập từ Word…") and the start page above the tabs."""
    action = QAction(MENU_TEXT, window)
    action.setToolTip(TIP)
    action.setStatusTip(TIP)
    action.triggered.connect(lambda _checked=False: start_from_file(window))
    for menu_action in window.menuBar().actions():
        if menu_action.text() == "&Tệp":
            file_menu = menu_action.menu()
            actions = file_menu.actions()
            anchor = getattr(window, "import_action", window.actions.new)
            position = actions.index(anchor) + 1 if anchor in actions else 0
            file_menu.insertAction(actions[position] if position < len(actions) else None, action)
    window.start_from_file_action = action
    window.start_page = None  # built when first needed: start_page()
    return action
