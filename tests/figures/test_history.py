"""An indicator across periods, matched by identity (not row number)."""

from __future__ import annotations

import copy
import random

from cchc_desktop.core.history import comparison_chart, fill_previous, history_chart, identities, indicator_history
from cchc_desktop.core.indicators import insert_column
from cchc_desktop.core.next_report import apply_plan, plan_next_report
from cchc_desktop.core.periods import next_period

from .helpers import INDICATORS, grouped_table, quarterly_reports


def test_history_matches_what_was_typed() -> None:
    reports, typed = quarterly_reports()
    history = indicator_history(reports)
    assert len(history) == INDICATORS + 1
    for key in [f"k{i}" for i in range(INDICATORS)] + ["new-after-q3"]:
        series = history[f"key:{key}"]
        expected = [typed[(n, key)] for n in range(8) if (n, key) in typed]
        assert [p.typed for p in series.points] == expected, key
        assert [p.report_id for p in series.points] == [n + 1 for n in range(8) if (n, key) in typed]
    assert history["key:k1"].indicator.endswith("(tên mới theo mẫu năm 2026)")  # renamed: one series
    assert len(history["key:k5"].points) == 7  # missing from one form: no point there, no shift
    assert [p.period.index for p in history["key:new-after-q3"].points] == [4, 1, 2, 3, 4]


def test_previous_column_comes_from_the_previous_report_by_identity() -> None:
    reports, typed = quarterly_reports()
    ordered = sorted(reports, key=lambda r: r.id)
    rng = random.Random(3)
    for n in range(1, 8):
        current = copy.deepcopy(ordered[n])
        body = current.appendices[0].table.rows[1:]
        rng.shuffle(body)  # another row order: matching must not depend on it
        current.appendices[0].table.rows[1:] = body
        insert_column(current.appendices[0].table, 3, "previous", "Kỳ trước")
        fill_previous(current, ordered[n - 1])
        for key, row in identities(current.appendices[0].table):
            assert row.text("previous") == typed.get((n - 1, key[4:]), ""), (n, key)


def test_next_report_previous_column_equals_previous_figures() -> None:
    reports, typed = quarterly_reports()
    old = sorted(reports, key=lambda r: r.id)[2]
    new = apply_plan(old, plan_next_report(old, next_period(old.period), previous_columns=True))
    for key, row in identities(new.appendices[0].table):
        assert row.text("previous") == typed[(2, key[4:])] and row.text("value") == ""


def test_group_rows_are_no_indicators_and_sub_rows_stay_apart() -> None:
    table = grouped_table()
    keys = [key for key, _row in identities(table)]
    assert keys == ["key:received", "key:online", "key:meetings", "key:news", "key:articles", "key:online-rate"]
    for row in table.rows[1:]:
        row.key = ""
    names = [key for key, _row in identities(table)]
    assert "name:so ho so tiep nhan/trong do: truc tuyen" in names  # a sub-row under its parent
    assert "name:tuyen truyen tren loa/so tin" in names  # under its group row
    assert len(set(names)) == len(names)


def test_history_chart_takes_the_last_periods_and_keeps_gaps() -> None:
    reports, typed = quarterly_reports()
    history = indicator_history(reports)
    chart = history_chart(history, ["key:k2", "key:k5"], last=4)
    assert chart.categories == ["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"]
    assert chart.series[0].values == [typed[(n, "k2")] for n in range(4, 8)]
    assert chart.series[1].values[2] == ""  # k5 is missing from the seventh report: a gap, not a zero
    table = grouped_table()
    for row, (value, previous) in zip(table.rows[2:4], (("10", "8"), ("3", "4"))):
        row.cells[3].runs = []
    chart = comparison_chart(table, ["key:received"])
    assert [s.name for s in chart.series] == ["Kỳ này"]  # no previous column in this form yet
