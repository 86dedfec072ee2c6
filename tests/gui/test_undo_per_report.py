"""Undo histories per report: the parts outline and the appendix forms keep each report's history
while the window is open (switching reports and back), a deleted or changed report's is dropped,
and a fix from the checks panel made outside an editor is one undo step, saved like any edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cchc_desktop.gui import dialogs
from cchc_desktop.store.reports import load_report, restore_report, save_report

from .helpers import focus


def _titles(report) -> list[str]:
    return [part.title for part in report.parts]


def _rows(report) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in report.appendices[0].table.rows]


def _ctrl(widget, key: Qt.Key = Qt.Key.Key_Z) -> None:
    """The key itself, on the focused widget (Ctrl+Z / Ctrl+Y as the clerk presses them)."""
    QTest.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def _focus_in(qtbot, widget) -> None:
    """The keyboard focus in ``widget`` or in a child of it (an item view's open editor)."""
    window = widget.window()
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget or widget.isAncestorOf(QApplication.focusWidget()))


def _edit_parts_and_rows(window, name: str) -> tuple[list, list]:
    """Add a part after the first, rename it, move it up; delete body row 2, edit a cell: the
    states of the parts and of the appendix after each step (the first: before any)."""
    narrative, indicators = window.narrative, window.indicators
    parts = [_titles(window.report)]
    window.tabs.setCurrentWidget(narrative)
    narrative.select_part(0)
    narrative.add()
    parts.append(_titles(window.report))
    narrative.rename(1, f"II. {name}")
    parts.append(_titles(window.report))
    narrative.move(-1)
    parts.append(_titles(window.report))
    rows = [_rows(window.report)]
    window.tabs.setCurrentWidget(indicators)
    indicators.view.setCurrentIndex(indicators.model.body_index(2, 1))
    indicators.remove.click()
    rows.append(_rows(window.report))
    column = window.report.appendices[0].table.column_index("indicator")
    assert indicators.model.setData(indicators.model.body_index(0, column), f"Chỉ tiêu {name}")
    rows.append(_rows(window.report))
    assert len({tuple(map(tuple, p)) for p in parts}) == 4 and len({str(r) for r in rows}) == 3
    return parts, rows


def test_switching_reports_keeps_each_reports_parts_and_appendix_history(qtbot, open_window, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    window = open_window()
    first = window.report
    a = first.id
    parts_a, rows_a = _edit_parts_and_rows(window, "PHẦN CỦA A")
    window.actions.new.trigger()  # report B, edited too
    b = window.report.id
    assert b != a and not window.narrative.stack.canUndo() and not window.indicators.stack.canUndo()
    parts_b, rows_b = _edit_parts_and_rows(window, "PHẦN CỦA B")

    window.open_report(a)
    assert window.report is not first  # a new object, loaded from the store
    assert _titles(window.report) == parts_a[-1] and _rows(window.report) == rows_a[-1]
    window.mark_changed()
    window.save_now(wait=True)  # an autosave meanwhile does not end the history

    narrative, indicators = window.narrative, window.indicators
    window.tabs.setCurrentWidget(narrative)
    focus(qtbot, narrative.outline)
    for state in reversed(parts_a[:-1]):  # move, rename, add: undone in that order
        _ctrl(narrative.outline)
        assert _titles(window.report) == state
        assert [narrative.outline.topLevelItem(i).text(0) for i in range(narrative.outline.topLevelItemCount())] \
            == state
    assert not narrative.stack.canUndo()
    window.tabs.setCurrentWidget(indicators)
    focus(qtbot, indicators.view)
    for state in reversed(rows_a[:-1]):  # the cell, then the deleted row
        _ctrl(indicators.view)
        assert _rows(window.report) == state
    assert not indicators.stack.canUndo()
    _ctrl(indicators.view, Qt.Key.Key_Y)  # the row deleted again
    assert _rows(window.report) == rows_a[1]

    window.save_now(wait=True)  # the undo is saved like any edit
    stored = load_report(window.db, a)
    assert _titles(stored) == parts_a[0] and _rows(stored) == rows_a[1]

    window.open_report(b)  # B's history is B's own
    assert window.narrative.stack.count() == 3 and window.indicators.stack.count() == 2
    window.tabs.setCurrentWidget(window.narrative)
    for _ in range(3):
        window.narrative.stack.undo()
    window.tabs.setCurrentWidget(window.indicators)
    window.undo.undo_action.trigger()
    window.undo.undo_action.trigger()
    assert _titles(window.report) == parts_b[0] and _rows(window.report) == rows_b[0]

    window.open_report(a)  # and A still has its redo steps
    assert window.narrative.stack.canRedo() and window.indicators.stack.index() == 1


def test_a_report_changed_in_the_store_meanwhile_starts_a_fresh_history(qtbot, open_window) -> None:
    window = open_window()
    a = window.report.id
    window.narrative.select_part(0)
    window.narrative.add()
    window.indicators.view.setCurrentIndex(window.indicators.model.body_index(0, 1))
    window.indicators.remove.click()
    window.actions.new.trigger()
    changed = load_report(window.db, a)  # e.g. a backup restored: the same id, other content
    changed.parts.pop()
    window.autosaver.run(lambda db: save_report(db, changed))
    window.open_report(a)
    assert _titles(window.report) == _titles(changed)
    assert not window.narrative.stack.canUndo() and not window.indicators.stack.canUndo()


def test_a_deleted_report_drops_its_stacks(qtbot, open_window, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    window = open_window()
    window.actions.new.trigger()
    b = window.report.id
    window.narrative.select_part(0)
    window.narrative.add()
    window.indicators.view.setCurrentIndex(window.indicators.model.body_index(0, 1))
    window.indicators.remove.click()
    window.signature.recipients.setCurrentRow(1)
    window.signature.remove.click()
    assert len(window.undo.stacks_of(b)) == 3 and window.undo.stack.canUndo()

    window.actions.delete_report()
    assert window.report is not None and window.report.id != b
    assert window.undo.stacks_of(b) == []
    assert b not in window.narrative.history.keys() and b not in window.indicators.history.keys()

    window.autosaver.run(lambda db: restore_report(db, b))  # back from the recycle bin: no old steps
    window.refresh_list()
    window.open_report(b)
    assert not window.undo.stack.canUndo()
    assert not window.narrative.stack.canUndo() and not window.indicators.stack.canUndo()


def _fix(window, rule_id: str, field_prefix: str) -> None:
    window.actions.show_checks()
    panel = window.actions.checks_panel
    panel.run_now(window.current_report)
    for index in range(panel.list.topLevelItemCount()):
        item = panel.list.topLevelItem(index)
        finding = item.data(0, 256)
        if finding.rule_id == rule_id and finding.location.field.startswith(field_prefix):
            assert panel.apply_fix_of(item)
            return
    raise AssertionError(f"no {rule_id} finding at {field_prefix}")


def test_a_heading_fix_from_the_checks_panel_is_one_undo_step_and_saved(qtbot, open_window) -> None:
    window = open_window()
    tab = window.narrative
    before = window.report.parts[1].title
    spaced = before.replace(", ", ",  ", 1)
    assert spaced != before
    tab.select_part(1)
    tab.rename(1, spaced)  # a step of the parts outline before the fix
    window.save_now(wait=True)
    _fix(window, "typography.double_space", "sections[1].blocks[0]")
    assert window.report.parts[1].title == before and tab.title.text() == before
    steps = tab.stack.count()

    widget = QApplication.focusWidget() or tab.title
    _ctrl(widget)  # one Ctrl+Z where the panel went: the text is back
    assert window.report.parts[1].title == spaced and tab.title.text() == spaced
    assert tab.stack.count() == steps and tab.stack.index() == steps - 1
    window.save_now(wait=True)
    assert load_report(window.db, window.report.id).parts[1].title == spaced
    _ctrl(widget, Qt.Key.Key_Y)
    assert window.report.parts[1].title == before
    window.save_now(wait=True)
    assert load_report(window.db, window.report.id).parts[1].title == before
    tab.stack.undo()
    tab.stack.undo()  # the rename before it, in order
    assert window.report.parts[1].title == before


def test_recipient_and_cell_fixes_are_undone_by_ctrl_z_and_saved(qtbot, open_window) -> None:
    window = open_window()
    report = window.report
    # a recipient: fixed outside any text editor (the list), undone on the report's stack
    original = report.recipients[1]
    report.recipients[1] = original.rstrip(";") + " ,"
    window.signature.set_report(report)
    window.mark_changed()
    _fix(window, "typography.space_before_punctuation", "recipients[1]")
    assert window.report.recipients[1] == original.rstrip(";") + ","
    assert window.tabs.currentWidget() is window.signature
    _focus_in(qtbot, window.signature.recipients)  # (its row's line editor, open, takes the focus)
    _ctrl(QApplication.focusWidget())
    assert window.report.recipients[1] == original.rstrip(";") + " ,"
    assert window.signature.recipients.item(1).text() == original.rstrip(";") + " ,"
    window.tabs.setCurrentWidget(window.general)  # leaving the list commits nothing else
    assert window.report.recipients[1] == original.rstrip(";") + " ,"
    window.save_now(wait=True)
    assert load_report(window.db, report.id).recipients[1] == original.rstrip(";") + " ,"

    # an appendix cell: the fix goes on the appendix tab's stack, after the clerk's own edit there
    tab = window.indicators
    table = window.report.appendices[0].table
    column = table.column_index("indicator")
    text = table.rows[table.header_rows].cells[column].text
    spaced = text.replace(" ", "  ", 1)
    assert tab.model.setData(tab.model.body_index(0, column), spaced)
    _fix(window, "typography.double_space", "appendix.rows[0]")
    assert window.report.appendices[0].table.rows[table.header_rows].cells[column].text == text
    assert window.tabs.currentWidget() is tab
    focus(qtbot, tab.view)
    _ctrl(tab.view)
    assert window.report.appendices[0].table.rows[table.header_rows].cells[column].text == spaced
    assert tab.model.data(tab.model.body_index(0, column)) == spaced
    window.save_now(wait=True)
    stored = load_report(window.db, report.id).appendices[0].table
    assert stored.rows[stored.header_rows].cells[column].text == spaced


def test_the_read_only_sample_gets_no_undo_steps(qtbot, open_window) -> None:
    window = open_window(sample_is_own=False)
    assert window.read_only
    sample = window.report
    titles, rows = _titles(sample), _rows(sample)
    window.narrative.add_part.click()
    window.narrative.add()
    window.indicators.view.setCurrentIndex(window.indicators.model.body_index(0, 1))
    window.indicators.remove.click()
    window.actions.show_checks()
    panel = window.actions.checks_panel
    panel.run_now(window.current_report)
    fixable = [panel.list.topLevelItem(i) for i in range(panel.list.topLevelItemCount())
               if panel.list.topLevelItem(i).data(0, 256).fixes]
    assert fixable  # the sample has findings with a fix: none is applied to it
    assert not any(panel.apply_fix_of(item) for item in fixable)
    assert _titles(window.report) == titles and _rows(window.report) == rows
    assert load_report(window.db, sample.id) == window.report
    assert all(stack.count() == 0 for stack in window.undo.stacks_of(sample.id))


def test_form_and_part_level_edits_are_undone_after_switching_back(qtbot, open_window, monkeypatch) -> None:
    """The other commands too: a form added, its title typed, forms reordered; a part's level and
    what it is about; each found again in the report loaded anew."""
    from cchc_desktop.core.model import BlockRole, PartTag

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    window = open_window()
    a = window.report.id
    forms = [(f.heading, f.title) for f in window.report.appendices]
    parts = [(p.title, p.tag, p.heading.role) for p in window.report.parts]
    indicators, narrative = window.indicators, window.narrative
    indicators.add_appendix()
    indicators.title.setText("Biểu thêm")
    indicators.title.textEdited.emit("Biểu thêm")
    indicators.move_appendix(-1)
    narrative.select_part(2)
    narrative.set_level(BlockRole.PART)
    narrative.set_tag(PartTag.PROPOSALS)
    changed_forms = [(f.heading, f.title) for f in window.report.appendices]
    changed_parts = [(p.title, p.tag, p.heading.role) for p in window.report.parts]
    assert changed_forms[0][1] == "Biểu thêm" and len(changed_forms) == len(forms) + 1
    assert changed_parts[2][1:] == (PartTag.PROPOSALS, BlockRole.PART)

    window.actions.new.trigger()
    window.open_report(a)
    assert [(f.heading, f.title) for f in window.report.appendices] == changed_forms
    for _ in range(3):
        indicators.stack.undo()
    assert [(f.heading, f.title) for f in window.report.appendices] == forms
    assert indicators.selector.count() == len(forms)
    narrative.stack.undo()
    narrative.stack.undo()
    assert [(p.title, p.tag, p.heading.role) for p in window.report.parts] == parts
    narrative.stack.redo()
    assert window.report.parts[2].heading.role == BlockRole.PART
    window.save_now(wait=True)
    stored = load_report(window.db, a)
    assert stored.parts[2].heading.role == BlockRole.PART and len(stored.appendices) == len(forms)
