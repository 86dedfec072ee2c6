"""Hostile inputs: one Vietnamese line, exit code 1, bounded time and memory (the child runs
under a 1 GB address-space cap), and the database and input files unchanged."""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from . import hostile
from .hostile import ENGLISH, dump, run_capped
from .scenarios import cli, integrity, make_exchange

pytestmark = pytest.mark.skipif(os.name == "nt", reason="resource limits are POSIX")
SECONDS = 30  # generous: the cases take about a second each


def _assert_clean_refusal(outcome: hostile.Outcome, words: str) -> None:
    assert outcome.code == 1, outcome
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi: ") and words in lines[0], outcome.stderr
    assert not any(english in outcome.stderr for english in ENGLISH), outcome.stderr
    assert outcome.seconds < SECONDS


@pytest.fixture
def db(tmp_path: Path, isolated_home: Path) -> Path:
    path = tmp_path / "cchc.sqlite"
    assert cli(path, isolated_home, "list").returncode == 0
    return path


@pytest.mark.parametrize("case, words", [
    ("deep", "lồng nhau quá sâu"),
    ("surrogate", "ký tự không hợp lệ"),
    ("rows", "vượt giới hạn 2.000 dòng"),
    ("huge", "quá lớn"),
    ("long_text", "vượt giới hạn 100.000"),
])
def test_hostile_import_is_refused_cleanly(tmp_path: Path, isolated_home: Path, db: Path, case: str,
                                           words: str) -> None:
    source = tmp_path / f"{case}.json"
    if case == "deep":
        hostile.deep_json(source)
    elif case == "surrogate":
        hostile.lone_surrogate(source)
    elif case == "rows":
        hostile.rows_json(source, 3_000)  # over the row limit, under the size limit
    elif case == "huge":
        hostile.huge_file(source)
    else:
        make_exchange(source, subject="Báo cáo " + "dài " * 40_000)
    before, data = dump(db), source.read_bytes()
    _assert_clean_refusal(run_capped(db, isolated_home, "import", str(source)), words)
    assert dump(db) == before and source.read_bytes() == data


@contextmanager
def small_disk(folder: Path, size_kb: int, read_only: bool = False):
    """A real small (or read-only) file system: ENOSPC and EROFS as the clerk's USB stick gives them."""
    folder.mkdir(parents=True, exist_ok=True)
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _fill(folder: Path, leave_kb: int) -> Path:
    """Fill the small disk, leaving about ``leave_kb`` free."""
    filler = folder / "filler.bin"
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize - leave_kb * 1024
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(free, 0))
    return filler


def test_disk_full_during_import(tmp_path: Path, isolated_home: Path) -> None:
    big = make_exchange(tmp_path / "big.json", rows=2_000)
    with small_disk(tmp_path / "usb", 4096) as usb:
        db = usb / "cchc.sqlite"
        assert cli(db, isolated_home, "list").returncode == 0
        filler = _fill(usb, 160)
        before = dump(db)
        _assert_clean_refusal(run_capped(db, isolated_home, "import", str(big)), "ổ đĩa đã đầy")
        assert dump(db) == before and integrity(db) == "ok"
        filler.unlink()
        assert cli(db, isolated_home, "import", str(big)).returncode == 0  # and it works once there is room


def test_disk_full_limit_during_import(tmp_path: Path, isolated_home: Path, db: Path) -> None:
    """Without root: a file-size limit on the child stands in for the full disk."""
    big = make_exchange(tmp_path / "big.json", rows=2_000)
    before = dump(db)
    outcome = run_capped(db, isolated_home, "import", str(big), file_size=db.stat().st_size + 64 * 1024)
    _assert_clean_refusal(outcome, "ổ đĩa")
    assert dump(db) == before


def test_disk_full_during_backup_and_json_export(tmp_path: Path, isolated_home: Path, db: Path) -> None:
    with small_disk(tmp_path / "usb", 64) as usb:
        target = usb / "copy.sqlite"
        _assert_clean_refusal(run_capped(db, isolated_home, "backup", str(target)), f"Ổ đĩa chứa “{usb}” đã đầy")
        assert sorted(usb.iterdir()) == []  # no half copy, no hidden temporary
        big = make_exchange(tmp_path / "big.json", rows=2_000)
        assert cli(db, isolated_home, "import", str(big)).returncode == 0
        outcome = run_capped(db, isolated_home, "export", "2", "--json", str(usb / "out.json"))
        _assert_clean_refusal(outcome, "ổ đĩa đã đầy")
        assert sorted(usb.iterdir()) == []


def test_read_only_stick(tmp_path: Path, isolated_home: Path, db: Path) -> None:
    """A write-protected USB stick: the reason is the stick, not 'open in Word'."""
    with small_disk(tmp_path / "usb", 1024) as usb:
        (usb / "bao-cao.pdf").write_bytes(b"old")
        subprocess.run(["mount", "-o", "remount,ro", str(usb)], check=True)
        for args in (["export", "1", "--pdf", str(usb / "bao-cao.pdf")], ["export", "1", "--json", str(usb / "a.json")],
                     ["backup", str(usb / "copy.sqlite")]):
            outcome = run_capped(db, isolated_home, *args)
            _assert_clean_refusal(outcome, "chỉ đọc")
            assert "đang được mở" not in outcome.stderr
        assert (usb / "bao-cao.pdf").read_bytes() == b"old"


@pytest.mark.parametrize("command", [["check", "1"], ["export", "1", "--pdf", "out.pdf"]])
def test_a_huge_stored_report_is_refused_not_processed(tmp_path: Path, isolated_home: Path, command) -> None:
    db = tmp_path / "cchc.sqlite"
    hostile.huge_stored_report(db, isolated_home)
    before = dump(db)
    args = [str(tmp_path / part) if part.endswith(".pdf") else part for part in command]
    outcome = run_capped(db, isolated_home, *args)
    _assert_clean_refusal(outcome, "quá lớn")  # by its size, before SQLite parses it
    assert outcome.max_rss_mb < 500
    assert dump(db) == before and not (tmp_path / "out.pdf").exists()


def test_unreadable_home_during_the_font_search(monkeypatch) -> None:
    """A PermissionError from a font folder (an unreadable home) means 'no font here'."""
    from cchc_desktop.document import fonts

    real_is_dir, real_is_file = Path.is_dir, Path.is_file
    home = str(Path.home())

    def refuse(original):
        def check(self):
            if str(self).startswith(home):
                raise PermissionError(13, "Permission denied", str(self))
            return original(self)
        return check

    monkeypatch.setattr(Path, "is_dir", refuse(real_is_dir))
    monkeypatch.setattr(Path, "is_file", refuse(real_is_file))
    fonts.find_fonts.cache_clear()
    try:
        try:
            found = fonts.find_fonts()
        except fonts.FontNotFoundError:
            found = None  # a machine without the fonts: the Vietnamese message, not a crash
        assert found is None or all(not str(path).startswith(home) for path in found.files)
    finally:
        fonts.find_fonts.cache_clear()
