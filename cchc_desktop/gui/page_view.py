"""The PDF page view shared by the "Xem trước" tab, the print preview and the preview beside the
text: a grey QPdfView and page/zoom navigation."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

MIN_ZOOM, MAX_ZOOM = 0.1, 4.0


def pdf_view(document: QPdfDocument, zoom: QPdfView.ZoomMode, parent: QWidget | None = None) -> QPdfView:
    """All pages one under the other on grey, as a word processor shows them."""
    view = QPdfView(parent)
    view.setDocument(document)
    view.setPageMode(QPdfView.PageMode.MultiPage)
    view.setZoomMode(zoom)
    view.setStyleSheet("QPdfView { background: #808080; }")
    return view


def load_bytes(document: QPdfDocument, data: bytes, owner: QObject, old: QBuffer | None) -> QBuffer:
    """Show ``data`` in ``document``; returns the new buffer, which must live as long as it is
    shown (QtPdf reads lazily), and lets the old one go."""
    buffer = QBuffer(owner)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.close()
    document.load(buffer)
    if old is not None:
        old.deleteLater()
    return buffer


class PageNavigation:
    """Page and zoom buttons over ``self.view`` (a QPdfView); ``self.page_label`` says the page."""

    view: QPdfView
    page_label: QLabel

    def connect_navigation(self, previous: QToolButton, next_: QToolButton, zoom_out: QToolButton,
                           zoom_in: QToolButton, fit_width: QToolButton) -> None:
        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._show_page)
        previous.clicked.connect(lambda: self.go_to(navigator.currentPage() - 1))
        next_.clicked.connect(lambda: self.go_to(navigator.currentPage() + 1))
        zoom_in.clicked.connect(lambda: self._zoom(1.25))
        zoom_out.clicked.connect(lambda: self._zoom(0.8))
        fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))

    def page_count(self) -> int:
        return self.view.document().pageCount()

    def go_to(self, page: int) -> None:
        """To the top of ``page``, keeping a zoom the clerk chose."""
        if 0 <= page < self.page_count():
            custom = self.view.zoomMode() == QPdfView.ZoomMode.Custom
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor() if custom else 0)

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(MIN_ZOOM, min(MAX_ZOOM, current * factor)))

    def _show_page(self, page: int) -> None:
        self.page_label.setText(f"Trang {page + 1}/{self.page_count()}")
