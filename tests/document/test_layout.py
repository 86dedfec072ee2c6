"""The layout: one description of the page; the writers never see the Report."""

from __future__ import annotations

import ast
import copy
import inspect
from decimal import Decimal

from cchc_desktop.core.indicators import insert_column, new_row
from cchc_desktop.document import docx_writer, layout, pdf_flowables, pdf_writer
from cchc_desktop.document.layout import (GridTable, HeaderTable, KeepTogether, Para, SectionBreak,
                                          SignatureTable, make_document)

from .helpers import sample_report


def test_block_order_of_the_sample():
    blocks = make_document(sample_report()).blocks
    kinds = [type(b).__name__ if not isinstance(b, Para) else b.role for b in blocks]
    assert kinds[:6] == ["HeaderTable", "doc_name", "subject", "Rule", "addressee", "paragraph"]
    assert kinds[-7:] == ["KeepTogether", "SectionBreak", "appendix_heading", "appendix_title",
                          "appendix_reference", "Rule", "GridTable"]
    keep = blocks[kinds.index("KeepTogether")]
    assert isinstance(keep, KeepTogether) and keep.blocks[0].text.startswith("Trên đây")
    assert isinstance(keep.blocks[1], SignatureTable)
    assert blocks[kinds.index("addressee")].text == "Kính gửi: Phòng Văn hóa thông tin huyện Nghi Xuân"


def test_header_table_content():
    header = make_document(sample_report()).blocks[0]
    assert isinstance(header, HeaderTable) and header.widths_mm == (65.0, 100.0)
    (left, right), (number, dated) = header.rows
    assert [p.text for p in left if isinstance(p, Para)] == ["ỦY BAN NHÂN DÂN", "XÃ CƯƠNG GIÁN"]
    assert [p.text for p in right if isinstance(p, Para)] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                              "Độc lập - Tự do - Hạnh phúc"]
    motto_rule = right[-1]
    assert 55 < motto_rule.width_mm < 62  # as long as the motto line (about 60 mm at 14 pt)
    assert number[0].text == "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND"
    assert dated[0].text.startswith("Cương Gián, ngày ")


def test_heading_capitals_by_default_as_typed_on_request():
    report = sample_report()
    default = [b.text for b in make_document(report).blocks if isinstance(b, Para) and b.role == "heading1"]
    typed = [b.text for b in make_document(report, heading1_capitals=False).blocks
             if isinstance(b, Para) and b.role == "heading1"]
    assert default[1] == "II. NHỮNG THUẬN LỢI, KHÓ KHĂN"
    assert typed[1] == "II. Những thuận lợi, khó khăn"


def test_recipients_and_signature():
    keep = next(b for b in make_document(sample_report()).blocks if isinstance(b, KeepTogether))
    sig = keep.blocks[-1]
    assert [p.text for p in sig.left] == ["Nơi nhận:", "- Như trên;", "- TT Đảng ủy, TT HĐND xã;",
                                          "- Chủ tịch UBND, các PCT UBND xã;", "- Lưu: VP, VH."]
    assert [p.text for p in sig.right] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Sáu"]


def test_appendix_portrait_when_it_fits_landscape_when_not():
    report = sample_report()
    assert not next(b for b in make_document(report).blocks if isinstance(b, SectionBreak)).landscape
    wide = copy.deepcopy(report)
    table = wide.appendix.table
    insert_column(table, 3, "previous", "Kỳ trước")
    table.rows.append(new_row(table, tt="10", indicator="Mới", unit="Cuộc", value="1.250", previous="12,5"))
    blocks = make_document(wide).blocks
    assert next(b for b in blocks if isinstance(b, SectionBreak)).landscape
    table = blocks[-1]
    assert isinstance(table, GridTable) and abs(sum(table.widths_mm) - 252) < 0.1
    texts = [[c.paras[0].text for c in row.cells] for row in table.rows]
    assert texts[-1] == ["10", "Mới", "Cuộc", "12,5", "1.250", ""]
    sub = next(row for row, text in zip(table.rows, texts) if text[0] == "")
    assert sub.cells[1].paras[0].style.left_indent_mm == 5.0


def _imported_names(module) -> set[str]:
    tree = ast.parse(inspect.getsource(module))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
    return names


def test_writers_never_look_at_the_report():
    for module in (docx_writer, pdf_writer, pdf_flowables):
        assert not [n for n in _imported_names(module) if "model" in n or "core" in n], module.__name__


# ---------------------------------------------------------------- tables, forms, footnotes (issue 13)

from cchc_desktop.core.model import (Align, AppendixTable, Block, BlockRole, Cell, NumberStyle, Run, RowKind,  # noqa: E402
                                     Table, TableColumn, TableRow, table_column)
from cchc_desktop.document.layout import number_notes  # noqa: E402
from cchc_desktop.document.table_layout import MIN_COLUMN_MM, column_widths, grid_table  # noqa: E402


def _texts(grid):
    return [[(c.paras[0].text if c.paras else None) for c in row.cells] for row in grid.rows]


def _table(rows, header_rows=1, keys=("", "", ""), style=NumberStyle.AS_TYPED):
    columns = [table_column(k) if k else TableColumn() for k in keys]
    return Table(columns, [TableRow([Cell.plain(t) for t in r]) for r in rows], header_rows, style)


def test_table_block_in_the_text_becomes_a_grid_in_place():
    report = sample_report()
    table = _table([["A", "B", "C"], ["1", "2", "3"]])
    report.parts[0].blocks.insert(2, Block(BlockRole.TABLE, [], table))
    blocks = make_document(report).blocks
    at = next(i for i, b in enumerate(blocks) if isinstance(b, GridTable) and b.header_rows == 1
              and _texts(b)[0] == ["A", "B", "C"])
    assert isinstance(blocks[at - 1], Para) and blocks[at - 1].role == "heading2"
    assert abs(sum(blocks[at].widths_mm) - 165) < 0.05


def test_merged_areas_clamped_to_their_band_overlaps_dropped_hidden_text_kept():
    table = _table([["TT", "Nội dung", "Ghi chú"], ["1", "a", "b"], ["2", "c", "d"]])
    table.rows[0].cells[0].rowspan = 3  # from the header into the body: stops at the header
    table.rows[1].cells[1].colspan = 2  # over "b", which is kept in the merged cell
    table.rows[1].cells[2].rowspan = 2  # overlaps the area above: dropped
    grid = grid_table(table, [20, 100, 45])
    assert grid.rows[0].cells[0].rowspan == 1
    assert grid.rows[1].cells[1].colspan == 2 and grid.rows[1].cells[2].covered
    assert grid.rows[1].cells[1].paras[0].text == "a b"
    assert not grid.rows[2].cells[2].covered and grid.rows[2].cells[2].paras[0].text == "d"


def test_caption_row_spans_after_its_tt_group_row_bold_subrow_indented():
    table = _table([["TT", "Chỉ tiêu", "Số lượng"], ["A", "CHỈ TIÊU CHUNG", ""], ["1", "Nhóm", ""],
                    ["", "Con", "5"]], keys=("tt", "indicator", "value"))
    table.rows[1].kind, table.rows[2].kind, table.rows[3].level = RowKind.CAPTION, RowKind.GROUP, 1
    grid = grid_table(table, [15, 120, 30])
    caption = grid.rows[1].cells
    assert caption[1].colspan == 2 and caption[2].covered and caption[1].paras[0].runs[0].bold
    assert all(r.bold for c in grid.rows[2].cells for r in c.paras[0].runs)
    assert grid.rows[3].cells[1].paras[0].style.left_indent_mm == 5.0
    assert grid.rows[0].cells[0].paras[0].role == "cell_header"


def test_figures_in_the_tables_style_and_change_computed():
    table = Table([table_column(k) for k in ("indicator", "previous", "value", "change")],
                  [TableRow([Cell.plain(t) for t in ("Chỉ tiêu", "Kỳ trước", "Kỳ này", "Tăng, giảm")]),
                   TableRow([Cell.plain(t) for t in ("Hồ sơ", "1250", "02", "")])], 1, NumberStyle.VIETNAMESE)
    assert _texts(grid_table(table, [60, 35, 35, 35]))[1] == ["Hồ sơ", "1.250", "02", "-1.248"]
    table.number_style = NumberStyle.AS_TYPED
    assert _texts(grid_table(table, [60, 35, 35, 35]))[1][1] == "1250"


def test_column_widths_kept_measured_and_floored():
    table = _table([["Đơn vị", "Tổng", "x"], ["Thị trấn Hòa Khánh", "4.312", "1"]])
    table.columns[2].width_mm = 3.0  # narrower than the cell padding
    landscape, widths = column_widths(table, 165.0)
    assert not landscape and abs(sum(widths) - 165) < 0.05
    assert widths[2] >= MIN_COLUMN_MM - 0.01
    assert widths[0] > widths[1]  # the longer text gets the room
    keyed = Table([table_column(k) for k in ("tt", "indicator", "unit", "value", "note")], [], 0)
    assert column_widths(keyed) == (False, [12.0, 70.0, 27.0, 22.0, 34.0])  # the version-1 widths


def test_explicit_orientation_wins_and_the_columns_fill_it():
    report = sample_report()
    report.appendices[0].landscape = True
    blocks = make_document(report).blocks
    assert next(b for b in blocks if isinstance(b, SectionBreak)).landscape
    assert abs(sum(blocks[-1].widths_mm) - 252) < 0.05


def test_several_forms_each_on_a_page_of_its_own_with_its_title_block():
    report = sample_report()
    second = AppendixTable("Biểu mẫu 2", "Tên biểu", "(Kèm theo …)", _table([["A", "B"], ["1", "2"]], keys=("", "")))
    report.appendices.append(second)
    blocks = make_document(report).blocks
    breaks = [i for i, b in enumerate(blocks) if isinstance(b, SectionBreak)]
    assert len(breaks) == 2
    after = blocks[breaks[1] + 1:]
    assert [b.text for b in after[:3]] == ["Biểu mẫu 2", "TÊN BIỂU", "(Kèm theo …)"]


def test_footnotes_numbered_in_document_order_with_a_leading_spacer():
    report = sample_report()
    blocks = report.parts[0].blocks
    blocks[3].runs[0].footnote = [Run("second")]
    blocks[2].runs[0].footnote = [Run("first", italic=True)]
    table = _table([["A", "B", "C"], ["1", "2", "3"]])
    table.rows[1].cells[2].runs[0].footnote = [Run("in a cell")]
    blocks.insert(4, Block(BlockRole.TABLE, [], table))
    document = make_document(report)
    assert isinstance(document.blocks[0], Para) and document.blocks[0].role == "spacer"
    notes = number_notes(document.blocks)
    assert [n.number for n in notes] == [1, 2, 3]
    assert [n.para.text for n in notes] == ["first", "second", "in a cell"]
    assert notes[0].para.runs[0].italic and notes[0].para.role == "footnote"
    assert not any(isinstance(b, Para) and b.role == "spacer" for b in make_document(sample_report()).blocks)
