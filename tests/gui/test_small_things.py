"""Issue 26, small things seen on the way: print to file goes where the exports went, the file
dialogs speak Vietnamese to the last column, the print preview fits a small screen, the focus
ring shows on every control."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit

from cchc_desktop.gui import printing
from cchc_desktop.gui.filenames import default_export_name


# --- print to file -------------------------------------------------------------------------

def _print_to_file(dialog) -> bool:
    """What the clerk does: pick "Print to File (PDF)" (the last printer) and press Print."""
    dialog.show()
    printers = dialog.findChild(QComboBox, "printers")
    printers.setCurrentIndex(printers.count() - 1)
    dialog.accept()
    return True


def test_print_to_file_defaults_to_the_last_export_folder_and_the_vietnamese_name(open_window, monkeypatch, tmp_path):
    window = open_window()
    report = window.current_report()
    exports = tmp_path / "Báo cáo gửi huyện"
    exports.mkdir()
    window.actions.last_export = exports / "Báo cáo trước.docx"
    seen = []

    def clerk(dialog):
        seen.append(dialog.findChild(QLineEdit, "filename").text())
        return _print_to_file(dialog)

    monkeypatch.setattr(printing, "exec_print_dialog", clerk)
    printing.print_report(window, report)

    expected = exports / default_export_name(report, ".pdf")
    assert seen == [str(expected)]
    assert "Báo cáo" in expected.name and not str(expected).startswith(str(Path.home()) + "/Báo")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(expected.read_bytes())).pages)
    assert report.subject.split()[0] in text  # our own PDF (text), not pictures of pages


def test_print_from_the_preview_goes_to_the_export_folder_too(open_window, monkeypatch, tmp_path):
    window = open_window()
    window.actions.last_export = tmp_path / "x.pdf"
    dialog = printing.PrintPreviewDialog(window.current_report(), b"%PDF-1.4\n", window)
    try:
        assert printing.export_folder(dialog) == tmp_path
    finally:
        dialog.done(0)


def test_a_pdf_printer_driver_asks_in_our_dialog_in_the_export_folder(open_window, monkeypatch, tmp_path):
    window = open_window()
    report = window.current_report()
    window.actions.last_export = tmp_path / "a.docx"
    asked = []

    def save_file_name(parent, title, suggested, filters):
        asked.append((title, suggested))
        return str(tmp_path / "in thử")

    monkeypatch.setattr(printing.file_dialogs, "save_file_name", save_file_name)
    assert printing.ask_pdf_file(window, report) == tmp_path / "in thử.pdf"
    assert asked == [("In ra tệp PDF", str(tmp_path / default_export_name(report, ".pdf")))]
    assert printing.is_pdf_printer("Microsoft Print to PDF") and printing.is_pdf_printer("PDF24")
    assert not printing.is_pdf_printer("Canon LBP2900") and not printing.is_pdf_printer("HP LaserJet P1102")
