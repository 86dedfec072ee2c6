"""argparse's own texts reach the clerk in Vietnamese too."""

from __future__ import annotations

import pytest

from cchc_desktop.cli import main


def test_help_headings_are_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0
    assert out.startswith("cách dùng: cchc-desktop")
    assert "tùy chọn" in out and "hiện hướng dẫn này rồi thoát" in out
    assert "positional arguments" not in out and "show this help" not in out


def test_missing_argument_is_told_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["show"])
    err = capsys.readouterr().err
    assert exit_info.value.code != 0
    assert "thiếu đối số bắt buộc" in err and "required" not in err
