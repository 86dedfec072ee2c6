"""Consolidation of the units' Excel files into the commune's form."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from cchc_desktop.core.consolidate import apply_result, breakdown_table, consolidate
from cchc_desktop.core.figures import figure_value
from cchc_desktop.core.history import identities
from cchc_desktop.core.model import AppendixTable, DocumentDate, Organization, Period, PeriodKind, Report
from cchc_desktop.document.xlsx_writer import export_report_xlsx

from .helpers import grouped_table

NAMES = {"received": "Số hồ sơ tiếp nhận", "online": "Trong đó: trực tuyến", "meetings": "Số hội nghị",
         "news": "Số tin", "articles": "Số bài", "online-rate": "Tỷ lệ hồ sơ trực tuyến"}
ORDER = ["received", "online", "meetings", "news", "articles", "online-rate"]


def _figures(unit: int) -> dict[str, object]:
    received = 10 * unit + 10
    return {"received": received, "online": received // 2, "meetings": unit % 3, "news": 1000 + unit,
            "articles": unit, "online-rate": 50}


def _own_sheet(path: Path, values: dict[str, object], *, header_row: int = 1, merged: bool = False,
               skip: str = "") -> None:
    """A unit's own sheet: "STT | Nội dung | ĐVT | Kết quả", optionally lower down or merged."""
    book = Workbook()
    sheet = book.active
    for i in range(1, header_row):
        sheet.cell(row=i, column=1, value=f"Dòng tiêu đề {i} của thôn")
    if merged:
        sheet.cell(row=header_row, column=1, value="BÁO CÁO SỐ LIỆU")
        sheet.merge_cells(start_row=header_row, start_column=1, end_row=header_row, end_column=4)
        header_row += 1
    sheet.append([]) if False else None
    for col, name in enumerate(["STT", "Nội dung", "ĐVT", "Kết quả"], start=1):
        sheet.cell(row=header_row, column=col, value=name)
    row = header_row + 1
    for key in ORDER:
        if key == skip:
            continue
        sheet.cell(row=row, column=2, value=NAMES[key])
        sheet.cell(row=row, column=4, value=values[key])
        row += 1
    book.save(path)


def _report() -> Report:
    return Report(Organization(), Period(PeriodKind.QUARTER, 2026, 3), DocumentDate(2026),
                  appendices=[AppendixTable(heading="Biểu mẫu 1", title="SỐ LIỆU CCHC", table=grouped_table())])


def _unit_files(folder: Path) -> tuple[list[Path], dict[int, dict[str, object]]]:
    files, given = [], {}
    for unit in range(1, 13):
        path = folder / f"Thôn {unit:02d}.xlsx"
        values = _figures(unit)
        if unit == 3:
            _own_sheet(path, values, skip="meetings")  # missing a row
        elif unit == 4:
            values["news"] = "mười hai"  # letters in a figure
            _own_sheet(path, values)
        elif unit == 5:
            _own_sheet(path, values, header_row=4)  # the header on row 4
        elif unit == 6:
            _own_sheet(path, values, merged=True)  # a merged title row above the header
        elif unit == 7:  # the form exactly as we export it
            report = _report()
            for key, row in identities(report.appendices[0].table):
                row.set_text("value", str(values[key[4:]]))
            export_report_xlsx(report, path)
        else:
            _own_sheet(path, values)
        files.append(path)
        given[unit] = values
    return files, given


def test_twelve_units_sum_with_the_expected_problems(tmp_path) -> None:
    files, given = _unit_files(tmp_path)
    report = _report()
    before = copy.deepcopy(report)
    result = consolidate(report.appendices[0].table, files, expected_units=[f"Thôn {u:02d}" for u in range(1, 14)])
    assert report == before  # reading changes nothing: cancelling leaves the report as it was

    def total(key: str, skip: tuple[int, ...] = ()) -> Decimal:
        return sum(Decimal(given[u][key]) for u in given if u not in skip)

    table = report.appendices[0].table
    apply_result(result, table)
    got = {key[4:]: figure_value(row.text("value")) for key, row in identities(table)}
    assert got["received"] == total("received")
    assert got["online"] == total("online")
    assert got["meetings"] == total("meetings", skip=(3,))
    assert got["news"] == total("news", skip=(4,))
    assert got["articles"] == total("articles")
    # a rate is recomputed from its parts, never summed (12 × 50% would be 600%)
    assert got["online-rate"] == (total("online") * 100 / total("received")).quantize(Decimal("0.01")).normalize()
    messages = [p.message for p in result.problems]
    assert any("Thôn 03" in m and "thiếu dòng “Số hội nghị”" in m for m in messages)
    assert any("Thôn 04" in m and "“mười hai” không phải là số liệu" in m for m in messages)
    assert any("Chưa có số liệu của Thôn 13" in m for m in messages)
    assert len(messages) == 3, messages


def test_breakdown_table_has_a_column_per_unit_and_the_total(tmp_path) -> None:
    files, given = _unit_files(tmp_path)
    result = consolidate(_report().appendices[0].table, files[:3])
    breakdown = breakdown_table(result).table
    header = [cell.text for cell in breakdown.rows[0].cells]
    assert header == ["TT", "Chỉ tiêu", "Đơn vị tính", "Thôn 01", "Thôn 02", "Thôn 03", "Tổng cộng"]
    received = next(row for row in breakdown.rows if row.cells[1].text == "Số hồ sơ tiếp nhận")
    assert [c.text for c in received.cells[3:]] == ["20", "30", "40", "90"]


def test_an_unreadable_file_is_a_problem_not_a_crash(tmp_path) -> None:
    bad = tmp_path / "Thôn hỏng.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    result = consolidate(_report().appendices[0].table, [bad, tmp_path / "không có.xlsx"])
    assert not result.units and len(result.problems) == 2
    assert "Không đọc được bảng tính “Thôn hỏng.xlsx”" in result.problems[0].message
