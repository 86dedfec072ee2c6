"""Issue 22, findings 1–5: the window against the command line's restore, import and backup
(a real second process), closing while saves fail, and a damaged row."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from cchc_desktop.gui import closing as window_closing
from cchc_desktop.gui import damaged, dialogs
from cchc_desktop.gui.app import application, build_window
from cchc_desktop.store.exchange import read_exchange
from tests.gui.helpers import type_text

from .scenarios import cli, make_exchange
from .test_window_start import window  # noqa: F401 - the same window fixture


def _type(window, text: str) -> None:
    window.tabs.setCurrentWidget(window.narrative)
    window.narrative.select_part(0)
    editor = window.narrative.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, text)


def _stored(db: Path, report_id: int) -> str | None:
    with closing(sqlite3.connect(db)) as conn:
        row = conn.execute("SELECT document FROM reports WHERE id = ?", [report_id]).fetchone()
    return None if row is None else row[0]


def _ids(db: Path) -> list[int]:
    with closing(sqlite3.connect(db)) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM reports ORDER BY id")]


def _cli_ok(window, home: Path, *args: str) -> str:
    result = cli(window.database, home, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_report_created_elsewhere_under_a_freed_number_is_never_overwritten(qtbot, window, tmp_path,
                                                                                isolated_home) -> None:
    """Finding 1: restore a backup without report N, import a file: it must not get N, and the
    window's next save of N writes over nothing; the typed text becomes a new report."""
    db = window.database
    start = tmp_path / "start.sqlite"
    _cli_ok(window, isolated_home, "backup", str(start))
    first = int(_cli_ok(window, isolated_home, "import", str(make_exchange(tmp_path / "a.json", rows=3))))
    window.refresh_list()
    window.open_report(first)
    _type(window, " chữ của cửa sổ")
    window.save_now(wait=True)
    _cli_ok(window, isolated_home, "restore", str(start))  # report `first` is gone
    second = int(_cli_ok(window, isolated_home, "import", str(make_exchange(tmp_path / "b.json", rows=5,
                                                                             subject="Báo cáo nhập sau"))))
    assert second != first  # a number is never given to another report
    imported = _stored(db, second)
    _type(window, " và thêm nữa")
    qtbot.waitUntil(lambda: window.report is not None and window.report.id not in (first, second), timeout=8000)
    window.autosaver.wait()
    assert _stored(db, second) == imported  # the other program's report is untouched
    kept = _stored(db, window.report.id)
    assert " chữ của cửa sổ" in kept and " và thêm nữa" in kept  # nothing typed is lost
    assert window.external.bar.isVisible() and str(window.report.id) in window.external.bar.label.text()


def test_restoring_the_open_report_is_not_undone_by_the_window(qtbot, window, tmp_path, isolated_home) -> None:
    """Finding 2: with nothing typed since, the window shows the restored text; a keystroke
    afterwards is added to the restored text, never the old text written back."""
    db, report_id = window.database, window.report.id
    _type(window, " trước sao lưu")
    window.save_now(wait=True)
    start = tmp_path / "start.sqlite"
    _cli_ok(window, isolated_home, "backup", str(start))
    _type(window, " SAU-SAO-LUU")
    window.save_now(wait=True)
    assert "SAU-SAO-LUU" in _stored(db, report_id)
    _cli_ok(window, isolated_home, "restore", str(start))
    qtbot.waitUntil(lambda: "SAU-SAO-LUU" not in window.narrative.editor.toPlainText(), timeout=8000)
    assert window.report.id == report_id
    _type(window, " gõ tiếp")
    window.save_now(wait=True)
    stored = _stored(db, report_id)
    assert "SAU-SAO-LUU" not in stored and " trước sao lưu gõ tiếp" in stored


def test_restoring_while_the_clerk_types_keeps_both(qtbot, window, tmp_path, isolated_home) -> None:
    """Finding 2, typing: the restored report stays restored, the typed text is a new report."""
    db, report_id = window.database, window.report.id
    start = tmp_path / "start.sqlite"
    _cli_ok(window, isolated_home, "backup", str(start))
    window.external.timer.stop()  # the restore is only seen by the next save (the worst case)
    _cli_ok(window, isolated_home, "restore", str(start))
    restored = _stored(db, report_id)
    _type(window, " ĐANG-GÕ")
    qtbot.waitUntil(lambda: window.report.id != report_id, timeout=8000)
    window.autosaver.wait()
    assert _stored(db, report_id) == restored
    assert " ĐANG-GÕ" in _stored(db, window.report.id)
    assert window.external.bar.open_stored.isVisible()
    window.external.bar.open_stored.click()
    assert window.report.id == report_id and "ĐANG-GÕ" not in window.narrative.editor.toPlainText()


@pytest.mark.parametrize("side", ["", "-wal", "-shm", "hardlink", "dotdot"])
def test_backup_onto_the_live_database_is_refused(qtbot, window, tmp_path, isolated_home, side) -> None:
    """Finding 3: the command line (and the window's dialog, same store function) refuse."""
    db = window.database
    _type(window, " đã lưu trước sao lưu")
    window.save_now(wait=True)
    if side == "hardlink":
        target = tmp_path / "link.sqlite"
        target.hardlink_to(db)
    elif side == "dotdot":
        target = tmp_path / "x" / ".." / db.name
        (tmp_path / "x").mkdir()
    else:
        target = db.with_name(db.name + side)
    result = cli(db, isolated_home, "backup", str(target))
    assert result.returncode == 1 and "chính tệp dữ liệu" in result.stderr, result
    window.autosaver.wait()
    assert " đã lưu trước sao lưu" in _stored(db, window.report.id)
    from cchc_desktop.store.backup import backup_to
    from cchc_desktop.store.database import StoreError

    with pytest.raises(StoreError, match="chính tệp dữ liệu"):
        window.actions._write(lambda _db: backup_to(db, target))


def _failing_saves(monkeypatch) -> None:
    from cchc_desktop.store import reports

    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(reports, "save_report", full)


def test_closing_while_saves_fail_asks_and_a_copy_keeps_the_text(qtbot, window, tmp_path, monkeypatch) -> None:
    """Finding 4: never a silent loss; "Lưu bản sao ra tệp…" writes a JSON the import reads."""
    _failing_saves(monkeypatch)
    asked: list[str] = []
    answers = iter([window_closing.RETRY, window_closing.COPY])
    monkeypatch.setattr(window_closing, "ask_unsaved", lambda _w, text: asked.append(text) or next(answers))
    copy = tmp_path / "ban-sao.json"
    monkeypatch.setattr(window_closing, "ask_copy_path", lambda _w, _suggested: str(copy))
    monkeypatch.setattr(dialogs, "inform", lambda *_a, **_k: None)
    _type(window, " CHƯA-LƯU-ĐƯỢC")
    window.close()
    assert len(asked) == 2 and "Chưa lưu được" in asked[0]
    assert not window.isVisible()
    report = read_exchange(copy)
    assert "CHƯA-LƯU-ĐƯỢC" in json.dumps(report_dict(report), ensure_ascii=False)


def report_dict(report) -> dict:
    from cchc_desktop.core.codec import report_to_dict

    return report_to_dict(report)


def test_closing_while_saves_fail_can_go_back_to_the_window(qtbot, window, monkeypatch) -> None:
    _failing_saves(monkeypatch)
    monkeypatch.setattr(window_closing, "ask_unsaved", lambda _w, _text: window_closing.CANCEL)
    _type(window, " vẫn còn")
    window.close()
    assert window.isVisible() and " vẫn còn" in window.narrative.editor.toPlainText()
    monkeypatch.undo()  # saves work again: the fixture's close saves the text
    window.close()
    assert " vẫn còn" in _stored(window.database, window.report.id)


def test_closing_with_everything_saved_asks_nothing(qtbot, window, unsaved_at_close) -> None:
    _type(window, " xong")
    window.close()
    assert unsaved_at_close == [] and not window.isVisible()


def test_a_change_noticed_as_the_window_closes_is_let_go(qtbot, window, unsaved_at_close) -> None:
    """A notice of another program's commit still queued when the window closed (its writer
    thread is gone) is let go quietly: no error at exit, nothing written."""
    _type(window, " xong")
    report_id = window.report.id
    window.close()
    window.external.on_external(report_id, "changed")
    assert unsaved_at_close == [] and window.autosaver.closed


def test_a_damaged_row_is_listed_and_offers_its_revision(qtbot, tmp_path, isolated_home, monkeypatch) -> None:
    """Finding 5: list and the window go on; the damaged report brings back its newest revision."""
    db = tmp_path / "cchc.sqlite"
    cli(db, isolated_home, "list")
    other = int(cli(db, isolated_home, "import", str(make_exchange(tmp_path / "a.json", rows=2))).stdout)
    assert cli(db, isolated_home, "history", str(other)).returncode == 0
    with closing(sqlite3.connect(db)) as conn:
        revisions = conn.execute("SELECT COUNT(*) FROM revisions WHERE report_id = ?", [other]).fetchone()[0]
        conn.execute("UPDATE reports SET document = '{hỏng' WHERE id = ?", [other])
        conn.commit()
    listed = cli(db, isolated_home, "list")
    assert listed.returncode == 0 and "hỏng" in listed.stdout, listed.stderr
    as_json = json.loads(cli(db, isolated_home, "list", "--json").stdout)
    assert [r["damaged"] for r in as_json if r["id"] == other] == [True]
    application()
    window = build_window(db)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.report is not None and window.report.id != other  # started on a readable one
        assert other in [s.id for s in window.report_list.summaries]
        asked: list[str] = []
        monkeypatch.setattr(damaged, "ask_restore", lambda _w, text: asked.append(text) or True)
        monkeypatch.setattr(dialogs, "error", lambda _w, text, *_a: asked.append(text))
        window.open_report(other)
        assert asked and "bị hỏng" in asked[0]
        if revisions:
            assert window.report.id == other
            json.loads(_stored(db, other))  # readable again
    finally:
        window.close()
