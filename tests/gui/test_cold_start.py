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
    settled = []
    monkeypatch.setattr(app_module, "settle", lambda: settled.append(made[0][0].report is not None))
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
        assert settled == [True]  # the collector set aside what start-up made, after the report loaded
    finally:
        window.close()


HEAVY = ("reportlab", "docx", "pyhanko", "lxml", "PIL", "openpyxl", "PySide6.QtPrintSupport",
         "cchc_desktop.document.layout", "cchc_desktop.importing", "cchc_desktop.gui.printing",
         "importlib.metadata")  # the last: sqlite-utils' scan of the installed packages for plugins


def test_the_first_paint_loads_no_pdf_word_or_import_modules(tmp_path) -> None:
    """What the window needs before its first paint does not bring in the PDF and Word
    libraries, the importers or the printing dialogs (they load when first used)."""
    import os
    import subprocess

    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cchc_desktop.gui.app import application, build_window\n"
        "application()\n"
        f"window = build_window(Path({str(tmp_path / 'cchc.sqlite')!r}), open_report=False)\n"
        f"print(sorted(m for m in sys.modules if any(m == h or m.startswith(h + '.') for h in {HEAVY!r})))\n"
        "window.autosaver.close()\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CCHC_DESKTOP_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_settle_sets_start_up_objects_aside_from_the_collector() -> None:
    import gc

    gc.unfreeze()
    try:
        app_module.settle()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()  # the test process goes on collecting as before
