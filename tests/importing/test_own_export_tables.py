"""Cases the round-trip property found once the writers printed merged cells and header rows:
each exported, imported and exported again, the document read back the same both times."""

from __future__ import annotations

import copy

from cchc_desktop.core.model import AppendixTable, Cell, Run, Table, TableColumn, TableRow
from cchc_desktop.core.templates import load_sample
from cchc_desktop.importing import import_docx
from tests.importing.roundtrip import document_view, round_trip


def _report_with_form(table: Table):
    report = copy.deepcopy(load_sample())
    report.appendices = [AppendixTable("PHỤ LỤC", "BIỂU MẪU", "", table)]
    return report


def _cells(*texts: str) -> list[Cell]:
    return [Cell([Run(t)] if t else []) for t in texts]


def test_a_form_without_header_rows_keeps_an_area_merged_down_from_its_first_row(tmp_path):
    # no header rows: the first row's area reaches down the body (a header row would clip it)
    rows = [TableRow(_cells("", "Õ", "", "")), TableRow(_cells("a", "", "", "b")),
            TableRow(_cells("c", "", "", "d"))]
    rows[0].cells[1].rowspan, rows[0].cells[1].colspan = 3, 2
    table = Table([TableColumn() for _ in range(4)], rows, header_rows=0)
    first, second = round_trip(_report_with_form(table), tmp_path)
    assert first == second
    form = [item for item in first if item[0] == "table"][-1][2]
    assert form[0][1] == (2, "restart", "Õ") and form[2][1] == (2, "continue", "")
    again = import_docx(tmp_path / "first.docx").report.appendices[0].table
    assert again.header_rows == 0 and again.rows[0].cells[1].rowspan == 3


def test_a_form_keeps_its_header_rows(tmp_path):
    rows = [TableRow(_cells("Chỉ tiêu", "Số liệu")), TableRow(_cells("", "(1)")), TableRow(_cells("x", "1"))]
    table = Table([TableColumn(), TableColumn()], rows, header_rows=2)
    first, second = round_trip(_report_with_form(table), tmp_path)
    assert first == second
    assert import_docx(tmp_path / "first.docx").report.appendices[0].table.header_rows == 2


def test_a_cell_of_a_character_python_strips_as_space_comes_back(tmp_path):
    rows = [TableRow(_cells("Chỉ tiêu", "Số liệu")), TableRow(_cells("\x85", "x"))]
    table = Table([TableColumn(), TableColumn()], rows, header_rows=1)
    first, second = round_trip(_report_with_form(table), tmp_path)
    assert first == second
    assert [item for item in first if item[0] == "table"][-1][2][1][0] == (1, None, "\x85")


def test_an_addressee_of_control_characters_prints_the_same_twice(tmp_path):
    report = copy.deepcopy(load_sample())
    report.elements.addressees = True
    for names in (["\x18"], ["Ủy ban nhân dân huyện\x18", "Phòng Nội vụ"]):
        report.addressees = names
        first, second = round_trip(report, tmp_path)
        assert first == second
        printed = [item for item in first if item[0] in ("CCHCAddressee", "CCHCAddresseeItem")]
        assert printed == ([] if names == ["\x18"] else
                           [("CCHCAddressee", "center", ["Kính gửi:"]),
                            ("CCHCAddresseeItem", "left", ["- Ủy ban nhân dân huyện;"]),
                            ("CCHCAddresseeItem", "left", ["- Phòng Nội vụ."])])
    assert document_view(tmp_path / "second.docx") == second
