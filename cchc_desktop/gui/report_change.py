"""A change of the report made outside the editors (a fix from the checks panel) as one undo step.

``apply_report_change(window, changed, label)`` compares the report shown with ``changed`` (a
corrected copy, ``core.checks.fixes.apply_fix``) and pushes a ``ReportChangeCommand`` holding
only what differs, by path: the paragraph, table cell, list item or field, as before and after.  The
command writes its values into the report the window shows *now* (the same positions in a
report loaded again from the store: see ``gui/undo.py``), refreshes the tabs that show them,
and marks the report changed, so a fix and its undo are saved like any other edit.

Which stack: the one of the tab that shows the place, so that Ctrl+Z there (the panel has just
gone to it) undoes the fix, and the fix stays in order with that tab's own steps (a part heading
renamed, then fixed, then Ctrl+Z twice): the parts outline's stack for parts and the closing
sentence, the appendix tab's for the forms, the report's stack for the rest (recipients,
header fields…).
"""

from __future__ import annotations

import copy
import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from cchc_desktop.core.model import Report

    from .window_api import Window

NARRATIVE_FIELDS = frozenset({"parts", "closing"})
APPENDIX_FIELDS = frozenset({"appendices"})
FieldPath = tuple  # ("parts", 2, "blocks", 0): attribute names and list positions from the report


def _leaf(value: Any) -> bool:
    """Paragraphs and table cells are replaced whole (their runs keep bold, italic, footnotes)."""
    from cchc_desktop.core.model import Block, Cell

    return isinstance(value, (Block, Cell)) or not (dataclasses.is_dataclass(value) or isinstance(value, list))


def report_diff(current: Any, changed: Any, path: FieldPath = ()) -> list[tuple[FieldPath, Any, Any]]:
    """The smallest places where ``changed`` differs from ``current``: (path, before, after), the
    values private copies.  Descends into objects of the same class and lists of the same length
    (a fix changes text, never the structure), so a part's other paragraphs are not part of it."""
    if current == changed:
        return []
    if not _leaf(current) and type(current) is type(changed):
        if isinstance(current, list) and len(current) == len(changed):
            return [d for i, (a, b) in enumerate(zip(current, changed)) for d in report_diff(a, b, path + (i,))]
        if dataclasses.is_dataclass(current):
            return [d for field in dataclasses.fields(current)
                    for d in report_diff(getattr(current, field.name), getattr(changed, field.name),
                                         path + (field.name,))]
    return [(path, copy.deepcopy(current), copy.deepcopy(changed))]


def _put_at(root: Any, path: FieldPath, value: Any) -> None:
    obj = root
    for step in path[:-1]:
        obj = obj[step] if isinstance(step, int) else getattr(obj, step)
    if isinstance(path[-1], int):
        obj[path[-1]] = value
    else:
        setattr(obj, path[-1], value)


class ReportChangeCommand(QUndoCommand):
    """Puts the ``after`` (redo) or ``before`` (undo) values of a ``report_diff`` into the shown report."""

    def __init__(self, window: Window, label: str, diff: list[tuple[FieldPath, Any, Any]]) -> None:
        super().__init__(label)
        self.w, self.diff = window, diff

    def redo(self) -> None:
        self._put(2)

    def undo(self) -> None:
        self._put(1)

    def _put(self, side: int) -> None:
        report = self.w.report
        if report is None:
            return
        for tab in self.w.narrative_tabs():
            tab.flush()  # the editors' typing is in the model before a paragraph is replaced
        for change in self.diff:
            _put_at(report, change[0], copy.deepcopy(change[side]))
        self._show(report)
        self.w.mark_changed()

    def _show(self, report: Report) -> None:
        """The tabs showing a changed place show it anew, there (a part's text editor only when its
        text changed, so its typing history stays)."""
        w = self.w
        paths = [change[0] for change in self.diff]
        parts = sorted({p[1] for p in paths if p[0] == "parts" and len(p) > 1})
        if any(p[0] == "parts" and len(p) == 1 for p in paths):
            w.narrative.set_report(report)
        elif parts:
            for index in parts:
                w.narrative.part_replaced(index)
            w.narrative.select_part(parts[0])
        if any(p[0] == "closing" for p in paths):
            w.narrative.closing.set_text(report.closing)
        forms = sorted({p[1] for p in paths if p[0] == "appendices" and len(p) > 1})
        if any(p[0] == "appendices" for p in paths):
            tab = w.indicators
            tab.refresh(forms[0] if forms else 0, emit=False)
            if tab.appendix is not None:
                tab.grid.set_table(tab.appendix.table)  # cells changed in the table shown
        if {p[0] for p in paths} - NARRATIVE_FIELDS - APPENDIX_FIELDS:
            for tab in (w.general, w.signature):
                tab.set_report(report)


def stack_for(window: Window, diff: list[tuple[FieldPath, Any, Any]]):
    names = {change[0][0] for change in diff}
    if names <= NARRATIVE_FIELDS:
        return window.narrative.stack
    if names <= APPENDIX_FIELDS:
        return window.indicators.stack
    return window.undo.stack


def apply_report_change(window: Window, changed: Report, label: str) -> bool:
    """``changed`` (a corrected copy of the report shown) as one undo step; False when nothing
    changed or the report cannot be edited (final, or the read-only sample)."""
    current = window.current_report()
    if current is None or getattr(window, "read_only", False) or changed.id != current.id:
        return False
    diff = report_diff(current, changed)
    if not diff:
        return False
    stack_for(window, diff).push(ReportChangeCommand(window, label, diff))
    return True
