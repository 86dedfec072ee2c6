"""Table grid edits keep merged areas whole: any sequence of edits leaves a valid grid."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.core.model import RowKind, Run, Table
from cchc_desktop.gui import table_ops
from cchc_desktop.gui.table_ops import TableOpError
from tests.strategies import tables


def assert_valid(table: Table) -> None:
    width, height = len(table.columns), len(table.rows)
    assert 0 <= table.header_rows <= height
    seen: set[tuple[int, int]] = set()
    for row in table.rows:
        assert len(row.cells) == width
    for r, c, rs, cs in table_ops.areas(table):
        assert r + rs <= height and c + cs <= width, (r, c, rs, cs)
        area = {(r + i, c + j) for i in range(rs) for j in range(cs)}
        assert not area & seen, "merged areas overlap"
        seen |= area


OPS = st.lists(st.tuples(st.sampled_from(["row+", "row-", "col+", "col-", "merge", "split", "kind", "header"]),
                         st.integers(0, 8), st.integers(0, 8), st.integers(0, 8), st.integers(0, 8)), max_size=8)


@settings(max_examples=150, deadline=None)
@given(tables(max_columns=5, max_rows=5), OPS)
def test_any_edit_sequence_keeps_a_valid_grid(table: Table, ops) -> None:
    for name, a, b, c, d in ops:
        rows, columns = len(table.rows), len(table.columns)
        try:
            if name == "row+":
                table_ops.insert_row(table, a % (rows + 1))
            elif name == "row-" and rows:
                table_ops.remove_row(table, a % rows)
            elif name == "col+":
                table_ops.insert_column(table, a % (columns + 1), "Cột")
            elif name == "col-" and columns:
                table_ops.remove_column(table, a % columns)
            elif name == "merge" and rows and columns:
                table_ops.merge(table, a % rows, b % columns, c % rows, d % columns)
            elif name == "split" and rows and columns:
                table_ops.split(table, a % rows, b % columns)
            elif name == "kind" and rows > table.header_rows:
                at = table.header_rows + a % (rows - table.header_rows)
                table_ops.set_row_kind(table, at, list(RowKind)[b % 3])
            elif name == "header":
                table_ops.set_header_rows(table, a)
        except TableOpError:
            pass
        assert_valid(table)


def test_merge_joins_texts_and_split_restores_cells() -> None:
    table = table_ops.new_table(3, 3, 1)
    table.rows[0].cells[1].runs = [Run("Kết quả")]
    table.rows[0].cells[2].runs = [Run("thống kê")]
    table_ops.merge(table, 0, 1, 0, 2)
    assert table.rows[0].cells[1].text == "Kết quả thống kê" and table.rows[0].cells[1].colspan == 2
    assert table.covered() == {(0, 2)} and table.rows[0].cells[2].text == ""
    with pytest.raises(TableOpError, match="cắt ngang"):
        table_ops.merge(table, 0, 0, 0, 1)  # half of the merged area
    with pytest.raises(TableOpError, match="tiêu đề"):
        table_ops.merge(table, 0, 0, 1, 0)  # header with body
    assert table_ops.split(table, 0, 2)  # a covered cell splits its area
    assert not table.covered()


def test_rows_and_columns_grow_and_shrink_merged_areas() -> None:
    table = table_ops.new_table(4, 4, 1)
    table.rows[1].cells[0].runs = [Run("Nhóm")]
    table_ops.merge(table, 1, 0, 3, 0)  # three rows down
    table_ops.insert_row(table, 2)
    assert table.rows[1].cells[0].rowspan == 4
    table_ops.remove_row(table, 1)  # the anchor's row: the area lives on below, with its text
    assert table.rows[1].cells[0].rowspan == 3 and table.rows[1].cells[0].text == "Nhóm"
    with pytest.raises(TableOpError):
        table_ops.move_row(table, 2, 1)
    table_ops.merge(table, 0, 1, 0, 3)
    table_ops.insert_column(table, 2)
    assert table.rows[0].cells[1].colspan == 4
    table_ops.remove_column(table, 1)
    assert table.rows[0].cells[1].colspan == 3


def test_a_caption_row_spans_the_table() -> None:
    table = table_ops.new_table(3, 3, 1)
    table.rows[1].cells[0].runs = [Run("A.")]
    table.rows[1].cells[1].runs = [Run("CHỈ TIÊU CHUNG")]
    table_ops.set_row_kind(table, 1, RowKind.CAPTION)
    assert table.rows[1].cells[0].text == "A. CHỈ TIÊU CHUNG" and table.rows[1].cells[0].colspan == 3
    table_ops.set_row_kind(table, 1, RowKind.DATA)
    assert table.rows[1].cells[0].colspan == 1
