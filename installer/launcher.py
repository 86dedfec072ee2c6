"""Entry point of the frozen application (PyInstaller runs this file, not ``__main__.py``).

It only repairs the standard streams of a frozen Windows build, then hands over to the
same ``cli.main`` the source run uses, so frozen and source behave alike.
"""

from __future__ import annotations

import os
import sys


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


def _quit_after_first_paint() -> None:
    """Smoke test (CI, benchmarks): the window closes itself once it has painted, exit code 0.

    The QApplication made here is the one ``gui.app.application()`` picks up again
    (``QApplication.instance()``), so the window code runs unchanged.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])

    class QuitAfterFirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched.isWidgetType() and watched.isWindow():
                app.removeEventFilter(self)
                QTimer.singleShot(0, app.quit)
            return False

    app._smoke_filter = QuitAfterFirstPaint(app)  # kept alive with the application
    app.installEventFilter(app._smoke_filter)


def main() -> int:
    _repair_streams()
    if os.environ.get(SMOKE_ENV):
        _quit_after_first_paint()
    from cchc_desktop.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
