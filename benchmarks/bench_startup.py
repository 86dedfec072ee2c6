"""Cold start: median of N starts of the window in fresh processes.

Each start is a new Python process that does what ``cchc-desktop`` does (gui/app.py: the
application, the window shown, then the database holding the sample opened and the last
report loaded once the window is on screen) and reports two moments, counted from the process's start:
the window's first paint (usable: menus, report list) and the report loaded in the tabs.
The first start (which creates the database) is not counted: a normal morning start opens an
existing one, with the modules' bytecode already compiled (an installed program has it; here
it goes to a temporary folder, whatever PYTHONDONTWRITEBYTECODE says, so that a start does not
time the compiling of every module).  Also printed: the CPU time of the process up to the first paint (less
sensitive to a busy machine than the wall clock) and the modules imported by then.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_startup.py [N]   (goal, issue 26: <= 0.6 s)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child() -> None:
    """One start, as run_app does it (without the single-instance lock and the crash handler)."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, QTimer

    from cchc_desktop.gui.app import application, build_window, connect_database

    app = application()
    window = build_window(Path(os.environ["CCHC_DESKTOP_HOME"]) / "bench.sqlite", open_report=False, connect=False)

    def loaded() -> None:
        if not connect_database(window):  # as run_app: the database once the window is painted
            raise SystemExit("the database did not open")
        window.open_initial()
        print("LOADED", time.process_time(), "report" if window.report is not None else "none", flush=True)
        QTimer.singleShot(0, app.quit)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and obj is window:
                window.removeEventFilter(self)
                print("PAINTED", time.process_time(), len(sys.modules), flush=True)
                QTimer.singleShot(0, loaded)  # as run_app: the report once the window is on screen
            return False

    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    app.exec()
    window.close()


def one_start(env: dict[str, str]) -> tuple[float, float, float, int]:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child"], stdout=subprocess.PIPE, text=True, env=env)
    painted = loaded = cpu = 0.0
    modules = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        words = line.split()
        if words[:1] == ["PAINTED"]:
            painted = time.perf_counter() - started
            cpu, modules = float(words[1]), int(words[2])
        elif words[:1] == ["LOADED"]:
            loaded = time.perf_counter() - started
            if words[2] != "report":
                raise SystemExit("the window opened no report")
    if proc.wait() != 0 or not painted or not loaded:
        raise SystemExit("a start failed")
    return painted, loaded, cpu, modules


def main(count: int) -> None:
    home = tempfile.mkdtemp()
    env = dict(os.environ, CCHC_DESKTOP_HOME=home, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPYCACHEPREFIX=str(Path(home) / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    one_start(env)  # creates the database with the sample
    runs = [one_start(env) for _ in range(count)]
    painted, loaded, cpu, modules = (sorted(values) for values in zip(*runs))
    print(f"cold start, median of {count} (min–max): first paint {statistics.median(painted):.2f} s "
          f"({painted[0]:.2f}–{painted[-1]:.2f}); report loaded {statistics.median(loaded):.2f} s "
          f"({loaded[0]:.2f}–{loaded[-1]:.2f}); CPU to first paint {statistics.median(cpu):.2f} s; "
          f"{int(statistics.median(modules))} modules imported by then")


if __name__ == "__main__":
    if "--child" in sys.argv:
        child()
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
