"""Xem trước bên cạnh (F9): the PDF page beside the editor, rendered off the GUI thread, newest wins."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cchc_desktop.document import export
from cchc_desktop.gui import split_preview

from .helpers import type_text


def _wait_fresh(qtbot, pane, after: int = 0) -> None:
    """Until a request newer than ``after`` has been made and its page is on screen."""
    qtbot.waitUntil(lambda: pane.requested > after and pane.shown == pane.requested, timeout=20000)


def test_f9_shows_the_page_of_the_paragraph_being_typed(qtbot, open_window) -> None:
    window = open_window()
    narrative = window.narrative
    window.tabs.setCurrentWidget(narrative)
    narrative.select_part(len(window.report.parts) - 1)  # the last part (III. Phương hướng)
    split = window.split
    assert split.action.shortcut().toString() == "F9"
    split.action.trigger()
    assert split.pane.isVisible()
    _wait_fresh(qtbot, split.pane)
    pages = split.pane.document.pageCount()
    assert pages >= 4
    # The end of the last part is on the signature page, near the end.
    editor = narrative.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    before = split.pane.requested
    type_text(editor, " Thêm một câu")
    _wait_fresh(qtbot, split.pane, before)
    late = split.pane.page
    assert late >= pages - 3
    assert split.pane.status.text().startswith(f"Trang {late + 1}/{pages}")
    # Back to the first paragraph of Kết quả (the first part): an early page.
    before = split.pane.requested
    narrative.select_part(0)
    results = narrative.editor
    results.moveCursor(results.textCursor().MoveOperation.Start)
    _wait_fresh(qtbot, split.pane, before)
    assert split.pane.page <= 1 < late
    # The appendix tab: the appendix page (the sample's last, landscape), at the grid's row.
    before = split.pane.requested
    window.tabs.setCurrentWidget(window.indicators)
    window.indicators.view.setCurrentIndex(window.indicators.model.body_index(3, 1))
    _wait_fresh(qtbot, split.pane, before)
    assert split.pane.page == split.pane.document.pageCount() - 1
    split.action.trigger()
    assert not split.pane.isVisible()


def test_rendering_is_off_the_gui_thread_and_the_newest_request_wins(qtbot, open_window, monkeypatch) -> None:
    window = open_window()
    threads, generations = [], []
    real = export.pdf_bytes

    def spy(report, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(report, **kwargs)

    monkeypatch.setattr(export, "pdf_bytes", spy)
    pane = window.split.pane
    pane.renderer.rendered.connect(lambda generation, *_: generations.append(generation))
    window.split.action.trigger()
    for _ in range(8):  # eight requests while the first is still rendering
        pane.request()
    _wait_fresh(qtbot, pane)
    qtbot.wait(300)
    assert threads and not any(threads)  # never on the GUI thread
    assert len(generations) < 9  # requests that were overtaken were never rendered
    assert generations[-1] == pane.requested == pane.shown


def test_closing_the_window_stops_the_worker(qtbot, open_window) -> None:
    window = open_window()
    window.split.action.trigger()
    window.split.pane.request()
    window.close()
    assert not window.split.pane.renderer._thread.is_alive()


def test_find_page_ignores_case_and_line_breaks() -> None:
    pages = {0: "I. KẾT QUẢ\nthực hiện", 1: "Tăng cường kiểm\ntra, giám sát"}
    assert split_preview.find_page(pages, "tăng cường kiểm tra") == 1
    assert split_preview.find_page(pages, "Kết quả thực hiện") == 0
    assert split_preview.find_page(pages, "không có") is None


def test_the_page_is_found_by_its_text_not_guessed(qapp) -> None:
    import io

    import pypdf

    from cchc_desktop.core.templates import load_sample

    report = load_sample()
    data = export.pdf_bytes(report)
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]
    closing_words = report.closing.split()[:6]
    snippet = " ".join(closing_words)
    expected = next(i for i, text in enumerate(pages) if " ".join(closing_words[:3]) in " ".join(text.split()))
    # A wrong estimate (page 1) still finds the right page.
    assert split_preview._Renderer._locate(data, snippet, 0.0) == expected


def test_split_view_makes_room_and_gives_it_back(qtbot, open_window) -> None:
    window = open_window()
    window.resize(1024, 700)
    qtbot.wait(50)
    list_before = window.splitter.sizes()[0]
    preview_index = window.tabs.indexOf(window.preview)
    window.split.action.trigger()
    assert window.splitter.sizes()[0] == 0  # the report list folds away
    assert not window.tabs.isTabVisible(preview_index)  # the page is beside the text
    window.split.action.trigger()
    assert window.splitter.sizes()[0] == list_before
    assert window.tabs.isTabVisible(preview_index)
