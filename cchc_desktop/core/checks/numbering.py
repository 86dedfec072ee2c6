"""Headings numbered as the document numbers them: I., II. …; 1., 2. under each; 1.1., 1.2.
under 1.; a), b) in a list.  A number that does not follow the one before it ("IV." twice and
no "III.", "2.1" right after "1.3", "a)" then "c)") is reported once, with the expected number
as the fix.  Each level starts again under a new heading of a higher level; "Phần thứ …"
starts everything again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Report
from .base import RULES, Context, Finding, Fix, Severity, rule, text_fields

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
MARKER = re.compile(
    r"^\s*(?:(?P<roman>[IVXL]{1,6})\s*[.\-–]"  # I.  IV.
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2}){1,2})\.?(?=\s|[^\W\d_])"  # 1.2 / 1.2. / 1.2.3 / 2.1.Kết (glued)
    r"|(?P<arabic>\d{1,2})\s*\.(?=\s|[^\W\d_])"  # 1.  1.Tổng
    r"|(?P<letter>[a-zđ])\s*\))"  # a)
)
# "Phần thứ hai", "PHẦN B", "Chương II", "A. CHỈ TIÊU CHUNG": the numbering starts again
PART_GROUP = re.compile(r"^\s*(?:(?i:phần|chương)\s+(?:(?i:thứ)\b|[IVXLA-Z\d]+\b)|[A-HJKM-UWYZĐ]\s*[.\-–]\s|[a-zđ]\s+[-–]\s)")
_CELL_LIKE = re.compile(r"[\s.)]*[\d.,%\s]*")
_BLOCK = re.compile(r"(?:sections|parts)\[\d+\]\.blocks\[\d+\]")
LETTERS = "abcdđeghiklmnopqrstuvxy"  # Vietnamese list order: a b c d đ e …


def roman_value(text: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(text):
        value = ROMAN_VALUES[ch]
        total += -value if value < prev else value
        prev = max(prev, value)
    return total if to_roman(total) == text else None


def to_roman(n: int) -> str:
    out = ""
    for value, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _next_letters(letter: str) -> set[str]:
    """What may follow ``letter``: Vietnamese lists go a b c d đ e …, some skip đ."""
    plain = "abcdefghijklmnopqrstuvwxyz"
    found = set()
    for order in (LETTERS, plain):
        i = order.find(letter)
        if 0 <= i < len(order) - 1:
            found.add(order[i + 1])
    return found


def _run_in(text: str, marker: str, mark: str) -> bool:
    """``marker`` (with ``.`` or ``)``) standing after a sentence inside ``text``: the paragraph
    the import did not split, so the numbering went on there."""
    return re.search(rf"(?:[.:;!?]\s*|\s)-?\s*{re.escape(marker)}\s*{re.escape(mark)}\s*[^\W\d_]", text) is not None


def numbering_problems(items: list[tuple[str, str]]) -> Iterator[tuple[str, int, int, str, str]]:
    """(field, start, end, typed, expected) for (field, text) items in document order."""
    roman = 0
    arabic: int | None = None
    dotted: dict[int, tuple[int, ...]] = {}  # depth -> the last "1.2" / "1.2.3" seen at that depth
    letter: str | None = None
    before = ""  # the text since the last marker: a marker run into it ("… xong. 2. Tuyên truyền …")
    for field, text in items:
        if PART_GROUP.match(text):
            roman, arabic, dotted, letter = 0, None, {}, None
            continue
        match = MARKER.match(text)
        if match is None or _CELL_LIKE.fullmatch(text[match.end():]):
            before += " " + text
            continue  # "1." alone or "2. 450": the cells of a table flattened into paragraphs
        glued, before = before, text
        if match.group("roman"):
            value = roman_value(match.group("roman"))
            if value is None:
                continue
            if value != roman + 1:
                yield field, match.start("roman"), match.end("roman"), match.group("roman"), to_roman(roman + 1)
            roman, arabic, dotted, letter = value, None, {}, None
        elif match.group("arabic"):
            value = int(match.group("arabic"))
            want = 1 if arabic is None else arabic + 1
            if value != want and value != 1 and (arabic is not None or roman) and not _run_in(glued, str(want), "."):
                yield field, match.start("arabic"), match.end("arabic"), match.group("arabic"), str(want)
            arabic, dotted, letter = value, {}, None
        elif match.group("dotted"):
            numbers = tuple(int(n) for n in match.group("dotted").split("."))
            typed = match.group("dotted")
            depth = len(numbers)
            parent = numbers[:-1]
            if arabic is not None and depth == 2:
                parent = (arabic,)
            elif depth > 2 and dotted.get(depth - 1) is not None:
                parent = dotted[depth - 1]
            last = dotted.get(depth)
            follows = last is not None and last[:-1] == parent
            want = parent + ((last[-1] + 1) if follows else 1,)
            if numbers != want and not (numbers[:-1] == parent and numbers[-1] == 1):
                yield field, match.start("dotted"), match.end("dotted"), typed, ".".join(map(str, want))
                numbers = want
            dotted = {d: n for d, n in dotted.items() if d < depth}
            dotted[depth] = numbers
            letter = None
        elif match.group("letter"):
            value = match.group("letter")
            wanted = {"a"} if letter is None else _next_letters(letter)
            if letter is not None and wanted and value not in wanted | {"a"} \
                    and not any(_run_in(glued, w, ")") for w in wanted):
                want = sorted(wanted, key=LETTERS.find)[0]
                yield field, match.start("letter"), match.end("letter"), value, want
            letter = value


@rule("numbering.sequence", Severity.WARNING, "Số thứ tự đề mục không liền nhau (I., II., 1., 2., a), b))")
def sequence(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["numbering.sequence"]
    items = [(field, text) for field, text in text_fields(report) if _BLOCK.fullmatch(field)]
    for field, start, end, typed, want in numbering_problems(items):
        yield me.finding(f"Số thứ tự “{typed}” không liền với mục trước: cần là “{want}”.",
                         field, start, end, fixes=(Fix(f"Sửa thành “{want}”", field, start, end, want),))
