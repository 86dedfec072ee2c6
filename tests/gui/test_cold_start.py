"""Cold start: the window is painted first, the last report is loaded right after (issue 26)."""

from __future__ import annotations

import sys

from cchc_desktop.gui import app as app_module, first_run


def test_the_window_shows_before_the_report_is_loaded(qtbot, tmp_path, monkeypatch) -> None:
    made = []
    real = app_module.build_window

    def build(path, open_report=True):
        window = real(path, open_report)
        made.append((window, window.report))
        return window

    monkeypatch.setattr(app_module, "build_window", build)
    monkeypatch.setattr(first_run, "maybe_start", lambda window: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs the crash handler
    shared = app_module.application()

    class Running:
        """The application whose exec lets the queued start-up run, without quitting the
        application the other tests share."""

        def __getattr__(self, name):
            return getattr(shared, name)

        def exec(self) -> int:
            qtbot.wait(800)
            return 0

    monkeypatch.setattr(app_module, "application", Running)
    assert app_module.run_app(tmp_path / "cchc.sqlite") == 0
    window, at_build = made[0]
    try:
        assert at_build is None  # nothing loaded before the first paint
        assert window.report is not None  # the sample, opened once the window was on screen
    finally:
        window.close()
