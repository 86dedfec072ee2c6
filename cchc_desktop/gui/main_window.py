"""The main window: report list on the left, the open report's tabs on the right."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from cchc_desktop.core.model import Report

from . import dialogs
from .actions import Actions
from . import first_run
from .autosave import Autosaver
from .cycle_actions import CycleActions
from .figures_actions import FiguresActions
from .help import Help
from .keyboard import Keyboard
from .split_preview import SplitView
from .undo import ReportUndo
from .report_list import ReportList
from .settings_file import settings  # one settings file; first_run and tests still import it from here
from .tabs.general import GeneralTab

if TYPE_CHECKING:
    from cchc_desktop.store.snapshot import Snapshot

    from .tabs.indicators import IndicatorsTab
    from .tabs.narrative import NarrativeTab
    from .tabs.preview import PreviewTab
    from .tabs.signature import SignatureTab

log = logging.getLogger(__name__)
APP_TITLE = "Báo cáo tuyên truyền CCHC"
TABS = (("general", "Thông tin chung", "Cơ quan, số, ngày, kỳ báo cáo, trích yếu, nơi gửi"),
        ("narrative", "Nội dung", "Các phần của báo cáo, bảng và chú thích trong bài, câu kết thúc"),
        ("indicators", "Phụ lục", "Các biểu số liệu kèm theo"),
        ("signature", "Ký và nơi nhận", "Người ký và danh sách nơi nhận"),
        ("preview", "Xem trước", "Bản PDF đúng như khi xuất hoặc in"))


@contextmanager
def _app_filters_paused(*filters: QObject | None) -> Iterator[None]:
    app = QApplication.instance()
    on = [item for item in filters if item is not None]
    for item in on:
        app.removeEventFilter(item)
    try:
        yield
    finally:
        for item in on:
            app.installEventFilter(item)


class MainWindow(QMainWindow):
    def __init__(self, database: Path, db=None, build_tabs: bool = True) -> None:
        super().__init__()
        self.database = database
        # read connection of the GUI thread (writes go through the autosaver's thread); None
        # until attach_database: run_app paints the window first
        self.db = db
        self.report: Report | None = None
        self.dirty = False
        self.generation = 0  # bumped on every edit; the preview compares it
        self.setWindowTitle(APP_TITLE)
        self.setMinimumSize(800, 540)

        self.report_list = ReportList()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.general = GeneralTab()
        for name, title, tip in TABS:
            # the tab shown first now; the others' places hold an empty page until build_tabs()
            self.tabs.addTab(self.general if name == "general" else QWidget(), title)
            self.tabs.setTabToolTip(self.tabs.count() - 1, tip)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.report_list)
        self.right = QWidget()  # the sample bar (first_run) above the tabs
        right_layout = QVBoxLayout(self.right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(2)
        from .split_preview import side_splitter

        self.tabs_splitter = side_splitter(self.tabs)  # F9 puts the page beside them (split_preview)
        right_layout.addWidget(self.tabs_splitter, 1)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 1000])
        self.setCentralWidget(self.splitter)
        from .status_bar import StatusBar

        self.setStatusBar(StatusBar(self))  # a long message is cut, never drawn over "Đã lưu lúc …"
        self.saved_label = QLabel()
        self.saved_label.setMinimumWidth(self.saved_label.fontMetrics().horizontalAdvance("Đã lưu lúc 00:00:00"))
        self.statusBar().addPermanentWidget(self.saved_label)

        from .external_changes import ExternalChanges

        self.external = ExternalChanges(self)  # another program changing the file under us
        self.autosaver = self.install_autosaver()
        self.actions = Actions(self)
        self.cycle = CycleActions(self)  # next report, history, finalising, backups
        self.figures = FiguresActions(self)  # charts, consolidation, Excel
        from .settings_dialog import install_settings_action; install_settings_action(self)  # noqa: E702
        from .import_dialog import install_import_action; install_import_action(self)  # noqa: E702
        from . import start_from_file; start_from_file.install(self)  # noqa: E702
        from . import signing_dialog; signing_dialog.install(self)  # noqa: E702 - Tệp → Ký số…
        from . import picture_actions; picture_actions.install(self)  # noqa: E702 - Chèn → Hình ảnh…
        self.undo = ReportUndo(self)  # Ctrl+Z: the focused field's typing, else the tab's or report's stack
        first_edit = self.actions.edit_menu.actions()[0]
        for action in (self.undo.undo_action, self.undo.redo_action):
            self.actions.edit_menu.insertAction(first_edit, action)
        self.actions.edit_menu.insertSeparator(first_edit)
        self.sample_bar = first_run.install(self)
        right_layout.insertWidget(0, self.sample_bar)
        right_layout.insertWidget(0, self.external.bar)
        from . import find_replace; find_replace.install(self)  # noqa: E702 - Ctrl+F / Ctrl+H in the text
        self.keyboard = Keyboard(self)
        self.split = SplitView(self)  # Xem → Xem trước bên cạnh (F9)
        self.keyboard.view_menu.addAction(self.actions.checks_panel.toggleViewAction())
        self.help = Help(self)
        self.report_list.reportActivated.connect(self.open_report)
        self._list_timer = QTimer(self, singleShot=True, interval=1500)
        self._list_timer.timeout.connect(self.refresh_list)
        self.keyboard.finish()  # last: unique mnemonics and shortcuts in tooltips for every menu
        self.report_list.tree.setFocus()  # not the search box: it would take the first keys typed
        if build_tabs:
            self.build_tabs()

    def build_tabs(self) -> None:
        """The tabs behind the first one (text, appendix, signature, preview), in the places kept
        for them.  At start (gui/app.py) they come once the window is painted: with their modules
        they were a fifth of the time before the first paint.  Everything about them that the
        window's construction did (shortcuts, undo routing, read-only state, the side preview's
        watch) is done here, so the order is the same whether they come at once or later."""
        if self.tabs_built:
            return
        from .tabs.indicators import IndicatorsTab
        from .tabs.narrative import NarrativeTab
        from .tabs.preview import PreviewTab
        from .tabs.signature import SignatureTab

        # the window-wide key and drop filters (on the application, in Python) would see every
        # event of the tabs' construction
        # (the drop filter goes on the application once the event loop runs: not yet in a test's window)
        drops = self.import_drop_filter
        with _app_filters_paused(self.keyboard.window_keys, drops if getattr(drops, "on_application", False) else None):
            self._make_tabs({"narrative": NarrativeTab, "indicators": IndicatorsTab,
                             "signature": SignatureTab, "preview": PreviewTab})
        self.tabs_built = True
        self.signature.undo = self.undo
        for tab in self.editor_tabs():
            tab.changed.connect(self.mark_changed)
        self.tabs.currentChanged.connect(self._on_tab)
        self.split.watch_tabs()
        self.keyboard.tabs_built()
        self.undo.take_over_shortcuts()
        self.cycle.update_state()

    def _make_tabs(self, kinds: dict[str, type[QWidget]]) -> None:
        """Each tab in its kept place, with its title and tip; the tab shown stays shown."""
        current = self.tabs.currentIndex()
        for index, (name, title, tip) in enumerate(TABS):
            if name in kinds:
                tab = kinds[name]()
                setattr(self, name, tab)
                placeholder = self.tabs.widget(index)
                self.tabs.removeTab(index)
                self.tabs.insertTab(index, tab, title)
                self.tabs.setTabToolTip(index, tip)
                placeholder.deleteLater()
        self.tabs.setCurrentIndex(current)

    tabs_built = False
    narrative: NarrativeTab  # set by build_tabs
    indicators: IndicatorsTab
    signature: SignatureTab
    preview: PreviewTab

    def attach_database(self, db) -> None:
        """The GUI thread's connection, opened by gui/app.py (after the first paint at start)."""
        self.db = db

    def install_autosaver(self) -> Autosaver:
        """A new writer (at start, and after a restore made from this window)."""
        saver = Autosaver(self.database, self.snapshot, self)
        saver.saved.connect(self._on_saved)
        saver.failed.connect(lambda text: self.statusBar().showMessage(text))
        self.external.watch(saver)
        return saver

    # --- tabs and model --------------------------------------------------------------
    def editor_tabs(self) -> list[QWidget]:
        if not self.tabs_built:
            return [self.general]
        return [self.general, self.narrative, self.indicators, self.signature]

    def narrative_tabs(self) -> list[NarrativeTab]:
        return [self.narrative] if self.tabs_built else []

    def mark_changed(self) -> None:
        self.dirty = True
        self.generation += 1
        self.autosaver.schedule()
        self.actions.schedule_checks()
        self.split.changed()

    def apply_report_change(self, changed: Report, label: str) -> bool:
        """A corrected copy of the report (a fix from the checks panel) as one undo step, saved
        like any other edit (``gui/report_change.py``)."""
        from .report_change import apply_report_change

        return apply_report_change(self, changed, label)

    def current_report(self) -> Report | None:
        """The model with every editor's text written into it."""
        for tab in self.narrative_tabs():
            tab.flush()
        return self.report

    def snapshot(self) -> Snapshot | None:
        """A private copy for the writer thread (store/snapshot.py: the text blocks shared, the
        rest pickled; made back into a Report on the writer thread), or None when nothing
        changed since the last save."""
        if self.report is None or not self.dirty:
            return None
        from cchc_desktop.store.snapshot import take

        self.dirty = False
        return take(self.current_report())

    def save_now(self, wait: bool = False) -> None:
        self.autosaver.save_now(wait=wait)

    def _on_saved(self, when: str) -> None:
        self.saved_label.setText(f"Đã lưu lúc {when}")
        self._list_timer.start()  # subject or period may have changed in the list

    def _on_tab(self, index: int) -> None:
        self.save_now()
        if self.tabs.widget(index) is self.preview:
            self.refresh_preview()

    def refresh_preview(self) -> None:
        report = self.current_report()
        if report is not None and self.preview.generation != self.generation:
            self.preview.show_report(report, self.generation)

    # --- reports -----------------------------------------------------------------------
    def refresh_list(self) -> None:
        from cchc_desktop.store.reports import list_reports

        self.report_list.sample_ids = first_run.sample_ids(self)
        summaries = list_reports(self.db)
        self.report_list.set_summaries(summaries, self.report.id if self.report else None)
        self.undo.keep_only(s.id for s in summaries)  # a deleted report's undo histories go with it

    def open_report(self, report_id: int) -> None:
        import sqlite3

        from cchc_desktop.store.database import StoreError
        from cchc_desktop.store.limits import LimitError, check_stored
        from cchc_desktop.store.reports import load_report

        from .damaged import is_damaged, offer_revisions

        if self.report is not None and self.report.id == report_id:
            return
        from . import spelling

        spelling.load_words()  # the clerk's own words, before the report's are checked
        self.save_now(wait=True)
        try:
            if is_damaged(self.db, report_id):
                offer_revisions(self, report_id)
                return
            check_stored(self.db, report_id)  # a report over the limits (from an old version) is refused, not loaded
            report = load_report(self.db, report_id)
        except (StoreError, LimitError) as error:
            dialogs.error(self, str(error))
            return
        except sqlite3.DatabaseError:  # a stored document SQLite itself cannot read
            log.exception("Report %s could not be read", report_id)
            offer_revisions(self, report_id)
            return
        self.show_report(report)

    def show_report(self, report: Report) -> None:
        left = self.report
        if left is not None and left.id != report.id:
            self.undo.leave(self.current_report())  # its histories stay while the window is open
        # Shown again as it was left: its histories (the report's and the tabs') go on; reloaded
        # (a revision restored) or changed meanwhile: the old steps describe another report.
        self.undo.arrive(report)
        self.report = None
        for tab in self.editor_tabs():
            tab.set_report(report)  # the tabs take the report's own stacks
        self.report = report
        self.undo.activate(report.id)
        self.dirty = False
        self.generation += 1
        self.report_list.select(report.id)
        self.setWindowTitle(f"{report.subject or 'Báo cáo'} — {APP_TITLE}")
        settings().setValue("last_report", report.id)
        if self.tabs.currentWidget() is self.preview:
            self.refresh_preview()
        self.actions.schedule_checks(0)
        self.cycle.update_state()  # a final report is read-only
        first_run.apply_sample_state(self)  # so is the sample, until copied
        from .start_from_file import update_start_page

        update_start_page(self)

    def open_initial(self) -> None:
        """The last report opened, else the most recently changed one."""
        self.refresh_list()
        ids = [s.id for s in self.report_list.summaries if not s.damaged]  # a damaged one: only when asked
        last = settings().value("last_report")
        try:
            wanted = int(last) if last is not None else None
        except (TypeError, ValueError):
            wanted = None
        if wanted not in ids:
            ranked = sorted((s for s in self.report_list.summaries if not s.damaged),
                            key=lambda s: s.updated_at, reverse=True)
            wanted = ranked[0].id if ranked else None
        if wanted is not None:
            self.open_report(wanted)
        from .start_from_file import update_start_page

        update_start_page(self)

    # --- window state -------------------------------------------------------------------
    def restore_state(self) -> None:
        store = settings()
        geometry = store.value("geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(self._first_size())  # first start: fits the screen with the taskbar
        splitter = store.value("splitter")
        if isinstance(splitter, QByteArray) and self.splitter.restoreState(splitter):
            self._splitter_fitted = True  # the clerk's own proportions
        else:
            self.fit_splitter()
        state = store.value("window_state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _first_size(self) -> QSize:
        """1280×720, or the whole available screen when smaller (1024×700, 125 % scaling)."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is None or screen.width() <= 0:
            return QSize(1280, 720)
        return QSize(min(1280, screen.width()), min(720, screen.height() - 30))

    def fit_splitter(self) -> None:
        """The report list takes about a quarter of the width (less on small screens), so the tab
        bar of the report keeps every tab visible."""
        width = max(self.width(), self.minimumWidth())
        left = max(200, min(360, int(width * 0.22)))
        self.splitter.setSizes([left, max(400, width - left)])

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if not self._splitter_fitted:
            self._splitter_fitted = True
            self.fit_splitter()

    _splitter_fitted = False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        from .closing import may_close

        if not self.autosaver._closed and not may_close(self):
            event.ignore()  # the clerk went back to the window: nothing is lost
            return
        self.external.timer.stop()
        self.split.close()  # the preview's worker thread
        try:
            self.autosaver.close()
        except Exception:  # noqa: BLE001 - logged; closing must still work
            log.exception("Final save failed")
        store = settings()
        store.setValue("geometry", self.saveGeometry())
        store.setValue("splitter", self.splitter.saveState())
        store.setValue("window_state", self.saveState())
        store.sync()
        event.accept()
