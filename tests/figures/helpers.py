"""Generated histories and unit files for the figures tests."""

from __future__ import annotations

import random
from decimal import Decimal

from cchc_desktop.core.figures import figure_text
from cchc_desktop.core.indicators import new_row
from cchc_desktop.core.model import (AppendixTable, DocumentDate, Organization, Period, PeriodKind, Report,
                                     RowKind, indicator_table)

INDICATORS = 40


def quarterly_reports(count: int = 8, seed: int = 7) -> tuple[list[Report], dict[tuple[int, str], str]]:
    """``count`` quarterly reports of 40 keyed indicators (rows added and renamed as forms change)
    in shuffled order, and what was typed: {(report index, row key): figure}."""
    rng = random.Random(seed)
    reports, typed = [], {}
    for n in range(count):
        year, quarter = 2025 + n // 4, n % 4 + 1
        table = indicator_table()
        keys = [f"k{i}" for i in range(INDICATORS)]
        if n >= 3:
            keys.append("new-after-q3")  # an indicator added to the form in the fourth report
        for position, key in enumerate(keys):
            if key == "k5" and n == 6:
                continue  # dropped from one report's form
            name = f"Chỉ tiêu số {key}"
            if key == "k1" and n >= 4:
                name = "Chỉ tiêu số k1 (tên mới theo mẫu năm 2026)"  # renamed, same identity
            figure = rng.choice(["-", "0", "02", str(rng.randint(1, 20_000))])
            if figure.isdigit() and len(figure) > 3:
                figure = figure_text(Decimal(figure))
            row = new_row(table, tt=str(position + 1), indicator=name, unit="Cuộc", value=figure)
            row.key = key
            table.rows.append(row)
            typed[(n, key)] = figure
        reports.append(Report(Organization(), Period(PeriodKind.QUARTER, year, quarter), DocumentDate(year),
                              appendices=[AppendixTable(table=table)], id=n + 1))
    shuffled = reports[:]
    rng.shuffle(shuffled)
    return shuffled, typed


def grouped_table():
    """A form with a caption row, a group row and sub-rows, a rate row computed from two counts."""
    table = indicator_table()
    rows = [
        ("", "A. CHỈ TIÊU CHUNG", "", RowKind.CAPTION, 0, ""),
        ("1", "Số hồ sơ tiếp nhận", "Hồ sơ", RowKind.DATA, 0, "received"),
        ("", "Trong đó: trực tuyến", "Hồ sơ", RowKind.DATA, 1, "online"),
        ("2", "Số hội nghị", "Hội nghị", RowKind.DATA, 0, "meetings"),
        ("3", "Tuyên truyền trên loa", "", RowKind.GROUP, 0, ""),
        ("", "Số tin", "Tin", RowKind.DATA, 1, "news"),
        ("", "Số bài", "Bài", RowKind.DATA, 1, "articles"),
        ("4", "Tỷ lệ hồ sơ trực tuyến", "%", RowKind.DATA, 0, "online-rate"),
    ]
    for tt, name, unit, kind, level, key in rows:
        row = new_row(table, level=level, kind=kind, tt=tt, indicator=name, unit=unit)
        row.key = key
        table.rows.append(row)
    table.rows[-1].ratio_of = ["online", "received"]
    return table
