"""Shared helpers for the document tests: the sample report, token sequences, exported files."""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from pathlib import Path

from cchc_desktop import paths
from cchc_desktop.core.codec import report_from_dict
from cchc_desktop.core.indicators import insert_column
from cchc_desktop.core.model import Report

REPO_ROOT = Path(__file__).resolve().parents[2]
REFERENCE = REPO_ROOT.parent / "shared" / "reference" / "bao-cao-tuyen-truyen-cchc-6-thang-2024-cuong-gian.txt"
_WORD = re.compile(r"\w+")


def sample_report() -> Report:
    try:
        from cchc_desktop.core.templates import load_sample
    except ImportError:
        with open(paths.resources_dir() / "sample" / "sample-report.json", encoding="utf-8") as handle:
            return report_from_dict(json.load(handle)["report"])
    return load_sample()


def wide_report() -> Report:
    """The sample with a 'previous period' column: the appendix needs a landscape page."""
    report = copy.deepcopy(sample_report())
    insert_column(report.appendix.table, 3, "previous", "Kỳ trước")
    return report


def tokens(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text))


def missing_in_order(reference: list[str], ours: list[str]) -> list[str]:
    """Reference tokens not found, in order, in ours; a token may appear in capitals (headings)."""
    missing, position = [], 0
    for token in reference:
        index = position
        while index < len(ours) and ours[index] != token and ours[index] != token.upper():
            index += 1
        if index == len(ours):
            missing.append(token)
        else:
            position = index + 1
    return missing
