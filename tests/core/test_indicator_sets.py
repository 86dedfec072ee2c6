"""Indicator sets from XLSX (header found by name, accents optional) and JSON; table to XLSX."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from cchc_desktop.core.indicator_sets import (
    IndicatorSetError, export_xlsx, import_json, load_indicator_set)
from cchc_desktop.core.templates import load_sample


def _sheet(path: Path, rows: list[list]) -> Path:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def test_header_below_a_title_with_accents(tmp_path: Path) -> None:
    path = _sheet(tmp_path / "chi-tieu.xlsx", [
        ["BÁO CÁO TUYÊN TRUYỀN CCHC"], [], ["(Kèm theo Công văn số 190)"],
        ["TT", "Chỉ tiêu", "Đơn vị tính", "Số lượng", "Ghi chú"],
        ["(1)", None, None, None, None],  # numbering row without an indicator: skipped
        [1, "Số lượng văn bản tham mưu", "Văn bản", None, None],
        [None, "Trong đó: kế hoạch", "Văn bản", None, None],
        [2.0, "Tổ chức cuộc thi", "Cuộc thi", 3, "ghi chú"],
        [], [3, "Tin, bài", "Tin, bài", None, None],
    ])
    rows = load_indicator_set(path)
    assert [(r.tt, r.indicator, r.unit, r.level) for r in rows] == [
        ("1", "Số lượng văn bản tham mưu", "Văn bản", 0),
        ("", "Trong đó: kế hoạch", "Văn bản", 1),
        ("2", "Tổ chức cuộc thi", "Cuộc thi", 0),
        ("3", "Tin, bài", "Tin, bài", 0),
    ]
    assert rows[2].value == Decimal("3") and rows[2].note == "ghi chú"


@pytest.mark.parametrize("header", [
    ["STT", "CHỈ TIÊU", "ĐVT"], ["tt", "Chi tieu", "Don vi tinh"], ["Số TT", "Nội dung", "Đơn vị"]])
def test_header_variants(tmp_path: Path, header: list[str]) -> None:
    path = _sheet(tmp_path / "a.xlsx", [header, ["1", "Chỉ tiêu một", "Cuộc"]])
    assert [r.indicator for r in load_indicator_set(path)] == ["Chỉ tiêu một"]


def test_sheet_without_header_is_refused(tmp_path: Path) -> None:
    path = _sheet(tmp_path / "a.xlsx", [["Họ tên", "Tuổi"], ["An", 3]])
    with pytest.raises(IndicatorSetError, match="Chỉ tiêu"):
        load_indicator_set(path)
    garbage = tmp_path / "b.xlsx"
    garbage.write_bytes(b"not a zip")
    with pytest.raises(IndicatorSetError, match="Không đọc được"):
        load_indicator_set(garbage)


def test_json_sets(tmp_path: Path) -> None:
    path = tmp_path / "set.json"
    path.write_text(json.dumps({"rows": [{"tt": "1", "indicator": "Một", "unit": "Cái"},
                                         {"TT": "", "Chỉ tiêu": "Trong đó", "Đơn vị tính": "Cái"}]},
                               ensure_ascii=False), encoding="utf-8")
    rows = import_json(path)
    assert [(r.tt, r.indicator, r.level) for r in rows] == [("1", "Một", 0), ("", "Trong đó", 1)]
    path.write_text('[{"tt": "1"}]', encoding="utf-8")
    with pytest.raises(IndicatorSetError, match="thiếu tên chỉ tiêu"):
        import_json(path)


def test_export_numbers_as_numbers_and_reimport(tmp_path: Path) -> None:
    appendix = load_sample().appendix
    appendix.rows[1].value = Decimal("12.5")
    path = tmp_path / "bang.xlsx"
    export_xlsx(appendix.table, path)
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header == ["TT", "Chỉ tiêu", "Đơn vị tính", "Số lượng", "Ghi chú"]
    values = [row[header.index("Số lượng")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert values[0] == 3 and isinstance(values[0], int)
    assert values[1] == 12.5
    again = load_indicator_set(path)
    assert [r.indicator for r in again] == [r.indicator for r in appendix.rows]
    assert [r.value for r in again][:2] == [Decimal("3"), Decimal("12.5")]
