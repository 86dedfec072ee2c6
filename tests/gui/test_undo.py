"""Undo as in Word: one stack per report for tables and lists, typing undone word by word."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cchc_desktop.gui import dialogs

from .helpers import focus, new_paragraph, press, type_text






def test_deleting_an_appendix_row_is_undone_not_confirmed(qtbot, open_window, monkeypatch) -> None:
    window = open_window()
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: (_ for _ in ()).throw(AssertionError("asked")))
    tab = window.indicators
    window.tabs.setCurrentWidget(tab)
    rows = [r.indicator for r in tab.model.appendix.rows]
    tab.view.setCurrentIndex(tab.model.index(2, 1))
    tab.remove.click()
    assert [r.indicator for r in tab.model.appendix.rows] == rows[:2] + rows[3:]
    focus(qtbot, tab.view)
    window.undo.undo_action.trigger()
    assert [r.indicator for r in tab.model.appendix.rows] == rows
    assert tab.view.currentIndex().row() == 2  # the row is back and selected
    window.undo.redo_action.trigger()
    assert [r.indicator for r in tab.model.appendix.rows] == rows[:2] + rows[3:]
    window.save_now(wait=True)
    assert [r.indicator for r in window.report.appendix.rows] == rows[:2] + rows[3:]


def test_cell_edit_add_move_and_level_are_undone_in_order(qtbot, open_window) -> None:
    window = open_window()
    tab = window.indicators
    model = tab.model
    value_col = [c.key for c in model.appendix.columns].index("value")
    original = [(r.indicator, r.value, r.level) for r in model.appendix.rows]
    assert model.setData(model.index(0, value_col), "1.250")
    tab.view.setCurrentIndex(model.index(0, 1))
    tab.add.click()
    tab.down.click()
    tab.indent.click()
    assert model.appendix.rows[0].value == Decimal(1250)
    assert len(model.appendix.rows) == len(original) + 1
    focus(qtbot, tab.view)
    for _ in range(4):
        window.undo.undo_action.trigger()
    assert [(r.indicator, r.value, r.level) for r in model.appendix.rows] == original
    assert not window.undo.stack.canUndo() or window.undo.stack.index() == 0


def test_change_column_shows_the_computed_difference_and_is_not_editable(qtbot, open_window) -> None:
    from cchc_desktop.core.model import Column

    window = open_window()
    tab = window.indicators
    appendix = window.report.appendix
    appendix.columns = appendix.columns[:3] + [Column("previous", "Kỳ trước"), Column("value", "Kỳ này"),
                                               Column("change", "Tăng/giảm")] + appendix.columns[4:]
    tab.set_report(window.report)
    keys = [c.key for c in appendix.columns]
    model = tab.model
    model.setData(model.index(0, keys.index("previous")), "3")
    model.setData(model.index(0, keys.index("value")), "5")
    change = model.index(0, keys.index("change"))
    assert model.data(change) == "+2"
    assert not model.flags(change) & Qt.ItemFlag.ItemIsEditable
    assert "Tự tính" in model.data(change, Qt.ItemDataRole.ToolTipRole)


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
    window = open_window()
    first = window.report.id
    window.indicators.view.setCurrentIndex(window.indicators.model.index(0, 1))
    window.indicators.remove.click()
    window.actions.new.trigger()
    assert not window.undo.stack.canUndo()  # the new report: nothing to undo
    window.open_report(first)
    assert window.undo.stack.canUndo()


def test_typing_is_undone_word_by_word(qtbot, open_window) -> None:
    window = open_window()
    editor = window.results.editor
    window.tabs.setCurrentWidget(window.results)
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    new_paragraph(editor)
    type_text(editor, "Đã tổ chức ba hội nghị")
    text = editor.toPlainText()
    assert text.endswith("Đã tổ chức ba hội nghị")
    editor.undo()
    assert editor.toPlainText().endswith("Đã tổ chức ba hội ")
    editor.undo()
    assert editor.toPlainText().endswith("Đã tổ chức ba ")
    editor.redo()
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
    window.undo.undo_action.trigger()  # the Sửa menu's Hoàn tác
    assert not field.text().endswith("abc")


def test_enter_continues_a_dash_list_and_ends_it_on_an_empty_item(qtbot, open_window) -> None:
    from cchc_desktop.core.model import BlockRole

    window = open_window()
    editor = window.results.editor
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


def test_tab_at_the_start_of_a_heading_changes_its_level(qtbot, open_window) -> None:
    from cchc_desktop.core.model import BlockRole

    window = open_window()
    window.tabs.setCurrentWidget(window.results)
    editor = window.results.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    new_paragraph(editor)
    type_text(editor, "3. Kết quả khác")
    assert editor.current_role() == BlockRole.HEADING2
    editor.moveCursor(editor.textCursor().MoveOperation.StartOfBlock)
    press(editor, Qt.Key.Key_Tab)
    assert editor.current_role() == BlockRole.HEADING3
    press(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    press(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.current_role() == BlockRole.HEADING1
    editor.moveCursor(editor.textCursor().MoveOperation.EndOfBlock)
    assert not editor.change_level(True)  # elsewhere Tab still leaves the editor (keyboard-only use)
    press(editor, Qt.Key.Key_Tab)
    assert editor.current_role() == BlockRole.HEADING1


def test_a_report_shown_again_from_the_store_starts_a_fresh_history(qtbot, open_window) -> None:
    from cchc_desktop.store.reports import load_report

    window = open_window()
    window.indicators.view.setCurrentIndex(window.indicators.model.index(0, 1))
    window.indicators.remove.click()
    window.save_now(wait=True)
    assert window.undo.stack.canUndo()
    window.show_report(load_report(window.db, window.report.id))  # as after restoring a revision
    assert not window.undo.stack.canUndo()


def test_form_text_fields_also_undo_word_by_word(qtbot, open_window) -> None:
    window = open_window()
    subject = window.general.subject
    subject.moveCursor(subject.textCursor().MoveOperation.End)
    before = subject.toPlainText()
    type_text(subject, " quý III năm")
    subject.undo()
    assert subject.toPlainText() == before + " quý III "
    subject.undo()
    assert subject.toPlainText() == before + " quý "
    window.save_now(wait=True)
    assert window.report.subject == before + " quý"  # the model follows the undo
