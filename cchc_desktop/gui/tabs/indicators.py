"""Tab "Phụ lục": the report's appendix forms ("Biểu mẫu 1 … N"), each a general table grid.

A selector lists the forms (add, remove, reorder); the form's title block (heading, name,
reference line), orientation and number style sit above its grid. Every edit is an undo
command on the tab's QUndoStack (``self.stack``), shared with the grid's own commands: the
shown report's own stack, kept per report while the window is open (``gui/undo.py``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QToolButton,
                               QVBoxLayout, QWidget)

from cchc_desktop.core.model import AppendixTable, NumberStyle, Report, Table, indicator_table
from cchc_desktop.core.vietnamese import nfc
from cchc_desktop.gui import dialogs

from ..table_grid import NUMBER_STYLE_LABELS, SUB_ROW_PREFIX, TableGrid  # noqa: F401 (re-exported)
from ..undo import TabHistory

ORIENTATIONS = ((None, "Hướng giấy: tự chọn"), (False, "Khổ dọc"), (True, "Khổ ngang"))
_FIELDS = ("heading", "title", "reference")


def next_heading(appendices: list[AppendixTable]) -> str:
    """'Biểu mẫu N' after the last form numbered so; 'PHỤ LỤC' for a first appendix."""
    numbers = []
    for appendix in appendices:
        words = appendix.heading.split()
        if len(words) >= 3 and words[-1].isdigit() and " ".join(words[:2]).lower() == "biểu mẫu":
            numbers.append(int(words[-1]))
    if not appendices:
        return "PHỤ LỤC"
    return f"Biểu mẫu {max(numbers, default=len(appendices)) + 1}"


# --- undo commands ---------------------------------------------------------------------------------
# They find their form by position in the report the tab shows (``tab.appendices[k]``) and keep
# only a form they took out of it: the report shown again after the clerk went to another one is
# a new object loaded from the store (see ``gui/undo.py``).
class AddAppendixCommand(QUndoCommand):
    def __init__(self, tab: IndicatorsTab, at: int, appendix: AppendixTable) -> None:
        super().__init__("Thêm biểu phụ lục")
        self.tab, self.at = tab, at
        self.appendix: AppendixTable | None = appendix  # out of the report (before redo, after undo)

    def redo(self) -> None:
        self.tab.appendices.insert(self.at, self.appendix)
        self.appendix = None
        self.tab.refresh(self.at)

    def undo(self) -> None:
        self.appendix = self.tab.appendices.pop(self.at)
        self.tab.refresh(min(self.at, len(self.tab.appendices) - 1))


class RemoveAppendixCommand(QUndoCommand):
    def __init__(self, tab: IndicatorsTab, at: int) -> None:
        super().__init__("Xóa biểu phụ lục")
        self.tab, self.at = tab, at
        self.appendix: AppendixTable | None = None  # the removed form, while removed

    def redo(self) -> None:
        self.appendix = self.tab.appendices.pop(self.at)
        self.tab.refresh(min(self.at, len(self.tab.appendices) - 1))

    def undo(self) -> None:
        self.tab.appendices.insert(self.at, self.appendix)
        self.appendix = None
        self.tab.refresh(self.at)


class MoveAppendixCommand(QUndoCommand):
    def __init__(self, tab: IndicatorsTab, at: int, target: int) -> None:
        super().__init__("Chuyển biểu phụ lục")
        self.tab, self.at, self.target = tab, at, target

    def _swap(self, shown: int) -> None:
        items = self.tab.appendices
        items[self.at], items[self.target] = items[self.target], items[self.at]
        self.tab.refresh(shown)

    def redo(self) -> None:
        self._swap(self.target)

    def undo(self) -> None:
        self._swap(self.at)


class SetAppendixCommand(QUndoCommand):
    """One attribute of form ``index`` (heading, title, reference, landscape, number style); typing merges."""

    ID = 1301

    def __init__(self, tab: IndicatorsTab, index: int, name: str, value) -> None:
        super().__init__("Sửa tiêu đề biểu" if name in _FIELDS else "Đổi định dạng biểu")
        self.tab, self.index, self.name = tab, index, name
        self.old, self.new = self._get(), value

    @property
    def appendix(self) -> AppendixTable:
        return self.tab.appendices[self.index]

    def _get(self):
        return self.appendix.table.number_style if self.name == "number_style" else getattr(self.appendix, self.name)

    def _set(self, value) -> None:
        appendix = self.appendix
        if self.name == "number_style":
            appendix.table.number_style = value
        else:
            setattr(appendix, self.name, value)
        self.tab.show_appendix(appendix)

    def redo(self) -> None:
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)

    def id(self) -> int:  # noqa: A003 (Qt name)
        return self.ID if self.name in _FIELDS else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, SetAppendixCommand) or (other.index, other.name) != (self.index, self.name):
            return False
        self.new = other.new
        return True


class IndicatorsTab(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self.history = TabHistory(self)  # a stack per report, shared with the grid
        self._loading = False
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(QLabel("Biểu:"))
        self.selector = QComboBox()
        self.selector.setToolTip("Các biểu mẫu phụ lục kèm theo báo cáo")
        self.selector.setMinimumWidth(260)
        top.addWidget(self.selector, 1)
        self.add_form = QPushButton("Thêm biểu")
        self.add_form.setToolTip("Thêm một biểu mẫu phụ lục (bảng số liệu) sau biểu đang chọn")
        self.remove_form = QPushButton("Xóa biểu")
        self.form_left = QToolButton()
        self.form_left.setText("◀")
        self.form_left.setToolTip("Chuyển biểu lên trước")
        self.form_right = QToolButton()
        self.form_right.setText("▶")
        self.form_right.setToolTip("Chuyển biểu ra sau")
        for widget in (self.add_form, self.remove_form, self.form_left, self.form_right):
            top.addWidget(widget)
        layout.addLayout(top)

        self.form = QWidget()
        grid = QGridLayout(self.form)
        grid.setContentsMargins(0, 0, 0, 0)
        self.heading = QLineEdit()
        self.heading.setPlaceholderText("PHỤ LỤC / Biểu mẫu 1")
        self.title = QLineEdit()
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("(Kèm theo Công văn số … ngày … của …)")
        self.orientation = QComboBox()
        for value, label in ORIENTATIONS:
            self.orientation.addItem(label, value)
        self.number_style = QComboBox()
        self.number_style.setToolTip("Cách in số liệu của biểu này")
        for style, label in NUMBER_STYLE_LABELS.items():
            self.number_style.addItem(label, style)
        grid.addWidget(QLabel("Tiêu đề:"), 0, 0)
        grid.addWidget(self.heading, 0, 1)
        grid.addWidget(self.orientation, 0, 2)
        grid.addWidget(self.number_style, 0, 3)
        grid.addWidget(QLabel("Tên biểu:"), 1, 0)
        grid.addWidget(self.title, 1, 1, 1, 3)
        grid.addWidget(QLabel("Trích dẫn:"), 2, 0)
        grid.addWidget(self.reference, 2, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        layout.addWidget(self.form)

        self.grid = TableGrid(self.stack)
        self.model = self.grid.model
        self.model.switcher = self._switch_to_table
        # The grid's commands find their table as "the table of form k" of the report shown.
        self.model.table_key = self._table_key
        self.model.table_at = self._table_at
        self.view = self.grid.view
        self.message = self.grid.message
        for name in ("add", "add_sub", "remove", "up", "down", "indent"):
            setattr(self, name, getattr(self.grid, name))
        self.import_set = QPushButton("Nhập bộ chỉ tiêu…")
        self.import_set.setToolTip("Lấy danh sách chỉ tiêu từ bảng tính (.xlsx: cột TT, Chỉ tiêu, Đơn vị tính) "
                                   "hoặc tệp .json")
        self.export_set = QPushButton("Xuất Excel…")
        self.export_set.setToolTip("Ghi bảng chỉ tiêu ra tệp Excel (.xlsx), số liệu là số")
        self.grid.bar.addWidget(self.import_set)
        self.grid.bar.addWidget(self.export_set)
        layout.addWidget(self.grid, 1)
        self.empty = QLabel("Báo cáo chưa có phụ lục. Bấm “Thêm biểu” để thêm một biểu số liệu.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)

        self.selector.activated.connect(self._select)
        self.add_form.clicked.connect(self.add_appendix)
        self.remove_form.clicked.connect(self.remove_appendix)
        self.form_left.clicked.connect(lambda: self.move_appendix(-1))
        self.form_right.clicked.connect(lambda: self.move_appendix(1))
        for name in _FIELDS:
            getattr(self, name).textEdited.connect(lambda text, n=name: self._set_field(n, nfc(text.strip())))
        self.orientation.activated.connect(
            lambda i: self._set_field("landscape", self.orientation.itemData(i)))
        self.number_style.activated.connect(
            lambda i: self._set_field("number_style", NumberStyle(self.number_style.itemData(i))))
        self.grid.edited.connect(self._edited)
        self.import_set.clicked.connect(self.import_indicator_set)
        self.export_set.clicked.connect(self.export_excel)
        self.refresh(0, emit=False)
        self.history.group.indexChanged.connect(self._stack_moved)  # undo and redo are saved too

    # --- the report ---------------------------------------------------------------------------------
    def set_report(self, report: Report) -> None:
        self.report = None
        self.grid.set_stack(self.history.activate(report.id))  # kept per report (the window clears it when stale)
        self.report = report
        # Laid out anew even when it is the same table object (a report shown again after a change
        # made outside the grid, e.g. columns added): _load only switches when the table differs.
        self.grid.set_table(Table())
        self.refresh(0, emit=False)
        QTimer.singleShot(0, self._update_buttons)  # after the window's read-only switch

    def _update_buttons(self) -> None:
        editable = self.add_form.isEnabled()
        self.remove_form.setEnabled(editable and bool(self.appendices))
        self.grid.undo_button.setEnabled(editable and self.stack.canUndo())
        self.grid.redo_button.setEnabled(editable and self.stack.canRedo())

    @property
    def stack(self) -> QUndoStack:
        """The undo stack of the appendix forms of the report shown."""
        return self.history.stack

    def _table_key(self, table: Table):
        for index, appendix in enumerate(self.appendices):
            if appendix.table is table:
                return index
        return table  # not a form of the report (an empty grid): the object itself

    def _table_at(self, key) -> Table:
        return self.appendices[key].table if isinstance(key, int) else key

    @property
    def appendices(self) -> list[AppendixTable]:
        return self.report.appendices if self.report is not None else []

    @property
    def appendix(self) -> AppendixTable | None:
        """The form shown."""
        index = self.selector.currentIndex()
        return self.appendices[index] if 0 <= index < len(self.appendices) else None

    def refresh(self, index: int, emit: bool = True) -> None:
        """Rebuild the selector and show form ``index`` (after any change of the list)."""
        self.selector.blockSignals(True)
        self.selector.clear()
        for n, appendix in enumerate(self.appendices):
            name = appendix.heading or f"Biểu {n + 1}"
            title = f" — {appendix.title}" if appendix.title else ""
            self.selector.addItem(f"{n + 1}. {name}{title}")
        self.selector.blockSignals(False)
        has = bool(self.appendices)
        for widget in (self.form, self.grid):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        self.remove_form.setEnabled(has and self.add_form.isEnabled())
        if has:
            index = max(0, min(index, len(self.appendices) - 1))
            self.selector.setCurrentIndex(index)
            self._load(self.appendices[index])
        if emit:
            self._edited()

    def _select(self, index: int) -> None:
        if 0 <= index < len(self.appendices):
            self._load(self.appendices[index])

    def _load(self, appendix: AppendixTable) -> None:
        self._loading = True
        try:
            for name in _FIELDS:
                widget = getattr(self, name)
                if widget.text() != getattr(appendix, name):
                    widget.setText(getattr(appendix, name))
            self.orientation.setCurrentIndex([v for v, _ in ORIENTATIONS].index(appendix.landscape))
            self.number_style.setCurrentIndex(self.number_style.findData(appendix.table.number_style))
            if self.model.table is not appendix.table:
                self.grid.set_table(appendix.table)
        finally:
            self._loading = False

    def show_appendix(self, appendix: AppendixTable) -> None:
        """Select ``appendix`` in the selector (undo of an edit on another form) and show it."""
        index = next((i for i, shown in enumerate(self.appendices) if shown is appendix), -1)
        if index >= 0:
            if index != self.selector.currentIndex():
                self.selector.setCurrentIndex(index)
            name = appendix.heading or f"Biểu {index + 1}"
            self.selector.setItemText(index, f"{index + 1}. {name}" + (f" — {appendix.title}" if appendix.title else ""))
            self._load(appendix)
        self._edited()

    def _switch_to_table(self, table: Table) -> None:
        for appendix in self.appendices:
            if appendix.table is table:
                self.show_appendix(appendix)
                return
        self.grid.set_table(table)

    def _stack_moved(self, _index: int) -> None:
        # count() == 0: the stack was cleared (a new report, or the window going away): no edit.
        if self.stack.count():
            self._edited()

    def _edited(self) -> None:
        if self.report is not None and not self._loading:
            self.changed.emit()

    # --- form commands --------------------------------------------------------------------------------
    def _set_field(self, name: str, value) -> None:
        appendix = self.appendix
        if self.report is None or appendix is None or self._loading:
            return
        current = appendix.table.number_style if name == "number_style" else getattr(appendix, name)
        if current != value:
            self.stack.push(SetAppendixCommand(self, self.selector.currentIndex(), name, value))

    def add_appendix(self) -> None:
        if self.report is None:
            return
        at = self.selector.currentIndex() + 1 if self.appendices else 0
        appendix = AppendixTable(heading=next_heading(self.appendices), table=indicator_table())
        if not self.appendices:
            self.stack.push(AddAppendixCommand(self, 0, appendix))
            return
        self.stack.push(AddAppendixCommand(self, at, appendix))

    def remove_appendix(self) -> None:
        index = self.selector.currentIndex()
        if self.report is None or not 0 <= index < len(self.appendices):
            return
        appendix = self.appendices[index]
        if not dialogs.confirm(self, f"Xóa biểu “{appendix.heading or index + 1}” "
                                     f"({len(appendix.table.body)} dòng)? Có thể hoàn tác bằng Ctrl+Z."):
            return
        self.stack.push(RemoveAppendixCommand(self, index))

    def move_appendix(self, delta: int) -> None:
        index = self.selector.currentIndex()
        target = index + delta
        if self.report is not None and 0 <= index < len(self.appendices) and 0 <= target < len(self.appendices):
            self.stack.push(MoveAppendixCommand(self, index, target))

    # --- indicator sets (XLSX/JSON in, XLSX out) -------------------------------------------
    def import_indicator_set(self) -> None:
        from openpyxl.utils.exceptions import InvalidFileException

        from .. import file_dialogs

        from cchc_desktop.core.indicator_sets import apply_set, load_indicator_set

        if self.report is None:
            return
        path = file_dialogs.open_file_name(self, "Nhập bộ chỉ tiêu", "Bảng tính hoặc JSON (*.xlsx *.json)")
        if not path:
            return
        try:
            rows = load_indicator_set(Path(path))
        except (ValueError, OSError, KeyError, InvalidFileException) as error:
            dialogs.error(self, f"Không nhập được bộ chỉ tiêu: {error}")
            return
        if not rows:
            dialogs.error(self, f"Tệp “{Path(path).name}” không có chỉ tiêu nào.")
            return
        if self.appendix is None:
            self.add_appendix()
        body = len(self.model.table.body)
        if not dialogs.confirm(self, f"Thay {body} dòng hiện có bằng {len(rows)} "
                                     f"chỉ tiêu trong “{Path(path).name}”?", default_yes=True):
            return
        self.model.edit("Nhập bộ chỉ tiêu", lambda table: apply_set(table, rows))

    def export_excel(self) -> None:
        from cchc_desktop.core.indicator_sets import export_xlsx

        from .. import file_dialogs

        if self.report is None or self.appendix is None:
            return
        path = file_dialogs.save_file_name(self, "Xuất bảng chỉ tiêu ra Excel", "Phụ lục chỉ tiêu.xlsx",
                                           "Bảng tính Excel (*.xlsx)")
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        try:
            export_xlsx(self.model.table, target)
        except (ValueError, OSError) as error:
            dialogs.error(self, f"Không xuất được tệp Excel: {error}")
