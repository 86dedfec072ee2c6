"""Any report (tests/strategies.py): its DOCX and its PDF hold every word, footnotes included.

The writers are slow next to the codec, so this property runs a modest number of examples
whatever the profile says.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from hypothesis import HealthCheck, Phase, given, settings

from cchc_desktop.document.export import docx_bytes, pdf_bytes
from cchc_desktop.document.fonts import face, register

from ..strategies import reports
from .helpers import docx_parts_text, missing_in_order, pdf_text, report_words, tokens

SETTINGS = settings(max_examples=25, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink], suppress_health_check=[HealthCheck.too_slow,
                                                                             HealthCheck.data_too_large])


def _printable_in_pdf():
    """Characters our PDF font draws and pdfplumber reads back one for one: those with a glyph in
    every face, not combining marks (drawn over their base, read back in any order), not
    right-to-left letters (read back reversed)."""
    from reportlab.pdfbase import pdfmetrics

    register()
    maps = [pdfmetrics.getFont(face(b, i)).face.charToGlyph for b in (0, 1) for i in (0, 1)]

    def ok(char: str) -> bool:
        code = ord(char)
        return (all(code in cmap and cmap[code] for cmap in maps)
                and not unicodedata.category(char).startswith("M")
                and unicodedata.bidirectional(char) not in ("R", "AL", "AN"))

    return ok


def _squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


def _find_in_order(expected: list[str], text: str) -> list[str]:
    """Tokens not found, in order, as pieces of ``text`` (spaces removed on both sides: a word too
    long for its line or its cell is cut between two lines)."""
    missing, position = [], 0
    for token in expected:
        found = text.find(token, position)
        if found < 0:
            missing.append(token)
        else:
            position = found + len(token)
    return missing


@SETTINGS
@given(reports())
def test_docx_holds_every_word_footnotes_included(tmp_path_factory, report):
    path = tmp_path_factory.mktemp("prop") / "r.docx"
    path.write_bytes(docx_bytes(report, heading1_capitals=False))
    body, cells, notes = report_words(report, heading1_capitals=False)
    text, footnotes = docx_parts_text(path)
    ours = tokens(text)
    assert missing_in_order(body, ours) == []
    assert missing_in_order(cells, ours) == []
    assert missing_in_order(notes, tokens(" ".join(footnotes))) == []


@SETTINGS
@given(reports())
def test_pdf_holds_every_word_footnotes_included(tmp_path_factory, report):
    path = tmp_path_factory.mktemp("prop") / "r.pdf"
    path.write_bytes(pdf_bytes(report, heading1_capitals=False))
    ok = _printable_in_pdf()
    body, cells, notes = (
        [t for t in group if all(ok(ch) for ch in t)] for group in report_words(report, heading1_capitals=False))
    text = _squeeze(pdf_text(path))
    assert _find_in_order(body, text) == []
    assert _find_in_order(notes, text) == []
    # Table cells wrap side by side, so a cut word's pieces interleave with its neighbours': count letters.
    have = Counter(text)
    need = Counter("".join(cells))
    assert not need - have
