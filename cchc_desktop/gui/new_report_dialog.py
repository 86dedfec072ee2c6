"""Dialog "Báo cáo mới": choose the kind of report (a template) and its period; "Lưu làm mẫu…".

The period fields fit the kind: a week asks for month and week number and shows its dates,
a month its month, a quarter its quarter, a thematic report no period at all.  The new
report gets the organisation's own name, signer and recipients (core.templates.new_report).

``ask_new_report``, ``ask_template_title`` are module functions so tests replace them
instead of meeting a modal dialog.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from cchc_desktop.core.model import Organization, Period, PeriodKind
from cchc_desktop.core.periods import (KIND_LABELS, next_period, period_label, period_range_text, week_dates,
                                       weeks_in_month)
from cchc_desktop.core.templates import (TemplateError, TemplateInfo, default_period, new_report, save_as_template,
                                         template_infos, tokenize)

from . import dialogs

if TYPE_CHECKING:
    from .window_api import Window

log = logging.getLogger(__name__)
_INDEX = {PeriodKind.MONTH: (12, "Tháng"), PeriodKind.QUARTER: (4, "Quý"), PeriodKind.WEEK: (6, "Tuần số")}


class NewReportDialog(QDialog):
    def __init__(self, organization: Organization, parent: QWidget | None = None, today: date | None = None,
                 edit_organization: Callable[[], Organization | None] | None = None) -> None:
        super().__init__(parent)
        self.organization = organization
        self.edit_organization = edit_organization  # opens "Thông tin cơ quan…"; the saved organisation
        self.today = today or date.today()
        self.infos = template_infos()
        self.setWindowTitle("Báo cáo mới")
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Loại báo cáo:"))
        self.kinds = QListWidget()
        for info in self.infos:
            item = QListWidgetItem(info.title + (" (mẫu riêng)" if info.own else ""))
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            item.setToolTip(info.description)
            self.kinds.addItem(item)
        layout.addWidget(self.kinds, 1)
        self.description = QLabel()
        self.description.setWordWrap(True)
        layout.addWidget(self.description)

        row = QHBoxLayout()
        row.addWidget(QLabel("Kỳ báo cáo:"))
        self.period_kind = QComboBox()
        self.index_label = QLabel()
        self.index = QSpinBox()
        self.month_label = QLabel("tháng")
        self.month = QSpinBox()
        self.month.setRange(1, 12)
        self.year_label = QLabel("năm")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.no_period = QLabel("Báo cáo chuyên đề: không theo kỳ báo cáo.")
        for widget in (self.period_kind, self.index_label, self.index, self.month_label, self.month,
                       self.year_label, self.year, self.no_period):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.dates = QLabel()  # the week's dates, the data cut-off of other periods
        layout.addWidget(self.dates)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.who = QLabel()
        self.who.setWordWrap(True)
        who_row = QHBoxLayout()
        who_row.addWidget(self.who, 1)
        self.organization_button = QPushButton("Thông tin cơ quan…")
        self.organization_button.setToolTip("Tên cơ quan, người ký, nơi nhận dùng cho báo cáo mới")
        self.organization_button.clicked.connect(self._edit_organization)
        self.organization_button.setVisible(edit_organization is not None)
        who_row.addWidget(self.organization_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(who_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        dialogs.translate_buttons(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Tạo báo cáo")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_organization()

        self.kinds.currentRowChanged.connect(self._kind_changed)
        self.period_kind.currentIndexChanged.connect(self._period_kind_changed)
        for spin in (self.index, self.month, self.year):
            spin.valueChanged.connect(self._update)
        self.kinds.setCurrentRow(0)

    # --- choices ------------------------------------------------------------------------
    def info(self) -> TemplateInfo:
        return self.infos[max(0, self.kinds.currentRow())]

    def set_template(self, name: str) -> None:
        for row, info in enumerate(self.infos):
            if info.name == name:
                self.kinds.setCurrentRow(row)
                return
        raise KeyError(name)

    def period(self) -> Period:
        kind = PeriodKind(self.period_kind.currentData())
        year = self.year.value()
        if kind == PeriodKind.WEEK:
            return Period(kind, year, self.index.value(), month=self.month.value())
        if kind in (PeriodKind.MONTH, PeriodKind.QUARTER):
            return Period(kind, year, self.index.value())
        return Period(kind, year)

    def set_period(self, period: Period) -> None:
        at = self.period_kind.findData(period.kind)
        if at < 0:
            raise ValueError(f"period kind {period.kind} not allowed by {self.info().name}")
        widgets = (self.period_kind, self.index, self.month, self.year)
        for widget in widgets:
            widget.blockSignals(True)
        self.period_kind.setCurrentIndex(at)
        self._fit_fields(period.kind)
        self.year.setValue(period.year)
        if period.index:
            self.index.setValue(period.index)
        if period.month:
            self.month.setValue(period.month)
        for widget in widgets:
            widget.blockSignals(False)
        self._update()

    def choice(self) -> tuple[str, Period]:
        return self.info().name, self.period()

    # --- reacting -------------------------------------------------------------------------
    def _kind_changed(self, _row: int) -> None:
        info = self.info()
        self.description.setText(info.description)
        self.period_kind.blockSignals(True)
        self.period_kind.clear()
        for kind in info.periods:
            self.period_kind.addItem(KIND_LABELS[kind], kind)
        self.period_kind.blockSignals(False)
        self.set_period(default_period(info, self.today))

    def _period_kind_changed(self, _index: int) -> None:
        """Another kind of period: the current one of that kind (this week, this quarter …)."""
        kind = PeriodKind(self.period_kind.currentData())
        self.set_period(default_period(TemplateInfo("", "", [kind], self.info().path), self.today))

    def _fit_fields(self, kind: PeriodKind) -> None:
        high, label = _INDEX.get(kind, (0, ""))
        self.index.setRange(1, max(high, 1))
        self.index_label.setText(label)
        for widget in (self.index_label, self.index):
            widget.setVisible(bool(high))
        for widget in (self.month_label, self.month):
            widget.setVisible(kind == PeriodKind.WEEK)
        for widget in (self.year_label, self.year):
            widget.setVisible(kind != PeriodKind.NONE)
        self.no_period.setVisible(kind == PeriodKind.NONE)

    def _update(self) -> None:
        if PeriodKind(self.period_kind.currentData()) == PeriodKind.WEEK:  # 4 or 5 weeks in this month
            self.index.blockSignals(True)
            self.index.setMaximum(weeks_in_month(self.year.value(), self.month.value()))
            self.index.blockSignals(False)
        period = self.period()
        try:
            if period.kind == PeriodKind.NONE:
                self.dates.setText("")
                self.summary.setText(f"Báo cáo mới: <b>{self.info().title}</b>, không theo kỳ.")
            else:
                if period.kind == PeriodKind.WEEK:
                    start, end = week_dates(period)
                    self.dates.setText(f"{period_range_text(period)} (thứ Hai đến thứ Sáu)")
                    self.month.setToolTip(f"Tuần 1 là tuần có ngày thứ Năm đầu tiên của tháng; {start:%d/%m}–{end:%d/%m}")
                else:
                    self.dates.setText(f"Số liệu tính {period_range_text(period)[:1].lower()}"
                                       f"{period_range_text(period)[1:]} (Nghị định 09/2019/NĐ-CP)")
                self.summary.setText(f"Báo cáo mới: <b>{period_label(period)}</b>; "
                                     f"phần phương hướng nói về {period_label(next_period(period))}.")
            self.ok.setEnabled(True)
        except ValueError as error:
            self.summary.setText(str(error))
            self.ok.setEnabled(False)

    def _edit_organization(self) -> None:
        if self.edit_organization is None:
            return
        organization = self.edit_organization()
        if organization is not None:
            self.organization = organization
            self._show_organization()

    def _show_organization(self) -> None:
        org = self.organization
        signer = org.default_signature.name or "(chưa có người ký)"
        text = f"Cơ quan: {org.name or '(chưa nhập)'}; người ký: {signer}."
        if _is_sample_organization(org):
            text += ("<br><b>Đây là thông tin cơ quan của báo cáo mẫu.</b> Hãy nhập thông tin cơ quan "
                     "của mình (nút Thông tin cơ quan…) trước khi tạo báo cáo.")
        self.who.setText(text)


def _is_sample_organization(org: Organization) -> bool:
    from cchc_desktop.core.templates import load_sample

    try:
        return org == load_sample().organization
    except TemplateError:
        return False


# --- questions to the clerk (replaced in tests) -----------------------------------------------
def ask_new_report(parent: QWidget | None, organization: Organization) -> tuple[str, Period] | None:
    edit = None
    if hasattr(parent, "db") and hasattr(parent, "actions"):  # the main window: its settings dialog

        def edit() -> Organization | None:
            from cchc_desktop.store.reports import load_organization

            from .settings_dialog import OrganizationDialog

            if OrganizationDialog(parent).exec() != QDialog.DialogCode.Accepted:
                return None
            return load_organization(parent.db)

    dialog = NewReportDialog(organization, parent, edit_organization=edit)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()


def ask_template_title(parent: QWidget | None, suggested: str) -> str | None:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Lưu làm mẫu")
    dialog.setLabelText("Tên mẫu báo cáo (mẫu riêng của cơ quan, dùng khi tạo Báo cáo mới):")
    dialog.setTextValue(suggested)
    dialog.setOkButtonText(dialogs.OK)
    dialog.setCancelButtonText(dialogs.CANCEL)
    return dialog.textValue().strip() if dialog.exec() else None


# --- the window's commands (hooked in gui/actions.py) -------------------------------------------
def create_new_report(window: Window) -> int | None:
    """Báo cáo mới: ask the kind and period, save the new draft, open it."""
    from cchc_desktop.store.database import StoreError
    from cchc_desktop.store.reports import load_organization, save_report
    from cchc_desktop.store.revisions import SAVE, add_revision

    choice = ask_new_report(window, load_organization(window.db))
    if choice is None:
        return None
    name, period = choice
    organization = load_organization(window.db)  # as saved, also from the dialog's "Thông tin cơ quan…"
    try:
        report = new_report(name, period, organization)
    except TemplateError as error:
        dialogs.error(window, str(error))
        return None

    def job(db) -> int:
        new_id = save_report(db, report)
        add_revision(db, new_id, SAVE, f"Tạo từ mẫu “{name}”")
        return new_id

    try:
        new_id = window.actions._write(job)
    except StoreError as error:
        dialogs.error(window, str(error))
        return None
    window.refresh_list()
    window.open_report(new_id)
    window.tabs.setCurrentWidget(window.general)
    return new_id


def suggested_title(subject: str, period: Period) -> str:
    """The subject without its period wording: 'Kết quả thực hiện công tác cải cách hành chính'."""
    text = re.sub(r"\s*\{[^{}]*\}", "", tokenize(subject, period))
    return " ".join(text.split()).strip(" ,.;:()") or "Mẫu báo cáo"


def save_report_as_template(window: Window) -> TemplateInfo | None:
    """Lưu làm mẫu…: the open report becomes a template of the organisation's own."""
    report = window.current_report()
    if report is None:
        return None
    title = ask_template_title(window, suggested_title(report.subject, report.period))
    if not title:
        return None
    try:
        info = save_as_template(report, title)
    except TemplateError as error:
        dialogs.error(window, str(error))
        return None
    window.statusBar().showMessage(f"Đã lưu mẫu “{info.title}”: chọn nó khi tạo Báo cáo mới.", 10000)
    return info
