"""Báo cáo mới (kind and period), Lưu làm mẫu, and the next-report dialog for weeks.

No modal dialog runs: dialogs are built and driven directly; the ask-functions are replaced.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from cchc_desktop.core.model import Organization, Period, PeriodKind, Signature
from cchc_desktop.core.templates import list_templates, new_report, template_info, user_templates_dir
from cchc_desktop.gui import dialogs, new_report_dialog
from cchc_desktop.gui.new_report_dialog import NewReportDialog
from cchc_desktop.gui.next_report_dialog import NextReportDialog
from cchc_desktop.store.reports import list_reports, load_report

from .helpers import type_text

K = PeriodKind
TODAY = date(2026, 9, 16)  # a Wednesday of September's week 3 (14/9–18/9), quarter III


def _org() -> Organization:
    return Organization(["ỦY BAN NHÂN DÂN", "XÃ THIÊN CẦM"], [], "Ủy ban nhân dân xã Thiên Cầm", "Thiên Cầm",
                        "UBND", Signature(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "CHỦ TỊCH", "Nguyễn Văn An"),
                        ["Lưu: VT."])


@pytest.fixture
def quiet(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda _parent, text, details="": said.append("ERROR " + text))
    return said


def test_dialog_fields_fit_the_kind_of_report(qtbot) -> None:
    dialog = NewReportDialog(_org(), today=TODAY)
    qtbot.addWidget(dialog)
    titles = [dialog.kinds.item(i).text() for i in range(dialog.kinds.count())]
    assert "Báo cáo công tác tuần" in titles and "Báo cáo định kỳ công tác cải cách hành chính" in titles
    assert "Thiên Cầm" in dialog.who.text() and "báo cáo mẫu" not in dialog.who.text()

    dialog.set_template("weekly-work")
    assert [dialog.period_kind.itemText(i) for i in range(dialog.period_kind.count())] == ["Tuần"]
    assert not dialog.month.isHidden() and not dialog.index.isHidden() and dialog.index_label.text() == "Tuần số"
    assert dialog.choice() == ("weekly-work", Period(K.WEEK, 2026, 3, month=9))
    assert "Từ ngày 14/9/2026 đến ngày 18/9/2026" in dialog.dates.text()
    assert dialog.index.maximum() == 4  # September 2026 has four Thursdays
    dialog.index.setValue(4)
    assert "Từ ngày 21/9/2026 đến ngày 25/9/2026" in dialog.dates.text()
    assert "tuần 01 tháng 10 năm 2026" in dialog.summary.text()  # the directions' week
    dialog.month.setValue(10)
    assert dialog.index.maximum() == 5 and dialog.ok.isEnabled()  # October 2026 has five

    dialog.set_template("cchc-periodic")
    assert dialog.period_kind.currentData() == K.QUARTER and dialog.index_label.text() == "Quý"
    assert dialog.month.isHidden() and dialog.choice() == ("cchc-periodic", Period(K.QUARTER, 2026, 3))
    assert "từ ngày 15/6/2026 đến ngày 14/9/2026" in dialog.dates.text()
    dialog.period_kind.setCurrentIndex(dialog.period_kind.findData(K.YEAR))
    assert dialog.index.isHidden() and dialog.choice() == ("cchc-periodic", Period(K.YEAR, 2026))

    dialog.set_template("thematic")
    assert not dialog.no_period.isHidden() and dialog.year.isHidden() and dialog.index.isHidden()
    assert dialog.choice()[1].kind == K.NONE and dialog.dates.text() == ""

    dialog.set_template("monthly-work")
    assert dialog.choice() == ("monthly-work", Period(K.MONTH, 2026, 9))


def test_new_report_from_the_window(open_window, monkeypatch, quiet) -> None:
    window = open_window()
    seen = {}

    def ask(parent, organization):
        dialog = NewReportDialog(organization, parent, today=TODAY)
        seen["who"] = dialog.who.text()
        dialog.set_template("weekly-work")
        return dialog.choice()

    monkeypatch.setattr(new_report_dialog, "ask_new_report", ask)
    before = len(list_reports(window.db))
    window.actions.new.trigger()
    assert len(list_reports(window.db)) == before + 1
    report = window.report
    assert report.kind == "weekly-work" and report.period == Period(K.WEEK, 2026, 3, month=9)
    assert report.doc_name == "BÁO CÁO CÔNG TÁC TUẦN 03 THÁNG 9 NĂM 2026"
    assert report.subject == "(Từ ngày 14/9/2026 đến ngày 18/9/2026)"
    assert load_report(window.db, report.id) == report
    # a fresh database still carries the sample's organisation: the dialog says so
    assert "báo cáo mẫu" in seen["who"] and "Thông tin cơ quan" in seen["who"]
    assert window.tabs.currentWidget() is window.general
    assert quiet == []
    # editing the weekly report in the general tab keeps its week (and it saves)
    type_text(window.general.number, "7")
    window.save_now(wait=True)
    stored = load_report(window.db, report.id)
    assert stored.number == "7" and stored.period == Period(K.WEEK, 2026, 3, month=9)
    assert window.general.index.isEnabled() and window.general.index.value() == 3

    monkeypatch.setattr(new_report_dialog, "ask_new_report", lambda parent, organization: None)  # Hủy
    window.actions.new.trigger()
    assert len(list_reports(window.db)) == before + 1 and window.report.id == report.id


def test_save_as_template_and_make_a_report_from_it(open_window, monkeypatch, quiet) -> None:
    window = open_window()
    assert window.report.sample  # the sample report opens first
    asked = {}

    def title(parent, suggested):
        asked["suggested"] = suggested
        return "Báo cáo tuyên truyền của xã"

    monkeypatch.setattr(new_report_dialog, "ask_template_title", title)
    window.actions.save_template.trigger()
    assert asked["suggested"] == "Công tác tuyên truyền cải cách hành chính"
    info = template_info("bao-cao-tuyen-truyen-cua-xa")
    assert info.own and info.path.parent == user_templates_dir() and "bao-cao-tuyen-truyen-cua-xa" in list_templates()
    stored = json.loads(info.path.read_text(encoding="utf-8"))
    assert stored["template"]["title"] == "Báo cáo tuyên truyền của xã"
    assert "{kỳ báo cáo}" in stored["report"]["subject"] and not stored["report"]["sample"]
    assert "Đã lưu mẫu “Báo cáo tuyên truyền của xã”" in window.statusBar().currentMessage()

    def ask(parent, organization):
        dialog = NewReportDialog(organization, parent, today=TODAY)
        assert any("(mẫu riêng)" in dialog.kinds.item(i).text() for i in range(dialog.kinds.count()))
        dialog.set_template(info.name)
        dialog.set_period(Period(K.YEAR, 2025))
        return dialog.choice()

    monkeypatch.setattr(new_report_dialog, "ask_new_report", ask)
    window.actions.new.trigger()
    report = window.report
    assert report.subject == "Công tác tuyên truyền cải cách hành chính năm 2025"
    assert report.parts[2].title.endswith("năm 2026")  # the directions name the year after
    assert not report.sample and report.kind == info.name
    assert all(row.value is None for row in report.appendix.rows)
    assert quiet == []


def test_next_report_dialog_offers_weeks_with_their_dates(qtbot) -> None:
    report = new_report("weekly-work", Period(K.WEEK, 2026, 3, month=9), _org())
    dialog = NextReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.period() == Period(K.WEEK, 2026, 4, month=9)
    assert not dialog.month.isHidden() and dialog.index.maximum() == 4
    assert "Từ ngày 21/9/2026 đến ngày 25/9/2026" in dialog.wording.text()
    befores = {r.before for r in dialog.plan().rewrites}
    assert {"TUẦN 03 THÁNG 9 NĂM 2026", "Từ ngày 14/9/2026 đến ngày 18/9/2026"} <= befores
    dialog.month.setValue(10)
    dialog.index.setValue(1)
    assert dialog.period() == Period(K.WEEK, 2026, 1, month=10)
    assert "Từ ngày 28/9/2026 đến ngày 02/10/2026" in dialog.wording.text()


def test_next_report_dialog_keeps_a_thematic_report(qtbot) -> None:
    report = new_report("thematic", Period(K.NONE, 2026), _org())
    dialog = NextReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.period().kind == K.NONE and dialog.plan().rewrites == []
    assert "không theo kỳ" in dialog.wording.text() and dialog.month.isHidden()
    assert isinstance(dialog, QDialog)


def test_the_organisation_can_be_set_from_the_dialog(qtbot) -> None:
    from cchc_desktop.core.templates import load_sample

    asked = []

    def edit():
        asked.append(True)
        return _org()

    dialog = NewReportDialog(load_sample().organization, today=TODAY, edit_organization=edit)
    qtbot.addWidget(dialog)
    assert "báo cáo mẫu" in dialog.who.text() and not dialog.organization_button.isHidden()
    dialog.organization_button.click()
    assert asked and "Thiên Cầm" in dialog.who.text() and "báo cáo mẫu" not in dialog.who.text()
    plain = NewReportDialog(_org())
    qtbot.addWidget(plain)
    assert plain.organization_button.isHidden()  # no window, no settings dialog
