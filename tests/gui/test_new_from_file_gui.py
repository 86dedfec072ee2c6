""""Bắt đầu từ báo cáo kỳ trước (tệp Word)…": at the end of first run, in Tệp and on the start
page; one flow from the file to this period's report, opened with the list of changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.core.model import Period, PeriodKind
from cchc_desktop.core.templates import load_sample
from cchc_desktop.document.export import export_docx
from cchc_desktop.gui import dialogs, first_run, start_from_file
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import list_reports, load_organization


@pytest.fixture
def last_period(tmp_path: Path) -> Path:
    """Last period's report of Phường Thành Sen, as a Word file."""
    path = tmp_path / "bao-cao-ky-truoc.docx"
    report = load_sample()
    report.organization.issuing_body = ["ỦY BAN NHÂN DÂN", "PHƯỜNG THÀNH SEN"]
    export_docx(report, path)
    return path


@pytest.fixture
def asked(monkeypatch):
    """Every question the flow asks; the dialog of the new period accepted as suggested."""
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, text, default_yes=False: questions.append(text) or True)
    monkeypatch.setattr(dialogs, "error", lambda _p, text, details="": questions.append("ERROR " + text))

    def accept(dialog) -> bool:
        questions.append(dialog.windowTitle())
        return True

    monkeypatch.setattr(start_from_file, "exec_dialog", accept)
    return questions


def test_menu_flow_opens_this_periods_report_with_the_changes(open_window, last_period, monkeypatch, asked):
    window = open_window()
    before = {s.id for s in list_reports(window.db)}
    monkeypatch.setattr(start_from_file, "ask_open_path", lambda _parent: str(last_period))
    file_menu = [a.menu() for a in window.menuBar().actions() if a.text() == "&Tệp"][0]
    assert window.start_from_file_action in file_menu.actions()
    window.start_from_file_action.trigger()
    after = {s.id for s in list_reports(window.db)}
    assert len(after - before) == 2  # last period's report kept, and this period's
    report = window.report
    assert report.id == max(after) and report.period == Period(PeriodKind.HALF2, 2024)
    assert "6 tháng cuối năm 2024" in report.subject
    assert asked == ["Báo cáo kỳ này từ báo cáo kỳ trước"]  # one dialog, no other question
    # nobody had set the organisation up: the file's ("own", as the dialog suggests) becomes the program's
    assert load_organization(window.db).issuing_body == ["ỦY BAN NHÂN DÂN", "PHƯỜNG THÀNH SEN"]
    changes = window.changes_dialog
    assert changes.isVisible() and changes.list.count() >= 1
    assert any("6 tháng cuối năm 2024" in changes.list.item(i).text() for i in range(changes.list.count()))


def test_other_organisation_is_asked_once_in_the_same_dialog(open_window, last_period, monkeypatch, asked):
    window = open_window()
    ours = load_organization(window.db)
    ours.issuing_body = ["ỦY BAN NHÂN DÂN", "PHƯỜNG KHÁC"]
    window.actions._write(lambda db: __import__("cchc_desktop.store.reports", fromlist=["x"])
                          .save_organization(db, ours))
    seen = []

    def answer(dialog) -> bool:
        seen.append(dialog.own.isVisible() or not dialog.own.isHidden())
        dialog.other.setChecked(True)  # another office's report: use ours
        return True

    monkeypatch.setattr(start_from_file, "exec_dialog", answer)
    new_id = start_from_file.start_from_file(window, last_period)
    assert seen == [True] and asked == []  # the question is in the dialog, nothing else asked
    assert new_id == window.report.id and window.report.organization.issuing_body[1] == "PHƯỜNG KHÁC"


def test_cancel_writes_nothing(open_window, last_period, monkeypatch, asked):
    window = open_window()
    before = len(list_reports(window.db))
    monkeypatch.setattr(start_from_file, "exec_dialog", lambda dialog: False)
    assert start_from_file.start_from_file(window, last_period) is None
    assert len(list_reports(window.db)) == before


def test_first_run_offers_the_file_first(open_window, last_period, monkeypatch, asked):
    window = open_window(sample_is_own=False)
    offered = []

    def fill(dialog) -> bool:
        dialog.commune.setText("Xã Cương Gián")
        return True

    monkeypatch.setattr(first_run, "exec_dialog", fill)
    monkeypatch.setattr(dialogs, "choose", lambda _p, text, answers, default=0: offered.append(answers) or 0)
    monkeypatch.setattr(start_from_file, "ask_open_path", lambda _parent: str(last_period))
    assert first_run.run_setup(window)
    assert offered[0][0] == start_from_file.MENU_TEXT
    assert window.report.period == Period(PeriodKind.HALF2, 2024)


def test_start_page_when_no_report_is_open(open_window, database, last_period, monkeypatch, asked):
    open_database(database).close()
    db = open_database(database)
    from cchc_desktop.store.reports import delete_report

    for summary in list_reports(db):
        delete_report(db, summary.id)
    db.close()
    window = open_window(sample_is_own=False)
    assert window.report is None
    page = window.start_page
    assert page.isVisible() and not window.tabs.isVisible()
    monkeypatch.setattr(start_from_file, "ask_open_path", lambda _parent: str(last_period))
    page.from_file.click()
    assert window.report is not None and not page.isVisible() and window.tabs.isVisible()


def test_first_run_button_starts_from_the_file_taking_its_organisation(open_window, last_period, monkeypatch,
                                                                       asked):
    window = open_window(sample_is_own=False)

    def click(dialog) -> bool:
        dialog.from_file.click()  # nothing typed: one click
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(first_run, "exec_dialog", click)
    monkeypatch.setattr(start_from_file, "ask_open_path", lambda _parent: str(last_period))
    assert first_run.run_setup(window)
    assert window.report.period == Period(PeriodKind.HALF2, 2024)
    assert load_organization(window.db).issuing_body[1] == "PHƯỜNG THÀNH SEN"
    assert not first_run.needs_setup(window)
