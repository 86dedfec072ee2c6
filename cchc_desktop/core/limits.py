"""Limits that protect the clerk's PC from inputs no report needs: the bounds, and reading JSON
within them.

A real report is a few dozen pages with an appendix of a few dozen rows; the limits are far
above that and far below what makes export, checks or the window unusable (measured with
benchmarks/bench_reliability.py: at the limits a report exports to DOCX + PDF in a few
seconds with a few hundred MB).  Every refusal is one Vietnamese sentence naming the limit.
Plain Python in core/ so that core (the indicator sets) and the importers share the bounds
without reaching up into store/; store.limits adds the checks of whole and stored reports.
"""

from __future__ import annotations

import json
from typing import Any

MAX_FILE_BYTES = 10 * 1024 * 1024  # a JSON exchange file (the 60-page sample report: ~0.1 MB)
MAX_DEPTH = 20  # nesting of a report document is 6 levels
MAX_TABLE_ROWS = 2_000  # rows under a table's header (real reports: tens)
MAX_HEADER_ROWS = 10
MAX_TEXT_CHARS = 1_000_000  # all texts together (~360 pages; the 60-page report: ~150,000)
MAX_FIELD_CHARS = 100_000  # one text (a paragraph of ~30 pages)
MAX_LIST_ITEMS = 10_000  # any other list (paragraphs, recipients…)
# Values of any kind (texts, numbers, lists, objects) in one document: the sample with a 2,000-row
# appendix has 44,000, the 60-page report far fewer.  The schema check costs 40–70 µs a value,
# so this bounds it to ~10 s (a 10 MB file of "{}," would hold 3,000,000: minutes).
MAX_VALUES = 250_000
# Pictures (base64, ``…picture.data``) are no text: each is bounded by core.codec.MAX_PICTURE_BYTES,
# all of them together by this (inserted ones are reduced to 5 MB each), on top of the texts' limits.
MAX_PICTURES_CHARS = 160 * 1024 * 1024
MAX_NUMBER_DIGITS = 100  # an integer in the file (years, counts: a few digits; Python stops at 4,300)


class LimitError(ValueError):
    """The input exceeds a limit; str() is the Vietnamese sentence for the clerk."""


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # Vietnamese thousands separator


def check_file_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise LimitError(
            f"Tệp “{name}” quá lớn ({size / 1024 / 1024:.1f} MB; tối đa {MAX_FILE_BYTES // 1024 // 1024} MB): "
            "một báo cáo không cần nhiều như vậy, hãy kiểm tra lại tệp."
        )


def loads(text: str, name: str) -> Any:
    """json.loads with a nesting limit checked *before* parsing (the parser itself recurses)."""
    depth = _bracket_depth(text) if _deeper_than(text, MAX_DEPTH) else 0
    if depth > MAX_DEPTH:
        raise LimitError(
            f"Tệp “{name}” có dữ liệu lồng nhau quá sâu ({_number(depth)} cấp; tối đa {MAX_DEPTH}): "
            "đây không phải tệp báo cáo hợp lệ."
        )
    return json.loads(text, parse_int=lambda digits: _integer(digits, name))


def _integer(digits: str, name: str) -> int:
    """An integer of the file; thousands of digits get a sentence of their own (int() would raise
    a ValueError that reads like any other parse failure, and costs quadratic time below it)."""
    count = len(digits) - digits.startswith("-")
    if count > MAX_NUMBER_DIGITS:
        raise LimitError(
            f"Tệp “{name}” có một con số dài {_number(count)} chữ số (tối đa {MAX_NUMBER_DIGITS}): "
            "đây không phải tệp báo cáo hợp lệ."
        )
    return int(digits)


def _deeper_than(text: str, limit: int) -> bool:
    """Whether [ / { may nest more than ``limit`` deep outside strings: each round removes the innermost
    pairs (all at once, in C), so ``limit`` rounds decide it whatever the number of brackets (a
    million empty rows "{}," cost _bracket_depth a second of Python loop)."""
    if "[" not in text and "{" not in text:
        return False
    import re

    brackets = re.sub(r'"[^"\\]*(?:\\.[^"\\]*)*"', "", text).translate(_AS_PARENTHESES)
    for _ in range(limit):
        shorter = brackets.replace("()", "")
        if len(shorter) == len(brackets):
            return bool(brackets)  # unbalanced: not JSON, but "[" × 1,000,000 is measured exactly
        brackets = shorter
    return bool(brackets)


def _bracket_depth(text: str) -> int:
    """Deepest [ / { nesting outside strings; fast enough for MAX_FILE_BYTES (C-level scans)."""
    if "[" not in text and "{" not in text:
        return 0
    # Drop strings (with their escapes) so brackets inside texts do not count.
    import re

    stripped = re.sub(r'"[^"\\]*(?:\\.[^"\\]*)*"', "", text)
    brackets = stripped.translate(_KEEP_BRACKETS)
    depth = deepest = 0
    # Runs of the same bracket are counted at once: a 100,000-deep file costs one pass.
    for match in re.finditer(r"[\[{]+|[\]}]+", brackets):
        run = match.group()
        if run[0] in "[{":
            depth += len(run)
            deepest = max(deepest, depth)
        else:
            depth -= len(run)
    return deepest


class _Keep(dict):
    def __missing__(self, key: int) -> None:
        return None


_KEEP_BRACKETS = _Keep({ord(c): c for c in "[]{}"})
_AS_PARENTHESES = _Keep({ord("["): "(", ord("{"): "(", ord("]"): ")", ord("}"): ")"})
