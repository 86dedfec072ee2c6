"""The preview beside the text: the pages around the cursor are the export's pages, read back."""

from __future__ import annotations

import copy
import importlib.util
import io
from pathlib import Path

import pypdf
import pytest

from cchc_desktop.core.model import BlockRole
from cchc_desktop.document import layout as lay
from cchc_desktop.document import preview_pages as pp
from cchc_desktop.document.export import pdf_bytes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def report():
    spec = importlib.util.spec_from_file_location("long_report", ROOT / "benchmarks" / "long_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_long_report(parts=8, rows=120)


@pytest.fixture(scope="module")
def export_pages(report) -> list[str]:
    return _texts(pdf_bytes(report))


def _texts(data: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def _text_of(block) -> str:
    return " ".join(block.text.split())


def _page_with(pages: list[str], words: str) -> int:
    found = [i for i, text in enumerate(pages) if words in text]
    assert found, words
    return found[0]


def _paragraph_places(report):
    """(part, block) of paragraphs with long unique text, spread over the report."""
    places = []
    seen: set[str] = set()
    for p, part in enumerate(report.parts):
        for b, block in enumerate(part.blocks):
            words = " ".join(_text_of(block).split()[:7])
            if block.role in (BlockRole.PARAGRAPH, BlockRole.BULLET) and len(words) > 30 and words not in seen:
                seen.add(words)
                places.append((p, b, words))
    return places


def test_the_page_near_the_cursor_is_the_exports_page(report, export_pages) -> None:
    whole = pp.render_all(report)
    assert whole.complete and whole.count == len(export_pages)
    places = _paragraph_places(report)
    for p, b, words in places[:: max(1, len(places) // 12)]:
        expected = _page_with(export_pages, words)
        near = pp.render_near(report, pp.Target((lay.NARRATIVE, p, b)), whole.places)
        assert near.page == expected, (p, b, words)
        pages = _texts(near.pdf)
        assert pages[near.page] == export_pages[expected]  # drawn as the export draws it
        assert not near.complete and near.count <= expected + 3  # stopped after the next page
        assert not any(pages[: max(0, expected - 1)])  # pages far before it are not drawn


def test_without_a_hint_it_still_finds_the_page_and_stops_early(report, export_pages) -> None:
    p, b, words = _paragraph_places(report)[3]
    near = pp.render_near(report, pp.Target((lay.NARRATIVE, p, b)), {})
    assert near.page == _page_with(export_pages, words)
    assert near.count < len(export_pages)


def test_text_deleted_above_moves_the_target_up_and_it_is_found(report) -> None:
    whole = pp.render_all(report)
    p, b, words = _paragraph_places(report)[-2]
    shorter = copy.deepcopy(report)
    for index, part in enumerate(shorter.parts[: p + 1]):  # the text before the target is deleted
        for block in part.blocks[: b if index == p else None]:
            block.runs = []  # an empty paragraph prints nothing, and the target keeps its index
    # The places of the earlier rendering are stale: the target now stands pages earlier.
    near = pp.render_near(shorter, pp.Target((lay.NARRATIVE, p, b)), whole.places)
    expected = _page_with(_texts(pdf_bytes(shorter)), words)
    assert expected < whole.places[(lay.NARRATIVE, p, b)] - 1
    assert near.page == expected
    assert words in _texts(near.pdf)[near.page]


def test_signature_and_appendix_rows(report, export_pages) -> None:
    whole = pp.render_all(report)
    signature = pp.render_near(report, pp.Target((lay.SIGNATURE,)), whole.places)
    assert report.signature.name in export_pages[signature.page]
    body = report.appendix.table.body
    row = len(body) - 3  # on the appendix's last page
    words, before = pp.row_words(report, 0, row)
    assert before > 0  # the long report repeats its indicators' names: the row is told by its rank
    expected = max(i for i, text in enumerate(export_pages) if words in text.casefold())
    near = pp.render_near(report, pp.Target((lay.APPENDIX, 0, 0), row), whole.places)
    assert near.page == expected > signature.page
    first = pp.render_near(report, pp.Target((lay.APPENDIX, 0, 0), 0), whole.places)
    assert first.page < near.page


def test_an_empty_paragraph_shows_the_block_before_it(report) -> None:
    keys = [(lay.HEADER,), (lay.NARRATIVE, 0, 0), (lay.NARRATIVE, 0, 2), (lay.SIGNATURE,)]
    assert pp.resolve(keys, (lay.NARRATIVE, 0, 1)) == (lay.NARRATIVE, 0, 0)
    assert pp.resolve(keys, (lay.NARRATIVE, 1, 0)) == (lay.NARRATIVE, 0, 2)
    assert pp.resolve(keys, (lay.APPENDIX, 0, 0)) == (lay.SIGNATURE,)


def test_a_newer_request_cancels_the_rendering(report) -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 20  # overtaken after twenty paragraphs

    with pytest.raises(pp.Cancelled):
        pp.render_all(report, cancelled=cancelled)


def test_exports_are_untouched_by_the_preview_hooks(report, export_pages) -> None:
    pp.render_near(report, pp.Target((lay.SIGNATURE,)), {})  # installs the hooks
    assert _texts(pdf_bytes(report)) == export_pages


def test_lines_remembered_between_renderings_follow_every_change(report) -> None:
    """The worker remembers broken lines from one rendering to the next: an edit, a footnote and
    a footnote's new text must all show, never the lines remembered from before."""
    from cchc_desktop.core.model import Run

    edited = copy.deepcopy(report)
    p, b, _words = _paragraph_places(edited)[2]
    target = pp.Target((lay.NARRATIVE, p, b))
    pp.render_near(edited, target, {})
    block = edited.parts[p].blocks[b]
    block.runs[0].text = "Đoạn đã sửa " + block.runs[0].text
    near = pp.render_near(edited, target, {})
    assert "Đoạn đã sửa" in _texts(near.pdf)[near.page]
    block.runs[-1].footnote = [Run("Chú thích thứ nhất")]
    near = pp.render_near(edited, target, {})
    assert "Chú thích thứ nhất" in _texts(near.pdf)[near.page]
    block.runs[-1].footnote = [Run("Chú thích đã đổi")]
    near = pp.render_near(edited, target, {})
    page = _texts(near.pdf)[near.page]
    assert "Chú thích đã đổi" in page and "Chú thích thứ nhất" not in page
    assert _texts(pdf_bytes(edited))[near.page] == page


def test_one_layout_serves_both_renderings(report, export_pages) -> None:
    """The worker lays a report out once: the pages near the cursor, then every page, from it."""
    doc = pp.layout_of(report)
    pp.render_near(report, pp.Target((lay.SIGNATURE,)), {}, doc=doc)
    assert _texts(pp.render_all(report, doc=doc).pdf) == export_pages
