"""Menu "Số liệu": the chart view, consolidation from the units, every table to Excel."""

from __future__ import annotations

import copy

import pytest
from openpyxl import load_workbook

from cchc_desktop.core.history import identities
from cchc_desktop.core.next_report import apply_plan, plan_next_report
from cchc_desktop.core.periods import next_period
from cchc_desktop.document.xlsx_writer import export_report_xlsx
from cchc_desktop.gui import consolidate_dialog, dialogs, figures_actions
from cchc_desktop.store.reports import load_report, save_report


@pytest.fixture
def said(monkeypatch):
    texts: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, text: texts.append(text))
    monkeypatch.setattr(dialogs, "error", lambda _parent, text, details="": texts.append("ERROR " + text))
    return texts


def _second_period(window):
    """A later report of the same kind, so the chart has two periods."""
    later = apply_plan(window.report, plan_next_report(window.report, next_period(window.report.period)))
    later.sample = False
    for i, row in enumerate(later.appendix.rows):
        row.set_text("value", str(10 + i))
    return save_report(window.db, later)


def test_chart_view_draws_history_and_inserts_a_chart(open_window, monkeypatch, said) -> None:
    window = open_window()
    sample = window.report
    sample.sample = False
    save_report(window.db, sample)
    _second_period(window)
    opened = []
    monkeypatch.setattr(figures_actions, "exec_dialog", lambda dialog: opened.append(dialog) or False)
    window.figures.chart.trigger()
    view = opened[0]
    assert view.chart is not None and len(view.chart.categories) == 2  # two periods of this kind
    assert view.chart.series[0].values == ["3", "10"]  # the first indicator, as typed in each report
    assert view.svg.isVisible() or not view.isVisible()
    view.lines.setChecked(True)
    view.against_previous.setChecked(True)
    view._redraw()
    assert view.chart.kind == "lines" and [s.name for s in view.chart.series] == ["Kỳ này"]
    view.insert_chart()
    assert len(window.report.charts) == 1 and any("Đã chèn biểu đồ" in t for t in said)
    window.save_now(wait=True)
    assert len(load_report(window.db, window.report.id).charts) == 1


def test_consolidation_fills_the_report_and_cancel_changes_nothing(open_window, monkeypatch, tmp_path, said) -> None:
    window = open_window()
    files = []
    for unit, value in (("Thôn 1", "2"), ("Thôn 2", "5")):
        report = copy.deepcopy(window.report)
        for row in report.appendix.rows:
            row.set_text("value", value)
        export_report_xlsx(report, tmp_path / f"{unit}.xlsx")
        files.append(str(tmp_path / f"{unit}.xlsx"))
    monkeypatch.setattr(consolidate_dialog, "ask_files", lambda _parent: files)
    before = copy.deepcopy(window.report)

    def cancel(dialog):
        dialog.pick.click()
        assert "Đọc được 2 trong 2 tệp" in dialog.summary.text()
        assert dialog.grid.rowCount() == 10
        return False

    monkeypatch.setattr(figures_actions, "exec_dialog", cancel)
    window.figures.consolidate.trigger()
    assert window.report == before  # cancelled: nothing changed

    def accept(dialog):
        dialog.pick.click()
        dialog.breakdown.setChecked(True)
        return True

    monkeypatch.setattr(figures_actions, "exec_dialog", accept)
    window.figures.consolidate.trigger()
    assert [row.text("value") for _key, row in identities(window.report.appendix.table)] == ["7"] * 10
    assert window.report.appendices[-1].heading == "BIỂU TỔNG HỢP THEO ĐƠN VỊ"
    window.save_now(wait=True)
    assert len(load_report(window.db, window.report.id).appendices) == 2


def test_export_every_table_to_excel(open_window, monkeypatch, tmp_path, said) -> None:
    window = open_window()
    target = tmp_path / "bang"
    monkeypatch.setattr(figures_actions, "ask_xlsx_target", lambda _parent, _name: str(target))
    window.figures.excel.trigger()
    book = load_workbook(tmp_path / "bang.xlsx")
    assert book.sheetnames == ["PHỤ LỤC"] and not [t for t in said if t.startswith("ERROR")]


def test_start_up_does_not_load_the_figures_feature() -> None:
    import subprocess
    import sys

    code = ("import sys; import cchc_desktop.gui.main_window; "
            "print([m for m in ('reportlab.graphics.charts.barcharts', 'PySide6.QtSvgWidgets', "
            "'cchc_desktop.core.consolidate', 'cchc_desktop.document.charts', 'openpyxl') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_history_exports_to_excel_one_column_per_period(open_window, monkeypatch, tmp_path, said) -> None:
    window = open_window()
    window.report.sample = False
    save_report(window.db, window.report)
    _second_period(window)
    opened = []
    monkeypatch.setattr(figures_actions, "exec_dialog", lambda dialog: opened.append(dialog) or False)
    window.figures.chart.trigger()
    monkeypatch.setattr(figures_actions, "ask_xlsx_target", lambda _parent, _name: str(tmp_path / "ls.xlsx"))
    opened[0].to_excel.click()
    sheet = load_workbook(tmp_path / "ls.xlsx")["Qua các kỳ"]
    assert [c.value for c in sheet[3]] == ["Chỉ tiêu", "Đơn vị tính", "6T đầu/2024", "6T cuối/2024"]
    assert [c.value for c in sheet[4]][2:] == [3, 10]


def test_slow_consolidation_reads_off_the_gui_thread_and_can_be_cancelled(open_window, monkeypatch, tmp_path,
                                                                          said, qtbot) -> None:
    import threading
    import time

    from PySide6.QtCore import QTimer

    from cchc_desktop.gui import background_task

    window = open_window()
    files = []
    for unit, value in (("Thôn 1", "2"), ("Thôn 2", "5")):
        report = copy.deepcopy(window.report)
        for row in report.appendix.rows:
            row.set_text("value", value)
        export_report_xlsx(report, tmp_path / f"{unit}.xlsx")
        files.append(str(tmp_path / f"{unit}.xlsx"))
    monkeypatch.setattr(consolidate_dialog, "ask_files", lambda _parent: files)
    real = consolidate_dialog.consolidate
    threads: list[threading.Thread] = []
    done = threading.Event()

    def slow(*args):
        threads.append(threading.current_thread())
        time.sleep(1)
        try:
            return real(*args)
        finally:
            done.set()

    monkeypatch.setattr(consolidate_dialog, "consolidate", slow)
    before = copy.deepcopy(window.report)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))

    def read_slowly(dialog):
        timer.start(50)
        dialog.pick.click()
        timer.stop()
        assert threads[0] is not threading.main_thread() and len(ticks) >= 8
        assert "Đọc được 2 trong 2 tệp" in dialog.summary.text()
        return False

    monkeypatch.setattr(figures_actions, "exec_dialog", read_slowly)
    window.figures.consolidate.trigger()
    assert window.report == before

    def press_cancel():
        dialog = background_task.last_dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, press_cancel)
            return
        assert dialog.label.text() == "Đang đọc 2 tệp của các đơn vị…"
        dialog.cancel_button.click()

    def cancel_reading(dialog):
        done.clear()
        background_task.last_dialog = None
        QTimer.singleShot(0, press_cancel)
        dialog.pick.click()
        assert not done.is_set()  # back before the reading ended
        assert dialog.result is None and "Đã hủy" in dialog.summary.text()
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        assert done.wait(10)
        qtbot.wait(200)
        assert dialog.result is None  # the late result was dropped
        return False

    monkeypatch.setattr(figures_actions, "exec_dialog", cancel_reading)
    window.figures.consolidate.trigger()
    assert window.report == before and not [t for t in said if t.startswith("ERROR")]
