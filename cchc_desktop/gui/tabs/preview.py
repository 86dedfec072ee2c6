"""Tab "Xem trước": the very PDF the exporter writes, shown with QtPdf."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from cchc_desktop.core.model import Report


class PreviewTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.previous = self._button("◀ Trang trước", "Trang trước (PgUp)", QKeySequence.StandardKey.MoveToPreviousPage)
        self.next = self._button("Trang sau ▶", "Trang sau (PgDown)", QKeySequence.StandardKey.MoveToNextPage)
        self.page_label = QLabel()
        self.zoom_out = self._button("−", "Thu nhỏ (Ctrl+-)", QKeySequence.StandardKey.ZoomOut)
        self.zoom_in = self._button("+", "Phóng to (Ctrl++)", QKeySequence.StandardKey.ZoomIn)
        self.fit = self._button("Vừa chiều rộng", "Vừa khít chiều rộng cửa sổ", None)
        for widget in (self.previous, self.page_label, self.next, self.zoom_out, self.zoom_in, self.fit):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        self._buffer: QBuffer | None = None
        self.generation = -1  # the model generation shown; the window compares it with its own

        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._show_page)
        self.previous.clicked.connect(lambda: self.go_to(navigator.currentPage() - 1))
        self.next.clicked.connect(lambda: self.go_to(navigator.currentPage() + 1))
        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self._zoom(0.8))
        self.fit.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))

    @staticmethod
    def _button(text: str, tip: str, key) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        if key is not None:
            button.setShortcut(QKeySequence(key))
        return button

    def page_count(self) -> int:
        return self.document.pageCount()

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
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # QPdfDocument reads lazily: keep the buffer alive
        self.generation = generation
        self.go_to(min(page, self.page_count() - 1))
        self._show_page(self.view.pageNavigator().currentPage())

    def go_to(self, page: int) -> None:
        if 0 <= page < self.page_count():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor() if
                                           self.view.zoomMode() == QPdfView.ZoomMode.Custom else 0)

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, current * factor)))

    def _show_page(self, page: int) -> None:
        self.page_label.setText(f"Trang {page + 1}/{self.page_count()}")
