"""Tệp → Nhập từ Word… and a .docx dropped on the window: a new report, the import report
with clickable lines, refusals in one message, the organisation question."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from cchc_desktop.gui import dialogs, import_dialog
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import list_reports, load_report
from tests.importing import hostile
from tests.importing.make_fixtures import f04_textbox_header, f08_tcvn3, f13_seven_forms, f14_phan_thu, build


@pytest.fixture
def said(monkeypatch):
    texts: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, text: texts.append(text))
    monkeypatch.setattr(dialogs, "error", lambda _parent, text, details="": texts.append("ERROR " + text))
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, text, default_yes=False: texts.append(text) or True)
    return texts


def _reports(database):
    db = open_database(database, create_sample=False)
    try:
        return {s.id: load_report(db, s.id) for s in list_reports(db)}
    finally:
        db.close()


def test_menu_import_opens_the_new_report_and_lists_what_to_review(open_window, database, tmp_path, monkeypatch,
                                                                     said, qtbot):
    window = open_window()
    before = set(_reports(database))
    path, _builder, _expect = build(f04_textbox_header, tmp_path)
    monkeypatch.setattr(import_dialog, "ask_open_path", lambda _parent: str(path))
    file_menu = [a.menu() for a in window.menuBar().actions() if a.text() == "&Tệp"][0]
    texts = [a.text().replace("&", "") for a in file_menu.actions()]  # mnemonics added by gui.keyboard
    assert texts.index("Nhập từ Word…") == texts.index("Báo cáo mới…") + 1
    window.import_action.trigger()
    reports = _reports(database)
    (new_id,) = set(reports) - before
    assert window.report.id == new_id
    assert window.report.subject == "Kết quả công tác năm 2026 và phương hướng năm 2027"
    dialog = window.import_report_dialog
    assert dialog.isVisible() and dialog.list.count() == 1
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any("Dự thảo lần 2" in line and "đầu trang" in line for line in lines)
    assert not any("khác cơ quan đã khai" in text for text in said)  # the same commune as set up here


def test_clicking_a_line_goes_to_the_place(open_window, tmp_path, monkeypatch, said, qtbot):
    window = open_window()
    path, _builder, _expect = build(f13_seven_forms, tmp_path)
    import_dialog.import_path(window, path)
    location = import_dialog.location_of(window, "part:1:2")
    assert location == {"field": "parts[1].blocks[2]", "section": window.report.parts[1].tag, "block": 2}
    assert import_dialog.location_of(window, "appendix:3") == {"field": "appendix[3]", "row": 0}
    from cchc_desktop.gui.locate import go_to

    go_to(window, location)
    assert window.tabs.currentWidget() is window.narrative and window.narrative.current_index() == 1
    go_to(window, import_dialog.location_of(window, "appendix:0"))
    assert window.tabs.currentWidget() is window.indicators


def test_a_docx_dropped_on_the_window_is_imported(open_window, database, tmp_path, said, qtbot):
    window = open_window()
    before = set(_reports(database))
    path, _builder, _expect = build(f08_tcvn3, tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    # what Qt calls for a drop on an editor (the filter sits on the application; a synthetic
    # QDropEvent sent from Python is not routed through the drag manager offscreen)
    assert window.import_drop_filter.eventFilter(window.general.subject, event) is True
    # the import starts once the drop has returned
    qtbot.waitUntil(lambda: window.report is not None and window.report.id not in before)
    reports = _reports(database)
    (new_id,) = set(reports) - before
    imported = reports[new_id]
    assert imported.organization.issuing_body == ["ỦY BAN NHÂN DÂN", "XÃ CƯƠNG GIÁN"]  # TCVN3 converted
    assert imported.signature.name == "Lê Thị Sáu"


@pytest.mark.parametrize("make", [hostile.encrypted_docx, hostile.zip_bomb, hostile.billion_laughs,
                                  hostile.truncated], ids=lambda f: f.__name__)
def test_a_hostile_file_gives_one_message_and_no_report(open_window, database, tmp_path, said, make):
    window = open_window()
    before = _reports(database)
    assert import_dialog.import_path(window, make(tmp_path)) is None
    assert len(said) == 1 and said[0].startswith("ERROR Tệp “")
    assert _reports(database) == before


def test_keeping_our_organisation_when_asked(open_window, database, tmp_path, monkeypatch, qtbot):
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, text, **_k: asked.append(text) and False)
    window = open_window()
    from cchc_desktop.store.reports import load_organization

    ours = load_organization(window.db)
    path, _builder, _expect = build(f14_phan_thu, tmp_path)  # a provincial committee, not our commune
    new_id = import_dialog.import_path(window, path)
    assert len(asked) == 1 and "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH" in asked[0]
    assert _reports(database)[new_id].organization.issuing_body == ours.issuing_body


def _count_reports(database) -> int:
    import sqlite3

    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return db.execute("SELECT count(*) FROM reports").fetchone()[0]
    finally:
        db.close()


@pytest.fixture
def slow_import(monkeypatch):
    """import_file taking a second (a big or hostile file); the event is set when it returns."""
    import threading
    import time

    import cchc_desktop.importing as importing

    real = importing.import_file
    done = threading.Event()
    threads: list[threading.Thread] = []

    def slow(path, **kwargs):
        threads.append(threading.current_thread())
        time.sleep(1)
        try:
            return real(path, **kwargs)
        finally:
            done.set()

    monkeypatch.setattr(importing, "import_file", slow)
    slow.done, slow.threads = done, threads
    return slow


def _ticking():
    from PySide6.QtCore import QTimer

    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(50)
    return timer, ticks


def test_a_slow_import_keeps_the_window_responsive(open_window, database, tmp_path, monkeypatch, said, qtbot,
                                                  slow_import):
    import threading

    from cchc_desktop.gui import background_task

    window = open_window()
    before = _count_reports(database)
    path, _builder, _expect = build(f13_seven_forms, tmp_path)
    monkeypatch.setattr(import_dialog, "ask_open_path", lambda _parent: str(path))
    background_task.last_dialog = None
    timer, ticks = _ticking()
    try:
        window.import_action.trigger()
    finally:
        timer.stop()
    assert slow_import.threads and slow_import.threads[0] is not threading.main_thread()
    assert len(ticks) >= 8  # the GUI thread ran its timers through the one-second read
    assert background_task.last_dialog is not None  # slow: "Đang đọc tệp …" with "Hủy" showed
    assert _count_reports(database) == before + 1 and window.report.id is not None
    assert not [text for text in said if text.startswith("ERROR")]


def test_cancelling_a_slow_import_stores_nothing(open_window, database, tmp_path, monkeypatch, said, qtbot,
                                                 slow_import):
    from PySide6.QtCore import QTimer

    from cchc_desktop.gui import background_task

    window = open_window()
    shown = window.report
    before = _count_reports(database)
    path, _builder, _expect = build(f13_seven_forms, tmp_path)
    background_task.last_dialog = None
    labels: list[str] = []

    def press_cancel():
        dialog = background_task.last_dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, press_cancel)
            return
        labels.append(dialog.label.text())
        dialog.cancel_button.click()

    QTimer.singleShot(0, press_cancel)
    assert import_dialog.import_path(window, path) is None
    assert not slow_import.done.is_set()  # back before the reading ended
    assert labels == [f"Đang đọc tệp “{path.name}”…"]
    assert "Đã hủy nhập" in window.statusBar().currentMessage()
    # the reading finishes in the background; nothing of it reaches the database
    assert slow_import.done.wait(10)
    qtbot.wait(300)
    window.save_now(wait=True)
    assert _count_reports(database) == before
    assert window.report is shown and said == []
