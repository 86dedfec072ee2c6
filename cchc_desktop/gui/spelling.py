"""Spelling as the clerk types: a red wavy line under words that are not Vietnamese
syllables, suggestions on right-click, "Thêm vào từ điển".

Two ways in:
- ``underline(highlighter, text)`` from inside an existing ``QSyntaxHighlighter.highlightBlock``
  (a document has one highlighter that counts: the narrative editor's role highlighter calls
  this at the end), merging the underline into the formats already set;
- ``attach(editor)`` for a plain text editor without a highlighter of its own.
``install_menu(editor)`` adds the suggestions to the editor's right-click menu.
The check itself is ``core.checks.spelling.misspellings`` (≤ 5 ms a paragraph). It is imported
on the first check, not with this module: importing it loads every check rule (the package's
``__init__``), 65-85 ms the window's first paint does not need (its editors are empty then).
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit


log = logging.getLogger(__name__)
RED = QColor("#d00000")
_HIGHLIGHTERS: weakref.WeakSet[QSyntaxHighlighter] = weakref.WeakSet()
ENABLED = True


_WORDS_PENDING = False  # the clerk's own words are still to be handed to the checks


def load_words_later() -> None:
    """The clerk's words (``user_words.load``) imports the checks with every rule: a window shown
    before its report leaves them to ``load_words()``, called before the first report opens and
    before the first underline."""
    global _WORDS_PENDING
    _WORDS_PENDING = True


def load_words() -> None:
    global _WORDS_PENDING
    if _WORDS_PENDING:
        _WORDS_PENDING = False
        from cchc_desktop import user_words

        user_words.load()


def misspellings(text: str):
    load_words()
    from cchc_desktop.core.checks.spelling import misspellings as check

    return check(text)


def suggest(word: str) -> list[str]:
    load_words()
    from cchc_desktop.core.checks.spelling import suggest as check

    return check(word)


def underline(highlighter: QSyntaxHighlighter, text: str) -> None:
    """Underline the misspelled words of ``text`` (the block being highlighted)."""
    _HIGHLIGHTERS.add(highlighter)
    if not ENABLED or not text.strip():
        return
    try:
        found = misspellings(text)
    except Exception:  # noqa: BLE001 - the underline must never break typing
        log.exception("Spelling failed")
        return
    for m in found:
        fmt = QTextCharFormat(highlighter.format(m.start))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        fmt.setUnderlineColor(RED)
        fmt.setToolTip("Từ nước ngoài" if m.kind == "english" else "Sai chính tả?")
        highlighter.setFormat(m.start, m.end - m.start, fmt)


class SpellingHighlighter(QSyntaxHighlighter):
    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt name)
        underline(self, text)


def attach(editor: QTextEdit | QPlainTextEdit) -> SpellingHighlighter:
    highlighter = SpellingHighlighter(editor.document())
    editor._spelling = highlighter  # keep it alive with the editor
    install_menu(editor)
    return highlighter


def rehighlight_all() -> None:
    for highlighter in list(_HIGHLIGHTERS):
        try:
            highlighter.rehighlight()
        except RuntimeError:  # its document is gone
            pass


def word_at(editor: QTextEdit | QPlainTextEdit, position: QPoint):
    """(cursor selecting the misspelled word, misspelling) under ``position``, or None."""
    cursor = editor.cursorForPosition(position)
    block = cursor.block()
    offset = cursor.position() - block.position()
    for m in misspellings(block.text()):
        if m.start <= offset <= m.end:
            select = QTextCursor(block)
            select.setPosition(block.position() + m.start)
            select.setPosition(block.position() + m.end, QTextCursor.MoveMode.KeepAnchor)
            return select, m
    return None


_WORD_ADDED: list[weakref.WeakMethod] = []


def on_word_added(callback: Callable[[str], None]) -> None:
    """Call ``callback(word)`` (a bound method, held weakly) after each "Thêm vào từ điển",
    wherever the clerk chose it: the checks panel drops its findings about the word."""
    _WORD_ADDED.append(weakref.WeakMethod(callback))


def add_to_dictionary(word: str) -> None:
    from cchc_desktop import user_words

    try:
        user_words.add(word)
    except OSError:
        log.exception("Cannot save the user word list")
    rehighlight_all()
    for ref in list(_WORD_ADDED):
        callback = ref()
        if callback is None:
            _WORD_ADDED.remove(ref)
            continue
        try:
            callback(word)
        except RuntimeError:  # its widget is gone
            _WORD_ADDED.remove(ref)


def spelling_actions(editor, menu: QMenu, position: QPoint) -> None:
    """Put the suggestions for the word under ``position`` at the top of ``menu``."""
    hit = word_at(editor, position)
    if hit is None:
        return
    cursor, m = hit
    first = menu.actions()[0] if menu.actions() else None
    options = [] if m.kind == "english" else suggest(m.word)

    def replace(text: str, cursor=cursor) -> None:
        cursor.beginEditBlock()
        cursor.insertText(text)  # one undo step in the editor
        cursor.endEditBlock()

    for option in options:
        action = menu.addAction(option)
        action.triggered.connect(lambda _checked=False, o=option: replace(o))
        menu.insertAction(first, action)
    if not options and m.kind != "english":
        none = menu.addAction("(không có gợi ý)")
        none.setEnabled(False)
        menu.insertAction(first, none)
    add = menu.addAction("Thêm vào từ điển")
    add.triggered.connect(lambda _checked=False, w=m.word: add_to_dictionary(w))
    menu.insertAction(first, add)
    if first is not None:
        menu.insertSeparator(first)


def install_menu(editor: QTextEdit | QPlainTextEdit) -> None:
    editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(position: QPoint) -> None:
        menu = editor.createStandardContextMenu(position)
        spelling_actions(editor, menu, position)
        menu.exec(editor.viewport().mapToGlobal(position))
        menu.deleteLater()

    editor.customContextMenuRequested.connect(show)
