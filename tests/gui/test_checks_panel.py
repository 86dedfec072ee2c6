"""The "Kiểm tra" panel: a click selects the text a finding points at; rules switch off per report."""

from __future__ import annotations

from cchc_desktop.core.checks import field_text
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import list_reports, load_report


def _open_checks(window):
    window.actions.show_checks()
    panel = window.actions.checks_panel
    panel.run_now(window.current_report)
    return panel


def _item_for(panel, rule_id: str, field_prefix: str):
    for index in range(panel.list.topLevelItemCount()):
        item = panel.list.topLevelItem(index)
        finding = item.data(0, 256)
        if finding.rule_id == rule_id and finding.location.field.startswith(field_prefix):
            return item, finding
    raise AssertionError(f"no {rule_id} finding at {field_prefix}")


def test_clicking_a_finding_selects_its_text(open_window, qtbot) -> None:
    window = open_window()
    panel = _open_checks(window)
    item, finding = _item_for(panel, "citations.date_conflict", "sections[0]")
    expected = field_text(window.report, finding.location.field)[finding.location.start:finding.location.end]
    assert "15/01/2024" in expected

    panel.list.itemClicked.emit(item, 0)

    assert window.tabs.currentWidget() is window.narrative
    assert window.narrative.current_index() == int(finding.location.field[9])
    editor = window.narrative.editor
    qtbot.waitUntil(lambda: editor.textCursor().selectedText() == expected)


def test_clicking_an_appendix_finding_selects_the_cell(open_window) -> None:
    window = open_window()
    panel = _open_checks(window)
    item, finding = _item_for(panel, "citations.date_conflict", "appendix.rows[0]")
    panel.list.itemClicked.emit(item, 0)
    assert window.tabs.currentWidget() is window.indicators
    assert window.indicators.view.currentIndex().row() == finding.location.row + window.indicators.model.header_rows


def test_a_rule_switched_off_is_remembered_for_the_report(open_window, database) -> None:
    window = open_window()
    panel = _open_checks(window)
    assert any(f.rule_id == "recipients.archive" for f in panel.findings)

    panel.disable_rule("recipients.archive")

    assert not any(f.rule_id == "recipients.archive" for f in panel.findings)
    assert panel.enable_all.isVisibleTo(panel)
    window.save_now(wait=True)
    report_id = window.report.id
    window.close()
    stored = load_report(open_database(database), report_id)
    assert stored.disabled_checks == ["recipients.archive"]

    again = open_window()
    panel = _open_checks(again)
    assert not any(f.rule_id == "recipients.archive" for f in panel.findings)
    panel.enable_all.click()
    assert any(f.rule_id == "recipients.archive" for f in panel.findings)
    assert len(list_reports(open_database(database))) == 1


def test_arrange_button_puts_recipients_in_decree_order(open_window, database) -> None:
    window = open_window()
    tab = window.signature
    tab.recipients.item(0).setText("Lưu: VT, VP")  # archive typed first, "Như trên" lost
    tab._store()
    tab.arrange.click()
    assert window.report.recipients[0] == "Như trên;"
    assert window.report.recipients[-1] == "Lưu: VT, VP."  # the archive line with VT wins, one only
    assert sum(line.startswith("Lưu") for line in window.report.recipients) == 1
    assert all(line.endswith(";") for line in window.report.recipients[:-1])
