"""Print preview of the 60-page long report: time to open (trigger -> first paint), peak memory.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_print_preview.py
Goals (issue 16): opens in <= 1 s, peak RSS of the whole application <= 300 MB while open.
Each measurement runs in a fresh process so peak RSS belongs to it alone.
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
sys.path.insert(0, str(ROOT / "benchmarks"))


def child() -> None:
    from long_report import open_window
    from PySide6.QtCore import QEvent, QObject

    from cchc_desktop.gui import dialogs, printing

    app, window, report = open_window()
    dialogs.confirm = lambda *args, **kwargs: True
    window.actions.checks_panel.run_now = lambda source: 0  # time the preview, not the checks
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    def show(dialog) -> None:
        spy = FirstPaint(dialog)
        dialog.view.viewport().installEventFilter(spy)
        dialog.resize(1200, 700)
        dialog.show()
        while not painted:
            app.processEvents()
        opened = painted[0] - started
        pages = dialog.page_count()
        # Leaf through every page as a clerk would (each rendered on demand at screen resolution).
        for page in range(pages):
            dialog.go_to(page)
            app.processEvents()
        print(f"RESULT open={opened:.3f} pages={pages} rss_before={rss_before:.0f} "
              f"rss_peak={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}", flush=True)
        dialog.close()

    printing.exec_preview = show
    started = time.perf_counter()
    window.actions.print_preview.trigger()
    window.close()


def main() -> None:
    if "--child" in sys.argv:
        child()
        return
    env = dict(os.environ, CCHC_DESKTOP_HOME=tempfile.mkdtemp(),
               QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    results = []
    for _ in range(3):
        out = subprocess.run([sys.executable, __file__, "--child"], capture_output=True, text=True, env=env)
        line = next((l for l in out.stdout.splitlines() if l.startswith("RESULT")), None)
        if line is None:
            print(out.stderr[-2000:])
            raise SystemExit(1)
        results.append(dict(item.split("=") for item in line.split()[1:]))
        env["CCHC_DESKTOP_HOME"] = tempfile.mkdtemp()
    best = min(float(r["open"]) for r in results)
    worst = max(float(r["open"]) for r in results)
    peak = max(float(r["rss_peak"]) for r in results)
    print(f"print preview of the long report ({results[0]['pages']} pages): opens in {best:.2f}–{worst:.2f} s "
          f"(3 runs); peak RSS {peak:.0f} MB after leafing through every page "
          f"(window alone before: {results[0]['rss_before']} MB)")


if __name__ == "__main__":
    main()
