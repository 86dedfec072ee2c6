"""A damaged database at start is moved aside (bytes kept) and the newest good backup offered."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.store import backup, integrity
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_report, save_report


def _prepare(tmp_path: Path) -> Path:
    path = tmp_path / "cchc.sqlite"
    db = open_database(path)
    report = load_report(db, 1)
    report.subject = "Có trong bản sao lưu"
    save_report(db, report)
    db.close()
    backup.auto_backup(path)
    return path


def test_healthy_and_missing_files_are_left_alone(tmp_path: Path) -> None:
    path = _prepare(tmp_path)
    assert integrity.check_and_recover(path).health is integrity.Health.OK
    assert integrity.check_and_recover(tmp_path / "none.sqlite").health is integrity.Health.OK
    assert path.exists()


@pytest.mark.parametrize("damage", ["truncated", "garbage", "pages"])
def test_damaged_file_moved_aside_and_backup_offered(tmp_path: Path, damage: str) -> None:
    path = _prepare(tmp_path)
    data = path.read_bytes()
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "garbage":
        data = b"\x00garbage" * 2000
    else:
        data = data[:4096] + b"\xff" * (len(data) - 4096)
    path.write_bytes(data)
    result = integrity.check_and_recover(path)
    assert result.health is integrity.Health.DAMAGED
    assert not path.exists()
    assert result.moved_to is not None and result.moved_to.read_bytes() == data
    assert result.backup is not None and "khôi phục" in result.message
    integrity.accept_backup(result, path)
    db = open_database(path)
    assert load_report(db, 1).subject == "Có trong bản sao lưu"
    db.close()


def test_damaged_without_backup_says_so(tmp_path: Path) -> None:
    path = tmp_path / "cchc.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x01" * 200)
    first = integrity.check_and_recover(path)
    assert first.backup is None and "Không tìm thấy bản sao lưu" in first.message
    path.write_bytes(b"again")
    second = integrity.check_and_recover(path)
    assert second.moved_to != first.moved_to and first.moved_to.exists()  # never overwritten
