"""The checks say, before printing, what will not print as typed (issue 24, item 4): a cell taller
than a page (split across pages) and a picture larger than the page (scaled down), as the lowest
severity, never an error; the sample and ordinary reports get no such note."""

from __future__ import annotations

import copy

from cchc_desktop.core.checks import Severity, field_text, run_checks
from cchc_desktop.core.model import Block, BlockRole, Picture

from .helpers import sample_report
from .test_tall_blocks import appendix_form


def _fit(report):
    return [f for f in run_checks(report) if f.rule_id == "fit.page"]


def test_a_cell_taller_than_the_page_is_noted(tmp_path):
    report = copy.deepcopy(sample_report())
    text = "Ghi chú dài về tình hình thực hiện của từng đơn vị trong kỳ báo cáo. " * 40
    report.appendices.append(appendix_form(text.strip()))
    found = _fit(report)
    assert len(found) == 1
    note = found[0]
    assert note.severity == Severity.STYLE  # the lowest: the export splits the cell itself
    assert field_text(report, note.location.field) == text.strip()
    assert "chia sang trang sau" in note.message and "Biểu mẫu 2" in note.message


def test_a_long_cell_that_fits_is_not_noted():
    report = copy.deepcopy(sample_report())
    report.appendices.append(appendix_form("Ghi chú ngắn gọn về đơn vị. " * 8))
    assert _fit(report) == []
    assert _fit(sample_report()) == []


def test_a_picture_larger_than_the_page_is_noted():
    report = copy.deepcopy(sample_report())
    report.sections[0].blocks.append(Block(BlockRole.PICTURE, picture=Picture(b"", "png", 240.0, 120.0)))
    report.sections[0].blocks.append(Block(BlockRole.PICTURE, picture=Picture(b"", "png", 120.0, 80.0)))
    found = _fit(report)
    assert [f.location.field for f in found] == [f"sections[0].blocks[{len(report.sections[0].blocks) - 2}]"]
    assert "thu nhỏ" in found[0].message and found[0].severity == Severity.STYLE
