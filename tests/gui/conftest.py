"""A window over a fresh database in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.gui.app import application, build_window


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "cchc.sqlite"


@pytest.fixture
def open_window(qtbot, database):
    """Call to open (or reopen) the window on ``database``; closed at the end of the test."""
    opened = []

    def make():
        application()
        window = build_window(database)
        qtbot.addWidget(window)
        window.show()
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.close()
