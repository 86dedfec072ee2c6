"""The narrative editor: a QTextEdit that knows paragraph roles, bold/italic only, NFC text.

Keys as in Word: typing is undone by runs (``undo.TypingRuns``); typing over a triple-clicked
paragraph replaces it in place (``undo.keep_paragraph_mark``); Tab / Shift+Tab indent / outdent
a list item ("- " <-> "+ ") and never touch a heading; elsewhere Tab leaves the editor, and
Ctrl+Tab and Esc (``keyboard``) always do.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (QFont, QKeySequence, QSyntaxHighlighter, QTextBlockFormat, QTextCharFormat, QTextCursor,
                           QTextDocument)
from PySide6.QtWidgets import QTextEdit, QWidget

from cchc_desktop.core.model import Block, BlockRole
from cchc_desktop.core.vietnamese import nfc

from . import spelling
from .undo import TypingRuns, keep_paragraph_mark
from .rich_text import (MANUAL_PROPERTY, block_role, blocks_to_document, char_format, detect_role,
                        document_to_blocks, list_margin, role_format)

LIST_MARKER = re.compile(r"^([-+•–]) ")
LIST_LEVELS = ("-", "+")  # the markers of the first and second level of a list

ROLE_LABELS: dict[BlockRole, str] = {
    BlockRole.HEADING1: "Đề mục cấp 1 (I., II.)",
    BlockRole.HEADING2: "Đề mục cấp 2 (1., 2.)",
    BlockRole.HEADING3: "Đề mục cấp 3 (1.1., a)",
    BlockRole.PARAGRAPH: "Đoạn văn",
    BlockRole.BULLET: "Gạch đầu dòng (-)",
}


class _RoleHighlighter(QSyntaxHighlighter):
    """Shows headings bold on screen without touching the runs' own formats."""

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt name)
        role = block_role(self.currentBlock().blockFormat())
        if role in (BlockRole.HEADING1, BlockRole.HEADING2, BlockRole.HEADING3):
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            if role == BlockRole.HEADING3:
                fmt.setFontItalic(True)
            self.setFormat(0, len(text), fmt)
        spelling.underline(self, text)  # red wavy line under misspelled words


class NarrativeEditor(QTextEdit):
    """Rich text limited to the model: roles per paragraph, bold and italic runs."""

    roleChanged = Signal(object)  # BlockRole at the cursor
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)  # keyboard-only use: Tab leaves the editor
        font = QFont("Times New Roman", 13)
        font.setStyleHint(QFont.StyleHint.Serif)
        self.document().setDefaultFont(font)
        self._highlighter = _RoleHighlighter(self.document())
        spelling.install_menu(self)  # suggestions and "Thêm vào từ điển" on right-click
        self._loading = False
        self._words = TypingRuns(self)  # typing undone by runs, as in Word
        self.document().contentsChange.connect(self._on_contents_change)
        self.cursorPositionChanged.connect(lambda: self.roleChanged.emit(self.current_role()))

    # --- model binding -------------------------------------------------------------
    def set_blocks(self, blocks: list[Block]) -> None:
        self._loading = True
        try:
            blocks_to_document(blocks, self.document())
        finally:
            self._loading = False
        self._words.reset()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def blocks(self) -> list[Block]:
        return document_to_blocks(self.document())

    # --- paragraph roles -----------------------------------------------------------
    def current_role(self) -> BlockRole:
        return block_role(self.textCursor().blockFormat())

    def set_role(self, role: BlockRole) -> None:
        """The style box: applies to every paragraph of the selection, and sticks."""
        cursor = self.textCursor()
        cursor.setBlockFormat(role_format(role, manual=True))
        self.setTextCursor(cursor)
        self._words.reset()
        self._highlighter.rehighlight()

    def toggle_bold(self) -> None:
        bold = self.fontWeight() < QFont.Weight.DemiBold
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.mergeCurrentCharFormat(fmt)
        self._words.reset()  # a format change starts a new undo step

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.fontItalic())
        self.mergeCurrentCharFormat(fmt)
        self._words.reset()

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._loading:
            return
        self.edited.emit()
        block = self.document().findBlock(position)
        last = self.document().findBlock(position + added)
        while block.isValid():
            self._detect(block)
            if block == last:
                break
            block = block.next()

    def _detect(self, block) -> None:
        fmt = block.blockFormat()
        if fmt.boolProperty(MANUAL_PROPERTY):  # not property(): see rich_text.block_role
            self._indent(block)
            return
        wanted = detect_role(block.text()) or BlockRole.PARAGRAPH
        if wanted != block_role(fmt):
            cursor = QTextCursor(block)
            cursor.joinPreviousEditBlock()  # one undo step with the keystroke that caused it
            cursor.setBlockFormat(role_format(wanted, text=block.text()))
            cursor.endEditBlock()
            self._highlighter.rehighlightBlock(block)
            self.roleChanged.emit(self.current_role())
        else:
            self._indent(block)

    def _indent(self, block) -> None:
        """A list item's indent follows its level ("+ " items one step further in)."""
        margin = list_margin(block.text())
        if block_role(block.blockFormat()) == BlockRole.BULLET and block.blockFormat().leftMargin() != margin:
            fmt = QTextBlockFormat()
            fmt.setLeftMargin(margin)
            cursor = QTextCursor(block)
            cursor.joinPreviousEditBlock()
            cursor.mergeBlockFormat(fmt)
            cursor.endEditBlock()

    # --- keyboard and paste --------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802
        mods = event.modifiers()
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and mods & Qt.KeyboardModifier.ControlModifier:
            # Ctrl+Tab always leaves (Tab indents in a list), where no window shortcut took it first
            backward = event.key() == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            super().focusNextPrevChild(not backward)
            return
        if event.matches(QKeySequence.StandardKey.Bold) or (
                event.key() == Qt.Key.Key_B and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
            self.toggle_bold()
            return
        if event.matches(QKeySequence.StandardKey.Italic) or (
                event.key() == Qt.Key.Key_I and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
            self.toggle_italic()
            return
        if event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.redo()  # Ctrl+Y as in Word, on every platform
            return
        if self.isReadOnly():
            super().keyPressEvent(event)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier):
            if self._continue_list():
                return
        if self._words.key_press(event):
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event) -> None:  # noqa: N802
        """Unikey and other input methods replace a selected paragraph's text as typing does."""
        if not self.isReadOnly() and (event.commitString() or event.preeditString()):
            cursor = self.textCursor()
            if cursor.hasSelection():
                keep_paragraph_mark(cursor)
                self.setTextCursor(cursor)
        self._words.input_method(event, super().inputMethodEvent)  # a committed word joins the typing run

    # --- lists and levels ---------------------------------------------------------------------
    def _continue_list(self) -> bool:
        """Enter after a "- " or "+ " item starts the next item; Enter on an empty item ends the list."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        match = LIST_MARKER.match(block.text())
        if match is None or cursor.positionInBlock() < len(match.group(0)):
            return False
        self._words.reset()
        if not block.text()[len(match.group(0)):].strip():  # "- " alone: the list ends here
            cursor.beginEditBlock()
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.setBlockFormat(role_format(BlockRole.PARAGRAPH))
            cursor.endEditBlock()
            self.setTextCursor(cursor)
            self._highlighter.rehighlightBlock(cursor.block())
            self.roleChanged.emit(self.current_role())
            return True
        cursor.beginEditBlock()
        cursor.insertBlock(role_format(BlockRole.BULLET), cursor.charFormat())
        cursor.insertText(match.group(1) + " ", char_format(False, False))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def list_blocks(self) -> list:
        """The list items (bullet paragraphs) the cursor or its selection touches; [] when any
        touched paragraph is not a list item (then Tab is not a list key there)."""
        cursor = self.textCursor()
        document = self.document()
        block, last = document.findBlock(cursor.selectionStart()), document.findBlock(cursor.selectionEnd())
        found = []
        while block.isValid():
            if block_role(block.blockFormat()) != BlockRole.BULLET:
                return []
            found.append(block)
            if block == last:
                break
            block = block.next()
        return found

    def change_level(self, deeper: bool) -> bool:
        """Tab / Shift+Tab in a list item: one level in / out, as in Word.  Reports write the levels
        with their markers ("- " first level, "+ " second), so the marker changes; a heading is
        never touched (its role follows its number).  False: not a list item, Tab leaves."""
        items = self.list_blocks()
        if not items or self.isReadOnly():
            return False
        wanted = LIST_LEVELS[1] if deeper else LIST_LEVELS[0]
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for block in items:
            match = LIST_MARKER.match(block.text())
            if match is None or (match.group(1) == LIST_LEVELS[1]) == deeper:
                continue  # no marker, or already at that end of the scale: it stays (Esc leaves)
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(wanted)
        cursor.endEditBlock()
        self._words.reset()
        return True

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Tab leaves the editor…
        if self.change_level(forward):  # …except in a list item, where it indents (Shift+Tab: outdents)
            return True
        return super().focusNextPrevChild(forward)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        """Paste from Word or a web page: keep text, bold and italic; drop the rest; NFC."""
        self._words.reset()
        cursor = self.textCursor()
        keep_paragraph_mark(cursor)
        cursor.beginEditBlock()
        if source.hasHtml():
            scratch = QTextDocument()
            scratch.setHtml(source.html())
            first = True
            from .paste_word import document_blocks  # legacy fonts converted, roles as the Word import gives

            for block in document_blocks(scratch):
                if not first:
                    automatic = detect_role(block.text) or BlockRole.PARAGRAPH
                    cursor.insertBlock(role_format(block.role, manual=automatic != block.role))
                first = False
                for run in block.runs:
                    cursor.insertText(run.text, char_format(run.bold, run.italic))
        elif source.hasText():
            lines = [nfc(line) for line in source.text().replace("\r\n", "\n").split("\n")]
            for index, line in enumerate(lines):
                if index:
                    cursor.insertBlock(role_format(detect_role(line) or BlockRole.PARAGRAPH))
                cursor.insertText(line, char_format(False, False))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
