"""Spreadsheet column letters, on their own: the table grid shows them at start without loading
the Excel reader (core/xlsx_guard.py, which brings lxml and the importers)."""

from __future__ import annotations


def column_letters(index: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
