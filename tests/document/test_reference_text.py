"""The exported text contains every word of the real report, in order (read back, not trusted)."""

from __future__ import annotations

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from cchc_desktop.document.export import export_docx, export_pdf

from .helpers import REFERENCE, missing_in_order, sample_report, tokens

pytestmark = pytest.mark.skipif(not REFERENCE.is_file(), reason=f"reference report not found at {REFERENCE}")


@pytest.fixture(scope="module")
def reference_tokens() -> list[str]:
    return tokens(REFERENCE.read_text(encoding="utf-8"))


def test_docx_contains_every_reference_word_in_order(tmp_path, reference_tokens):
    path = tmp_path / "bao-cao.docx"
    export_docx(sample_report(), path)
    body = docx.Document(str(path)).element.body
    text = " ".join(t.text or "" for t in body.iter(qn("w:t")))
    assert len(reference_tokens) > 1000
    assert missing_in_order(reference_tokens, tokens(text)) == []


def test_pdf_contains_every_reference_word_in_order(tmp_path, reference_tokens):
    path = tmp_path / "bao-cao.pdf"
    export_pdf(sample_report(), path)
    # pypdf reads in content order (cell by cell); pdfplumber would interleave the two signature columns.
    text = "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
    assert missing_in_order(reference_tokens, tokens(text)) == []


def test_the_check_can_fail(reference_tokens):
    ours = list(reference_tokens)
    del ours[500]
    ours.reverse()
    assert missing_in_order(reference_tokens, ours)
