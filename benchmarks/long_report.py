"""A long report for benchmarks: 20 narrative parts, a 200-row appendix, about 60 pages.

``make_long_report()`` is reused by the GUI's save benchmark; keep its name.
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal

from cchc_desktop import paths
from cchc_desktop.core.codec import report_from_dict
from cchc_desktop.core.figures import figure_text
from cchc_desktop.core.indicators import new_row
from cchc_desktop.core.model import (AppendixTable, Block, BlockRole, Report, Run, Section, SectionKey,
                                     indicator_table)

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
         "XVI", "XVII", "XVIII", "XIX", "XX"]


def _sample() -> Report:
    try:
        from cchc_desktop.core.templates import load_sample
    except ImportError:
        with open(paths.resources_dir() / "sample" / "sample-report.json", encoding="utf-8") as handle:
            return report_from_dict(json.load(handle)["report"])
    return load_sample()


def make_long_report(parts: int = 20, rows: int = 200) -> Report:
    """The sample report, its narrative repeated into ``parts`` numbered parts, and ``rows`` indicators."""
    report = copy.deepcopy(_sample())
    texts = [b.runs for s in report.sections for b in s.blocks if b.role in (BlockRole.BULLET, BlockRole.PARAGRAPH)]
    keys = [SectionKey.RESULTS, SectionKey.DIFFICULTIES, SectionKey.DIRECTIONS]
    sections = {key: Section(key) for key in keys}
    cursor = 0
    for part in range(parts):
        blocks = sections[keys[min(part * 3 // parts, 2)]].blocks
        blocks.append(Block.plain(BlockRole.HEADING1, f"{ROMAN[part % 20]}. Nội dung tuyên truyền số {part + 1} "
                                                      "về cải cách hành chính 6 tháng đầu năm 2024"))
        for sub in range(1, 4):
            blocks.append(Block.plain(BlockRole.HEADING2, f"{sub}. Kết quả thực hiện nhiệm vụ {sub}"))
            blocks.append(Block.plain(BlockRole.HEADING3, f"{sub}.1. Tuyên truyền trên hệ thống truyền thanh"))
            for _ in range(5):
                runs = copy.deepcopy(texts[cursor % len(texts)])
                cursor += 1
                role = BlockRole.BULLET if runs[0].text.startswith("- ") else BlockRole.PARAGRAPH
                blocks.append(Block(role, runs))
    report.parts = [sections[key] for key in keys]
    table = indicator_table((("tt", "TT"), ("indicator", "Chỉ tiêu"), ("unit", "Đơn vị tính"),
                             ("previous", "Kỳ trước"), ("value", "Số lượng"), ("note", "Ghi chú")))
    base = [(r.indicator, r.unit, r.note) for r in report.appendix.rows] if report.appendix else []
    for index in range(rows):
        indicator, unit, note = base[index % len(base)] if base else ("Chỉ tiêu", "Cuộc", "")
        sub = index % 7 == 6
        table.rows.append(new_row(
            table, level=1 if sub else 0, tt="" if sub else str(index + 1), indicator=indicator, unit=unit,
            value=figure_text(Decimal(index * 37 % 2500)), note=note,
            previous=figure_text(Decimal(index * 13 % 1800))))
    report.appendices = [AppendixTable(
        heading="PHỤ LỤC", title="Kết quả tuyên truyền cải cách hành chính 6 tháng đầu năm 2024",
        reference="(Kèm theo Báo cáo số      /BC-UBND ngày      tháng 5 năm 2024 của Ủy ban nhân dân xã Cương Gián)",
        table=table)]
    report.closing = report.closing or "Trên đây là báo cáo./."
    _ = Run  # re-exported for callers building their own runs
    return report


def open_window(report: Report | None = None, name: str = "long.sqlite", open_it: bool = True):
    """The application and a shown window over a database (in CCHC_DESKTOP_HOME) holding
    ``report`` (the long report by default), opened on it: the benchmarks' common start."""
    import os
    from pathlib import Path

    from cchc_desktop.gui.app import application, build_window
    from cchc_desktop.store.database import open_database
    from cchc_desktop.store.reports import save_report

    app = application()
    path = Path(os.environ["CCHC_DESKTOP_HOME"]) / name
    report = report if report is not None else make_long_report()
    save_report(open_database(path), report)
    window = build_window(path)
    if open_it:
        window.open_report(report.id)
    window.show()
    app.processEvents()
    return app, window, report
