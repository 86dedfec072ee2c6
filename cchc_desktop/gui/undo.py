"""Undo everywhere, as in Word: one QUndoStack per report, Ctrl+Z / Ctrl+Y.

* Tables and lists (indicator rows, recipients, later parts/tables/footnotes) push commands on
  the open report's stack.  ``SnapshotCommand`` undoes any list edit by putting back a copy of
  the list (simple, always right for lists of a few hundred small rows); ``CallbackCommand``
  runs a pair of functions (cell edits, row moves) where a snapshot would be wasteful.
* Text editors keep their own QTextDocument undo (typing grouped by runs as in Word, see
  ``TypingRuns`` below); the window's "Hoàn tác" undoes the focused field's typing when it has some,
  else the report's last table/list change — Ctrl+Z does what the clerk expects wherever the
  cursor is (a list item's editor that opened on its own has nothing to undo).
* Each report keeps its stacks while the window is open (QUndoGroup): switching reports and
  coming back keeps the history of both.  The tabs with their own stack (the parts outline,
  the appendix forms) keep one per report too (``TabHistory``), dropped with the report's.

Histories per report, and which objects their commands may hold
----------------------------------------------------------------
The window loads a report afresh from the store each time it is shown, so a command pushed
while report A was shown before must still work on the new ``Report`` object of A when the
clerk comes back.  Two designs were possible: keep A's model objects alive while the window
is open (a second copy of the truth beside the store, which the store can change under it:
a revision restored, a backup restored, a consolidation), or make commands address what they
change by position on the report *currently shown*.  We use the second:

* a command finds its part, form or table through the tab's current report by index (part
  ``i``, form ``k``, the table of form ``k``; a table of the text edited in its own dialog is
  still held directly, its stack dies with the dialog);
* the only model objects a command keeps are ones it took out of the report (a removed part
  or form, with its detached text editor) and values it copied (old headings, table
  snapshots); it never keeps an object that is still in the report;
* positions are right because every structural change of a tab goes through that tab's stack
  of that report (the stack's own invariant: when a command is undone, the report is as the
  command left it).  Fixes from the checks panel change text only (``ReportChangeCommand``).

The invariant needs the report shown again to be the one left.  ``ReportUndo.leave`` keeps a
copy of the report as the window left it (saved just before), ``arrive`` compares the report
shown with it: equal (the usual case: the store gives back what was saved) keeps the
histories; different, or no copy (the report reloaded after a revision or a backup was
restored, changed by a consolidation, left by deletion) drops them, as their steps describe
a report that is no longer there.  A deleted report's stacks are dropped (``forget``).

Reusing it from a new editor::

    stack = window.undo.stack            # the open report's stack
    stack.push(SnapshotCommand("Xóa dòng", get_rows, set_rows, before, after))
"""

from __future__ import annotations

import copy
import pickle
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QStyledItemDelegate, QTextEdit

if TYPE_CHECKING:
    from cchc_desktop.core.model import Report

    from .window_api import Window

UNDO_LIMIT = 500


class CallbackCommand(QUndoCommand):
    """``redo_fn`` now and on redo, ``undo_fn`` on undo.  ``merge_id`` (>= 0) merges consecutive
    commands with the same ``merge_key`` (e.g. typing into the same cell twice)."""

    def __init__(self, text: str, redo_fn: Callable[[], Any], undo_fn: Callable[[], Any],
                 merge_id: int = -1, merge_key: Any = None) -> None:
        super().__init__(text)
        self._redo = redo_fn
        self._undo = undo_fn
        self._merge_id = merge_id
        self.merge_key = merge_key

    def redo(self) -> None:
        self._redo()

    def undo(self) -> None:
        self._undo()

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, CallbackCommand) or other.merge_key != self.merge_key or self._merge_id < 0:
            return False
        self._redo = other._redo  # keep our undo (the oldest state), take their redo (the newest)
        return True


class SnapshotCommand(QUndoCommand):
    """Undo a list edit by restoring a copy of the whole list taken before it."""

    def __init__(self, text: str, apply: Callable[[Any], None], before: Any, after: Any) -> None:
        super().__init__(text)
        self._apply = apply
        self._before = copy.deepcopy(before)
        self._after = copy.deepcopy(after)
        self._first = True

    def redo(self) -> None:
        if self._first:  # the change is already on screen when pushed
            self._first = False
            return
        self._apply(copy.deepcopy(self._after))

    def undo(self) -> None:
        self._apply(copy.deepcopy(self._before))


def _text_history(widget, redo: bool = False) -> bool:
    """A text field with typing to undo (or redo): its own history comes first, then the report's."""
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return False


def _is_redo(event) -> bool:
    return event.matches(QKeySequence.StandardKey.Redo) or (
        event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier)


class _PassUndo(QObject):
    """A line editor nothing was typed into does not claim Ctrl+Z / Ctrl+Y: the window's Hoàn
    tác / Làm lại get them (a list row's editor, open as soon as the row is chosen, would
    otherwise swallow the key and undo nothing).  Once typed into, the keys are its own."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit)
                and (event.matches(QKeySequence.StandardKey.Undo) or _is_redo(event))):
            # True: neither delivered nor accepted, so the key is tried as a shortcut
            return not (watched.isUndoAvailable() or watched.isRedoAvailable())
        return False


_pass_undo: _PassUndo | None = None


class PassUndoDelegate(QStyledItemDelegate):
    """Item delegate of an editable list whose edits are undo commands (the recipients)."""

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt name)
        global _pass_undo
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            _pass_undo = _pass_undo or _PassUndo()
            editor.installEventFilter(_pass_undo)
        return editor


class TabHistory:
    """One QUndoStack per report: the window's own (``ReportUndo``) and each tab's with a stack
    of its own (parts outline, appendix forms).

    ``stack`` is the shown report's; ``group`` forwards that stack's signals (canUndoChanged,
    indexChanged…), so the tab connects to the group once.  ``activate(report_id)`` is called by
    the tab's ``set_report``; the window's ``ReportUndo`` clears and forgets them with the
    report's own stack."""

    def __init__(self, parent: QObject) -> None:
        self.group = QUndoGroup(parent)
        self._stacks: dict[Any, QUndoStack] = {}
        self.key: Any = None
        self.activate(None)

    @property
    def stack(self) -> QUndoStack:
        stack = self.group.activeStack()
        return stack if stack is not None else self.activate(self.key)

    def activate(self, key: Any) -> QUndoStack:
        self.key = key
        stack = self._stacks.get(key)
        if stack is None:
            stack = QUndoStack(self.group)  # a QUndoGroup parent adds the stack to the group
            stack.setUndoLimit(UNDO_LIMIT)
            self._stacks[key] = stack
        self.group.setActiveStack(stack)
        return stack

    def keys(self) -> list[Any]:
        return list(self._stacks)

    def clear(self, key: Any) -> None:
        stack = self._stacks.get(key)
        if stack is not None:
            stack.clear()

    def forget(self, key: Any) -> None:
        stack = self._stacks.pop(key, None)
        if stack is None:
            return
        if key == self.key:
            self.activate(None)  # first: the tab never is without a stack
        stack.clear()  # the commands (and the detached editors they keep) go now
        self.group.removeStack(stack)
        stack.setParent(None)
        stack.deleteLater()


class ReportUndo:
    """The window's undo: a stack per report id and the Sửa menu's Hoàn tác / Làm lại."""

    def __init__(self, window: Window) -> None:
        self.w = window
        self.own = TabHistory(window)  # the report's stack (lists, recipients, fixes)
        self._left: dict[Any, bytes] = {}  # report id -> the report as the window left it (pickle)
        self.undo_action = QAction("&Hoàn tác", window)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.setToolTip("Hoàn tác thay đổi vừa làm (Ctrl+Z)")
        self.redo_action = QAction("&Làm lại", window)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.setToolTip("Làm lại thay đổi vừa hoàn tác (Ctrl+Y)")
        self.undo_action.triggered.connect(lambda _checked=False: self.undo())
        self.redo_action.triggered.connect(lambda _checked=False: self.redo())
        window.addAction(self.undo_action)
        window.addAction(self.redo_action)

    @property
    def stack(self) -> QUndoStack:
        return self.own.stack

    def activate(self, report_id: Any) -> QUndoStack:
        """Called when a report is shown: its own stack becomes the active one."""
        return self.own.activate(report_id)

    # --- histories kept per report (see the module docstring) ---------------------------------
    def _histories(self) -> list[TabHistory]:
        """The report's own stacks and those of every tab with a stack of its own."""
        found = (getattr(tab, "history", None) for tab in self.w.editor_tabs())
        return [self.own] + [history for history in found if isinstance(history, TabHistory)]

    def leave(self, report: Report) -> None:
        """The window goes to another report: remember ``report`` as it is left (saved just before)."""
        if report.id is not None:
            self._left[report.id] = pickle.dumps(report, pickle.HIGHEST_PROTOCOL)

    def arrive(self, report: Report) -> None:
        """Before ``report`` is shown: its histories are kept only when it is the report the window
        left (the same content); otherwise their steps describe a report that is no longer there."""
        left = self._left.pop(report.id, None)
        if left is None or pickle.loads(left) != report:
            self.clear(report.id)

    def clear(self, report_id: Any) -> None:
        for history in self._histories():
            history.clear(report_id)

    def forget(self, report_id: Any) -> None:
        """A deleted report: its stacks (the report's and the tabs') are dropped."""
        self._left.pop(report_id, None)
        for history in self._histories():
            history.forget(report_id)

    def keep_only(self, report_ids) -> None:
        """Drop the stacks of every report not in ``report_ids`` (deleted ones), never the shown one's."""
        wanted = set(report_ids) | {None}
        if self.w.report is not None:
            wanted.add(self.w.report.id)
        known = set(self._left)
        for history in self._histories():
            known |= set(history.keys())
        for report_id in known - wanted:
            self.forget(report_id)

    def stacks_of(self, report_id: Any) -> list[QUndoStack]:
        """Every stack kept for the report (tests, and to tell whether it has any history)."""
        return [h._stacks[report_id] for h in self._histories() if report_id in h._stacks]

    def push(self, command: QUndoCommand) -> None:
        if getattr(self.w, "read_only", False):
            return
        self.stack.push(command)

    def take_over_shortcuts(self) -> None:
        """The tabs' own Ctrl+Z / Ctrl+Y actions (parts outline, appendix grid) would make the
        window's shortcut ambiguous, so neither would fire: the window's action routes to their
        stacks instead (``_tab_stack``); a table edited in a dialog keeps its own."""
        keys = {QKeySequence(QKeySequence.StandardKey.Undo).toString(),
                QKeySequence(QKeySequence.StandardKey.Redo).toString(), "Ctrl+Y"}
        for action in self.w.findChildren(QAction):
            if action not in (self.undo_action, self.redo_action) and action.shortcut().toString() in keys:
                action.setShortcut(QKeySequence())

    def _tab_stack(self, redo: bool = False) -> QUndoStack | None:
        """The current tab's own stack when it has something to undo (parts, appendix forms)."""
        stack = getattr(self.w.tabs.currentWidget(), "stack", None)
        if isinstance(stack, QUndoStack) and (stack.canRedo() if redo else stack.canUndo()):
            return stack
        return None

    def undo(self) -> None:
        focus = QApplication.focusWidget()
        if _text_history(focus):
            focus.undo()  # a text field's own typing history
            return
        if not getattr(self.w, "read_only", False):
            (self._tab_stack() or self.stack).undo()

    def redo(self) -> None:
        focus = QApplication.focusWidget()
        if _text_history(focus, redo=True):
            focus.redo()
            return
        if not getattr(self.w, "read_only", False):
            (self._tab_stack(redo=True) or self.stack).redo()


# --- typing undone by runs, as in Word ---------------------------------------------------------------
PAUSE_SECONDS = 3.0  # a pause longer than this ends the run: what follows is a new undo step
SENTENCE_ENDS = frozenset(".!?…")
clock = time.monotonic  # tests replace it to play a pause


class TypingRuns:
    """Groups typed characters into one undo step per run of typing, as Word does.

    A run is what the clerk types in one go: it ends when the caret moves (a click, an arrow
    key, Enter, a paste), after a pause of more than ``PAUSE_SECONDS``, when bold or italic
    changes, and at the start of a new sentence (so a paragraph typed in one go comes back
    sentence by sentence).  Backspace over characters of the run itself stays in the run:
    it is a correction, and Unikey on Windows replaces a vowel that way ("to" + Backspace +
    "ổ"), so breaking there would undo Vietnamese letter by letter.

    ``key_press(event)`` returns True when it handled the event itself; any other key ends
    the run.  Works for QTextEdit and QPlainTextEdit.
    """

    def __init__(self, editor) -> None:
        self.editor = editor
        self.at = -1  # cursor position after the run's last character; -1: no run in progress
        self.start = -1  # where the run began (Backspace before it is no longer a correction)
        self.last = ""
        self.when = 0.0
        self.look: tuple[bool, bool] | None = None
        self._busy = False
        editor.cursorPositionChanged.connect(self._caret_moved)

    def reset(self) -> None:
        self.at = -1

    def _caret_moved(self) -> None:
        if not self._busy and self.editor.textCursor().position() != self.at:
            self.at = -1  # moved away: coming back later starts a new step

    def key_press(self, event) -> bool:
        text = event.text()
        mods = event.modifiers()
        if self.editor.isReadOnly() or mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self.at = -1
            return False
        if event.key() == Qt.Key.Key_Backspace and not mods & Qt.KeyboardModifier.ShiftModifier:
            return self.backspace()
        if not text or not text.isprintable():
            self.at = -1
            return False
        self.type(text)
        return True

    def _look(self, cursor) -> tuple[bool, bool]:
        fmt = cursor.charFormat()
        return fmt.fontWeight() >= 600, fmt.fontItalic()

    def _continues(self, cursor, text: str) -> bool:
        if self.at != cursor.position() or cursor.hasSelection() or clock() - self.when > PAUSE_SECONDS:
            return False
        if self._look(cursor) != self.look:
            return False  # Ctrl+B / Ctrl+I between: a format change starts a new step
        return not self._sentence_starts(cursor, text)

    def _sentence_starts(self, cursor, text: str) -> bool:
        """The first letter after a sentence's '. ' typed in this run (not after '1. ' or 'a) ')."""
        if text[:1].isspace() or self.last not in " \u00a0":
            return False
        before = cursor.block().text()[:cursor.positionInBlock()].rstrip()
        typed_in_run = cursor.block().position() + len(before) - 1 >= self.start  # not the text before
        return typed_in_run and len(before) >= 2 and before[-1] in SENTENCE_ENDS and before[-2].isalpha()

    def _edit(self, cursor, continuing: bool, change) -> None:
        self._busy = True
        try:
            if continuing:
                cursor.joinPreviousEditBlock()
            else:
                cursor.beginEditBlock()
            change(cursor)
            cursor.endEditBlock()
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
        finally:
            self._busy = False
        self.at = cursor.position()
        self.when = clock()

    def type(self, text: str) -> None:
        cursor = self.editor.textCursor()
        continuing = self._continues(cursor, text)
        keep_paragraph_mark(cursor)
        if not continuing:
            self.start = cursor.selectionStart()
            self.look = self._look(cursor)
        self._edit(cursor, continuing, lambda c: c.insertText(text))
        self.last = text[-1]

    def input_method(self, event, deliver) -> None:
        """An input method's committed word (Unikey on Linux: pre-edit, then commit) joins the run
        like typed keys; ``deliver`` lets the editor insert it (Qt's own edit block nests in ours)."""
        commit = event.commitString()
        if self.editor.isReadOnly() or not commit or event.replacementLength() or event.preeditString():
            self.at = -1 if commit else self.at
            deliver(event)
            return
        cursor = self.editor.textCursor()
        continuing = self._continues(cursor, commit)
        if not continuing:
            self.start = cursor.selectionStart()
            self.look = self._look(cursor)
        self._busy = True
        try:
            cursor.joinPreviousEditBlock() if continuing else cursor.beginEditBlock()
            deliver(event)
            cursor.endEditBlock()
        finally:
            self._busy = False
        self.at = self.editor.textCursor().position()
        self.when = clock()
        self.last = commit[-1]

    def backspace(self) -> bool:
        """Backspace over the run's own last character: a correction inside the run."""
        cursor = self.editor.textCursor()
        if self.at < 0 or cursor.hasSelection() or cursor.position() != self.at or self.at <= self.start \
                or cursor.atBlockStart():
            self.at = -1
            return False
        self._edit(cursor, True, lambda c: c.deletePreviousChar())
        self.last = cursor.block().text()[cursor.positionInBlock() - 1:cursor.positionInBlock()] or " "
        return True


WordTyping = TypingRuns  # the name the form fields import


def keep_paragraph_mark(cursor) -> None:
    """A selection that ends just after a paragraph mark (a triple-clicked paragraph) keeps that
    mark when typed or pasted over, as in Word: the text is replaced in its own paragraph (its
    role stays) and the next paragraph is not pulled into it."""
    if not cursor.hasSelection():
        return
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    document = cursor.document()
    if end > start and document.findBlock(end).position() == end and document.characterAt(end - 1) == "\u2029":
        cursor.setPosition(start)
        cursor.setPosition(end - 1, cursor.MoveMode.KeepAnchor)
