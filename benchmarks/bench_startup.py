"""Cold start: median of N starts of the window in fresh processes.

Each start is a new Python process that runs the program's entry as ``cchc-desktop --db FILE``
does (cli.main: the window shown, then the database holding the sample opened and the last
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
    """One start through the program's own entry, as ``cchc-desktop --db FILE`` runs it
    (cli.main: the window, then the database and the last report once it is painted).

    The two moments come from gui.app itself: ``when_painted``'s callback (the window's menu bar
    painted) and ``settle`` (called once the report is loaded).  No event filter on the
    application: one in Python would see every event of the window's construction and slow it
    down (it doubled the time of the report list's combo boxes).  gui.app is imported before
    cli.main to wrap those two; cli.main imports it at that point anyway, once Python's collector
    is off, as here."""
    import gc

    gc.disable()
    sys.path.insert(0, str(ROOT))
    from cchc_desktop.gui import app as gui_app

    when_painted, settle = gui_app.when_painted, gui_app.settle
    windows = []

    def watched_when_painted(window, then):
        windows.append(window)

        def painted() -> None:
            print("PAINTED", time.process_time(), len(sys.modules), flush=True)
            then()

        when_painted(window, painted)

    def watched_settle() -> None:
        settle()
        print("LOADED", time.process_time(), "report" if windows[0].report is not None else "none", flush=True)
        gui_app.QTimer.singleShot(0, gui_app.QApplication.instance().quit)

    gui_app.when_painted, gui_app.settle = watched_when_painted, watched_settle
    from cchc_desktop.cli import main

    main(["--db", str(Path(os.environ["CCHC_DESKTOP_HOME"]) / "bench.sqlite")])


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
    settings = Path(home) / "data" / "settings.ini"  # the first-run setup (a dialog) done already
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[first_run]\ndone=true\n", encoding="utf-8")
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
