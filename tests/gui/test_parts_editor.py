"""The parts editor: add, rename, reorder, group, tag parts; undo each; saved and reopened."""

from __future__ import annotations

import pickle

from PySide6.QtCore import Qt

from cchc_desktop.core.checks import Location, field_text
from cchc_desktop.core.model import BlockRole, PartTag, Run
from cchc_desktop.gui import dialogs
from cchc_desktop.gui.locate import go_to

from .helpers import new_paragraph, press, type_text, unikey
from .test_window import stored


def _state(tab) -> bytes:
    tab.flush()
    return pickle.dumps(tab.report.parts)


def _titles(report) -> list[str]:
    return [part.title for part in report.parts]


def test_add_rename_reorder_group_tag_and_reopen(open_window, database) -> None:
    window = open_window()
    tab = window.narrative
    window.tabs.setCurrentWidget(tab)
    before = _titles(window.report)
    assert len(before) == 3 and before[0].startswith("I. ")
    assert tab.outline.topLevelItemCount() == 3

    tab.select_part(2)
    tab.add_part.click()
    assert len(window.report.parts) == 4 and tab.current_index() == 3
    assert window.report.parts[3].title == "IV. TÊN PHẦN MỚI"
    assert tab.title.selectedText() == "TÊN PHẦN MỚI"  # ready to type the name over it
    type_text(tab.title, "ĐỀ XUẤT, KIẾN NGHỊ")
    assert window.report.parts[3].title == "IV. ĐỀ XUẤT, KIẾN NGHỊ"
    assert window.report.parts[3].heading.role == BlockRole.HEADING1
    assert tab.outline.topLevelItem(3).text(0) == "IV. ĐỀ XUẤT, KIẾN NGHỊ"
    tab.tag.activated.emit(tab.tag.findData(PartTag.PROPOSALS))
    assert window.report.parts[3].tag == PartTag.PROPOSALS

    editor = tab.editor
    type_text(editor, "- Đề nghị cấp kinh phí ")
    unikey(editor, "tuyeens", "tuyến")
    new_paragraph(editor)  # Enter continues the "- " list; Enter on the empty item ends it
    type_text(editor, "Kính đề nghị xem xét.")

    tab.up.click()  # the new part before part III: the typed numbers follow
    titles = _titles(window.report)
    assert titles[2] == "III. ĐỀ XUẤT, KIẾN NGHỊ"
    assert titles[3] == "IV." + before[2][len("III."):]
    assert tab.current_index() == 2 and tab.editor is editor  # its text editor moved with it

    tab.select_part(0)
    tab.outdent.click()  # "I. Kết quả…" becomes the group "Phần thứ nhất: Kết quả…"
    first = window.report.parts[0]
    assert first.heading.role == BlockRole.PART and first.title == "Phần thứ nhất: " + before[0][len("I. "):]
    assert tab.outline.topLevelItemCount() == 1 and tab.outline.topLevelItem(0).childCount() == 3
    assert [t.split(" ")[0] for t in _titles(window.report)[1:]] == ["I.", "II.", "III."]

    window.close()
    for report in (stored(database), open_window().report):
        assert [p.title for p in report.parts][2] == "II. ĐỀ XUẤT, KIẾN NGHỊ"
        assert report.parts[0].heading.role == BlockRole.PART
        added = report.parts[2]
        assert added.tag == PartTag.PROPOSALS
        assert [(b.role, b.text) for b in added.blocks] == [
            (BlockRole.HEADING1, "II. ĐỀ XUẤT, KIẾN NGHỊ"),
            (BlockRole.BULLET, "- Đề nghị cấp kinh phí tuyến"),
            (BlockRole.PARAGRAPH, "Kính đề nghị xem xét."),
        ]
        assert report.parts[3].tag == PartTag.DIRECTIONS


def test_every_structural_edit_is_undone_and_redone(open_window, monkeypatch) -> None:
    window = open_window()
    tab = window.narrative
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    states = [_state(tab)]
    edits = [
        lambda: tab.add_part.click(),
        lambda: type_text(tab.title, "KHÁC"),  # many keystrokes, one undo step
        lambda: tab.up.click(),
        lambda: tab.tag.activated.emit(tab.tag.findData(PartTag.DIFFICULTIES)),
        lambda: tab.outdent.click(),
        lambda: tab.indent.click(),
        lambda: tab.remove_part.click(),
    ]
    tab.select_part(1)
    for edit in edits:
        edit()
        states.append(_state(tab))
        assert states[-1] != states[-2]
    assert tab.stack.count() == len(edits)
    for expected in reversed(states[:-1]):
        tab.undo_parts.click()
        assert _state(tab) == expected
    assert _titles(window.report) == [p.title for p in pickle.loads(states[0])]
    for expected in states[1:]:
        tab.redo_parts.click()
        assert _state(tab) == expected
    for _ in range(3):
        tab.undo_parts.click()
    window.save_now(wait=True)  # an undo is an edit like any other: saved
    from cchc_desktop.store.reports import load_report

    assert pickle.dumps(load_report(window.db, window.report.id).parts) == states[-4]


def test_a_removed_part_comes_back_with_its_text_and_typing_history(open_window, monkeypatch) -> None:
    window = open_window()
    tab = window.narrative
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, text, **_k: asked.append(text) or True)
    tab.select_part(1)
    editor = tab.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " thêm")
    title = window.report.parts[1].title
    tab.remove_part.click()
    assert asked and title in asked[0]  # a part with text asks first
    assert title not in _titles(window.report) and editor not in tab.editors
    tab.undo_parts.click()
    assert tab.editor is editor and window.report.parts[1].title == title
    tab.flush()
    assert window.report.parts[1].blocks[-1].text.endswith(" thêm")
    editor.undo()  # the part's own typing history survived
    tab.flush()
    assert not window.report.parts[1].blocks[-1].text.endswith(" thêm")


def test_check_findings_find_their_paragraph_in_any_part(open_window) -> None:
    window = open_window()
    tab = window.narrative
    report = window.report
    # A footnote mark before the finding's words must not shift the selection.
    tab.select_part(2)
    editor = tab.editor
    block = report.parts[2].blocks[1]
    words = block.text
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    cursor.movePosition(cursor.MoveOperation.Right, n=2)
    editor.setTextCursor(cursor)
    editor.ask_footnote = lambda runs, number: [Run("Ghi chú")]
    assert editor.insert_footnote()
    tab.flush()
    assert field_text(report, "sections[2].blocks[1]") == words
    tab.select_part(0)
    go_to(window, Location("sections[2].blocks[1]", 4, 12, section="directions", block=1))
    assert window.tabs.currentWidget() is tab and tab.current_index() == 2
    assert editor.textCursor().selectedText() == words[4:12]
    go_to(window, Location("sections[1].blocks[0]", 0, 3, section="difficulties", block=0))
    assert tab.current_index() == 1 and tab.title.selectedText() == report.parts[1].title[:3]
    go_to(window, Location("closing", 0, 5))
    assert tab.closing.textCursor().selectedText() == report.closing[:5]


def test_read_only_report_locks_the_parts(open_window, monkeypatch) -> None:
    from datetime import date

    from cchc_desktop.gui import cycle_actions

    window = open_window()
    monkeypatch.setattr(cycle_actions, "ask_finalize", lambda _parent, _number: ("15/BC-UBND", date(2024, 6, 20)))
    window.cycle.finalize.trigger()
    tab = window.narrative
    assert tab.title.isReadOnly() and not tab.add_part.isEnabled()
    count = len(window.report.parts)
    tab.add()
    assert len(window.report.parts) == count
    assert not tab.editor.insert_footnote() and not tab.editor.insert_table()


def test_heading_numbers_follow_only_when_they_were_in_order() -> None:
    from cchc_desktop.core.model import Block, Part
    from cchc_desktop.gui.parts_editor import numbering, renumber

    def parts(*headings):
        return [Part(blocks=[Block.plain(role, text)]) for role, text in headings]

    grouped = parts((BlockRole.PART, "Phần thứ nhất: TÌNH HÌNH"), (BlockRole.HEADING1, "I. A"),
                    (BlockRole.HEADING1, "II. B"), (BlockRole.PART, "Phần thứ hai: NHIỆM VỤ"),
                    (BlockRole.HEADING1, "I. C"))
    assert numbering(grouped) == "restart"
    grouped.append(grouped.pop(1))  # "I. A" moved to the end of the second group
    changed = renumber(grouped, "restart")
    assert [p.title for p in grouped] == ["Phần thứ nhất: TÌNH HÌNH", "I. B", "Phần thứ hai: NHIỆM VỤ", "I. C",
                                          "II. A"]
    assert len(changed) == 2
    grouped[0], grouped[2] = grouped[2], grouped[0]
    renumber(grouped, "restart")
    assert grouped[0].title == "Phần thứ nhất: NHIỆM VỤ" and grouped[2].title == "Phần thứ hai: TÌNH HÌNH"
    own = parts((BlockRole.HEADING1, "I. A"), (BlockRole.HEADING1, "III. B"))
    assert numbering(own) is None  # the clerk's own numbering is left alone
