"""The text of one part: the narrative editor plus footnotes (Ctrl+Alt+F) and tables.

Footnote marks and tables are object characters of the document (``text_objects``): inserting,
editing (a dialog) and deleting them are edits of the document, undone with Ctrl+Z like typing.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor, QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox,
                               QVBoxLayout, QWidget)

from cchc_desktop.core.model import BlockRole, NumberStyle, Run, Table

from . import dialogs
from . import spelling
from .narrative_editor import NarrativeEditor
from .rich_text import block_role, blocks_to_document, detect_role, document_to_blocks, role_format
from .table_grid import NUMBER_STYLE_LABELS, TableGrid
from .table_ops import new_table
from .undo import keep_paragraph_mark
from .text_objects import (FOOTNOTE_TYPE, OBJECT_CHAR, TABLE_TYPE, footnote_format, footnote_of, insert_object_line,
                           install_handlers, object_type, table_format, table_of)


def _runs_of(editor: NarrativeEditor) -> list[Run]:
    """The footnote editor's text as one paragraph of runs."""
    runs: list[Run] = []
    for index, block in enumerate(editor.blocks()):
        if index and runs:
            runs[-1] = Run(runs[-1].text + " ", runs[-1].bold, runs[-1].italic)
        runs.extend(Run(r.text, r.bold, r.italic) for r in block.runs)
    return runs


class FootnoteDialog(QDialog):
    """The text of one footnote (bold and italic kept; Unikey input as in the text)."""

    def __init__(self, runs: list[Run], number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Chú thích {number}")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Nội dung chú thích {number} (in ở cuối trang):"))
        self.editor = NarrativeEditor()
        self.editor.setMinimumSize(520, 140)
        from cchc_desktop.core.model import Block

        self.editor.set_blocks([Block(BlockRole.PARAGRAPH, list(runs))] if runs else [])
        layout.addWidget(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        dialogs.translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.editor.setFocus()
        self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def runs(self) -> list[Run]:
        return _runs_of(self.editor)


class TableDialog(QDialog):
    """Edit a table of the text in the grid editor; OK writes it back as one undo step."""

    def __init__(self, table: Table, title: str = "Sửa bảng", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        self.grid = TableGrid()
        self.grid.set_table(copy.deepcopy(table))  # Cancel leaves the text's table as it was
        self.grid.tab_adds_rows()  # Tab in the last cell: a new row, as in Word
        layout.addWidget(self.grid, 1)
        bottom = QHBoxLayout()
        hint = QLabel("Chọn nhiều ô rồi bấm “Gộp ô” để gộp. Dòng tiêu đề được in lặp lại ở đầu mỗi trang.")
        hint.setStyleSheet("color: #555;")
        bottom.addWidget(hint, 1)
        self.number_style = QComboBox()
        self.number_style.setToolTip("Cách in số liệu của bảng này")
        for style, label in NUMBER_STYLE_LABELS.items():
            self.number_style.addItem(label, style)
        self.number_style.setCurrentIndex(self.number_style.findData(self.grid.table.number_style))
        self.number_style.activated.connect(self._set_number_style)
        self.grid.model.structureChanged.connect(
            lambda: self.number_style.setCurrentIndex(self.number_style.findData(self.grid.table.number_style)))
        bottom.addWidget(self.number_style)
        layout.addLayout(bottom)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        dialogs.translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.grid.select(0, 0)

    def _set_number_style(self, index: int) -> None:
        style = NumberStyle(self.number_style.itemData(index))
        self.grid.model.edit("Cách in số", lambda table: setattr(table, "number_style", style))

    def table(self) -> Table:
        return self.grid.table


class NewTableDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Chèn bảng")
        form = QFormLayout(self)
        self.rows = QSpinBox()
        self.rows.setRange(1, 300)
        self.rows.setValue(3)
        self.columns = QSpinBox()
        self.columns.setRange(1, 20)
        self.columns.setValue(3)
        self.header_rows = QSpinBox()
        self.header_rows.setRange(0, 5)
        self.header_rows.setValue(1)
        form.addRow("Số dòng (cả dòng tiêu đề):", self.rows)
        form.addRow("Số cột:", self.columns)
        form.addRow("Số dòng tiêu đề:", self.header_rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        dialogs.translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def table(self) -> Table:
        return new_table(self.rows.value(), self.columns.value(), self.header_rows.value())


class BodyEditor(NarrativeEditor):
    """A part's text: paragraphs with roles, bold/italic, footnote marks and table blocks."""

    # Tests replace these to answer the dialogs.
    def ask_footnote(self, runs: list[Run], number: int) -> list[Run] | None:
        dialog = FootnoteDialog(runs, number, self)
        return dialog.runs() if dialog.exec() else None

    def ask_new_table(self) -> Table | None:
        dialog = NewTableDialog(self)
        if not dialog.exec():
            return None
        return self.ask_table(dialog.table(), "Chèn bảng")

    def ask_table(self, table: Table, title: str = "Sửa bảng") -> Table | None:
        dialog = TableDialog(table, title, self)
        return dialog.table() if dialog.exec() else None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_handlers(self.document(), self)
        from .picture_actions import install_handler; install_handler(self.document(), self)  # noqa: E702
        self._footnote_count: int | None = None
        self.document().contentsChange.connect(self._forget_count)
        self.document().contentsChange.connect(self._fix_table_paragraphs)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)

    def set_footnote_offset(self, offset: int) -> None:
        """Footnotes of the parts before this one: the marks show the report's numbering."""
        if self._footnote_handler.offset != offset:
            self._footnote_handler.offset = offset
            self.document().markContentsDirty(0, self.document().characterCount())

    def footnote_number(self, position: int) -> int:
        """The report-wide number of the footnote mark at ``position``."""
        from .text_objects import footnote_number

        return footnote_number(self.document(), position, self._footnote_handler.offset)

    def footnote_count(self) -> int:
        """How many footnote marks the text holds (kept until the text changes)."""
        from .text_objects import footnote_positions

        if self._footnote_count is None:
            self._footnote_count = len(footnote_positions(self.document()))
        return self._footnote_count

    def _forget_count(self, *_change) -> None:
        self._footnote_count = None

    # --- objects at a place -------------------------------------------------------------------------
    def object_at(self, position: int) -> tuple[int, int] | None:
        """(position, object type) of the footnote mark or table at document ``position``."""
        document = self.document()
        if 0 <= position < document.characterCount() and document.characterAt(position) == OBJECT_CHAR:
            cursor = QTextCursor(document)
            cursor.setPosition(position + 1)
            kind = object_type(cursor.charFormat())
            if kind in (FOOTNOTE_TYPE, TABLE_TYPE):
                return position, kind
        return None

    def object_near(self, point) -> tuple[int, int] | None:
        """The footnote mark or table under ``point`` (viewport coordinates)."""
        position = self.cursorForPosition(point).position()
        for candidate in (position, position - 1):
            found = self.object_at(candidate)
            if found is None:
                continue
            if found[1] == TABLE_TYPE:
                return found  # a table fills its own line
            cursor = QTextCursor(self.document())
            cursor.setPosition(candidate)
            left = self.cursorRect(cursor)
            cursor.setPosition(candidate + 1)
            right = self.cursorRect(cursor)
            if left.top() <= point.y() <= left.bottom() and left.left() - 3 <= point.x() <= right.left() + 3:
                return found  # on the mark itself, not on the word beside it
        return None

    def _format_at(self, position: int):
        cursor = QTextCursor(self.document())
        cursor.setPosition(position + 1)
        return cursor.charFormat()

    def _replace_object(self, position: int, fmt, label_block: bool = True) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.setCharFormat(fmt)
        cursor.endEditBlock()

    # --- footnotes ---------------------------------------------------------------------------------
    def insert_footnote(self) -> bool:
        """Ctrl+Alt+F: a mark right after the cursor's text, its text asked in a dialog."""
        if self.isReadOnly():
            return False
        cursor = self.textCursor()
        if self._in_table_paragraph(cursor):
            dialogs.inform(self, "Đặt con trỏ trong một đoạn văn (không phải bảng) rồi chèn chú thích.")
            return False
        from .text_objects import footnote_positions

        before = len([p for p in footnote_positions(self.document()) if p < cursor.selectionEnd()])
        number = self._footnote_handler.offset + before + 1
        runs = self.ask_footnote([], number)
        if not runs or not "".join(r.text for r in runs).strip():
            return False
        cursor.setPosition(cursor.selectionEnd())
        cursor.beginEditBlock()
        cursor.insertText(OBJECT_CHAR, footnote_format(runs))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    def edit_footnote(self, position: int) -> bool:
        runs = footnote_of(self._format_at(position))
        if runs is None or self.isReadOnly():
            return False
        changed = self.ask_footnote(runs, self.footnote_number(position))
        if changed is None or changed == runs:
            return False
        if not "".join(r.text for r in changed).strip():
            return self.delete_object(position)
        self._replace_object(position, footnote_format(changed))
        return True

    def delete_object(self, position: int) -> bool:
        if self.isReadOnly() or self.object_at(position) is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        if not cursor.block().text() and block_role(cursor.block().blockFormat()) == BlockRole.TABLE:
            cursor.setBlockFormat(role_format(BlockRole.PARAGRAPH))
            if cursor.block().next().isValid() or cursor.block().previous().isValid():
                cursor.deleteChar() if cursor.block().next().isValid() else cursor.deletePreviousChar()
        cursor.endEditBlock()
        return True

    # --- tables ------------------------------------------------------------------------------------
    def _in_table_paragraph(self, cursor: QTextCursor) -> bool:
        return OBJECT_CHAR in cursor.block().text() and block_role(cursor.blockFormat()) == BlockRole.TABLE

    def insert_table(self, table: Table | None = None) -> bool:
        """A table block at the cursor: the paragraph is split and the table stands on its own line."""
        if self.isReadOnly():
            return False
        table = table if table is not None else self.ask_new_table()
        if table is None:
            return False
        cursor = self.textCursor()
        cursor.setPosition(cursor.selectionEnd())
        cursor.beginEditBlock()
        insert_object_line(cursor, role_format(BlockRole.TABLE, manual=True), table_format(table))
        if cursor.block().next().isValid():
            cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        else:
            cursor.insertBlock(role_format(BlockRole.PARAGRAPH))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self._detect_all()
        return True

    def edit_table(self, position: int) -> bool:
        table = table_of(self._format_at(position))
        if table is None or self.isReadOnly():
            return False
        changed = self.ask_table(table)
        if changed is None or changed == table:
            return False
        self._replace_object(position, table_format(changed))
        return True

    def tables(self) -> list[tuple[int, Table]]:
        """(position, table) of every table block, in order."""
        found = []
        document = self.document()
        for position in range(document.characterCount()):
            if document.characterAt(position) == OBJECT_CHAR:
                table = table_of(self._format_at(position))
                if table is not None:
                    found.append((position, table))
        return found

    def footnotes(self) -> list[tuple[int, list[Run]]]:
        from .text_objects import footnote_positions

        return [(p, footnote_of(self._format_at(p)) or []) for p in footnote_positions(self.document())]

    def _detect_all(self) -> None:
        block = self.document().begin()
        while block.isValid():
            self._fix_block(block)
            block = block.next()

    def _fix_table_paragraphs(self, position: int, _removed: int, added: int) -> None:
        if self._loading:
            return
        block = self.document().findBlock(position)
        last = self.document().findBlock(position + added)
        while block.isValid():
            self._fix_block(block)
            if block == last:
                break
            block = block.next()

    def _fix_block(self, block) -> None:
        """Enter after a table copies the table paragraph's format: make that new line a paragraph."""
        if block_role(block.blockFormat()) == BlockRole.TABLE and OBJECT_CHAR not in block.text():
            cursor = QTextCursor(block)
            cursor.joinPreviousEditBlock()
            cursor.setBlockFormat(role_format(detect_role(block.text()) or BlockRole.PARAGRAPH))
            cursor.endEditBlock()

    def _leave_table_paragraph(self) -> None:
        """Typing on a table's line goes into a new paragraph after (or before) the table."""
        cursor = self.textCursor()
        if not self._in_table_paragraph(cursor) or cursor.hasSelection():
            return
        block = cursor.block()
        fmt = role_format(BlockRole.PARAGRAPH)
        if cursor.position() == block.position():
            cursor.insertBlock(block.blockFormat())
            cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
            cursor.setBlockFormat(fmt)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock(fmt)
        self.setTextCursor(cursor)

    # --- copy and paste inside the application: footnotes and tables come along ---------------------------
    # The last copy that held footnotes or tables: its plain text (how the paste recognises it) and
    # its content as model blocks (plain Python: Qt objects kept in a class attribute, or mime data
    # made in Python, outlive the application and crash the interpreter's exit).
    _copied: tuple[str, list] | None = None

    def createMimeDataFromSelection(self):  # noqa: N802
        mime = super().createMimeDataFromSelection()
        fragment = self.textCursor().selection()
        text = fragment.toPlainText()
        if OBJECT_CHAR in text:
            scratch = QTextDocument()
            QTextCursor(scratch).insertFragment(fragment)
            BodyEditor._copied = (text, document_to_blocks(scratch))
        return mime

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        copied = BodyEditor._copied
        if copied is not None and source.hasText() and source.text() == copied[0]:
            scratch = QTextDocument()
            blocks_to_document(copy.deepcopy(copied[1]), scratch)
            self._words.reset()
            cursor = self.textCursor()
            keep_paragraph_mark(cursor)  # a triple-clicked paragraph is replaced in place
            cursor.beginEditBlock()
            cursor.insertFragment(QTextDocumentFragment(scratch))
            cursor.endEditBlock()
            self.setTextCursor(cursor)
            self._detect_all()
            return
        super().insertFromMimeData(source)

    # --- events --------------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802
        mods = event.modifiers()
        ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if event.key() == Qt.Key.Key_F and (mods & ctrl_alt) == ctrl_alt:
            self.insert_footnote()
            return
        if not self.isReadOnly() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self._in_table_paragraph(self.textCursor()):
            self._leave_table_paragraph()
            return
        if not self.isReadOnly() and event.text() and event.text().isprintable() \
                and not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._leave_table_paragraph()
        super().keyPressEvent(event)

    def inputMethodEvent(self, event) -> None:  # noqa: N802
        if event.commitString() and not self.isReadOnly():
            self._leave_table_paragraph()
        super().inputMethodEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        found = self.object_near(event.position().toPoint())
        if found is not None and not self.isReadOnly():
            position, kind = found
            (self.edit_table if kind == TABLE_TYPE else self.edit_footnote)(position)
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        menu = self.createStandardContextMenu(event.pos())
        spelling.spelling_actions(self, menu, event.pos())  # suggestions, "Thêm vào từ điển"
        found = self.object_near(event.pos())
        if not self.isReadOnly():
            menu.addSeparator()
            if found is not None and found[1] == TABLE_TYPE:
                menu.addAction("Sửa bảng…", lambda: self.edit_table(found[0]))
                menu.addAction("Xóa bảng", lambda: self.delete_object(found[0]))
            elif found is not None:
                menu.addAction("Sửa chú thích…", lambda: self.edit_footnote(found[0]))
                menu.addAction("Xóa chú thích", lambda: self.delete_object(found[0]))
            menu.addAction("Chèn chú thích cuối trang (Ctrl+Alt+F)", self.insert_footnote)
            menu.addAction("Chèn bảng…", self.insert_table)
        menu.exec(event.globalPos())
        menu.deleteLater()

