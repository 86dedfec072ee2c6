"""Every written Vietnamese syllable, generated from phonotactics (onset × rhyme × tone).

No dictionary file: the set is built once, lazily, from the spelling rules of the Vietnamese
alphabet (c/k, g/gh, ng/ngh before front vowels; qu and gi take the medial or the i of the
rhyme; stop-final rhymes carry only the sắc and nặng tones; iê/yê, ia/ya, uô/ua, ươ/ưa by
final) and both tone placements in use in official texts: the "old" one on the first vowel
of an open oa/oe/uy ("hòa", "thủy", "Ủy") and the "new" one on the main vowel ("hoà",
"thuỷ", "Uỷ").  Both are accepted.  About 17,000 lower-case NFC forms; membership is a set
lookup on the lower-cased word.

``is_syllable(word)``, ``syllables()``, ``folded_index()`` (accent-free form → syllables) and
``suggestions(word)`` (edit distance 1, then 2 over diacritics only) are the public API.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# ---------------------------------------------------------------- the alphabet's rules
ONSETS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
          "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
FRONT_ONLY = {"k", "gh", "ngh"}  # only before i, e, ê, y (and iê/ia)
NOT_FRONT = {"c", "g", "ng", "q"}  # never before i, e, ê, y
NO_MEDIAL = {"b", "m", "p", "ph", "v", "c", "k", "gh", "ngh", "gi", "qu", "r"}

# rhymes without a medial
PLAIN_RHYMES = """
a ai ao au ay ac ach am an ang anh ap at
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e eo ec em en eng ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot ooc oong
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôp uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y
""".split()
# "yê…" is how iê… is written with no onset (yên, yêu, yết); "y" alone is i (ý, y tế)
NO_ONSET_ONLY = {"yêm", "yên", "yêng", "yêt", "yêu"}
# rhymes with the medial o/u ("hoa", "thuế", "quyết")
MEDIAL_RHYMES = """
oa oai oay oac oach oam oan oang oanh oap oat oao
oăc oăm oăn oăng oăt
oe oeo oen oet oem
uâc uân uâng uât uây
uê uêch uênh
uy uya uych uyn uynh uyp uyt uyu uyêt uyên
uơ
""".split()
# after "qu" the medial is the u of "qu": qu + these (written without the medial letter)
QU_RHYMES = """
a ai ay ac ach am an ang anh ap at ao au
ăc ăm ăn ăng ăt
âc ân âng ât ây âu
e eo en eng et ec em
ê êch ênh ên êt êu
y ych yn ynh yp yt yu yêt yên i
ơ ơi ơn
ôc
""".split()
STOP_FINALS = ("c", "ch", "p", "t")
VOWELS = "aăâeêioôơuưy"
MARKED = "ăâêôơư"  # vowels that carry their own diacritic
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang huyền sắc hỏi ngã nặng
STOP_TONES = ("\u0301", "\u0323")


def _front(rhyme: str) -> bool:
    return rhyme[0] in "ieêy"


def _base_syllables() -> list[tuple[str, str, bool]]:
    """(onset, rhyme, medial) triples, spelling rules applied; the rhyme as written."""
    out: list[tuple[str, str, bool]] = []
    for onset in ONSETS:
        if onset == "qu":
            out += [("qu", rhyme, True) for rhyme in QU_RHYMES]
            continue
        for rhyme in PLAIN_RHYMES:
            if rhyme in NO_ONSET_ONLY:
                continue
            if onset in FRONT_ONLY and not _front(rhyme):
                continue
            if onset in NOT_FRONT and _front(rhyme):
                continue
            written = rhyme
            if onset == "gi" and rhyme[0] == "i":
                written = rhyme[1:] or "" if rhyme != "i" else ""  # gi + i → "gi", gi + iêng → "giêng"
            if onset == "" and rhyme.startswith("iê"):
                continue  # written yê… (below)
            out.append((onset, written, False))
        if onset == "":
            out += [("", rhyme, False) for rhyme in NO_ONSET_ONLY]
        if onset not in NO_MEDIAL:
            for rhyme in MEDIAL_RHYMES:
                if onset in ("g",) and rhyme.startswith("u"):
                    continue  # "gu-" + y is not written; "goá", "góa" are
                out.append((onset, rhyme, True))
    return out


def _tone_positions(onset: str, rhyme: str, medial: bool) -> list[int]:
    """Indexes in ``rhyme`` where the tone mark may stand (one or two accepted placements)."""
    vowel_idx = [i for i, ch in enumerate(rhyme) if ch in VOWELS]
    if not vowel_idx:
        # "gi" + i merged ("gì"): the mark goes on the i of the onset; handled by the caller
        return []
    first, last = vowel_idx[0], vowel_idx[-1]
    closed = last < len(rhyme) - 1
    marked = [i for i in vowel_idx if rhyme[i] in MARKED]
    if marked:
        if "ươ" in rhyme:
            return [rhyme.index("ươ") + 1]
        return [marked[-1]]
    if closed:
        return [last]
    cluster = rhyme[first:last + 1]
    if onset == "qu":
        return [first]  # quá, quý, què
    if medial:
        main = first + 1
        if cluster in ("oa", "oe", "uy"):
            return [main, first]  # hoà / hòa, thuỷ / thủy
        if cluster == "uya":
            return [first + 1]  # khuya (no tone in use; keep the y)
        return [main]  # oai → oài, uyu → uỷu, oeo → oẹo
    return [first]  # ai → ài, ia → ìa, ua → ùa, ưa → ừa


def _place(text: str, index: int, tone: str) -> str:
    return unicodedata.normalize("NFC", text[:index + 1] + tone + text[index + 1:])


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """All valid lower-case syllables in NFC (built once, ~20 ms)."""
    result: set[str] = set()
    for onset, rhyme, medial in _base_syllables():
        stop = rhyme.endswith(STOP_FINALS)
        tones = STOP_TONES if stop else TONES
        if onset == "gi" and (rhyme == "" or rhyme[0] not in VOWELS):
            # gi + i(…) merged: "gi", "gì", "gìn", "giết" has its own ê; the i carries the tone
            for tone in tones:
                result.add(_place("gi" + rhyme, 1, tone))
            continue
        if onset == "" and rhyme == "":
            continue
        positions = _tone_positions(onset, rhyme, medial)
        for tone in tones:
            if not tone:
                result.add(onset + rhyme)
                continue
            for pos in positions:
                result.add(onset + _place(rhyme, pos, tone))
    result.update(LOANS)
    return frozenset(result)


# loan syllables in everyday official use that the native rules do not make
LOANS = ("buýt", "xoóc", "pa", "pô")


def is_syllable(word: str) -> bool:
    return word.lower() in syllables()


# ---------------------------------------------------------------- suggestions
_LETTERS = None


def _alphabet() -> str:
    global _LETTERS
    if _LETTERS is None:
        _LETTERS = "".join(sorted({ch for s in syllables() for ch in s}))
    return _LETTERS


def fold(word: str) -> str:
    """Accent-free lower-case form: 'Tuyến' -> 'tuyen', 'đ' -> 'd'."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def folded_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for s in syllables():
        index.setdefault(fold(s), []).append(s)
    return {k: tuple(sorted(v)) for k, v in index.items()}


def _edits1(word: str) -> set[str]:
    letters = _alphabet()
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    return out


def suggestions(word: str, rank: dict[str, int] | None = None, limit: int = 5) -> list[str]:
    """Valid syllables near ``word`` (lower case): one edit away (a letter or a diacritic
    counts as one edit), else the same letters with other accents.  ``rank`` orders them by
    how common they are (lower first); the case of ``word`` is kept."""
    lower = word.lower()
    valid = syllables()
    found = {w for w in _edits1(lower) if w in valid}
    same_letters = set(folded_index().get(fold(lower), ()))
    found |= same_letters
    found.discard(lower)
    rank = rank or {}

    def key(candidate: str) -> tuple:
        return (fold(candidate) != fold(lower), rank.get(candidate, 10**6), candidate)

    ordered = sorted(found, key=key)[:limit]
    return [_match_case(word, s) for s in ordered]


def _match_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
