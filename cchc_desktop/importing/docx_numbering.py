"""Word's automatic numbering: the marker a numbered paragraph displays ("I.", "1.", "a)",
"-"), counted the way Word counts (start overrides, restarts, legal numbering, bullets
folded to "-", "+" or "*")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .docx_xml import W, _attr, number

MAX_LEVEL = 8  # Word's nine list levels, 0–8
MAX_START = 32_767  # the largest start value Word's dialog takes
MAX_LEVEL_TEXT = 40  # a level's text ("%1.%2.%3."): what Word writes is a few characters
MAX_MARKER = 40  # the marker a paragraph displays, at most


def _ilvl(value: str | None) -> int | None:
    """A list level 0–8, None when it is not one (such a level is never displayed)."""
    level = number(value, low=-1, high=MAX_LEVEL + 1, default=0)
    return level if 0 <= level <= MAX_LEVEL else None


def _start(value: str | None) -> int:
    return number(value, low=0, high=MAX_START, default=1)


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    out = []
    if number >= 1000:  # Word's own roman numerals stop near 32,767: "M" a bounded number of times
        out.append("M" * min(number // 1000, MAX_MARKER))
        number %= 1000
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    # Word: a … z, aa … zz, aaa …
    if number <= 0:
        return ""
    return chr(ord("a") + (number - 1) % 26) * min((number - 1) // 26 + 1, MAX_MARKER)


_VIET_ORDINAL = ["", "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"]
_BULLET_DASH = {"-", "–", "—", "\uf02d", "\u2010", "\u2212", "\uf0ad"}


def format_number(number: int, fmt: str) -> str:
    if fmt in ("upperRoman",):
        return roman(number)
    if fmt == "lowerRoman":
        return roman(number).lower()
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "ordinalText" and number < len(_VIET_ORDINAL):
        return _VIET_ORDINAL[number]
    if fmt == "none":
        return ""
    return str(number)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart (1-based level), None = after any higher level
    legal: bool = False


class Numbering:
    def __init__(self, root) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for element in root.iter(W + "abstractNum"):
            self.abstract[_attr(element, "abstractNumId") or ""] = self._levels(element)
        for element in root.iter(W + "num"):
            num_id = _attr(element, "numId") or ""
            abstract = element.find(W + "abstractNumId")
            starts: dict[int, int] = {}
            overrides: dict[int, _Level] = {}
            for override in element.iter(W + "lvlOverride"):
                ilvl = _ilvl(_attr(override, "ilvl"))
                if ilvl is None:
                    continue
                start = override.find(W + "startOverride")
                if start is not None:
                    starts[ilvl] = _start(_attr(start, "val"))
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    overrides[ilvl] = self._level(lvl)
            self.nums[num_id] = (_attr(abstract, "val") or "", starts, overrides)

    @staticmethod
    def _level(element) -> _Level:
        level = _Level()
        start = element.find(W + "start")
        if start is not None:
            level.start = _start(_attr(start, "val"))
        fmt = element.find(W + "numFmt")
        if fmt is not None:
            level.fmt = _attr(fmt, "val") or "decimal"
        text = element.find(W + "lvlText")
        if text is not None:
            level.text = (_attr(text, "val") or "")[:MAX_LEVEL_TEXT]
        restart = element.find(W + "lvlRestart")
        if restart is not None:
            level.restart = number(_attr(restart, "val"), low=0, high=MAX_LEVEL + 1, default=0)
        level.legal = element.find(W + "isLgl") is not None
        return level

    def _levels(self, element) -> dict[int, _Level]:
        levels = {}
        for lvl in element.findall(W + "lvl"):
            ilvl = _ilvl(_attr(lvl, "ilvl"))
            if ilvl is not None:
                levels[ilvl] = self._level(lvl)
        return levels

    def marker(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """(marker text, numFmt) for the next paragraph of list ``num_id`` at ``ilvl``."""
        if num_id not in self.nums:
            return "", ""
        abstract_id, starts, overrides = self.nums[num_id]
        levels = dict(self.abstract.get(abstract_id, {}))
        levels.update(overrides)
        if ilvl not in levels:
            return "", ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in starts.items():
                counters[level] = start - 1
                for deeper in [k for k in counters if k > level]:
                    del counters[deeper]
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper, lv in levels.items():
            if deeper > ilvl:
                if lv.restart is None or lv.restart == 0 or lv.restart - 1 <= ilvl:
                    if lv.restart != 0:
                        counters.pop(deeper, None)
        if level.fmt == "bullet":
            return _bullet(level.text, ilvl), "bullet"

        def value(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            lv = levels.get(index, _Level())
            count = counters.get(index, lv.start)
            fmt = "decimal" if (level.legal and lv.fmt in ("upperRoman", "lowerRoman")) else lv.fmt
            return format_number(count, fmt)

        return re.sub(r"%([1-9])", value, level.text).strip()[:MAX_MARKER], level.fmt


def _bullet(text: str, ilvl: int) -> str:
    glyph = text.strip()
    if glyph in _BULLET_DASH:
        return "-"
    if glyph in ("+", "\uf02b"):
        return "+"
    if glyph in ("*", "\uf02a"):
        return "*"
    return "-" if ilvl == 0 else "+"
