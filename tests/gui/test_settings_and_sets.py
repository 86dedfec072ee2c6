"""Organisation settings dialog and indicator sets (import XLSX/JSON, export XLSX) in the window.

No modal dialog ever runs: the settings dialog is built and saved directly, the file dialogs
and message boxes are replaced by monkeypatch.
"""

from __future__ import annotations

from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QFileDialog

from cchc_desktop.gui import dialogs, file_dialogs
from cchc_desktop.gui.settings_dialog import MENU_TEXT, OrganizationDialog
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_organization, load_report


@pytest.fixture
def said(monkeypatch):
    """Message boxes answer at once: confirm says yes; texts kept for assertions."""
    texts: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, text: texts.append(text))
    monkeypatch.setattr(dialogs, "error", lambda _parent, text, details="": texts.append("ERROR " + text))
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, text, default_yes=False: texts.append(text) or True)
    return texts


def _choose(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(path))  # the tab asks through these
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: str(path))


def _menu_texts(window) -> list[str]:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tệp")
    return [a.text().replace("&", "") for a in file_menu.actions()]  # items get Alt-letters (gui.keyboard)


def test_settings_are_stored_and_used_by_new_reports(open_window, database, said):
    window = open_window()
    assert MENU_TEXT in _menu_texts(window)
    dialog = OrganizationDialog(window)
    assert sorted(b.text() for b in dialog.buttons.buttons()) == ["Hủy", "Lưu"]
    # Typed decomposed (as some keyboards send it): stored NFC.
    dialog.place.setText("Thie\u0302n Ca\u0302\u0300m")
    dialog.abbreviation.setText("UBND-X")
    dialog.issuing_body.setPlainText("ỦY BAN NHÂN DÂN\nXÃ THIÊN CẦM")
    dialog.title.setText("CHỦ TỊCH")
    dialog.signer_name.setText("Nguyễn Văn An")
    dialog.recipients.setPlainText("UBND tỉnh Hà Tĩnh;\nLưu: VT.")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert not [t for t in said if t.startswith("ERROR")]

    reopened = open_database(database, create_sample=False)
    with closing(reopened.conn):
        stored = load_organization(reopened)
    assert stored.place == "Thiên Cầm" and stored.abbreviation == "UBND-X"
    assert stored.issuing_body == ["ỦY BAN NHÂN DÂN", "XÃ THIÊN CẦM"]

    window.actions.new_report()
    report = window.report
    assert report.organization.place == "Thiên Cầm"
    assert report.organization.abbreviation == "UBND-X"
    assert report.place == "Thiên Cầm"
    assert report.signature.name == "Nguyễn Văn An"
    assert report.recipients == ["UBND tỉnh Hà Tĩnh;", "Lưu: VT."]
    # A second dialog shows what was stored.
    assert OrganizationDialog(window).abbreviation.text() == "UBND-X"


def _sheet(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["BẢNG CHỈ TIÊU TUYÊN TRUYỀN CCHC"])  # a title above the header, as offices send
    sheet.append(["TT", "Chỉ tiêu", "Đơn vị tính"])
    sheet.append([1, "Số cuộc họp dân có lồng ghép CCHC", "Cuộc"])
    sheet.append([2, "Số tin bài trên loa truyền thanh", "Tin"])
    sheet.append([3, "Số tài liệu phát hành", "Tờ"])
    workbook.save(path)
    return path


def test_import_xlsx_replaces_rows_and_saves(open_window, tmp_path, monkeypatch, said):
    window = open_window()
    report_id = window.report.id
    _choose(monkeypatch, _sheet(tmp_path / "bo-chi-tieu.xlsx"))
    window.indicators.import_set.click()
    assert not [t for t in said if t.startswith("ERROR")]
    assert len(window.indicators.model.table.body) == 3
    window.save_now(wait=True)

    rows = load_report(window.db, report_id).appendix.rows
    assert [(r.tt, r.indicator, r.unit) for r in rows] == [
        ("1", "Số cuộc họp dân có lồng ghép CCHC", "Cuộc"),
        ("2", "Số tin bài trên loa truyền thanh", "Tin"),
        ("3", "Số tài liệu phát hành", "Tờ"),
    ]


def test_broken_xlsx_shows_message_and_keeps_rows(open_window, tmp_path, monkeypatch, said):
    window = open_window()
    before = [r.indicator for r in window.report.appendix.rows]
    assert before  # the sample has an indicator table
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(bytes(range(256)) * 8)
    _choose(monkeypatch, broken)
    window.indicators.import_set.click()
    errors = [t for t in said if t.startswith("ERROR")]
    assert len(errors) == 1 and "hong.xlsx" in errors[0] and "Không" in errors[0]
    assert [r.indicator for r in window.report.appendix.rows] == before
    assert len(window.indicators.model.table.body) == len(before)


def test_refusing_the_replacement_keeps_rows(open_window, tmp_path, monkeypatch, said):
    window = open_window()
    before = [r.indicator for r in window.report.appendix.rows]
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: False)
    _choose(monkeypatch, _sheet(tmp_path / "bo.xlsx"))
    window.indicators.import_set.click()
    assert [r.indicator for r in window.report.appendix.rows] == before


def test_export_excel_writes_numbers(open_window, tmp_path, monkeypatch, said):
    window = open_window()
    rows = window.report.appendix.rows
    rows[0].tt, rows[0].indicator, rows[0].unit, rows[0].value = "1", "Số hội nghị", "Hội nghị", Decimal("1250")
    rows[1].tt, rows[1].indicator, rows[1].unit, rows[1].value = "2", "Tỷ lệ", "%", Decimal("12.5")
    window.indicators.set_report(window.report)
    target = tmp_path / "xuat.xlsx"
    _choose(monkeypatch, target)
    window.indicators.export_set.click()
    assert not [t for t in said if t.startswith("ERROR")]

    sheet = load_workbook(target, data_only=True).active
    keys = [c.key for c in window.report.appendix.table.columns]
    name, at = keys.index("indicator"), keys.index("value")
    values = {row[name]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["Số hội nghị"][at] == 1250 and isinstance(values["Số hội nghị"][at], int)
    assert values["Tỷ lệ"][at] == 12.5 and isinstance(values["Tỷ lệ"][at], float)


def test_export_error_is_shown(open_window, tmp_path, monkeypatch, said):
    window = open_window()
    _choose(monkeypatch, tmp_path / "khong-co-thu-muc" / "xuat.xlsx")
    window.indicators.export_set.click()
    assert any(t.startswith("ERROR Không xuất được") for t in said)
