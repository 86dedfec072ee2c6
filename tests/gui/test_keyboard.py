"""Keyboard and small screens: tabs from anywhere, tables release Tab, mnemonics, nothing cut."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cchc_desktop.gui import keyboard

from .helpers import press


def _focus(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget or widget.isAncestorOf(QApplication.focusWidget()))


@pytest.mark.parametrize("where", ["table", "editor", "list", "line"])
def test_ctrl_pgdn_and_ctrl_tab_switch_tabs_from_anywhere(qtbot, open_window, where) -> None:
    window = open_window()
    targets = {"table": (window.indicators, window.indicators.view),
               "editor": (window.narrative, window.narrative.editor),
               "list": (window.signature, window.signature.recipients),
               "line": (window.signature, window.signature.name)}
    tab, widget = targets[where]
    window.tabs.setCurrentWidget(tab)
    _focus(qtbot, widget)
    start = window.tabs.currentIndex()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == (start + 1) % window.tabs.count()
    window.tabs.setCurrentIndex(start)
    _focus(qtbot, widget)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == (start + 1) % window.tabs.count()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == start


def test_tab_leaves_the_table_at_its_last_cell(qtbot, open_window) -> None:
    window = open_window()
    window.tabs.setCurrentWidget(window.indicators)
    view = window.indicators.view
    model = view.model()
    _focus(qtbot, view)
    view.setCurrentIndex(model.index(0, 0))
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.hasFocus() and view.currentIndex().column() == 1  # inside: cell to cell
    view.setCurrentIndex(model.index(model.rowCount() - 1, model.columnCount() - 1))
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert not view.hasFocus()
    assert window.indicators.isAncestorOf(QApplication.focusWidget()) or QApplication.focusWidget() is not None
    _focus(qtbot, view)
    view.setCurrentIndex(model.index(0, 0))
    QTest.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not view.hasFocus()


def test_every_menu_action_has_a_shortcut_or_a_unique_mnemonic(qtbot, open_window) -> None:
    window = open_window()
    bar = window.menuBar()
    titles = [keyboard.mnemonic(a.text()) for a in bar.actions()]
    assert None not in titles and len(set(titles)) == len(titles), [a.text() for a in bar.actions()]
    for menu in keyboard.walk_menus(bar):
        letters = []
        for action in menu.actions():
            if action.isSeparator() or not action.text():
                continue
            letter = keyboard.mnemonic(action.text())
            assert letter is not None or not action.shortcut().isEmpty(), action.text()
            if letter is not None:
                assert letter.isascii(), action.text()
                letters.append(letter)
            if not action.shortcut().isEmpty():
                key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                assert key in action.toolTip(), (action.text(), action.toolTip())
        assert len(letters) == len(set(letters)), (menu.title(), [a.text() for a in menu.actions()])


def test_shortcuts_are_unique_and_the_cycle_actions_have_one(qtbot, open_window) -> None:
    window = open_window()
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in seen or seen[key] == action.text(), (key, seen.get(key), action.text())
            seen[key] = action.text()
    assert window.cycle.next_report.shortcut().toString() == "Ctrl+Shift+N"
    assert window.cycle.history.shortcut().toString() == "Ctrl+Shift+H"  # Ctrl+H is Thay thế, as in Word
    assert window.actions.print_preview.shortcut().toString() == "Ctrl+Shift+P"


def test_focus_is_clearly_marked(qtbot, open_window) -> None:
    """The focused field has a 2-pixel blue frame, drawn by the application's style (gui/focus_style),
    with no focus style sheet on the window or the application (each costs the first paint)."""
    window = open_window()
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication, QLineEdit

    from cchc_desktop.gui import focus_style

    app = QApplication.instance()
    assert app.style() is focus_style.installed()
    assert ":focus" not in window.styleSheet() + app.styleSheet()
    field = next(edit for edit in window.findChildren(QLineEdit) if edit.isVisible() and edit.width() > 40)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    image = field.grab().toImage()
    blue = QColor(focus_style.COLOR).rgb()
    ring = sum(image.pixel(x, y) == blue for y in range(image.height()) for x in range(image.width()))
    assert ring >= 2 * 2 * (image.width() + image.height() - 8)  # a 2-pixel line all round


FIT_DRIVER = r"""
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from PySide6.QtWidgets import QApplication
from cchc_desktop.gui.app import application, build_window
from cchc_desktop.gui import first_run, printing
from cchc_desktop.document.export import pdf_bytes
from tests.gui.fit import problems
from tests.gui.helpers import treat_sample_as_own
app = application()
width, height = int(sys.argv[2]), int(sys.argv[3])
window = build_window(Path(os.environ["CCHC_DESKTOP_HOME"]) / "fit.sqlite")
window.resize(width, height)
window.show()
app.processEvents()
assert window.width() <= width and window.height() <= height, window.size()
found = []
for sample in (True, False):
    if not sample:
        treat_sample_as_own(window)
    window.actions.checks_panel.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        found += [f"tab {index}: {p}" for p in problems(window)]
from cchc_desktop.gui.help import AboutDialog, GuideWindow
from cchc_desktop.gui.settings_dialog import OrganizationDialog
for dialog in (first_run.FirstRunDialog(window), printing.PrintPreviewDialog(window.report, pdf_bytes(window.report), window),
               OrganizationDialog(window), AboutDialog(window), GuideWindow(window)):
    hint = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
    if hint.height() > height - 40 or hint.width() > width:
        found.append(f"{type(dialog).__name__}: needs {hint.width()}x{hint.height()} on a {width}x{height} screen")
    dialog.resize(min(hint.width(), width), min(hint.height(), height - 40))
    dialog.show()
    app.processEvents()
    found += [f"{type(dialog).__name__}: {p}" for p in problems(dialog)]
    dialog.close()
print("\n".join(sorted(set(found))) or "FITS")
"""


@pytest.mark.parametrize(("width", "height", "scale"), [(1024, 700, "1"), (1093, 614, "1.25")])
def test_nothing_is_cut_on_small_screens(tmp_path: Path, width, height, scale) -> None:
    """1024×700, and 1366×768 at 125 % (1093×614 logical pixels): every text fits its widget."""
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale,
               CCHC_DESKTOP_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", FIT_DRIVER, root, str(width), str(height)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("FITS"), result.stdout



def test_the_table_dialogs_grid_adds_a_row_on_tab_and_ctrl_tab_leaves_it(qtbot) -> None:
    """The grid of a table in the text (a dialog made after the window): Tab in the last cell adds
    a row as in Word (issue 26), Ctrl+Tab leaves the grid."""
    from cchc_desktop.core.model import indicator_table
    from cchc_desktop.gui.body_editor import TableDialog

    dialog = TableDialog(indicator_table())
    qtbot.addWidget(dialog)
    dialog.show()
    view, model = dialog.grid.view, dialog.grid.model
    _focus(qtbot, view)
    view.setCurrentIndex(model.index(model.rowCount() - 1, model.columnCount() - 2))
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.hasFocus() and view.currentIndex().column() == model.columnCount() - 1  # cell to cell
    rows = model.rowCount()
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.hasFocus() and model.rowCount() == rows + 1 and view.currentIndex().row() == rows
    QTest.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert not view.hasFocus() and dialog.isAncestorOf(QApplication.focusWidget())
