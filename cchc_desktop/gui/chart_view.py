"""The "Biểu đồ" view: chosen indicators over the periods, or this period against the
previous one, drawn by document.charts (the same drawing the PDF prints) and shown as SVG.

"Chèn biểu đồ vào phụ lục" puts a snapshot of the chart into the report; it is then exported
with it. Loaded on first use, so start-up does not pay for reportlab's graphics.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QRadioButton, QSpinBox, QSplitter,
                               QVBoxLayout, QWidget)

from cchc_desktop.core.history import Series, comparison_chart, history_chart, identities, indicator_history
from cchc_desktop.core.model import Chart, ChartKind, Report
from cchc_desktop.core.vietnamese import fold
from cchc_desktop.document.charts import HEIGHT_PT, WIDTH_PT, chart_svg

from . import dialogs

KEY = Qt.ItemDataRole.UserRole


class ChartView(QDialog):
    inserted = Signal()  # a chart was put into the report

    def __init__(self, report: Report, others: list[Report], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Biểu đồ số liệu")
        self.report = report
        family = [r for r in others if r.id != report.id] + [report]
        self.history: dict[str, Series] = indicator_history(family)
        self.chart: Chart | None = None
        self._build()
        self._fill_indicators()
        self._redraw()

    # --- widgets ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Tìm chỉ tiêu (gõ không dấu cũng được)…")
        self.indicators = QListWidget()
        self.indicators.setToolTip("Đánh dấu các chỉ tiêu cần vẽ")
        self.over_periods = QRadioButton("&Qua các kỳ")
        self.against_previous = QRadioButton("&So với kỳ trước")
        self.over_periods.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.over_periods)
        modes.addButton(self.against_previous)
        self.bars = QRadioButton("&Cột")
        self.lines = QRadioButton("Đườn&g")
        self.bars.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.bars)
        kinds.addButton(self.lines)
        self.last = QSpinBox()
        self.last.setRange(2, 24)
        self.last.setValue(8)
        self.last.setPrefix("")
        self.last.setSuffix(" kỳ gần nhất")
        self.title = QLineEdit()
        self.title.setPlaceholderText("Tên biểu đồ (để trống: tên chỉ tiêu)")
        self.svg = QSvgWidget()
        self.svg.setMinimumSize(480, int(480 * HEIGHT_PT / WIDTH_PT))
        self.empty = QLabel("Chọn ít nhất một chỉ tiêu ở bên trái.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.insert = QPushButton("Chèn biểu đồ vào &phụ lục")
        self.insert.setToolTip("Biểu đồ được in sau các bảng phụ lục (DOCX và PDF)")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        dialogs.translate_buttons(buttons)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.insert, QDialogButtonBox.ButtonRole.ActionRole)
        self.to_excel = QPushButton("Xuất &Excel…")
        self.to_excel.setToolTip("Các chỉ tiêu đã chọn qua các kỳ, mỗi kỳ một cột")
        buttons.addButton(self.to_excel, QDialogButtonBox.ButtonRole.ActionRole)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter)
        column.addWidget(self.indicators, 1)
        right = QWidget()
        options = QHBoxLayout()
        for widget in (self.over_periods, self.against_previous, QLabel("  "), self.bars, self.lines,
                       QLabel("  "), self.last):
            options.addWidget(widget)
        options.addStretch(1)
        body = QVBoxLayout(right)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(options)
        body.addWidget(self.title)
        body.addWidget(self.svg, 1)
        body.addWidget(self.empty)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([320, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(960, 560)

        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self._redraw)
        self.indicators.itemChanged.connect(lambda _item: self._timer.start())
        self.filter.textChanged.connect(self._apply_filter)
        for button in (self.over_periods, self.against_previous, self.bars, self.lines):
            button.toggled.connect(lambda _on: self._timer.start())
        self.last.valueChanged.connect(lambda _v: self._timer.start())
        self.title.textChanged.connect(lambda _t: self._timer.start())
        self.insert.clicked.connect(self.insert_chart)
        self.to_excel.clicked.connect(self.export_history)

    def _fill_indicators(self) -> None:
        table = self.report.appendix.table if self.report.appendix is not None else None
        current = [key for key, _row in identities(table)] if table is not None else []
        keys = current + [key for key in self.history if key not in current]
        self.indicators.blockSignals(True)
        for n, key in enumerate(keys):
            series = self.history.get(key)
            name = series.indicator if series else key
            unit = f" ({series.unit})" if series and series.unit else ""
            item = QListWidgetItem(f"{name}{unit}")
            item.setData(KEY, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if n == 0 else Qt.CheckState.Unchecked)
            self.indicators.addItem(item)
        self.indicators.blockSignals(False)

    def _apply_filter(self, text: str) -> None:
        wanted = fold(text).strip()
        for row in range(self.indicators.count()):
            item = self.indicators.item(row)
            item.setHidden(bool(wanted) and wanted not in fold(item.text()))

    # --- the chart ---------------------------------------------------------------------------
    def chosen(self) -> list[str]:
        return [self.indicators.item(i).data(KEY) for i in range(self.indicators.count())
                if self.indicators.item(i).checkState() == Qt.CheckState.Checked]

    def make_chart(self) -> Chart | None:
        chosen = self.chosen()
        if not chosen:
            return None
        kind = ChartKind.LINES if self.lines.isChecked() else ChartKind.BARS
        title = self.title.text().strip()
        if self.against_previous.isChecked() and self.report.appendix is not None:
            chart = comparison_chart(self.report.appendix.table, chosen, title=title)
            chart.kind = kind
            return chart
        return history_chart(self.history, chosen, last=self.last.value(), kind=kind, title=title)

    def _redraw(self) -> None:
        self.chart = self.make_chart()
        has_data = self.chart is not None and bool(self.chart.series) and bool(self.chart.categories)
        self.svg.setVisible(has_data)
        self.empty.setVisible(not has_data)
        self.insert.setEnabled(has_data)
        if has_data:
            self.svg.load(QByteArray(chart_svg(self.chart).encode("utf-8")))

    def insert_chart(self) -> None:
        if self.chart is None:
            return
        self.report.charts.append(copy.deepcopy(self.chart))
        self.inserted.emit()
        dialogs.inform(self, f"Đã chèn biểu đồ “{self.chart.title}” vào phụ lục "
                             f"(báo cáo có {len(self.report.charts)} biểu đồ).")

    def export_history(self) -> None:
        from cchc_desktop.core.history import history_table
        from cchc_desktop.document.xlsx_writer import SheetTable, XlsxError, write_workbook

        from .figures_actions import ask_xlsx_target

        chosen = self.chosen()
        if not chosen:
            return
        path = ask_xlsx_target(self, "so-lieu-qua-cac-ky.xlsx")
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        table = history_table(self.history, chosen, last=self.last.value())
        try:
            write_workbook([SheetTable("Qua các kỳ", ["SỐ LIỆU QUA CÁC KỲ"], table)], target)
        except XlsxError as error:
            dialogs.error(self, str(error))
