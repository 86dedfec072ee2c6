"""Editing the report's text the way Word users expect (issue 26, "Editing as in Word").

Real key and mouse events (qtbot / QTest) on the editors that hold report text: the part's body
editor (BodyEditor), the footnote dialog's editor (NarrativeEditor) and the form's text fields.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from cchc_desktop.core.model import Block, BlockRole, Run
from cchc_desktop.gui import undo
from cchc_desktop.gui.body_editor import BodyEditor
from cchc_desktop.gui.narrative_editor import NarrativeEditor

from .helpers import press, type_text

SENTENCE = "We held three meetings on reform for all staff of the commune office"  # 13 words
CTRL = Qt.KeyboardModifier.ControlModifier


def _blocks() -> list[Block]:
    return [Block(BlockRole.HEADING2, [Run("1. Kết quả đạt được")]),
            Block(BlockRole.PARAGRAPH, [Run("Đoạn thứ hai của phần.")]),
            Block(BlockRole.HEADING3, [Run("Nhiệm vụ trọng tâm")]),  # a role the clerk chose (no number)
            Block(BlockRole.BULLET, [Run("- Tuyên truyền")])]


@pytest.fixture(params=[BodyEditor, NarrativeEditor], ids=["body", "footnote"])
def editor(request, qtbot):
    widget = request.param()
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    widget.set_blocks(_blocks())
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    return widget


def _at_end_of(editor, number: int) -> None:
    cursor = QTextCursor(editor.document().findBlockByNumber(number))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)


def _roles(editor) -> list[tuple[BlockRole, str]]:
    return [(b.role, b.text) for b in editor.blocks()]


# --- Ctrl+Z undoes typing by runs -------------------------------------------------------------------
def test_a_sentence_typed_in_one_go_is_one_undo_step_and_redo_brings_it_back(qtbot, editor) -> None:
    _at_end_of(editor, 1)
    before = editor.toPlainText()
    qtbot.keyClicks(editor, " " + SENTENCE)
    typed = editor.toPlainText()
    assert SENTENCE in typed
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == before  # the whole sentence, and the text before intact
    qtbot.keyClick(editor, Qt.Key.Key_Y, CTRL)
    assert editor.toPlainText() == typed


def test_a_caret_move_a_pause_or_a_format_change_starts_a_new_step(qtbot, editor, monkeypatch) -> None:
    now = [1000.0]
    monkeypatch.setattr(undo, "clock", lambda: now[0])
    _at_end_of(editor, 1)
    before = editor.toPlainText()
    qtbot.keyClicks(editor, " one two")
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(editor, Qt.Key.Key_Right)  # back where it was: still a new step
    qtbot.keyClicks(editor, " three")
    now[0] += undo.PAUSE_SECONDS + 1  # the clerk stopped to think
    qtbot.keyClicks(editor, " four")
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(editor, " five")
    steps = []
    while editor.toPlainText() != before:
        qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
        steps.append(editor.document().findBlockByNumber(1).text())
        assert len(steps) < 10
    tail = "Đoạn thứ hai của phần."
    assert steps == [tail + " one two three four", tail + " one two three", tail + " one two", tail]


def test_a_new_sentence_is_a_new_step_and_a_numbered_heading_is_not_split(qtbot, editor) -> None:
    _at_end_of(editor, 3)
    press(editor, Qt.Key.Key_Return)
    press(editor, Qt.Key.Key_Return)  # the dash list ends: a plain paragraph
    before = editor.toPlainText()
    qtbot.keyClicks(editor, "2. Plans for the year. Next we go on")
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == before + "2. Plans for the year. "
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == before


def test_backspace_over_the_run_is_a_correction_inside_it(qtbot, editor) -> None:
    """Unikey on Windows types 'tổ' as 't', 'o', Backspace, 'ổ': still one step."""
    _at_end_of(editor, 1)
    before = editor.toPlainText()
    type_text(editor, " Đã to")
    press(editor, Qt.Key.Key_Backspace)
    type_text(editor, "ổ chưc")
    press(editor, Qt.Key.Key_Backspace)
    press(editor, Qt.Key.Key_Backspace)
    type_text(editor, "ức hội nghị")
    assert "phần. Đã tổ chức hội nghị\n" in editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == before
    # Backspace past the start of the run deletes older text: an edit of its own, not the run's.
    qtbot.keyClick(editor, Qt.Key.Key_Y, CTRL)
    _at_end_of(editor, 1)
    type_text(editor, "x")
    for _ in range(3):
        press(editor, Qt.Key.Key_Backspace)
    assert editor.toPlainText().endswith("phần. Đã tổ chức hội ng") or "hội ng\n" in editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert "phần. Đã tổ chức hội ngh" in editor.toPlainText()


# --- a triple-clicked paragraph is replaced in its own paragraph ---------------------------------------
def _triple_click(qtbot, editor, number: int) -> None:
    block = editor.document().findBlockByNumber(number)
    point = editor.cursorRect(QTextCursor(block)).center() + QPoint(30, 0)
    QTest.mouseDClick(editor.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    cursor = editor.textCursor()
    assert cursor.selectedText() == block.text() + "\u2029"  # Qt, like Word, takes the paragraph mark too


@pytest.mark.parametrize("number", [1, 2])
def test_typing_over_a_triple_clicked_paragraph_keeps_it_apart_from_the_next(qtbot, editor, number) -> None:
    _triple_click(qtbot, editor, number)
    qtbot.keyClicks(editor, "New text")
    roles = _roles(editor)
    assert len(roles) == 4
    assert roles[number] == (_blocks()[number].role, "New text")  # its own role (a chosen heading too)
    assert roles[number + 1] == (_blocks()[number + 1].role, _blocks()[number + 1].text)  # the next untouched
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert _roles(editor) == [(b.role, b.text) for b in _blocks()]


def test_paste_and_input_method_over_a_triple_clicked_paragraph_replace_it_in_place(qtbot, editor) -> None:
    from PySide6.QtWidgets import QApplication

    from .helpers import unikey

    QApplication.clipboard().setText("Dán vào đây")
    _triple_click(qtbot, editor, 2)
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    assert [t for _r, t in _roles(editor)][2:] == ["Dán vào đây", "- Tuyên truyền"]
    assert _roles(editor)[2][0] == BlockRole.HEADING3
    _triple_click(qtbot, editor, 1)
    unikey(editor, "tieengs", "tiếng")
    texts = [t for _r, t in _roles(editor)]
    assert texts == ["1. Kết quả đạt được", "tiếng", "Dán vào đây", "- Tuyên truyền"]


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace])
def test_delete_on_a_triple_clicked_paragraph_removes_that_paragraph_only(qtbot, editor, key) -> None:
    """As in Word: the paragraph and its mark go; the next one keeps its own text and role."""
    _triple_click(qtbot, editor, 2)
    qtbot.keyClick(editor, key)
    expected = [(b.role, b.text) for b in _blocks()]
    assert _roles(editor) == expected[:2] + expected[3:]
    _triple_click(qtbot, editor, 0)
    qtbot.keyClicks(editor, "Mot")
    assert _roles(editor)[:2] == [(BlockRole.PARAGRAPH, "Mot"), expected[1]]


# --- Tab: list levels, never a heading's role, never a trap ------------------------------------------------
def _in_a_form(qtbot, editor):
    """The editor between two fields, as in a dialog: where Tab and Ctrl+Tab go."""
    from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

    form = QWidget()
    qtbot.addWidget(form, before_close_func=lambda _form: editor.setParent(None))  # the fixture closes it
    layout = QVBoxLayout(form)
    before, after = QLineEdit(), QLineEdit()
    for widget in (before, editor, after):
        layout.addWidget(widget)
    editor.form = form  # kept alive with the editor
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    return before, after


def test_tab_indents_a_list_item_and_shift_tab_outdents_it(qtbot, editor) -> None:
    _in_a_form(qtbot, editor)
    _at_end_of(editor, 3)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.hasFocus()
    assert _roles(editor)[3] == (BlockRole.BULLET, "+ Tuyên truyền")  # the second level of a report's list
    block = editor.document().findBlockByNumber(3)
    assert block.blockFormat().leftMargin() > editor.document().findBlockByNumber(1).blockFormat().leftMargin()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # the deepest level: it stays, focus too
    assert _roles(editor)[3] == (BlockRole.BULLET, "+ Tuyên truyền") and editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _roles(editor)[3] == (BlockRole.BULLET, "- Tuyên truyền") and editor.hasFocus()
    assert "\t" not in editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the level change is a step of its own
    assert _roles(editor)[3] == (BlockRole.BULLET, "- Tuyên truyền")


@pytest.mark.parametrize("number", [0, 2])
def test_tab_never_changes_a_heading_and_leaves_the_editor(qtbot, editor, number) -> None:
    before, after = _in_a_form(qtbot, editor)
    cursor = QTextCursor(editor.document().findBlockByNumber(number))
    editor.setTextCursor(cursor)  # at the start of the heading, where Tab used to change its level
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert _roles(editor) == [(b.role, b.text) for b in _blocks()]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert before.hasFocus()
    assert _roles(editor) == [(b.role, b.text) for b in _blocks()]


def test_ctrl_tab_leaves_the_editor_even_from_a_list_item(qtbot, editor) -> None:
    before, after = _in_a_form(qtbot, editor)
    _at_end_of(editor, 3)
    qtbot.keyClick(editor, Qt.Key.Key_Tab, CTRL)
    assert after.hasFocus()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert before.hasFocus()
    assert _roles(editor) == [(b.role, b.text) for b in _blocks()]


def test_tab_in_a_table_of_the_text_goes_cell_to_cell_and_adds_a_row_at_the_end(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    from cchc_desktop.gui.body_editor import TableDialog
    from cchc_desktop.gui.table_ops import new_table

    dialog = TableDialog(new_table(2, 2, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.grid.view
    model = view.model()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(model.index(1, 0))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 1)
    qtbot.keyClicks(view, "5")  # typing opens the cell's editor; Tab in it goes on as in Word
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert model.rowCount() == 3 and (view.currentIndex().row(), view.currentIndex().column()) == (2, 0)
    assert dialog.table().rows[1].cells[1].text == "5"
    view.setCurrentIndex(model.index(2, 1))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert model.rowCount() == 4 and view.hasFocus()
    assert all("\t" not in cell.text for row in dialog.table().rows for cell in row.cells)


def test_words_from_an_input_method_join_the_typing_run(qtbot, editor) -> None:
    """Unikey on Linux composes each word in pre-edit and commits it: one step for the sentence."""
    from .helpers import unikey

    _at_end_of(editor, 1)
    before = editor.toPlainText()
    for preedit, word in (("ddax", "đã"), ("toor", "tổ"), ("chuwcs", "chức")):
        type_text(editor, " ")
        unikey(editor, preedit, word)
    assert "phần. đã tổ chức\n" in editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == before


# --- the same in the window: the parts tab's editor, its heading field, Esc ----------------------------------
def test_in_the_window_runs_paragraphs_lists_and_esc_behave_as_in_word(qtbot, open_window, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    from .helpers import focus

    now = [500.0]
    monkeypatch.setattr(undo, "clock", lambda: now[0])
    window = open_window()
    tab = window.narrative
    window.tabs.setCurrentWidget(tab)
    tab.select_part(1)  # the sample's part II: headings, list items and paragraphs
    editor = tab.editor
    focus(qtbot, editor)
    original = [(b.role, b.text) for b in editor.blocks()]
    # a paragraph replaced in place, then the window's Hoàn tác undoes the typing in one step
    number = next(i for i, (role, _t) in enumerate(original[:-1]) if role == BlockRole.PARAGRAPH and i)
    _triple_click(qtbot, editor, number)
    qtbot.keyClicks(editor, SENTENCE)
    blocks = [(b.role, b.text) for b in editor.blocks()]
    assert blocks == original[:number] + [(BlockRole.PARAGRAPH, SENTENCE)] + original[number + 1:]
    window.undo.undo_action.trigger()
    assert [(b.role, b.text) for b in editor.blocks()] == original
    # Esc leaves the editor from a list item, where Tab indents
    bullet = next(i for i, (role, text) in enumerate(original) if role == BlockRole.BULLET and text.startswith("- "))
    _at_end_of(editor, bullet)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.hasFocus() and editor.blocks()[bullet].text.startswith("+ ")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.hasFocus() and QApplication.focusWidget() is window.tabs.tabBar()
    window.save_now(wait=True)
    assert window.report.parts[1].blocks[bullet + 1].text.startswith("+ ")  # after the part's heading
    # the part's heading field: typing after a pause is a step of its own
    focus(qtbot, tab.title)
    tab.title.end(False)
    title = tab.title.text()
    type_text(tab.title, " ABC")
    now[0] += undo.PAUSE_SECONDS + 1
    type_text(tab.title, " DEF")
    QTest.keyClick(tab.title, Qt.Key.Key_Z, CTRL)
    assert window.report.parts[1].title == title + " ABC"
    QTest.keyClick(tab.title, Qt.Key.Key_Z, CTRL)
    assert window.report.parts[1].title == title
