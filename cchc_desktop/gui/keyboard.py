"""Keyboard use of the window: tab switching from anywhere, mnemonics, shortcuts shown, focus visible.

* Ctrl+PgDn / Ctrl+PgUp (and Ctrl+Tab / Ctrl+Shift+Tab) switch the report's tabs wherever the
  focus is — in a table, a text editor or the report list (menu "Xem").
* Every menu item gets an Alt-letter (mnemonic) unique in its menu, and the menu titles unique
  in the menu bar; actions that had none get the first free letter of their words.
* The shortcut of every action is written in its tooltip and status tip.
* The focused field has a clear blue frame (the default one is faint on Windows' light theme).
* Tables: Tab at the last cell (Shift+Tab at the first) leaves the table instead of wrapping; in a
  table of the text (``TableGrid.tab_adds_rows``) Tab at the last cell adds a row, as in Word.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QMenu, QMenuBar, QPlainTextEdit, QTableView,
                               QTextEdit, QWidget)

if TYPE_CHECKING:
    from .window_api import Window

FOCUS_STYLE = """
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus, QComboBox:focus,
QTableView:focus, QListView:focus, QTreeView:focus { border: 2px solid #1565c0; }
QPushButton:focus, QToolButton:focus { border: 2px solid #1565c0; border-radius: 3px; padding: 2px 6px; }
"""

# Shortcuts for actions other modules create without one (looked up by their menu text).
EXTRA_SHORTCUTS = {
    "Báo cáo kỳ tiếp theo…": "Ctrl+Shift+N",
    "Lịch sử các bản lưu…": "Ctrl+Shift+H",  # Ctrl+H is Thay thế, as in Word
    "Xem trước khi in…": "Ctrl+Shift+P",
    "Nhân bản": "Ctrl+D",
}


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def mnemonic(text: str) -> str | None:
    """The letter after '&' (lower case), or None."""
    index = text.replace("&&", "__").find("&")
    if index < 0 or index + 1 >= len(text):
        return None
    return text[index + 1].lower()


def _ascii_letter(char: str) -> str:
    """The key a Vietnamese letter sits on: 'ệ' → 'e', 'đ' → 'd' (only ASCII letters are offered)."""
    if char.lower() == "đ":
        return "d"
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if base.isascii() and base.isalnum() else ""


def give_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with '&' before the first free ASCII letter (word starts first), else unchanged."""
    plain = text
    candidates = [i for i, ch in enumerate(plain) if (i == 0 or plain[i - 1] == " ") and ch.isascii() and ch.isalnum()]
    candidates += [i for i, ch in enumerate(plain) if ch.isascii() and ch.isalnum() and i not in candidates]
    for index in candidates:
        letter = plain[index].lower()
        if letter not in taken:
            taken.add(letter)
            return plain[:index] + "&" + plain[index:]
    return text


def unique_mnemonics(actions: list[QAction]) -> None:
    """Keep the mnemonics already there (when unique), give the others the first free letter."""
    taken: set[str] = set()
    pending = []
    for action in actions:
        if action.isSeparator() or not action.text():
            continue
        letter = mnemonic(action.text())
        if letter and letter not in taken:
            taken.add(letter)
        else:
            pending.append(action)
    for action in pending:
        action.setText(give_mnemonic(_plain(action.text()), taken))


def walk_menus(bar: QMenuBar) -> list[QMenu]:
    menus = []
    todo = [a.menu() for a in bar.actions() if a.menu() is not None]
    while todo:
        menu = todo.pop(0)
        menus.append(menu)
        todo += [a.menu() for a in menu.actions() if a.menu() is not None]
    return menus


def show_shortcuts_in_tips(actions: list[QAction]) -> None:
    for action in actions:
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if not key:
            continue
        for getter, setter in ((action.toolTip, action.setToolTip), (action.statusTip, action.setStatusTip)):
            tip = getter() or _plain(action.text())
            if key not in tip:
                setter(f"{tip} ({key})")


class _TableTab(QObject):
    """Tab at the last cell / Shift+Tab at the first cell moves the focus out of the table."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QAbstractItemView):
            return False
        adds_row = getattr(watched, "tab_adds_row", None)
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            if adds_row is not None and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                    and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                # where Tab adds rows, Ctrl+Tab (Ctrl+Shift+Tab) leaves the table, as in a text editor
                _move_focus(watched, not (event.key() == Qt.Key.Key_Backtab
                                          or event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
                return True
            return False
        model = watched.model()
        if model is None or watched.state() == QAbstractItemView.State.EditingState:
            return False
        current = watched.currentIndex()
        rows, columns = model.rowCount(), model.columnCount()
        forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        backward = event.key() == Qt.Key.Key_Backtab or (
            event.key() == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        last = not current.isValid() or (current.row() == rows - 1 and current.column() == columns - 1)
        first = not current.isValid() or (current.row() == 0 and current.column() == 0)
        if forward and rows and adds_row is not None and watched.at_last_cell():
            adds_row()  # a table of the text: a new row, as in Word
            return True
        if (forward and last) or (backward and first) or rows == 0:
            if forward or backward:
                _move_focus(watched, bool(forward))
                return True
        return False


def _move_focus(widget, forward: bool) -> None:
    target = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
    while target is not None and target is not widget and not (
            target.isVisible() and target.isEnabled() and target.focusPolicy() & Qt.FocusPolicy.TabFocus):
        target = target.nextInFocusChain() if forward else target.previousInFocusChain()
    if target is not None and target is not widget:
        target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)


_table_filter: _TableTab | None = None

# Window commands a text field would otherwise take for itself (on X11 a line edit reads Ctrl+E as
# "end of line" and Ctrl+H as backspace): the command wins, as in Word.
WINDOW_KEYS = {QKeySequence(key).toString() for key in ("Ctrl+E", "Ctrl+Shift+E", "Ctrl+F", "Ctrl+H")}


class _WindowKeys(QObject):
    """Window shortcuts over text fields, and Esc leaves a text editor (Tab may indent in it)."""

    def __init__(self, window: Window) -> None:
        super().__init__(window)
        self.w = window

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.w:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            chord = QKeySequence(event.keyCombination()).toString()
            if chord in WINDOW_KEYS:
                event.ignore()  # not claimed by the field: the window's shortcut runs
                return True
            return False
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier \
                and isinstance(watched, (QTextEdit, QPlainTextEdit)):
            self.w.tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return False


def focus_frame(window: Window) -> None:
    """The blue frame round the focused field.  gui/focus_style's style draws it on the application
    (every window and dialog, no style sheet); a sheet on the window would send every widget of it
    through Qt's style-sheet style before the first paint (~120 ms).  A window of an application
    made without that style still gets the sheet."""
    from . import focus_style

    if focus_style.installed() is None:
        window.setStyleSheet(window.styleSheet() + FOCUS_STYLE)


def tables_release_tab(root) -> None:
    global _table_filter
    _table_filter = _table_filter or _TableTab()
    for view in root.findChildren(QTableView):
        view.removeEventFilter(_table_filter)
        view.installEventFilter(_table_filter)


class Keyboard:
    def __init__(self, window: Window) -> None:
        self.w = window
        menu = window.menuBar().addMenu("&Xem")
        self.view_menu = menu
        self.next_tab = QAction("Thẻ &sau", window)
        self.next_tab.setShortcuts([QKeySequence("Ctrl+PgDown"), QKeySequence("Ctrl+Tab")])
        self.next_tab.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.previous_tab = QAction("Thẻ &trước", window)
        self.previous_tab.setShortcuts([QKeySequence("Ctrl+PgUp"), QKeySequence("Ctrl+Shift+Tab")])
        self.next_tab.triggered.connect(lambda _checked=False: self.step(1))
        self.previous_tab.triggered.connect(lambda _checked=False: self.step(-1))
        for action in (self.next_tab, self.previous_tab):
            window.addAction(action)
            menu.addAction(action)
        self._extra_shortcuts()
        focus_frame(window)
        tables_release_tab(window)
        self.window_keys = _WindowKeys(window)  # on the application once the window is built: finish()

    def _extra_shortcuts(self) -> None:
        for action in self.w.findChildren(QAction):
            wanted = EXTRA_SHORTCUTS.get(_plain(action.text()))
            if wanted and action.shortcut().isEmpty():
                action.setShortcut(QKeySequence(wanted))

    def tabs_built(self) -> None:
        """The tabs made after the window (MainWindow.build_tabs): their actions and tables get
        what the window's own got (shortcuts, shortcuts in tooltips, Tab out of a table)."""
        self._extra_shortcuts()
        tables_release_tab(self.w)
        show_shortcuts_in_tips(self.w.findChildren(QAction))

    def step(self, delta: int) -> None:
        tabs = self.w.tabs
        tabs.setCurrentIndex((tabs.currentIndex() + delta) % tabs.count())
        page = tabs.currentWidget()
        page.setFocus(Qt.FocusReason.ShortcutFocusReason)
        focus = page.focusProxy() or page.nextInFocusChain()
        if focus is not None and page.isAncestorOf(focus):
            focus.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def finish(self) -> None:
        """After every module added its menus: unique mnemonics, shortcuts in tooltips; the window
        shortcuts over text fields.  Their filter sits on the application, so every Qt event goes
        through it in Python: installed here, at the end of the window's construction (no key can
        reach the window before), its thousands of events do not (~20 ms before the first paint)."""
        bar = self.w.menuBar()
        unique_mnemonics(bar.actions())
        for menu in walk_menus(bar):
            unique_mnemonics(menu.actions())
        show_shortcuts_in_tips(self.w.findChildren(QAction))
        QApplication.instance().installEventFilter(self.window_keys)
