"""Sửa → Tìm… (Ctrl+F) and Thay thế… (Ctrl+H) in the report's text, as in Word.

The matches are looked for in the model (``core.next_report.text_fields``: trích yếu, mở đầu,
every paragraph of every part, the footnotes, the text cells of the tables in the text and of
the forms, kết thúc), in reading order; "Tìm tiếp" / "Tìm lùi" (F3 / Shift+F3) go to each one
through ``locate.go_to`` and wrap around.  Case and NFC/NFD differences are ignored.  A
replacement is a corrected copy of the report applied as one undo step (``apply_report_change``),
"Thay tất cả" one step for all.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

from cchc_desktop.core.vietnamese import nfc

if TYPE_CHECKING:
    from cchc_desktop.core.model import Report

    from .window_api import Window


READ_ONLY = "Báo cáo này chỉ đọc (bản chính thức hoặc báo cáo mẫu): không thay được."


@dataclass(frozen=True)
class Match:
    location: str  # text_fields' path: "subject", "sections/2/blocks/3/runs/0", "…/footnote/0"
    where: str
    start: int
    end: int


def find_all(report: Report, needle: str, whole_word: bool = False) -> list[Match]:
    """Every occurrence of ``needle`` in the report's text, in reading order."""
    from cchc_desktop.core.next_report import text_fields

    needle = nfc(needle)
    if not needle.strip():
        return []
    pattern = re.escape(needle)
    if whole_word:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    found = re.compile(pattern, re.IGNORECASE)
    return [Match(location, where, m.start(), m.end())
            for location, where, text in text_fields(report) for m in found.finditer(nfc(text))]


def replace_in(report: Report, matches: list[Match], replacement: str) -> Report:
    """A copy of ``report`` with each match replaced (right to left within a field)."""
    from cchc_desktop.core.next_report import set_text, text_fields

    changed = copy.deepcopy(report)
    texts = {location: nfc(text) for location, _where, text in text_fields(report)}
    by_location: dict[str, list[Match]] = {}
    for match in matches:
        by_location.setdefault(match.location, []).append(match)
    for location, items in by_location.items():
        text = texts[location]
        for match in sorted(items, key=lambda m: m.start, reverse=True):
            text = text[:match.start] + nfc(replacement) + text[match.end:]
        set_text(changed, location, text)
    return changed


def location_for(report: Report, match: Match) -> dict:
    """Where ``locate.go_to`` shows a match: the paragraph and the range inside it."""
    parts = match.location.split("/")
    if parts[0] == "sections":
        part, block = int(parts[1]), int(parts[3])
        field = f"parts[{part}].blocks[{block}]"
        if len(parts) == 6 and parts[4] == "runs":  # a run: offsets in the paragraph's text
            before = sum(len(run.text) for run in report.parts[part].blocks[block].runs[:int(parts[5])])
            return {"field": field, "block": block, "start": before + match.start, "end": before + match.end}
        return {"field": field, "block": block}  # a footnote, a cell of a table in the text: its paragraph
    if parts[0] == "appendices":
        row = int(parts[4]) if len(parts) > 4 and parts[3] == "rows" else 0
        return {"field": f"appendix[{parts[1]}]", "row": row}
    return {"field": parts[0], "start": match.start, "end": match.end}


class FindDialog(QDialog):
    """Not modal: find and replace stay open beside the text, as in Word."""

    def __init__(self, window: Window) -> None:
        super().__init__(window)
        self.w = window
        self.setWindowTitle("Tìm và thay thế")
        self.setModal(False)
        grid = QGridLayout(self)
        self.find_text = QLineEdit()
        self.find_text.setPlaceholderText("Chữ cần tìm")
        self.replace_text = QLineEdit()
        self.replace_text.setPlaceholderText("Thay bằng")
        self.replace_label = QLabel("Tha&y bằng:")
        self.replace_label.setBuddy(self.replace_text)
        find_label = QLabel("&Tìm:")
        find_label.setBuddy(self.find_text)
        self.whole_word = QCheckBox("Chỉ &nguyên từ")
        grid.addWidget(find_label, 0, 0)
        grid.addWidget(self.find_text, 0, 1)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_text, 1, 1)
        grid.addWidget(self.whole_word, 2, 1)
        buttons = QHBoxLayout()
        self.previous = QPushButton("Tìm &lùi")
        self.previous.setToolTip("Chỗ trước (Shift+F3)")
        self.next = QPushButton("Tìm t&iếp")
        self.next.setToolTip("Chỗ sau (F3 hoặc Enter)")
        self.next.setDefault(True)
        self.replace = QPushButton("Th&ay")
        self.replace.setToolTip("Thay chỗ đang chọn rồi tìm tiếp")
        self.replace_all = QPushButton("Thay tất &cả")
        close = QPushButton("Đón&g")
        for button in (self.previous, self.next, self.replace, self.replace_all, close):
            buttons.addWidget(button)
        grid.addLayout(buttons, 3, 0, 1, 2)
        self.status = QLabel()
        grid.addWidget(self.status, 4, 0, 1, 2)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.replace.clicked.connect(self.replace_current)
        self.replace_all.clicked.connect(self.replace_every)
        close.clicked.connect(self.close)
        self.find_text.textChanged.connect(self._reset)
        self.whole_word.toggled.connect(self._reset)
        for key, delta in (("F3", 1), ("Shift+F3", -1)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, d=delta: self.step(d))
            self.addAction(action)
        self.current = -1
        self.matches: list[Match] = []

    def open_for(self, replacing: bool) -> None:
        for widget in (self.replace_label, self.replace_text, self.replace, self.replace_all):
            widget.setVisible(replacing)
        self.setWindowTitle("Thay thế" if replacing else "Tìm")
        selected = self._selected_text()
        if selected:
            self.find_text.setText(selected)
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_text.setFocus()
        self.find_text.selectAll()

    def _selected_text(self) -> str:
        focus = self.w.focusWidget()
        cursor = getattr(focus, "textCursor", None)
        text = cursor().selectedText() if cursor is not None else ""
        return text if text and "\u2029" not in text and len(text) < 80 else ""

    def _reset(self) -> None:
        self.current = -1
        self.matches = []

    def _search(self) -> list[Match]:
        report = self.w.current_report()  # the editors' text written into the model first
        self.matches = find_all(report, self.find_text.text(), self.whole_word.isChecked()) if report else []
        return self.matches

    def step(self, delta: int) -> Match | None:
        """Go to the next (``delta`` 1) or previous (-1) match, wrapping around."""
        from .locate import go_to

        known = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        matches = self._search()
        if not matches:
            self.status.setText(f"Không thấy “{self.find_text.text()}”." if self.find_text.text() else "")
            self.current = -1
            return None
        if known in matches:
            self.current = (matches.index(known) + delta) % len(matches)
        else:
            self.current = 0 if delta > 0 else len(matches) - 1
        match = matches[self.current]
        go_to(self.w, location_for(self.w.report, match))
        self.status.setText(f"{self.current + 1}/{len(matches)} — {match.where}")
        return match

    def replace_current(self) -> None:
        if not (0 <= self.current < len(self.matches)):
            self.step(1)
            return
        match = self.matches[self.current]
        changed = replace_in(self.w.current_report(), [match], self.replace_text.text())
        if not self.w.apply_report_change(changed, "Thay thế"):
            self.status.setText(READ_ONLY)
            return
        self.current -= 1  # the replaced one is gone: "next" is the one after it
        self.matches = self._search()
        if self.matches:
            self.step(1)
        else:
            self.status.setText("Đã thay; không còn chỗ nào nữa.")

    def replace_every(self) -> int:
        matches = self._search()
        if not matches:
            self.status.setText(f"Không thấy “{self.find_text.text()}”.")
            return 0
        changed = replace_in(self.w.current_report(), matches, self.replace_text.text())
        if not self.w.apply_report_change(changed, f"Thay tất cả “{self.find_text.text()}”"):
            self.status.setText(READ_ONLY)
            return 0
        self._reset()
        self.status.setText(f"Đã thay {len(matches)} chỗ.")
        return len(matches)


def install(window: Window) -> None:
    """"Tìm…" (Ctrl+F) and "Thay thế…" (Ctrl+H) at the top of Sửa; the report list's search
    keeps its own action on Ctrl+Shift+F."""
    def dialog_for(replacing: bool) -> None:
        # made on first use: a hidden dialog among the window's children would be measured as "cut"
        dialog = getattr(window, "find_dialog", None)
        if dialog is None:
            dialog = window.find_dialog = FindDialog(window)
        dialog.open_for(replacing)

    find = QAction("Tìm…", window)
    find.setShortcut(QKeySequence.StandardKey.Find)
    find.setToolTip("Tìm trong nội dung báo cáo: các phần, bảng, chú thích, phụ lục (Ctrl+F)")
    find.triggered.connect(lambda _checked=False: dialog_for(False))
    replace = QAction("Thay thế…", window)
    replace.setShortcut(QKeySequence("Ctrl+H"))
    replace.setToolTip("Tìm và thay thế trong nội dung báo cáo (Ctrl+H)")
    replace.triggered.connect(lambda _checked=False: dialog_for(True))
    for action in (find, replace):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
    menu = window.actions.edit_menu
    list_find = window.actions.find
    list_find.setShortcut(QKeySequence("Ctrl+Shift+F"))
    list_find.setToolTip("Tìm trong danh sách báo cáo (Ctrl+Shift+F)")
    menu.insertAction(list_find, find)
    menu.insertAction(list_find, replace)
    window.find_action, window.replace_action = find, replace
