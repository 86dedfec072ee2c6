"""Default file names for exports: the report's Vietnamese name (Windows allows it), cut at a
word, without the characters Windows forbids."""

from __future__ import annotations

import re
import unicodedata

from cchc_desktop.core.model import Report

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def strip_diacritics(text: str) -> str:
    """'Báo cáo Đợt 1' -> 'Bao cao Dot 1' (case kept, đ/Đ -> d/D)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def safe_filename(text: str, limit: int = 100) -> str:
    """'Báo cáo: Đợt 1/2024?' -> 'Báo cáo Đợt 1 2024'; longer than ``limit``: cut after a whole word."""
    from cchc_desktop.core.vietnamese import nfc

    name = re.sub(r"\s+", " ", _FORBIDDEN.sub(" ", nfc(text))).strip(" .")
    if len(name) > limit:
        head = name[: limit + 1]
        name = head.rsplit(" ", 1)[0] if " " in head.strip() else name[:limit]
        name = name.rstrip(" .,;-–")
    if not name or name.upper() in _RESERVED:
        name = f"Báo cáo {name}".strip()
    return name


def default_export_name(report: Report, suffix: str) -> str:
    from cchc_desktop.store.reports import period_text

    from cchc_desktop.core.vietnamese import fold

    subject, period = report.subject.strip(), period_text(report.period)
    # The subject usually names the period already ("… 6 tháng đầu năm 2024"): say it once.
    text = subject if fold(period) in fold(subject) else f"{subject} {period}".strip()
    return safe_filename(f"Báo cáo {text}") + suffix
