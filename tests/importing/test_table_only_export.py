"""A file that is only forms or one table prints as it came: no Decree-30 header, no "BÁO CÁO",
no date line of the current year (issue 23, item 4), and its own export reads back the same."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pdfplumber
import pytest

from cchc_desktop.document.export import docx_bytes, pdf_bytes
from cchc_desktop.importing import import_file
from tests.importing import layout_fixtures

ADDED = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO", "ngày")


def _imported(name: str, folder: Path):
    path = folder / f"{name}.docx"
    getattr(layout_fixtures, name)().save(path)
    return import_file(path).report


def _pdf_text(report) -> str:
    with pdfplumber.open(io.BytesIO(pdf_bytes(report))) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("name", ["forms_only", "price_table_only"])
def test_nothing_the_original_lacks_is_printed(name: str, tmp_path: Path) -> None:
    report = _imported(name, tmp_path)
    assert not report.elements.header
    for text in (_pdf_text(report), _docx_text(docx_bytes(report))):
        for added in ADDED:
            assert added not in text, f"{name}: '{added}' printed"
        assert "Mặt hàng" in text and "đồng/kg" in text  # the table itself is there


def test_the_export_of_a_headerless_file_reads_back_headerless(tmp_path: Path) -> None:
    report = _imported("price_table_only", tmp_path)
    exported = tmp_path / "exported.docx"
    exported.write_bytes(docx_bytes(report))
    again = import_file(exported).report
    assert not again.elements.header and again.doc_name == ""
    assert "BÁO CÁO" not in _docx_text(docx_bytes(again))


def test_a_report_with_a_header_keeps_it(tmp_path: Path) -> None:
    report = _imported("signature_nested", tmp_path)
    assert report.elements.header
    text = _pdf_text(report)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
