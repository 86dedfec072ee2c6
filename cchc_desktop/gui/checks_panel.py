"""The "Kiểm tra" dock: findings of core.checks by severity; a click jumps to the place."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
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
SEVERITY_LABELS = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Gợi ý"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
FINDING_ROLE = Qt.ItemDataRole.UserRole


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
    return "error" if text in ("error", "lỗi", "loi") else ("info" if text == "info" else "warning")


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
        self.enable_all = QPushButton()
        self.enable_all.setToolTip("Bật lại mọi quy tắc đã tắt cho báo cáo này")
        self.enable_all.clicked.connect(self._enable_all_rules)
        self.enable_all.hide()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
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
        self.findings: list = []
        self.visibilityChanged.connect(self._reopened)
        self.list.setColumnWidth(1, 520)

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
        self.list.clear()
        errors = 0
        for finding in self.findings:
            severity = severity_of(finding)
            errors += severity == "error"
            place = self._where(report, finding)
            item = QTreeWidgetItem([SEVERITY_LABELS[severity], str(_get(finding, "message", default=finding)), place])
            item.setData(0, FINDING_ROLE, finding)
            item.setToolTip(1, f"{item.text(1)}\n({place})" if place else item.text(1))
            if severity == "error":
                item.setForeground(0, QBrush(QColor("#b00020")))
            self.list.addTopLevelItem(item)
        warnings = len(self.findings) - errors
        disabled = len(report.disabled_checks)
        self.enable_all.setText(f"Bật lại {disabled} quy tắc đã tắt")
        self.enable_all.setVisible(disabled > 0)
        self.summary.setText("Không thấy vấn đề nào." if not self.findings
                             else f"{errors} lỗi, {warnings} cảnh báo. Bấm vào một dòng để đến chỗ cần sửa.")
        return errors

    @staticmethod
    def _where(report: Report, finding) -> str:
        """'Phần I, đoạn 3', 'Phụ lục, dòng 2, cột ghi chú': tells apart findings with the same message."""
        field = _get(_get(finding, "location", default=None), "field", default=None)
        if not field:
            return ""
        try:
            from cchc_desktop.core.checks.base import where
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
        finding = item.data(0, FINDING_ROLE)
        menu = QMenu(self.list)
        menu.addAction("Đến &chỗ cần sửa", lambda: self._jump(item))
        menu.addAction("&Tắt quy tắc này cho báo cáo này", lambda: self.disable_rule(_get(finding, "rule_id")))
        menu.exec(self.list.viewport().mapToGlobal(position))

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
