"""Command line of the reporting cycle: new --from, history, finalize, reopen, backup, restore."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cchc_desktop import cli
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_report


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "cchc.sqlite"
    open_database(path).close()
    return path


def test_new_from_a_report_for_another_period(capsys, db_path: Path) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "new", "--from", "1", "--period", "year:2024")
    assert code == 0, err
    new_id = int(out.strip())
    db = open_database(db_path)
    report = load_report(db, new_id)
    db.close()
    assert report.subject.endswith("năm 2024") and report.number == ""
    code, out, _ = run(capsys, "--db", str(db_path), "history", str(new_id))
    assert code == 0 and "Tạo từ báo cáo số 1" in out
    code, _, err = run(capsys, "--db", str(db_path), "new", "--from", "1", "--period", "tuần:2024")
    assert code != 0 and err.startswith("Lỗi") and "Traceback" not in err


def test_finalize_refuses_edits_and_reopen(capsys, db_path: Path) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "finalize", "1", "--number", "15", "--date", "2024-06-12")
    assert code == 0, err
    assert "12/06/2024" in out
    code, _, err = run(capsys, "--db", str(db_path), "finalize", "1", "--number", "16", "--date", "2024-06-13")
    assert code == 1 and "đã ban hành" in err
    # the refused second finalize changed nothing
    db = open_database(db_path)
    assert load_report(db, 1).number == "15"
    db.close()
    code, _, err = run(capsys, "--db", str(db_path), "finalize", "1", "--number", "15", "--date", "12/6/2024")
    assert code == 1 and "không hợp lệ" in err
    code, out, err = run(capsys, "--db", str(db_path), "reopen", "1", "--reason", "Sửa số liệu")
    assert code == 0, err
    code, out, _ = run(capsys, "--db", str(db_path), "history", "1")
    lines = out.splitlines()
    assert "Mở lại để sửa" in lines[0] and "Sửa số liệu" in lines[0] and "Ban hành" in lines[1]
    code, _, err = run(capsys, "--db", str(db_path), "history", "99")
    assert code == 1 and "99" in err


def test_backup_and_restore_file(capsys, db_path: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb" / "sao-luu.sqlite"
    code, out, err = run(capsys, "--db", str(db_path), "backup", str(usb))
    assert code == 0, err
    conn = sqlite3.connect(usb)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    code, _, err = run(capsys, "--db", str(db_path), "delete", "1")
    assert code == 0, err
    code, out, err = run(capsys, "--db", str(db_path), "restore", str(usb))
    assert code == 0, err
    assert "giữ ở" in out
    db = open_database(db_path)
    assert db.execute("SELECT deleted_at FROM reports WHERE id = 1").fetchone()[0] is None
    db.close()
    code, out, err = run(capsys, "--db", str(db_path), "backup")  # into the backups folder
    assert code == 0 and "manual-" in out
    garbage = tmp_path / "rac.sqlite"
    garbage.write_bytes(b"rac" * 500)
    code, _, err = run(capsys, "--db", str(db_path), "restore", str(garbage))
    assert code == 1 and "không phải bản sao lưu hợp lệ" in err
    code, out, err = run(capsys, "--db", str(db_path), "restore", "1")  # a report id: the old meaning
    assert code == 0 and "khôi phục báo cáo số 1" in out
