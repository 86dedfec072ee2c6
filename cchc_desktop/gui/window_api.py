"""What the window's helpers use of the main window: a ``typing.Protocol``.

The helper modules (actions, dialogs, editors' installers…) took ``MainWindow`` itself as a type
hint, so every one of them formed one import circle with main_window.  They type against
``Window`` instead: main_window imports them, they import only this.  tests/test_layers.py
collects what they use (ast) and holds this list to it and to a real MainWindow, so it cannot
rot: a new use of the window needs a line here.

Attributes marked "set later" do not exist on a fresh window: the module that makes the thing
assigns it when first needed (read them with getattr(window, name, None)).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialog, QLabel, QMenuBar, QSplitter, QStatusBar, QTabWidget, QWidget
    from sqlite_utils import Database

    from cchc_desktop.core.model import Report

    from .actions import Actions
    from .autosave import Autosaver
    from .cycle_actions import CycleActions
    from .external_changes import ExternalChanges
    from .first_run import SampleBar
    from .keyboard import Keyboard
    from .report_list import ReportList
    from .start_from_file import StartPage
    from .tabs.general import GeneralTab
    from .tabs.indicators import IndicatorsTab
    from .tabs.narrative import NarrativeTab
    from .tabs.preview import PreviewTab
    from .tabs.signature import SignatureTab
    from .undo import ReportUndo

# Declared below but assigned only when first needed (absent from a fresh window).
SET_LATER = frozenset({"changes_dialog", "find_dialog", "import_report_dialog"})


class Window(Protocol):
    """The main window as its helper modules see it."""

    # the data
    database: Path  # the SQLite file
    db: Database  # the GUI thread's read connection
    report: Report | None
    dirty: bool
    generation: int  # bumped on every edit
    read_only: bool  # the sample, or an issued report

    # the parts of the window
    tabs: QTabWidget
    general: GeneralTab
    narrative: NarrativeTab
    indicators: IndicatorsTab
    signature: SignatureTab
    preview: PreviewTab
    report_list: ReportList
    splitter: QSplitter
    tabs_splitter: QSplitter  # the tabs, and the side preview beside them (F9)
    right: QWidget
    saved_label: QLabel
    sample_bar: SampleBar | None
    start_page: StartPage | None  # built the first time no report is open

    # the helpers the window owns
    actions: Actions
    cycle: CycleActions
    autosaver: Autosaver
    external: ExternalChanges
    keyboard: Keyboard
    undo: ReportUndo
    _list_timer: QTimer
    _sample_ids: set[int]

    # actions and dialogs the installers hang on the window
    find_action: QAction
    replace_action: QAction
    import_action: QAction
    import_drop_filter: QObject
    settings_action: QAction
    sign_action: QAction
    verify_action: QAction
    start_from_file_action: QAction
    changes_dialog: QDialog  # set later
    find_dialog: QDialog  # set later
    import_report_dialog: QDialog  # set later

    # the window's own methods
    def current_report(self) -> Report | None: ...
    def apply_report_change(self, changed: Report, label: str) -> bool: ...
    def mark_changed(self) -> None: ...
    def save_now(self, wait: bool = False) -> None: ...
    def refresh_list(self) -> None: ...
    def open_report(self, report_id: int) -> None: ...
    def open_initial(self) -> None: ...
    def show_report(self, report: Report) -> None: ...
    def install_autosaver(self) -> Autosaver: ...
    def editor_tabs(self) -> list[QWidget]: ...
    def narrative_tabs(self) -> list[NarrativeTab]: ...

    # QMainWindow's, as used
    def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt names)
    def menuBar(self) -> QMenuBar: ...  # noqa: N802
    def addAction(self, action: QAction) -> None: ...  # noqa: N802
    def addToolBar(self, *args: Any) -> Any: ...  # noqa: N802
    def addDockWidget(self, *args: Any) -> None: ...  # noqa: N802
    def findChildren(self, kind: Any, *args: Any) -> list[Any]: ...  # noqa: N802
    def focusWidget(self) -> QWidget | None: ...  # noqa: N802
    def setAcceptDrops(self, on: bool) -> None: ...  # noqa: N802
    def styleSheet(self) -> str: ...  # noqa: N802
    def setStyleSheet(self, sheet: str) -> None: ...  # noqa: N802
    def close(self) -> bool: ...
