"""Line breaking the way LibreOffice does it for our DOCX, so the PDF has the same lines.

Rules (field notes, and measured against LibreOffice 7.4): break at any space (even before "/VHTT");
after a hyphen inside a word when a letter or digit follows
("…/KH-" | "UBND", "2019-" | "2025"); never after "/" or "."; a word wider than the line is cut
between characters.  Widths come from the same TrueType metrics LibreOffice uses; justified
lines only stretch spaces (never shrink them).
"""

from __future__ import annotations

from bisect import bisect_right
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


_CHAR_WIDTHS: dict[tuple[str, str], float] = {}  # (font, character) → width at 1 pt


def _char_width(font: str, char: str) -> float:
    key = (font, char)
    width = _CHAR_WIDTHS.get(key)
    if width is None:
        width = _CHAR_WIDTHS[key] = stringWidth(char, font, 1000) / 1000
    return width


class _Cutter:
    """A word too wide for its line, measured once: the width of every prefix (TrueType widths
    add up, reportlab does not kern) and the places a line may break inside it.  Each cut is then
    a binary search, so a 40,000-character "word" (a pasted hash, a URL, a key held down) breaks
    into lines in n log n time instead of re-measuring every prefix for every line."""

    def __init__(self, word: Word):
        self.pieces = word.pieces
        self.starts: list[int] = []  # index of each piece's first character in the word
        cum = [0.0]
        chars: list[str] = []
        for piece in word.pieces:
            self.starts.append(len(chars))
            chars.extend(piece.text)
            total = cum[-1]
            font, size = piece.font, piece.size
            for char in piece.text:
                total += _char_width(font, char) * size
                cum.append(total)
        self.cum = cum  # cum[i]: width of the first i characters
        self.length = len(chars)
        self.breaks = _break_points("".join(chars))
        self.break_widths = [cum[b] for b in self.breaks]

    def width(self, start: int, end: int) -> float:
        return self.cum[end] - self.cum[start]

    def hyphen_cut(self, start: int, room: float) -> int | None:
        """The last break after a hyphen whose head (from ``start``) fits in ``room``."""
        index = bisect_right(self.break_widths, self.cum[start] + room + 1e-6) - 1
        # A hyphen that opens the rest is no break point of it (as for any word).
        if index >= 0 and self.breaks[index] >= start + 2:
            return self.breaks[index]
        return None

    def char_cut(self, start: int, room: float) -> int:
        """The longest head (from ``start``) that fits in ``room``, at least one character (the
        whole rest only when it is a single character wider than the line)."""
        cut = bisect_right(self.cum, self.cum[start] + room + 1e-6, start) - 1
        return min(max(cut, start + 1), max(self.length - 1, start + 1))

    def word(self, start: int, end: int, space: float) -> Word:
        """Characters ``start``…``end`` as a word; a footnote mark stays with its piece's end."""
        pieces = []
        index = max(bisect_right(self.starts, start) - 1, 0)
        while index < len(self.pieces) and self.starts[index] < end:
            piece, first = self.pieces[index], self.starts[index]
            last = first + len(piece.text)
            if last > start:
                if first >= start and last <= end:
                    pieces.append(piece)
                else:
                    a, b = max(start, first) - first, min(end, last) - first
                    pieces.append(Piece(piece.text[a:b], piece.font, piece.size, piece.rise,
                                        piece.note if last <= end else None))
            index += 1
        return Word(pieces, space)


def break_lines(words: list[Word], first_width: float, width: float) -> list[Line]:
    """Greedy filling, as LibreOffice does."""
    lines: list[Line] = [Line()]
    used = 0.0  # natural width of the current line so far, including the last word's space

    def avail() -> float:
        return max(first_width if len(lines) == 1 else width, 1.0)  # a cell narrower than its padding

    for word in words:
        if used + word.width <= avail() + 1e-6 or not word.pieces:
            lines[-1].words.append(word)
            used += word.width + word.space
            continue
        # Too wide for what is left of the line: after a hyphen inside it, else on the next line,
        # else (wider than a whole line) cut between characters, at least one a line.
        cutter = _Cutter(word)
        start = 0
        while True:
            room = avail() - used
            if start and cutter.width(start, cutter.length) <= room + 1e-6:
                rest = cutter.word(start, cutter.length, word.space)
                lines[-1].words.append(rest)
                used += rest.width + rest.space
                break
            cut = cutter.hyphen_cut(start, room)
            if cut is None:
                if lines[-1].words:
                    lines.append(Line())
                    used = 0.0
                    if not start and word.width <= avail() + 1e-6:
                        lines[-1].words.append(word)
                        used = word.width + word.space
                        break
                    continue
                cut = cutter.char_cut(start, room)
                if cut >= cutter.length:  # one character wider than the line: it stands alone
                    rest = cutter.word(start, cut, word.space)
                    lines[-1].words.append(rest)
                    used += rest.width + rest.space
                    break
            lines[-1].words.append(cutter.word(start, cut, 0.0))
            lines.append(Line())
            used = 0.0
            start = cut
    if not lines[-1].words and len(lines) > 1:
        lines.pop()
    lines[-1].last = True
    return lines


def balanced_lines(words: list[str], widths: list[float], space: float, room: float) -> list[str]:
    """``words`` (their ``widths`` and the ``space`` between, in one unit) broken greedily into
    lines of ``room``, as Word would, except that the last line never holds one word alone when
    the line above can give it a word and keep two: "ỦY BAN NHÂN DÂN TỈNH" | "LÂM ĐỒNG", not
    "… TỈNH LÂM" | "ĐỒNG".  Each line is returned as text; a word wider than ``room`` stays whole."""
    if not words:
        return []
    lines: list[list[int]] = [[0]]
    used = widths[0]
    for i in range(1, len(words)):
        if used + space + widths[i] > room:
            lines.append([i])
            used = widths[i]
        else:
            lines[-1].append(i)
            used += space + widths[i]

    def width(line: list[int]) -> float:
        return sum(widths[i] for i in line) + space * (len(line) - 1)

    last, above = (lines[-1], lines[-2]) if len(lines) > 1 else (lines[-1], [])
    while len(last) < 2 and len(above) > 2 and width([above[-1]] + last) <= room:
        last.insert(0, above.pop())
    return [" ".join(words[i] for i in line) for line in lines]
