"""Printing and print preview of the real PDF pages (the very bytes the exporter writes).

Preview: our own dialog around QPdfView — every page on a sheet of its own orientation,
rendered on demand at screen resolution (a 60-page report opens in a fraction of a second and
only the visible pages cost memory).  Qt's QPrintPreviewDialog is not used: it records the
whole document as full-resolution images on sheets of one orientation (seconds and gigabytes).

Printing: each page is turned to its own orientation (portrait text, landscape appendix) by
setting the printer's page layout before the page starts, and rendered by QtPdf one page at a
time at the printer's resolution capped at 300 dpi (Qt's HighResolution printer asks for 1200
dpi: 557 MB per A4 image, the gigabytes the old preview used), so memory stays bounded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import (QBuffer, QByteArray, QIODevice, QMarginsF, QObject, QRectF, QSize, QSizeF, QStandardPaths,
                            Qt)
from PySide6.QtGui import QColor, QGuiApplication, QImage, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from cchc_desktop.core.model import Report

from . import dialogs, file_dialogs
from .filenames import default_export_name
from .page_view import PageNavigation, pdf_view
from .tabs.common import tool_button

log = logging.getLogger(__name__)
MAX_PRINT_DPI = 300  # crisp 13-14 pt text on an office laser; one A4 page image = 35 MB


class PdfPages(QObject):
    """A QPdfDocument over bytes in memory, owning the buffer QtPdf reads lazily."""

    def __init__(self, data: bytes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)

    def close(self) -> None:
        self.document.close()
        self.buffer.close()


def load_pdf(data: bytes, parent=None) -> tuple[QPdfDocument, PdfPages]:
    """The document and its owner: keep the second alive as long as the first is used."""
    pages = PdfPages(data, parent)
    return pages.document, pages


def is_landscape(document: QPdfDocument, page: int) -> bool:
    size = document.pagePointSize(page)
    return size.width() > size.height()


def page_layout(document: QPdfDocument, page: int) -> QPageLayout:
    """The page's own sheet: its size in points and its orientation, no margins (the PDF has them)."""
    size = document.pagePointSize(page)
    landscape = size.width() > size.height()
    portrait_size = QSize(round(min(size.width(), size.height())), round(max(size.width(), size.height())))
    page_size = QPageSize(QSizeF(portrait_size), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    return QPageLayout(page_size, QPageLayout.Orientation.Landscape if landscape
                       else QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def render_page(document: QPdfDocument, page: int, dpi: float) -> QImage:
    """One whole page on white at ``dpi`` (QtPdf leaves the background transparent)."""
    size = document.pagePointSize(page)
    pixels = QSize(max(1, round(size.width() / 72 * dpi)), max(1, round(size.height() / 72 * dpi)))
    image = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    painter.drawImage(0, 0, document.render(page, pixels))
    painter.end()
    return image


def _draw_page(painter: QPainter, target: QRectF, document: QPdfDocument, page: int, dpi: float) -> None:
    """Render ``page`` at ``dpi`` and draw it into ``target`` (device pixels).

    One whole-page image (A4 at 300 dpi: 35 MB, freed before the next page).  Rendering in
    strips through QPdfDocumentRenderOptions.setScaledClipRect was tried: QtPdf 6.12 shifts
    each strip by about 1 % of its distance from the top, so the strips do not join.
    """
    painter.drawImage(target, render_page(document, page, dpi))


def selected_pages(printer: QPrinter, count: int) -> list[int]:
    """0-based page numbers the print dialog asked for (all when no range)."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0:
        return list(range(count))
    return list(range(first - 1, min(last or count, count)))


def paint_pages(printer: QPrinter, document: QPdfDocument, pages: Iterable[int] | None = None) -> int:
    """Print ``pages`` (default: the dialog's range), each on a sheet of its own orientation."""
    pages = list(selected_pages(printer, document.pageCount()) if pages is None else pages)
    if not pages:
        return 0
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(document, pages[0]))  # before begin(): the first sheet
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Không mở được máy in.")
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for count, page in enumerate(pages):
            if count:
                printer.setPageLayout(page_layout(document, page))  # applies to the next sheet
                printer.newPage()
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            painter.fillRect(target, Qt.GlobalColor.white)
            _draw_page(painter, target, document, page, dpi)
    finally:
        painter.end()
    return len(pages)


def make_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the PDF carries its own Decree 30 margins
    printer.setDocName("Báo cáo")
    return printer


def exec_print_dialog(dialog: QPrintDialog) -> bool:
    """A module function so tests replace the modal dialog."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def export_folder(widget: QWidget | None) -> Path:
    """Where the clerk last exported (the window's Tệp → Xuất…), else Documents, else home: a
    printed PDF belongs with the exported ones."""
    while widget is not None:
        last = getattr(getattr(widget, "actions", None), "last_export", None)  # QWidget.actions is a method
        if isinstance(last, Path):
            return last.parent
        widget = widget.parentWidget()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def suggested_pdf(parent: QWidget | None, report: Report) -> Path:
    return export_folder(parent) / default_export_name(report, ".pdf")


def suggest_output_file(dialog: QPrintDialog, path: Path) -> None:
    """Qt's own print dialog (Linux) fills "Print to File" with the home folder: put ``path`` there.
    Not through QPrinter.setOutputFileName, which would turn a real printer into a file writer."""
    field = dialog.findChild(QLineEdit, "filename") if isinstance(dialog, QWidget) else None
    if field is not None:
        field.setText(str(path))


def is_pdf_printer(name: str) -> bool:
    """A printer that makes PDF files ("Microsoft Print to PDF", "Adobe PDF", "PDF24", CUPS "PDF")."""
    return "pdf" in name.casefold()


def ask_pdf_file(parent: QWidget | None, report: Report) -> Path | None:
    """A PDF printer driver would ask in its own dialog (English, in Documents) and write pictures
    of the pages: ask here instead, in the export folder, and write the real PDF."""
    chosen = file_dialogs.save_file_name(parent, "In ra tệp PDF", str(suggested_pdf(parent, report)),
                                         "Tệp PDF (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def print_document(parent: QWidget | None, document: QPdfDocument, report: Report, data: bytes | None = None) -> bool:
    """``data``: the PDF already made for ``document`` (print to PDF writes it as it is)."""
    printer = make_printer()
    printer.setDocName(default_export_name(report, ""))  # the job's name, and a PDF driver's file name
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("In báo cáo")
    try:
        dialog.setMinMax(1, document.pageCount())
    except AttributeError:  # older bindings
        pass
    suggest_output_file(dialog, suggested_pdf(parent, report))
    if not exec_print_dialog(dialog):
        return False
    target = None
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        target = Path(printer.outputFileName())  # Qt's own dialog: "Print to File (PDF)"
    elif is_pdf_printer(printer.printerName()):
        target = ask_pdf_file(parent, report)
        if target is None:
            return False
    if target is not None:
        # "Print to PDF": our own PDF (text stays text) rather than a raster copy.
        from cchc_desktop.document.export import export_pdf, write_atomic

        if data is not None:
            write_atomic(data, target)
        else:
            export_pdf(report, target)
        return True
    paint_pages(printer, document)
    return True


def print_report(parent: QWidget | None, report: Report) -> bool:
    """Print dialog, then print."""
    from cchc_desktop.document.export import pdf_bytes

    pages = PdfPages(pdf_bytes(report))
    try:
        return print_document(parent, pages.document, report)
    finally:
        pages.close()
        pages.deleteLater()


PREVIEW_SIZE = QSize(900, 700)
FRAME_GUESS = QSize(16, 40)  # a title bar and borders, until the window system says


def fit_to_screen(widget: QWidget, wanted: QSize) -> None:
    """At most ``wanted``, frame included inside the screen's free area (1024×700, or 1024×768 at
    125 %: 819×614), and moved into it; the page view scrolls inside."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None or screen.availableGeometry().isEmpty():
        widget.resize(wanted)
        return
    area = screen.availableGeometry()
    frame = widget.frameGeometry().size() - widget.geometry().size() if widget.isVisible() else FRAME_GUESS
    widget.resize(max(200, min(wanted.width(), area.width() - frame.width())),
                  max(200, min(wanted.height(), area.height() - frame.height())))
    if widget.isVisible():
        outer = widget.frameGeometry()
        widget.move(max(area.left(), min(outer.left(), area.right() + 1 - outer.width())),
                    max(area.top(), min(outer.top(), area.bottom() + 1 - outer.height())))


class PrintPreviewDialog(QDialog, PageNavigation):
    """Xem trước khi in: the PDF pages as they will come out of the printer."""

    def __init__(self, report: Report, data: bytes, parent: QWidget | None = None,
                 ready: Callable[[], bool] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Xem trước khi in")
        self.report = report
        self.data = data
        self.ready = ready  # asked before printing (the checks' errors), not before looking
        self.pages = PdfPages(data, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.print_button = self._button("&In…", "In báo cáo (Ctrl+P)", QKeySequence.StandardKey.Print)
        self.previous = self._button("◀", "Trang trước (PgUp)", QKeySequence.StandardKey.MoveToPreviousPage)
        self.next = self._button("▶", "Trang sau (PgDown)", QKeySequence.StandardKey.MoveToNextPage)
        self.page_label = QLabel()
        self.zoom_out = self._button("−", "Thu nhỏ (Ctrl+-)", QKeySequence.StandardKey.ZoomOut)
        self.zoom_in = self._button("+", "Phóng to (Ctrl++)", QKeySequence.StandardKey.ZoomIn)
        self.fit_width = self._button("Vừa &chiều rộng", "Vừa khít chiều rộng cửa sổ", None)
        self.fit_page = self._button("Cả &trang", "Thấy trọn một trang", None)
        self.close_button = self._button("Đó&ng", "Đóng cửa sổ xem trước (Esc)", None)
        for widget in (self.print_button, self.previous, self.page_label, self.next, self.zoom_out, self.zoom_in,
                       self.fit_width, self.fit_page):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        layout.addLayout(bar)
        self.view = pdf_view(self.pages.document, QPdfView.ZoomMode.FitInView, self)
        self.view.setPageSpacing(12)
        layout.addWidget(self.view, 1)
        self.connect_navigation(self.previous, self.next, self.zoom_out, self.zoom_in, self.fit_width)
        self.fit_page.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.print_button.clicked.connect(self.print_now)
        self.close_button.clicked.connect(self.reject)
        self._show_page(0)
        fit_to_screen(self, PREVIEW_SIZE)

    def _button(self, text: str, tip: str, key) -> QToolButton:
        return tool_button(text, tip, key, self)

    def showEvent(self, event) -> None:  # noqa: N802 - the frame's real size is known once shown
        super().showEvent(event)
        if not event.spontaneous():
            fit_to_screen(self, self.size())

    def print_now(self) -> None:
        if self.ready is not None and not self.ready():
            return
        try:
            if print_document(self, self.pages.document, self.report, self.data):
                self.accept()
        except Exception as error:  # noqa: BLE001 - printers fail in many ways; say it in Vietnamese
            log.exception("Printing failed")
            dialogs.error(self, f"Không in được: {error}")

    def done(self, result: int) -> None:  # noqa: D102 - release the document with the dialog
        self.view.setDocument(None)
        self.pages.close()
        super().done(result)


def exec_preview(dialog: PrintPreviewDialog) -> int:
    """A module function so tests replace the modal loop."""
    return dialog.exec()


def preview_report(parent: QWidget | None, report: Report,
                   ready: Callable[[], bool] | None = None) -> PrintPreviewDialog:
    from cchc_desktop.document.export import pdf_bytes

    dialog = PrintPreviewDialog(report, pdf_bytes(report), parent, ready)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    exec_preview(dialog)
    return dialog
