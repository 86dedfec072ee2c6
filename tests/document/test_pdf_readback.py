"""The PDF read back with pypdf/pdfplumber: A4, embedded Times-family fonts, page numbers, orientation."""

from __future__ import annotations

import docx
import pdfplumber
import pypdf
import pytest
from docx.enum.section import WD_ORIENT

from cchc_desktop.document.export import export_docx, export_pdf, pdf_bytes

from .helpers import sample_report, wide_report

A4 = (595.3, 841.9)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    export_pdf(sample_report(), path)
    return path


def _size(page) -> tuple[float, float]:
    box = page.mediabox
    return round(float(box.width), 1), round(float(box.height), 1)


def test_pages_are_a4(sample_pdf):
    reader = pypdf.PdfReader(sample_pdf)
    assert len(reader.pages) >= 4
    for page in reader.pages:
        assert _size(page) in (A4, A4[::-1])


def test_fonts_embedded_and_times_family(sample_pdf):
    reader = pypdf.PdfReader(sample_pdf)
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:  # composite font: look at its descendant
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    assert names and all(n.startswith(("Times", "LiberationSerif")) for n in names), names
    assert len(names) == 4  # regular, bold, italic, bold italic all used by the sample


def test_not_encrypted_and_metadata(sample_pdf):
    reader = pypdf.PdfReader(sample_pdf)
    assert not reader.is_encrypted
    meta = reader.metadata
    assert meta.author == "Ủy ban nhân dân xã Cương Gián"
    assert meta.title.startswith("Công tác tuyên truyền")
    assert meta.subject.startswith("BÁO CÁO")


def _top_words(page, depth_mm: float = 18):
    limit = depth_mm * 72 / 25.4
    return [w for w in page.extract_words() if w["top"] < limit]


def test_page_numbers_top_centre_from_page_two(sample_pdf):
    with pdfplumber.open(sample_pdf) as pdf:
        assert _top_words(pdf.pages[0]) == []
        top = _top_words(pdf.pages[1])
        assert [w["text"] for w in top] == ["2"]
        centre = (top[0]["x0"] + top[0]["x1"]) / 2
        text_centre = (30 + (210 - 15)) / 2 * 72 / 25.4
        assert abs(centre - text_centre) < 3
        assert [w["text"] for w in _top_words(pdf.pages[2])] == ["3"]


def test_appendix_numbering_restarts(sample_pdf):
    with pdfplumber.open(sample_pdf) as pdf:
        last = pdf.pages[-1]
        assert "PHỤ LỤC" in (last.extract_text() or "")
        assert _top_words(last) == []  # first page of the appendix: number 1, hidden


@pytest.mark.parametrize("make, landscape", [(sample_report, False), (wide_report, True)])
def test_appendix_landscape_iff_docx_is(tmp_path, make, landscape):
    report = make()
    export_docx(report, tmp_path / "r.docx")
    section = docx.Document(str(tmp_path / "r.docx")).sections[-1]
    assert (section.orientation == WD_ORIENT.LANDSCAPE) is landscape
    export_pdf(report, tmp_path / "r.pdf")
    pages = pypdf.PdfReader(tmp_path / "r.pdf").pages
    assert _size(pages[0]) == A4
    assert _size(pages[-1]) == (A4[::-1] if landscape else A4)


def test_pdf_bytes_is_a_pdf():
    data = pdf_bytes(sample_report())
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_justified_lines_reach_the_right_margin(sample_pdf):
    right = (210 - 15) * 72 / 25.4
    with pdfplumber.open(sample_pdf) as pdf:
        lines = pdf.pages[1].extract_text_lines()
    ends = [line["x1"] for line in lines]
    full = [x for x in ends if abs(x - right) < 0.6]
    assert len(full) >= 15, ends  # word spacing really stretched the spaces
    assert max(ends) < right + 0.6


def test_last_line_of_a_paragraph_is_not_stretched(sample_pdf):
    with pdfplumber.open(sample_pdf) as pdf:
        words = pdf.pages[0].extract_words(keep_blank_chars=False)
    end = next(w for w in words if w["text"] == "sau:")
    line = [w for w in words if abs(w["top"] - end["top"]) < 1]
    assert [w["text"] for w in line] == ["năm", "2024", "như", "sau:"]
    gaps = [b["x0"] - a["x1"] for a, b in zip(line, line[1:])]
    assert all(abs(g - 3.5) < 0.2 for g in gaps), gaps  # a plain 14 pt space
