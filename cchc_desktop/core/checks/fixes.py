"""Applying a finding's fix: a pure function from a report to a corrected copy.

``apply_fix(report, finding, choice=0) -> Report`` replaces ``fix.start:fix.end`` of the text
at ``fix.field`` (the same text ``field_text`` gives) with ``fix.replacement``.  In a block
made of runs the change is made inside the runs it touches, so bold/italic (and footnote
references) elsewhere in the paragraph are kept.  The report passed in is not changed: the
window keeps it for undo.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from ..model import Report
from .base import Finding, Fix, field_text

_STEP = re.compile(r"(\w+)(?:\[(\d+)\])?")


class FixError(ValueError):
    """The fix no longer fits the text (it was edited since the check ran)."""


def _parent(root: Any, field: str) -> tuple[Any, str, int | None]:
    """The object holding the last step of ``field``, that step's name and index."""
    steps = field.split(".")
    obj = root
    for step in steps[:-1]:
        match = _STEP.fullmatch(step)
        if match is None:
            raise FixError(field)
        obj = getattr(obj, match.group(1))
        if match.group(2) is not None:
            obj = obj[int(match.group(2))]
    match = _STEP.fullmatch(steps[-1])
    if match is None:
        raise FixError(field)
    return obj, match.group(1), int(match.group(2)) if match.group(2) is not None else None


def _splice_runs(runs: list, start: int, end: int, replacement: str) -> None:
    """Replace start:end of the runs' joined text; the replacement goes into the run where
    the range starts (so it takes that run's bold/italic)."""
    spans = []
    pos = 0
    for run in runs:
        text = getattr(run, "text", None)
        if isinstance(text, str):  # a footnote reference or another non-text run keeps its place
            spans.append((run, pos, pos + len(text), text))
            pos += len(text)
    if not spans:
        raise FixError("empty block")
    first = next((i for i, (_r, a, b, _t) in enumerate(spans) if a <= start < b), len(spans) - 1)
    for i, (run, a, b, text) in enumerate(spans):
        if i < first or a >= end and i != first:
            continue
        lo, hi = max(start, a) - a, max(min(end, b) - a, 0)
        run.text = text[:lo] + (replacement if i == first else "") + text[hi:] if i == first \
            else text[hi:]


def apply_text_fix(report: Report, fix: Fix) -> Report:
    """A copy of ``report`` with ``fix`` applied."""
    current = field_text(report, fix.field)
    if not (0 <= fix.start <= fix.end <= len(current)):
        raise FixError("Đoạn văn đã thay đổi sau lần kiểm tra; bấm Kiểm tra lại.")
    result = copy.deepcopy(report)
    parent, name, index = _parent(result, fix.field)
    target = getattr(parent, name)
    if index is not None:
        target = target[index]
    if hasattr(target, "runs"):
        _splice_runs(target.runs, fix.start, fix.end, fix.replacement)
        return result
    if isinstance(target, list) and target and all(hasattr(run, "bold") for run in target):
        _splice_runs(target, fix.start, fix.end, fix.replacement)  # a footnote's runs
        return result
    if isinstance(target, str):
        new = target[:fix.start] + fix.replacement + target[fix.end:]
        if index is not None:
            getattr(parent, name)[index] = new
        else:
            setattr(parent, name, new)
        return result
    raise FixError(f"cannot fix {fix.field}")


def apply_fix(report: Report, finding: Finding, choice: int = 0) -> Report:
    """A copy of ``report`` with the finding's fix number ``choice`` applied."""
    if not finding.fixes:
        raise FixError("Lỗi này không có cách sửa tự động.")
    return apply_text_fix(report, finding.fixes[choice])
