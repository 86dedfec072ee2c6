"""Tab "Xem trước": the very PDF the exporter writes, shown with QtPdf."""

from __future__ import annotations

from PySide6.QtCore import QBuffer
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cchc_desktop.core.model import Report

from ..page_view import PageNavigation, load_bytes, pdf_view
from .common import tool_button


class PreviewTab(QWidget, PageNavigation):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.previous = tool_button("◀ Trang trước", "Trang trước (PgUp)", QKeySequence.StandardKey.MoveToPreviousPage)
        self.next = tool_button("Trang sau ▶", "Trang sau (PgDown)", QKeySequence.StandardKey.MoveToNextPage)
        self.page_label = QLabel()
        self.zoom_out = tool_button("−", "Thu nhỏ (Ctrl+-)", QKeySequence.StandardKey.ZoomOut)
        self.zoom_in = tool_button("+", "Phóng to (Ctrl++)", QKeySequence.StandardKey.ZoomIn)
        self.fit = tool_button("Vừa chiều rộng", "Vừa khít chiều rộng cửa sổ", None)
        for widget in (self.previous, self.page_label, self.next, self.zoom_out, self.zoom_in, self.fit):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.document = QPdfDocument(self)
        self.view = pdf_view(self.document, QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        self._buffer: QBuffer | None = None
        self.generation = -1  # the model generation shown; the window compares it with its own

        self.connect_navigation(self.previous, self.next, self.zoom_out, self.zoom_in, self.fit)

    def show_report(self, report: Report, generation: int) -> None:
        """Render ``report`` through the exporter and show it (keeps the current page)."""
        from cchc_desktop.document.export import pdf_bytes

        page = self.view.pageNavigator().currentPage()
        try:
            data = pdf_bytes(report)
        except Exception as error:  # noqa: BLE001 - shown in place; the editors stay usable
            self.error.setText(f"Không tạo được bản xem trước: {error}")
            self.error.show()
            return
        self.error.hide()
        self._buffer = load_bytes(self.document, data, self, self._buffer)
        self.generation = generation
        self.go_to(min(page, self.page_count() - 1))
        self._show_page(self.view.pageNavigator().currentPage())
