"""Editing as in Word: Ctrl+F finds in the report's text (parts, tables, footnotes, forms) with
next/previous, Ctrl+H replaces (one undo step), the list's search box neither takes the focus at
start nor swallows Ctrl+E, Esc leaves a text editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from cchc_desktop.core.model import Run
from cchc_desktop.gui import actions as actions_module, dialogs
from cchc_desktop.gui.find_replace import find_all, replace_in

from .helpers import focus, press


def _shortcut(window, text: str):
    return [a for a in window.findChildren(type(window.find_action)) if a.shortcut() == QKeySequence(text)]


def test_ctrl_f_and_ctrl_h_are_find_and_replace(open_window, qtbot) -> None:
    window = open_window()
    assert _shortcut(window, "Ctrl+F") == [window.find_action]
    assert _shortcut(window, "Ctrl+H") == [window.replace_action]
    history = [a for a in window.findChildren(type(window.find_action)) if a.text().replace("&", "")
               == "Lịch sử các bản lưu…"]
    assert history and history[0].shortcut() == QKeySequence("Ctrl+Shift+H")


def test_find_goes_through_parts_tables_footnotes_and_wraps(open_window, qtbot) -> None:
    window = open_window()
    report = window.current_report()
    report.parts[1].blocks[-1].runs.append(Run("", footnote=[Run("Nguồn: số liệu tuyên truyền của xã.")]))
    window.show_report(report)
    matches = find_all(window.current_report(), "TUYÊN TRUYỀN")  # case does not matter
    kinds = {m.location.split("/")[0] for m in matches}
    assert {"subject", "sections"} <= kinds
    assert any("/footnote/" in m.location for m in matches)
    assert any(m.location.startswith("appendices/") for m in matches) or not window.report.appendices

    window.find_action.trigger()
    dialog = window.find_dialog
    assert dialog.isVisible() and not dialog.replace_text.isVisible()
    dialog.find_text.setText("tuyên truyền")
    first = dialog.step(1)
    second = dialog.step(1)
    assert first != second and dialog.step(-1) == first  # previous goes back
    for _ in range(len(matches)):
        dialog.step(1)
    assert dialog.matches[dialog.current] == first  # wrapped around
    sections = next(m for m in matches if m.location.startswith("sections/") and "/runs/" in m.location
                    and "/footnote/" not in m.location)
    dialog.current = matches.index(sections) - 1
    dialog.step(1)
    editor = window.narrative.editor
    assert window.tabs.currentWidget() is window.narrative
    assert editor.textCursor().selectedText().lower() == "tuyên truyền"


def test_replace_one_and_all_each_one_undo_step(open_window, qtbot) -> None:
    window = open_window()
    before = len(find_all(window.current_report(), "tuyên truyền"))
    assert before >= 3
    window.replace_action.trigger()
    dialog = window.find_dialog
    assert dialog.replace_text.isVisible()
    dialog.find_text.setText("tuyên truyền")
    dialog.replace_text.setText("thông tin")
    dialog.step(1)
    dialog.replace_current()
    assert len(find_all(window.current_report(), "tuyên truyền")) == before - 1
    assert dialog.replace_every() == before - 1
    assert find_all(window.current_report(), "tuyên truyền") == []
    window.undo.undo_action.trigger()  # "Thay tất cả" is one step
    assert len(find_all(window.current_report(), "tuyên truyền")) == before - 1


def test_replace_in_a_footnote_and_a_form_cell() -> None:
    from cchc_desktop.core.templates import load_sample

    report = load_sample()
    report.parts[0].blocks[-1].runs.append(Run("", footnote=[Run("Theo Kế hoạch số 12.")]))
    matches = find_all(report, "kế hoạch")
    changed = replace_in(report, matches, "Chương trình")
    assert find_all(changed, "kế hoạch") == [] and find_all(report, "kế hoạch") == matches  # a copy
    assert changed.parts[0].blocks[-1].runs[-1].footnote[0].text == "Theo Chương trình số 12."


def test_search_box_is_not_focused_at_start_nor_swallows_ctrl_e(open_window, qtbot, monkeypatch) -> None:
    window = open_window()
    qtbot.waitUntil(lambda: window.isActiveWindow() or True)
    assert window.focusWidget() is window.report_list.tree  # the list, not its search box
    asked = []
    monkeypatch.setattr(actions_module, "ask_save_path", lambda *a: asked.append(a) or "")
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: asked.append(a) or False)  # "Vẫn xuất?"
    focus(qtbot, window.report_list.search)
    qtbot.keyClick(window.report_list.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1  # export started (its question or its save dialog)


def test_esc_leaves_the_text_editor(open_window, qtbot) -> None:
    window = open_window()
    window.tabs.setCurrentWidget(window.narrative)
    editor = window.narrative.editor
    focus(qtbot, editor)
    press(editor, Qt.Key.Key_Escape)
    assert not editor.hasFocus()


def test_replace_in_the_read_only_sample_changes_nothing_and_says_so(open_window) -> None:
    window = open_window(sample_is_own=False)  # the sample opens read-only
    before = len(find_all(window.current_report(), "tuyên truyền"))
    window.replace_action.trigger()
    dialog = window.find_dialog
    dialog.find_text.setText("tuyên truyền")
    dialog.replace_text.setText("thông tin")
    assert dialog.replace_every() == 0 and "chỉ đọc" in dialog.status.text()
    assert len(find_all(window.current_report(), "tuyên truyền")) == before
