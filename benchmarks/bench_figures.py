"""Figures across periods: chart view open time (40 indicators × 8 periods), consolidation of
30 unit files, the DOCX's chart picture (chart_png, drawn with Pillow: no Qt in the process), and
what the window's start-up imports (nothing of this feature).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_figures.py
"""

from __future__ import annotations

import copy
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.figures.helpers import quarterly_reports  # noqa: E402


def chart_view_ms(repeats: int = 5) -> tuple[float, float, float]:
    """(first open with the feature's modules loaded on first use, warm open, redraw with 5
    indicators) in ms, over a history of 40 indicators × 8 quarterly reports."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    reports, _typed = quarterly_reports(8)
    newest = max(reports, key=lambda r: r.id)

    def open_once() -> tuple[float, object]:
        from cchc_desktop.gui.chart_view import ChartView

        started = time.perf_counter()
        view = ChartView(newest, reports)
        view.show()
        app.processEvents()
        return (time.perf_counter() - started) * 1000, view

    first, view = open_once()
    view.close()
    warm, redraw = [], []
    for _ in range(repeats):
        elapsed, view = open_once()
        warm.append(elapsed)
        started = time.perf_counter()
        for i in range(1, 5):
            view.indicators.item(i).setCheckState(view.indicators.item(0).checkState())
        view._redraw()
        app.processEvents()
        redraw.append((time.perf_counter() - started) * 1000)
        view.close()
    return first, statistics.median(warm), statistics.median(redraw)


def consolidation_s(units: int = 30) -> float:
    from cchc_desktop.core.consolidate import consolidate
    from cchc_desktop.document.xlsx_writer import export_report_xlsx

    reports, _typed = quarterly_reports(1)
    report = reports[0]
    folder = Path(tempfile.mkdtemp())
    files = []
    for n in range(units):
        copy_ = copy.deepcopy(report)
        for row in copy_.appendices[0].rows:
            row.set_text("value", str(n))
        path = folder / f"Đơn vị {n:02d}.xlsx"
        export_report_xlsx(copy_, path)
        files.append(path)
    started = time.perf_counter()
    result = consolidate(report.appendices[0].table, files)
    elapsed = time.perf_counter() - started
    assert len(result.units) == units, result.problems
    return elapsed


CHART_PNG_CODE = """
import statistics, sys, time
started = time.perf_counter()
from cchc_desktop.core.model import Chart, ChartKind, ChartSeries
from cchc_desktop.document.charts import chart_png
chart = Chart("Tỷ lệ hồ sơ đúng hạn", ChartKind.BARS, ["Quý I/2026", "Quý II/2026", "Quý III/2026"],
              [ChartSeries("Kỳ trước", ["1.250", "18,5", "-"]), ChartSeries("Kỳ này", ["3", "4", "12.604"])], "Hồ sơ")
png = chart_png(chart)
first = time.perf_counter() - started
warm = []
for _ in range(5):
    started = time.perf_counter()
    chart_png(chart)
    warm.append(time.perf_counter() - started)
qt = any(m.startswith("PySide6") for m in sys.modules)
print(f"{first * 1000:.0f},{statistics.median(warm) * 1000:.0f},{len(png)},{qt}")
"""


def chart_png_ms() -> tuple[float, float, int, bool]:
    """(first chart in a fresh process, imports included; then one chart; PNG bytes; whether Qt
    was loaded) for a typical bar chart at 1600 px, as the DOCX export draws it."""
    out = subprocess.run([sys.executable, "-c", CHART_PNG_CODE], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    first, warm, size, qt = out.stdout.strip().split(",")
    return float(first), float(warm), int(size), qt == "True"


def startup_imports() -> list[str]:
    code = ("import sys; import cchc_desktop.gui.main_window; "
            "print(','.join(m for m in ('reportlab.graphics.charts.barcharts', 'PySide6.QtSvg', "
            "'cchc_desktop.core.consolidate', 'cchc_desktop.document.charts') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]


if __name__ == "__main__":
    first, warm, redraw = chart_view_ms()
    print(f"chart view over 40 indicators x 8 periods: first open {first:.0f} ms (loads the chart modules), "
          f"then {warm:.0f} ms (goal <= 200 ms); 5 indicators redrawn in {redraw:.0f} ms")
    print(f"consolidation of 30 unit files: {consolidation_s():.2f} s (goal <= 2 s)")
    first_png, warm_png, png_bytes, with_qt = chart_png_ms()
    print(f"DOCX chart picture (1600 px): first {first_png:.0f} ms in a fresh process (imports included), "
          f"then {warm_png:.0f} ms; {png_bytes // 1024} KB; Qt loaded: {with_qt}")
    print(f"loaded at start-up by this feature: {startup_imports() or 'nothing'}")
