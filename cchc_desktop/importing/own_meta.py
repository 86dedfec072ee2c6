"""Our own export read back exactly: the report embedded by the writer (document/docx_meta.py)
where the visible text it describes is unchanged, the visible text wherever the clerk edited.

"Unchanged" is decided by reading: the embedded report is exported again and read by the same
reader as the file; a group of fields (or a block of the text, or an appendix form) whose two
readings agree is taken from the embedded report, one whose readings differ is taken as read.
So an edit in Word always wins, and what the page cannot show (widths, row kinds, a week's
dates, the organisation's name, runs as typed) survives wherever the clerk did not touch it.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core import model as m

# (fields the page shows, fields taken from the embedded report when those read the same)
_GROUPS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("organization.issuing_body", "organization.governing_body", "organization.place",
      "organization.abbreviation"), ("organization",)),
    (("number", "doc_type", "date", "place", "elements.number_line", "elements.header"),
     ("number", "doc_type", "date", "place", "elements.number_line", "elements.header")),
    (("doc_name",), ("doc_name",)),
    (("subject",), ("subject",)),
    (("subject", "opening", "date", "period"), ("period",)),
    (("addressees", "elements.addressees"), ("addressees", "elements.addressees")),
    (("signature", "recipients", "elements.recipients"), ("signature", "recipients", "elements.recipients")),
)
_PLACED = {"organization", "number", "doc_type", "date", "place", "elements", "doc_name", "subject", "period",
           "addressees", "signature", "recipients", "opening", "parts", "closing", "appendices"}


def _get(obj: Any, path: str) -> Any:
    for name in path.split("."):
        obj = getattr(obj, name)
    return obj


def _set(obj: Any, path: str, value: Any) -> None:
    *head, last = path.split(".")
    for name in head:
        obj = getattr(obj, name)
    setattr(obj, last, copy.deepcopy(value))


def _same(seen: m.Report, again: m.Report, paths: tuple[str, ...]) -> bool:
    return all(_get(seen, p) == _get(again, p) for p in paths)


def merge(seen: m.Report, again: m.Report, meta: m.Report) -> m.Report:
    """``seen``: the file as read; ``again``: the embedded report exported and read the same way;
    ``meta``: the embedded report.  Returns the report to import."""
    out = copy.deepcopy(seen)
    for shown, taken in _GROUPS:
        if _same(seen, again, shown):
            for path in taken:
                _set(out, path, _get(meta, path))
    # What the page never shows (status, kind, charts, checks turned off) is taken only when
    # the embedded report is this document's: the same organisation, title and subject.
    if _same(seen, again, _GROUPS[0][0] + ("doc_name", "subject")):
        for f in dataclasses.fields(m.Report):
            if f.compare and f.name not in _PLACED and getattr(seen, f.name) == getattr(again, f.name):
                _set(out, f.name, getattr(meta, f.name))
    _merge_narrative(out, seen, again, meta)
    _merge_appendices(out, seen, again, meta)
    return out


# ---------------------------------------------------------------- the text, block by block

_OPENING, _CLOSING = ("opening",), ("closing",)


def _read_units(report: m.Report) -> list[tuple[tuple, m.Block]]:
    """The narrative as read: (origin, block), origin ("opening",), (part, index) or ("closing",)."""
    units: list[tuple[tuple, m.Block]] = []
    if report.opening:
        units.append((_OPENING, m.Block.plain(m.BlockRole.PARAGRAPH, report.opening)))
    for p, part in enumerate(report.parts):
        units += [((p, b), block) for b, block in enumerate(part.blocks)]
    if report.closing:
        units.append((_CLOSING, m.Block.plain(m.BlockRole.PARAGRAPH, report.closing)))
    return units


def _printed_units(report: m.Report) -> list[tuple]:
    """The origins of what the layout prints of the narrative, in order."""
    from ..document.layout import NARRATIVE, narrative_blocks

    origins: list[tuple] = [_OPENING] if report.opening.strip() else []
    for block in narrative_blocks(report, True):
        source = getattr(block, "source", None)
        # a picture and its caption print as two layout blocks of one model block
        if source and source[0] == NARRATIVE and (not origins or origins[-1] != source[1:]):
            origins.append(source[1:])
    return origins + ([_CLOSING] if report.closing.strip() else [])


def _key(block: m.Block) -> str:
    return repr(block)


def _merge_narrative(out: m.Report, seen: m.Report, again: m.Report, meta: m.Report) -> None:
    if (seen.opening, seen.parts, seen.closing) == (again.opening, again.parts, again.closing):
        out.opening, out.parts, out.closing = meta.opening, copy.deepcopy(meta.parts), meta.closing
        return
    read, printed = _read_units(again), _printed_units(meta)
    if len(read) != len(printed):
        return  # the reader and the layout do not pair one to one: the visible text alone
    seen_units = _read_units(seen)
    # each unit of the file: ("meta", origin in the embedded report) or ("seen", origin as read)
    placed: list[tuple[str, tuple]] = [("seen", origin) for origin, _ in seen_units]
    matcher = difflib.SequenceMatcher(None, [_key(b) for _, b in seen_units], [_key(b) for _, b in read],
                                      autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            placed[block.a + k] = ("meta", printed[block.b + k])
    _rebuild(out, placed, seen, meta)


def _rebuild(out: m.Report, placed: list[tuple[str, tuple]], seen: m.Report, meta: m.Report) -> None:
    def text_of(source: str, origin: tuple) -> m.Block:
        report = meta if source == "meta" else seen
        if origin == _OPENING:
            return m.Block.plain(m.BlockRole.PARAGRAPH, report.opening)
        if origin == _CLOSING:
            return m.Block.plain(m.BlockRole.PARAGRAPH, report.closing)
        return copy.deepcopy(report.parts[origin[0]].blocks[origin[1]])

    out.opening = out.closing = ""
    if placed and placed[0][1] == _OPENING:
        source, _ = placed.pop(0)
        out.opening = (meta if source == "meta" else seen).opening
    if placed and placed[-1][1] == _CLOSING:
        source, _ = placed.pop()
        out.closing = (meta if source == "meta" else seen).closing
    parts: list[m.Part] = []
    current: tuple[str, int] | None = None  # the part being filled: (source, index) it came from
    for source, origin in placed:
        block = text_of(source, origin)
        if source == "meta" and origin not in (_OPENING, _CLOSING):
            first = _first_printed(meta, origin[0])
            new = current is None or (current[0] == "meta" and current[1] != origin[0]) \
                or (current[0] == "seen" and origin[1] == first)
            if new:
                parts.append(m.Part(meta.parts[origin[0]].tag))
            current = ("meta", origin[0])
        elif source == "seen" and origin not in (_OPENING, _CLOSING):
            if current is None or origin[1] == 0:  # the reader began a part here
                parts.append(m.Part(seen.parts[origin[0]].tag))
                current = ("seen", origin[0])
        elif current is None:  # an opening or closing moved among the blocks
            parts.append(m.Part())
            current = ("seen", -1)
        parts[-1].blocks.append(block)
    out.parts = parts


def _first_printed(report: m.Report, part: int) -> int:
    for index, block in enumerate(report.parts[part].blocks):
        if block.role == m.BlockRole.TABLE or block.text.strip() or any(r.footnote for r in block.runs):
            return index
    return 0


# ---------------------------------------------------------------- appendix forms


def _printed_forms(report: m.Report) -> list[int]:
    from ..document.layout import _printable

    return [i for i, form in enumerate(report.appendices) if _printable(form)]


def _merge_appendices(out: m.Report, seen: m.Report, again: m.Report, meta: m.Report) -> None:
    if seen.appendices == again.appendices:
        out.appendices = copy.deepcopy(meta.appendices)
        return
    printed = _printed_forms(meta)
    if len(printed) != len(again.appendices):
        return
    forms = copy.deepcopy(seen.appendices)
    matcher = difflib.SequenceMatcher(None, [repr(a) for a in seen.appendices], [repr(a) for a in again.appendices],
                                      autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            forms[block.a + k] = copy.deepcopy(meta.appendices[printed[block.b + k]])
    out.appendices = forms


# ---------------------------------------------------------------- reading the embedded report again


def read_again(meta: m.Report, options: dict, reader: Callable[[Path], m.Report | None]) -> m.Report | None:
    """The embedded report exported (without metadata) and read by ``reader``."""
    from ..document.docx_writer import docx_bytes
    from ..document.layout import make_document

    capitals = options.get("heading1_capitals", True)
    data = docx_bytes(make_document(m.normalize(meta), heading1_capitals=capitals is not False))
    with tempfile.TemporaryDirectory(prefix="cchc-meta-") as folder:
        path = Path(folder) / "again.docx"
        path.write_bytes(data)
        return reader(path)
