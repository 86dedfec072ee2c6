"""Spelling in syllables, stray English words, doubled words, numbers glued to words.

Words are what a clerk types between spaces and punctuation.  Never looked at: anything
inside a URL, an e-mail address or a document code ("06/KH-UBND", "dichvucong.gov.vn"),
words holding a digit, one-letter words (list markers "a)"), abbreviations in capitals
(UBND, HĐND) and mixed-case brand names (VNeID).  A capitalised word written in plain
ASCII ("Zalo", "Google", "Ksor") is a name and is left alone; one carrying Vietnamese
diacritics ("Kêt") is checked like any other.

``misspellings(text)`` is the fast part the editor's underline uses (≤ 5 ms a paragraph).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from ..model import Report
from . import lexicon
from .base import RULES, Context, Finding, Fix, Severity, rule, text_fields
from .syllables import fold, folded_index, suggestions, syllables
from .telex import telex_reading

WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")
# chunks that are codes, addresses or numbers with a slash: not words to spell
MASK = re.compile(r"\S*(?:[/@\\#_]|://|www\.|\w\.\w)\S*")
ASCII_LETTERS = re.compile(r"[A-Za-z]+")


ROMAN_NUMERAL = re.compile(r"[ivxl]{1,6}")


class Misspelling(NamedTuple):
    start: int
    end: int
    word: str
    # "syllable" (not a Vietnamese syllable) | "accents" (typed without accents) | "telex" (Telex keys
    # left in: "teerngon") | "loanword" (a common loanword mistyped: "diezel") | "english" (another
    # foreign word: a style note only)
    kind: str  # … or "standard" (a loanword against its Vietnamese form: "xi-mang")
    hint: str = ""  # the right form, when one is clear ("tể ngon", "diesel")


def _masked(text: str) -> list[tuple[int, int]]:
    if "/" not in text and "@" not in text and "." not in text and "\\" not in text and "#" not in text \
            and "_" not in text:
        return []
    return [(m.start(), m.end()) for m in MASK.finditer(text)]


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for the words a clerk typed, codes and addresses left out."""
    masks = _masked(text)
    for match in WORD.finditer(text):
        start = match.start()
        if masks and any(a <= start < b for a, b in masks):
            continue
        yield start, match.end(), match.group(0)


_CONSONANTS = "bcdđghklmnpqrstvx"
_ONSETS = frozenset("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph q qu r s t th tr v x".split())
_FINALS = frozenset("c ch m n ng nh p t".split())
_EDGES = re.compile(f"^([{_CONSONANTS}]*).*?([{_CONSONANTS}]*)$")


def _foreign_shape(lower: str) -> bool:
    """Starts or ends with consonants no Vietnamese syllable has ("kr…", "…k", "…l")."""
    match = _EDGES.match(lower)
    if match is None:
        return False
    onset, final = match.group(1), match.group(2)
    if onset == lower:
        return False  # no vowel at all: an abbreviation
    return (bool(onset) and onset not in _ONSETS and not onset.startswith("gi")) or (bool(final) and final not in _FINALS)


def classify(word: str, sentence_start: bool = True) -> str | None:
    """None for an accepted word, else the kind of problem (see ``Misspelling.kind``).
    A capitalised word inside a sentence is a name ("xóm Bnăng", "ông Ksor") and passes."""
    if len(word) < 2 or any(ch.isdigit() for ch in word):
        return None
    lower = word.lower()
    valid = syllables()
    if lower in valid or lower in lexicon.user_words() or lower in lexicon.ACCEPTED_FOREIGN:
        return None
    if "'" in lower or "’" in lower:
        return None  # H'Mông, K'Ho: ethnic names
    if ROMAN_NUMERAL.fullmatch(lower):
        return None  # "mục ii", "phần iv"
    is_ascii = word.isascii()
    if not is_ascii and not set(lower) <= _vietnamese_letters():
        return None if word[0].isupper() else "english"  # Müller; café
    if not word.islower() and _foreign_shape(lower):
        return None  # Krông, Đắk, Ksor: names of another language, in capitals or capitalised
    if word.isupper():
        # abbreviations (UBND, HĐND, TTHC); a heading typed in capitals with a wrong syllable
        # carries vowel diacritics ("KÊT QUẢ")
        if is_ascii or not any(ch in _VOWEL_MARKS for ch in lower):
            return None
        return "syllable"
    if not word[1:].islower():
        return None  # VNeID, iPhone, eKYC
    if word[0].isupper() and (is_ascii or not sentence_start):
        return None  # Zalo, Google, a foreign or ethnic-minority name
    if is_ascii:
        return _ascii_kind(lower, word[0].islower())
    return "syllable"


def _ascii_kind(lower: str, lower_case: bool) -> str | None:
    """A plain-letter word that is no Vietnamese syllable: a loanword in use (wordfreq knows it
    as common in Vietnamese text) passes; else Vietnamese typed without accents, Telex keys left
    in, a common loanword mistyped, or at most a foreign word."""
    accented = folded_index().get(lower)
    # a short word shaped like a Vietnamese syllable that no accent makes one ("ko", "ka") is
    # chat shorthand or a slip however often the web writes it; short loanwords have a foreign
    # shape (gas, web, ok) or beat the same letters with accents (vip / vịp)
    shorthand = len(lower) <= 3 and not accented and not _foreign_shape(lower) and any(v in lower for v in "aeiouy")
    if not shorthand and lexicon.loanword_in_use(lower, accented or ()):
        return None
    if accented:
        return "accents"
    if not lower_case:
        return None
    if shorthand:
        return "syllable"  # "ko" for "không": no syllable, no loanword
    if telex_reading(lower) is not None:
        return "telex"
    return "loanword" if lexicon.near_loanword(lower) else "english"


def hint(kind: str, lower: str) -> str:
    """The right form for a Telex slip or a mistyped loanword ("" for other kinds)."""
    if kind == "telex":
        return telex_reading(lower) or ""
    if kind == "loanword":
        return lexicon.near_loanword(lower) or ""
    if kind == "syllable":
        return _split_word(lower)
    return ""


def _split_word(lower: str) -> str:
    """"đôla" → "đô la": two syllables typed without their space that make a dictionary word."""
    valid = syllables()
    for cut in range(1, len(lower)):
        a, b = lower[:cut], lower[cut:]
        if a in valid and b in valid and lexicon.dictionary_word(a, b):
            return f"{a} {b}"
    return ""


def _in_context(options: list[str], text: str, start: int, end: int) -> list[str]:
    """Suggestions that make a dictionary word with the word before or after come first
    ("khôi phuc" → "phục")."""
    before = _lower_runs(text[max(0, start - 20):start])
    after = _lower_runs(text[end:end + 20])
    prev, nxt = (before[-1] if before else ""), (after[0] if after else "")
    return sorted(options, key=lambda o: not (lexicon.dictionary_word(prev, o.lower())
                                              or lexicon.dictionary_word(o.lower(), nxt)))


_MARKER_ONLY = re.compile(r"\s*(?:[-+•*]|[\dIVXLa-zđ]{1,4}[.)])")


def _name_follows(text: str, end: int) -> bool:
    """'Đắk Lắk', 'Krông Pắc' at the start of a sentence: capitals go on, so it is a name."""
    rest = text[end:end + 2]
    return len(rest) == 2 and rest[0] == " " and rest[1].isupper()


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 12):start].rstrip(" \t\u00a0“\"'(")
    if start > 12 and not before:
        before = text[:start].rstrip(" \t\u00a0“\"'(")
    return not before or before[-1] in ".!?:;…" or (start <= 12 and _MARKER_ONLY.fullmatch(before) is not None)
_LETTERS: set[str] = set()


def _vietnamese_letters() -> set[str]:
    if not _LETTERS:
        _LETTERS.update(ch for s in syllables() for ch in s)
    return _LETTERS


_VOWEL_MARKS = set("áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ")


LETTER_RUNS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def _lower_runs(text: str) -> list[str]:
    return LETTER_RUNS.findall(text.lower())


@lru_cache(maxsize=1)
def _plain_ok() -> frozenset[str]:
    """Lower-case letter runs accepted without a closer look (the fast path)."""
    singles = {ch for s in syllables() for ch in s}
    abbreviations = {a.lower() for a in lexicon.ABBREVIATIONS}
    return frozenset(syllables() | lexicon.ACCEPTED_FOREIGN | singles | abbreviations)


def misspellings(text: str) -> list[Misspelling]:
    """Words of ``text`` that are not Vietnamese syllables (nor accepted words), and loanwords
    written against their Vietnamese form ("xi-mang" for "xi măng").

    Decomposed text (NFD: some input methods, text copied from a PDF) is checked as its
    composed form; the offsets stay those of ``text`` (the underline is drawn there)."""
    if not unicodedata.is_normalized("NFC", text):
        composed, starts = nfc_with_offsets(text)
        return [m._replace(start=starts[m.start], end=starts[m.end]) for m in _composed_misspellings(composed)]
    return _composed_misspellings(text)


def _composed_misspellings(text: str) -> list[Misspelling]:
    found = list(_misspellings(text, lexicon.user_words()))
    if "-" in text:
        found = sorted(found + list(_hyphenated(text, lexicon.user_words())))
    return found


_HYPHENATED = re.compile(r"(?<![\w\-/.])([a-z]{1,7})-([a-z]{1,7})(?![\w\-/])")


@lru_cache(maxsize=4096)
def nfc_with_offsets(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` composed (NFC) cluster by cluster, and for each offset of the result (and its
    end) the offset in ``text`` where that character's cluster begins."""
    composed: list[str] = []
    starts: list[int] = []
    for match in _CLUSTER.finditer(text):
        part = unicodedata.normalize("NFC", match.group(0))
        composed.append(part)
        starts.extend([match.start()] * len(part))
    starts.append(len(text))
    return "".join(composed), tuple(starts)


_CLUSTER = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*|[\u0300-\u036f]+", re.DOTALL)


@lru_cache(maxsize=4096)
def _hyphenated(text: str, user: frozenset[str]) -> tuple[Misspelling, ...]:
    out = []
    for match in _HYPHENATED.finditer(text):
        if match.group(0) in user:
            continue
        right = lexicon.standard_form(match.group(1), match.group(2))
        if right is not None:
            out.append(Misspelling(match.start(), match.end(), match.group(0), "standard", right))
    return tuple(out)


@lru_cache(maxsize=8192)
def _misspellings(text: str, user: frozenset[str]) -> tuple[Misspelling, ...]:
    # fast path: one set difference over the lower-cased letter runs (C speed); the usual
    # paragraph has nothing left and needs no word-by-word look
    bad = set(_lower_runs(text)) - _plain_ok() - user
    if all(w.upper() in text and w not in text and w.capitalize() not in text
           and not _VOWEL_MARKS.intersection(w) for w in bad):
        return ()  # nothing, or only abbreviations in capitals (KH, DDCI, HĐND)
    from .typography import legacy_words

    if legacy_words(text):
        return ()  # text in a legacy font encoding: typography.legacy_font says it once
    out = []
    for start, end, word in words(text):
        kind = classify(word, _at_sentence_start(text, start) and not _name_follows(text, end)
                        if word[0].isupper() else True)
        if kind is not None:
            out.append(Misspelling(start, end, word, kind, hint(kind, word.lower())))
    # two unknown words in capitals side by side are a name ("ĐẮK LẮK", "KRÔNG PẮC")
    caps = {i for i, m in enumerate(out) if m.word.isupper()}
    names = {i for i in caps for j in (i - 1, i + 1)
             if j in caps and _SPACE.fullmatch(text[min(out[i].end, out[j].end):max(out[i].start, out[j].start)])}
    return tuple(m for i, m in enumerate(out) if i not in names)


@lru_cache(maxsize=8192)
def unaccented(text: str) -> bool:
    """A paragraph of Vietnamese typed without accents: eight words or more, hardly one
    with a diacritic, most of them Vietnamese syllables once accents are put back."""
    runs = [w for w in _lower_runs(unicodedata.normalize("NFC", text)) if len(w) > 1]
    if len(runs) < 8:
        return False
    plain = [w for w in runs if w.isascii()]
    if len(plain) < 0.85 * len(runs):
        return False
    index = folded_index()
    return sum(w in index for w in plain) >= 0.8 * len(plain)


def suggest(word: str, limit: int = 5) -> list[str]:
    return suggestions(word, lexicon.syllable_rank(), limit)


# ---------------------------------------------------------------- rules

@rule("spelling.syllable", Severity.WARNING, "Chữ không có trong tiếng Việt (lỗi chính tả)")
def spelling(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["spelling.syllable"]
    for field, text in text_fields(report):
        found = [m for m in misspellings(text) if m.kind != "english"]
        if unaccented(text):  # a paragraph typed without the Vietnamese keyboard: say it once
            yield me.finding("Đoạn này gõ không dấu: bật bộ gõ tiếng Việt (Unikey, EVKey) và gõ lại.",
                             field, 0, len(text))
            found = [m for m in found if m.kind != "accents"]
        for m in found:
            if m.hint:
                yield _hinted(me, field, m)
                continue
            options = _in_context(suggest(m.word, 5), text, m.start, m.end)[:3]
            fixes = tuple(Fix(f"Sửa thành “{s}”", field, m.start, m.end, s) for s in options)
            hint = f" Có thể là: {', '.join('“' + s + '”' for s in options)}." if options else ""
            why = "viết không dấu" if m.kind == "accents" else "không phải là chữ tiếng Việt"
            yield me.finding(f"“{m.word}” {why}.{hint} Nếu đúng (tên riêng, từ địa phương), "
                             "bấm chuột phải → “Thêm vào từ điển”.",
                             field, m.start, m.end, fixes=fixes)


def _hinted(me, field: str, m: Misspelling) -> Finding:
    right = m.hint if m.word.islower() else m.hint.capitalize()
    why = {"telex": "gõ Telex chưa thành chữ (bộ gõ tắt hoặc gõ nhầm)",
           "syllable": "thiếu dấu cách giữa hai tiếng",
           "standard": f"từ này viết theo chuẩn tiếng Việt là “{right}”"}.get(m.kind, f"viết sai từ “{right}” đã quen dùng")
    return me.finding(f"“{m.word}”: {why}. Sửa thành “{right}”.", field, m.start, m.end,
                      fixes=(Fix(f"Sửa thành “{right}”", field, m.start, m.end, right),))


# a foreign word no Vietnamese word list knows: a style note, never a warning (it may be a
# product or a term the reader knows; loanwords in use are accepted above)
@rule("spelling.english", Severity.STYLE, "Từ nước ngoài lẫn trong văn bản")
def english(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["spelling.english"]
    for field, text in text_fields(report):
        foreign = [m for m in misspellings(text) if m.kind == "english"]
        if len(foreign) > 3:  # a sentence in another language (a quoted title): once
            yield me.finding(f"Đoạn này có {len(foreign)} từ nước ngoài (“{foreign[0].word}”…): văn bản hành chính "
                             "dùng tiếng Việt; tên riêng thì viết hoa hoặc thêm vào từ điển.",
                             field, foreign[0].start, foreign[-1].end)
            continue
        for m in foreign:
            yield me.finding(f"“{m.word}” là từ nước ngoài: văn bản hành chính dùng từ tiếng Việt. "
                             "Nếu là tên riêng hay từ đã quen dùng, thêm vào từ điển.", field, m.start, m.end)


# ---------------------------------------------------------------- doubled words

_SPACE = re.compile(r"[ \u00a0]+")
# after a verb these finish it: "doanh thu thu được", "kết quả quả" is not helped by them
_COMPLEMENTS = frozenset("được xong hết thêm lại ra vào lên về".split())


def doubled_words(text: str) -> tuple[tuple[int, int, str], ...]:
    """Cached ``_doubled_words``: a paragraph is only looked at again once changed."""
    return _doubled_cached(text)


@lru_cache(maxsize=8192)
def _doubled_cached(text: str) -> tuple[tuple[int, int, str], ...]:
    runs = _lower_runs(text)
    if not any(a == b for a, b in zip(runs, runs[1:])) and \
            not any(a == c and b == d for a, b, c, d in zip(runs, runs[1:], runs[2:], runs[3:])):
        return ()
    return tuple(_doubled_words(text))


def _doubled_words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, repeated) for a word said twice: the range covers the second copy and
    the space before it (deleting it is the fix).  Thinks in two-syllable words:
    "trực tiếp tiếp nhận" is two words sharing a syllable; "cải cách cách hành chính",
    "nâng nâng cao" and "dễ dàng dàng" are slips; "từ từ", "dần dần" (reduplicative words) and a
    name running into a word ("Lâm Đồng đồng loạt") are not."""
    tokens = [(s, e, w.lower()) for s, e, w in words(text)]
    n = len(tokens)
    i = 0
    while i < n - 1:
        s1, e1, a = tokens[i]
        s2, e2, b = tokens[i + 1]
        gap = text[e1:s2]
        if not _SPACE.fullmatch(gap) or any(ch.isdigit() for ch in a):
            i += 1
            continue
        # a two-syllable word said twice: "cải cách cải cách"
        if i + 3 < n and (a, b) in lexicon.word_pairs() and tokens[i + 2][2] == a and tokens[i + 3][2] == b \
                and _SPACE.fullmatch(text[e2:tokens[i + 2][0]]) and _SPACE.fullmatch(text[tokens[i + 2][1]:tokens[i + 3][0]]):
            yield e2, tokens[i + 3][1], text[s1:e2]
            i += 4
            continue
        if a == b and len(a) > 1:
            prev = tokens[i - 1][2] if i > 0 and _SPACE.fullmatch(text[tokens[i - 1][1]:s1]) else None
            nxt = tokens[i + 2][2] if i + 2 < n and _SPACE.fullmatch(text[e2:tokens[i + 2][0]]) else None
            left = prev is not None and lexicon.is_word(prev, a)
            right = nxt is not None and (lexicon.is_word(a, nxt) or (left and nxt in _COMPLEMENTS))
            # "Lâm Đồng đồng loạt", "gas Gas Total": a name running into a word or out of one
            name = (text[s2].isupper() and not text[s1].isupper()) or \
                (text[s1].isupper() and not text[s2].isupper() and not _at_sentence_start(text, s1))
            # a syllable that starts no word ("dàng") cannot begin the next one: said twice
            # … and one that ends a dictionary word right before a stop ("nghiên cứu cứu.") too
            evidence = left or right or a in lexicon.FUNCTION_WORDS or not lexicon.starts_word(a) \
                or (nxt is None and prev is not None and lexicon.dictionary_word(prev, a))
            if evidence and not (left and right) and not name and not lexicon.reduplicative(a):
                yield e1, e2, text[s2:e2]
                i += 2
                continue
        i += 1


@rule("words.doubled", Severity.WARNING, "Từ bị lặp (“những những”, “nâng nâng cao”)")
def doubled(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["words.doubled"]
    for field, text in text_fields(report):
        for start, end, word in doubled_words(text):
            yield me.finding(f"“{word}” bị gõ lặp hai lần: xóa một lần.", field, start, end,
                             fixes=(Fix(f"Xóa “{word}” bị lặp", field, start, end, ""),))


# ---------------------------------------------------------------- numbers glued to words

_DIGIT = re.compile(r"\d")
GLUED = re.compile(r"(?<![\w/.,\-])(\d+)([^\W\d_]{2,})(?![\w/\-])")
UNITS = frozenset("km kg ha cm mm ml kw kwh tr gb mb tb ng kl hz ms pc".split())


def glued_numbers(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, fixed) for "05hộ" → "05 hộ"; units ("10km", "15ha"), codes ("2a",
    "06/KH-UBND", "UBND5") and English ordinals are left alone."""
    if not _DIGIT.search(text):
        return
    valid = syllables()
    for match in GLUED.finditer(text):
        number, word = match.group(1), match.group(2)
        lower = word.lower()
        if lower in UNITS or lower in ("st", "nd", "rd", "th"):
            continue
        if lower not in valid or not (word.islower() or word.istitle()):
            continue
        yield match.start(), match.end(), f"{number} {word}"


@rule("typography.glued_number", Severity.WARNING, "Số viết liền chữ (“05hộ”)")
def glued(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["typography.glued_number"]
    for field, text in text_fields(report):
        for start, end, fixed in glued_numbers(text):
            yield me.finding(f"“{text[start:end]}”: số viết liền chữ, thêm dấu cách (“{fixed}”).",
                             field, start, end, fixes=(Fix(f"Sửa thành “{fixed}”", field, start, end, fixed),))
