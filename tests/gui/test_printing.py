"""Print preview and printing: each page on a sheet of its own orientation, the same pages as the export."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter

from cchc_desktop.core.indicators import insert_column
from cchc_desktop.core.templates import load_sample
from cchc_desktop.document.export import pdf_bytes
from cchc_desktop.gui import printing


def widen(report):
    """Previous period and change columns around "Số lượng": seven columns, the appendix turns landscape."""
    table = report.appendix.table
    at = table.column_index("value")
    insert_column(table, at, "previous", "Kỳ trước")
    insert_column(table, at + 2, "change", "Tăng/giảm")
    return report


def landscape_sample():
    """The sample with a wide appendix (previous period and change): the appendix turns landscape."""
    return widen(load_sample())


def orientations(data: bytes) -> list[bool]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [float(p.mediabox.width) > float(p.mediabox.height) for p in reader.pages]


def test_sample_with_wide_appendix_mixes_orientations() -> None:
    kinds = orientations(pdf_bytes(landscape_sample()))
    assert kinds[0] is False and kinds[-1] is True


def _darkness(image) -> list[float]:
    """Mean ink per cell of a 6×6 grid: a cheap fingerprint of where the text is (robust to anti-aliasing)."""
    cells = []
    w, h = image.width(), image.height()
    for gy in range(6):
        for gx in range(6):
            dark = total = 0
            for y in range(gy * h // 6, (gy + 1) * h // 6, 3):
                for x in range(gx * w // 6, (gx + 1) * w // 6, 3):
                    total += 1
                    dark += 1 - QColor(image.pixel(x, y)).lightness() / 255
            cells.append(dark / max(1, total))
    return cells


def _ink_box(image) -> tuple[int, int, int, int]:
    xs, ys = [], []
    for y in range(image.height()):
        for x in range(0, image.width()):
            if QColor(image.pixel(x, y)).lightness() < 160:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def test_printing_to_a_pdf_printer_gives_the_exported_pages(qapp, tmp_path: Path) -> None:
    """The real-printer path (rendered pages) captured by Qt's PDF printer: same pages, same sheets."""
    data = pdf_bytes(landscape_sample())
    document, _owner = printing.load_pdf(data)
    printer = printing.make_printer()
    printer.setResolution(150)  # light, yet fine enough for thin table rules to stay thin
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert printing.paint_pages(printer, document) == document.pageCount()

    printed = (tmp_path / "printed.pdf").read_bytes()
    assert orientations(printed) == orientations(data)
    exported_sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
                      for p in pypdf.PdfReader(io.BytesIO(data)).pages]
    printed_sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
                     for p in pypdf.PdfReader(io.BytesIO(printed)).pages]
    assert all(abs(a[0] - b[0]) <= 2 and abs(a[1] - b[1]) <= 2 for a, b in zip(exported_sizes, printed_sizes))
    # Same content at the same place: compare coarse ink maps of every page.
    again, _owner2 = printing.load_pdf(printed)
    for page in range(document.pageCount()):
        want = _darkness(printing.render_page(document, page, 50))
        got = _darkness(printing.render_page(again, page, 50))
        # (a rasterised table rule carries a little more ink than a vector one: 0.06 on the appendix)
        assert max(abs(a - b) for a, b in zip(want, got)) < 0.08, page
        # Not shrunk nor moved: the printed ink covers the same box as the exported page's.
        box_want = _ink_box(printing.render_page(document, page, 50))
        box_got = _ink_box(printing.render_page(again, page, 50))
        assert all(abs(a - b) <= 2 for a, b in zip(box_want, box_got)), (page, box_want, box_got)


def test_printing_renders_at_a_bounded_resolution(qapp, monkeypatch, tmp_path: Path) -> None:
    """A 1200 dpi printer gets 300 dpi page images (35 MB each), not 557 MB ones."""
    document, _owner = printing.load_pdf(pdf_bytes(load_sample()))
    sizes = []
    real = printing.render_page
    monkeypatch.setattr(printing, "render_page", lambda doc, page, dpi: (sizes.append(dpi), real(doc, page, 10))[1])
    printer = printing.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "hi.pdf"))
    assert printer.resolution() >= 600
    printing.paint_pages(printer, document, [0, 1])
    assert sizes == [printing.MAX_PRINT_DPI] * 2


def _page_box(image) -> tuple[int, int]:
    """Width and height of the white sheet in a grab of the preview (grey around it)."""
    xs, ys = [], []
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if QColor(image.pixel(x, y)).lightness() > 250:
                xs.append(x)
                ys.append(y)
    return max(xs) - min(xs), max(ys) - min(ys)


def test_print_preview_shows_each_page_on_its_own_sheet(qtbot, open_window, monkeypatch) -> None:
    window = open_window()
    widen(window.report)
    shown = []
    monkeypatch.setattr(printing, "exec_preview", lambda dialog: (dialog.show(), shown.append(dialog)))
    monkeypatch.setattr("cchc_desktop.gui.actions.dialogs.confirm", lambda *a, **k: True)
    window.actions.print_preview.trigger()
    dialog = shown[0]
    dialog.resize(900, 700)
    count = dialog.page_count()
    assert count == len(orientations(pdf_bytes(window.current_report())))
    assert dialog.page_label.text() == f"Trang 1/{count}"
    qtbot.wait(200)
    width, height = _page_box(dialog.view.viewport().grab().toImage())
    assert height > width  # page 1: portrait sheet
    dialog.go_to(count - 1)
    qtbot.waitUntil(lambda: dialog.page_label.text() == f"Trang {count}/{count}")
    qtbot.wait(200)
    width, height = _page_box(dialog.view.viewport().grab().toImage())
    assert width > height  # the appendix: landscape sheet, not shrunk onto a portrait one
    dialog.close()


def test_change_header_is_not_broken_inside_the_word() -> None:
    """"Tăng/giảm" used to break as "Tăng/gi-ảm" in the appendix header."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf_bytes(landscape_sample()))) as pdf:
        lines = pdf.pages[-1].extract_text().split("\n")
    assert any("Tăng/giảm" in line for line in lines), [line for line in lines if "Tăng" in line]
