"""The process that renders the preview beside the text, so that typing never waits for it.

Rendering is pure Python (reportlab): on a thread of the window's process it would hold the
interpreter lock for hundreds of milliseconds and the keystrokes would wait.  In a process of its
own it runs on the other core, and the window only copies the report (about 10 ms for 60 pages).

The newest request wins: the window writes each request's generation into a shared integer
before sending it; a rendering checks that integer between two paragraphs and gives up as soon
as a newer request exists, and the worker reads every queued request and keeps the last one.
Per request the worker answers twice when it can: the pages around the cursor first
(``preview_pages.render_near``), then, if nothing newer came meanwhile, every page.

Nothing here imports Qt: the worker is a small process (reportlab and our document code).
Requests and results travel on two one-way pipes, each used by one thread at each end.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass

from .preview_pages import Cancelled, Pages, Target

log = logging.getLogger(__name__)


@dataclass
class Result:
    generation: int
    pages: Pages | None  # None: the rendering failed (logged by the worker)
    error: str = ""


def serve(requests, results, newest) -> None:
    """The worker process's loop; ends when the window closes its end of the request pipe."""
    from .preview_pages import layout_of, render_all, render_near

    places: dict[tuple, int] = {}
    while True:
        try:
            message = requests.recv()
            while requests.poll():  # newest wins: requests queued meanwhile are dropped
                message = requests.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        generation, blob, target = message

        def cancelled(generation=generation) -> bool:
            return newest.value != generation

        try:
            report = pickle.loads(blob)
            doc = layout_of(report)  # once for both renderings
            near = render_near(report, target, places, cancelled, doc)
            if near.complete:
                places = near.places
            results.send(Result(generation, near))
            if near.complete or requests.poll():
                continue
            whole = render_all(report, target, cancelled, doc)
            places = whole.places
            results.send(Result(generation, whole))
        except Cancelled:
            continue
        except (EOFError, OSError, BrokenPipeError):
            return
        except Exception as error:  # noqa: BLE001 - the preview is a help, never an error for the clerk
            log.exception("Preview rendering failed")
            try:
                results.send(Result(generation, None, str(error)))
            except OSError:
                return


def _start_where_it_is(process) -> None:
    """Start ``process`` without the change of folder spawn makes first in the child.

    The child starts in the window's folder anyway; spawn then changes to it once more by name,
    which fails where the name does not work in a new process (seen under Wine: a folder outside
    the Windows drives) and the worker died before it began.  It needs no folder of its own.
    """
    from multiprocessing import spawn

    prepare = spawn.get_preparation_data

    def without_folder(name):
        data = prepare(name)
        data.pop("dir", None)
        return data

    spawn.get_preparation_data = without_folder
    try:
        process.start()
    finally:
        spawn.get_preparation_data = prepare


class PreviewWorker:
    """The window's end: ``request`` never blocks; ``on_result`` is called on a reader thread."""

    def __init__(self, on_result: Callable[[Result], None]) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt
        self._newest = context.Value("q", 0, lock=False)
        request_reader, self._requests = context.Pipe(duplex=False)
        self._results, result_writer = context.Pipe(duplex=False)
        self.process = context.Process(target=serve, args=(request_reader, result_writer, self._newest),
                                       name="cchc-preview", daemon=True)
        _start_where_it_is(self.process)
        request_reader.close()
        result_writer.close()
        self._on_result = on_result
        self._pending: tuple | None = None
        self._closed = False
        self._wake = threading.Condition()
        self._sender = threading.Thread(target=self._send_loop, name="preview-send", daemon=True)
        self._reader = threading.Thread(target=self._read_loop, name="preview-read", daemon=True)
        self._sender.start()
        self._reader.start()

    def request(self, generation: int, report_blob: bytes, target: Target) -> None:
        # The shared integer first: a rendering in progress gives up at its next paragraph, even
        # while this request is still waiting to be written (a 1 MB report fills the pipe).
        self._newest.value = generation
        with self._wake:
            self._pending = (generation, report_blob, target)
            self._wake.notify()

    def _send_loop(self) -> None:
        while True:
            with self._wake:
                while self._pending is None and not self._closed:
                    self._wake.wait()
                if self._closed:
                    break
                message, self._pending = self._pending, None
            try:
                self._requests.send(message)
            except OSError:  # the worker died: the preview stays as it was
                log.warning("The preview process is gone")
                return
        try:
            self._requests.send(None)
            self._requests.close()
        except OSError:
            pass

    def _read_loop(self) -> None:
        while True:
            try:
                result = self._results.recv()
            except (EOFError, OSError):
                return
            if not self._closed:
                self._on_result(result)

    def close(self, timeout: float = 3.0) -> None:
        """Stop the worker: at most ``timeout`` seconds, then it is terminated."""
        with self._wake:
            self._closed = True
            self._newest.value = -1  # a rendering in progress gives up now
            self._wake.notify()
        self._sender.join(timeout)
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(1.0)
        self._reader.join(1.0)  # the worker's end is closed now: the reader sees the end of the pipe
        self._results.close()

    @property
    def alive(self) -> bool:
        return self.process.is_alive()
