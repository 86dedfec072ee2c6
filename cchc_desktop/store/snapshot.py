"""A report frozen for the autosave writer, taken on the GUI thread in a few milliseconds.

The writer thread saves while the clerk keeps typing, so it must get the report exactly as it
was at the snapshot, with nothing the GUI thread changes afterwards.  Pickling the whole report
on the GUI thread did that but cost most of the save on a long report.  Here the text
blocks of the parts (most of a report) are shared instead of copied: a text block is never
changed in place once made — an edit makes new blocks (the editors' flush, a fix from the
checks works on a copy) and puts them in the part's list — so holding the old ones is
holding the text as it was.  Everything else (the header, tables, pictures, appendices,
signature; the lists themselves) can change in place and is pickled as before.
"""

from __future__ import annotations

import copy
import pickle
from dataclasses import dataclass

from ..core.model import Block, Report


@dataclass(frozen=True)
class Snapshot:
    frozen: bytes  # the report with its parts' text blocks left out (None in their places)
    shared: tuple[tuple[tuple[int, Block], ...], ...]  # per part: (place, text block)

    def report(self) -> Report:
        """The report as it was (on the writer thread): the frozen rest, the blocks put back."""
        report = pickle.loads(self.frozen)
        for part, blocks in zip(report.parts, self.shared):
            for index, block in blocks:
                part.blocks[index] = block
        return report


def take(report: Report) -> Snapshot:
    """Freeze ``report`` now (see the module's note for what is shared and why)."""
    shell = copy.copy(report)  # keeps the identity stamp the writer compares (store/identity.py)
    shell.parts = []
    shared = []
    for part in report.parts:
        kept: list[Block | None] = []
        texts = []
        for index, block in enumerate(part.blocks):
            if is_text(block):
                texts.append((index, block))
                kept.append(None)
            else:
                kept.append(block)
        frame = copy.copy(part)
        frame.blocks = kept
        shell.parts.append(frame)
        shared.append(tuple(texts))
    return Snapshot(pickle.dumps(shell, pickle.HIGHEST_PROTOCOL), tuple(shared))


def is_text(block: Block) -> bool:
    """Only runs of text (and their footnotes): nothing inside that is edited in place."""
    return type(block) is Block and block.table is None and block.picture is None
