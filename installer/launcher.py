"""Entry point of the frozen application (PyInstaller runs this file, not ``__main__.py``).

It only repairs the standard streams of a frozen Windows build, then hands over to the
same ``cli.main`` the source run uses, so frozen and source behave alike.
"""

from __future__ import annotations

import os
import sys
import time


def _repair_streams() -> None:
    """Give every program a usable stdout/stderr.

    A windowed Windows executable starts with ``sys.stdout``/``sys.stderr`` set to None, so a
    ``write`` anywhere (a library warning, ``--version``) would crash the program. On Windows a
    redirected console stream uses the ANSI code page, which has no Vietnamese letters: UTF-8
    avoids a UnicodeEncodeError when a clerk pipes ``list`` into a file.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
        elif sys.platform == "win32" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


SMOKE_ENV = "CCHC_DESKTOP_SMOKE"


def _quit_after_first_paint(every_tab: bool = False) -> None:
    """Smoke test (CI, benchmarks): the window closes itself once it has painted and opened its
    database (which it does after its first paint), exit code 0.

    With ``CCHC_DESKTOP_SMOKE=tabs`` it first shows every tab of the window in turn, letting
    each paint, and writes ``smoke: tab N/M <title>`` to stderr for each (the Windows smoke
    under Wine checks that every tab of the frozen build comes up without a crash).
    The QApplication made here is the one ``gui.app.application()`` picks up again
    (``QApplication.instance()``), so the window code runs unchanged.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QTabWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # the first-run setup (a modal dialog once the report is loaded) would wait for a clerk; the
    # smoke looks at the window
    from cchc_desktop.gui import first_run

    first_run.maybe_start = lambda window: None

    def show_tabs(window) -> None:
        tab_widgets = [t for t in window.findChildren(QTabWidget) if t.window() is window]
        tabs = [(t, i) for t in tab_widgets for i in range(t.count())]
        for number, (tab_widget, index) in enumerate(tabs, 1):
            tab_widget.setCurrentIndex(index)
            tab_widget.currentWidget().repaint()
            app.processEvents()
            print(f"smoke: tab {number}/{len(tabs)} {tab_widget.tabText(index)}", file=sys.stderr, flush=True)
        split = getattr(window, "split", None)
        if split is None:
            QTimer.singleShot(0, app.quit)
            return
        # The preview beside the text (F9) renders in a spawned process: a frozen build must
        # start it through freeze_support (main below).  Wait for all its pages, at most 90 s.
        split.action.trigger()
        started = time.monotonic()

        def wait_for_pages() -> None:
            pane = split.pane
            if pane.complete and pane.shown == pane.requested:
                print(f"smoke: split preview {pane.document.pageCount()} pages", file=sys.stderr, flush=True)
                app.quit()
            elif time.monotonic() - started > 90:
                print("smoke: split preview gave no pages", file=sys.stderr, flush=True)
                app.quit()
            else:
                QTimer.singleShot(100, wait_for_pages)

        QTimer.singleShot(100, wait_for_pages)

    def when_started(window, then) -> None:
        """The window opens its database and builds its tabs once it is painted (gui/app.py):
        ``then`` when both are done, at most 60 s later."""
        started = time.monotonic()

        def check() -> None:
            if getattr(window, "db", None) is not None and getattr(window, "tabs_built", True):
                then()
            elif time.monotonic() - started > 60:
                print("smoke: the window did not open its database", file=sys.stderr, flush=True)
                app.exit(1)
            else:
                QTimer.singleShot(20, check)

        check()

    class QuitAfterFirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched.isWidgetType() and watched.isWindow():
                app.removeEventFilter(self)
                then = (lambda: show_tabs(watched)) if every_tab else app.quit
                QTimer.singleShot(0, lambda: when_started(watched, then))
            return False

    app._smoke_filter = QuitAfterFirstPaint(app)  # kept alive with the application
    app.installEventFilter(app._smoke_filter)


def main() -> int:
    _repair_streams()
    # The preview beside the text renders in a process of its own (multiprocessing, spawn): in a
    # frozen build that process starts this executable again, and freeze_support runs it there.
    import multiprocessing

    multiprocessing.freeze_support()
    if os.environ.get(SMOKE_ENV):
        _quit_after_first_paint(every_tab=os.environ[SMOKE_ENV] == "tabs")
    from cchc_desktop.version import answered_version

    if answered_version():
        return 0
    from cchc_desktop.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
