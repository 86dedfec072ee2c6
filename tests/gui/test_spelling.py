"""Spelling in the editors (wavy underline, suggestions, own dictionary) and one-click fixes."""

from __future__ import annotations

import json

import pytest

from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu

from cchc_desktop import user_words
from cchc_desktop.core.checks import lexicon
from cchc_desktop.core.model import Block, BlockRole
from cchc_desktop.gui import spelling
from cchc_desktop.gui.narrative_editor import NarrativeEditor

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def _underlined(editor, block_number: int = 0) -> list[str]:
    block = editor.document().findBlockByNumber(block_number)
    words = []
    for fmt_range in block.layout().formats():
        if fmt_range.format.underlineStyle() == WAVY:
            words.append(block.text()[fmt_range.start:fmt_range.start + fmt_range.length])
    return words


def _position_of(editor, text: str):
    cursor = editor.document().find(text)
    rect = editor.cursorRect(QTextCursor(editor.document().findBlock(cursor.selectionStart())))
    probe = QTextCursor(editor.document())
    probe.setPosition(cursor.selectionStart() + 1)
    return editor.cursorRect(probe).center() if rect else None


def test_misspelled_syllables_are_underlined_as_typed(qtbot) -> None:
    lexicon.set_user_words([])
    editor = NarrativeEditor()
    qtbot.addWidget(editor)
    editor.set_blocks([Block.plain(BlockRole.HEADING1, "I. Kêt quả tuyên truền"),
                       Block.plain(BlockRole.PARAGRAPH, "Hòa, hoà, thủy, thuỷ, Ủy ban, Uỷ ban qua Zalo, UBND, 06/KH-UBND.")])
    assert _underlined(editor, 0) == ["Kêt", "truền"]
    assert _underlined(editor, 1) == []
    # the heading stays bold under the underline
    block = editor.document().findBlockByNumber(0)
    assert all(r.format.fontWeight() >= 600 for r in block.layout().formats())
    cursor = QTextCursor(editor.document().findBlockByNumber(1))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText(" nhữg")
    assert "nhữg" in _underlined(editor, 1)


def test_right_click_offers_suggestions_and_replaces_in_one_undo_step(qtbot) -> None:
    editor = NarrativeEditor()
    qtbot.addWidget(editor)
    editor.resize(600, 300)
    editor.show()
    editor.set_blocks([Block.plain(BlockRole.PARAGRAPH, "Báo cáo kêt quả thực hiện.")])
    menu = QMenu()
    spelling.spelling_actions(editor, menu, _position_of(editor, "kêt"))
    labels = [a.text() for a in menu.actions()]
    assert labels[0] == "kết"
    assert "Thêm vào từ điển" in labels
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "Báo cáo kết quả thực hiện."
    editor.undo()
    assert editor.toPlainText() == "Báo cáo kêt quả thực hiện."


def test_add_to_dictionary_is_saved_and_removes_the_underline(qtbot, isolated_home) -> None:
    lexicon.set_user_words([])
    editor = NarrativeEditor()
    qtbot.addWidget(editor)
    editor.set_blocks([Block.plain(BlockRole.PARAGRAPH, "Nhơng là tên xóm; thôn Ksơr ở gần.")])
    assert _underlined(editor) == ["Nhơng"]
    spelling.add_to_dictionary("Nhơng")
    assert _underlined(editor) == []
    saved = json.loads(user_words.path().read_text(encoding="utf-8"))
    assert saved["words"] == ["nhơng"]
    lexicon.set_user_words([])
    assert user_words.load() == {"nhơng"}
    lexicon.set_user_words([])


def test_checks_panel_fix_button_applies_the_fix(open_window) -> None:
    window = open_window()
    window.tabs.setCurrentWidget(window.narrative)
    window.narrative.select_part(0)
    results = window.narrative.editor
    cursor = QTextCursor(results.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertBlock()
    cursor.insertText("- Đã vận động 05hộ gia đình những những người dân.")
    window.actions.show_checks()
    panel = window.actions.checks_panel
    panel.run_now(window.current_report)
    glued = next(i for i in range(panel.list.topLevelItemCount())
                 if panel.list.topLevelItem(i).data(0, 256).rule_id == "typography.glued_number")
    panel.list.setCurrentItem(panel.list.topLevelItem(glued))
    assert panel.list.topLevelItem(glued).text(2) == "Phần I, mục 2.2, đoạn 4"  # the place, as printed
    assert panel.fix_button.isEnabled()
    panel.fix_button.click()
    text = window.current_report().sections[0].blocks[-1].text
    assert text == "- Đã vận động 05 hộ gia đình những những người dân."
    doubled = next(panel.list.topLevelItem(i) for i in range(panel.list.topLevelItemCount())
                   if panel.list.topLevelItem(i).data(0, 256).rule_id == "words.doubled")
    assert panel.apply_fix_of(doubled)
    assert window.current_report().sections[0].blocks[-1].text == "- Đã vận động 05 hộ gia đình những người dân."
    # made in the editor itself: Ctrl+Z there takes the fixes back one by one
    results.undo()
    assert window.current_report().sections[0].blocks[-1].text == \
        "- Đã vận động 05 hộ gia đình những những người dân."
    results.undo()
    assert window.current_report().sections[0].blocks[-1].text == \
        "- Đã vận động 05hộ gia đình những những người dân."


def test_a_fix_in_the_subject_is_undoable_there(open_window) -> None:
    window = open_window()
    window.general.subject.set_text("Công tác tuyên truyền cải cách hành chính 6 tháng đầu năm  2024")
    window.general._store()
    window.actions.show_checks()
    panel = window.actions.checks_panel
    panel.run_now(window.current_report)
    item = next(panel.list.topLevelItem(i) for i in range(panel.list.topLevelItemCount())
                if panel.list.topLevelItem(i).data(0, 256).rule_id == "typography.double_space")
    assert panel.apply_fix_of(item)
    assert window.current_report().subject == "Công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2024"
    window.general.subject.undo()
    assert window.current_report().subject.endswith("năm  2024")


def test_the_parts_editor_offers_suggestions_on_right_click(qtbot, monkeypatch) -> None:
    from PySide6.QtGui import QContextMenuEvent

    from cchc_desktop.gui import body_editor
    from cchc_desktop.gui.body_editor import BodyEditor

    editor = BodyEditor()
    qtbot.addWidget(editor)
    editor.resize(600, 300)
    editor.show()
    editor.set_blocks([Block.plain(BlockRole.PARAGRAPH, "Báo cáo kêt quả thực hiện.")])
    assert _underlined(editor) == ["kêt"]
    shown = []

    class Shown(Exception):
        pass

    real = spelling.spelling_actions

    def record(widget, menu, position):  # the real one, then stop before the menu's modal loop
        real(widget, menu, position)
        shown.append([a.text() for a in menu.actions()])
        raise Shown

    monkeypatch.setattr(body_editor.spelling, "spelling_actions", record)
    point = _position_of(editor, "kêt")
    with pytest.raises(Shown):
        editor.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, editor.mapToGlobal(point)))
    assert shown[0][0] == "kết" and "Thêm vào từ điển" in shown[0]


def test_subject_and_opening_are_underlined_too(qtbot) -> None:
    from cchc_desktop.gui.tabs.common import TextEdit

    lexicon.set_user_words([])
    edit = TextEdit(3)
    qtbot.addWidget(edit)
    edit.set_text("Báo cáo kêt quả công tác tháng 9 năm 2026")
    assert _underlined(edit) == ["kêt"]


def test_style_findings_can_be_hidden(open_window) -> None:
    window = open_window()
    window.narrative.select_part(0)
    results = window.narrative.editor
    cursor = QTextCursor(results.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertBlock()
    cursor.insertText("- Tuyên  truyền.")
    window.actions.show_checks()
    panel = window.actions.checks_panel
    panel.run_now(window.current_report)
    shown = panel.list.topLevelItemCount()
    assert any(panel.list.topLevelItem(i).text(0) == "Trình bày" for i in range(shown))
    panel.show_style.setChecked(False)
    assert panel.list.topLevelItemCount() < shown
    assert all(panel.list.topLevelItem(i).text(0) != "Trình bày" for i in range(panel.list.topLevelItemCount()))
