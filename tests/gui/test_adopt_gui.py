"""Importing another office's report in the window and answering "Không" (not ours): the
organisation's signer, place and Nơi nhận come in from the settings, and the import report
lists each place that still names the other office (core/adopt.py)."""

from __future__ import annotations

from cchc_desktop.document.export import export_docx
from cchc_desktop.gui import dialogs, import_dialog
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_organization, load_report
from tests.core.test_adopt import _theirs


def test_not_our_organisation_replaces_what_is_ours_and_lists_the_rest(open_window, database, tmp_path,
                                                                      monkeypatch, qtbot):
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, text, **_k: False)
    window = open_window()
    ours = load_organization(window.db)
    export_docx(_theirs(), tmp_path / "other.docx")
    new_id = import_dialog.import_path(window, tmp_path / "other.docx")
    db = open_database(database, create_sample=False)
    try:
        report = load_report(db, new_id)
    finally:
        db.close()
    assert report.organization.issuing_body == ours.issuing_body and report.place == ours.place
    assert report.signature == ours.default_signature and report.recipients == ours.default_recipients
    assert "Sơn Thủy" not in report.closing and ours.name in report.closing
    dialog = window.import_report_dialog
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert sum("còn nêu cơ quan của tệp" in line for line in lines) == 4
