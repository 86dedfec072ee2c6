"""One instance per database; the crash handler saves the draft, logs and shows details."""

from __future__ import annotations

from cchc_desktop import logs
from cchc_desktop.core.model import SectionKey
from cchc_desktop.gui import crash, dialogs, single_instance
from cchc_desktop.gui.filenames import safe_filename
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import list_reports, load_report

from .helpers import type_text


def test_second_instance_on_the_same_database_is_refused(qapp, tmp_path) -> None:
    first = single_instance.acquire(tmp_path / "a.sqlite")
    assert first is not None
    assert single_instance.acquire(tmp_path / "a.sqlite") is None
    other = single_instance.acquire(tmp_path / "b.sqlite")
    assert other is not None
    first.unlock()
    assert single_instance.acquire(tmp_path / "a.sqlite") is not None


def test_crash_handler_saves_logs_and_explains(open_window, database, monkeypatch) -> None:
    window = open_window()
    shown = []
    monkeypatch.setattr(crash, "show_crash", lambda parent, text, details="": shown.append((text, details)))
    editor = window.narrative.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " chưa kịp lưu")
    handler = crash.CrashHandler(lambda: window.save_now(wait=True), lambda: window)
    try:
        raise ValueError("hỏng")
    except ValueError as error:
        handler(ValueError, error, error.__traceback__)
    text, details = shown[0]
    assert text == "Chương trình gặp lỗi không mong muốn; bản nháp đã được lưu."  # one sentence, no traceback
    assert "ValueError" in details and "Traceback" in details and str(logs.log_file().parent) in details
    assert "ValueError" in logs.log_file().read_text(encoding="utf-8")
    db = open_database(database, create_sample=False)
    report = load_report(db, list_reports(db)[0].id)
    assert report.section(SectionKey.RESULTS).blocks[-1].text.endswith(" chưa kịp lưu")


def test_safe_filename() -> None:
    assert safe_filename("Báo cáo: Đợt 1/2024?") == "Báo cáo Đợt 1 2024"  # Vietnamese kept
    assert safe_filename("CON") == "Báo cáo CON"
    long = safe_filename("Báo cáo kết quả công tác tuyên truyền cải cách hành chính " * 3, limit=60)
    assert long == "Báo cáo kết quả công tác tuyên truyền cải cách hành chính"  # cut at a word (≤ 60)
    nfd = "Ba\u0301o ca\u0301o"  # as some keyboards type it: the name is stored composed
    assert safe_filename(nfd) == "Báo cáo"


def test_crash_dialog_keeps_the_details_behind_a_button(qtbot) -> None:
    dialog = crash.CrashDialog(None, "Chương trình gặp lỗi không mong muốn; bản nháp đã được lưu.",
                               "Traceback (most recent call last):\nValueError: hỏng")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.details.isVisible() and "Traceback" not in dialog.sentence.text()
    dialog.toggle.click()
    assert dialog.details.isVisible() and "ValueError" in dialog.details.toPlainText()
    assert dialog.toggle.text().replace("&", "") == "Ẩn chi tiết"
