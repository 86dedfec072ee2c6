"""Autosave: time spent on the GUI thread per save of the 60-page report (benchmarks/long_report.py).

Each round types one character in a part's editor and saves: the editor's text is flushed into
the model and the snapshot taken (store/snapshot.py); the write itself runs on the autosave
thread and is not counted there.  A last figure is the longest a keystroke could wait during a
save and its write (the GUI thread's event loop turning while the writer works). For comparison, the former snapshot (the whole report pickled on
the GUI thread) is timed on the same report.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_autosave.py [ROUNDS]   (goal, issue 26: <= 20 ms)
"""

from __future__ import annotations

import os
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _summary(label: str, times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return f"{label}: median {statistics.median(times):.1f} ms, p90 {p90:.1f} ms, worst {max(times):.1f} ms"


def main(rounds: int) -> None:
    os.environ.setdefault("CCHC_DESKTOP_HOME", tempfile.mkdtemp())
    from long_report import open_window

    app, window, _report = open_window()
    if "--no-settle" not in sys.argv:
        from cchc_desktop.gui.app import settle

        settle()  # as run_app does once the report is loaded
    editor = window.narrative.editor
    saves, former, flushes = [], [], []
    for _ in range(rounds):
        editor.insertPlainText("x")
        app.processEvents()
        window.save_now()
        saves.append(window.autosaver.last_gui_ms)
        window.autosaver.wait()
        editor.insertPlainText("y")
        app.processEvents()
        started = time.perf_counter()
        report = window.current_report()
        flushes.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        pickle.dumps(report, pickle.HIGHEST_PROTOCOL)
        former.append(flushes[-1] + (time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    window.dirty = True
    window.save_now(wait=True)
    total = (time.perf_counter() - started) * 1000
    print(_summary("autosave, GUI thread (flush + snapshot)", saves))
    print(_summary("  of which the editor's flush", flushes))
    print(_summary("former snapshot (flush + whole report pickled)", former))
    print(f"one save including the write on the autosave thread: {total:.0f} ms")
    print(_summary("longest wait of the GUI thread's event loop during a save and its write",
                   [_longest_stall(app, window, editor) for _ in range(max(5, rounds // 3))]))
    window.close()


def _longest_stall(app, window, editor) -> float:
    """What a keystroke can wait while a save runs: the longest gap between the turns of the
    GUI thread's event loop, from the save until its write has finished on the autosave thread
    (the writer holds Python's lock while it encodes the report, so its time counts here)."""
    editor.insertPlainText("z")
    app.processEvents()
    last = time.perf_counter()
    longest = 0.0
    window.save_now()
    pending = window.autosaver._pending
    while True:
        app.processEvents()
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
        if pending is None or pending.done():
            break
        time.sleep(0.0005)
    return longest * 1000


if __name__ == "__main__":
    numbers = [int(arg) for arg in sys.argv[1:] if arg.isdigit()]
    main(numbers[0] if numbers else 30)
