"""Smaller items of issue 16: findings that point at the appendix titles, findings told apart, the
checks panel filled again when reopened, the sample marked in the list."""

from __future__ import annotations

from cchc_desktop.core.checks.base import Finding, Location, Severity
from cchc_desktop.gui import checks_panel
from cchc_desktop.gui.locate import go_to


def test_a_finding_on_the_appendix_title_selects_it(qtbot, open_window) -> None:
    window = open_window()
    go_to(window, Location("appendix.title", 0, 7))
    assert window.tabs.currentWidget() is window.indicators
    title = window.indicators.title
    assert title.selectedText() == title.text()[:7] and title.selectedText()
    go_to(window, Location("appendix.reference"))
    assert window.indicators.reference.selectedText() == window.indicators.reference.text()


def test_the_same_message_is_told_apart_by_its_place(qtbot, open_window, monkeypatch) -> None:
    window = open_window()
    findings = [Finding("typography.x", Severity.WARNING, "Hai dấu cách liền nhau",
                        Location(f"sections[0].blocks[{i}]", 0, 2, section="results", block=i)) for i in (1, 4, 7)]
    monkeypatch.setattr(checks_panel, "run_checks", lambda report: findings)
    panel = window.actions.checks_panel
    panel.show()
    panel.run_now(window.current_report)
    places = [panel.list.topLevelItem(i).text(2) for i in range(panel.list.topLevelItemCount())]
    # named as the document numbers them (issue 15): part, numbered heading, paragraph under it
    assert places == ["Phần I, mục 1", "Phần I, mục 1, đoạn 3", "Phần I, mục 2.1, đoạn 1"]


def test_checks_panel_reopened_is_not_empty(qtbot, open_window) -> None:
    window = open_window()
    panel = window.actions.checks_panel
    window.actions.check.trigger()
    count = panel.list.topLevelItemCount()
    assert count > 0
    panel.hide()
    panel.findings = []
    panel.list.clear()
    panel.toggleViewAction().trigger()  # Xem → Kiểm tra
    qtbot.waitUntil(lambda: panel.list.topLevelItemCount() == count)


def test_the_sample_is_marked_in_the_subject_column(qtbot, open_window) -> None:
    window = open_window(sample_is_own=False)
    item = window.report_list.tree.topLevelItem(0)
    assert item.text(0).startswith("[Mẫu] ") and item.text(2) == "Mẫu"


def test_window_and_command_line_name_the_status_alike() -> None:
    from cchc_desktop.commands.listing import STATUS_TEXT
    from cchc_desktop.core.model import ReportStatus
    from cchc_desktop.gui.tabs.general import STATUS_LABELS

    assert {status.value: label for status, label in STATUS_LABELS.items()} == STATUS_TEXT
    assert STATUS_TEXT["draft"] == "Dự thảo"
    assert ReportStatus.DRAFT in STATUS_LABELS
