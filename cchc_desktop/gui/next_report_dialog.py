"""Dialog "Báo cáo kỳ tiếp theo": choose the new period, review every rewrite of the period wording.

The following period is suggested; each rewrite (where, before → after) has a tick box and
the clerk may untick any.  Tests drive it through ``set_period``, ``set_enabled`` and ``plan()``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QRadioButton,
                               QSpinBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from cchc_desktop.core.model import Period, PeriodKind, Report
from cchc_desktop.core.next_report import NextReportPlan, plan_next_report
from cchc_desktop.core.periods import KIND_LABELS, next_period, period_label, week_range_text, weeks_in_month

from . import dialogs

_INDEXED = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.WEEK: 6}


def _excerpt(text: str, start: int, end: int, around: int = 40) -> str:
    """The sentence around a rewrite, so the clerk sees it in context."""
    left = max(0, start - around)
    right = min(len(text), end + around)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


class NextReportDialog(QDialog):
    def __init__(self, report: Report, parent: QWidget | None = None, file_name: str = "",
                 their_organization: str = "") -> None:
        """``file_name``: the report was just read from that file (last period's report);
        ``their_organization``: the file names another organisation than the one set up here,
        so the same dialog asks (once) whose report it is."""
        super().__init__(parent)
        self.report = report
        self._plan: NextReportPlan | None = None
        self.setWindowTitle("Báo cáo kỳ này từ báo cáo kỳ trước" if file_name else "Báo cáo kỳ tiếp theo")
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        source = f"tệp “{file_name}” ({period_label(report.period)})" if file_name else \
            f"báo cáo {period_label(report.period)}"
        intro = QLabel(f"Tạo báo cáo mới từ {source}: giữ nguyên nội dung, đổi cách ghi kỳ báo cáo, "
                       "để trống số liệu kỳ này (số liệu cũ ở cột “Kỳ trước” nếu biểu có cột đó).")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.own = QRadioButton(f"Báo cáo của cơ quan mình — giữ tên cơ quan như trong tệp ({their_organization})")
        self.other = QRadioButton("Báo cáo của cơ quan khác — dùng thông tin cơ quan đã khai trong chương trình")
        self.own.setChecked(True)
        for button in (self.own, self.other):
            button.setVisible(bool(their_organization))
            layout.addWidget(button)
        row = QHBoxLayout()
        row.addWidget(QLabel("Kỳ mới:"))
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.index = QSpinBox()
        self.index.setRange(1, 12)
        self.index.setToolTip("Tháng (1–12), quý (1–4) hoặc tuần của tháng (1–6)")
        self.month_label = QLabel("tháng")
        self.month = QSpinBox()  # the month of a week
        self.month.setRange(1, 12)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.label = QLineEdit()
        self.label.setPlaceholderText("tên đợt báo cáo đột xuất")
        for text, widget in (("", self.kind), ("số", self.index), ("", self.month_label), ("", self.month),
                             ("năm", self.year)):
            if text:
                row.addWidget(QLabel(text))
            row.addWidget(widget)
        row.addWidget(self.label, 1)
        layout.addLayout(row)
        self.wording = QLabel()
        layout.addWidget(self.wording)
        layout.addWidget(QLabel("Những chỗ sẽ đổi (bỏ dấu chọn để giữ nguyên):"))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Vị trí", "Trước", "Sau", "Trong câu"])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 150)
        self.tree.setColumnWidth(1, 170)
        self.tree.setColumnWidth(2, 170)
        layout.addWidget(self.tree, 1)
        self.previous_columns = QCheckBox("Thêm cột kỳ trước / tăng giảm vào các biểu chưa có (số liệu kỳ trước "
                                          "chuyển sang cột đó)")
        self.previous_columns.setToolTip("Mặc định giữ nguyên biểu như mẫu của cấp trên: không thêm cột nào")
        self.previous_columns.setVisible(any(a.table.column_index("value") is not None
                                             and a.table.column_index("previous") is None
                                             for a in report.appendices))
        layout.addWidget(self.previous_columns)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        dialogs.translate_buttons(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Tạo báo cáo")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.set_period(next_period(report.period))
        self.kind.currentIndexChanged.connect(self._replan)
        self.index.valueChanged.connect(self._replan)
        self.month.valueChanged.connect(self._replan)
        self.year.valueChanged.connect(self._replan)
        self.label.textEdited.connect(self._replan)
        self.tree.itemChanged.connect(self._ticked)

    # --- period ---------------------------------------------------------------------
    def period(self) -> Period:
        kind = PeriodKind(self.kind.currentData())
        index = self.index.value() if kind in _INDEXED else None
        label = self.label.text().strip() if kind == PeriodKind.ADHOC else ""
        if kind == PeriodKind.NONE:  # a thematic report keeps its own (empty) wording
            label = self.report.period.label if self.report.period.kind == PeriodKind.NONE else ""
        month = self.month.value() if kind == PeriodKind.WEEK else None
        return Period(kind, self.year.value(), index, label=label, month=month)

    def set_period(self, period: Period) -> None:
        for widget in (self.kind, self.index, self.month, self.year):
            widget.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(period.kind)))
        self.year.setValue(period.year)
        self.index.setMaximum(_INDEXED.get(period.kind, 12))
        if period.index:
            self.index.setValue(period.index)
        if period.month:
            self.month.setValue(period.month)
        self.label.setText(period.label)
        for widget in (self.kind, self.index, self.month, self.year):
            widget.blockSignals(False)
        self._replan()

    def _replan(self) -> None:
        kind = PeriodKind(self.kind.currentData())
        self.index.setEnabled(kind in _INDEXED)
        self.index.blockSignals(True)
        self.index.setMaximum(weeks_in_month(self.year.value(), self.month.value()) if kind == PeriodKind.WEEK
                              else _INDEXED.get(kind, 12))
        self.index.blockSignals(False)
        self.label.setVisible(kind == PeriodKind.ADHOC)
        for widget in (self.month_label, self.month):
            widget.setVisible(kind == PeriodKind.WEEK)
        self.year.setEnabled(kind != PeriodKind.NONE)
        period = self.period()
        self._plan = plan_next_report(self.report, period)
        if kind == PeriodKind.NONE:
            self.wording.setText("Báo cáo chuyên đề, không theo kỳ: giữ nguyên nội dung. "
                                 f"{len(self._plan.rewrites)} chỗ sẽ đổi.")
        else:
            dates = f" ({week_range_text(period)})" if kind == PeriodKind.WEEK else ""
            self.wording.setText(f"Báo cáo mới: <b>{period_label(period)}</b>{dates}; "
                                 f"phần phương hướng nói về {period_label(next_period(period))}. "
                                 f"{len(self._plan.rewrites)} chỗ sẽ đổi.")
        self.tree.blockSignals(True)
        self.tree.clear()
        for number, rewrite in enumerate(self._plan.rewrites):
            item = QTreeWidgetItem([rewrite.where, rewrite.before, rewrite.after,
                                    _excerpt(rewrite.context, rewrite.start, rewrite.end)])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if rewrite.enabled else Qt.CheckState.Unchecked)
            item.setData(0, Qt.ItemDataRole.UserRole, number)
            item.setToolTip(3, rewrite.context)
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)

    # --- tick boxes -----------------------------------------------------------------
    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 0 and self._plan is not None:
            number = item.data(0, Qt.ItemDataRole.UserRole)
            self._plan.rewrites[number].enabled = item.checkState(0) == Qt.CheckState.Checked

    def set_enabled(self, number: int, enabled: bool) -> None:
        """Tick or untick rewrite ``number`` (as a click on its box does)."""
        state = Qt.CheckState.Checked if enabled else Qt.CheckState.Unchecked
        self.tree.topLevelItem(number).setCheckState(0, state)

    def own_organization(self) -> bool:
        """The clerk's answer: the file is this organisation's own report."""
        return self.own.isChecked()

    def plan(self) -> NextReportPlan:
        assert self._plan is not None
        self._plan.previous_columns = self.previous_columns.isChecked()
        return self._plan
