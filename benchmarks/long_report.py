"""A long report for benchmarks: 20 narrative parts, a 200-row appendix, about 60 pages.

``make_long_report()`` is reused by the GUI's save benchmark; keep its name.
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal

from cchc_desktop import paths
from cchc_desktop.core.codec import report_from_dict
from cchc_desktop.core.model import (Appendix, Block, BlockRole, Column, IndicatorRow, Report, Run, Section,
                                     SectionKey)

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
    report.sections = [sections[key] for key in keys]
    columns = [Column("tt", "TT"), Column("indicator", "Chỉ tiêu"), Column("unit", "Đơn vị tính"),
               Column("previous", "Kỳ trước"), Column("value", "Số lượng"), Column("note", "Ghi chú")]
    base = report.appendix.rows if report.appendix else []
    indicators = []
    for index in range(rows):
        model = base[index % len(base)] if base else IndicatorRow(indicator="Chỉ tiêu", unit="Cuộc")
        sub = index % 7 == 6
        indicators.append(IndicatorRow(
            tt="" if sub else str(index + 1), indicator=model.indicator, unit=model.unit,
            value=Decimal(index * 37 % 2500), note=model.note, level=1 if sub else 0,
            previous=Decimal(index * 13 % 1800)))
    report.appendix = Appendix(heading="PHỤ LỤC", title="Kết quả tuyên truyền cải cách hành chính 6 tháng đầu năm 2024",
                               reference="(Kèm theo Báo cáo số      /BC-UBND ngày      tháng 5 năm 2024 "
                                         "của Ủy ban nhân dân xã Cương Gián)",
                               columns=columns, rows=indicators)
    report.closing = report.closing or "Trên đây là báo cáo./."
    _ = Run  # re-exported for callers building their own runs
    return report
