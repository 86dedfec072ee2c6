"""The "Kiểm tra" dock: findings of core.checks by severity; a click jumps to the place."""

from __future__ import annotations

import logging
import re
import unicodedata
from contextlib import nullcontext
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.core.model import Report

log = logging.getLogger(__name__)
DELAY_MS = 800
SEVERITY_LABELS = {"error": "Lỗi", "warning": "Cảnh báo", "style": "Trình bày", "info": "Gợi ý"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "style": 2, "info": 3}
FINDING_ROLE = Qt.ItemDataRole.UserRole
SPELLING_RULES = ("spelling.syllable", "spelling.english")


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    """The first attribute (or key) present: the checker's classes are read by duck typing."""
    for name in names:
        if isinstance(obj, dict) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            return getattr(obj, name)
    return default


def severity_of(finding: Any) -> str:
    value = _get(finding, "severity", "level", default="warning")
    text = str(getattr(value, "value", value)).lower()
    if text in ("error", "lỗi", "loi"):
        return "error"
    return text if text in ("info", "style") else "warning"


def run_checks(report: Report) -> list:
    try:
        from cchc_desktop.core.checks import run_checks as checker
    except ImportError:
        return []
    findings = list(checker(report))
    return sorted(findings, key=lambda f: SEVERITY_ORDER[severity_of(f)])


class ChecksPanel(QDockWidget):
    def __init__(self, window) -> None:
        super().__init__("Kiểm tra", window)
        self.setObjectName("checks_dock")
        self.window_ = window
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel("Bấm F7 để kiểm tra báo cáo.")
        self.summary.setWordWrap(True)  # a long summary must not hold the dock wide
        self.summary.setMinimumWidth(120)
        self.enable_all = QPushButton()
        self.enable_all.setToolTip("Bật lại mọi quy tắc đã tắt cho báo cáo này")
        self.enable_all.clicked.connect(self._enable_all_rules)
        self.enable_all.hide()
        self.show_style = QCheckBox("Hiện lỗi trình bày")
        self.show_style.setToolTip("Dấu cách, dấu ngoặc kép… (không làm báo cáo bị trả lại)")
        self.show_style.setChecked(True)
        self.show_style.toggled.connect(lambda _on: self._fill())
        self.fix_button = QPushButton("Sửa")
        self.fix_button.setToolTip("Sửa theo gợi ý (hoàn tác được)")
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(lambda: self.apply_fix_of(self.list.currentItem()))
        layout.addWidget(self.summary)
        top = QHBoxLayout()
        top.addWidget(self.show_style)
        top.addStretch(1)
        top.addWidget(self.fix_button)
        top.addWidget(self.enable_all)
        layout.addLayout(top)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["Mức độ", "Nội dung", "Ở đâu"])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setColumnWidth(0, 90)
        layout.addWidget(self.list)
        self.setWidget(body)
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._source: Callable[[], Report | None] | None = None
        self._timer.timeout.connect(lambda: self._source and self.run_now(self._source))
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.currentItemChanged.connect(self._current_changed)
        self.findings: list = []
        self._ignored: set[tuple] = set()  # "Bỏ qua": findings hidden until their text changes
        self._disabled = 0
        self._report: Report | None = None
        self.visibilityChanged.connect(self._reopened)
        header = self.list.header()  # the message takes what is left; the place keeps its width
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.setColumnWidth(2, 230)
        from . import spelling

        spelling.on_word_added(self._word_added)

    def schedule(self, source: Callable[[], Report | None], delay: int | None = None) -> None:
        """Re-run after the clerk pauses, only while the panel is open (it costs nothing hidden)."""
        self._source = source
        if self.isVisible():
            self._timer.start(DELAY_MS if delay is None else delay)

    def run_now(self, source: Callable[[], Report | None]) -> int:
        """Run the checks, fill the list; returns the number of errors."""
        report = source()
        if report is None:
            return 0
        try:
            self.findings = run_checks(report)
        except Exception:  # noqa: BLE001 - a broken rule must not block export
            log.exception("Checks failed")
            self.summary.setText("Không chạy được phần kiểm tra (đã ghi nhật ký).")
            return 0
        self._disabled = len(report.disabled_checks)
        self._report = report
        self.findings = [f for f in self.findings if self._ignore_key(f) not in self._ignored]
        return self._fill()

    def _fill(self) -> int:
        """Show the findings (style ones only when asked), keeping the clerk's place in the list;
        returns the number of errors."""
        from cchc_desktop.core.checks.base import cached_fields

        kept = self._list_place()
        self.list.clear()
        counts = {"error": 0, "warning": 0, "style": 0, "info": 0}
        items = []
        names_once = cached_fields(self._report) if self._report is not None else nullcontext()
        with names_once:  # the places' names: each part's headings walked once, not per finding
            for finding in self.findings:
                severity = severity_of(finding)
                counts[severity] += 1
                if severity != "style" or self.show_style.isChecked():
                    items.append(self._item(finding, severity))
        self.list.addTopLevelItems(items)
        self.enable_all.setText(f"Bật lại {self._disabled} quy tắc đã tắt")
        self.enable_all.setVisible(self._disabled > 0)
        style = f", {counts['style']} lỗi trình bày" if counts["style"] else ""
        self.summary.setText("Không thấy vấn đề nào." if not self.findings
                             else f"{counts['error']} lỗi, {counts['warning']} cảnh báo{style}. "
                                  "Bấm vào một dòng để đến chỗ cần sửa.")
        self.fix_button.setEnabled(False)
        self._restore_place(kept)
        return counts["error"]

    def _item(self, finding: Any, severity: str) -> QTreeWidgetItem:
        message = str(_get(finding, "message", default=finding))
        if _get(finding, "fixes", default=()):
            message += "  [có thể sửa tự động]"
        place = self._where(self._report, finding) if self._report is not None else ""
        item = QTreeWidgetItem([SEVERITY_LABELS[severity], message, place])
        item.setData(0, FINDING_ROLE, finding)
        item.setToolTip(1, f"{item.text(1)}\n({place})" if place else item.text(1))
        if severity == "error":
            item.setForeground(0, QBrush(QColor("#b00020")))
        elif severity == "style":
            item.setForeground(0, QBrush(QColor("#666666")))
        return item

    # --- the clerk's place in the list survives a refill (a fix, typing, a rule switched off) ---
    def _list_place(self) -> tuple[int, int, tuple | None]:
        """(scroll value, current row, current finding's key) before the list is refilled."""
        item = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(item) if item is not None else -1
        key = self._finding_key(item.data(0, FINDING_ROLE)) if item is not None else None
        return self.list.verticalScrollBar().value(), row, key

    def _restore_place(self, kept: tuple[int, int, tuple | None]) -> None:
        """The same finding current again; when it is gone (fixed), the one that now stands in
        its row, i.e. the next one; and the list scrolled as it was, not back to the top."""
        scroll, row, key = kept
        count = self.list.topLevelItemCount()
        if row < 0 or not count:
            self.list.doItemsLayout()
            self.list.verticalScrollBar().setValue(scroll)
            return
        rows = [r for r in range(count) if self._finding_key(self.list.topLevelItem(r).data(0, FINDING_ROLE)) == key]
        target = self.list.topLevelItem(min(rows, key=lambda r: abs(r - row)) if rows else min(row, count - 1))
        self.list.setCurrentItem(target)
        self.list.doItemsLayout()
        self.list.verticalScrollBar().setValue(scroll)
        self.list.scrollToItem(target)  # only moves when the kept place no longer shows it

    @staticmethod
    def _finding_key(finding: Any) -> tuple:
        location = _get(finding, "location", default=None)
        return (_get(finding, "rule_id"), str(_get(finding, "message", default="")),
                _get(location, "field", default=None))

    def _flagged_text(self, finding: Any) -> str:
        """The text the finding points at ("" when it points at no range)."""
        location = _get(finding, "location", default=None)
        start, end = _get(location, "start", default=None), _get(location, "end", default=None)
        if self._report is None or start is None or end is None:
            return ""
        from cchc_desktop.core.checks import field_text

        try:
            return field_text(self._report, location.field)[start:end]
        except KeyError:
            return ""

    def _ignore_key(self, finding: Any) -> tuple:
        report_id = getattr(self._report, "id", None)
        return (report_id, *self._finding_key(finding), self._flagged_text(finding))

    def _current_changed(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        finding = item.data(0, FINDING_ROLE) if item is not None else None
        self.fix_button.setEnabled(bool(finding is not None and _get(finding, "fixes", default=())))

    # --- one-click fixes ---------------------------------------------------------------------
    def apply_fix_of(self, item: QTreeWidgetItem | None, choice: int = 0) -> bool:
        """Apply the finding's fix to the report; the window takes the new report (undoable:
        ``window.apply_report_change`` when the window has an undo stack)."""
        if item is None:
            return False
        finding = item.data(0, FINDING_ROLE)
        if not _get(finding, "fixes", default=()):
            return False
        from cchc_desktop.core.checks.fixes import FixError, apply_fix

        window = self.window_
        report = window.current_report()
        if report is None:
            return False
        if getattr(window, "read_only", False):  # the sample, or a report already issued
            self.summary.setText("Báo cáo này chỉ đọc: không sửa tự động được.")
            return False
        if self._apply_in_editor(report, finding, finding.fixes[choice]):
            self.run_now(window.current_report)
            return True
        try:
            fixed = apply_fix(report, finding, choice)
        except (FixError, KeyError, IndexError) as error:
            log.info("Fix not applied: %s", error)
            self.summary.setText("Không sửa được: đoạn văn đã đổi. Bấm F7 để kiểm tra lại.")
            return False
        apply = getattr(window, "apply_report_change", None)
        if apply is not None:
            apply(fixed, f"Sửa theo kiểm tra: {finding.fixes[choice].label}")  # one undo step, saved
        else:
            window.show_report(fixed)
            window.mark_changed()
        self.run_now(window.current_report)
        return True

    @staticmethod
    def _where(report: Report, finding) -> str:
        """'Phần I, đoạn 3', 'Phụ lục, dòng 2, cột ghi chú': tells apart findings with the same message."""
        field = _get(_get(finding, "location", default=None), "field", default=None)
        if not field:
            return ""
        try:
            from cchc_desktop.core.checks.places import where
            return where(report, field).rstrip(",")
        except Exception:  # noqa: BLE001 - a field the namer does not know: the path is still a hint
            return str(field)

    def _reopened(self, visible: bool) -> None:
        """The dock shown again (menu, restored layout at start): fill it rather than show it empty."""
        if visible and self._source is not None and not self.findings:
            self._timer.start(0)

    def _jump(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        from .locate import go_to

        go_to(self.window_, _get(item.data(0, FINDING_ROLE), "location", "where", default=None))

    # --- switching a rule off for this report (the requesting letter may prescribe otherwise) ---
    def _menu(self, position) -> None:
        item = self.list.itemAt(position)
        if item is None:
            return
        menu = self.menu_for(item)
        self.list.setCurrentItem(item)  # a fix or "Bỏ qua" from here keeps the place after this one
        menu.exec(self.list.viewport().mapToGlobal(position))
        menu.deleteLater()

    def menu_for(self, item: QTreeWidgetItem) -> QMenu:
        """The right-click menu of a finding: go there, its fixes, "Thêm vào từ điển" for a
        spelling finding, "Bỏ qua", switch the rule off."""
        finding = item.data(0, FINDING_ROLE)
        menu = QMenu(self.list)
        menu.addAction("Đến &chỗ cần sửa", lambda: self._jump(item))
        for n, fix in enumerate(_get(finding, "fixes", default=()) or ()):
            menu.addAction(fix.label, lambda n=n: self.apply_fix_of(item, n))
        word = self._spelling_word(finding)
        if word:
            menu.addSeparator()
            menu.addAction(f"Thêm vào từ điển (“{word}”)", lambda: self.add_to_dictionary(word))
        menu.addAction("&Bỏ qua", lambda: self.ignore(item))
        menu.addAction("&Tắt quy tắc này cho báo cáo này", lambda: self.disable_rule(_get(finding, "rule_id")))
        return menu

    def _spelling_word(self, finding: Any) -> str:
        """The one word a spelling finding is about (none for a whole paragraph typed without accents)."""
        if _get(finding, "rule_id") not in SPELLING_RULES:
            return ""
        text = unicodedata.normalize("NFC", self._flagged_text(finding)).strip()
        return text if text and not any(ch.isspace() for ch in text) else ""

    def add_to_dictionary(self, word: str) -> None:
        """"Thêm vào từ điển": saved in the clerk's own list at once; every finding about the word
        leaves the list (``_word_added``) and its red underlines leave the editors."""
        from . import spelling

        spelling.add_to_dictionary(word)

    def _word_added(self, word: str) -> None:
        """A word went into the clerk's dictionary (from here or an editor's menu)."""
        folded = unicodedata.normalize("NFC", word).lower()
        kept = [f for f in self.findings if unicodedata.normalize("NFC", self._spelling_word(f)).lower() != folded]
        if len(kept) != len(self.findings):
            self.findings = kept
            self._fill()

    def ignore(self, item: QTreeWidgetItem | None) -> None:
        """"Bỏ qua": hide this finding for this report until its text changes (not saved)."""
        if item is None:
            return
        finding = item.data(0, FINDING_ROLE)
        self._ignored.add(self._ignore_key(finding))
        self.findings = [f for f in self.findings if f is not finding]
        self._fill()

    def _editor_for(self, report: Report, field: str):
        """The text editor that shows ``field`` once ``go_to`` has been there (None: a place
        whose edits do not go through a text editor, such as a part heading's line)."""
        window = self.window_
        tab = getattr(window, "narrative", None)
        match = re.fullmatch(r"sections\[(\d+)\]\.blocks\[(\d+)\]", field)
        if match and tab is not None:
            part = report.sections[int(match.group(1))]
            if part.heading is not None and int(match.group(2)) == 0:
                return None  # the heading line: its edits are commands of the parts outline
            return tab.editor
        if field == "closing" and tab is not None:
            return getattr(tab, "closing", None)
        if field in ("subject", "opening"):
            return getattr(window.general, field, None)
        return None

    def _apply_in_editor(self, report: Report, finding: Any, fix: Any) -> bool:
        """Make the change in the editor that shows the text, so that Ctrl+Z there undoes it
        and the runs' formatting stays; False when the editor does not show exactly the
        text the fix was made for (the caller then replaces the report)."""
        from cchc_desktop.core.checks import Location, field_text

        from .locate import go_to

        try:
            expected = field_text(report, fix.field)[fix.start:fix.end]
        except KeyError:
            return False
        location = _get(finding, "location")
        go_to(self.window_, Location(fix.field, fix.start, fix.end, section=_get(location, "section", default=None),
                                     block=_get(location, "block", default=None)))
        editor = self._editor_for(report, fix.field)
        if editor is None or not hasattr(editor, "textCursor"):
            return False
        cursor = editor.textCursor()
        if cursor.selectedText() != expected or (not expected and cursor.hasSelection()):
            return False
        cursor.beginEditBlock()
        cursor.insertText(fix.replacement)  # one undo step in that editor
        cursor.endEditBlock()
        editor.setTextCursor(cursor)
        return True

    def disable_rule(self, rule_id: str | None) -> None:
        """Remembered in the report itself (Report.disabled_checks), so it is saved and exported with it."""
        report = self.window_.report
        if report is None or not rule_id or rule_id in report.disabled_checks:
            return
        report.disabled_checks.append(rule_id)
        self._changed()

    def _enable_all_rules(self) -> None:
        report = self.window_.report
        if report is None or not report.disabled_checks:
            return
        report.disabled_checks.clear()
        self._changed()

    def _changed(self) -> None:
        self.window_.mark_changed()
        self.run_now(self.window_.current_report)
