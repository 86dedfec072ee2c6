"""Every table of a report to Excel, read back with openpyxl."""

from __future__ import annotations

import subprocess
import sys

from openpyxl import load_workbook

from cchc_desktop.core.model import (AppendixTable, Block, BlockRole, Cell, DocumentDate, Organization, Part,
                                     PartTag, Period, PeriodKind, Report, Table, TableColumn, TableRow)
from cchc_desktop.document.xlsx_writer import export_report_xlsx

from .helpers import grouped_table


def _report() -> Report:
    form = grouped_table()
    figures = {"Số hồ sơ tiếp nhận": "12.604", "Trong đó: trực tuyến": "02", "Số hội nghị": "-",
               "Số tin": "1.250,5", "Số bài": "7", "Tỷ lệ hồ sơ trực tuyến": "18,75%"}
    for row in form.rows[1:]:
        if row.cells[1].text in figures:
            row.cells[3] = Cell.plain(figures[row.cells[1].text])
    # a two-row header ("Kết quả thống kê" over "Kỳ trước | Kỳ này") with merged cells, in the text
    header = [TableRow([Cell.plain("TT", rowspan=2), Cell.plain("Nội dung", rowspan=2),
                        Cell.plain("Kết quả thống kê", colspan=2), Cell()]),
              TableRow([Cell(), Cell(), Cell.plain("Kỳ trước"), Cell.plain("Kỳ này")])]
    columns = [TableColumn("tt"), TableColumn("indicator"), TableColumn("previous", figures=True),
               TableColumn("value", figures=True)]
    body = [TableRow([Cell.plain("1"), Cell.plain("Hồ sơ"), Cell.plain("1.000"), Cell.plain("1.200")])]
    in_text = Table(columns, header + body, header_rows=2)
    part = Part(PartTag.RESULTS, [Block.plain(BlockRole.HEADING1, "I. KẾT QUẢ"),
                                  Block(BlockRole.TABLE, [], in_text)])
    return Report(Organization(), Period(PeriodKind.QUARTER, 2026, 3), DocumentDate(2026), parts=[part],
                  appendices=[AppendixTable(heading="Biểu mẫu 1", title="SỐ LIỆU CCHC QUÝ III NĂM 2026",
                                            reference="(Kèm theo Báo cáo số …)", table=form)])


def test_every_table_one_sheet_numbers_as_numbers(tmp_path) -> None:
    path = tmp_path / "bang.xlsx"
    assert export_report_xlsx(_report(), path) == 2
    book = load_workbook(path)
    assert book.sheetnames == ["Biểu mẫu 1", "Bảng 1"]
    form = book["Biểu mẫu 1"]
    assert [form.cell(row=r, column=1).value for r in (1, 2, 3)] == [
        "Biểu mẫu 1", "SỐ LIỆU CCHC QUÝ III NĂM 2026", "(Kèm theo Báo cáo số …)"]
    rows = {row[1].value: row for row in form.iter_rows(min_row=6)}
    received = rows["Số hồ sơ tiếp nhận"][3]
    assert received.value == 12604 and received.number_format == "[$-42A]#,##0"
    assert rows["Trong đó: trực tuyến"][3].value == 2 and rows["Trong đó: trực tuyến"][3].number_format == "00"
    assert rows["Số tin"][3].value == 1250.5 and rows["Số tin"][3].number_format.endswith("#,##0.0")
    rate = rows["Tỷ lệ hồ sơ trực tuyến"][3]
    assert abs(rate.value - 0.1875) < 1e-12 and rate.number_format == "[$-42A]0.00%"
    assert rows["Số hội nghị"][3].value == "-"
    caption = form.cell(row=6, column=1)
    assert caption.value == "A. CHỈ TIÊU CHUNG" and caption.font.b  # caption rows bold, spanning the table
    assert "A6:E6" in {str(r) for r in form.merged_cells.ranges}
    assert form.freeze_panes == "A6" and form.print_title_rows == "$5:$5"
    assert int(form.page_setup.paperSize) == 9 and form.page_setup.fitToWidth == 1  # 9 = A4
    assert form.sheet_properties.pageSetUpPr.fitToPage

    text = book["Bảng 1"]
    merged = {str(r) for r in text.merged_cells.ranges}
    assert {"A3:A4", "B3:B4", "C3:D3"} <= merged
    assert text.print_title_rows == "$3:$4" and text.freeze_panes == "A5"
    assert [c.value for c in text[5]] == [1, "Hồ sơ", 1000, 1200] or [c.value for c in text[5]] == ["1", "Hồ sơ", 1000, 1200]


def test_cli_export_xlsx_and_consolidate(tmp_path) -> None:
    db = tmp_path / "cchc.sqlite"

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "cchc_desktop", "--db", str(db), *args],
                              capture_output=True, text=True, timeout=120)

    done = cli("export", "1", "--xlsx", str(tmp_path / "mau.xlsx"))
    assert done.returncode == 0, done.stderr
    assert "Đã xuất" in done.stdout and (tmp_path / "mau.xlsx").exists()
    # the sample's own form, filled by two "units", consolidated back into the sample
    from cchc_desktop.core.templates import load_sample

    for unit, value in (("Thôn A", "3"), ("Thôn B", "4")):
        report = load_sample()
        for row in report.appendix.rows:
            row.set_text("value", value)
        export_report_xlsx(report, tmp_path / f"{unit}.xlsx")
    done = cli("consolidate", "1", str(tmp_path / "Thôn A.xlsx"), str(tmp_path / "Thôn B.xlsx"), "--breakdown")
    assert done.returncode == 0, done.stderr
    assert "Đã tổng hợp 10 số liệu từ 2 đơn vị" in done.stdout
    shown = cli("show", "1").stdout
    assert "Số lượng văn bản tham mưu, chỉ đạo, điều hành về công tác tuyên truyền CCHC: 7 Văn bản" in shown
    assert "BIỂU TỔNG HỢP THEO ĐƠN VỊ" in shown
    bad = cli("consolidate", "1", str(tmp_path / "không-có.xlsx"))
    assert bad.returncode == 1 and "báo cáo không thay đổi" in bad.stderr and "Traceback" not in bad.stderr
