"""What this period's report carries from last period's (core/next_report): the forms as the
superior office gave them (no column added unless asked, merged headers intact), last period's
figures in the form's own "Kỳ trước" column, and the forms' reference line moved to the new period
with its blanks kept."""

from __future__ import annotations

from cchc_desktop.core.indicators import table_column
from cchc_desktop.core.model import Cell, Period, PeriodKind, Table, TableRow
from cchc_desktop.core.next_report import apply_plan, plan_next_report
from cchc_desktop.core.templates import load_sample

HALF2 = Period(PeriodKind.HALF2, 2024)


def _form_with_previous() -> Table:
    """TT | Chỉ tiêu | Kết quả (merged over Kỳ trước, Kỳ này) — two header rows."""
    columns = [table_column("tt"), table_column("indicator"), table_column("previous"), table_column("value")]
    header = [TableRow([Cell.plain("TT", rowspan=2), Cell.plain("Chỉ tiêu", rowspan=2),
                        Cell.plain("Kết quả", colspan=2), Cell.plain("")]),
              TableRow([Cell.plain(""), Cell.plain(""), Cell.plain("Kỳ trước"), Cell.plain("Kỳ này")])]
    body = [TableRow([Cell.plain("1"), Cell.plain("Số hội nghị"), Cell.plain("2"), Cell.plain("5")]),
            TableRow([Cell.plain("2"), Cell.plain("Số tin bài"), Cell.plain("10"), Cell.plain("12")])]
    return Table(columns, header + body, header_rows=2)


def _spans(table: Table) -> list[list[tuple[str, int, int]]]:
    return [[(c.text, c.rowspan, c.colspan) for c in row.cells] for row in table.header]


def test_no_column_is_added_unless_asked() -> None:
    sample = load_sample()
    keys = [c.key for c in sample.appendix.table.columns]
    new = apply_plan(sample, plan_next_report(sample, HALF2))
    assert [c.key for c in new.appendix.table.columns] == keys  # the form as it was given
    from cchc_desktop.core.indicators import indicator_rows

    rows = indicator_rows(new.appendix.table)
    assert rows and all(row.text("value") == "" for row in rows)  # this period: empty, for the clerk
    asked = apply_plan(sample, plan_next_report(sample, HALF2, previous_columns=True))
    assert "previous" in [c.key for c in asked.appendix.table.columns]


def test_a_forms_own_previous_column_takes_last_periods_figures_and_keeps_its_header() -> None:
    from cchc_desktop.core.indicators import indicator_rows

    sample = load_sample()
    sample.appendices[0].table = _form_with_previous()
    before = _spans(sample.appendices[0].table)
    for asked in (False, True):
        new = apply_plan(sample, plan_next_report(sample, HALF2, previous_columns=asked))
        table = new.appendices[0].table
        assert _spans(table) == before  # merged "Kết quả" over both columns, the form's own labels
        rows = indicator_rows(table)
        assert [(r.text("previous"), r.text("value")) for r in rows] == [("5", ""), ("12", "")]


def test_asked_columns_grow_a_merged_header_instead_of_breaking_it() -> None:
    sample = load_sample()
    table = _form_with_previous()
    del table.columns[2]
    for row in table.rows:
        del row.cells[2]
    table.rows[0].cells[2] = Cell.plain("Kết quả")  # over the value column alone
    sample.appendices[0].table = table
    new = apply_plan(sample, plan_next_report(sample, HALF2, previous_columns=True))
    header = _spans(new.appendices[0].table)
    assert header[0][2] == ("Kết quả", 1, 3)  # grown over "Kỳ trước", value and "Tăng/giảm"
    assert [text for text, _r, _c in header[1]] == ["", "", "Kỳ trước (6 tháng đầu năm 2024)", "Kỳ này", "Tăng/giảm"]


def test_the_forms_reference_line_moves_with_the_period_keeping_its_blanks() -> None:
    sample = load_sample()
    blank = "(Kèm theo Báo cáo số      /BC-UBND ngày      tháng 6 năm 2024 của UBND xã Cương Gián)"
    sample.appendices[0].reference = blank
    plan = plan_next_report(sample, HALF2)
    new = apply_plan(sample, plan)
    assert new.appendices[0].reference == blank.replace("tháng 6 năm 2024", "tháng 12 năm 2024")
    assert any(r.location.endswith("reference") for r in plan.rewrites)  # listed with the changes
    sample.appendices[0].reference = "(Kèm theo Báo cáo số 125/BC-UBND ngày 28 tháng 12 năm 2024 của UBND xã)"
    year = apply_plan(sample, plan_next_report(sample, Period(PeriodKind.YEAR, 2024)))  # six months on
    text = year.appendices[0].reference
    assert "125" not in text and "28" not in text and "tháng 6 năm 2025" in text  # filled → blanks
    assert "/BC-UBND ngày" in text and "số       " in text
    # a directive the report answers ("Công văn số …") is not this report: left alone
    sample.appendices[0].reference = "(Kèm theo Công văn số 190/VHTT ngày 06 tháng 5 năm 2024 của Phòng VHTT)"
    other = apply_plan(sample, plan_next_report(sample, HALF2))
    assert other.appendices[0].reference == sample.appendices[0].reference


def test_each_empty_figure_of_this_period_is_marked_in_the_form_editor(qapp) -> None:
    from PySide6.QtCore import Qt

    from cchc_desktop.gui.table_grid_model import EMPTY_FIGURE_BACKGROUND, TableGridModel

    sample = load_sample()
    sample.appendices[0].table = _form_with_previous()
    new = apply_plan(sample, plan_next_report(sample, HALF2))
    model = TableGridModel(new.appendices[0].table)
    value, previous = 3, 2
    for row in (2, 3):
        assert model.data(model.index(row, value), Qt.ItemDataRole.BackgroundRole).color() == EMPTY_FIGURE_BACKGROUND
        assert "Chưa có số liệu kỳ này" in model.data(model.index(row, value), Qt.ItemDataRole.ToolTipRole)
        assert model.data(model.index(row, previous), Qt.ItemDataRole.BackgroundRole) is None
