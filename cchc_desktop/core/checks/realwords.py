"""Real-word typos: two real syllables that make no word, one slip away from a common word.

"tranh dành" (tranh giành), "sắp sếp" (sắp xếp), "chuẩn đoán" (chẩn đoán): every syllable is
Vietnamese, so the syllable check is silent.  A pair is reported only when

- it is not a word of the dictionary (``resources/lexicon/vi-dictionary-words.txt``, from pyvi's
  word list, MIT; plus the project's ``vi-words.txt``), in either tone placement (hoá/hóa);
- a word follows it in the same clause, and neither of its syllables makes a word with the
  syllable on its other side (then the pair is just two words side by side: "số hồ sơ");
- exactly one word of the dictionary is one slip away: the other syllable the same, this one
  changed by a slip people make (d/gi/r, s/x, ch/tr, l/n, hỏi/ngã, one letter of the rhyme);
- the syllable written is not a very common word on its own (Zipf < 6: "là", "các" stand
  alone everywhere) and the syllable meant is common (Zipf ≥ 4, from ``vi-wordfreq.txt``).

The lists load on the first check that needs them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from ..model import Report
from .base import RULES, Context, Finding, Fix, Severity, rule
from .text_numbers import prose_with_figures

_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
_SYLLABLE = re.compile(r"[^\W\d_]+")
_ONSETS = ("ngh", "ng", "gh", "gi", "kh", "ph", "th", "tr", "ch", "nh", "qu", "b", "c", "d", "đ", "g", "h",
           "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
_CONFUSED_ONSETS = [frozenset(("d", "gi", "r")), frozenset(("ch", "tr")), frozenset(("s", "x")),
                    frozenset(("l", "n"))]
_HOI_NGA = frozenset(("3", "4"))
STANDALONE_ZIPF = 6.5  # "là", "và", "các": so common alone that any neighbour is a guess
COMMON_ZIPF = 4.0


def _tone_tables() -> tuple[dict[str, str], dict[int, str]]:
    tone_of, base = {}, {}
    for vowel in "aăâeêioôơuưy":
        for upper in (vowel, vowel.upper()):
            for mark, tone in _TONES.items():
                toned = unicodedata.normalize("NFC", upper + mark)
                tone_of[toned] = tone
                base[ord(toned)] = vowel
    return tone_of, base


_TONE_OF, _BASE = _tone_tables()


def key(syllable: str) -> str:
    """'hoá' and 'hóa' -> 'hoa1': the letters without the tone mark, then the tone."""
    tone = next((_TONE_OF[ch] for ch in syllable if ch in _TONE_OF), "0")
    base = syllable.translate(_BASE).lower()
    if base.endswith("y") and len(base) > 1 and base[-2] not in "aăâeêioôơuưy" or base in ("quy",):
        base = base[:-1] + "i"  # sỹ/sĩ, lý/lí, kỹ/kĩ, quý/quí: one syllable spelled two ways
    return base + tone


def _lexicon_file(name: str) -> list[str]:
    from ...paths import resources_dir

    try:
        text = (resources_dir() / "lexicon" / name).read_text(encoding="utf-8")
    except OSError:
        return []  # a damaged install: the rule is silent rather than wrong
    return [unicodedata.normalize("NFC", line.strip().lower()) for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


class Dictionary:
    def __init__(self) -> None:
        self.words: set[tuple[str, str]] = set()  # two-syllable words (keys)
        self.inside: set[tuple[str, str]] = set()  # any two syllables side by side inside a word
        self.after: dict[str, set[str]] = defaultdict(set)  # first -> seconds
        self.before: dict[str, set[str]] = defaultdict(set)  # second -> firsts
        self.spelled: dict[tuple[str, str], str] = {}  # the word as the list writes it
        memo: dict[str, str] = {}  # some 7,000 syllables make the 25,000 words
        for line in _lexicon_file("vi-dictionary-words.txt") + _lexicon_file("vi-words.txt"):
            parts = [memo.get(p) or memo.setdefault(p, key(p)) for p in line.split()]
            for a, b in zip(parts, parts[1:]):
                self.inside.add((a, b))
            if len(parts) == 2:
                a, b = parts
                self.words.add((a, b))
                self.after[a].add(b)
                self.before[b].add(a)
                self.spelled.setdefault((a, b), line)
        self.zipf: dict[str, float] = {}
        for line in _lexicon_file("vi-wordfreq.txt"):
            word, _tab, zipf = line.partition("\t")
            try:
                self.zipf[key(word)] = max(self.zipf.get(key(word), 0.0), float(zipf))
            except ValueError:
                continue


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    return Dictionary()


def _split(k: str) -> tuple[str, str, str]:
    base, tone = k[:-1], k[-1]
    onset = next((o for o in _ONSETS if base.startswith(o) and len(base) > len(o)), "")
    if onset == "gi" and base[2:3] not in "aăâeêoôơuư":
        onset = "g"  # "gìn": the i is the vowel
    return onset, base[len(onset):], tone


def _rhyme_slip(written: str, meant: str) -> bool:
    """A "g" dropped after a final n ("thôn tin" for "thông tin": a typing slip; the other way,
    "bảng tính", is a word the list may lack), or u added or dropped before â ("chuẩn/chẩn")."""
    if written.endswith("n") and meant == written + "g":
        return True
    return written.startswith("uâ") and meant == written[1:] or meant.startswith("uâ") and written == meant[1:]


def slip(written: str, meant: str) -> bool:
    """One slip people make between two syllable keys: d/gi/r, s/x, ch/tr, l/n at the start;
    hỏi/ngã; a "g" dropped after a final n; "uâ"/"â".  Not any one-letter change: "cả/cải", "mà/mù",
    "giao/gian" are two words each, and a guess between them is a false alarm."""
    if written == meant:
        return False
    o1, r1, t1 = _split(written)
    o2, r2, t2 = _split(meant)
    if o1 == o2 and r1 == r2:
        return {t1, t2} == _HOI_NGA
    if t1 != t2:
        return False
    if r1 == r2:
        return any(o1 in group and o2 in group for group in _CONFUSED_ONSETS)
    return o1 == o2 and _rhyme_slip(r1, r2)


def _meant(d: Dictionary, a: str, b: str) -> list[tuple[str, str]]:
    if d.zipf.get(a, 0) >= STANDALONE_ZIPF or d.zipf.get(b, 0) >= STANDALONE_ZIPF:
        return []  # "của cả", "Công an tỉnh tại": a function word is next to anything
    found = [(a, s) for s in d.after.get(a, ()) if slip(b, s) and d.zipf.get(s, 0) >= COMMON_ZIPF]
    found += [(f, b) for f in d.before.get(b, ()) if slip(a, f) and d.zipf.get(f, 0) >= COMMON_ZIPF]
    return found


@lru_cache(maxsize=4096)
def _typos(text: str) -> tuple[tuple[int, int, str, str], ...]:
    d = dictionary()
    words = list(_SYLLABLE.finditer(text))
    keys = [key(m.group(0)) for m in words]
    found = []
    for i in range(len(words) - 1):
        first, second = words[i], words[i + 1]
        if text[first.end():second.start()] != " " or not second.group(0).islower() \
                or not (first.group(0).islower() or first.group(0).istitle() and _starts_sentence(text, first.start())):
            continue
        a, b = keys[i], keys[i + 1]
        if (a, b) in d.inside or a not in d.zipf or b not in d.zipf:
            continue
        if i > 0 and text[words[i - 1].end():first.start()] == " " and (keys[i - 1], a) in d.inside:
            continue
        if i + 2 >= len(words) or text[second.end():words[i + 2].start()] != " ":
            continue  # no word after it ("… thôn tin, bài"): too little to judge by
        if (b, keys[i + 2]) in d.inside:
            continue
        meant = _meant(d, a, b)
        if len(meant) != 1:
            continue
        one, two = d.spelled[meant[0]].split()
        if meant[0][0] == a:  # keep the writer's own spelling of the syllable not changed
            word = f"{first.group(0)} {two}"
        else:
            word = f"{one.capitalize() if first.group(0).istitle() else one} {second.group(0)}"
        if found and found[-1][1] > first.start():
            continue  # "sắp sếp lại": the slip is told once, with the syllable before it
        found.append((first.start(), second.end(), text[first.start():second.end()], word))
    return tuple(found)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" -–+*•\t")
    return not before or before[-1] in ".:;!?)\n"


def typos(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, written, meant) of each real-word typo in ``text``."""
    return _typos(text) if _SYLLABLE.search(text) else ()


@rule("realwords.typo", Severity.WARNING, "Từ viết sai thành một từ khác (tranh dành, sắp sếp…)")
def real_word_typo(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["realwords.typo"]
    for field, text in prose_with_figures(report, _SYLLABLE):  # the running text, read once a run
        for start, end, written, meant in typos(text):
            yield me.finding(f"“{written}” không phải là từ; có phải là “{meant}”?",
                             field, start, end, fixes=(Fix(f"Sửa thành “{meant}”", field, start, end, meant),))
