"""reportlab flowables that spell the layout's paragraphs and rules with LibreOffice's line breaks."""

from __future__ import annotations

from reportlab.platypus import Flowable

from . import measures as m
from . import pdf_notes
from .layout import Para, Rule
from .linebreak import Line, break_lines, words_of


# Lines of whole paragraphs already broken, by their runs, style and widths: set (a dict) only
# while the preview beside the text renders (document/preview_pages.py), where most paragraphs are
# the same from one rendering to the next.  Lines are never changed once made (a split part
# makes its own), so sharing them is safe.
line_memo: dict | None = None


def _runs_key(runs) -> tuple:
    """Everything of the runs the lines depend on, footnotes' numbers and runs included (a line
    carries its notes to the page, and they are drawn from it)."""
    return tuple((r.text, r.bold, r.italic, None if r.note is None else (r.note.number, _runs_key(r.note.para.runs)))
                 for r in runs)


class TextBlock(Flowable):
    """One paragraph: exact line pitch, first-line indent, justified lines that never shrink spaces.

    ``in_cell``: spacing before/after is part of the height (table cells keep them, as LibreOffice
    does); in the body it is reported as spaceBefore/spaceAfter so the frame drops it at a page top.
    """

    def __init__(self, para: Para, *, in_cell: bool = False, keep_next: bool | None = None,
                 lines: list[Line] | None = None, first: bool = True, width: float | None = None):
        super().__init__()
        self.para = para
        self.s = para.style
        self.in_cell = in_cell
        self.keepWithNext = self.s.keep_next if keep_next is None else keep_next
        self._lines = lines
        # A split part re-breaks its own words (never the whole paragraph's) at another width.
        self._words = None if lines is None else [w for line in lines for w in line.words]
        self._first = first  # carries the first-line indent and the space before
        self._width = width
        self.spaceBefore = 0 if in_cell or not first else self.s.space_before
        self.spaceAfter = 0 if in_cell else self.s.space_after

    def _indents(self) -> tuple[float, float]:
        left = m.mm_to_pt(self.s.left_indent_mm)
        return left + (m.mm_to_pt(self.s.first_indent_mm) if self._first else 0.0), left

    def _layout(self, width: float) -> list[Line]:
        if self._lines is None or self._width is None or abs(self._width - width) > 0.01:
            first_left, left = self._indents()
            memo = line_memo if self._words is None else None
            key = (_runs_key(self.para.runs), self.s, round(width - first_left, 3), round(width - left, 3))
            lines = memo.get(key) if memo is not None else None
            if lines is None:
                words = self._words or words_of(self.para.runs, self.s.size, self.s.bold, self.s.italic)
                lines = break_lines(words, width - first_left, width - left)
                if memo is not None:
                    memo[key] = lines
            self._lines = lines
            self._width = width
        return self._lines

    def _extra(self) -> float:
        if not self.in_cell:
            return 0.0
        return (self.s.space_before if self._first else 0.0) + self.s.space_after

    def page_notes(self) -> list:
        """The footnotes whose marks stand in this block's lines (none in table cells)."""
        if self.in_cell:
            return []
        return [note for line in self._lines or [] for note in line.notes]

    note_room: float | None = None  # room its notes get on this page when cut (the rest continues)

    def _notes_height(self, notes) -> float:
        area = pdf_notes.current()
        return area.height(notes) if area is not None and notes else 0.0

    def wrap(self, availWidth, availHeight):
        lines = self._layout(availWidth)
        self.width = availWidth
        self.text_height = len(lines) * self.s.pitch + self._extra()
        notes = self._notes_height(self.page_notes())
        if self.note_room is not None:
            notes = min(notes, self.note_room)
        self.height = self.text_height + notes
        return self.width, self.height

    def _cut(self, lines, fit: int, room: float) -> int:
        """LibreOffice keeps a line whose note does not fit beside it when the note's first line
        does (the rest continues on the next page): the most lines that fit so."""
        area = pdf_notes.current()
        if area is None:
            return fit
        best = fit
        for count in range(fit + 1, len(lines) + 1):
            notes = [n for line in lines[:count] for n in line.notes]
            if count * self.s.pitch + area.min_height(notes) > room + 1e-6:
                break
            best = count
        return best

    def split(self, availWidth, availHeight):
        lines = self._layout(availWidth)
        room = availHeight - (self.s.space_before if self.in_cell and self._first else 0.0)
        fit = int((room + 1e-6) // self.s.pitch)
        cut_room = None
        if not self.in_cell:
            lines_fit = fit
            # A line and its whole footnote fit …
            while fit > 0 and fit * self.s.pitch + self._notes_height(
                    [n for line in lines[:fit] for n in line.notes]) > room + 1e-6:
                fit -= 1
            if fit < lines_fit:  # … or the line and its note's first line, the rest continuing
                cut = self._cut(lines, fit, room)
                if cut > fit:
                    fit, cut_room = cut, room - cut * self.s.pitch
                    if fit >= len(lines):
                        whole = TextBlock(self.para, in_cell=False, keep_next=self.keepWithNext,
                                          lines=[Line(list(l.words), l.last) for l in lines],
                                          first=self._first, width=availWidth)
                        whole.spaceBefore, whole.spaceAfter = self.spaceBefore, self.spaceAfter
                        whole.note_room = cut_room
                        return [whole]
        if fit <= 0 or fit >= len(lines):
            return []
        head_lines = [Line(list(l.words), l.last) for l in lines[:fit]]
        head = TextBlock(self.para, in_cell=self.in_cell, keep_next=False, lines=head_lines,
                         first=self._first, width=availWidth)
        head.spaceAfter = 0
        head.note_room = cut_room
        tail = TextBlock(self.para, in_cell=self.in_cell, lines=lines[fit:], first=False,
                         width=availWidth)
        tail.keepWithNext = self.keepWithNext
        return [head, tail]

    def draw(self):
        canvas = self.canv
        s = self.s
        first_left, left = self._indents()
        top = self.text_height - (s.space_before if self.in_cell and self._first else 0.0)
        for index, line in enumerate(self._lines or []):
            x0 = first_left if index == 0 and self._first else left
            avail = self.width - x0
            natural = line.natural
            gaps = len(line.words) - 1
            stretch = 0.0
            if s.align == m.Align.JUSTIFY and not line.last and gaps > 0 and natural < avail:
                stretch = (avail - natural) / gaps
            elif s.align == m.Align.CENTER:
                x0 += (avail - natural) / 2
            elif s.align == m.Align.RIGHT:
                x0 += avail - natural
            # Baseline: the line box is the exact pitch; LibreOffice keeps the descent at its bottom.
            y = top - (index + 1) * s.pitch + m.FONT_DESCENT * s.size
            self._draw_line(line, x0, y, stretch)

    def drawOn(self, canvas, x, y, _sW=0):
        # The box may hold room for this block's notes below the text: draw the text at its top.
        below = getattr(self, "height", 0.0) - getattr(self, "text_height", getattr(self, "height", 0.0))
        super().drawOn(canvas, x, y + below, _sW)

    def _draw_line(self, line: Line, x: float, y: float, stretch: float) -> None:
        """One text object per line, spaces drawn as glyphs so viewers copy and search whole lines.

        Justification uses the PDF word spacing (Tw), which widens the space character; our
        TrueType subsets keep ASCII codes, so the space is byte 32 as Tw requires.
        """
        text = self.canv.beginText(x, y)
        # Word spacing is graphics state and survives the text object: set it on every line.
        text.setWordSpace(stretch)
        last = len(line.words) - 1
        font, chunk = None, []
        for number, word in enumerate(line.words):
            for index, piece in enumerate(word.pieces):
                if (piece.font, piece.size, piece.rise) != font:
                    if chunk:
                        text.textOut("".join(chunk))
                        chunk = []
                    if font is None or piece.rise != font[2]:
                        text.setRise(piece.rise)
                    font = (piece.font, piece.size, piece.rise)
                    text.setFont(piece.font, piece.size)
                chunk.append(piece.text)
                if number < last and index == len(word.pieces) - 1 and word.space:
                    chunk.append(" ")
        if chunk:
            text.textOut("".join(chunk))
        self.canv.drawText(text)


class RuleLine(Flowable):
    """The short centred rule: an empty paragraph whose top border is the line."""

    def __init__(self, rule: Rule, *, in_cell: bool = False):
        super().__init__()
        self.rule = rule
        self.s = m.STYLES["rule"]
        self.in_cell = in_cell
        self.spaceBefore = 0 if in_cell else self.s.space_before

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = self.s.pitch + m.RULE_WEIGHT_PT + (self.s.space_before if self.in_cell else 0.0)
        return self.width, self.height

    def draw(self):
        length = m.mm_to_pt(self.rule.width_mm)
        x0 = (self.width - length) / 2
        y = self.height - (self.s.space_before if self.in_cell else 0.0) - m.RULE_WEIGHT_PT / 2
        self.canv.setLineWidth(m.RULE_WEIGHT_PT)
        self.canv.line(x0, y, x0 + length, y)
