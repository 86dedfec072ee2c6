"""A footnote longer than the room left on its page continues at the foot of the next page, and,
as LibreOffice and Word lay it out, takes the rest of its page: no body text follows its reference
line there (issue 24, item 2)."""

from __future__ import annotations

import copy

import pdfplumber

from cchc_desktop.core.model import Run
from cchc_desktop.document.export import export_pdf

from .helpers import sample_report

NOTE = "Chú thích dài về văn bản chỉ đạo của tỉnh và huyện trong kỳ báo cáo, kèm danh sách văn bản. " * 45


def test_a_long_note_takes_the_rest_of_its_page_and_continues(tmp_path):
    report = copy.deepcopy(sample_report())
    blocks = report.sections[0].blocks
    blocks[2].runs.append(Run("", footnote=[Run(NOTE)]))
    following = blocks[3].text.split()[:4]  # "- Phân công trách nhiệm,"
    export_pdf(report, tmp_path / "n.pdf")
    with pdfplumber.open(str(tmp_path / "n.pdf")) as pdf:
        texts = [" ".join(w["text"] for w in page.extract_words()) for page in pdf.pages[:2]]
    assert " ".join(following) not in texts[0]  # nothing under the reference line on page 1
    assert texts[1].startswith("2 " + " ".join(following))  # the next paragraph opens page 2
    assert "văn bản." in texts[1].split(" ".join(following))[1]  # … and the note goes on at its foot
