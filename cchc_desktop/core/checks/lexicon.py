"""Word lists the text checks share: two-syllable words, common syllables, accepted foreign
words and abbreviations, legitimate reduplications, and the clerk's own word list.

The lists are data in ``resources/lexicon/`` (curated for this project, MIT) read once.
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
vừa càng chiều ngay
""".split())

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
