"""Xem trước bên cạnh (F9): the real PDF page beside the editor, following the paragraph typed.

After the clerk pauses (PAUSE_MS), a private copy of the report is rendered by the exporter on a
worker thread — never on the GUI thread — and the page holding the paragraph at the cursor is
shown.  Requests made while a rendering runs are not queued: only the newest one is rendered
next (the newest request wins), so the preview is never more than one rendering behind.
"""

from __future__ import annotations

import logging
import pickle
import re
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from cchc_desktop.core.model import Report

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)
PAUSE_MS = 80  # the clerk paused: start rendering (a newer keystroke interrupts it: newest wins)
SNIPPET = 48  # characters of the paragraph looked for on the pages


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def find_page(texts: dict[int, str], snippet: str) -> int | None:
    wanted = _squash(snippet)
    if not wanted:
        return None
    for page, text in texts.items():
        if wanted in _squash(text):
            return page
    return None


class _Cancelled(Exception):
    """Raised inside the worker thread when a newer request overtakes the rendering in progress."""


_local = threading.local()  # .cancel: the worker thread's threading.Event; other threads have none
_patched = False


def _install_cancel_point() -> None:
    """A cancellation point between two flowables of reportlab's layout loop — in the worker thread
    only (other threads, e.g. export on the GUI thread, have no event and are not affected)."""
    global _patched
    if _patched:
        return
    from reportlab.platypus.doctemplate import BaseDocTemplate

    original = BaseDocTemplate.handle_flowable

    def handle_flowable(self, flowables):
        event = getattr(_local, "cancel", None)
        if event is not None and event.is_set():
            raise _Cancelled()
        return original(self, flowables)

    BaseDocTemplate.handle_flowable = handle_flowable
    _patched = True


class _Renderer(QObject):
    """One worker thread; the newest request wins: a request replaces any request not yet started
    and interrupts a rendering still running for an older one."""

    rendered = Signal(int, bytes, int, float)  # generation, PDF, page found (-1), seconds

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Condition()
        self._pending: tuple[int, bytes, str, float] | None = None
        self._closed = False
        self.busy = False
        self._cancel = threading.Event()
        _install_cancel_point()
        self._thread = threading.Thread(target=self._run, name="split-preview", daemon=True)
        self._thread.start()

    def request(self, generation: int, report_blob: bytes, snippet: str, estimate: float) -> None:
        with self._lock:
            self._pending = (generation, report_blob, snippet, estimate)
            if self._rendering:
                self.cancelled += 1
                self._cancel.set()  # the rendering in progress stops at its next paragraph
            self._lock.notify()

    _rendering = False  # inside export.pdf_bytes for a request that may be overtaken
    cancelled = 0

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._pending = None
            self._cancel.set()
            self._lock.notify()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        _local.cancel = self._cancel
        while not self._closed:
            try:
                self._render_next()
            except _Cancelled:  # overtaken by a newer request (or closing): start on the newest
                with self._lock:
                    self._rendering = False
                    self.busy = False

    def _render_next(self) -> None:
        from cchc_desktop.document import export

        with self._lock:
            while self._pending is None and not self._closed:
                self._lock.wait()
            if self._closed:
                return
            generation, blob, snippet, estimate = self._pending
            self._pending = None
            self.busy = True
            self._rendering = True
            self._cancel.clear()
        started = time.perf_counter()
        try:
            report: Report = pickle.loads(blob)
            data = export.pdf_bytes(report)
            with self._lock:
                self._rendering = False
            page = self._locate(data, snippet, estimate)
        except _Cancelled:
            raise
        except Exception:  # noqa: BLE001 - the preview is a help, never an error for the clerk
            log.exception("Split preview rendering failed")
            data, page = b"", -1
        finally:
            with self._lock:
                self._rendering = False
                self.busy = False
        if not self._closed:
            self.rendered.emit(generation, data, page, time.perf_counter() - started)

    @staticmethod
    def _locate(data: bytes, snippet: str, estimate: float) -> int:
        """The page showing ``snippet``: search near the estimated page first, a few pages each way."""
        if not snippet:
            return -1
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        try:
            count = document.pageCount()
            if count == 0:
                return -1
            guess = min(count - 1, max(0, round(estimate * (count - 1))))
            order = sorted(range(count), key=lambda p: abs(p - guess))
            for page in order:
                if find_page({page: document.getAllText(page).text()}, snippet) is not None:
                    return page
            return guess
        finally:
            document.close()
            buffer.close()


class SplitPreview(QWidget):
    """The pane: a page of the PDF and one line saying which page and how fresh."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.w = window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 0, 0)
        self.status = QLabel("Xem trước bên cạnh")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setStyleSheet("QPdfView { background: #808080; }")
        layout.addWidget(self.view, 1)
        self._buffer: QBuffer | None = None
        self.renderer = _Renderer(self)
        self.renderer.rendered.connect(self._show)
        self.timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self.timer.timeout.connect(self.request)
        self.requested = 0  # generation of the newest request
        self.shown = -1  # generation on screen
        self.page = 0
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
        snippet, estimate = self._cursor_place()
        self.requested += 1
        blob = pickle.dumps(report, pickle.HIGHEST_PROTOCOL)  # a private copy for the worker
        self.renderer.request(self.requested, blob, snippet, estimate)
        if self.shown < 0:
            self.status.setText("Đang tạo bản xem trước…")
        self.gui_ms = (time.perf_counter() - started) * 1000

    def _cursor_place(self) -> tuple[str, float]:
        """The start of the paragraph at the cursor, and roughly where it is in the report (0..1)."""
        tab = self.w.tabs.currentWidget()
        editor = getattr(tab, "editor", None)
        tabs = self.w.tabs
        share = tabs.currentIndex() / max(1, tabs.count() - 1)
        if tab is getattr(self.w, "indicators", None):
            return self._appendix_place(tab)
        if editor is None:
            return "", share
        cursor = editor.textCursor()
        text = cursor.block().text().strip()
        within = cursor.position() / max(1, editor.document().characterCount())
        if tab in self.w.narrative_tabs():
            # The parts tab: where the part shown stands among the report's parts.
            editors = getattr(tab, "editors", [editor])
            index = editors.index(editor) if editor in editors else 0
            share = 0.05 + 0.7 * (index + within) / max(1, len(editors))
        # The exporter may capitalise "I." headings and drop the list dash: look for the words.
        words = re.sub(r"^([-+•–]|[IVXLC]+\.|\d+(\.\d+)*\.?|[a-zđ]\))\s*", "", text)
        return words[:SNIPPET], share

    @staticmethod
    def _appendix_place(tab) -> tuple[str, float]:
        """The appendix forms are printed last: the row at the grid's cursor (its first words, as a
        wrapped cell breaks the rest), else the form's title, near the end of the report."""
        forms = tab.appendices
        appendix = tab.appendix
        if appendix is None:
            return "", 1.0
        index = forms.index(appendix)
        table = appendix.table
        row = tab.view.currentIndex().row() - table.header_rows
        body = len(table.body)
        within = row / body if 0 <= row < body else 0.0
        share = 0.75 + 0.25 * (index + within) / max(1, len(forms))
        text = ""
        if 0 <= row < body:
            column = table.column_index("indicator")
            cells = table.body[row].cells
            text = cells[column].text if column is not None else next((c.text for c in cells if c.text.strip()), "")
        words = " ".join(text.split()[:3]) or " ".join(appendix.title.split()[:4])
        return words[:SNIPPET], share

    # --- results (GUI thread, queued from the worker) ----------------------------------------
    def _show(self, generation: int, data: bytes, page: int, seconds: float) -> None:
        if not data or generation < self.shown:
            return
        self.last_seconds = seconds
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.close()
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.shown = generation
        if page >= 0:
            self.page = page
        self.page = min(self.page, self.document.pageCount() - 1)
        self.view.pageNavigator().jump(self.page, QPointF(), 0)
        stale = "" if generation == self.requested else " — đang cập nhật…"
        self.status.setText(f"Trang {self.page + 1}/{self.document.pageCount()}{stale}")
        self.updated_at = time.perf_counter()

    updated_at = 0.0

    def close_renderer(self) -> None:
        self.renderer.close()


class SplitView:
    """Xem → Xem trước bên cạnh (F9): the tabs and the preview side by side."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.pane = SplitPreview(window)
        self.pane.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout = window.right.layout()
        index = layout.indexOf(window.tabs)
        layout.removeWidget(window.tabs)
        self.splitter.addWidget(window.tabs)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.insertWidget(index, self.splitter, 1)
        self.action = QAction("Xem trước &bên cạnh", window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F9"))
        self.action.setToolTip("Trang PDF thật bên cạnh chỗ đang soạn, tự cập nhật khi dừng gõ (F9)")
        self.action.toggled.connect(self.set_visible)
        window.addAction(self.action)
        window.keyboard.view_menu.addSeparator()
        window.keyboard.view_menu.addAction(self.action)
        for tab in window.narrative_tabs():
            # The parts tab shows one editor at a time (made per report): follow the one shown.
            tab.pages.currentChanged.connect(lambda _index, t=tab: self._follow_editor(t))
            self._follow_editor(tab)
        window.tabs.currentChanged.connect(lambda _index: self.pane.schedule())
        if getattr(window, "indicators", None) is not None:  # the grid's cursor: its row's page
            window.indicators.view.selectionModel().currentChanged.connect(lambda *_: self.pane.schedule())

    _list_sizes: list[int] | None = None

    def _follow_editor(self, tab) -> None:
        editor = tab.editor
        if editor is not None:
            editor.cursorPositionChanged.connect(self.pane.schedule, Qt.ConnectionType.UniqueConnection)
        self.pane.schedule()

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
            width = self.splitter.width()
            self.splitter.setSizes([int(width * 0.6), width - int(width * 0.6)])
            self.pane.request()

    def changed(self) -> None:
        """Called on every edit (window.mark_changed)."""
        self.pane.schedule()

    def close(self) -> None:
        if self.pane.isVisible() and self._list_sizes:
            self.w.splitter.setSizes(self._list_sizes)  # saved at close: the list must come back next time
        self.pane.close_renderer()
