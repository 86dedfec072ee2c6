"""Starting the window: one instance per database, crash handler, the last report open."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from cchc_desktop import paths

from . import dialogs, single_instance
from .crash import CrashHandler

log = logging.getLogger(__name__)


def check_at_start(path: Path, parent=None) -> None:
    """The default database only (never a --db file the clerk named): a damaged file is moved
    aside by check_and_recover and the newest good backup offered; an empty (0-byte) or vanished
    file with backups present gets the newest backup offered too.

    Runs before this process opens any connection to the file (see store/database.py, "One
    door"); damage is SQLite's verdict only, and a file another program has open is never
    moved aside.
    """
    from cchc_desktop.store.backup import restore_from, sweep_temporaries
    from cchc_desktop.store.database import StoreError
    from cchc_desktop.store.integrity import (Health, accept_backup, check_and_recover, empty_message,
                                              empty_with_backup)

    if path != paths.default_database():
        return
    from cchc_desktop.store.backup import backups_dir

    for folder in (path.parent, backups_dir()):
        sweep_temporaries(folder)  # hidden copies left by a killed backup or restore
    backup = empty_with_backup(path)
    if backup is not None:
        if dialogs.confirm(parent, empty_message(path, backup, window=True), default_yes=True):
            try:
                restore_from(backup, path)
            except StoreError as error:
                dialogs.error(parent, str(error))
        return
    result = check_and_recover(path)  # StoreError (damaged but open elsewhere): run_app says so
    if result.health is not Health.DAMAGED:
        return
    if result.backup is None:
        dialogs.error(parent, result.message)
        return
    if dialogs.confirm(parent, result.message, default_yes=True):
        try:
            accept_backup(result, path)
        except StoreError as error:
            dialogs.error(parent, str(error))


def backup_after_open(path: Path) -> None:
    """Daily/weekly/monthly copies; a failure is logged, never stops the clerk."""
    from cchc_desktop.store.backup import auto_backup

    try:
        auto_backup(path)
    except Exception:  # noqa: BLE001 - a full disk must not keep the window closed
        log.exception("Automatic backup failed")


def application() -> QApplication:
    from . import refcounts

    app = QApplication.instance() or QApplication(sys.argv[:1])
    refcounts.install()  # shiboken 6.12 on Python 3.11: the crash at exit (none_dealloc)
    from . import translations

    translations.install(app)  # Qt's own dialogs and menus in Vietnamese
    from . import focus_style

    focus_style.install(app)  # a focus ring a clerk can see on every control, dialogs too
    # Qt's file dialog everywhere (translated), not the system's, which speaks the language of
    # Windows ("Folder", "KiB", "Microsoft Word Document"): see gui/file_dialogs.py
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app.setApplicationName("cchc-desktop")
    app.setApplicationDisplayName("Báo cáo CCHC")
    app.setOrganizationName("cchc-desktop")
    return app


def build_window(database: Path | None, open_report: bool = True, connect: bool = True):
    """Make the window (not shown) over the database; raises StoreError.  ``open_report``
    False: the caller opens the last report once the window is on screen.  ``connect`` False:
    neither the database (``connect_database``) nor the tabs behind the first one
    (``window.build_tabs``) yet, both once the window is painted: run_app's way, for a first
    paint that waits for none of them."""
    from .main_window import MainWindow

    path = Path(database) if database else paths.default_database()
    window = MainWindow(path, None, build_tabs=connect)  # run_app: the tabs too once painted
    window.restore_state()
    if connect:
        window.attach_database(_open(path))
    from . import spelling

    # The clerk's own dictionary, for the checks and the underline: loading it imports the checks
    # with every rule (65-85 ms), so not before the first paint but before the first report opens.
    spelling.load_words_later()
    if open_report:
        window.open_initial()
    return window


def _open(path: Path):
    from cchc_desktop.store.database import open_database

    _no_sqlite_plugins()
    return open_database(path)


def connect_database(window) -> bool:
    """run_app's database, once the window is on screen: the checks of the default file (a
    damaged one moved aside, a backup offered), the connection, the day's backup.  False when
    it cannot be opened: the clerk has been told why (one Vietnamese sentence)."""
    from cchc_desktop.store.database import StoreError

    try:
        check_at_start(window.database, window)
        window.attach_database(_open(window.database))
    except StoreError as error:
        dialogs.error(window, str(error))
        return False
    backup_after_open(window.database)
    return True


def _no_sqlite_plugins() -> None:
    """sqlite-utils looks for plugins among the installed packages on its first Database (a
    scan of every package's metadata, ~50 ms at start); this program uses none, and a plugin
    from elsewhere on the PC must not change how the clerk's data is stored."""
    from sqlite_utils import plugins

    plugins._plugins_loaded = True


def settle() -> None:
    """Once the window is up and the report loaded: what start-up made stays for the session
    (Qt's wrappers, modules, the lexicon), so the cyclic garbage collector stops walking it.
    Its full passes went through all of it, 50–100 ms on the GUI thread at random moments (an
    autosave, a keystroke); afterwards they look at what the session makes.  Until now it was
    off altogether (cli.open_window): start-up makes objects, it leaves no garbage worth a pass."""
    import gc

    gc.freeze()
    gc.enable()  # cli.open_window turned it off for the start-up


class _FirstPaint(QObject):
    """Watches the window's menu bar (a few events, not every widget's) for its first paint."""

    def __init__(self, window, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.then, self.done, self.armed = window, then, False, False
        self.waits = 0
        self.reason = ""  # how it ended: "painted", "limit" (tests and the log say which)
        window.menuBar().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt)
        kind = event.type()
        if kind == QEvent.Type.Show and not self.armed:
            # counted from show(), not from construction: a busy PC can take over a second to
            # polish and lay out the window before its first paint
            self.armed = True
            QTimer.singleShot(FIRST_PAINT_LIMIT_MS, self.give_up_waiting)
        elif kind == QEvent.Type.Paint and not self.done:
            self.reason = self.reason or "painted"
            QTimer.singleShot(0, self.fire)  # after the paint has reached the screen
        return False

    def give_up_waiting(self) -> None:
        """A window started minimised is never painted: the report loads all the same.  One on
        screen that the window system has not shown yet (a very busy PC) is given more time;
        one shown but not painted is painted now, so the clerk sees it before the report."""
        if self.done or self.reason:
            return
        window = self.window
        handle = window.windowHandle()
        exposed = handle is not None and handle.isExposed()
        if window.isVisible() and not window.isMinimized() and not exposed and self.waits < FIRST_PAINT_WAITS:
            self.waits += 1
            QTimer.singleShot(FIRST_PAINT_LIMIT_MS, self.give_up_waiting)
            return
        if exposed:
            window.repaint()
        self.reason = self.reason or "limit"
        log.info("Window not painted after %d ms: the report loads all the same",
                 FIRST_PAINT_LIMIT_MS * (self.waits + 1))
        self.fire()

    def fire(self) -> None:
        if not self.done:
            self.done = True
            self.window.menuBar().removeEventFilter(self)
            self.then()


FIRST_PAINT_LIMIT_MS = 1500
FIRST_PAINT_WAITS = 3  # more limits for a window on screen that the system has not shown yet


def when_painted(window, then: Callable[[], None]) -> _FirstPaint:
    """``then()`` once the window has been painted.  A zero timer queued at ``show()`` runs
    before the window system asks for the paint, so the report would load (and the window
    stay blank) first."""
    return _FirstPaint(window, then)


def run_app(db_path: Path | None) -> int:
    app = application()
    path = Path(db_path) if db_path else paths.default_database()
    lock = single_instance.acquire(path)
    if lock is None:
        dialogs.error(None, "Chương trình đang mở với tệp dữ liệu này ở một cửa sổ khác.\n"
                            f"({path})\nHãy dùng cửa sổ đang mở; hai cửa sổ cùng ghi một tệp có thể làm mất dữ liệu.")
        return 1
    window = build_window(path, open_report=False, connect=False)  # the database once it is painted
    handler = CrashHandler(lambda: window.save_now(wait=True), lambda: window)
    handler.install()
    from . import first_run

    def after_first_paint() -> None:
        window.build_tabs()
        if not connect_database(window):
            window.close()
            app.exit(1)
            return
        window.open_initial()  # the last report, loaded once the window is on screen
        window.tabs.setEnabled(True)
        settle()  # before the first-run dialog, which may stay open for minutes
        first_run.maybe_start(window)  # the clerk's first day: short setup

    window.tabs.setEnabled(False)  # greyed, not an empty form to type in, until the report is there
    when_painted(window, after_first_paint)
    window.show()
    code = app.exec()
    lock.unlock()
    return code
