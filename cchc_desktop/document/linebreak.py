"""Line breaking the way LibreOffice does it for our DOCX, so the PDF has the same lines.

Rules (field notes, and measured against LibreOffice 7.4): break at any space (even before "/VHTT");
after a hyphen inside a word when a letter or digit follows
("…/KH-" | "UBND", "2019-" | "2025"); never after "/" or "."; a word wider than the line is cut
between characters.  Widths come from the same TrueType metrics LibreOffice uses; justified
lines only stretch spaces (never shrink them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import stringWidth

from . import measures as m
from .fonts import face


_WIDTHS: dict[tuple[str, str], float] = {}  # (font, text) → width at 1 pt; words repeat a lot


def text_width(text: str, font: str, size: float) -> float:
    key = (font, text)
    width = _WIDTHS.get(key)
    if width is None:
        width = _WIDTHS[key] = stringWidth(text, font, 1000) / 1000
        if len(_WIDTHS) > 200_000:
            _WIDTHS.clear()
    return width * size


class Piece:
    """A stretch of text in one face; its width is measured once."""

    __slots__ = ("text", "font", "size", "width", "rise", "note")

    def __init__(self, text: str, font: str, size: float, rise: float = 0.0, note=None):
        self.text, self.font, self.size, self.rise = text, font, size, rise
        self.note = note  # the footnote whose reference mark this piece is
        self.width = text_width(text, font, size)


class Word:
    """Text between two spaces (may mix faces), with the width of the space that follows it."""

    __slots__ = ("pieces", "space", "width")

    def __init__(self, pieces: list[Piece], space: float = 0.0):
        self.pieces = pieces
        self.space = space  # 0 at the end of the paragraph
        self.width = sum(p.width for p in pieces)

    def add(self, piece: Piece) -> None:
        self.pieces.append(piece)
        self.width += piece.width


@dataclass
class Line:
    words: list[Word] = field(default_factory=list)
    last: bool = False  # the paragraph's last line: never justified

    @property
    def notes(self) -> list:
        return [p.note for w in self.words for p in w.pieces if p.note is not None]

    @property
    def natural(self) -> float:
        if not self.words:
            return 0.0
        return sum(w.width for w in self.words) + sum(w.space for w in self.words[:-1])


def words_of(runs, size: float, style_bold: bool, style_italic: bool) -> list[Word]:
    """Split runs into words at ASCII spaces; a no-break space stays inside its word."""
    words: list[Word] = [Word([])]
    for run in runs:
        font = face(style_bold or run.bold, style_italic or run.italic)
        parts = run.text.split(" ")
        for index, part in enumerate(parts):
            if index > 0:
                words[-1].space = text_width(" ", font, size)
                words.append(Word([]))
            if part:
                words[-1].add(Piece(part, font, size))
        note = getattr(run, "note", None)
        if note is not None:
            # The reference mark: a superscript number right after the text, in the paragraph's face.
            words[-1].add(Piece(str(note.number), face(style_bold, style_italic), size * m.SUPERSCRIPT_SCALE,
                                size * m.SUPERSCRIPT_RISE, note))
    if words and not words[-1].pieces and len(words) > 1:
        words.pop()  # trailing space
    words[-1].space = 0.0
    return words


def _break_points(text: str) -> list[int]:
    """Indices after which a line may break inside a word (after a hyphen before a letter or digit)."""
    return [i + 1 for i in range(1, len(text) - 1) if text[i] == "-" and text[i - 1] != " "
            and text[i + 1].isalnum()]


def _split_word(word: Word, cut: int) -> tuple[Word, Word]:
    """Cut ``word`` after character ``cut`` (counted over all pieces)."""
    head, tail, seen = [], [], 0
    for piece in word.pieces:
        n = len(piece.text)
        if seen + n <= cut:
            head.append(piece)
        elif seen >= cut:
            tail.append(piece)
        else:
            k = cut - seen
            head.append(Piece(piece.text[:k], piece.font, piece.size, piece.rise))
            tail.append(Piece(piece.text[k:], piece.font, piece.size, piece.rise, piece.note))
        seen += n
    return Word(head, 0.0), Word(tail, word.space)


def _fit_cut(word: Word, room: float, cuts: list[int]) -> int | None:
    """The longest cut whose head fits in ``room``."""
    for cut in reversed(cuts):
        if _split_word(word, cut)[0].width <= room + 1e-6:
            return cut
    return None


def break_lines(words: list[Word], first_width: float, width: float) -> list[Line]:
    """Greedy filling, as LibreOffice does."""
    lines: list[Line] = [Line()]
    pending = list(words)
    used = 0.0  # natural width of the current line so far, including the last word's space
    while pending:
        word = pending.pop(0)
        avail = max(first_width if len(lines) == 1 else width, 1.0)  # a cell narrower than its padding
        line = lines[-1]
        if used + word.width <= avail + 1e-6 or not word.pieces:
            line.words.append(word)
            used += word.width + word.space
            continue
        text = "".join(p.text for p in word.pieces)
        cut = _fit_cut(word, avail - used, _break_points(text))
        if cut is not None:
            head, tail = _split_word(word, cut)
            line.words.append(head)
            pending.insert(0, tail)
        elif line.words:
            pending.insert(0, word)
        else:
            # A word wider than the whole line: cut it between characters (at least one).
            cut = _fit_cut(word, avail, list(range(1, len(text)))) or 1
            head, tail = _split_word(word, cut)
            line.words.append(head)
            pending.insert(0, tail)
        lines.append(Line())
        used = 0.0
    if not lines[-1].words and len(lines) > 1:
        lines.pop()
    lines[-1].last = True
    return lines
