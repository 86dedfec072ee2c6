"""Old 8-bit Vietnamese font encodings → Unicode NFC: TCVN3 (ABC) and VNI.

Before Unicode, Vietnamese Word documents used fonts whose glyphs sit on the code points of
Windows-1252: a run in ``.VnTime`` holding the byte 0xB5 shows "à", and Word (or LibreOffice
converting an old .doc) stores that byte as the character U+00B5 "µ".  So a run is converted
by taking each character back to its Windows-1252 byte and reading that byte in the font's
table.  The tables below are written from the published layouts of TCVN 5712:1993 (VN3, the
"ABC" fonts) and of the VNI fonts, and checked against GNU recode in the tests.

Which table applies is decided by the run's font name, never by guessing on the text:
``.Vn…`` fonts are TCVN3 (``.Vn…H`` fonts draw every letter as a capital), ``VNI-…`` fonts
are VNI.  Runs in any other font are returned untouched.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum


class Encoding(Enum):
    TCVN3 = "tcvn3"
    TCVN3_CAPS = "tcvn3-caps"  # .VnTimeH, .VnArialH …: lower-case codes drawn as capitals
    VNI = "vni"


# ------------------------------------------------------------------ TCVN3 (ABC, VN3)
# The seven base letters with their own capital code (no capital letters with tone marks
# exist in VN3: the ".Vn…H" fonts provide them), then the 67 lower-case letters by row.
_TCVN3_LETTERS = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
}
# rows: vowel, then codes for grave, hook, tilde, acute, dot below
_TCVN3_TONES = [
    ("a", (0xB5, 0xB6, 0xB7, 0xB8, 0xB9)),
    ("ă", (0xBB, 0xBC, 0xBD, 0xBE, 0xC6)),
    ("â", (0xC7, 0xC8, 0xC9, 0xCA, 0xCB)),
    ("e", (0xCC, 0xCE, 0xCF, 0xD0, 0xD1)),
    ("ê", (0xD2, 0xD3, 0xD4, 0xD5, 0xD6)),
    ("i", (0xD7, 0xD8, 0xDC, 0xDD, 0xDE)),
    ("o", (0xDF, 0xE1, 0xE2, 0xE3, 0xE4)),
    ("ô", (0xE5, 0xE6, 0xE7, 0xE8, 0xE9)),
    ("ơ", (0xEA, 0xEB, 0xEC, 0xED, 0xEE)),
    ("u", (0xEF, 0xF1, 0xF2, 0xF3, 0xF4)),
    ("ư", (0xF5, 0xF6, 0xF7, 0xF8, 0xF9)),
    ("y", (0xFA, 0xFB, 0xFC, 0xFD, 0xFE)),
]
_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
_TONE_ORDER = (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _tcvn3_table() -> dict[int, str]:
    table = dict(_TCVN3_LETTERS)
    for vowel, codes in _TCVN3_TONES:
        for code, mark in zip(codes, _TONE_ORDER):
            table[code] = _nfc(vowel + mark)
    # VN3 also keeps the five tone marks alone (for letters it lacks), at 0xB0–0xB4.
    for code, mark in zip(range(0xB0, 0xB5), (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)):
        table[code] = mark
    return table


TCVN3: dict[int, str] = _tcvn3_table()


# ------------------------------------------------------------------ VNI (VNI-Times …)
# VNI writes a letter as its base letter followed by a mark character (two codes), except a
# few letters that have a single code.  Lower-case marks:
_VNI_TONE = {"ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ù": _ACUTE, "ï": _DOT}
# circumflex (â ê ô) with a tone: one mark character carries both
_VNI_CIRC = {"â": "", "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "á": _ACUTE, "ä": _DOT}
# breve (ă) with a tone
_VNI_BREVE = {"ê": "", "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "é": _ACUTE, "ë": _DOT}
# single-code letters: ơ ư đ, the i's and ỵ
_VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ",
    "ì": "ì", "æ": "ỉ", "ó": "ĩ", "í": "í", "ò": "ị", "î": "ỵ",
}


def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(pairs, singles): 'a'+'ù' → 'á' …, and the single codes."""
    pairs: dict[str, str] = {}
    singles: dict[str, str] = {}
    for upper in (False, True):
        def case(s: str) -> str:
            return s.upper() if upper else s

        for mark, tone in _VNI_TONE.items():
            for base in "aeiouy":
                pairs[case(base) + case(mark)] = _nfc(case(base) + tone)
            for single_code, letter in (("ô", "ơ"), ("ö", "ư")):
                pairs[case(single_code) + case(mark)] = _nfc(case(letter) + tone)
        for mark, tone in _VNI_CIRC.items():
            for base in "aeo":
                pairs[case(base) + case(mark)] = _nfc(case(base) + "\u0302" + tone)
        for mark, tone in _VNI_BREVE.items():
            pairs[case("a") + case(mark)] = _nfc(case("a") + "\u0306" + tone)
        for code, letter in _VNI_SINGLE.items():
            singles[case(code)] = case(letter)
    return pairs, singles


VNI_PAIRS, VNI_SINGLES = _vni_tables()


# ------------------------------------------------------------------ choosing and converting


def encoding_for_font(font: str | None) -> Encoding | None:
    """The legacy encoding a font name implies, or None for a Unicode font."""
    if not font:
        return None
    name = font.strip()
    lower = name.lower()
    if lower.startswith("vni-") or lower.startswith("vni "):
        return Encoding.VNI
    # ".VnTime", ".VnTimeH", ".VnArial NarrowH", and the older "VNTime", "VnTimes"
    if "unicode" in lower:
        return None
    if lower.startswith(".vn") or re.match(r"vn ?times?(\b|h\b|new)", lower):
        family = re.split(r"[\s,]+", name)[0]
        capitals = family.endswith("H") or name.endswith("H")
        return Encoding.TCVN3_CAPS if capitals else Encoding.TCVN3
    return None


def _byte(char: str) -> int | None:
    """The Windows-1252 byte a stored character stands for (None when it has none)."""
    code = ord(char)
    if code < 0x80:
        return code
    if 0xF000 <= code <= 0xF0FF:  # symbol-font private-use mapping
        return code - 0xF000
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        if 0x80 <= code <= 0xFF:  # latin-1 C1 positions cp1252 leaves undefined
            return code
        return None


def tcvn3_to_unicode(text: str, capitals: bool = False) -> str:
    out = []
    for char in text:
        code = _byte(char)
        out.append(TCVN3.get(code, char) if code is not None and code >= 0x80 else char)
    result = _nfc("".join(out))
    return result.upper() if capitals else result


def vni_to_unicode(text: str) -> str:
    # Work on the cp1252 view of the text, so that U+F0xx and C1 forms read like the bytes.
    chars = []
    for char in text:
        code = _byte(char)
        chars.append(bytes([code]).decode("cp1252", errors="ignore") or chr(code)
                      if code is not None and code >= 0x80 else char)
    view = "".join(chars)
    out = []
    i = 0
    while i < len(view):
        pair = view[i:i + 2]
        if len(pair) == 2 and pair in VNI_PAIRS:
            out.append(VNI_PAIRS[pair])
            i += 2
            continue
        # a single-code letter followed by its own tone mark (ơ/ư handled in the pairs)
        out.append(VNI_SINGLES.get(view[i], view[i]))
        i += 1
    return _nfc("".join(out))


def convert(text: str, encoding: Encoding | None) -> str:
    if encoding is None:
        return text
    if encoding is Encoding.VNI:
        return vni_to_unicode(text)
    return tcvn3_to_unicode(text, capitals=encoding is Encoding.TCVN3_CAPS)


def convert_run(text: str, font: str | None) -> str:
    """Convert one run's text by its font; Unicode-font runs come back unchanged."""
    return convert(text, encoding_for_font(font))
