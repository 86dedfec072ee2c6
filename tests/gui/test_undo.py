"""Undo as in Word: one stack per report for tables and lists, typing undone by runs."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cchc_desktop.core.indicators import insert_column
from cchc_desktop.gui import dialogs
from cchc_desktop.store.reports import load_report

from .helpers import focus, new_paragraph, press, type_text






def _indicators(window) -> list[str]:
    return [r.indicator for r in window.report.appendix.rows]


def test_deleting_an_appendix_row_is_undone_not_confirmed(qtbot, open_window, monkeypatch) -> None:
    """The grid's row deletion is not confirmed: the window's Ctrl+Z (the key itself, not ambiguous
    with the grid's own undo) brings the row back through the appendix tab's stack."""
    window = open_window()
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: (_ for _ in ()).throw(AssertionError("asked")))
    tab = window.indicators
    window.tabs.setCurrentWidget(tab)
    rows = _indicators(window)
    tab.view.setCurrentIndex(tab.model.body_index(2, 1))
    tab.remove.click()
    assert _indicators(window) == rows[:2] + rows[3:]
    focus(qtbot, tab.view)
    tab.view.setCurrentIndex(tab.model.body_index(0, 0))  # the cursor went elsewhere meanwhile
    QTest.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _indicators(window) == rows
    assert tab.view.currentIndex().row() == tab.model.body_index(2, 1).row()  # the row is back and selected
    window.undo.redo_action.trigger()
    assert _indicators(window) == rows[:2] + rows[3:]
    window.save_now(wait=True)
    assert _indicators(window) == rows[:2] + rows[3:]
    assert [r.indicator for r in load_report(window.db, window.report.id).appendix.rows] == rows[:2] + rows[3:]


def test_cell_edit_add_move_and_level_are_undone_in_order(qtbot, open_window) -> None:
    window = open_window()
    tab = window.indicators
    window.tabs.setCurrentWidget(tab)
    model = tab.model
    appendix = window.report.appendix
    value_col = [c.key for c in appendix.table.columns].index("value")
    original = [(r.indicator, r.value, r.level) for r in appendix.rows]
    assert model.setData(model.body_index(0, value_col), "1.250")
    tab.view.setCurrentIndex(model.body_index(0, 1))
    tab.add.click()
    tab.down.click()
    tab.indent.click()
    assert appendix.rows[0].value == Decimal(1250)
    assert len(appendix.rows) == len(original) + 1
    assert appendix.rows[2].level == 1 and appendix.rows[2].indicator == ""  # added, moved down, indented
    focus(qtbot, tab.view)
    for _ in range(4):
        window.undo.undo_action.trigger()
    assert [(r.indicator, r.value, r.level) for r in appendix.rows] == original
    assert not tab.stack.canUndo()
    assert not window.undo.undo_action.isEnabled() or not window.undo.stack.canUndo()


def test_change_column_shows_the_computed_difference_and_is_not_editable(qtbot, open_window) -> None:
    window = open_window()
    tab = window.indicators
    table = window.report.appendix.table
    at = table.column_index("value")
    insert_column(table, at, "previous", "Kỳ trước")
    insert_column(table, at + 2, "change", "Tăng/giảm")
    tab.set_report(window.report)
    keys = [c.key for c in table.columns]
    model = tab.model
    assert tab.view.horizontalHeader().count() == len(keys)  # the same table, laid out again
    model.setData(model.body_index(0, keys.index("previous")), "3")
    model.setData(model.body_index(0, keys.index("value")), "5")
    change = model.body_index(0, keys.index("change"))
    assert model.data(change) == "+2"
    assert not model.flags(change) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(change, "7") and model.data(change) == "+2"
    assert "Tính tự động" in model.data(change, Qt.ItemDataRole.ToolTipRole)
    model.setData(model.body_index(0, keys.index("value")), "1")  # follows the figures
    assert model.data(change) == "-2"


def test_recipients_list_edits_are_undone(qtbot, open_window) -> None:
    window = open_window()
    tab = window.signature
    window.tabs.setCurrentWidget(tab)
    before = list(window.report.recipients)
    tab.recipients.setCurrentRow(1)
    tab.remove.click()
    tab.recipients.setCurrentRow(0)
    tab.down.click()
    assert window.report.recipients != before
    focus(qtbot, tab.recipients)
    window.undo.undo_action.trigger()
    window.undo.undo_action.trigger()
    assert window.report.recipients == before
    assert [tab.recipients.item(i).text() for i in range(tab.recipients.count())] == before
    window.undo.redo_action.trigger()
    assert window.report.recipients == before[:1] + before[2:]


def test_each_report_keeps_its_own_stack(qtbot, open_window) -> None:
    """The report's stack (lists such as the recipients) is kept per report; so are the tabs' own
    stacks (parts, appendix grid): a new report starts afresh, never undoing into another report."""
    window = open_window()
    first = window.report.id
    window.signature.recipients.setCurrentRow(1)
    window.signature.remove.click()
    window.indicators.view.setCurrentIndex(window.indicators.model.body_index(0, 1))
    window.indicators.remove.click()
    assert window.indicators.stack.canUndo()
    window.actions.new.trigger()
    assert not window.undo.stack.canUndo()  # the new report: nothing to undo
    assert not window.indicators.stack.canUndo() and not window.narrative.stack.canUndo()
    window.open_report(first)
    assert window.undo.stack.canUndo() and window.indicators.stack.canUndo()


def test_typing_is_undone_by_runs(qtbot, open_window) -> None:
    """A sentence typed in one go is one step, as in Word (gui/undo.py TypingRuns)."""
    window = open_window()
    window.tabs.setCurrentWidget(window.narrative)
    editor = window.narrative.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    new_paragraph(editor)
    before = editor.toPlainText()
    type_text(editor, "Đã tổ chức ba hội nghị")
    text = editor.toPlainText()
    assert text.endswith("Đã tổ chức ba hội nghị")
    editor.undo()
    assert editor.toPlainText() == before
    editor.redo()
    assert editor.toPlainText() == text
    # A later addition elsewhere is its own step: undo removes it, not the sentence before.
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    type_text(editor, "Mở ")
    editor.undo()
    assert editor.toPlainText() == text


def test_ctrl_z_in_the_window_reaches_the_focused_text_field(qtbot, open_window) -> None:
    window = open_window()
    window.tabs.setCurrentWidget(window.signature)
    field = window.signature.name
    focus(qtbot, field)
    field.end(False)
    type_text(field, "abc")
    assert window.report.signature.name.endswith("abc")
    window.undo.undo_action.trigger()  # the Sửa menu's Hoàn tác
    assert not field.text().endswith("abc")
    window.save_now(wait=True)
    assert not window.report.signature.name.endswith("abc")  # the report follows the field's undo
    # The same in the appendix form's title field (its own undo stack behind).
    window.tabs.setCurrentWidget(window.indicators)
    title = window.indicators.title
    focus(qtbot, title)
    title.end(False)
    type_text(title, "xyz")
    assert window.report.appendix.title.endswith("xyz")
    window.undo.undo_action.trigger()
    assert not title.text().endswith("xyz") and not window.report.appendix.title.endswith("xyz")


def test_enter_continues_a_dash_list_and_ends_it_on_an_empty_item(qtbot, open_window) -> None:
    from cchc_desktop.core.model import BlockRole

    window = open_window()
    editor = window.narrative.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    new_paragraph(editor)
    type_text(editor, "- Tuyên truyền trên loa")
    press(editor, Qt.Key.Key_Return)
    assert editor.textCursor().block().text() == "- "
    assert editor.current_role() == BlockRole.BULLET
    type_text(editor, "Pa nô")
    press(editor, Qt.Key.Key_Return)
    press(editor, Qt.Key.Key_Return)  # empty item: the list ends
    assert editor.textCursor().block().text() == ""
    assert editor.current_role() == BlockRole.PARAGRAPH
    blocks = editor.blocks()
    assert [b.text for b in blocks[-2:]] == ["- Tuyên truyền trên loa", "- Pa nô"]
    assert blocks[-1].role == BlockRole.BULLET


def test_tab_never_changes_a_headings_level(qtbot, open_window) -> None:
    """Issue 26: Tab in a heading neither changes its role nor makes it a bullet (the style box
    does); it leaves the editor.  In a list item it indents (test_editing_like_word)."""
    from cchc_desktop.core.model import BlockRole

    window = open_window()
    window.tabs.setCurrentWidget(window.narrative)
    editor = window.narrative.editor
    focus(qtbot, editor)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    new_paragraph(editor)
    type_text(editor, "2.1. Kết quả khác")
    assert editor.current_role() == BlockRole.HEADING3
    editor.moveCursor(editor.textCursor().MoveOperation.StartOfBlock)
    assert not editor.change_level(True)
    press(editor, Qt.Key.Key_Tab)
    assert editor.current_role() == BlockRole.HEADING3
    assert editor.blocks()[-1].role == BlockRole.HEADING3 and editor.blocks()[-1].text == "2.1. Kết quả khác"


def test_a_report_shown_again_from_the_store_starts_a_fresh_history(qtbot, open_window) -> None:
    window = open_window()
    window.indicators.view.setCurrentIndex(window.indicators.model.body_index(0, 1))
    window.indicators.remove.click()
    window.signature.recipients.setCurrentRow(1)
    window.signature.remove.click()
    window.save_now(wait=True)
    assert window.undo.stack.canUndo() and window.indicators.stack.canUndo()
    window.show_report(load_report(window.db, window.report.id))  # as after restoring a revision
    assert not window.undo.stack.canUndo() and not window.indicators.stack.canUndo()


def test_form_text_fields_also_undo_by_runs(qtbot, open_window) -> None:
    window = open_window()
    subject = window.general.subject
    subject.moveCursor(subject.textCursor().MoveOperation.End)
    before = subject.toPlainText()
    type_text(subject, " quý III năm")
    subject.moveCursor(subject.textCursor().MoveOperation.End)  # nothing moved: still one run
    type_text(subject, " nay")
    subject.undo()
    assert subject.toPlainText() == before
    subject.redo()
    subject.moveCursor(subject.textCursor().MoveOperation.Left)  # the caret moved: a new step
    subject.moveCursor(subject.textCursor().MoveOperation.End)
    type_text(subject, " nữa")
    subject.undo()
    assert subject.toPlainText() == before + " quý III năm nay"
    window.save_now(wait=True)
    assert window.report.subject == before + " quý III năm nay"  # the model follows the undo
