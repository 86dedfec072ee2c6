"""The window's side: autosave with an upper bound, the start-up offer of a backup for an
empty database, and edits to a report another program deleted."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from cchc_desktop import paths
from cchc_desktop.gui import app, dialogs
from cchc_desktop.gui.app import application, build_window
from cchc_desktop.gui.autosave import MAX_WAIT_MS
from cchc_desktop.store.backup import auto_backup
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import delete_report
from tests.gui.helpers import treat_sample_as_own, type_text


@pytest.fixture
def window(qtbot, tmp_path: Path):
    application()
    opened = build_window(tmp_path / "cchc.sqlite")
    qtbot.addWidget(opened)
    opened.show()
    treat_sample_as_own(opened)  # the sample opens read-only ("Mẫu"); these tests type into it
    yield opened
    opened.close()


def test_continuous_typing_is_saved_while_it_goes_on(qtbot, window) -> None:
    """A keystroke every 100 ms for 2.4 s never leaves a 0.7 s pause; saves happen anyway."""
    saves: list[float] = []
    window.autosaver.saved.connect(lambda _when: saves.append(time.monotonic()))
    window.narrative.select_part(0)
    editor = window.narrative.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    started = time.monotonic()
    for ch in "Cán bộ gõ liên tục không ngừng":
        type_text(editor, ch)
        last_key = time.monotonic()
        qtbot.wait(80)
    typing_ended = time.monotonic()
    assert typing_ended - started > 2.0
    during = [moment for moment in saves if moment <= typing_ended]
    assert len(during) >= 2, saves  # the old autosave (pause only) saved nothing while typing
    # the first save comes early in the typing, not at its end; measured against the typing's own
    # length, which a busy machine stretches as it stretches the save (0.8 s flat failed under load)
    assert during[0] - started < max(2 * MAX_WAIT_MS / 1000, (typing_ended - started) / 2)
    # and the last keystrokes too (a save may already have come within the last 80 ms)
    qtbot.waitUntil(lambda: saves and saves[-1] >= last_key, timeout=3000)
    window.autosaver.wait()
    text = window.db.execute("SELECT document FROM reports WHERE id = ?", [window.report.id]).fetchone()[0]
    assert "Cán bộ gõ liên tục không ngừng" in text


def test_edits_to_a_report_deleted_elsewhere_are_kept_and_said(qtbot, window) -> None:
    other = open_database(window.database, create_sample=False)  # "the command line"
    delete_report(other, window.report.id)
    other.close()
    messages: list[str] = []
    window.autosaver.failed.connect(messages.append)
    type_text(window.narrative.editor, " thêm")
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert "đã bị xóa" in messages[0] and f"restore {window.report.id}" in messages[0]
    text = window.db.execute("SELECT document FROM reports WHERE id = ?", [window.report.id]).fetchone()[0]
    assert " thêm" in text  # nothing lost: in the recycle bin, and the clerk knows


@pytest.mark.parametrize("answer", [True, False])
def test_empty_default_database_at_start_offers_the_newest_backup(tmp_path: Path, monkeypatch, answer) -> None:
    default = tmp_path / "cchc.sqlite"
    monkeypatch.setattr(paths, "default_database", lambda: default)
    db = open_database(default)
    db.execute("UPDATE reports SET subject = 'Trong bản sao lưu' WHERE id = 1")
    db.conn.commit()
    db.close()
    auto_backup(default)
    default.write_bytes(b"")  # a crash during a copy, a full stick
    for extra in ("-wal", "-shm"):
        Path(str(default) + extra).unlink(missing_ok=True)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, text, default_yes=False: asked.append(text) or answer)
    monkeypatch.setattr(dialogs, "error", lambda _parent, text: pytest.fail(text))
    app.check_at_start(default)
    assert len(asked) == 1 and "trống (0 byte)" in asked[0] and "khôi phục" in asked[0]
    if answer:
        with closing(sqlite3.connect(default)) as conn:
            assert conn.execute("SELECT subject FROM reports WHERE id = 1").fetchone()[0] == "Trong bản sao lưu"
    else:
        assert default.read_bytes() == b""  # the clerk said no: an empty database, as asked


def test_a_healthy_database_is_not_moved_at_start(tmp_path: Path, monkeypatch) -> None:
    default = tmp_path / "cchc.sqlite"
    monkeypatch.setattr(paths, "default_database", lambda: default)
    open_database(default).close()
    auto_backup(default)
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: pytest.fail("nothing to offer"))
    monkeypatch.setattr(dialogs, "error", lambda _parent, text: pytest.fail(text))
    app.check_at_start(default)
    assert sorted(p.name for p in tmp_path.iterdir() if "damaged" in p.name) == []


def test_a_failed_save_is_written_again_not_dropped(qtbot, window, monkeypatch) -> None:
    """The file is busy for a moment (a long restore by the command line): the snapshot that
    failed is written later, and never over a newer one."""
    from cchc_desktop.store import reports

    real_save = reports.save_report
    calls = {"n": 0}

    def busy_once(db, report, **options):
        calls["n"] += 1
        if calls["n"] == 1:
            raise sqlite3.OperationalError("database is locked")
        return real_save(db, report, **options)

    monkeypatch.setattr(reports, "save_report", busy_once)
    failures: list[str] = []
    window.autosaver.failed.connect(failures.append)
    type_text(window.narrative.editor, " một")
    window.save_now(wait=True)
    qtbot.waitUntil(lambda: bool(failures), timeout=3000)  # queued from the writer thread
    assert "chương trình khác" in failures[0] and "locked" not in failures[0]
    window.autosaver.save_now(wait=True)  # nothing typed since: the failed snapshot is written
    text = window.db.execute("SELECT document FROM reports WHERE id = ?", [window.report.id]).fetchone()[0]
    assert " một" in text
    type_text(window.narrative.editor, " hai")
    window.save_now(wait=True)
    window.autosaver._unsaved[window.report.id] = (0, window.report)  # a stale failure, older than the disk
    window.autosaver.save_now(wait=True)
    text = window.db.execute("SELECT document FROM reports WHERE id = ?", [window.report.id]).fetchone()[0]
    assert " một hai" in text
