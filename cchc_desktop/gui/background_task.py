"""Reading a file someone sent (an import, the units' Excel files) off the GUI thread.

``run(parent, label, func, *args)`` calls ``func(*args)`` on a plain Python thread and waits
for it in a local event loop, so the caller stays sequential while the window keeps
painting. Quick work shows nothing; work that takes longer than ``DELAY_MS`` shows a small
modal dialog ("Đang đọc tệp “X”…", a moving bar, "Hủy"). What ``func`` returns is returned,
what it raises is raised in the caller (the caller's Vietnamese messages stay as they were),
and "Hủy" returns ``CANCELLED`` at once: the thread may go on in the background, but what it
returns (or raises) later is dropped.

``func`` must only read: it must not touch the database, the widgets or objects the GUI
thread may change (pass it a copy). The database write stays with the caller, on the GUI
thread, after ``run`` has returned.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

DELAY_MS = 300  # quicker work shows no dialog (no flicker for a small file)
CANCEL_TEXT = "Hủy"


class _Cancelled:
    """What ``run`` returns when the clerk pressed "Hủy" (or the application is quitting)."""

    _instance: _Cancelled | None = None

    def __new__(cls) -> _Cancelled:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "CANCELLED"

    def __bool__(self) -> bool:
        return False


CANCELLED = _Cancelled()

last_dialog: ProgressDialog | None = None  # the latest progress dialog shown (tests reach it here)


class ProgressDialog(QDialog):
    """"Đang đọc tệp “X”…", an indeterminate bar and "Hủy"; closing it is "Hủy" too."""

    def __init__(self, parent: QWidget | None, label: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Xin chờ")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # indeterminate: the readers do not say how far they are
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(CANCEL_TEXT)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.setMinimumWidth(380)


class _Task:
    def __init__(self, token: int) -> None:
        self.token = token
        self.outcome: tuple[bool, Any] | None = None  # (True, value) or (False, exception)
        self.finished = False  # set on the GUI thread when the worker's signal arrives
        self.cancelled = False
        self.loop: QEventLoop | None = None


class _Relay(QObject):
    """Lives on the GUI thread for the whole session: the workers' "done" arrives here,
    queued, so the result is only ever looked at on the GUI thread."""

    done = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.tasks: dict[int, _Task] = {}
        self.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int)
    def _deliver(self, token: int) -> None:
        task = self.tasks.pop(token, None)
        if task is None:
            return
        if task.cancelled:  # the clerk gave up on it: drop what came back
            log.info("background task %d finished after it was cancelled; result dropped", token)
            task.outcome = None
            return
        task.finished = True
        if task.loop is not None:
            task.loop.quit()


_relay_instance: _Relay | None = None
_tokens = itertools.count(1)


def _relay() -> _Relay:
    global _relay_instance
    if _relay_instance is None:
        _relay_instance = _Relay()  # first use is on the GUI thread (run is only called there)
    return _relay_instance


def _work(relay: _Relay, task: _Task, func: Callable[..., Any], args: tuple) -> None:
    try:
        task.outcome = (True, func(*args))
    except BaseException as error:  # noqa: BLE001 (handed to the caller, who decides)
        task.outcome = (False, error)
    relay.done.emit(task.token)


def _wait(task: _Task, timeout_ms: int | None, flags: QEventLoop.ProcessEventsFlag,
          dialog: ProgressDialog | None = None) -> None:
    """Run a local event loop until the task is done, the timeout passes or the dialog is closed."""
    if task.finished:
        return
    loop = QEventLoop()
    timer = None
    if timeout_ms is not None:
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
    if dialog is not None:
        dialog.rejected.connect(loop.quit)
    task.loop = loop
    try:
        loop.exec(flags)
    finally:
        task.loop = None
        if timer is not None:
            timer.stop()


def run(parent: QWidget | None, label: str, func: Callable[..., Any], *args: Any) -> Any:
    """``func(*args)`` on a worker thread: its result, its exception raised here, or ``CANCELLED``."""
    global last_dialog
    relay = _relay()
    task = _Task(next(_tokens))
    relay.tasks[task.token] = task
    worker = threading.Thread(target=_work, args=(relay, task, func, args), daemon=True,
                              name=f"cchc-background-{task.token}")
    worker.start()
    # the first moments: no dialog, the window keeps painting but takes no clicks or keys yet
    # (they wait in the queue and meet the modal dialog, or the window once the work is done)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        _wait(task, DELAY_MS, QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        QGuiApplication.restoreOverrideCursor()
    gave_up: list[bool] = []
    if not task.finished:
        dialog = ProgressDialog(parent, label)
        dialog.rejected.connect(lambda: gave_up.append(True))
        last_dialog = dialog
        dialog.show()
        try:
            _wait(task, None, QEventLoop.ProcessEventsFlag.AllEvents, dialog)
        finally:
            dialog.hide()
            dialog.deleteLater()
    if gave_up or not task.finished:  # "Hủy", or the application is quitting
        task.cancelled = True  # still running: its "done" is dropped when it arrives
        task.outcome = None
        return CANCELLED
    ok, value = task.outcome  # type: ignore[misc]
    task.outcome = None
    if ok:
        return value
    raise value
