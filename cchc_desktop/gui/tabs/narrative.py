"""Tab "Nội dung": the report's parts in an outline beside the text of the part chosen.

The outline lists every part (any number; "Phần thứ…" groups show their parts indented):
add, remove, move up/down, make a group heading or a numbered part. Above the text, the
part's heading ("IV. ĐỀ XUẤT, KIẾN NGHỊ") and what it is about (results, difficulties…).
Each part keeps its own text editor (its typing history survives moves); structural edits are
undo commands on ``self.stack`` (``gui/parts_editor.py``), the shown report's own stack: each
report keeps its parts' history while the window is open (``gui/undo.py``, ``TabHistory``).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QStackedWidget, QToolButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from cchc_desktop.core.model import BlockRole, Part, PartTag, Report
from cchc_desktop.core.vietnamese import nfc

from .. import dialogs
from ..flow_layout import flow_row
from ..body_editor import BodyEditor
from ..narrative_editor import ROLE_LABELS
from ..parts_editor import (TAG_LABELS, AddPartCommand, MovePartCommand, RemovePartCommand, SetHeadingCommand,
                            SetTagCommand, group_heading, suggested_heading)
from ..undo import TabHistory
from .common import TextEdit, tool_button

STYLE_LABELS = {BlockRole.PART: "Phần (Phần thứ…)", **ROLE_LABELS}
NEW_PART_NAME = "TÊN PHẦN MỚI"
_ROMAN_MARK = re.compile(r"^[IVXLC]+\.\s*")
_GROUP_MARK = re.compile(r"^Phần thứ [^:.\s]+\s*[:.]?\s*", re.IGNORECASE)



def _labelled(text: str, widget: QWidget) -> QWidget:
    """A label and its field kept on one line when a flow row wraps."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(QLabel(text))
    row.addWidget(widget)
    return holder


class NarrativeTab(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self.history = TabHistory(self)  # structural edits of the parts, a stack per report
        self.editors: list[BodyEditor] = []
        self._dirty: set[int] = set()  # id() of editors whose text is not yet in the model
        self._showing = False
        outer = QHBoxLayout(self)

        # --- the outline -------------------------------------------------------------------
        left = QWidget()
        left.setMaximumWidth(270)
        left.setMinimumWidth(200)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel("Các phần của báo cáo:"))
        self.outline = QTreeWidget()
        self.outline.setHeaderHidden(True)
        self.outline.setIndentation(14)
        self.outline.setRootIsDecorated(False)
        self.outline.setWordWrap(True)
        column.addWidget(self.outline, 1)
        buttons = QGridLayout()
        buttons.setSpacing(3)
        self.add_part = tool_button("+ Thêm phần", "Thêm một phần mới sau phần đang chọn")
        self.remove_part = tool_button("− Xóa phần", "Xóa phần đang chọn (có thể hoàn tác)")
        self.up = tool_button("↑ Lên", "Chuyển phần lên trên (Alt+Shift+↑ trong danh sách)")
        self.down = tool_button("↓ Xuống", "Chuyển phần xuống dưới (Alt+Shift+↓ trong danh sách)")
        self.outdent = tool_button("⇤ Thành nhóm", "Đổi thành đề mục nhóm “Phần thứ…” (nhóm các phần I., II. bên dưới)")
        self.indent = tool_button("⇥ Thành mục", "Đổi thành phần đánh số La Mã (I., II., III.)")
        self.undo_parts = tool_button("↶ Hoàn tác", "Hoàn tác thao tác trên các phần (thêm, xóa, chuyển, đổi tên)")
        self.redo_parts = tool_button("↷ Làm lại", "Làm lại thao tác trên các phần")
        for n, button in enumerate((self.add_part, self.remove_part, self.up, self.down, self.outdent, self.indent,
                                    self.undo_parts, self.redo_parts)):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(button.sizePolicy().horizontalPolicy().Expanding,
                                 button.sizePolicy().verticalPolicy())
            buttons.addWidget(button, n // 2, n % 2)
        column.addLayout(buttons)
        outer.addWidget(left)

        # --- the part chosen ---------------------------------------------------------------
        right = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(QLabel("Đề mục:"))
        self.title = QLineEdit()
        self.title.setPlaceholderText("IV. ĐỀ XUẤT, KIẾN NGHỊ")
        self.title.setToolTip("Đề mục của phần, đúng như in (gồm cả số La Mã hoặc “Phần thứ…”)")
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        head.addWidget(self.title, 1)
        right.addLayout(head)
        # The heading has the whole row (long headings stay readable at 1024×700); what the part
        # is about joins the formatting row, which wraps on small screens (flow_row).
        self.tag = QComboBox()
        self.tag.setToolTip("Phần này nói về gì: dùng khi lập báo cáo kỳ sau và khi kiểm tra (không in ra)")
        for tag, label in TAG_LABELS.items():
            self.tag.addItem(label, tag)

        self.style_box = QComboBox()
        self.style_box.setToolTip("Kiểu của đoạn đang soạn; tự nhận khi gõ “II.”, “2.1”, “- ” ở đầu đoạn")
        for role, label in STYLE_LABELS.items():
            self.style_box.addItem(label, role)
        self.bold = self._format_button("Đ", "In đậm (Ctrl+B)")
        self.italic = self._format_button("N", "In nghiêng (Ctrl+I)")
        undo = self._format_button("↶", "Hoàn tác (Ctrl+Z)")
        redo = self._format_button("↷", "Làm lại (Ctrl+Y)")
        self.insert_table_button = tool_button("Chèn bảng…", "Chèn một bảng vào chỗ con trỏ")
        self.footnote_button = tool_button("Chú thích¹", "Chèn chú thích cuối trang ở chỗ con trỏ (Ctrl+Alt+F)")
        self.bar = flow_row(_labelled("Kiểu đoạn:", self.style_box), self.bold, self.italic, undo, redo,
                            self.insert_table_button, self.footnote_button, _labelled("Nội dung:", self.tag))
        right.addWidget(self.bar)
        self.pages = QStackedWidget()
        right.addWidget(self.pages, 1)
        right.addWidget(QLabel("Câu kết thúc (sau phần cuối):"))
        self.closing = TextEdit(2)
        right.addWidget(self.closing)
        outer.addLayout(right, 1)

        self.outline.currentItemChanged.connect(self._outline_changed)
        self.outline.itemDoubleClicked.connect(lambda *_: (self.title.setFocus(), self.title.selectAll()))
        self.outline.setToolTip("Nhấp đúp để đổi tên phần")
        self.add_part.clicked.connect(self.add)
        self.remove_part.clicked.connect(self.remove)
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(1))
        self.outdent.clicked.connect(lambda: self.set_level(BlockRole.PART))
        self.indent.clicked.connect(lambda: self.set_level(BlockRole.HEADING1))
        self.undo_parts.clicked.connect(lambda: self.stack.undo())
        self.redo_parts.clicked.connect(lambda: self.stack.redo())
        group = self.history.group  # the shown report's stack's signals
        group.indexChanged.connect(self._stack_moved)  # a push, an undo or a redo: save it
        group.canUndoChanged.connect(self._update_buttons)
        group.canRedoChanged.connect(self._update_buttons)
        self.title.textEdited.connect(self._title_edited)
        self.title.installEventFilter(self)
        self.tag.activated.connect(lambda i: self.set_tag(PartTag(self.tag.itemData(i))))
        self.style_box.activated.connect(lambda i: self._apply_role(BlockRole(self.style_box.itemData(i))))
        self.bold.clicked.connect(lambda: self.editor and self.editor.toggle_bold())
        self.italic.clicked.connect(lambda: self.editor and self.editor.toggle_italic())
        undo.clicked.connect(lambda: self.editor and self.editor.undo())
        redo.clicked.connect(lambda: self.editor and self.editor.redo())
        self.insert_table_button.clicked.connect(lambda: self.editor and self.editor.insert_table())
        self.footnote_button.clicked.connect(lambda: self.editor and self.editor.insert_footnote())
        self.closing.edited.connect(self._closing_edited)
        self.title.returnPressed.connect(lambda: self.editor and self.editor.setFocus())
        for sequence, slot in ((QKeySequence.StandardKey.Undo, lambda: self.stack.undo()),
                               (QKeySequence.StandardKey.Redo, lambda: self.stack.redo()),
                               (QKeySequence("Ctrl+Y"), lambda: self.stack.redo()),
                               (QKeySequence("Alt+Shift+Up"), lambda: self.move(-1)),
                               (QKeySequence("Alt+Shift+Down"), lambda: self.move(1))):
            action = QAction(left)
            action.setShortcut(QKeySequence(sequence))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, s=slot: self._editable() and s())
            left.addAction(action)
        self._update_buttons()

    def _format_button(self, text: str, tip: str) -> QToolButton:
        button = tool_button(text, tip)
        button.setAutoRaise(True)
        font = button.font()
        font.setBold(text == "Đ")
        font.setItalic(text == "N")
        button.setFont(font)
        return button

    # --- the report -------------------------------------------------------------------------
    @property
    def stack(self) -> QUndoStack:
        """The undo stack of the parts of the report shown."""
        return self.history.stack

    @property
    def parts(self) -> list[Part]:
        return self.report.parts if self.report is not None else []

    @property
    def editor(self) -> BodyEditor | None:
        """The text editor of the part shown."""
        widget = self.pages.currentWidget()
        return widget if isinstance(widget, BodyEditor) else None

    def current_index(self) -> int:
        editor = self.editor
        return self.editors.index(editor) if editor in self.editors else -1

    def set_report(self, report: Report) -> None:
        self.report = None
        self.history.activate(report.id)  # kept while the window is open (the window clears it when stale)
        for editor in self.editors:
            self.pages.removeWidget(editor)
            editor.deleteLater()
        self.editors = []
        self._dirty.clear()
        for at, part in enumerate(report.parts):
            self.report = report
            self.insert_editor(at, part)
        self.closing.set_text(report.closing)
        self.report = report
        self.refresh(0)
        # The window's read-only switch enables every button afterwards: set ours again then.
        QTimer.singleShot(0, self._update_buttons)

    def flush(self) -> None:
        """Write the editors' text into the model (before a save or a structural edit)."""
        if self.report is None:
            return
        for part, editor in zip(self.report.parts, self.editors):
            if id(editor) in self._dirty:
                heading = [part.heading] if part.heading is not None else []
                part.blocks = heading + editor.blocks()
                self._dirty.discard(id(editor))

    def part_replaced(self, index: int) -> None:
        """Part ``index`` was changed in the model (a fix from the checks panel, or its undo): its
        editor takes the new text only when the text differs (it keeps its typing history otherwise)."""
        editor = self.editor_of(index)
        if editor is None or self.report is None:
            return
        part = self.parts[index]
        body = part.blocks[1:] if part.heading is not None else part.blocks
        if editor.blocks() != body:
            editor.set_blocks(body)
        self._dirty.discard(id(editor))
        self._update_offsets()

    # --- editors (one per part; the commands move them with their parts) ----------------------
    def insert_editor(self, at: int, part: Part, editor: BodyEditor | None = None) -> None:
        if editor is None:
            editor = BodyEditor()
            body = part.blocks[1:] if part.heading is not None else part.blocks
            editor.set_blocks(body)
            editor.edited.connect(lambda e=editor: self._edited(e))
            editor.roleChanged.connect(lambda role, e=editor: self._show_role(role) if e is self.editor else None)
        self.editors.insert(at, editor)
        self.pages.addWidget(editor)

    def take_editor(self, at: int) -> BodyEditor:
        editor = self.editors.pop(at)
        self.pages.removeWidget(editor)
        editor.setParent(None)
        return editor

    def move_editor(self, source: int, target: int) -> None:
        self.editors.insert(target, self.editors.pop(source))

    def editor_of(self, index: int) -> BodyEditor | None:
        return self.editors[index] if 0 <= index < len(self.editors) else None

    # --- view -----------------------------------------------------------------------------------
    def refresh(self, index: int, reload_text: bool = True) -> None:  # noqa: ARG002 (editors keep their text)
        """Rebuild the outline and show part ``index`` (after any change of the parts)."""
        self._showing = True
        try:
            self.outline.clear()
            group: QTreeWidgetItem | None = None
            items = []
            for n, part in enumerate(self.parts):
                title = part.title.strip() or "(Phần không có đề mục)"
                item = QTreeWidgetItem([title])
                item.setData(0, Qt.ItemDataRole.UserRole, n)
                item.setToolTip(0, f"{title}\nNội dung: {TAG_LABELS.get(part.tag, '')}")
                heading = part.heading
                if heading is not None and heading.role == BlockRole.PART:
                    font = item.font(0)
                    font.setBold(True)
                    item.setFont(0, font)
                    self.outline.addTopLevelItem(item)
                    group = item
                elif group is not None:
                    group.addChild(item)
                else:
                    self.outline.addTopLevelItem(item)
                items.append(item)
            self.outline.expandAll()
            self._update_offsets()
            if items:
                index = max(0, min(index, len(items) - 1))
                self.outline.setCurrentItem(items[index])
                self._show(index)
        finally:
            self._showing = False
        self._update_buttons()

    def _outline_changed(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is not None and not self._showing:
            self._show(int(item.data(0, Qt.ItemDataRole.UserRole)))
            self._update_buttons()

    def select_part(self, index: int) -> None:
        """Show part ``index`` (the outline follows)."""
        self.refresh(index)

    def _show(self, index: int) -> None:
        editor = self.editor_of(index)
        if editor is None:
            return
        self.pages.setCurrentWidget(editor)
        part = self.parts[index]
        if nfc(self.title.text().strip()) != part.title:  # not while typing (a trailing space is kept)
            self.title.setText(part.title)
            self.title.setCursorPosition(0)
        self.tag.setCurrentIndex(max(0, self.tag.findData(part.tag)))
        self._show_role(editor.current_role())

    def _update_offsets(self) -> None:
        offset = 0
        for part, editor in zip(self.parts, self.editors):
            heading_notes = sum(1 for run in (part.heading.runs if part.heading else []) if run.footnote is not None)
            editor.set_footnote_offset(offset + heading_notes)
            offset += heading_notes + editor.footnote_count()

    def _update_buttons(self) -> None:
        index, count = self.current_index(), len(self.parts)
        editable = self._editable()
        self.remove_part.setEnabled(editable and index >= 0)
        self.up.setEnabled(editable and index > 0)
        self.down.setEnabled(editable and 0 <= index < count - 1)
        role = self.parts[index].heading.role if 0 <= index < count and self.parts[index].heading else None
        self.outdent.setEnabled(editable and index >= 0 and role != BlockRole.PART)
        self.indent.setEnabled(editable and index >= 0 and role != BlockRole.HEADING1)
        self.undo_parts.setEnabled(editable and self.stack.canUndo())
        self.redo_parts.setEnabled(editable and self.stack.canRedo())
        self.add_part.setEnabled(editable and self.report is not None)

    def _editable(self) -> bool:
        return self.report is not None and not self.title.isReadOnly()

    def _show_role(self, role: BlockRole) -> None:
        self.style_box.setCurrentIndex(max(0, self.style_box.findData(role)))

    def _apply_role(self, role: BlockRole) -> None:
        if self.editor is not None:
            self.editor.set_role(role)
            self.editor.setFocus()

    def _edited(self, editor: BodyEditor) -> None:
        if self.report is None:
            return
        self._dirty.add(id(editor))
        editor._forget_count()  # "edited" may come before the editor's own contentsChange slot
        self._update_offsets()
        self.changed.emit()

    def _closing_edited(self) -> None:
        if self.report is not None:
            self.report.closing = self.closing.text()
            self.changed.emit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Ctrl+Z / Ctrl+Y in the heading field undo the parts' edits (typing the heading included)."""
        if watched is self.title and event.type() == QEvent.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Undo):
                self._editable() and self.stack.undo()
                return True
            if event.matches(QKeySequence.StandardKey.Redo) or (
                    event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
                self._editable() and self.stack.redo()
                return True
        return super().eventFilter(watched, event)

    # --- structural edits (undo commands) ---------------------------------------------------------
    def _push(self, command) -> None:
        self.stack.push(command)

    def _stack_moved(self, _index: int) -> None:
        # count() == 0: the stack was cleared (a new report, or the window going away): no edit.
        if self.report is not None and self.stack.count():
            self.changed.emit()

    def add(self) -> None:
        if not self._editable():
            return
        at = self.current_index() + 1 if self.parts else 0
        from cchc_desktop.core.model import Block

        heading = suggested_heading(self.parts, at) + NEW_PART_NAME
        self._push(AddPartCommand(self, at, Part(PartTag.OTHER, [Block.plain(BlockRole.HEADING1, heading)])))
        self.title.setFocus()
        self.title.setSelection(len(heading) - len(NEW_PART_NAME), len(NEW_PART_NAME))

    def remove(self) -> None:
        index = self.current_index()
        if not self._editable() or index < 0:
            return
        self.flush()
        part = self.parts[index]
        words = sum(len(block.text.split()) for block in part.blocks[1:] if part.heading) or \
            sum(len(block.text.split()) for block in part.blocks)
        if words and not dialogs.confirm(self, f"Xóa phần “{part.title or index + 1}” ({words} từ)? "
                                               "Có thể hoàn tác bằng nút Hoàn tác bên dưới danh sách."):
            return
        self._push(RemovePartCommand(self, index))

    def move(self, delta: int) -> None:
        index = self.current_index()
        target = index + delta
        if self._editable() and 0 <= index < len(self.parts) and 0 <= target < len(self.parts):
            self._push(MovePartCommand(self, index, target))

    def rename(self, index: int, text: str) -> None:
        if self._editable() and 0 <= index < len(self.parts):
            part = self.parts[index]
            role = part.heading.role if part.heading is not None else None
            self._push(SetHeadingCommand(self, index, nfc(text.strip()), role, "Đổi tên phần"))

    def _title_edited(self, text: str) -> None:
        self.rename(self.current_index(), text)

    def set_level(self, role: BlockRole) -> None:
        """"Phần thứ…" group heading, or a roman-numbered part; the typed marker follows."""
        index = self.current_index()
        if not self._editable() or index < 0:
            return
        part = self.parts[index]
        text = part.title
        if role == BlockRole.PART:
            text = group_heading(self.parts, index) + _ROMAN_MARK.sub("", text) if _ROMAN_MARK.match(text) or \
                not text else text
        else:
            text = suggested_heading(self.parts, index) + _GROUP_MARK.sub("", text) if _GROUP_MARK.match(text) or \
                not text else text
        self._push(SetHeadingCommand(self, index, text.rstrip() if text.strip() else text, role, "Đổi cấp đề mục"))

    def set_tag(self, tag: PartTag) -> None:
        index = self.current_index()
        if self._editable() and 0 <= index < len(self.parts) and self.parts[index].tag != tag:
            self._push(SetTagCommand(self, index, tag))
