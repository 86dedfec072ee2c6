"""What the recogniser asks of a line of text: folded and cleaned text, rules (lines drawn
with dashes), emphasis ratios, capitals, a paragraph's runs as read; and the patterns shared
by several parts of the recogniser (heading markers, bullets, appendix names) with what a
part heading means."""

from __future__ import annotations

import re
import unicodedata

from .docx_content import RPara, RRun


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").replace("\n", " ").split())


_RULE = re.compile(r"^[\s\-_=–—.*~·…o0+]*$")


def is_rule(text: str) -> bool:
    """An empty line or a line drawn with dashes/underscores (no words)."""
    stripped = text.strip()
    if re.fullmatch(r"0+(?:[.,]0+)?", stripped):
        return False  # a figure "0" (a form's cell, a price table's change): never a rule
    return not stripped or (bool(_RULE.match(stripped)) and not re.search(r"[1-9a-np-zA-NP-Z]", stripped))


def _letters(runs: list[RRun], predicate) -> float:
    total = hit = 0
    for run in runs:
        if run.footnote is not None:
            continue
        count = sum(1 for c in run.text if c.isalpha())
        total += count
        if predicate(run):
            hit += count
    return hit / total if total else 0.0


def bold_ratio(runs: list[RRun]) -> float:
    return _letters(runs, lambda r: r.bold)


def italic_ratio(runs: list[RRun]) -> float:
    return _letters(runs, lambda r: r.italic)


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def para_runs(para: RPara) -> list[RRun]:
    """The paragraph's runs with the numbering marker in front, tabs and breaks as spaces."""
    runs = [RRun(r.text.replace("\t", " ").replace("\n", " "), r.bold, r.italic, r.footnote)
            for r in para.runs]
    if para.marker:
        first = runs[0] if runs else RRun("")
        runs.insert(0, RRun(para.marker + " ", first.bold, first.italic))
    # trim outer spaces and collapse inner runs of spaces
    out: list[RRun] = []
    previous_space = True
    for run in runs:
        if run.footnote is not None:
            out.append(run)
            continue
        text = []
        for char in run.text:
            if char == " ":
                if previous_space:
                    continue
                previous_space = True
            else:
                previous_space = False
            text.append(char)
        if text:
            out.append(RRun("".join(text), run.bold, run.italic))
    while out and out[-1].footnote is None and out[-1].text.endswith(" "):
        out[-1].text = out[-1].text.rstrip(" ")
        if not out[-1].text:
            out.pop()
    return out


def runs_text(runs: list[RRun]) -> str:
    return "".join(r.text for r in runs if r.footnote is None)


# ------------------------------------------------------------------ line patterns

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_MARKERS = [
    (0, re.compile(r"^phần\s+(?:thứ\s+)?(?:nhất|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|[IVX]+|\d+)\b",
                   re.IGNORECASE)),
    (1, re.compile(rf"^(?=[IVX])({_ROMAN})\s*(?:[.:/)]|\s[-–]\s?|[-–]\s)\s*\S")),
    # "3.2.Kết quả": a marker glued to its text is read at its own level, not one level up
    (4, re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}(?:\.?\s+|\.(?=[^\W\d_]))\S")),
    (3, re.compile(r"^\d{1,2}\.\d{1,2}(?:\.?\s+|\.(?=[^\W\d_]))\S")),
    (2, re.compile(r"^\d{1,2}\s*[.)/]\s*\S")),
    (5, re.compile(r"^[a-zđ]\s*(?:\)|\.\s)\s*\S")),  # "a)" and "c. …" (old files)
    (-1, re.compile(r"^[A-Z]\s*\.\s+\S")),  # "A. …": a group above the Roman parts
]
_BULLET = re.compile(r"^([-–—+•*●○▪■◦➢❖✓]|\uf0b7)\s*\S")
_APPENDIX = re.compile(r"^(phụ\s+lục|biểu\s+mẫu|biểu\s+số|mẫu\s+số|biểu)\b", re.IGNORECASE)


def heading_level(text: str) -> int | None:
    for level, pattern in _MARKERS:
        if pattern.match(text):
            if level == 1 and not re.match(r"^[IVX]+", text):
                continue
            return level
    return None


def meaning_of(text: str) -> str:
    f = fold(text)
    bare = re.sub(r"^[\w]{1,4}[.)]\s*", "", f)
    if bare.startswith("ket qua"):
        return "results"
    if re.search(r"de xuat|kien nghi", f):
        return "proposals"
    if re.search(r"phuong huong|nhiem vu trong tam|nhiem vu .*(toi|sau|tiep theo|nam \d{4})|ke hoach .*(toi|tiep)"
                 r"|giai phap"
                 r"|(tuan|thang|quy|ky|thoi gian) (toi|sau|tiep theo)", f):
        return "directions"
    if re.search(r"kho khan|han che|ton tai|vuong mac|thuan loi|nguyen nhan", f):
        return "difficulties"
    if re.search(r"ket qua|tinh hinh|danh gia|da thuc hien|da lam", f):
        return "results"
    return "other"
