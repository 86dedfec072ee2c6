"""`show` and `check` never send control characters from imported text to the terminal (issue 22):
"\\x1b[2J" would clear the screen, "\\r" overwrite a line, "\\x07" ring, a C1 "\\x9b" start a
sequence.  They are printed as visible escapes; the stored text is not changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from cchc_desktop.commands.show import terminal_text
from cchc_desktop.core.model import Block, BlockRole, Run
from cchc_desktop.core.templates import load_sample
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_report, save_report

from .store.helpers import REPO_ROOT

PARAGRAPH = "Đoạn có \x1b]0;tiêu đề\x07 và\rghi đè \x9b31m đỏ\x00 hết"
RECIPIENT = "Lưu: VP\x1b[2J, VH."  # the checker quotes this line (no "VT")
# Raw bytes that must not reach the terminal: ESC, BEL, CR, NUL and C1 CSI (UTF-8 "\xc2\x9b").
RAW = (b"\x1b", b"\x07", b"\r", b"\x00", b"\xc2\x9b")


@pytest.fixture
def stored(tmp_path):
    db_path = tmp_path / "cchc.sqlite"
    db = open_database(db_path)
    report = load_sample()
    report.sample = False
    report.subject = "Báo cáo\x1b[2J xóa màn hình\x07"
    report.parts[0].blocks.append(Block(BlockRole.PARAGRAPH, [Run(PARAGRAPH)]))
    report.recipients = [*report.recipients[:3], RECIPIENT]
    report_id = save_report(db, report)
    db.close()
    return db_path, report_id


def _cli(db_path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "cchc_desktop", "--db", str(db_path), *argv],
                          capture_output=True, cwd=REPO_ROOT, env=env, timeout=120)


def _no_raw_controls(output: bytes) -> None:
    for raw in RAW:
        assert raw not in output, raw


def test_show_escapes_control_characters(stored):
    db_path, report_id = stored
    shown = _cli(db_path, "show", str(report_id))
    assert shown.returncode == 0, shown.stderr.decode()
    _no_raw_controls(shown.stdout)
    text = shown.stdout.decode("utf-8")
    assert "Báo cáo\\x1b[2J xóa màn hình\\x07" in text
    assert "Đoạn có \\x1b]0;tiêu đề\\x07 và\\x0dghi đè \\x9b31m đỏ\\x00 hết" in text
    assert "\n" in text and "Kính gửi:" in text  # newlines stay newlines
    # The stored text is as it was.
    db = open_database(db_path)
    try:
        report = load_report(db, report_id)
    finally:
        db.close()
    assert report.parts[0].blocks[-1].text == PARAGRAPH


def test_check_escapes_control_characters(stored):
    db_path, report_id = stored
    checked = _cli(db_path, "check", str(report_id))
    assert checked.returncode in (0, 1), checked.stderr.decode()
    _no_raw_controls(checked.stdout)
    assert "Lưu: VP\\x1b[2J, VH." in checked.stdout.decode("utf-8")  # the archive rule quotes it


def test_check_json_escapes_control_characters_and_still_parses(stored):
    db_path, report_id = stored
    checked = _cli(db_path, "check", str(report_id), "--json")
    assert checked.returncode in (0, 1), checked.stderr.decode()
    _no_raw_controls(checked.stdout)
    findings = json.loads(checked.stdout.decode("utf-8"))
    assert RECIPIENT in [f["text"] for f in findings]  # the same data once parsed


def test_terminal_text_keeps_tabs_newlines_and_letters():
    assert terminal_text("a\tb\nẮ đ\u00a0x") == "a\tb\nẮ đ\u00a0x"
    assert terminal_text("\x1b\x7f\x85\x9f") == "\\x1b\\x7f\\x85\\x9f"
    dumped = json.dumps(["\x9b\x1b\n"], ensure_ascii=False)
    assert json.loads(terminal_text(dumped, json=True)) == ["\x9b\x1b\n"]


def test_list_escapes_control_characters(stored):
    db_path, report_id = stored
    for argv in (["list"], ["list", "--json"]):
        listed = _cli(db_path, *argv)
        assert listed.returncode == 0, listed.stderr.decode()
        _no_raw_controls(listed.stdout)
    as_json = json.loads(_cli(db_path, "list", "--json").stdout.decode("utf-8"))
    assert "Báo cáo\x1b[2J xóa màn hình\x07" in [r["subject"] for r in as_json]
