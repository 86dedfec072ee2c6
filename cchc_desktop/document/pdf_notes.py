"""Footnotes in the PDF: at the foot of the page where their reference mark falls, as LibreOffice
lays out our DOCX's footnotes.

How: a paragraph's height while it is being placed includes the notes its lines refer to (and the
separator when they are the page's first notes), so that the frame only takes it when line and note
fit together, and the paragraph splits before a line whose note would not fit (that line moves to
the next page with its note).  Once placed, ``NoteFrame`` gives the body the room back and raises
the frame's bottom instead; at the end of the page the notes are drawn over the bottom margin's edge
with a short separator above them.  A paragraph line whose note is taller than what a page can hold keeps its note on its page
anyway (drawn over the margin's edge): LibreOffice would continue the note on the next page.
A note that continues on the next page takes the rest of its own (no body text below its
reference line), as LibreOffice and Word lay out a long note.
"""

from __future__ import annotations

import threading

from reportlab.platypus import Frame, Table

from . import measures as m
from .layout_types import Note, Para, Span

_local = threading.local()


class NoteArea:
    """The notes of the page being built (one per PDF build)."""

    def __init__(self) -> None:
        self.width = m.mm_to_pt(m.TEXT_WIDTH_MM)
        self.cap = 1e9  # most room notes may take on a page (half the frame): the rest continues
        self.placed: list = []  # TextBlocks of the notes on this page
        self.room = 0.0  # what the body gave up for them (separator included)
        self.carry: list = []  # note lines continued from the previous page
        self.done: set[int] = set()  # numbers of the notes already placed (a table's repeated header)
        self._blocks: dict = {}

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
        notes = [n for n in notes if n.number not in self.done]
        if not notes:
            return 0.0
        h = sum(self.block(n).height for n in notes)
        h += 0.0 if self.placed else m.NOTE_AREA_EXTRA_PT + m.NOTE_DISTANCE_PT
        return max(0.0, min(h, self.cap - self.room))

    def min_height(self, notes: list[Note]) -> float:
        """The least room ``notes`` need here: all but the last whole, the last's first line."""
        notes = [n for n in notes if n.number not in self.done]
        if not notes:
            return 0.0
        h = sum(self.block(n).height for n in notes[:-1]) + self.block(notes[-1]).s.pitch
        return h + (0.0 if self.placed else m.NOTE_AREA_EXTRA_PT + m.NOTE_DISTANCE_PT)

    def overflows(self) -> bool:
        """Whether the notes placed on this page are taller than their room (the rest continues)."""
        need = sum(b.height for b in self.placed) + m.NOTE_AREA_EXTRA_PT + m.NOTE_DISTANCE_PT
        return need > self.room + 0.01

    def reserved(self) -> float:
        return self.room

    def place(self, notes: list[Note], room: float | None = None) -> None:
        fresh = [n for n in notes if n.number not in self.done]
        if not fresh:
            return
        full = self.height(fresh)
        self.room += full if room is None else min(full, room)
        self.done |= {n.number for n in fresh}
        self.placed += [self.block(n) for n in fresh]

    def start_page(self, frame_height: float) -> float:
        """A new page: notes continued from the last one come first; returns the room they take."""
        self.cap = frame_height / 2
        self.placed, self.room = [], 0.0
        if self.carry:
            self.placed, self.carry = self.carry, []
            self.room = min(sum(b.height for b in self.placed) + m.NOTE_AREA_EXTRA_PT + m.NOTE_DISTANCE_PT,
                            self.cap)
        return self.room

    # -- drawing at the end of the page
    def draw(self, canvas, x: float, bottom: float) -> None:
        if not self.placed:
            return
        avail = self.room - m.NOTE_AREA_EXTRA_PT - m.NOTE_DISTANCE_PT
        shown, used = [], 0.0
        pending = list(self.placed)
        while pending:
            block = pending.pop(0)
            if used + block.height <= avail + 1e-6:
                shown.append(block)
                used += block.height
                continue
            parts = block.split(self.width, avail - used)
            if parts:
                head, tail = parts
                head.wrap(self.width, 1e9)
                tail.wrap(self.width, 1e9)
                shown.append(head)
                used += head.height
                pending.insert(0, tail)
            self.carry = pending + self.carry
            break
        y = bottom + m.NOTE_BOTTOM_GAP_PT  # the last note's line box ends here (LibreOffice)
        top = y + used
        for block in shown:
            top -= block.height
            block.drawOn(canvas, x, top)
        rule_y = y + used + m.NOTE_RULE_GAP_PT + m.RULE_WEIGHT_PT / 2
        canvas.saveState()
        canvas.setLineWidth(m.RULE_WEIGHT_PT)
        canvas.line(x, rule_y, x + self.width * m.NOTE_RULE_FRACTION, rule_y)
        canvas.restoreState()
        self.placed, self.room = [], 0.0


def current() -> NoteArea | None:
    return getattr(_local, "area", None)


def begin() -> NoteArea:
    _local.area = NoteArea()
    return _local.area


def end() -> None:
    _local.area = None


def last_attempt() -> tuple:
    """(the flowable a frame last tried to add, what it was last split into) on this thread: kept
    here, not on the frame, since reportlab deep-copies frames while measuring KeepTogether."""
    return getattr(_local, "last_added", None), getattr(_local, "last_split", None)


def forget_attempt() -> None:
    _local.last_added = _local.last_split = None


def notes_of(flowable) -> list[Note]:
    """The notes a just-placed flowable brings to this page (a paragraph or a heading group)."""
    collect = getattr(flowable, "page_notes", None)
    return collect() if collect is not None else []


class NoteFrame(Frame):
    """A frame whose bottom rises by the height of the notes placed on its page."""

    def _reset(self):
        Frame._reset(self)
        self._y1p = self._y1 + self._bottomPadding  # a new page: no notes yet …
        area = current()
        if area is not None:  # … but those continued from the page before
            self._y1p += area.start_page(self._y2 - self._y1)

    def split(self, flowable, canv):
        flowable._at_top = self._atTop  # a group that cannot split on an empty page comes apart
        parts = Frame.split(self, flowable, canv)
        _local.last_split = parts  # for the writer's safety net (pdf_writer.Document)
        return parts

    def add(self, flowable, canv, trySplit=0):
        _local.last_added = flowable  # for the writer's safety net (pdf_writer.Document)
        area = current()
        if area is None:
            return Frame.add(self, flowable, canv, trySplit)
        area.width = self._getAvailableWidth()
        before = area.reserved()
        placed = Frame.add(self, flowable, canv, trySplit)
        if placed:
            notes = notes_of(flowable)
            if notes:
                area.place(notes, getattr(flowable, "note_room", None))
                grown = area.reserved() - before
                self._y += grown  # the flowable's height counted its notes: give that room back
                self._y1p += grown  # … and take it from the bottom instead
                if area.overflows() and self._y > self._y1p:
                    # A note that continues on the next page takes the rest of this one (as
                    # LibreOffice and Word lay it out): no body text below its reference line.
                    area.room += self._y - self._y1p
                    self._y1p = self._y
        return placed


class NoteTable(Table):
    """A bordered table whose cells may hold footnote marks: like a paragraph, it counts the notes
    of its rows into its height while being placed, and brings them to the page it lands on.

    ``shift``: Word and LibreOffice put a table's edge one cell margin left of the text column.
    """

    shift = 0.0

    def _notes(self) -> list[Note]:
        cached = self.__dict__.get("_cchc_notes")  # a table's cells never change once built
        if cached is not None:
            return cached
        notes = []
        for row in self._cellvalues:
            for cell in row:
                for item in cell if isinstance(cell, (list, tuple)) else ():
                    para = getattr(item, "para", None)
                    if para is not None:
                        notes += para.notes
        self._cchc_notes = notes
        return notes

    def page_notes(self) -> list[Note]:
        area = current()
        return [n for n in self._notes() if area is None or n.number not in area.done]

    def wrap(self, availWidth, availHeight):
        width, height = Table.wrap(self, availWidth, availHeight)
        self.text_height = height
        area = current()
        self.height = height + (area.height(self.page_notes()) if area is not None else 0.0)
        return width, self.height

    def split(self, availWidth, availHeight):
        area = current()
        room = availHeight - (area.height(self.page_notes()) if area is not None else 0.0)
        return Table.split(self, availWidth, room)

    def drawOn(self, canvas, x, y, _sW=0):
        below = getattr(self, "height", 0.0) - getattr(self, "text_height", getattr(self, "height", 0.0))
        Table.drawOn(self, canvas, x - self.shift, y + below, _sW)
