"""The list of reports on the left: search without accents, filters, Vietnamese sort order."""

from __future__ import annotations

from PySide6.QtCore import QCollator, QLocale, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QLineEdit, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from cchc_desktop.core.model import PeriodKind
from cchc_desktop.core.vietnamese import fold

from .flow_layout import flow_row
from .tabs.general import STATUS_LABELS, kind_labels

SUBJECT, PERIOD, STATUS, UPDATED = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

_collator = QCollator(QLocale("vi_VN"))
_collator.setNumericMode(True)  # "quý II" vs "quý 10", "số 2" before "số 10"


def vietnamese_key(text: str):
    """Sort key following Vietnamese order (a ă â b … đ …), via QCollator."""
    return _collator.sortKey(text)


class _Item(QTreeWidgetItem):
    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else SUBJECT
        mine, theirs = self.data(column, SORT_ROLE), other.data(column, SORT_ROLE)
        if isinstance(mine, str) and isinstance(theirs, str) and column in (SUBJECT, STATUS):
            return _collator.compare(mine, theirs) < 0
        return mine < theirs


def _period_sort(summary) -> str:
    order = list(PeriodKind).index(summary.period.kind)
    return f"{summary.period.year:04d}-{summary.period.index or 0:02d}-{order:02d}"


def _when(stamp: str) -> str:
    """'2024-06-14T09:05:00' -> '14/06/2024 09:05'."""
    date, _, time = stamp.partition("T")
    parts = date.split("-")
    return f"{parts[2]}/{parts[1]}/{parts[0]} {time[:5]}" if len(parts) == 3 else stamp


class ReportList(QWidget):
    reportActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm báo cáo…")
        self.search.setToolTip("Tìm theo trích yếu hoặc kỳ báo cáo, gõ có dấu hoặc không dấu (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.year = QComboBox()
        self.year.setToolTip("Lọc theo năm")
        self.year.addItem("Mọi năm", None)  # the years come with the list (once the database is open)
        self.kind = QComboBox()
        self.kind.setToolTip("Lọc theo loại kỳ báo cáo")
        self.kind.addItem("Mọi kỳ", None)
        for kind, label in kind_labels().items():
            self.kind.addItem(label, kind)
        self.status = QComboBox()
        self.status.setToolTip("Lọc theo trạng thái")
        self.status.addItem("Mọi trạng thái", None)
        for status, label in STATUS_LABELS.items():
            self.status.addItem(label, status)
        layout.addWidget(flow_row(self.year, self.kind, self.status))  # wraps when the list is narrow
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Trích yếu", "Kỳ báo cáo", "Trạng thái", "Sửa lần cuối"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.sortByColumn(UPDATED, Qt.SortOrder.DescendingOrder)
        self.tree.setColumnWidth(SUBJECT, 190)
        self.tree.setColumnWidth(PERIOD, 130)
        self.tree.setColumnWidth(STATUS, 80)
        layout.addWidget(self.tree, 1)
        self.summaries: list = []
        self.sample_ids: set[int] = set()  # shown as "Mẫu" (gui.first_run)

        self.search.textChanged.connect(self._filter)
        for box in (self.year, self.kind, self.status):
            box.currentIndexChanged.connect(self._filter)
        self.tree.currentItemChanged.connect(self._on_current)

    def set_summaries(self, summaries: list, current_id: int | None = None) -> None:
        from cchc_desktop.store.reports import period_text

        self.summaries = summaries
        self.tree.blockSignals(True)
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        for summary in summaries:
            status = "Mẫu" if summary.id in self.sample_ids else STATUS_LABELS.get(summary.status,
                                                                                   str(summary.status))
            subject = f"[Mẫu] {summary.subject}" if summary.id in self.sample_ids else summary.subject
            if summary.damaged:
                status = "Hỏng"  # opening it offers the saved revisions
            item = _Item([subject, period_text(summary.period), status, _when(summary.updated_at)])
            if summary.id in self.sample_ids:
                item.setToolTip(SUBJECT, f"Báo cáo mẫu (chỉ đọc): {summary.subject}")
                item.setToolTip(STATUS, "Báo cáo mẫu để tham khảo: chỉ đọc, bấm “Sao chép để dùng” để có bản của mình")
            item.setToolTip(SUBJECT, summary.subject)
            item.setData(SUBJECT, ID_ROLE, summary.id)
            item.setData(SUBJECT, SORT_ROLE, summary.subject)
            item.setData(PERIOD, SORT_ROLE, _period_sort(summary))
            item.setData(STATUS, SORT_ROLE, item.text(STATUS))
            item.setData(UPDATED, SORT_ROLE, summary.updated_at)
            self.tree.addTopLevelItem(item)
        self.tree.setSortingEnabled(True)
        self._fill_years()
        self.tree.blockSignals(False)
        self._filter()
        if current_id is not None:
            self.select(current_id)

    def _fill_years(self) -> None:
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem("Mọi năm", None)
        for year in sorted({s.period.year for s in self.summaries}, reverse=True):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)))
        self.year.blockSignals(False)

    def _filter(self) -> None:
        words = fold(self.search.text()).split()
        by_id = {s.id: s for s in self.summaries}
        year, kind, status = self.year.currentData(), self.kind.currentData(), self.status.currentData()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            summary = by_id[item.data(SUBJECT, ID_ROLE)]
            key = summary.search_key or fold(summary.subject)
            visible = (all(w in key for w in words)
                       and (year is None or summary.period.year == year)
                       and (kind is None or summary.period.kind == kind)
                       and (status is None or summary.status == status))
            item.setHidden(not visible)

    def visible_ids(self) -> list[int]:
        return [self.tree.topLevelItem(i).data(SUBJECT, ID_ROLE) for i in range(self.tree.topLevelItemCount())
                if not self.tree.topLevelItem(i).isHidden()]

    def select(self, report_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(SUBJECT, ID_ROLE) == report_id:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)
                return

    def _on_current(self, item: QTreeWidgetItem | None, _previous) -> None:
        if item is not None:
            self.reportActivated.emit(item.data(SUBJECT, ID_ROLE))


