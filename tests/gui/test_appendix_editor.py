"""The appendix tab: several forms, a general grid with merges and row kinds, figures checked, undo."""

from __future__ import annotations

import pickle
from decimal import Decimal

from cchc_desktop.core.model import NumberStyle, RowKind
from cchc_desktop.gui import dialogs
from cchc_desktop.gui.table_grid import TableGrid
from cchc_desktop.gui.table_ops import new_table

from .helpers import type_text
from .test_window import edit_cell, stored


def test_grid_edits_are_undone_one_by_one(qtbot) -> None:
    grid = TableGrid()
    qtbot.addWidget(grid)
    table = new_table(4, 3, 1)
    grid.set_table(table)
    model = grid.model
    states = [pickle.dumps(table)]

    def step(action) -> None:
        action()
        states.append(pickle.dumps(table))
        assert states[-1] != states[-2]

    step(lambda: model.setData(model.index(0, 0), "Chỉ tiêu"))
    step(lambda: (grid.select(1, 0), grid.insert_row()))
    step(lambda: (grid.select(1, 1), grid.insert_column(1)))
    step(lambda: (grid.select(0, 0), grid.view.selectionModel().select(
        model.index(0, 2), grid.view.selectionModel().SelectionFlag.Select), grid.merge_selection()))
    assert grid.view.columnSpan(0, 0) == 3  # the view shows the merge
    step(lambda: (grid.select(2, 0), grid.set_row_kind(RowKind.CAPTION)))
    assert grid.view.columnSpan(2, 0) == 4
    step(lambda: (grid.select(3, 0), grid.toggle_level()))
    step(lambda: grid.header_spin.setValue(2))
    step(lambda: (grid.select(0, 1), grid.split_current()))
    step(lambda: (grid.select(4, 1), grid.toggle_figures()))
    step(lambda: (grid.select(4, 0), grid.remove_row()))
    assert grid.stack.count() == len(states) - 1
    for expected in reversed(states[:-1]):
        grid.undo_button.click()
        assert pickle.dumps(table) == expected
    assert grid.view.columnSpan(0, 0) == 1
    for expected in states[1:]:
        grid.redo_button.click()
        assert pickle.dumps(table) == expected


def test_letters_in_a_figure_cell_name_the_cell(qtbot) -> None:
    grid = TableGrid()
    qtbot.addWidget(grid)
    table = new_table(3, 2, 1)
    model = grid.model
    grid.set_table(table)
    model.setData(model.index(0, 1), "Số lượng")
    grid.select(1, 1)
    grid.toggle_figures()
    for typed in ("12.604", "18,75", "15%", "-", "02"):
        assert model.setData(model.index(1, 1), typed)
        assert table.rows[1].cells[1].text == typed  # kept as typed
    assert not model.setData(model.index(2, 1), "12 cuộc")
    assert not grid.message.isHidden()
    assert grid.message.text().startswith("Dòng 2, cột Số lượng: ")
    assert table.rows[2].cells[1].text == ""


def test_several_forms_added_edited_reordered_and_reopened(qtbot, open_window, database, monkeypatch) -> None:
    window = open_window()
    tab = window.indicators
    window.tabs.setCurrentWidget(tab)
    assert len(window.report.appendices) == 1 and tab.selector.count() == 1
    first_rows = len(tab.appendix.table.body)

    tab.add_form.click()
    assert len(window.report.appendices) == 2 and tab.selector.currentIndex() == 1
    second = window.report.appendices[1]
    assert second.heading == "Biểu mẫu 2" and tab.heading.text() == "Biểu mẫu 2"
    type_text(tab.title, "KẾT QUẢ THỐNG KÊ")
    tab.orientation.activated.emit(2)  # landscape
    tab.number_style.activated.emit(tab.number_style.findData(NumberStyle.VIETNAMESE))
    model = tab.model
    assert model.table is second.table
    grid = tab.grid
    grid.select(0, 3)
    grid.insert_row()  # a second header row
    grid.header_spin.setValue(2)
    assert second.table.header_rows == 2
    grid.select(1, 0)
    grid.insert_row()
    grid.select(2, 1)
    grid.set_row_kind(RowKind.GROUP)
    grid.insert_row(level=1)
    edit_cell(qtbot, tab.view, model.index(3, 1), "Số hội nghị")
    edit_cell(qtbot, tab.view, model.index(3, 3), "1.250")
    edit_cell(qtbot, tab.view, model.index(3, 3), "nhiều")
    assert tab.message.isVisible() and "Dòng 2" in tab.message.text()

    tab.selector.activated.emit(0)
    assert tab.model.table is window.report.appendices[0].table and tab.heading.text() == "PHỤ LỤC"
    tab.stack.undo()  # the last grid edit was on form 2: undo shows it again
    assert tab.selector.currentIndex() == 1 and tab.model.table is second.table
    tab.stack.redo()

    tab.form_left.click()
    assert window.report.appendices[0] is second
    window.close()
    for report in (stored(database), open_window().report):
        assert [a.heading for a in report.appendices] == ["Biểu mẫu 2", "PHỤ LỤC"]
        form = report.appendices[0]
        assert form.title == "KẾT QUẢ THỐNG KÊ" and form.landscape is True
        assert form.table.number_style == NumberStyle.VIETNAMESE and form.table.header_rows == 2
        assert [r.kind for r in form.table.body][:2] == [RowKind.GROUP, RowKind.DATA]
        assert form.rows[1].indicator == "Số hội nghị" and form.rows[1].value == Decimal(1250)
        assert form.rows[1].level == 1
        assert len(report.appendices[1].table.body) == first_rows

    window = open_window()
    tab = window.indicators
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    tab.remove_form.click()
    assert [a.heading for a in window.report.appendices] == ["PHỤ LỤC"]
    tab.stack.undo()
    assert [a.heading for a in window.report.appendices] == ["Biểu mẫu 2", "PHỤ LỤC"]
    from cchc_desktop.store.reports import load_report

    type_text(tab.title, " NĂM")
    window.save_now(wait=True)
    assert load_report(window.db, window.report.id).appendices[0].title == "KẾT QUẢ THỐNG KÊ NĂM"
    tab.stack.undo()  # typing in a title field is one step, and the undo is saved like an edit
    assert window.report.appendices[0].title == "KẾT QUẢ THỐNG KÊ"
    window.save_now(wait=True)
    assert load_report(window.db, window.report.id).appendices[0].title == "KẾT QUẢ THỐNG KÊ"


def test_a_report_without_appendix_says_so_and_adds_one(open_window) -> None:
    window = open_window()
    tab = window.indicators
    window.report.appendices.clear()
    tab.set_report(window.report)
    assert not tab.grid.isVisibleTo(tab) and tab.empty.isVisibleTo(tab)
    tab.add_form.click()
    assert window.report.appendices[0].heading == "PHỤ LỤC" and tab.grid.isVisibleTo(tab)


def test_a_column_meaning_is_unique_and_brings_its_figure_check(qtbot) -> None:
    grid = TableGrid()
    qtbot.addWidget(grid)
    table = new_table(3, 3, 1)
    grid.set_table(table)
    grid.select(1, 2)
    grid.set_column_key("value")
    assert table.columns[2].key == "value" and table.columns[2].figures
    grid.select(1, 1)
    grid.set_column_key("value")  # moves: one column per meaning
    assert [c.key for c in table.columns] == ["", "value", ""]
    grid.stack.undo()
    assert [c.key for c in table.columns] == ["", "", "value"]
