"""The window end to end: typing Vietnamese into every editor survives closing and reopening."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from cchc_desktop.core.model import BlockRole, SectionKey
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import list_reports, load_report

from .helpers import new_paragraph, press, type_text, unikey


def cell_editor(view) -> QLineEdit:
    editors = [e for e in view.findChildren(QLineEdit) if e.isVisible()]
    assert editors, "no cell editor open"
    return editors[-1]


def edit_cell(qtbot, view, index, text: str) -> None:
    view.setCurrentIndex(index)
    view.edit(index)
    editor = cell_editor(view)
    editor.selectAll()
    press(editor, Qt.Key.Key_Delete)
    type_text(editor, text)
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() == view.State.NoState)  # the editor closes on the next turn


def stored(database):
    db = open_database(database, create_sample=False)
    (summary,) = [s for s in list_reports(db)]
    return load_report(db, summary.id)


def test_every_keystroke_survives_close_and_reopen(qtbot, open_window, database) -> None:
    window = open_window()
    tabs = window.tabs

    tabs.setCurrentWidget(window.general)
    window.general.subject.moveCursor(window.general.subject.textCursor().MoveOperation.End)
    type_text(window.general.subject, " (bổ sung)")
    window.general.number.setFocus()
    type_text(window.general.number, "15")
    window.general.opening.moveCursor(window.general.opening.textCursor().MoveOperation.End)
    unikey(window.general.opening, "Ddaay", "Đây")

    tab = window.narrative
    tabs.setCurrentWidget(tab)
    for key, words in ((SectionKey.RESULTS, "Đã tổ chức 3 hội nghị ở thôn Xuân Hải"),
                       (SectionKey.DIFFICULTIES, "Kinh phí còn hạn hẹp"),
                       (SectionKey.DIRECTIONS, "Tăng cường kiểm tra")):
        tab.select_part(next(i for i, part in enumerate(tab.parts) if part.tag == key))
        tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
        new_paragraph(tab.editor)
        type_text(tab.editor, f"- {words} ")
        unikey(tab.editor, "tieengs", "tiếng")
    tab.closing.moveCursor(tab.closing.textCursor().MoveOperation.End)
    type_text(tab.closing, " Xin cảm ơn.")

    tabs.setCurrentWidget(window.indicators)
    model = window.indicators.model
    edit_cell(qtbot, window.indicators.view, model.body_index(1, 4), "Ghi chú ấp ủ")
    edit_cell(qtbot, window.indicators.view, model.body_index(1, 3), "1.250")
    type_text(window.indicators.title, " ĐỢT 1")

    tabs.setCurrentWidget(window.signature)
    type_text(window.signature.name, " Đức")
    window.signature.recipients.setCurrentRow(0)
    window.signature.add.click()
    editor = cell_editor(window.signature.recipients)
    type_text(editor, "Đảng ủy xã;")
    press(editor, Qt.Key.Key_Return)
    tabs.setCurrentWidget(window.preview)
    window.close()

    # Straight from the file, then through a new window.
    for report in (stored(database), open_window().report):
        assert report.subject.endswith(" (bổ sung)")
        assert report.number == "15"
        assert report.opening.endswith("Đây")
        for key, words in ((SectionKey.RESULTS, "Đã tổ chức 3 hội nghị ở thôn Xuân Hải"),
                           (SectionKey.DIFFICULTIES, "Kinh phí còn hạn hẹp"),
                           (SectionKey.DIRECTIONS, "Tăng cường kiểm tra")):
            last = report.section(key).blocks[-1]
            assert last.text == f"- {words} tiếng"
            assert last.role == BlockRole.BULLET
        assert report.closing.endswith(" Xin cảm ơn.")
        assert report.appendix.rows[1].note == "Ghi chú ấp ủ"
        assert report.appendix.rows[1].value == Decimal(1250)
        assert report.appendix.title.endswith(" ĐỢT 1")
        assert report.signature.name.endswith(" Đức")
        assert report.recipients[1] == "Đảng ủy xã;"


def test_letters_in_a_number_cell_are_refused_with_a_message(qtbot, open_window) -> None:
    window = open_window()
    window.tabs.setCurrentWidget(window.indicators)
    tab = window.indicators
    index = tab.model.body_index(0, 3)
    before = tab.appendix.rows[0].value
    edit_cell(qtbot, tab.view, index, "12 cuộc")
    qtbot.waitUntil(tab.message.isVisible)
    assert "số" in tab.message.text()
    assert tab.appendix.rows[0].value == before
    edit_cell(qtbot, tab.view, index, "1.250")
    assert tab.appendix.rows[0].value == Decimal(1250)
    assert not tab.message.isVisible()


def test_row_operations(open_window) -> None:
    window = open_window()
    tab = window.indicators
    rows = tab.appendix.rows
    count, first = len(rows), rows[0].indicator
    tab.view.setCurrentIndex(tab.model.body_index(0, 1))
    tab.add.click()
    assert len(tab.appendix.rows) == count + 1
    tab.view.setCurrentIndex(tab.model.body_index(0, 1))
    tab.down.click()
    assert tab.appendix.rows[1].indicator == first
    tab.indent.click()
    assert tab.appendix.rows[1].level == 1
    tab.remove.click()
    assert len(tab.appendix.rows) == count
    assert window.report.appendix is tab.appendix


def test_search_ignores_accents_and_filters(open_window) -> None:
    window = open_window()
    listing = window.report_list
    assert len(listing.visible_ids()) == 1
    listing.search.setText("cai cach hanh chinh DAU nam")
    assert len(listing.visible_ids()) == 1
    listing.search.setText("cải cách xyz")
    assert listing.visible_ids() == []
    listing.search.clear()
    listing.status.setCurrentIndex(listing.status.findText("Đã ban hành"))
    assert listing.visible_ids() == []


def test_new_duplicate_delete_restore(open_window, monkeypatch) -> None:
    from cchc_desktop.gui import actions, dialogs

    window = open_window()
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    first = window.report.id
    window.actions.duplicate.trigger()
    assert window.report.id != first
    assert len(window.report_list.summaries) == 2
    window.actions.new.trigger()
    assert len(window.report_list.summaries) == 3
    doomed = window.report.id
    window.actions.delete.trigger()
    assert doomed not in [s.id for s in window.report_list.summaries]
    monkeypatch.setattr(actions, "ask_choice", lambda parent, title, label, items: items[0])
    window.actions.restore.trigger()
    assert window.report.id == doomed


def test_status_bar_says_when_saved(qtbot, open_window) -> None:
    window = open_window()
    type_text(window.general.number, "7")
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Đã lưu lúc "), timeout=3000)
