"""Xem trước bên cạnh (F9): the real PDF page beside the editor, following the paragraph typed.

After the clerk pauses (PAUSE_MS), a copy of the report goes to a rendering process of its own
(document/preview_worker.py: typing never waits for it, the newest request wins).  It answers
with the pages around the paragraph at the cursor first (document/preview_pages.py: the export's
pagination, only the pages near the cursor drawn), then with every page if the clerk still pauses.
The place is given as the layout's source key (part and paragraph, signature, appendix row), so
the page found is the paragraph's own, not one with the same words.
"""

from __future__ import annotations

import logging
import pickle
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from cchc_desktop.document.preview_pages import Target
    from cchc_desktop.document.preview_worker import PreviewWorker, Result

    from .window_api import Window

log = logging.getLogger(__name__)
PAUSE_MS = 50  # the clerk paused: ask for the page (a newer keystroke overtakes it: newest wins)
IDLE_MS = 120_000  # F9 off for this long: the rendering process ends (its memory back to the PC)


def block_index(editor) -> int:
    """The index, among the part's blocks as saved, of the block holding the editor's cursor."""
    from .rich_text import document_to_blocks

    positions: list = []
    document_to_blocks(editor.document(), positions)
    cursor = editor.textCursor().position()
    index = 0
    for number, (block, offset) in enumerate(positions):
        if block.position() + offset > cursor:
            break
        index = number
    return index


class _Renderer(QObject):
    """The rendering process, started on first use; its answers come back on the GUI thread."""

    rendered = Signal(object)  # preview_worker.Result

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker: PreviewWorker | None = None

    def request(self, generation: int, report_blob: bytes, target: Target) -> bool:
        """False when no rendering process could be started (logged; the pane says so)."""
        if self.worker is not None and not self.worker.alive:  # it died (killed, out of memory)
            log.warning("The preview process ended (exit code %s): starting another",
                        self.worker.process.exitcode)
            self.worker.close()
            self.worker = None
        if self.worker is None:
            from cchc_desktop.document.preview_worker import PreviewWorker

            try:
                self.worker = PreviewWorker(self.rendered.emit)  # emitted on the reader thread: queued
            except (OSError, RuntimeError):
                log.exception("Could not start the preview process")
                return False
        self.worker.request(generation, report_blob, target)
        return True

    def close(self) -> None:
        if self.worker is not None:
            self.worker.close()
            self.worker = None


class SplitPreview(QWidget):
    """The pane: a page of the PDF and one line saying which page and how fresh."""

    def __init__(self, window: Window) -> None:
        super().__init__()
        self.w = window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 0, 0)
        self.status = QLabel("Xem trước bên cạnh")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        from PySide6.QtPdf import QPdfDocument  # with the pane (F9), not before the first paint
        from PySide6.QtPdfWidgets import QPdfView

        from .page_view import pdf_view

        self.document = QPdfDocument(self)
        self.view = pdf_view(self.document, QPdfView.ZoomMode.FitToWidth, self)
        layout.addWidget(self.view, 1)
        self._buffer: QBuffer | None = None
        self.renderer = _Renderer(self)
        self.renderer.rendered.connect(self._show)
        self.timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self.timer.timeout.connect(self.request)
        self.idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self.idle.timeout.connect(self.close_renderer)
        self.requested = 0  # generation of the newest request
        self.shown = -1  # generation on screen
        self.page = 0
        self.complete = False  # every page of the rendering on screen is drawn
        self.last_seconds = 0.0
        self.gui_ms = 0.0  # time the last request took on the GUI thread (benchmark)

    # --- requests (GUI thread) --------------------------------------------------------------
    def schedule(self) -> None:
        if self.isVisible():
            self.timer.start()

    def request(self) -> None:
        started = time.perf_counter()
        report = self.w.current_report()
        if report is None:
            return
        target = self.target()
        self.requested += 1
        blob = pickle.dumps(report, pickle.HIGHEST_PROTOCOL)  # the worker's own copy
        if not self.renderer.request(self.requested, blob, target):
            self.status.setText("Không tạo được bản xem trước trên máy này. Hãy dùng thẻ “Xem trước” (F9 để tắt).")
            return
        if self.shown < 0:
            self.status.setText("Đang tạo bản xem trước…")
        self.gui_ms = (time.perf_counter() - started) * 1000

    def target(self) -> Target:
        """Where the cursor is, as the layout names the places of the report."""
        from cchc_desktop.document import layout as lay  # here: reportlab not loaded before the first paint
        from cchc_desktop.document.preview_pages import Target

        tab = self.w.tabs.currentWidget()
        if tab is self.w.signature:
            return Target((lay.SIGNATURE,))
        if tab is self.w.indicators:
            return self._appendix_target(tab)
        if tab in self.w.narrative_tabs() and tab.editor is not None and tab.current_index() >= 0:
            return Target((lay.NARRATIVE, tab.current_index(), block_index(tab.editor)))
        return Target((lay.HEADER,))

    @staticmethod
    def _appendix_target(tab) -> Target:
        from cchc_desktop.document import layout as lay
        from cchc_desktop.document.preview_pages import Target

        appendix = tab.appendix
        if appendix is None:
            return Target((lay.SIGNATURE,))
        form = tab.appendices.index(appendix)
        row = tab.view.currentIndex().row() - appendix.table.header_rows
        if 0 <= row < len(appendix.table.body):
            return Target((lay.APPENDIX, form, 0), row)
        return Target((lay.APPENDIX, form))

    # --- results (GUI thread, queued from the worker) ----------------------------------------
    def _show(self, result: Result) -> None:
        if result.pages is None or result.generation < self.shown:
            return
        pages = result.pages
        self.last_seconds = pages.seconds
        self.complete = pages.complete
        from .page_view import load_bytes

        self._buffer = load_bytes(self.document, pages.pdf, self, self._buffer)
        self.shown = result.generation
        self.page = max(0, min(pages.page, self.document.pageCount() - 1))
        self.view.pageNavigator().jump(self.page, QPointF(), 0)
        count = f"/{pages.count}" if pages.complete else ""
        stale = "" if result.generation == self.requested else " — đang cập nhật…"
        self.status.setText(f"Trang {self.page + 1}{count}{stale}")
        self.updated_at = time.perf_counter()

    updated_at = 0.0

    def close_renderer(self) -> None:
        self.renderer.close()


def side_splitter(tabs: QWidget) -> QSplitter:
    """The tabs in a splitter, for the side preview to come beside them.  Made with the window's
    layout: moving the tabs into it afterwards re-polished every widget under them twice
    (~40 ms before the first paint)."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(tabs)
    return splitter


class SplitView(QObject):
    """Xem → Xem trước bên cạnh (F9): the tabs and the preview side by side.

    The pane (its PDF document and view, 35-50 ms) is built the first time it is needed, not
    with the window: most mornings F9 is never pressed before the first paint, or at all."""

    def __init__(self, window: Window) -> None:
        super().__init__(window)
        self.w = window
        self._pane: SplitPreview | None = None
        self.splitter = window.tabs_splitter
        self.action = QAction("Xem trước &bên cạnh", window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F9"))
        self.action.setToolTip("Trang PDF thật bên cạnh chỗ đang soạn, tự cập nhật khi dừng gõ (F9)")
        self.action.toggled.connect(self.set_visible)
        window.addAction(self.action)
        window.keyboard.view_menu.addSeparator()
        window.keyboard.view_menu.addAction(self.action)
        window.tabs.currentChanged.connect(lambda _index: self.schedule())

    def watch_tabs(self) -> None:
        """Once the window's tabs are built (MainWindow.build_tabs): follow their cursor."""
        for tab in self.w.narrative_tabs():
            # The parts tab shows one editor at a time (made per report): follow the one shown.
            tab.pages.currentChanged.connect(lambda _index, t=tab: self._follow_editor(t))
            self._follow_editor(tab)
        # the grid's cursor: its row's page
        self.w.indicators.view.selectionModel().currentChanged.connect(lambda *_: self.schedule())

    @property
    def pane(self) -> SplitPreview:
        """The pane beside the tabs, built on first use."""
        if self._pane is None:
            self._pane = SplitPreview(self.w)
            self._pane.hide()
            self.splitter.addWidget(self._pane)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
        return self._pane

    def schedule(self) -> None:
        """The cursor moved or the text changed: a new page if the pane is on screen."""
        if self._pane is not None:
            self._pane.schedule()

    _list_sizes: list[int] | None = None

    def _follow_editor(self, tab) -> None:
        editor = tab.editor
        if editor is not None:
            editor.cursorPositionChanged.connect(self.schedule, Qt.ConnectionType.UniqueConnection)
        self.schedule()

    def set_visible(self, visible: bool) -> None:
        outer = self.w.splitter
        if visible:
            # The report list folds away while the page is beside the text (small screens); F9 again
            # brings it back as it was.
            self._list_sizes = outer.sizes()
            outer.setSizes([0, sum(self._list_sizes)])
        elif self._list_sizes:
            outer.setSizes(self._list_sizes)
        tabs = self.w.tabs
        preview_index = tabs.indexOf(self.w.preview)
        if visible and tabs.currentIndex() == preview_index:
            tabs.setCurrentIndex(0)
        tabs.setTabVisible(preview_index, not visible)  # the page is beside the text already
        self.pane.setVisible(visible)
        if visible:
            self.pane.idle.stop()
        else:
            self.pane.idle.start()  # F9 again soon finds the process running
        if visible:
            width = self.splitter.width()
            self.splitter.setSizes([int(width * 0.6), width - int(width * 0.6)])
            self.pane.request()

    def changed(self) -> None:
        """Called on every edit (window.mark_changed)."""
        self.schedule()

    def close(self) -> None:
        if self._pane is None:
            return
        if self._pane.isVisible() and self._list_sizes:
            self.w.splitter.setSizes(self._list_sizes)  # saved at close: the list must come back next time
        self._pane.close_renderer()
