"""Printing the real PDF pages: QtPdf renders each page at the printer's resolution."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from cchc_desktop.core.model import Report


def load_pdf(data: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def paint_pages(printer: QPrinter, document: QPdfDocument) -> None:
    """Each page rendered at printer resolution, on white (QtPdf leaves it transparent)."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Không mở được máy in.")
    try:
        dpi = printer.resolution()
        first, last = printer.fromPage(), printer.toPage()
        pages = range(document.pageCount())
        if first > 0:
            pages = range(first - 1, min(last or document.pageCount(), document.pageCount()))
        for count, page in enumerate(pages):
            size_pt = document.pagePointSize(page)
            # Landscape appendix pages turn the printer page too.
            landscape = size_pt.width() > size_pt.height()
            printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                       else QPageLayout.Orientation.Portrait)
            if count:
                printer.newPage()
            pixels = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
            image = QImage(pixels, QImage.Format.Format_ARGB32)
            image.fill(QColor(Qt.GlobalColor.white))
            rendered = document.render(page, pixels)
            page_painter = QPainter(image)
            page_painter.drawImage(0, 0, rendered)
            page_painter.end()
            target = painter.viewport()
            scaled = pixels.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.fillRect(target, Qt.GlobalColor.white)
            painter.drawImage(target.topLeft().x(), target.topLeft().y(),
                              image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))
    finally:
        painter.end()


def make_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the PDF carries its own Decree 30 margins
    printer.setDocName("Báo cáo")
    return printer


def print_report(parent: QWidget | None, report: Report) -> bool:
    """Print dialog, then print. "Print to PDF" writes our own PDF instead of a raster copy."""
    from cchc_desktop.document.export import export_pdf, pdf_bytes

    printer = make_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("In báo cáo")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        export_pdf(report, Path(printer.outputFileName()))
        return True
    document, _buffer = load_pdf(pdf_bytes(report), parent)
    paint_pages(printer, document)
    return True


def preview_report(parent: QWidget | None, report: Report) -> None:
    """Qt's print preview of the real PDF pages."""
    from cchc_desktop.document.export import pdf_bytes

    document, buffer = load_pdf(pdf_bytes(report), parent)
    printer = make_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Xem trước khi in")
    dialog.paintRequested.connect(lambda target: paint_pages(target, document))
    dialog.exec()
    document.close()
    buffer.close()
