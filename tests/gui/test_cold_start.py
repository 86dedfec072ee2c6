"""Cold start: the window is painted first, the last report is loaded right after (issue 26)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject

from cchc_desktop.gui import app as app_module, first_run


def test_the_window_shows_before_the_report_is_loaded(qtbot, tmp_path, monkeypatch) -> None:
    made, painted, painted_at_load, enabled_at_load = [], [], [], []
    real = app_module.build_window

    class Paints(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt)
            if event.type() == QEvent.Type.Paint:
                painted.append(watched)
            return False

    def build(path, open_report=True, connect=True):
        window = real(path, open_report, connect)
        made.append((window, window.report, window.db))
        watcher = Paints(window)
        for widget in (window, window.menuBar(), window.centralWidget()):
            widget.installEventFilter(watcher)
        opening = window.open_initial

        def open_initial() -> None:
            painted_at_load.append(len(painted))
            enabled_at_load.append(window.tabs.isEnabled())
            opening()

        window.open_initial = open_initial
        return window

    monkeypatch.setattr(app_module, "build_window", build)
    monkeypatch.setattr(first_run, "maybe_start", lambda window: None)
    watchers = []
    real_when_painted = app_module.when_painted
    monkeypatch.setattr(app_module, "when_painted",
                        lambda window, then: watchers.append(real_when_painted(window, then)) or watchers[-1])
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
            qtbot.waitUntil(lambda: bool(settled), timeout=10000)  # painted, then loaded (a busy CI is slow)
            return 0

    monkeypatch.setattr(app_module, "application", Running)
    assert app_module.run_app(tmp_path / "cchc.sqlite") == 0
    window, at_build, db_at_build = made[0]
    try:
        assert at_build is None  # nothing loaded before the first paint
        assert db_at_build is None  # nor the database opened (sqlite-utils, the file's checks)
        handle = window.windowHandle()
        # the report loads once the window is painted
        assert painted_at_load and painted_at_load[0] > 0, (
            watchers[0].reason, watchers[0].waits, handle is not None and handle.isExposed())
        assert window.report is not None  # the sample, opened once the window was on screen
        assert enabled_at_load == [False] and window.tabs.isEnabled()  # greyed until then, not an empty form
        assert settled == [True]  # the collector set aside what start-up made, after the report loaded
    finally:
        window.close()


HEAVY = ("reportlab", "docx", "pyhanko", "lxml", "PIL", "openpyxl", "PySide6.QtPrintSupport",
         "cchc_desktop.document.layout", "cchc_desktop.importing", "cchc_desktop.gui.printing",
         "importlib.metadata",  # sqlite-utils' scan of the installed packages for plugins
         "sqlite_utils", "click", "dateutil", "pluggy",  # the database opens once the window is painted
         "cchc_desktop.gui.tabs.narrative", "cchc_desktop.gui.tabs.indicators",  # so do the tabs behind
         "cchc_desktop.gui.tabs.signature", "cchc_desktop.gui.tabs.preview", "PySide6.QtPdf")  # the first


def test_the_first_paint_loads_no_pdf_word_or_import_modules(tmp_path) -> None:
    """What the window needs before its first paint (as run_app builds it) does not bring in
    the PDF and Word libraries, the importers, the printing dialogs (they load when first used)
    or sqlite-utils and the tabs behind the first one (they come once the window is painted)."""
    import os
    import subprocess

    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cchc_desktop.gui.app import application, build_window\n"
        "application()\n"
        f"window = build_window(Path({str(tmp_path / 'cchc.sqlite')!r}), open_report=False, connect=False)\n"
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


LAZY = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent
from cchc_desktop.gui import import_dialog, keyboard
from cchc_desktop.gui.app import application, build_window

seen = []
for kind in (keyboard._WindowKeys, import_dialog._DropFilter):
    def counting(self, watched, event, real=kind.eventFilter):
        seen.append(type(self).__name__)
        return real(self, watched, event)
    kind.eventFilter = counting
built = {}
real_finish = keyboard.Keyboard.finish
def finish(self):
    real_finish(self)
    built["filtered while built"] = len(seen)  # the last step of the window's construction
keyboard.Keyboard.finish = finish

app = application()
window = build_window(Path(sys.argv[1]), open_report=False)
facts = dict(built)
facts["filtered before the loop"] = sorted(set(seen))
facts["check rules"] = sorted(m for m in sys.modules if m.startswith("cchc_desktop.core.checks"))
facts["side preview"] = getattr(window.split, "_pane", True) is not None  # (before: always built)
facts["start page"] = window.start_page is not None
facts["window sheet"] = "focus" in window.styleSheet()
from cchc_desktop.gui import focus_style
facts["ring style"] = app.style() is focus_style.installed() and ":focus" not in app.styleSheet()
app.processEvents()  # the event loop runs: the drop filter is on, the clerk's words loaded
mime = QMimeData()
mime.setUrls([QUrl.fromLocalFile(str(Path(sys.argv[1]).with_name("ky-truoc.docx")))])
drag = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
app.sendEvent(window.general.subject, drag)
facts["drop taken"] = drag.isAccepted()
window.open_initial()  # the last report: the clerk's words reach the checks before it is checked
from cchc_desktop.core.checks import lexicon
facts["clerk's words"] = sorted(lexicon.user_words())
window.split.action.trigger()  # F9: the pane now
facts["side preview on F9"] = not window.split.pane.isHidden()
window.split.action.trigger()
print(json.dumps(facts))
window.split.close()
window.autosaver.close()
"""


def test_what_the_first_paint_does_not_need_waits(tmp_path) -> None:
    """Before the first paint: no check rule imported (the clerk's words and the spelling
    underline load them when the first report opens), no side preview or start page built, no second
    copy of the focus frame on the window, no event of the window's construction sent through
    the application-wide filters in Python.  Each is there when first needed."""
    import json
    import os
    import subprocess

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CCHC_DESKTOP_HOME=str(tmp_path))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "tu-dien-rieng.json").write_text(json.dumps({"version": 1, "words": ["nhơng"]}),
                                                          encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", LAZY, str(tmp_path / "cchc.sqlite")], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout.strip().splitlines()[-1])
    assert facts["check rules"] == []
    assert facts["side preview"] is False and facts["start page"] is False
    assert facts["ring style"] and not facts["window sheet"]  # the ring is drawn by the style, no sheet
    assert facts["filtered while built"] == 0
    assert facts["filtered before the loop"] == ["_WindowKeys"]  # the drop filter waits for the loop
    assert facts["drop taken"] and facts["side preview on F9"]
    assert facts["clerk's words"] == ["nhơng"]


def _swallow_menu_paints(window):
    """A menu bar that never gets painted (as behind a slow or minimised start)."""

    class Swallow(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt)
            return event.type() == QEvent.Type.Paint

    swallow = Swallow(window)
    window.menuBar().installEventFilter(swallow)  # installed last, so it runs first
    return swallow


def test_a_window_never_painted_still_loads_after_the_limit_painted_first(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMainWindow

    monkeypatch.setattr(app_module, "FIRST_PAINT_LIMIT_MS", 50)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("Tệp")
    painted, fired = [], []

    class Paints(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt)
            if event.type() == QEvent.Type.Paint:
                painted.append(len(fired))
            return False

    app_module.when_painted(window, lambda: fired.append(len(painted)))
    _swallow_menu_paints(window)
    window.installEventFilter(Paints(window))
    qtbot.wait(150)
    assert not fired  # the limit counts from show(), not from construction
    window.show()
    qtbot.waitUntil(lambda: bool(fired), timeout=3000)
    assert fired[0] > 0  # the window was painted before the report loaded
    qtbot.wait(100)
    assert len(fired) == 1  # once only


def test_a_window_started_minimised_loads_its_report_at_the_limit(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMainWindow

    monkeypatch.setattr(app_module, "FIRST_PAINT_LIMIT_MS", 50)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("Tệp")
    fired = []
    watcher = app_module.when_painted(window, lambda: fired.append(True))
    _swallow_menu_paints(window)
    window.showMinimized()
    qtbot.waitUntil(lambda: bool(fired), timeout=3000)
    assert watcher.reason == "limit" and watcher.waits == 0  # no waiting for a paint that never comes


def test_a_database_that_cannot_open_is_told_over_the_painted_window(qtbot, tmp_path, monkeypatch) -> None:
    """The file is opened once the window is on screen: a file that is not ours gets its one
    Vietnamese sentence in front of the window, the window closes, the program ends with 1."""
    from cchc_desktop.gui import dialogs

    foreign = tmp_path / "notes.sqlite"
    foreign.write_text("Danh sách cán bộ tham gia tập huấn\n" * 50, encoding="utf-8")
    told, made, exits = [], [], []
    real = app_module.build_window

    def build(path, open_report=True, connect=True):
        made.append(real(path, open_report, connect))
        return made[-1]

    monkeypatch.setattr(app_module, "build_window", build)
    monkeypatch.setattr(dialogs, "error", lambda parent, text, *a, **k: told.append((parent, text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shared = app_module.application()

    class Running:
        def __getattr__(self, name):
            return getattr(shared, name)

        def exit(self, code: int = 0) -> None:
            exits.append(code)

        def exec(self) -> int:
            qtbot.waitUntil(lambda: bool(exits), timeout=10000)
            return exits[0]

    monkeypatch.setattr(app_module, "application", Running)
    assert app_module.run_app(foreign) == 1
    window = made[0]
    assert len(told) == 1 and told[0][0] is window  # in front of the window, not a stray box
    assert "Traceback" not in told[0][1] and told[0][1].strip()
    assert not window.isVisible()
    assert foreign.read_text(encoding="utf-8").startswith("Danh sách cán bộ")  # never touched


def test_a_window_on_screen_not_shown_yet_is_given_more_time(qtbot, monkeypatch) -> None:
    """A very busy PC: the window is shown but the window system has not put it on screen when
    the limit comes; the report waits for it (a few limits more), then loads once it is painted."""
    from PySide6.QtWidgets import QMainWindow

    monkeypatch.setattr(app_module, "FIRST_PAINT_LIMIT_MS", 40)
    monkeypatch.setattr(app_module, "FIRST_PAINT_WAITS", 1000)  # a slow test machine: never runs out here
    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("Tệp")
    fired = []
    watcher = app_module.when_painted(window, lambda: fired.append(True))
    swallow = _swallow_menu_paints(window)
    exposed = [False]
    real_handle = window.windowHandle

    class NotYet:
        def __init__(self, handle):
            self.handle = handle

        def isExposed(self) -> bool:  # noqa: N802 (Qt)
            return exposed[0]

    monkeypatch.setattr(window, "windowHandle", lambda: NotYet(real_handle()))
    window.show()
    qtbot.wait(100)  # two limits have passed
    assert not fired and watcher.waits >= 1
    exposed[0] = True
    window.menuBar().removeEventFilter(swallow)
    window.menuBar().update()
    qtbot.waitUntil(lambda: bool(fired), timeout=3000)
    assert watcher.reason == "painted"
