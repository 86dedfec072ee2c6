"""Preview = export: page counts, and the export/print actions write files others can read."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pdfplumber
import pypdf
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from cchc_desktop.document.export import pdf_bytes
from cchc_desktop.gui import actions, dialogs, printing

from .helpers import press, type_text


def pdf_pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def test_preview_shows_the_exported_pages_and_follows_edits(qtbot, open_window) -> None:
    window = open_window()
    window.tabs.setCurrentWidget(window.preview)
    expected = pdf_pages(pdf_bytes(window.report))
    qtbot.waitUntil(lambda: window.preview.page_count() == expected)
    assert window.preview.page_label.text() == f"Trang 1/{expected}"

    window.tabs.setCurrentWidget(window.narrative)
    editor = window.narrative.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    for _ in range(60):  # enough new paragraphs to need another page
        press(editor, Qt.Key.Key_Return)
        type_text(editor, "Đoạn văn thêm vào")
    window.tabs.setCurrentWidget(window.preview)
    grown = pdf_pages(pdf_bytes(window.current_report()))
    assert grown > expected
    qtbot.waitUntil(lambda: window.preview.page_count() == grown)
    window.preview.next.click()
    assert window.preview.page_label.text().startswith("Trang 2/")


def _say_yes(monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)


def test_export_action_writes_docx_and_pdf(open_window, monkeypatch, tmp_path: Path) -> None:
    window = open_window()
    _say_yes(monkeypatch)
    suggested = []
    for name in ("bao-cao.docx", "bao-cao.pdf"):
        target = tmp_path / name
        monkeypatch.setattr(actions, "ask_save_path",
                            lambda parent, title, default, filters, t=target: suggested.append(default) or str(t))
        window.actions.export.trigger()
        assert target.exists()
    assert Path(suggested[0]).name == "Báo cáo Công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2024.docx"
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "bao-cao.docx")).paragraphs)
    assert "Phòng Văn hóa thông tin huyện Nghi Xuân" in text
    with pdfplumber.open(tmp_path / "bao-cao.pdf") as pdf:
        assert "Lê Thị Sáu" in "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert window.actions.open_folder.isEnabled()


class _PrintToFile:
    """Stands in for QPrintDialog: the clerk picks "Print to file (PDF)"."""

    target: Path

    def __init__(self, printer: QPrinter, parent=None) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.target))

    def setWindowTitle(self, _title: str) -> None:  # noqa: N802
        pass

    def exec(self) -> int:
        return QDialog.DialogCode.Accepted


def test_print_to_pdf_writes_our_own_pdf(open_window, monkeypatch, tmp_path: Path) -> None:
    window = open_window()
    _say_yes(monkeypatch)
    _PrintToFile.target = tmp_path / "in.pdf"
    monkeypatch.setattr(printing, "QPrintDialog", _PrintToFile)
    window.actions.print.trigger()
    with pdfplumber.open(_PrintToFile.target) as pdf:
        assert "Cương Gián" in pdf.pages[0].extract_text()


def test_printer_path_paints_every_page(qapp, open_window, tmp_path: Path) -> None:
    """The real-printer path (page images at printer resolution), captured through a PDF printer."""
    window = open_window()
    data = pdf_bytes(window.report)
    document, _buffer = printing.load_pdf(data)
    printer = printing.make_printer()
    printer.setResolution(100)  # keep the test light
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "raster.pdf"))
    printing.paint_pages(printer, document)
    assert pdf_pages((tmp_path / "raster.pdf").read_bytes()) == pdf_pages(data)
