"""Tab "Thông tin chung": issuing body, number, date, period, subject, addressees, opening."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QScrollArea,
                               QSpinBox, QVBoxLayout, QWidget)

from cchc_desktop.core.model import Period, PeriodKind, Report, ReportStatus
from cchc_desktop.core.vietnamese import nfc

from .common import LinesEdit, TextEdit

FALLBACK_KIND_LABELS = {
    PeriodKind.MONTH: "Tháng", PeriodKind.QUARTER: "Quý", PeriodKind.HALF1: "6 tháng đầu năm",
    PeriodKind.HALF2: "6 tháng cuối năm", PeriodKind.NINE_MONTHS: "9 tháng", PeriodKind.YEAR: "Năm",
    PeriodKind.ADHOC: "Đột xuất",
}
_INDEXED = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.WEEK: 6}  # month, quarter, week of the month
STATUS_LABELS = {ReportStatus.DRAFT: "Dự thảo", ReportStatus.FINAL: "Đã ban hành"}


def kind_labels() -> dict[PeriodKind, str]:
    try:
        from cchc_desktop.core.periods import KIND_LABELS
        return {PeriodKind(k): v for k, v in dict(KIND_LABELS).items()}
    except Exception:  # periods module not there yet, or another shape
        return FALLBACK_KIND_LABELS


def period_text(period: Period) -> str:
    """'6 tháng đầu năm 2024 — số liệu từ 15/12/2023 đến 14/6/2024'."""
    try:
        from cchc_desktop.core.periods import cutoff_dates, period_label
        start, end = cutoff_dates(period)
        return f"{period_label(period)} — số liệu từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"
    except Exception:  # noqa: BLE001 - periods.py not there yet: the label alone
        from cchc_desktop.store.reports import period_text as label

        return label(period)


def _spin(low: int, high: int, blank: str | None = None) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    if blank:
        box.setSpecialValueText(blank)  # shown at the minimum: day/month left blank on a draft
    return box


class GeneralTab(QScrollArea):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.report: Report | None = None
        body = QWidget()
        outer = QVBoxLayout(body)

        org_box = QGroupBox("Cơ quan ban hành")
        org = QFormLayout(org_box)
        self.governing = LinesEdit(2)
        self.governing.setToolTip("Cơ quan chủ quản, mỗi dòng một dòng chữ; để trống với UBND xã")
        self.issuing = LinesEdit(2)
        self.issuing.setToolTip("Tên cơ quan ban hành, mỗi dòng một dòng chữ (VD: ỦY BAN NHÂN DÂN / XÃ CƯƠNG GIÁN)")
        self.abbreviation = QLineEdit()
        self.place = QLineEdit()
        self.place.setToolTip("Địa danh ghi trước ngày tháng (VD: Cương Gián)")
        org.addRow("Cơ quan chủ quản:", self.governing)
        org.addRow("Cơ quan ban hành:", self.issuing)
        org.addRow("Viết tắt:", self.abbreviation)
        org.addRow("Địa danh:", self.place)
        outer.addWidget(org_box)

        doc_box = QGroupBox("Số, ngày và kỳ báo cáo")
        doc = QFormLayout(doc_box)
        self.number = QLineEdit()
        self.number.setPlaceholderText("để trống nếu chưa lấy số")
        self.doc_type = QLineEdit()
        self.doc_type.setMaximumWidth(80)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number, 1)
        number_row.addWidget(QLabel("Loại văn bản:"))
        number_row.addWidget(self.doc_type)
        doc.addRow("Số:", number_row)
        self.day = _spin(0, 31, "(trống)")
        self.month = _spin(0, 12, "(trống)")
        self.year = _spin(2000, 2100)
        self.year.setValue(date.today().year)  # not "2000" while the window waits for its report
        date_row = QHBoxLayout()
        for label, box in (("Ngày", self.day), ("tháng", self.month), ("năm", self.year)):
            date_row.addWidget(QLabel(label))
            date_row.addWidget(box)
        date_row.addStretch(1)
        doc.addRow("Ngày ban hành:", date_row)
        self.kind = QComboBox()
        for kind, label in kind_labels().items():
            self.kind.addItem(label, kind)
        self.period_year = _spin(2000, 2100)
        self.period_year.setValue(date.today().year)
        self.index = _spin(0, 12, "—")
        self.index.setToolTip("Tháng (1–12) hoặc quý (1–4)")
        self.adhoc = QLineEdit()
        self.adhoc.setPlaceholderText("tên đợt báo cáo đột xuất")
        period_row = QHBoxLayout()
        period_row.addWidget(self.kind)
        period_row.addWidget(QLabel("số"))
        period_row.addWidget(self.index)
        period_row.addWidget(QLabel("năm"))
        period_row.addWidget(self.period_year)
        period_row.addWidget(self.adhoc, 1)
        period_row.addStretch(1)
        doc.addRow("Kỳ báo cáo:", period_row)
        self.cutoff = QLabel()
        self.cutoff.setWordWrap(True)
        doc.addRow("", self.cutoff)
        self.status = QLabel()  # changed only by Kỳ báo cáo → Ban hành… / Mở lại để sửa…
        self.status.setToolTip("Đổi bằng menu Kỳ báo cáo → Ban hành… hoặc Mở lại để sửa…")
        doc.addRow("Trạng thái:", self.status)
        outer.addWidget(doc_box)

        text_box = QGroupBox("Trích yếu, nơi gửi, mở đầu")
        text = QFormLayout(text_box)
        self.subject = TextEdit(2)
        self.subject.setToolTip("Trích yếu nội dung báo cáo (sau chữ “Báo cáo”)")
        self.addressees = LinesEdit(2)
        self.addressees.setToolTip("Mỗi dòng một nơi nhận, không ghi chữ “Kính gửi:”")
        self.opening = TextEdit(4)
        text.addRow("Trích yếu:", self.subject)
        text.addRow("Kính gửi:", self.addressees)
        text.addRow("Mở đầu:", self.opening)
        outer.addWidget(text_box)
        outer.addStretch(1)
        self.setWidget(body)

        for widget in (self.governing, self.issuing, self.subject, self.addressees, self.opening):
            widget.edited.connect(self._store)
        for line in (self.abbreviation, self.place, self.number, self.doc_type, self.adhoc):
            line.textEdited.connect(self._store)
        for spin in (self.day, self.month, self.year, self.period_year, self.index):
            spin.valueChanged.connect(self._store)
        self.kind.currentIndexChanged.connect(self._store)

    def set_report(self, report: Report) -> None:
        self.report = None  # no writes while filling the widgets
        org = report.organization
        self.governing.set_lines(org.governing_body)
        self.issuing.set_lines(org.issuing_body)
        self.abbreviation.setText(org.abbreviation)
        self.place.setText(report.place or org.place)
        self.number.setText(report.number)
        self.doc_type.setText(report.doc_type)
        self.day.setValue(report.date.day or 0)
        self.month.setValue(report.date.month or 0)
        self.year.setValue(report.date.year)
        self.kind.setCurrentIndex(max(0, self.kind.findData(report.period.kind)))
        self.period_year.setValue(report.period.year)
        self.index.setValue(report.period.index or 0)
        self.adhoc.setText(report.period.label)
        self.status.setText(STATUS_LABELS.get(report.status, str(report.status)))
        self.subject.set_text(report.subject)
        self.addressees.set_lines(report.addressees)
        self.opening.set_text(report.opening)
        self.report = report
        self._refresh_period()

    def _store(self) -> None:
        report = self.report
        if report is None:
            return
        org = report.organization
        org.governing_body = self.governing.lines()
        org.issuing_body = self.issuing.lines()
        org.abbreviation = nfc(self.abbreviation.text().strip())
        report.place = nfc(self.place.text().strip())
        report.number = nfc(self.number.text().strip())
        report.doc_type = nfc(self.doc_type.text().strip()) or "BC"
        report.date.day = self.day.value() or None
        report.date.month = self.month.value() or None
        report.date.year = self.year.value()
        period = report.period
        period.kind = PeriodKind(self.kind.currentData())
        period.year = self.period_year.value()
        period.index = self.index.value() or None if period.kind in _INDEXED else None  # a week keeps its month
        if period.kind == PeriodKind.WEEK and period.month is None:
            period.month = report.date.month or 1
        period.label = nfc(self.adhoc.text().strip())
        report.subject = self.subject.text()
        report.addressees = self.addressees.lines()
        report.opening = self.opening.text()
        self._refresh_period()
        self.changed.emit()

    def _refresh_period(self) -> None:
        kind = self.kind.currentData()
        self.index.setEnabled(kind in _INDEXED)
        self.index.setMaximum(_INDEXED.get(kind, 12))
        self.adhoc.setVisible(kind == PeriodKind.ADHOC)
        if self.report is not None:
            self.cutoff.setText(period_text(self.report.period))


