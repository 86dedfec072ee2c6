"""An indicator across periods: the same figure in every report of one kind.

A figure belongs to its indicator, not to its row number: rows are matched by the
indicator's identity — the row's ``key`` when the form gives one (templates do, so a renamed
indicator keeps its history), else its accent-free name under its group row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .figures import figure_text, figure_value
from .indicators import IndicatorRow, indicator_rows
from .model import Chart, ChartKind, ChartSeries, Period, PeriodKind, Report, RowKind, Table
from .periods import cutoff_dates, period_label
from .vietnamese import fold


def identity(table: Table, row: IndicatorRow, group: str = "") -> str:
    """The indicator's identity in ``table``: its key, or its folded name under its group."""
    if row.row.key.strip():
        return "key:" + row.row.key.strip()
    name = _folded(row.indicator)
    return f"name:{group}/{name}" if group else f"name:{name}"


def _folded(text: str) -> str:
    return " ".join(fold(text).split())


def identities(table: Table) -> list[tuple[str, IndicatorRow]]:
    """(identity, row) of the rows that carry figures, in table order.

    A sub-row ("Trong đó: nữ") is named under the data row above it, and the sub-rows of a
    group row under that group, so two "Trong đó: nữ" rows stay apart."""
    result: list[tuple[str, IndicatorRow]] = []
    group = parent = ""
    for row in indicator_rows(table):
        name = _folded(row.indicator)
        if row.kind == RowKind.GROUP:
            group, parent = name, ""
            continue
        if row.kind == RowKind.CAPTION:
            group = parent = ""
            continue
        if row.level == 0:  # a numbered row of its own ends the group above
            group, parent, scope = "", name, ""
        else:
            scope = "/".join(part for part in (group, parent) if part)
        result.append((identity(table, row, scope), row))
    return result


def period_order(period: Period) -> tuple[date, int]:
    """Chronological sort key: the end of the data window (then the kind, shortest first)."""
    try:
        start, end = cutoff_dates(period)
    except ValueError:
        end = date(period.year, 12, 31)
        start = date(period.year, 1, 1)
    return end, (end - start).days


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def short_label(period: Period) -> str:
    """A chart category: 'Quý I/2026', 'T9/2026', '6T đầu/2024', 'Năm 2024', 'Tuần 03 T9/2026'."""
    kind, year, index = period.kind, period.year, period.index
    if kind == PeriodKind.QUARTER and index in _ROMAN:
        return f"Quý {_ROMAN[index]}/{year}"
    if kind == PeriodKind.MONTH and index:
        return f"T{index}/{year}"
    if kind == PeriodKind.WEEK and index and period.month:
        return f"Tuần {index:02d} T{period.month}/{year}"
    if kind in (PeriodKind.HALF1, PeriodKind.HALF2):
        return f"6T {'đầu' if kind == PeriodKind.HALF1 else 'cuối'}/{year}"
    if kind == PeriodKind.NINE_MONTHS:
        return f"9T/{year}"
    if kind == PeriodKind.YEAR:
        return f"Năm {year}"
    try:
        label = period_label(period)
    except ValueError:
        return str(year)
    return (label[:1].upper() + label[1:]) or str(year)


@dataclass
class Point:
    report_id: int | None
    period: Period
    typed: str  # as the clerk typed it ("-", "02", "12.604")

    @property
    def value(self) -> Decimal | None:
        return figure_value(self.typed)


@dataclass
class Series:
    identity: str
    indicator: str  # the newest wording of the indicator
    unit: str
    points: list[Point] = field(default_factory=list)

    def values(self) -> list[Decimal | None]:
        return [point.value for point in self.points]


def indicator_history(reports: Iterable[Report], table_index: int = 0) -> dict[str, Series]:
    """Every indicator of the ``table_index``-th appendix table over ``reports``, oldest first.

    Reports are sorted by period; an indicator missing from a report has no point there."""
    ordered = sorted(reports, key=lambda r: period_order(r.period))
    history: dict[str, Series] = {}
    for report in ordered:
        if table_index >= len(report.appendices):
            continue
        table = report.appendices[table_index].table
        if table.column_index("value") is None:
            continue
        for key, row in identities(table):
            series = history.setdefault(key, Series(key, row.indicator, row.unit))
            series.indicator, series.unit = row.indicator or series.indicator, row.unit or series.unit
            series.points.append(Point(report.id, report.period, row.text("value")))
    return history


def fill_previous(report: Report, previous: Report) -> int:
    """Fill the "previous" column of ``report``'s appendix tables from ``previous``, matching
    indicators by identity (not row number); returns how many figures were filled."""
    filled = 0
    for k, appendix in enumerate(report.appendices):
        table = appendix.table
        if table.column_index("previous") is None or k >= len(previous.appendices):
            continue
        old = {key: row for key, row in identities(previous.appendices[k].table)}
        for key, row in identities(table):
            if key in old:
                row.set_text("previous", old[key].text("value"))
                filled += 1
    return filled


def as_text(value: Decimal | None) -> str:
    return figure_text(value)


def history_chart(history: dict[str, Series], chosen: list[str], *, last: int = 8,
                  kind: ChartKind = ChartKind.BARS, title: str = "") -> Chart:
    """The chosen indicators over (at most) the ``last`` periods any of them has."""
    series = [history[key] for key in chosen if key in history]
    periods: dict[tuple, Period] = {}
    for s in series:
        for point in s.points:
            periods.setdefault(period_order(point.period) + (point.period.kind,), point.period)
    keys = sorted(periods)[-last:]
    categories = [short_label(periods[k]) for k in keys]
    out = []
    for s in series:
        by_period = {period_order(p.period) + (p.period.kind,): p.typed for p in s.points}
        out.append(ChartSeries(s.indicator, [by_period.get(k, "") for k in keys]))
    units = {s.unit for s in series if s.unit}
    name = title or (series[0].indicator if len(series) == 1 else "Số liệu qua các kỳ")
    return Chart(name, kind, categories, out, units.pop() if len(units) == 1 else "")


def comparison_chart(table: Table, chosen: list[str], *, title: str = "") -> Chart:
    """This period against the previous one (and the plan target where the form has one)."""
    rows = {key: row for key, row in identities(table)}
    picked = [rows[key] for key in chosen if key in rows]
    columns = [("previous", "Kỳ trước"), ("value", "Kỳ này"), ("target", "Kế hoạch")]
    series = [ChartSeries(label, [row.text(key) for row in picked])
              for key, label in columns if table.column_index(key) is not None]
    units = {row.unit for row in picked if row.unit}
    return Chart(title or "Kỳ này so với kỳ trước", ChartKind.BARS, [row.indicator for row in picked], series,
                 units.pop() if len(units) == 1 else "")


def history_table(history: dict[str, Series], chosen: list[str], *, last: int = 8) -> Table:
    """The chosen indicators over the periods as a table (one column per period), for Excel."""
    from .model import Align, Cell, TableColumn, TableRow

    chart = history_chart(history, chosen, last=last)
    columns = [TableColumn("indicator"), TableColumn("unit", align=Align.CENTER)]
    columns += [TableColumn("", align=Align.CENTER, figures=True) for _ in chart.categories]
    header = TableRow([Cell.plain("Chỉ tiêu"), Cell.plain("Đơn vị tính"), *map(Cell.plain, chart.categories)])
    rows = [header]
    for key, series in zip([k for k in chosen if k in history], chart.series):
        unit = history[key].unit
        rows.append(TableRow([Cell.plain(series.name), Cell.plain(unit), *map(Cell.plain, series.values)], key=key))
    return Table(columns, rows, header_rows=1)
