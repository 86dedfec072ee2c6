"""The first day: setup of the organisation, the sample marked "Mẫu" and read-only until copied, Help."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from cchc_desktop.gui import dialogs, first_run, help as help_module
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import list_reports, load_organization, load_report

from .helpers import type_text


def _status_texts(window) -> dict[int, str]:
    tree = window.report_list.tree
    return {tree.topLevelItem(i).data(0, 256): tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())}


def test_sample_is_marked_and_read_only_until_copied(qtbot, open_window, database) -> None:
    window = open_window(sample_is_own=False)
    sample_id = window.report.id
    assert first_run.is_sample(window, window.report)
    assert _status_texts(window)[sample_id] == "Mẫu"
    assert window.sample_bar.isVisible() and window.sample_bar.copy.isEnabled()
    editor = window.narrative.editor
    before = editor.toPlainText()
    type_text(editor, "gõ thử")
    assert editor.isReadOnly() and editor.toPlainText() == before
    assert not window.cycle.finalize.isEnabled()

    window.sample_bar.copy.click()
    copy_id = window.report.id
    assert copy_id != sample_id and not first_run.is_sample(window, window.report)
    editor = window.narrative.editor  # the copy's own part editors
    assert not window.sample_bar.isVisible() and not editor.isReadOnly()
    type_text(editor, "Bản của xã")
    window.save_now(wait=True)
    assert _status_texts(window) == {sample_id: "Mẫu", copy_id: "Dự thảo"}
    # The sample itself was never changed.
    db = open_database(database)
    assert "Bản của xã" not in str(load_report(db, sample_id).sections)


def test_sample_is_remembered_after_reopening(qtbot, open_window) -> None:
    window = open_window(sample_is_own=False)
    sample_id = window.report.id
    window.sample_bar.copy.click()
    copy_id = window.report.id
    window.close()
    window = open_window(sample_is_own=False)
    assert first_run.sample_ids(window) == {sample_id}
    assert _status_texts(window)[copy_id] == "Dự thảo"


def test_first_run_setup_saves_the_organisation_and_offers_a_new_report(qtbot, open_window, database,
                                                                       monkeypatch) -> None:
    window = open_window(sample_is_own=False)
    assert first_run.needs_setup(window)

    def answer(dialog) -> bool:
        assert dialog.district.text() == ""  # two-tier local government: no district by default
        dialog.commune.setText("Phường Thành Sen")
        dialog.province.setText("Hà Tĩnh")
        dialog.province.textEdited.emit("Hà Tĩnh")
        dialog.signer.setText("Nguyễn Thị Hoa")
        dialog.title.setCurrentText("Phó Chủ tịch")
        assert dialog.recipients.lines()[0] == "Sở Nội vụ tỉnh Hà Tĩnh (để b/c);"
        return True

    monkeypatch.setattr(first_run, "exec_dialog", answer)
    monkeypatch.setattr(first_run, "ask_first_step", lambda window: first_run.NEW)  # "Tạo báo cáo mới…"
    reports_before = len(list_reports(window.db))
    assert first_run.run_setup(window)

    org = load_organization(open_database(database))
    assert org.issuing_body == ["ỦY BAN NHÂN DÂN", "PHƯỜNG THÀNH SEN"]
    assert org.place == "Thành Sen" and org.governing_body == []
    assert org.default_signature.authority == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert (org.default_signature.title, org.default_signature.name) == ("PHÓ CHỦ TỊCH", "Nguyễn Thị Hoa")
    assert org.default_recipients[-1] == "Lưu: VT."
    # The new report is open, carries the organisation, and is editable.
    assert len(list_reports(window.db)) == reports_before + 1
    assert window.report.organization.issuing_body[1] == "PHƯỜNG THÀNH SEN"
    assert window.report.signature.name == "Nguyễn Thị Hoa"
    assert not window.narrative.editor.isReadOnly()
    assert not first_run.needs_setup(window)


def test_setup_postponed_is_not_asked_again(qtbot, open_window, monkeypatch) -> None:
    window = open_window(sample_is_own=False)
    monkeypatch.setattr(first_run, "exec_dialog", lambda dialog: False)
    assert not first_run.run_setup(window)
    assert not first_run.needs_setup(window)


def test_setup_refuses_an_empty_commune(qtbot) -> None:
    dialog = first_run.FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok.click()
    assert dialog.isVisible() and dialog.message.isVisible()


def test_help_guide_with_pictures_and_about(qtbot, open_window, monkeypatch) -> None:
    window = open_window()
    assert window.help.guide.shortcut().toString() == "F1"
    window.help.guide.trigger()
    guide = window.help.guide_window
    assert guide.isVisible()
    html = guide.browser.toHtml()
    assert "Ngày đầu tiên" in guide.browser.toPlainText()
    images = [name for name in ("thiet-lap.png", "cua-so.png", "xem-truoc-khi-in.png", "xem-ben-canh.png")
              if name in html]
    assert len(images) == 4
    for name in images:  # every picture is shipped and loads
        assert (help_module.guide_path().parent / "images" / name).stat().st_size > 10_000
    shown = []
    monkeypatch.setattr(help_module, "exec_dialog", shown.append)
    window.help.about.trigger()
    texts = " ".join(label.text() for label in shown[0].findChildren(QLabel))
    assert "0." in texts and "MIT" in texts and str(help_module.paths.data_dir()) in texts
