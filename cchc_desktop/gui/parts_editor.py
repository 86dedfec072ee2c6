"""Undo commands for the parts of a report (add, remove, move, heading text and level, tag).

Each command changes the parts of the report the tab shows (which keeps one text editor per
part, so a part's own typing history survives moves and removals) and refreshes the view.
They are pushed to the tab's QUndoStack of that report (``NarrativeTab.stack``), and address the
parts by position: see ``gui/undo.py`` for why they never hold a part still in the report.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from cchc_desktop.core.model import HEADING_ROLES, Block, BlockRole, Part, PartTag, Run

from . import undo

if TYPE_CHECKING:
    from .tabs.narrative import NarrativeTab

TAG_LABELS: dict[PartTag, str] = {
    PartTag.RESULTS: "Kết quả thực hiện",
    PartTag.DIFFICULTIES: "Thuận lợi, khó khăn, tồn tại",
    PartTag.DIRECTIONS: "Phương hướng, nhiệm vụ",
    PartTag.PROPOSALS: "Đề xuất, kiến nghị",
    PartTag.OTHER: "Khác",
}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")


def index_of(parts: list[Part], part: Part) -> int:
    """Position of ``part`` by identity (two parts may hold equal text)."""
    for i, candidate in enumerate(parts):
        if candidate is part:
            return i
    raise ValueError("part not in report")


def heading_state(part: Part) -> tuple[str, BlockRole | None, list[Run] | None]:
    heading = part.heading
    return (heading.text, heading.role, heading.runs) if heading is not None else ("", None, None)


def heading_runs(text: str, old: list[Run] | None) -> list[Run]:
    """New heading text keeping the old heading's look and its footnotes (marks at its end)."""
    first = old[0] if old else Run("")
    notes = [run.footnote for run in old or [] if run.footnote is not None]
    runs = [Run(text, first.bold, first.italic, notes[0] if notes else None)]
    runs += [Run("", footnote=note) for note in notes[1:]]
    return runs


def suggested_heading(parts: list[Part], at: int) -> str:
    """'IV. ' for a new part after three roman-numbered ones (counting inside its group)."""
    count = 0
    for part in parts[:at]:
        if part.heading is not None and part.heading.role == BlockRole.PART:
            count = 0
        elif part.heading is not None and part.heading.role == BlockRole.HEADING1:
            count += 1
    return f"{ROMAN[count] if count < len(ROMAN) else count + 1}. "


def group_heading(parts: list[Part], at: int) -> str:
    groups = sum(1 for p in parts[:at] if p.heading is not None and p.heading.role == BlockRole.PART)
    return f"Phần thứ {ORDINALS[groups] if groups < len(ORDINALS) else groups + 1}: "


_ROMAN_MARK = re.compile(r"^([IVXLC]+)\.(\s*)")
_GROUP_MARK = re.compile(r"^(Phần thứ )(\S+?)(\s*[:.]|\s|$)", re.IGNORECASE)


def numbering(parts: list[Part]) -> str | None:
    """How the headings are numbered now: "continuous" (I… across groups), "restart" (I… again in
    each "Phần thứ…" group), or None when the clerk numbered them some other way."""
    continuous = restart = True
    count = in_group = groups = 0
    for part in parts:
        heading = part.heading
        if heading is None:
            continue
        if heading.role == BlockRole.PART:
            in_group = 0
            groups += 1
            match = _GROUP_MARK.match(heading.text)
            if match and match.group(2).lower() != (ORDINALS[groups - 1] if groups <= len(ORDINALS) else ""):
                return None
            continue
        if heading.role != BlockRole.HEADING1:
            continue
        match = _ROMAN_MARK.match(heading.text)
        if match is None or match.group(1) not in ROMAN:
            return None
        value = ROMAN.index(match.group(1)) + 1
        count, in_group = count + 1, in_group + 1
        continuous &= value == count
        restart &= value == in_group
    return "continuous" if continuous else "restart" if restart else None


def renumber(parts: list[Part], scheme: str) -> list[tuple[Part, Block]]:
    """Rewrite the typed numbers of the headings in ``scheme``; returns (part, old heading) changed."""
    changed: list[tuple[Part, Block]] = []
    count = in_group = groups = 0
    for part in parts:
        heading = part.heading
        if heading is None or not heading.runs:
            continue
        first = heading.runs[0]
        if heading.role == BlockRole.PART:
            in_group = 0
            groups += 1
            match = _GROUP_MARK.match(first.text)
            wanted = ORDINALS[groups - 1] if groups <= len(ORDINALS) else None
            if match is None or wanted is None or match.group(2) == wanted:
                continue
            text = match.group(1) + wanted + first.text[match.end(2):]
        elif heading.role == BlockRole.HEADING1:
            count, in_group = count + 1, in_group + 1
            number = count if scheme == "continuous" else in_group
            match = _ROMAN_MARK.match(first.text)
            if match is None or number > len(ROMAN) or match.group(1) == ROMAN[number - 1]:
                continue
            text = ROMAN[number - 1] + first.text[match.end(1):]
        else:
            continue
        changed.append((part, heading))
        part.blocks[0] = Block(heading.role, [Run(text, first.bold, first.italic, first.footnote)] + heading.runs[1:])
    return changed


class _Renumbering(QUndoCommand):
    """A structural change after which the typed heading numbers follow (when they were in order).

    Commands find their parts by position in the report the tab shows (``tab.parts``), never by
    holding a part that is still in the report: the report shown again after the clerk went to
    another one is a new object loaded from the store (see ``gui/undo.py``)."""

    def __init__(self, tab: NarrativeTab, label: str) -> None:
        super().__init__(label)
        self.tab = tab
        self.scheme: str | None = None
        self.scheme_known = False
        self.renumbered: list[tuple[int, Block]] = []  # (part index, its heading before)

    @property
    def parts(self) -> list[Part]:
        return self.tab.parts

    def _before_change(self, parts: list[Part]) -> None:
        if not self.scheme_known:
            self.scheme, self.scheme_known = numbering(parts), True

    def _after_change(self, parts: list[Part]) -> None:
        changed = renumber(parts, self.scheme) if self.scheme else []
        self.renumbered = [(index_of(parts, part), heading) for part, heading in changed]

    def _undo_numbers(self) -> None:
        parts = self.parts
        for index, heading in self.renumbered:
            parts[index].blocks[0] = heading
        self.renumbered = []


class AddPartCommand(_Renumbering):
    def __init__(self, tab: NarrativeTab, at: int, part: Part) -> None:
        super().__init__(tab, "Thêm phần")
        self.at = at
        self.part: Part | None = part  # out of the report (before the first redo, after an undo)
        self.editor = None  # the part's text editor, kept for redo

    def redo(self) -> None:
        self.tab.flush()
        self._before_change(self.parts)
        self.parts.insert(self.at, self.part)
        self._after_change(self.parts)
        self.tab.insert_editor(self.at, self.part, self.editor)
        self.part, self.editor = None, None
        self.tab.refresh(self.at)

    def undo(self) -> None:
        self.tab.flush()
        self._undo_numbers()
        self.part = self.parts.pop(self.at)
        self.editor = self.tab.take_editor(self.at)
        self.tab.refresh(min(self.at, len(self.parts) - 1))


class RemovePartCommand(_Renumbering):
    def __init__(self, tab: NarrativeTab, at: int) -> None:
        super().__init__(tab, "Xóa phần")
        self.at = at
        self.part: Part | None = None  # the removed part and its editor, while removed
        self.editor = None

    def redo(self) -> None:
        self.tab.flush()
        self._before_change(self.parts)
        self.part = self.parts.pop(self.at)
        self._after_change(self.parts)
        self.editor = self.tab.take_editor(self.at)
        self.tab.refresh(min(self.at, len(self.parts) - 1))

    def undo(self) -> None:
        self.tab.flush()
        self._undo_numbers()
        self.parts.insert(self.at, self.part)
        self.tab.insert_editor(self.at, self.part, self.editor)
        self.part, self.editor = None, None
        self.tab.refresh(self.at)


class MovePartCommand(_Renumbering):
    def __init__(self, tab: NarrativeTab, at: int, target: int) -> None:
        super().__init__(tab, "Chuyển phần")
        self.at, self.target = at, target

    def _move(self, source: int, target: int) -> None:
        parts = self.parts
        parts.insert(target, parts.pop(source))
        self.tab.move_editor(source, target)

    def redo(self) -> None:
        self.tab.flush()
        self._before_change(self.parts)
        self._move(self.at, self.target)
        self._after_change(self.parts)
        self.tab.refresh(self.target)

    def undo(self) -> None:
        self.tab.flush()
        self._undo_numbers()
        self._move(self.target, self.at)
        self.tab.refresh(self.at)


class SetHeadingCommand(_Renumbering):
    """The heading's text and level ("Phần thứ…" group or "I." part) of part ``index``; typing in
    the title merges.  A level change renumbers the other headings when they were numbered in order."""

    ID = 1302

    def __init__(self, tab: NarrativeTab, index: int, text: str, role: BlockRole | None, label: str) -> None:
        super().__init__(tab, label)
        self.index = index
        self.old = heading_state(tab.parts[index])
        self.new_text, self.new_role = text, role
        self.typing = label == "Đổi tên phần"
        self.when = undo.clock()  # typing after a pause is a new step, as in the text (gui/undo.py)

    def _set(self, text: str, role: BlockRole | None, runs: list[Run] | None) -> None:
        part = self.parts[self.index]
        body = part.blocks[1:] if part.heading is not None else part.blocks
        if role is None or (not text and not runs):
            part.blocks = list(body)
        else:
            part.blocks = [Block(role, runs if runs is not None else heading_runs(text, heading_state(part)[2]))] + \
                list(body)

    def redo(self) -> None:
        self.tab.flush()
        role = self.new_role
        if self.new_text and role is None:
            role = BlockRole.PART if self.new_text.lower().startswith("phần") else BlockRole.HEADING1
        runs = self.old[2] if self.new_text == self.old[0] else None  # a level change keeps the runs
        if not self.typing:
            self._before_change(self.parts)
        self._set(self.new_text, role if self.new_text else None, runs)
        if not self.typing:
            self._after_change(self.parts)
        self.tab.refresh(self.index, reload_text=False)

    def undo(self) -> None:
        self.tab.flush()
        self._undo_numbers()
        text, role, runs = self.old
        self._set(text, role, runs)
        self.tab.refresh(self.index, reload_text=False)

    def id(self) -> int:  # noqa: A003 (Qt name)
        return self.ID if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, SetHeadingCommand) or other.index != self.index or not other.typing \
                or other.when - self.when > undo.PAUSE_SECONDS:
            return False
        self.new_text, self.new_role, self.when = other.new_text, other.new_role, other.when
        return True


class SetTagCommand(QUndoCommand):
    def __init__(self, tab: NarrativeTab, index: int, tag: PartTag) -> None:
        super().__init__("Đổi loại nội dung của phần")
        self.tab, self.index, self.old, self.new = tab, index, tab.parts[index].tag, tag

    def _apply(self, tag: PartTag) -> None:
        self.tab.parts[self.index].tag = tag
        self.tab.refresh(self.index, reload_text=False)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


def level_label(role: BlockRole | None) -> str:
    return {BlockRole.PART: "Phần thứ…", BlockRole.HEADING1: "Mục I., II.", BlockRole.HEADING2: "Mục 1., 2.",
            BlockRole.HEADING3: "Mục 1.1., a)"}.get(role, "Không có đề mục") if role in HEADING_ROLES or \
        role is None else ""
