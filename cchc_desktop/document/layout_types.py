"""The layout's small pieces (paragraphs, runs, footnotes, rules), shared by layout.py and table_layout.py."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..core.vietnamese import nfc
from . import measures as m


@dataclass
class Note:
    """A footnote: its number in document order and its text (one paragraph, role "footnote")."""

    number: int
    para: Para


@dataclass
class Span:
    """A run of text in one face; ``note``: a footnote whose reference mark follows the text."""

    text: str
    bold: bool = False
    italic: bool = False
    note: Note | None = None


Run = Span  # the layout's runs look like the model's but carry numbered notes


@dataclass
class Para:
    role: str  # a key of measures.STYLES
    runs: list[Span] = field(default_factory=list)
    # Direct formatting over the role's style (table cells: column alignment, sub-row indent,
    # smaller type in wide tables): field names of measures.ParaStyle.
    overrides: dict = field(default_factory=dict)
    # Where in the report it comes from (layout.source_key), for the preview beside the text.
    source: tuple | None = field(default=None, compare=False)

    @property
    def style(self) -> m.ParaStyle:
        base = m.STYLES[self.role]
        return dataclasses.replace(base, **self.overrides) if self.overrides else base

    @property
    def notes(self) -> list[Note]:
        return [r.note for r in self.runs if r.note is not None]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Rule:
    """A short solid rule, centred in its column."""

    width_mm: float


_CONTROL = re.compile("[\x00-\x1f\x7f\ufffe\uffff]")


def clean(text: str) -> str:
    """NFC, and control characters (tabs, line feeds…) as spaces: neither format can show them."""
    return _CONTROL.sub(" ", nfc(text))


