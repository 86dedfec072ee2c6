"""Word lists the text checks share: two-syllable words, common syllables, accepted foreign
words and abbreviations, legitimate reduplications, and the clerk's own word list.

The lists are data in ``resources/lexicon/`` read once: curated for this project (MIT), and
``vi-wordfreq.txt`` (wordfreq's Vietnamese token frequencies, CC BY-SA 4.0) read lazily.
The user's own words ("Thêm vào từ điển") live wherever the application keeps them
(``cchc_desktop.user_words`` stores them as JSON in the data folder); the checks only see
the set given to ``set_user_words``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path


def _lexicon_dir() -> Path:
    from ...paths import resources_dir

    return resources_dir() / "lexicon"


def _lines(name: str) -> list[str]:
    try:
        text = (_lexicon_dir() / name).read_text(encoding="utf-8")
    except OSError:
        return []  # a damaged install checks with fewer words rather than not at all
    return [unicodedata.normalize("NFC", line.strip().lower()) for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def word_pairs() -> frozenset[tuple[str, str]]:
    """Two-syllable words as (first, second) lower-case syllables."""
    pairs = set()
    for line in _lines("vi-words.txt"):
        parts = line.split()
        if len(parts) == 2:
            pairs.add((parts[0], parts[1]))
    return frozenset(pairs)


@lru_cache(maxsize=1)
def syllable_rank() -> dict[str, int]:
    """Commonness of syllables (0 = most common) for ordering suggestions."""
    return {word: n for n, word in enumerate(_lines("vi-common-syllables.txt"))}


# Foreign words and brand names common in commune reports: never flagged (lower case).
ACCEPTED_FOREIGN = frozenset("""
email e-mail gmail online offline website web internet wifi wi-fi zalo facebook fanpage youtube tiktok
google app apps smartphone video clip file pdf word excel powerpoint camera laptop usb sim ok qr code
livestream hotline fax tel virus covid vaccine pano panô banner slogan logo poster portal smart cloud
ion khmer mông hmông h'mông km kg ha cm mm ml kw kwh gb mb tb ai iot gis gps sms otp pin id
mail scan photo photocopy tivi radio karaoke gas cd dvd blog chat trđ vnđ hs tr ng website fanpage zalo
money momo vnpt viettel mobifone vinaphone igate ioffice ekyc qr-code hashtag
link form like share comment view post tag check test data admin city learning zoom docx xlsx doc xls
jpg png mp3 mp4 ppt pptx zip rar
""".split())

# Syllables that may be said twice on purpose ("ngày ngày", "người người", "từ từ").
REDUPLICATIVE = frozenset("""
ngày người nhà đời mãi từ xa đâu lâu thường dần hàng lớp đều năm tháng nơi chỗ ai gì sao nào thế
vừa càng chiều ngay chốc
""".split())

@lru_cache(maxsize=1)
def dictionary_pairs() -> frozenset[tuple[str, str]]:
    """Two-syllable words of the dictionary (``vi-dictionary-words.txt``, pyvi's word list, MIT)
    and of our own list; read on first use (only a doubled syllable or a hyphen needs them)."""
    pairs = set(word_pairs())
    for line in _lines("vi-dictionary-words.txt"):
        parts = line.split()
        if len(parts) == 2:
            pairs.add((parts[0], parts[1]))
    return frozenset(pairs)


@lru_cache(maxsize=1)
def _first_syllables() -> frozenset[str]:
    return frozenset(first for first, _second in dictionary_pairs())


def starts_word(syllable: str) -> bool:
    """``syllable`` begins some two-syllable word of the dictionary ("thuế" in "thuế quan")."""
    return syllable in _first_syllables()


def reduplicative(syllable: str) -> bool:
    """``syllable`` said twice is a word: the dictionary's doubled words ("từ từ", "dần dần",
    "chốc chốc") and the distributive ones ("ngày ngày", "người người"); never a function
    word ("là là", "có có" in a report are slips)."""
    if syllable in FUNCTION_WORDS:
        return False
    return syllable in REDUPLICATIVE or (syllable, syllable) in dictionary_pairs()


def dictionary_word(first: str, second: str) -> bool:
    return (first.lower(), second.lower()) in dictionary_pairs()


@lru_cache(maxsize=1)
def _folded_pairs() -> dict[tuple[str, str], tuple[str, str]]:
    from .syllables import fold

    out: dict[tuple[str, str], tuple[str, str]] = {}
    for a, b in sorted(dictionary_pairs(), key=lambda p: -(zipf(p[0]) + zipf(p[1]))):
        out.setdefault((fold(a), fold(b)), (a, b))
    return out


def standard_form(first: str, second: str) -> str | None:
    """"xi-mang" → "xi măng": a loanword typed with a hyphen and plain letters whose two
    syllables make a dictionary word once their accents are put back (None if none does, or
    the typed pair already is that word)."""
    from .syllables import fold

    found = _folded_pairs().get((fold(first), fold(second)))
    if found is None or found == (first, second):
        return None
    return f"{found[0]} {found[1]}"


# Function words: said twice they are always a slip, whatever the lexicon knows.
FUNCTION_WORDS = frozenset("""
những các của và được đã đang sẽ là có cho với trong này đó để thì mà theo tại về không cũng một
hai ba bị do vì nên nhưng hoặc hay còn đến trên dưới sau trước khi tới như
""".split())

ABBREVIATIONS = frozenset("""
CCHC UBND HĐND TTHC DVC VNeID MTTQ UBMTTQ CNTT BCĐ TTĐT DVCTT VPĐK HTX QLNN KT-XH ANTT ATGT
""".split())

_USER: frozenset[str] = frozenset()


def set_user_words(words: Iterable[str]) -> None:
    """The clerk's own accepted words (names, local terms); lower-cased, NFC."""
    global _USER
    _USER = frozenset(unicodedata.normalize("NFC", w.strip().lower()) for w in words if w.strip())


def user_words() -> frozenset[str]:
    return _USER


def is_word(first: str, second: str) -> bool:
    return (first.lower(), second.lower()) in word_pairs()


# ---------------------------------------------------------------- loanwords in use (wordfreq)

@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, float]:
    """Zipf frequency of the tokens of Vietnamese text (``vi-wordfreq.txt``, wordfreq's data,
    CC BY-SA 4.0); read on first use only, since most paragraphs never need it."""
    out: dict[str, float] = {}
    for line in _lines("vi-wordfreq.txt"):
        word, _tab, zipf = line.partition("\t")
        try:
            out[word] = float(zipf)
        except ValueError:
            continue
    return out


def zipf(word: str) -> float:
    """How common ``word`` (lower case) is in Vietnamese text: 0 when wordfreq does not know it."""
    return word_frequencies().get(word, 0.0)


def loanword_in_use(lower: str, accented: Iterable[str] = ()) -> bool:
    """A Latin-script token common in Vietnamese text (camera, wifi, kg, chip) is a loanword,
    unit or abbreviation in use.  When the same letters with accents make Vietnamese syllables
    ("but" / "bút"), the token counts only when it is at least as common as they are; the
    rarer one is Vietnamese typed without its accents."""
    found = zipf(lower)
    return found > 0 and all(zipf(a) <= found for a in accented)


@lru_cache(maxsize=1)
def _loanwords_by_length() -> dict[int, tuple[str, ...]]:
    by_length: dict[int, list[str]] = {}
    for word, value in word_frequencies().items():
        if value >= 3.5 and word.isascii() and word.isalpha() and len(word) >= 5:
            by_length.setdefault(len(word), []).append(word)
    return {n: tuple(words) for n, words in by_length.items()}


# letters Vietnamese ears and keyboards confuse in borrowed words ("diezel", "cabin"/"kabin")
_CONFUSED = frozenset(frozenset(pair) for pair in ("sz", "sx", "zx", "ck", "cq", "kq", "iy", "gj", "fv", "fp"))


def near_loanword(lower: str) -> str | None:
    """A common loanword ``lower`` misspells by one confusable letter ("diezel" → "diesel"), for
    words of five letters or more (shorter ones have too many neighbours to tell a slip from a
    word; and "nilon" is no slip of "nixon": l and x are not confused)."""
    if len(lower) < 5:
        return None
    best = None
    for candidate in _loanwords_by_length().get(len(lower), ()):
        diff = [(a, b) for a, b in zip(candidate, lower) if a != b]
        if len(diff) == 1 and frozenset(diff[0]) in _CONFUSED and (best is None or zipf(candidate) > zipf(best)):
            best = candidate
    return best
