"""A window over a fresh database in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.gui.app import application, build_window

from .helpers import treat_sample_as_own


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "cchc.sqlite"


@pytest.fixture
def open_window(qtbot, database):
    """Call to open (or reopen) the window on ``database``; closed at the end of the test."""
    opened = []

    def make(sample_is_own: bool = True):
        """The sample opens read-only ("Mẫu"); most tests edit it as if it were the clerk's own."""
        application()
        window = build_window(database)
        qtbot.addWidget(window)
        window.show()
        opened.append(window)
        if sample_is_own:
            treat_sample_as_own(window)
        return window

    yield make
    for window in opened:
        window.close()


@pytest.fixture(autouse=True)
def quick_new_report(monkeypatch):
    """"Báo cáo mới" asks the kind and period in a modal dialog: tests get the default template
    and its current period instead (test_new_report_dialog drives the dialog itself)."""
    from cchc_desktop.core.templates import default_period, template_info
    from cchc_desktop.gui import new_report_dialog
    from cchc_desktop.store.reports import DEFAULT_TEMPLATE

    def choose(parent, organization):
        return DEFAULT_TEMPLATE, default_period(template_info(DEFAULT_TEMPLATE))

    monkeypatch.setattr(new_report_dialog, "ask_new_report", choose)
