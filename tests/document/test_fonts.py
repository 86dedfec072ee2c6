"""Font discovery: Times New Roman wins when present, Liberation Serif otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cchc_desktop.document import fonts


@pytest.fixture()
def font_folders(tmp_path, monkeypatch):
    liberation = fonts.find_fonts().files
    windows, linux = tmp_path / "Windows" / "Fonts", tmp_path / "liberation2"
    windows.mkdir(parents=True)
    linux.mkdir()
    for source, name in zip(liberation, ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                                          "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf")):
        shutil.copy(source, linux / name)
    monkeypatch.setattr(fonts, "font_dirs", lambda: [windows, linux])
    fonts.find_fonts.cache_clear()
    yield windows, linux, liberation
    fonts.find_fonts.cache_clear()


def test_liberation_serif_when_no_times(font_folders):
    assert fonts.find_fonts().family == "Liberation Serif"


def test_times_new_roman_preferred(font_folders):
    windows, _, liberation = font_folders
    for source, name in zip(liberation, ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")):
        shutil.copy(source, windows / name)
    found = fonts.find_fonts()
    assert found.family == "Times New Roman"
    assert [Path(f).name for f in found.files] == ["times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"]


def test_incomplete_times_set_is_skipped(font_folders):
    windows, _, liberation = font_folders
    shutil.copy(liberation[0], windows / "times.ttf")  # regular only
    assert fonts.find_fonts().family == "Liberation Serif"


def test_no_font_gives_a_vietnamese_message(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "font_dirs", lambda: [tmp_path])
    fonts.find_fonts.cache_clear()
    try:
        with pytest.raises(fonts.FontNotFoundError, match="Không tìm thấy phông"):
            fonts.find_fonts()
    finally:
        fonts.find_fonts.cache_clear()
