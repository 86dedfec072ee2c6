"""Autosave: time spent on the GUI thread per save of the 60-page report (benchmarks/long_report.py).

Each round types one character in a part's editor and saves: the editor's text is flushed into
the model and the snapshot taken (store/snapshot.py); the write itself runs on the autosave
thread and is not counted. For comparison, the former snapshot (the whole report pickled on
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
    window.close()


if __name__ == "__main__":
    numbers = [int(arg) for arg in sys.argv[1:] if arg.isdigit()]
    main(numbers[0] if numbers else 30)
