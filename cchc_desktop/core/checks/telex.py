"""Telex keys left in a word: "teerngon" is "tể ngon" typed with the Vietnamese keyboard off
(or with a syllable boundary the input method missed).

Telex writes â ê ô as doubled vowels (aa ee oo), ă ơ ư with a following w (aw ow uw), đ as dd,
and the tone as one of s f r x j typed after the vowel.  A word is read as Telex only when
every piece becomes a Vietnamese syllable and at least one piece used a hat key (a tone key
alone is how English plurals end: "teams"), so plain foreign words ("livestream", "basa",
"inox") are not taken for it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .syllables import fold, folded_index

_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_LETTERS = (("dd", "đ"), ("uow", "ươ"), ("aa", "â"), ("aw", "ă"), ("ee", "ê"), ("oo", "ô"), ("ow", "ơ"),
            ("uw", "ư"))
_VOWELS = set("aeiouy")
_TONE_MARKS = set(_TONES.values())


def _letters(piece: str) -> str:
    for keys, letter in _LETTERS:
        piece = piece.replace(keys, letter)
    return piece


def _with_tone(base: str, tone: str | None) -> str | None:
    """The syllable spelt ``base`` (letters with their hats) carrying ``tone``, if Vietnamese has it."""
    want = unicodedata.normalize("NFD", base)
    for candidate in folded_index().get(fold(base), ()):
        marks = unicodedata.normalize("NFD", candidate)
        tones = [ch for ch in marks if ch in _TONE_MARKS]
        bare = "".join(ch for ch in marks if ch not in _TONE_MARKS)
        if unicodedata.normalize("NFC", bare) == unicodedata.normalize("NFC", want) \
                and tones == ([tone] if tone else []):
            return candidate
    return None


def _syllable(piece: str) -> tuple[str, bool] | None:
    """(syllable, used a hat key: aa ee oo aw ow uw dd) for one typed piece, or None.  A tone
    key alone is no evidence ("teams", "inox" end in one), a hat key is."""
    options = [(piece, None)]
    for i, ch in enumerate(piece):
        if ch in _TONES and i > 0 and any(v in _VOWELS for v in piece[:i]):
            options.append((piece[:i] + piece[i + 1:], _TONES[ch]))
    for letters, tone in options:
        base = _letters(letters)
        found = _with_tone(base, tone)
        if found is not None:
            return found, base != letters
    return None


@lru_cache(maxsize=1024)
def telex_reading(word: str) -> str | None:
    """"teerngon" -> "tể ngon"; None when ``word`` (lower case, plain letters) is not Telex."""
    if len(word) < 3 or not word.isascii():
        return None
    whole = _syllable(word)
    if whole is not None:
        return whole[0] if whole[1] else None
    for cut in range(2, len(word) - 1):
        first, second = _syllable(word[:cut]), _syllable(word[cut:])
        if first is not None and second is not None and (first[1] or second[1]):
            return f"{first[0]} {second[0]}"
    return None
