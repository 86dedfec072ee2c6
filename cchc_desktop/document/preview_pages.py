"""The page around one place of the report, fast enough to follow the clerk's typing.

The preview beside the text (gui/split_preview.py) shows the page holding the paragraph at the
cursor, updated after each pause.  A whole export of the 60-page long report takes about 0.3 s,
about half of it drawing pages nobody looks at then.  ``render_near`` lays out every page before
the target exactly as the export does (so the page breaks are the export's), but draws only from
the page before the one the target stood on last time, and stops one page after the target's.
The pages it leaves blank are filled by ``render_all`` while the clerk still pauses.

Reportlab has no hook for this, so two wrappers are installed once; they do nothing unless a
preview rendering runs in the same thread: ``Flowable.drawOn`` draws or only notes the page, and
``BaseDocTemplate.handle_flowable`` gives up for a newer request and stops after the target.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..core.model import Report
from ..core.vietnamese import nfc
from . import layout as lay

SNIPPET = 48  # characters of an appendix row looked for in the table's pieces


class Cancelled(Exception):
    """A newer request overtook the rendering in progress."""


@dataclass(frozen=True)
class Target:
    """The place shown: a layout source key (layout.HEADER, NARRATIVE, SIGNATURE, APPENDIX);
    for an appendix table, ``row`` is the body row at the cursor (-1: the form's start)."""

    key: tuple = (lay.HEADER,)
    row: int = -1


@dataclass
class Pages:
    pdf: bytes
    page: int  # 0-based page showing the target
    complete: bool  # every page drawn (else only those around ``page``)
    count: int  # pages in the PDF (a partial one stops a page after the target's)
    places: dict[tuple, int] = field(default_factory=dict)  # first page of every block seen
    seconds: float = 0.0


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", nfc(text)).strip().casefold()


def row_words(report: Report, form: int, row: int) -> tuple[str, int]:
    """What identifies an appendix row on paper: the start of its indicator (or first text) cell,
    and how many rows before it in the form start the same (a form may repeat a name)."""
    if not 0 <= form < len(report.appendices):
        return "", 0
    table = report.appendices[form].table
    if not 0 <= row < len(table.body):
        return "", 0
    column = table.column_index("indicator")

    def words(cells) -> str:
        texts = [cells[column].text] if column is not None and column < len(cells) else []
        texts += [c.text for c in cells if re.search(r"[^\W\d_]", c.text)]
        return _squash(next((t for t in texts if t.strip()), ""))[:SNIPPET]

    wanted = words(table.body[row].cells)
    return wanted, sum(words(r.cells) == wanted for r in table.body[:row]) if wanted else 0


def _source_keys(blocks: list) -> list[tuple]:
    keys: list[tuple] = []
    for block in blocks:
        if isinstance(block, lay.KeepTogether):
            keys += _source_keys(block.blocks)
        elif getattr(block, "source", None) is not None:
            keys.append(block.source)
    return keys


def resolve(keys: list[tuple], wanted: tuple) -> tuple:
    """The printed block nearest before ``wanted`` (an empty paragraph prints nothing)."""
    before = [key for key in keys if key <= wanted]
    return max(before) if before else (lay.HEADER,)


def _cell_text(cell) -> str:
    if isinstance(cell, str):
        return cell
    return "".join(getattr(getattr(item, "para", None), "text", "") for item in cell or ())


class _Rendering:
    """What one rendering wants and has seen; lives on this thread while reportlab builds."""

    def __init__(self, key: tuple, row: tuple[str, int], first_drawn: int, stop: bool,
                 cancelled: Callable[[], bool]) -> None:
        self.key = key
        self.row_text, self.row_left = row  # the row's words; rows before it with the same words
        self.first_drawn = first_drawn
        self.stop = stop
        self.cancelled = cancelled
        self.page: int | None = None  # where the target was found
        self.truncated = False  # stopped after the target's page
        self.places: dict[tuple, int] = {}

    def draws(self, page: int) -> bool:
        return page >= self.first_drawn and (not self.stop or self.page is None or page <= self.page + 1)

    def done(self, page: int) -> bool:
        return self.stop and self.page is not None and page > self.page + 1

    def seen(self, flowable, page: int) -> None:
        key = _source_of(flowable)
        if key is None:
            return
        self.places.setdefault(key, page)
        if self.page is None and key == self.key and self._holds_row(flowable):
            self.page = page

    def _holds_row(self, flowable) -> bool:
        if not self.row_text or not hasattr(flowable, "_cellvalues"):
            return True
        for row in flowable._cellvalues[getattr(flowable, "repeatRows", 0) or 0:]:
            if any(_squash(_cell_text(cell)).startswith(self.row_text) for cell in row if cell):
                if self.row_left == 0:
                    return True
                self.row_left -= 1
        return False


def _source_of(flowable) -> tuple | None:
    para = getattr(flowable, "para", None)
    if para is not None:
        return para.source
    ident = getattr(flowable, "ident", None)
    found = _IDENT.match(ident) if isinstance(ident, str) else None  # a split piece's ends in "[n]"
    return tuple(int(part) for part in found.group(1).split(",")) if found else None


_IDENT = re.compile(r"cchc:(\d+(?:,\d+)*)")


_local = threading.local()
_installed = False
_LINES: dict = {}  # pdf_flowables.line_memo across the renderings of this process


def _install() -> None:
    global _installed
    if _installed:
        return
    from reportlab.platypus.doctemplate import BaseDocTemplate
    from reportlab.platypus.flowables import Flowable

    draw_on, handle_flowable = Flowable.drawOn, BaseDocTemplate.handle_flowable

    def gated_draw_on(self, canvas, x, y, _sW=0):  # noqa: N803 - reportlab's name
        rendering = getattr(_local, "rendering", None)
        if rendering is None:
            return draw_on(self, canvas, x, y, _sW)
        page = canvas.getPageNumber() - 1
        rendering.seen(self, page)
        if rendering.draws(page):
            return draw_on(self, canvas, x, y, _sW)
        return None

    def checked_handle_flowable(self, flowables):
        rendering = getattr(_local, "rendering", None)
        if rendering is not None:
            if rendering.cancelled():
                raise Cancelled()
            if rendering.done(self.page - 1):
                del flowables[:]  # the build ends here, the PDF is closed as usual
                rendering.truncated = True
                return None
        return handle_flowable(self, flowables)

    Flowable.drawOn = gated_draw_on
    BaseDocTemplate.handle_flowable = checked_handle_flowable
    _installed = True


def _never() -> bool:
    return False


def _render(doc: lay.Document, key: tuple, row: tuple[str, int], first_drawn: int, stop: bool,
            cancelled: Callable[[], bool]) -> Pages:
    from . import pdf_flowables, pdf_writer

    started = time.perf_counter()
    rendering = _Rendering(key, row, first_drawn, stop, cancelled)
    _install()
    _local.rendering = rendering
    if len(_LINES) > 20_000:  # a day of typing: start again rather than grow
        _LINES.clear()
    pdf_flowables.line_memo = _LINES
    try:
        pdf, count = pdf_writer.pdf_bytes_counted(doc)
    finally:
        _local.rendering = None
        pdf_flowables.line_memo = None
    page = rendering.page if rendering.page is not None else rendering.places.get(key, 0)
    complete = first_drawn <= 0 and not rendering.truncated
    return Pages(pdf, page, complete, count, rendering.places, time.perf_counter() - started)


def layout_of(report: Report) -> lay.Document:
    """The page description both renderings draw (the worker lays a report out once for both)."""
    from .export import pdf_layout

    return pdf_layout(report, check_limits=False)


def _place(report: Report, doc: lay.Document, target: Target) -> tuple[tuple, tuple[str, int]]:
    """The printed block standing for ``target``, and the appendix row's words and rank."""
    key = resolve(_source_keys(doc.blocks), target.key)
    row = row_words(report, key[1], target.row) if key[0] == lay.APPENDIX and len(key) > 2 else ("", 0)
    return key, row


def render_all(report: Report, target: Target = Target(), cancelled: Callable[[], bool] = _never,
               doc: lay.Document | None = None) -> Pages:
    """Every page, and the page of ``target`` (and of every block: ``places``)."""
    doc = doc or layout_of(report)
    return _render(doc, *_place(report, doc, target), 0, False, cancelled)


def render_near(report: Report, target: Target, places: dict[tuple, int] | None = None,
                cancelled: Callable[[], bool] = _never, doc: lay.Document | None = None) -> Pages:
    """The pages around ``target`` only: drawn from the page before the one the target (or the
    block before it) stood on in ``places`` (an earlier complete rendering), up to the page after
    the target's.  If the text moved the target before that page, it is drawn again from there."""
    doc = doc or layout_of(report)
    key, row = _place(report, doc, target)
    known = [page for place, page in (places or {}).items() if place <= key]
    start = max(0, (places or {}).get(key, max(known, default=0)) - 1)
    pages = _render(doc, key, row, start, True, cancelled)
    if pages.page < start:  # the target moved up (text deleted above it): draw its page
        seconds = pages.seconds
        pages = _render(doc, key, row, max(0, pages.page - 1), True, cancelled)
        pages.seconds += seconds
    return pages
