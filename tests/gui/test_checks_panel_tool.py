"""The checks panel as a tool (issue 26): resizable and remembered, "Thêm vào từ điển" and
"Bỏ qua" on a finding, the place in the list kept after a fix; decomposed (NFD) text is
spell-checked as the composed text it shows."""

from __future__ import annotations

import json
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from cchc_desktop import user_words
from cchc_desktop.core.checks import lexicon
from cchc_desktop.core.model import Block, BlockRole
from cchc_desktop.gui import spelling
from cchc_desktop.gui.narrative_editor import NarrativeEditor

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def _underlined(editor) -> list[str]:
    words = []
    block = editor.document().begin()
    while block.isValid():
        for fmt_range in block.layout().formats():
            if fmt_range.format.underlineStyle() == WAVY:
                words.append(block.text()[fmt_range.start:fmt_range.start + fmt_range.length])
        block = block.next()
    return words


def _add_lines(window, lines: list[str]) -> None:
    window.tabs.setCurrentWidget(window.narrative)
    window.narrative.select_part(0)
    cursor = QTextCursor(window.narrative.editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    for line in lines:
        cursor.insertBlock()
        cursor.insertText(line)


def _panel(window):
    window.actions.show_checks()
    panel = window.actions.checks_panel
    panel.run_now(window.current_report)
    return panel


def _items(panel) -> list:
    return [panel.list.topLevelItem(i) for i in range(panel.list.topLevelItemCount())]


def _menu_actions(panel, item) -> dict:
    """The right-click menu of ``item`` (built, not shown)."""
    return {action.text(): action for action in panel.menu_for(item).actions()}


def test_the_dock_can_be_made_narrow_and_its_size_is_remembered(open_window, qtbot) -> None:
    window = open_window()
    window.resize(800, 580)  # the offscreen screen's size: the geometry comes back the same
    panel = _panel(window)
    assert panel.findings  # a long summary line, which used to hold the dock 570 px wide
    assert panel.minimumSizeHint().width() <= 260
    panel.setFloating(True)  # dragged out and resized by the clerk
    panel.setGeometry(40, 30, 300, 420)
    qtbot.waitUntil(lambda: panel.isFloating() and panel.width() == 300)
    window.close()

    again = open_window()
    moved = again.actions.checks_panel
    qtbot.waitUntil(lambda: moved.isVisible() and moved.isFloating())
    assert (moved.width(), moved.height()) == (300, 420)


def test_add_to_dictionary_from_a_finding(open_window, qtbot) -> None:
    lexicon.set_user_words([])
    window = open_window()
    _add_lines(window, ["- Nhơng có 12 hộ.", "- Xóm nhơng và xóm kêt ở gần."])
    panel = _panel(window)
    about = [i for i in _items(panel) if "hơng" in i.text(1) and i.data(0, 256).rule_id == "spelling.syllable"]
    assert len(about) == 2
    assert {"Nhơng", "nhơng"} <= set(_underlined(window.narrative.editor))
    actions = _menu_actions(panel, about[1])
    assert "&Bỏ qua" in actions
    actions["Thêm vào từ điển (“nhơng”)"].trigger()

    assert not any("hơng" in i.text(1) for i in _items(panel))  # both, at once
    assert any("kêt" in i.text(1) for i in _items(panel))
    assert _underlined(window.narrative.editor) == ["kêt"]
    assert json.loads(user_words.path().read_text(encoding="utf-8"))["words"] == ["nhơng"]
    spelling.add_to_dictionary("kêt")  # chosen in the editor's own menu: the panel follows too
    assert not any("kêt" in i.text(1) for i in _items(panel))
    user_words.path().write_text(json.dumps({"words": ["nhơng"]}), encoding="utf-8")
    window.save_now(wait=True)
    window.close()

    lexicon.set_user_words([])  # a new start reads the list from the disk again
    panel = _panel(open_window())
    assert not any("hơng" in i.text(1) for i in _items(panel))
    assert any("kêt" in i.text(1) for i in _items(panel))  # (taken out of the file above)
    lexicon.set_user_words([])


def test_ignore_hides_one_finding_until_its_text_changes(open_window) -> None:
    window = open_window()
    _add_lines(window, ["- Đã vận động 12hộ gia đình.", "- Đã vận động 15hộ gia đình."])
    panel = _panel(window)
    glued = [i for i in _items(panel) if i.data(0, 256).rule_id == "typography.glued_number"]
    assert len(glued) == 2
    _menu_actions(panel, glued[0])["&Bỏ qua"].trigger()
    panel.run_now(window.current_report)  # the clerk types on: still hidden
    left = [i.text(1) for i in _items(panel) if i.data(0, 256).rule_id == "typography.glued_number"]
    assert len(left) == 1 and "15hộ" in left[0]


def test_fixing_one_finding_keeps_the_place_in_the_list(open_window, qtbot) -> None:
    window = open_window()
    window.resize(1000, 700)
    _add_lines(window, [f"- Đã vận động {n + 10}hộ gia đình ở thôn {n + 1}." for n in range(40)])
    panel = _panel(window)
    glued = [i for i in _items(panel) if i.data(0, 256).rule_id == "typography.glued_number"]
    assert len(glued) == 40
    bar = panel.list.verticalScrollBar()
    middle = glued[20]
    panel.list.setCurrentItem(middle)
    panel.list.scrollToItem(middle, panel.list.ScrollHint.PositionAtCenter)
    before = bar.value()
    assert bar.maximum() > 0 and before > 0
    following = glued[21].text(1), glued[21].data(0, 256).location.field

    panel.fix_button.click()

    assert "30hộ" not in " ".join(i.text(1) for i in _items(panel))  # fixed, gone from the list
    current = panel.list.currentItem()
    assert (current.text(1), current.data(0, 256).location.field) == following
    row_height = panel.list.visualItemRect(current).height()
    assert abs(bar.value() - before) <= row_height * 2


def test_decomposed_text_is_checked_as_it_reads(qtbot) -> None:
    lexicon.set_user_words([])
    editor = NarrativeEditor()
    qtbot.addWidget(editor)
    typed = "Công tác tuyên truyền cải cách hành chính được triển khai đầy đủ; kêt quả tốt."
    nfd = unicodedata.normalize("NFD", typed)
    assert nfd != typed
    editor.set_blocks([Block.plain(BlockRole.PARAGRAPH, nfd)])
    underlined = _underlined(editor)
    assert [unicodedata.normalize("NFC", w) for w in underlined] == ["kêt"]  # only the real slip
    assert underlined == [unicodedata.normalize("NFD", "kêt")]  # drawn over the whole word
