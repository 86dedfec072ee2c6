"""Typography: NFC, double spaces, a space before punctuation, straight quotes,
text typed for legacy TCVN3 (ABC) / VNI fonts, and known slips of the pen.

Legacy-font detection (own heuristic): text typed for TCVN3/VNI and shown in a Unicode font
puts Latin-1 symbols or non-Vietnamese Latin letters *inside words* ("Céng hßa", "Coäng
hoøa").  Vietnamese itself never has ß ð þ ø æ or symbols such as ¸ ¹ ® § ¬ « inside a word
(strong signs: one word is enough); ä ë ï ö ü ñ ç å î û are letters of other languages, so
they count only when two words of one field carry them (a single "Müller" is left alone).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..model import Report
from .base import RULES, Context, Finding, Fix, Severity, rule, text_fields

STRONG_LETTERS = "ßðþøæÞÐØÆ"
SYMBOLS = "¸¹¶·½¾¼®§¨©ª«¬\u00ad¦¢£¤¥µº»¿¡±°²³¯´"
STRONG = set(STRONG_LETTERS + SYMBOLS)
# a symbol right after a letter ("hß", "x·"), not after a digit ("30°C")
STRONG_SIGN = re.compile(f"[{STRONG_LETTERS}]|(?<=[^\\W\\d_])[{SYMBOLS}]")
WEAK = set("äëïöüñçåîûÄËÏÖÜÑÇÅÎÛ")
ANY_SIGN = re.compile("[" + re.escape("".join(sorted(STRONG | WEAK))) + "]")
WORD = re.compile(r"[^\s,.;:!?()\[\]“”\"'/\-–]+")

# ® © ™ closing a plain-letter name are marks, not TCVN3 (whose ® is "đ", never a final letter)
_MARK_AFTER_NAME = re.compile(r"[A-Za-z][A-Za-z0-9\-]*[®©™℠]+")
SPACE_BEFORE = re.compile(r"(?<=\S)[ \u00a0]+(?=[,;:!?)]|\.(?![.\d/]))")
DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
STRAIGHT = re.compile(r"\"")
SLIPS = [
    (re.compile(r"báo cáo\s+đề\s+phòng(?=\s+\w)", re.IGNORECASE), "báo cáo để Phòng",
     "“đề phòng” (= phòng ngừa) ở đây là viết nhầm của “để Phòng …”."),
]


def _letters(word: str) -> bool:
    return sum(ch.isalpha() and ch not in STRONG for ch in word) >= 1


def legacy_words(text: str) -> list[re.Match[str]]:
    """Words that look like TCVN3/VNI mojibake, or [] when the field looks like Unicode text."""
    if not ANY_SIGN.search(text):
        return []  # the usual case: nothing outside Vietnamese letters and punctuation
    strong, weak = [], []
    for match in WORD.finditer(text):
        word = match.group(0)
        if not _letters(word) or len(word) < 2:
            continue  # "§ 5", "°C" alone: a symbol, not a word
        if _MARK_AFTER_NAME.fullmatch(word):
            continue  # "Cola®", "Windows©": a trade mark after a name (no syllable ends in đ)
        if STRONG_SIGN.search(word):
            strong.append(match)
        elif any(ch in WEAK for ch in word):
            weak.append(match)
    if strong or len(weak) >= 2:
        return sorted(strong + weak, key=lambda m: m.start())
    return []


@rule("typography.nfc", Severity.ERROR, "Văn bản chưa ở dạng Unicode dựng sẵn (NFC)")
def not_nfc(report: Report, context: Context) -> Iterator[Finding]:
    for field, text in text_fields(report):
        if not unicodedata.is_normalized("NFC", text):
            yield RULES["typography.nfc"].finding(
                "Chữ được gõ ở dạng tổ hợp (dấu tách rời), có thể hiển thị và tìm kiếm sai. "
                "Chọn bảng mã Unicode dựng sẵn trong bộ gõ rồi gõ lại, hoặc lưu lại báo cáo để tự chuẩn hóa.",
                field, 0, len(text))


def _quote(text: str, at: int) -> str:
    """An opening “ at a word's start, else a closing ”."""
    return "“" if at == 0 or text[at - 1] in " \u00a0([/:–-" else "”"


_FIXES = {
    "typography.double_space": ("Để một dấu cách", lambda text, m: " "),
    "typography.space_before_punctuation": ("Xóa dấu cách", lambda text, m: ""),
    "typography.straight_quotes": ("Dùng ngoặc kép cong", lambda text, m: _quote(text, m.start())),
}


def _simple(rule_id: str, pattern: re.Pattern[str], message: str, quick=lambda text: True) -> None:
    label, replace = _FIXES[rule_id]

    def check(report: Report, context: Context) -> Iterator[Finding]:
        for field, text in text_fields(report):
            if not quick(text):
                continue  # a substring test in C spares the regex most paragraphs
            for match in pattern.finditer(text):
                fix = Fix(label, field, match.start(), match.end(), replace(text, match))
                yield RULES[rule_id].finding(message, field, match.start(), match.end(), fixes=(fix,))
    check.__name__ = rule_id.replace(".", "_")
    rule(rule_id, Severity.STYLE, _TITLES[rule_id])(check)


_TITLES = {
    "typography.double_space": "Hai dấu cách liền nhau",
    "typography.space_before_punctuation": "Dấu cách trước dấu câu",
    "typography.straight_quotes": "Dấu ngoặc kép thẳng (\")",
}
_simple("typography.double_space", DOUBLE_SPACE, "Có hai dấu cách liền nhau: xóa bớt một dấu.",
        lambda text: "  " in text or "\u00a0" in text)
_simple("typography.space_before_punctuation", SPACE_BEFORE,
        "Có dấu cách trước dấu câu: dấu câu viết liền chữ đứng trước.",
        re.compile(r"[ \u00a0][,;:!?).]").search)
_simple("typography.straight_quotes", STRAIGHT, "Dấu ngoặc kép thẳng (\"): dùng ngoặc kép cong “…”.",
        lambda text: '"' in text)


@rule("typography.legacy_font", Severity.ERROR, "Chữ gõ theo bảng mã cũ TCVN3/VNI (lỗi phông)")
def legacy_font(report: Report, context: Context) -> Iterator[Finding]:
    for field, text in text_fields(report):
        words = legacy_words(text)
        if words:
            sample = ", ".join(f"“{m.group(0)}”" for m in words[:3])
            yield RULES["typography.legacy_font"].finding(
                f"Chữ bị lỗi phông ({sample}): văn bản được gõ bằng bảng mã TCVN3 hoặc VNI. "
                "Chuyển mã sang Unicode (Unikey: Công cụ chuyển mã) rồi dán lại.",
                field, words[0].start(), words[-1].end())


@rule("typography.slip", Severity.WARNING, "Lỗi đánh máy hay gặp (ví dụ “báo cáo đề phòng”)")
def slips(report: Report, context: Context) -> Iterator[Finding]:
    for field, text in text_fields(report):
        for pattern, fix, why in SLIPS:
            for match in pattern.finditer(text):
                yield RULES["typography.slip"].finding(
                    f"Có thể viết nhầm: {why} Sửa thành “{fix}”.", field, match.start(), match.end(),
                    fixes=(Fix(f"Sửa thành “{fix}”", field, match.start(), match.end(), fix),))
