"""The reporting cycle in the window: next report, finalising, history, backups.

No modal dialog ever runs: dialogs are built and driven directly, and the ask-functions and
exec are replaced by monkeypatch.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from cchc_desktop.core.model import Period, PeriodKind, ReportStatus, SectionKey
from cchc_desktop.core.next_report import text_fields
from cchc_desktop.gui import cycle_actions, dialogs
from cchc_desktop.gui.history_dialog import HistoryDialog
from cchc_desktop.gui.next_report_dialog import NextReportDialog
from cchc_desktop.store.reports import list_reports, load_report
from cchc_desktop.store.revisions import list_revisions

from .helpers import press, type_text


@pytest.fixture
def quiet(monkeypatch):
    """Message boxes answer at once: confirm says yes, the texts are kept for assertions."""
    said: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, text: said.append(text))
    monkeypatch.setattr(dialogs, "error", lambda _parent, text, details="": said.append("ERROR " + text))
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, text, default_yes=False: True)
    return said


def _all_text(report) -> str:
    return "\n".join(text for _location, _where, text in text_fields(report))


def _directions(report) -> str:
    return "\n".join("".join(r.text for r in b.runs) for b in report.section(SectionKey.DIRECTIONS).blocks)


def _make_next(window, monkeypatch, untick: int | None = None):
    """Kỳ báo cáo → Báo cáo kỳ tiếp theo… for năm 2024, the dialog driven as a clerk would."""
    seen = {}

    def run(dialog):
        if isinstance(dialog, NextReportDialog):
            dialog.set_period(Period(PeriodKind.YEAR, 2024))
            if untick is not None:
                seen["unticked"] = dialog.plan().rewrites[untick]
                dialog.set_enabled(untick, False)
            seen["count"] = dialog.tree.topLevelItemCount()
            return True
        return False

    monkeypatch.setattr(cycle_actions, "exec_dialog", run)
    before = {s.id for s in list_reports(window.db)}
    window.cycle.next_report.trigger()
    new_ids = {s.id for s in list_reports(window.db)} - before
    assert len(new_ids) == 1
    return new_ids.pop(), seen


def test_next_report_for_the_year_from_the_sample(open_window, monkeypatch, quiet) -> None:
    window = open_window()
    source = window.report
    assert source.period.kind == PeriodKind.HALF1 and source.period.year == 2024
    dialog = NextReportDialog(source, window)
    assert (dialog.period().kind, dialog.period().year) == (PeriodKind.HALF2, 2024)  # the following one suggested
    dialog.deleteLater()

    new_id, seen = _make_next(window, monkeypatch)
    assert seen["count"] > 2
    assert window.report.id == new_id  # opened
    assert new_id in {s.id for s in window.report_list.summaries}  # in the list
    stored = load_report(window.db, new_id)
    assert stored.subject.endswith("năm 2024") and "6 tháng" not in stored.subject
    assert "năm 2025" in _directions(stored)
    assert "6 tháng đầu năm 2024" not in _all_text(stored).lower()
    assert stored.status == ReportStatus.DRAFT and stored.number == ""
    assert list_revisions(window.db, new_id)  # the new report starts its history
    assert window.general.subject.toPlainText() == stored.subject
    marks = [s.cursor.selectedText() for e in window.narrative.editors for s in e.extraSelections()]
    assert marks and all(re.search(r"\b2024\b|/2024|\b2023\b", m) for m in marks), marks  # old dates in yellow
    assert "tô vàng" in quiet[-1]
    window.open_report(source.id)
    assert not [s for e in window.narrative.editors for s in e.extraSelections()]


def test_an_unticked_rewrite_keeps_its_text(open_window, monkeypatch, quiet) -> None:
    window = open_window()
    new_id, seen = _make_next(window, monkeypatch, untick=0)
    rewrite = seen["unticked"]
    assert rewrite.location == "subject"  # reading order: the subject comes first
    stored = load_report(window.db, new_id)
    assert stored.subject == rewrite.context  # the old wording, untouched
    assert "năm 2025" in _directions(stored)  # the ticked rewrites still applied


def test_final_report_refuses_edits_until_reopened(qtbot, open_window, monkeypatch, quiet) -> None:
    window = open_window()
    report_id = window.report.id
    monkeypatch.setattr(cycle_actions, "ask_finalize", lambda _parent, _number: ("15/BC-UBND", date(2024, 6, 20)))
    window.cycle.finalize.trigger()
    assert load_report(window.db, report_id).status == ReportStatus.FINAL
    assert window.cycle.status.text() == "Đã ban hành — chỉ đọc"
    assert window.general.status.text() == "Đã ban hành"
    assert window.general.subject.isReadOnly() and window.narrative.editor.isReadOnly()
    assert not window.indicators.add.isEnabled() and not window.signature.add.isEnabled()
    assert not window.cycle.finalize.isEnabled() and window.cycle.reopen.isEnabled()

    stored_before = window.db.execute("SELECT document, updated_at FROM reports WHERE id = ?",
                                      [report_id]).fetchone()
    revisions_before = len(list_revisions(window.db, report_id))
    subject = window.general.subject.toPlainText()
    window.general.subject.setFocus()
    type_text(window.general.subject, "XYZ")
    editor = window.narrative.editor
    html = editor.toHtml()
    editor.selectAll()
    press(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # bold is not typing: refused too
    press(editor, Qt.Key.Key_Delete)
    assert editor.toHtml() == html
    window.actions.save.trigger()  # Ctrl+S
    assert window.general.subject.toPlainText() == subject
    assert window.db.execute("SELECT document, updated_at FROM reports WHERE id = ?",
                             [report_id]).fetchone() == stored_before
    assert len(list_revisions(window.db, report_id)) == revisions_before

    monkeypatch.setattr(cycle_actions, "ask_reason", lambda _parent: "Sửa lỗi chính tả")
    window.cycle.reopen.trigger()
    assert load_report(window.db, report_id).status == ReportStatus.DRAFT
    assert not window.general.subject.isReadOnly() and window.indicators.add.isEnabled()
    assert list_revisions(window.db, report_id)[0].note == "Sửa lỗi chính tả"
    window.general.subject.moveCursor(window.general.subject.textCursor().MoveOperation.End)
    type_text(window.general.subject, " XYZ")
    window.actions.save.trigger()
    assert load_report(window.db, report_id).subject.endswith("XYZ")
    assert not [text for text in quiet if text.startswith("ERROR")]


def test_history_lists_saves_and_restore_brings_back_older_text(qtbot, open_window, monkeypatch, quiet) -> None:
    window = open_window()
    report_id = window.report.id
    original = window.report.subject
    window.actions.save.trigger()  # nothing changed: still one revision of the stored text
    window.general.subject.moveCursor(window.general.subject.textCursor().MoveOperation.End)
    type_text(window.general.subject, " MỚI")
    window.actions.save.trigger()
    assert load_report(window.db, report_id).subject == original + " MỚI"

    dialog = HistoryDialog(window.db, report_id, window.cycle.restore_revision, window)
    assert dialog.tree.topLevelItemCount() == 2
    assert dialog.tree.topLevelItem(0).text(1) == "Lưu"
    assert "MỚI" in dialog.viewer.toPlainText()  # newest selected and shown
    dialog.select(1)
    assert "MỚI" not in dialog.viewer.toPlainText()
    dialog.restore_selected()

    assert load_report(window.db, report_id).subject == original
    assert window.general.subject.toPlainText() == original
    assert dialog.tree.topLevelItemCount() == 3 and dialog.tree.topLevelItem(0).text(1) == "Khôi phục bản cũ"
    dialog.deleteLater()

    monkeypatch.setattr(cycle_actions, "exec_dialog", lambda d: isinstance(d, QDialog) and d.deleteLater())
    window.cycle.history.trigger()  # the menu item opens the dialog without error


def test_backup_file_is_whole_and_holds_the_report(open_window, monkeypatch, quiet, tmp_path) -> None:
    window = open_window()
    window.general.subject.moveCursor(window.general.subject.textCursor().MoveOperation.End)
    type_text(window.general.subject, " SAO LƯU")  # not saved yet: the backup waits for it
    target = tmp_path / "usb" / "sao-luu.sqlite"
    monkeypatch.setattr(cycle_actions, "ask_backup_target", lambda _parent, _suggested: str(target))
    window.cycle.backup.trigger()
    assert quiet and str(target) in quiet[-1]
    with closing(sqlite3.connect(target)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        documents = [row[0] for row in copy.execute("SELECT document FROM reports")]
    assert any("SAO LƯU" in document for document in documents)


def test_restore_from_backup_reopens_the_window(open_window, monkeypatch, quiet, tmp_path) -> None:
    window = open_window()
    report_id = window.report.id
    original = window.report.subject
    target = tmp_path / "sao-luu.sqlite"
    monkeypatch.setattr(cycle_actions, "ask_backup_target", lambda _parent, _suggested: str(target))
    window.cycle.backup.trigger()
    window.general.subject.moveCursor(window.general.subject.textCursor().MoveOperation.End)
    type_text(window.general.subject, " SAU KHI SAO LƯU")
    window.save_now(wait=True)

    monkeypatch.setattr(cycle_actions, "ask_backup_source", lambda _parent: str(target))
    window.cycle.restore.trigger()
    assert not [text for text in quiet if text.startswith("ERROR")]
    assert window.report is not None and window.report.id == report_id
    assert window.report.subject == original
    assert load_report(window.db, report_id).subject == original
    type_text(window.general.subject, "X")  # the new writer works after the restore
    window.save_now(wait=True)
    assert load_report(window.db, report_id).subject != original


def test_export_adds_a_revision(open_window, monkeypatch, quiet, tmp_path) -> None:
    from cchc_desktop.gui import actions

    window = open_window()
    report_id = window.report.id
    monkeypatch.setattr(actions, "ask_save_path", lambda *_args: str(tmp_path / "bao-cao.docx"))
    monkeypatch.setattr(window.actions.checks_panel, "run_now", lambda *_args: 0)
    window.actions.export.trigger()
    assert (tmp_path / "bao-cao.docx").exists()
    assert [r.reason for r in list_revisions(window.db, report_id)] == ["export"]


def test_damaged_default_database_at_start_gets_the_newest_backup(open_window, monkeypatch, quiet, tmp_path) -> None:
    from cchc_desktop import paths
    from cchc_desktop.gui.app import check_at_start
    from cchc_desktop.store.backup import auto_backup

    window = open_window()
    good = window.database
    window.save_now(wait=True)
    auto_backup(good)  # into the isolated per-user backups folder
    default = tmp_path / "default.sqlite"
    garbage = b"not a database at all" * 100
    default.write_bytes(garbage)
    monkeypatch.setattr(paths, "default_database", lambda: default)
    check_at_start(default)
    with closing(sqlite3.connect(default)) as restored:
        assert restored.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert restored.execute("SELECT count(*) FROM reports").fetchone()[0] >= 1
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("default.sqlite.damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes() == garbage

    other = tmp_path / "named.sqlite"  # a --db file is never touched at start
    other.write_bytes(garbage)
    check_at_start(other)
    assert other.read_bytes() == garbage
