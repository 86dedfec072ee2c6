"""The preview's rendering process: answers off the window's process, newest request wins, ends."""

from __future__ import annotations

import os
import pickle
import queue
import time

from cchc_desktop.core.templates import load_sample
from cchc_desktop.document import layout as lay
from cchc_desktop.document.preview_pages import Target
from cchc_desktop.document.preview_worker import PreviewWorker


def _blob(report) -> bytes:
    return pickle.dumps(report, pickle.HIGHEST_PROTOCOL)


def _collect(results: queue.Queue, generation: int, timeout: float = 30.0) -> list:
    """Every result up to the complete rendering of ``generation``."""
    seen = []
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        result = results.get(timeout=max(0.1, end - time.monotonic()))
        seen.append(result)
        if result.generation == generation and result.pages is not None and result.pages.complete:
            return seen
    raise AssertionError(f"no complete rendering of {generation}: {seen}")


def test_the_worker_renders_in_its_own_process_and_newest_wins() -> None:
    results: queue.Queue = queue.Queue()
    worker = PreviewWorker(results.put)
    try:
        assert worker.process.pid != os.getpid()
        report = load_sample()
        worker.request(1, _blob(report), Target((lay.SIGNATURE,)))
        first = _collect(results, 1)
        assert first[-1].pages.count >= 4
        # Twenty requests in a row while rendering: only the newest needs answering.
        for generation in range(2, 22):
            report.closing = f"Lần sửa {generation}"
            worker.request(generation, _blob(report), Target((lay.NARRATIVE, 0, 0)))
        seen = _collect(results, 21)
        generations = {r.generation for r in seen}
        assert 21 in generations and len(generations) < 10
        assert seen[-1].pages.page <= 1  # the first part starts on the first page or the next
    finally:
        worker.close()
    assert not worker.alive


def test_a_broken_report_is_an_answer_not_a_dead_worker() -> None:
    results: queue.Queue = queue.Queue()
    worker = PreviewWorker(results.put)
    try:
        worker.request(1, b"not a pickle", Target())
        failed = results.get(timeout=30)
        assert failed.generation == 1 and failed.pages is None and failed.error
        worker.request(2, _blob(load_sample()), Target())
        assert _collect(results, 2)[-1].pages.page == 0
    finally:
        worker.close()


def test_the_worker_ends_when_the_window_process_goes_away() -> None:
    worker = PreviewWorker(lambda result: None)
    worker._requests.close()  # as when the window's process is killed: its end of the pipe closes
    worker.process.join(10)
    assert not worker.process.is_alive()
    worker.close()
