"""gui.background_task: slow reading off the GUI thread, a dialog only when it is slow,
"Hủy" at once, the worker's exception raised in the caller."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from cchc_desktop.gui import background_task
from cchc_desktop.gui.background_task import CANCELLED, run


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    background_task.last_dialog = None
    return widget


def _visible_dialog():
    dialog = background_task.last_dialog
    return dialog if dialog is not None and dialog.isVisible() else None


def test_the_event_loop_runs_while_a_slow_function_works(parent, qtbot):
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    seen: list[str] = []

    def look():
        dialog = _visible_dialog()
        if dialog is not None and not seen:
            seen.append(dialog.label.text())
            assert dialog.cancel_button.text() == "Hủy" and dialog.bar.maximum() == 0  # indeterminate

    watcher = QTimer()
    watcher.timeout.connect(look)
    watcher.start(20)
    worker_threads: list[threading.Thread] = []

    def slow(a, b):
        worker_threads.append(threading.current_thread())
        time.sleep(1)
        return a + b

    started = time.monotonic()
    try:
        assert run(parent, "Đang đọc tệp “a.docx”…", slow, 2, 3) == 5
    finally:
        timer.stop()
        watcher.stop()
    assert time.monotonic() - started >= 1
    assert worker_threads[0] is not threading.main_thread()
    assert len(ticks) >= 8  # 50 ms ticks through a one-second wait: the GUI thread was free
    assert seen == ["Đang đọc tệp “a.docx”…"]  # slow: the dialog showed
    qtbot.waitUntil(lambda: _visible_dialog() is None)


def test_cancel_returns_at_once_and_the_late_result_is_dropped(parent, qtbot):
    finished = threading.Event()
    delivered: list[object] = []

    def slow():
        time.sleep(1.5)
        finished.set()
        return "late"

    def press_cancel():
        dialog = _visible_dialog()
        if dialog is None:
            QTimer.singleShot(20, press_cancel)
            return
        pressed.append(time.monotonic())
        dialog.cancel_button.click()

    pressed: list[float] = []
    QTimer.singleShot(400, press_cancel)
    result = run(parent, "Đang đọc tệp “b.docx”…", slow)
    returned = time.monotonic()
    assert result is CANCELLED and not result
    assert returned - pressed[0] < 0.3  # control came back at once, not after the worker
    assert not finished.is_set()
    # the worker finishes later; what it returns reaches nobody
    relay = background_task._relay()
    task = relay.tasks[max(relay.tasks)]  # this run's task, still waiting for its worker
    assert task.cancelled
    finished.wait(5)
    qtbot.waitUntil(lambda: task.token not in relay.tasks)
    delivered.append(task.outcome)
    assert delivered == [None] and not task.finished


def test_an_exception_in_the_function_is_raised_in_the_caller(parent, qtbot):
    class Refused(ValueError):
        pass

    def refuse(name):
        raise Refused(f"Tệp “{name}” bị hỏng.")

    with pytest.raises(Refused, match="Tệp “c.docx” bị hỏng."):
        run(parent, "Đang đọc…", refuse, "c.docx")

    def slow_refuse():
        time.sleep(0.5)
        raise Refused("chậm")

    with pytest.raises(Refused, match="chậm"):
        run(parent, "Đang đọc…", slow_refuse)


def test_quick_work_shows_no_dialog(parent, qtbot, monkeypatch):
    created: list[object] = []
    original = background_task.ProgressDialog

    class Recording(original):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            created.append(self)

    monkeypatch.setattr(background_task, "ProgressDialog", Recording)
    for _ in range(5):
        assert run(parent, "Đang đọc…", lambda: time.sleep(0.01) or "ok") == "ok"
    assert created == [] and background_task.last_dialog is None
