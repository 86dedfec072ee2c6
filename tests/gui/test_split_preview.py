"""Xem trước bên cạnh (F9): the PDF page beside the editor, rendered off the GUI thread, newest wins."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cchc_desktop.gui import split_preview

from .helpers import treat_sample_as_own, type_text


def _wait_fresh(qtbot, pane, after: int = 0) -> None:
    """Until a request newer than ``after`` has been made and all its pages are on screen."""
    qtbot.waitUntil(lambda: pane.requested > after and pane.shown == pane.requested and pane.complete,
                    timeout=30000)


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
    assert "Thêm một câu" in split.pane.document.getAllText(late).text()
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
    # The signature tab: the page with the signer's name.
    before = split.pane.requested
    window.tabs.setCurrentWidget(window.signature)
    _wait_fresh(qtbot, split.pane, before)
    assert window.report.signature.name in split.pane.document.getAllText(split.pane.page).text()
    split.action.trigger()
    assert not split.pane.isVisible()


def test_the_cursor_names_its_paragraph_not_its_words(qtbot, open_window) -> None:
    """The place asked for is the part and paragraph at the cursor (the layout's source key), so a
    paragraph whose words recur elsewhere still gets its own page (tests/document/test_preview_pages)."""
    window = open_window()
    treat_sample_as_own(window)
    narrative = window.narrative
    window.tabs.setCurrentWidget(narrative)
    narrative.select_part(1)
    editor = narrative.editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    for _ in range(2):
        cursor.movePosition(cursor.MoveOperation.NextBlock)
    editor.setTextCursor(cursor)
    assert split_preview.block_index(editor) == 2
    target = window.split.pane.target()
    assert target.key == (1, 1, 2)
    window.tabs.setCurrentWidget(window.general)
    assert window.split.pane.target().key == (0,)


def test_rendering_is_in_another_process_and_the_newest_request_wins(qtbot, open_window) -> None:
    window = open_window()
    generations = []
    pane = window.split.pane
    pane.renderer.rendered.connect(lambda result: generations.append(result.generation))
    window.split.action.trigger()
    for _ in range(8):  # eight requests while the first is still rendering
        pane.request()
    _wait_fresh(qtbot, pane)
    qtbot.wait(300)
    worker = pane.renderer.worker
    assert worker.alive and worker.process.pid != os.getpid()
    assert len(set(generations)) < 9  # requests that were overtaken were never answered
    assert generations[-1] == pane.requested == pane.shown


def test_a_dead_worker_is_replaced_at_the_next_request(qtbot, open_window) -> None:
    window = open_window()
    pane = window.split.pane
    window.split.action.trigger()
    _wait_fresh(qtbot, pane)
    first = pane.renderer.worker
    first.process.kill()  # as the system would, out of memory
    first.process.join(10)
    before = pane.requested
    pane.request()
    _wait_fresh(qtbot, pane, before)
    assert pane.renderer.worker is not first and pane.renderer.worker.alive
    assert pane.document.pageCount() >= 4


def test_no_worker_process_is_a_sentence_not_a_traceback(qtbot, open_window, monkeypatch) -> None:
    from cchc_desktop.document import preview_worker

    def refuse(*_args, **_kwargs):
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(preview_worker, "PreviewWorker", refuse)
    window = open_window()
    window.split.action.trigger()
    assert window.split.pane.status.text().startswith("Không tạo được bản xem trước")
    window.split.action.trigger()


def test_the_worker_ends_a_while_after_f9_is_switched_off(qtbot, open_window) -> None:
    window = open_window()
    pane = window.split.pane
    pane.idle.setInterval(200)
    window.split.action.trigger()
    _wait_fresh(qtbot, pane)
    worker = pane.renderer.worker
    window.split.action.trigger()  # off
    qtbot.waitUntil(lambda: not worker.alive, timeout=10000)
    assert pane.renderer.worker is None
    before = pane.requested
    window.split.action.trigger()  # on again: a new process, the page comes back
    _wait_fresh(qtbot, pane, before)
    assert pane.renderer.worker.alive and pane.document.pageCount() >= 4


def test_closing_the_window_stops_the_worker(qtbot, open_window) -> None:
    window = open_window()
    window.split.action.trigger()
    window.split.pane.request()
    worker = window.split.pane.renderer.worker
    window.close()
    assert not worker.alive


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
