"""Page numbers of a phụ lục made of several forms (issue 24, item 2): the phụ lục numbers its own
pages from 1, the forms continuing it number on; each form prints its own lines under the phụ
lục's; the concurrent title stands just above the signer's name, after the signing space."""

from __future__ import annotations

import copy

import docx
import pdfplumber
from docx.oxml.ns import qn

from cchc_desktop.document.export import export_docx, export_pdf

from .helpers import sample_report

FORMS = 7


def seven_forms():
    """The sample with one phụ lục of seven forms ("Biểu mẫu 1" … "Biểu mẫu 7"), one page each."""
    report = copy.deepcopy(sample_report())
    first = report.appendices[0]
    forms = []
    for i in range(FORMS):
        form = copy.deepcopy(first)
        form.form_heading, form.form_title = f"Biểu mẫu {i + 1}", f"Kết quả nhóm chỉ tiêu số {i + 1}"
        form.continues = i > 0
        forms.append(form)
    report.appendices = forms
    return report


def _top_numbers(path) -> list[str | None]:
    """Per page: the number printed alone in the top margin, None when there is none."""
    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            words = [w for w in page.extract_words() if w["top"] < 50]
            out.append(words[0]["text"] if len(words) == 1 else None)
    return out


def test_pdf_numbers_the_forms_of_one_phu_luc_on(tmp_path):
    export_pdf(seven_forms(), tmp_path / "f.pdf")
    numbers = _top_numbers(tmp_path / "f.pdf")
    with pdfplumber.open(str(tmp_path / "f.pdf")) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    starts = [i for i, text in enumerate(texts) if "Biểu mẫu 1" in text.split("\n")[0:3] or
              any(line.strip() == "Biểu mẫu 1" for line in text.split("\n"))]
    assert len(starts) == 1
    start = starts[0]
    # the phụ lục's first page shows no number, its later pages 2, 3, 4…
    assert numbers[start] is None
    assert numbers[start + 1:] == [str(n) for n in range(2, len(numbers) - start + 1)]
    assert len(numbers) - start >= FORMS
    # the phụ lục's own lines once, each form's own lines on its first page
    assert sum(text.count("PHỤ LỤC") for text in texts[start:]) == 1
    for i in range(FORMS):
        assert sum(f"Biểu mẫu {i + 1}" in text for text in texts[start:]) == 1


def test_docx_restarts_numbering_only_where_the_phu_luc_starts(tmp_path):
    export_docx(seven_forms(), tmp_path / "f.docx")
    sections = docx.Document(str(tmp_path / "f.docx")).sections
    assert len(sections) == 1 + FORMS
    restarts = [s._sectPr.find(qn("w:pgNumType")) is not None for s in sections]
    title_pages = [s._sectPr.find(qn("w:titlePg")) is not None for s in sections]
    assert restarts == [True, True] + [False] * (FORMS - 1)
    assert title_pages == restarts  # a continuing form shows its number on its first page too
    report = seven_forms()
    report.appendices = report.appendices[1:2]  # "continues" with nothing before it: starts at 1
    export_docx(report, tmp_path / "one.docx")
    assert docx.Document(str(tmp_path / "one.docx")).sections[-1]._sectPr.find(qn("w:pgNumType")) is not None


def _signature_lines(path) -> list[tuple[str, float]]:
    with pdfplumber.open(str(path)) as pdf:
        lines = {}
        for page in pdf.pages:
            for word in page.extract_words():
                lines.setdefault((page.page_number, round(word["top"])), []).append(word["text"])
    return [(" ".join(words), key[0] * 10000 + key[1]) for key, words in sorted(lines.items())]


def test_concurrent_title_stands_above_the_name_after_the_signing_space(tmp_path):
    report = copy.deepcopy(sample_report())
    report.signature.concurrent_title = "Phó Chủ tịch UBND tỉnh"
    export_pdf(report, tmp_path / "s.pdf")
    lines = _signature_lines(tmp_path / "s.pdf")
    at = {text: top for text, top in lines}
    title = next(top for text, top in lines if text.endswith(report.signature.title.upper()))
    concurrent = at["PHÓ CHỦ TỊCH UBND TỈNH"]
    name = next(top for text, top in lines if text.endswith(report.signature.name))
    assert concurrent - title > 60  # the signing space (30 mm ≈ 85 pt) lies between
    assert 0 < name - concurrent < 25  # the name on the next line
    export_docx(report, tmp_path / "s.docx")
    texts = [p.text for t in docx.Document(str(tmp_path / "s.docx")).tables for c in t._cells
             for p in c.paragraphs]
    assert texts.index("PHÓ CHỦ TỊCH UBND TỈNH") == texts.index(report.signature.name) - 1
