"""A "word" of 20,000 characters without a space (a pasted hash or link, a key held down) exports
to PDF in linear time, cut at the column's width, every character kept (issue 22, task 9).

The time figures (10,000 / 20,000 / 40,000 characters) are in benchmarks/bench_reliability.py
(section ``longword``); here only a generous timeout guards against the old quadratic cutting.
"""

from __future__ import annotations

import copy
import random

import pdfplumber
import pytest

from cchc_desktop.core.indicators import new_row
from cchc_desktop.core.model import Block, BlockRole, Run
from cchc_desktop.document.export import export_pdf
from cchc_desktop.document.fonts import register
from cchc_desktop.document.linebreak import break_lines, words_of
from cchc_desktop.store.exchange import exchange_text

from .helpers import sample_report

LENGTH = 20_000
# Letters the word is made of; those the report's other text uses are left out, so the word's
# characters can be picked out of the PDF's whole text (page numbers, repeated table headers).
CANDIDATES = "ẳẵặỹỵỷẩẫậẻẽẹỉĩịỏõọỗổộởỡợủũụửữựƯǍǎ"


def _letters(report) -> str:
    used = set(exchange_text(report))
    letters = "".join(c for c in CANDIDATES if c not in used)
    assert len(letters) >= 5
    return letters


def _word(letters: str, length: int = LENGTH) -> str:
    rnd = random.Random(22)  # not periodic: a lost or doubled line would show
    return "".join(rnd.choice(letters) for _ in range(length))


def _pdf_letters(path, letters: str) -> str:
    """The PDF's characters among ``letters``, in the order they are drawn."""
    keep = set(letters)
    with pdfplumber.open(str(path)) as pdf:
        return "".join(c["text"] for page in pdf.pages for c in page.chars if c["text"] in keep)


@pytest.mark.timeout(60)
def test_long_word_in_a_paragraph(tmp_path):
    report = copy.deepcopy(sample_report())
    letters = _letters(report)
    word = _word(letters)
    # Two faces inside the one word: the cut must cross the runs too.
    report.parts[0].blocks.append(Block(BlockRole.PARAGRAPH, [Run(word[:7_000]), Run(word[7_000:], bold=True)]))
    export_pdf(report, tmp_path / "long.pdf")
    assert _pdf_letters(tmp_path / "long.pdf", letters) == word


@pytest.mark.timeout(60)
def test_long_word_in_a_table_cell(tmp_path):
    report = copy.deepcopy(sample_report())
    letters = _letters(report)
    word = _word(letters)
    table = report.appendix.table
    table.rows.append(new_row(table, tt="99", indicator=word, unit="", value=""))
    export_pdf(report, tmp_path / "cell.pdf")
    assert _pdf_letters(tmp_path / "cell.pdf", letters) == word


def test_long_word_lines_fit_the_column():
    """Each line of the cut word fits and is full (but the last, and one ending after a hyphen:
    less than one character's width left)."""
    register()
    word = _word("abcdefghiklmnopqrstuvxyWMỦ-", 5_000)
    widest = 13.0  # no letter here is wider than 1 em at 13 pt
    for width in (30.0, 170.0, 468.0):
        words = words_of([Run(word[:1_234]), Run(word[1_234:], italic=True)], 13, False, False)
        lines = break_lines(words, width - 20, width)
        assert "".join(p.text for line in lines for w in line.words for p in w.pieces) == word
        for index, line in enumerate(lines):
            room = width - 20 if index == 0 else width
            assert line.natural <= room + 1e-6
            if index < len(lines) - 1 and not line.words[-1].pieces[-1].text.endswith("-"):
                assert line.natural > room - widest
