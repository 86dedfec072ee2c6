"""Window start-up (process start -> first paint, sample open), peak RSS, and autosave GUI-thread time.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py   (goals, issue 26: <= 0.6 s, <= 200 MB, <= 20 ms)
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    from cchc_desktop.gui.app import application, build_window

    app = application()
    # as run_app does: the report is loaded once the window is on screen
    window = build_window(Path(os.environ["CCHC_DESKTOP_HOME"]) / "bench.sqlite", open_report=False)
    QTimer.singleShot(0, window.open_initial)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                print("PAINTED", flush=True)
                window.removeEventFilter(self)
                QTimer.singleShot(300, app.quit)
            return False

    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    app.exec()
    print("RSS_MB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, flush=True)
    window.close()


def startup() -> None:
    home = tempfile.mkdtemp()
    env = dict(os.environ, CCHC_DESKTOP_HOME=home, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # First run creates the database with the sample; measure the second (a normal morning start).
    for run in range(2):
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, "--child"], stdout=subprocess.PIPE, text=True, env=env)
        painted = None
        for line in proc.stdout:
            if line.startswith("PAINTED") and painted is None:
                painted = time.perf_counter() - started
            if line.startswith("RSS_MB"):
                rss = float(line.split()[1])
        proc.wait()
        if run:
            print(f"start-up to first paint: {painted:.2f} s; peak RSS {rss:.0f} MB")


def save_time() -> None:
    os.environ.setdefault("CCHC_DESKTOP_HOME", tempfile.mkdtemp())
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from long_report import open_window

    app, window, report = open_window()
    worst = 0.0
    for _ in range(10):
        window.narrative.editor.insertPlainText("x")
        window.save_now()
        worst = max(worst, window.autosaver.last_gui_ms)
        window.autosaver.wait()
    started = time.perf_counter()
    window.dirty = True
    window.save_now(wait=True)
    total = (time.perf_counter() - started) * 1000
    print(f"long report save: {worst:.1f} ms on the GUI thread (worst of 10), {total:.0f} ms including the write")
    window.close()


if __name__ == "__main__":
    if "--child" in sys.argv:
        child()
    else:
        startup()
        save_time()
