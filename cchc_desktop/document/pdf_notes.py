"""Footnotes in the PDF: at the foot of the page where their reference mark falls, as LibreOffice
lays out our DOCX's footnotes.

How: a paragraph's height while it is being placed includes the notes its lines refer to (and the
separator when they are the page's first notes), so that the frame only takes it when line and note
fit together, and the paragraph splits before a line whose note would not fit (that line moves to
the next page with its note).  Once placed, ``NoteFrame`` gives the body the room back and raises
the frame's bottom instead; at the end of the page the notes are drawn over the bottom margin's edge
with a short separator above them.  A note taller than a whole page continues on the next page.
"""

from __future__ import annotations

import threading

from reportlab.platypus import Frame

from . import measures as m
from .layout_types import Note, Para, Span

_local = threading.local()


class NoteArea:
    """The notes of the page being built (one per PDF build)."""

    def __init__(self) -> None:
        self.width = m.mm_to_pt(m.TEXT_WIDTH_MM)
        self.placed: list = []  # TextBlocks of the notes on this page
        self.carry: list = []  # note lines continued from the previous page
        self._blocks: dict[int, object] = {}

    # -- measuring
    def block(self, note: Note):
        from .pdf_flowables import TextBlock

        key = (note.number, round(self.width, 2))
        block = self._blocks.get(key)
        if block is None:
            para = Para(note.para.role, [Span(f"{note.number} ")] + list(note.para.runs), note.para.overrides)
            block = self._blocks[key] = TextBlock(para, in_cell=True)
            block.wrap(self.width, 1e9)
        return block

    def height(self, notes: list[Note]) -> float:
        """Room the body gives up for ``notes`` on this page (the separator with the first ones)."""
        if not notes:
            return 0.0
        h = sum(self.block(n).height for n in notes)
        return h + (0.0 if self.placed else m.NOTE_AREA_EXTRA_PT + m.NOTE_DISTANCE_PT)

    def reserved(self) -> float:
        if not self.placed:
            return 0.0
        return sum(b.height for b in self.placed) + m.NOTE_AREA_EXTRA_PT + m.NOTE_DISTANCE_PT

    def place(self, notes: list[Note]) -> None:
        self.placed += [self.block(n) for n in notes]

    # -- drawing at the end of the page
    def draw(self, canvas, x: float, bottom: float) -> None:
        if not self.placed:
            return
        y = bottom + m.NOTE_BOTTOM_GAP_PT  # the last note's line box ends here (LibreOffice)
        total = sum(b.height for b in self.placed)
        top = y + total
        for block in self.placed:
            top -= block.height
            block.drawOn(canvas, x, top)
        rule_y = y + total + m.NOTE_RULE_GAP_PT + m.RULE_WEIGHT_PT / 2
        canvas.saveState()
        canvas.setLineWidth(m.RULE_WEIGHT_PT)
        canvas.line(x, rule_y, x + self.width * m.NOTE_RULE_FRACTION, rule_y)
        canvas.restoreState()
        self.placed = []


def current() -> NoteArea | None:
    return getattr(_local, "area", None)


def begin() -> NoteArea:
    _local.area = NoteArea()
    return _local.area


def end() -> None:
    _local.area = None


def notes_of(flowable) -> list[Note]:
    """The notes a just-placed flowable brings to this page (a paragraph or a heading group)."""
    collect = getattr(flowable, "page_notes", None)
    return collect() if collect is not None else []


class NoteFrame(Frame):
    """A frame whose bottom rises by the height of the notes placed on its page."""

    def _reset(self):
        Frame._reset(self)
        self._y1p = self._y1 + self._bottomPadding  # a new page: no notes yet

    def add(self, flowable, canv, trySplit=0):
        area = current()
        if area is None:
            return Frame.add(self, flowable, canv, trySplit)
        area.width = self._getAvailableWidth()
        before = area.reserved()
        placed = Frame.add(self, flowable, canv, trySplit)
        if placed:
            notes = notes_of(flowable)
            if notes:
                area.place(notes)
                grown = area.reserved() - before
                self._y += grown  # the flowable's height counted its notes: give that room back
                self._y1p += grown  # … and take it from the bottom instead
        return placed
