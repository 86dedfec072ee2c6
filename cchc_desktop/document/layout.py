"""Report → Document: the one description of the page that both writers spell.

The layout decides *what* is on the page and in which role (see measures.STYLES); the writers only
decide how their format spells a role.  Neither writer looks at the Report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.model import AppendixTable, BlockRole, Report
from ..core.vietnamese import date_words, nfc, number_line, place_and_date
from . import measures as m
from .fonts import text_width
from .linebreak import balanced_lines
from .layout_types import Note, Para, Rule, Run, Span, clean  # noqa: F401 (the writers' names)
from .table_layout import note_of
from .pictures import PictureBlock, picture_blocks  # noqa: F401 (the writers' names)
from .table_layout import (GridCell, GridRow, GridTable, column_widths, grid_table, keyed_widths,  # noqa: F401
                           text_table_widths)




Cell = list  # the paragraphs and rules of one cell of a borderless table


@dataclass
class HeaderTable:
    """Borderless two-column table: issuing body | national title; number | place and date."""

    widths_mm: tuple[float, float]
    rows: list[tuple[Cell, Cell]]


@dataclass
class SignatureTable:
    """Borderless two-column table: Nơi nhận | signature."""

    widths_mm: tuple[float, float]
    left: Cell
    right: Cell
    source: tuple | None = field(default=None, compare=False)  # SIGNATURE


@dataclass
class KeepTogether:
    """Blocks that must stay on one page (last paragraph + signature)."""

    blocks: list


@dataclass
class SectionBreak:
    """A new section on a new page; page numbers restart at 1, hidden on its first page, unless
    ``restart`` is False (a form continuing its phụ lục: its pages number on, each one shown)."""

    landscape: bool = False
    restart: bool = True


@dataclass
class ChartBlock:
    """A chart (core.model.Chart) across the text width: vector in the PDF, a picture in the DOCX."""

    chart: object
    width_mm: float = m.TEXT_WIDTH_MM


@dataclass
class Document:
    blocks: list
    landscape: bool = False  # orientation of the first section
    title: str = ""
    subject: str = ""
    author: str = ""

    @property
    def sections(self) -> list[tuple[bool, list]]:
        """(landscape, blocks) per section, split at SectionBreak."""
        result: list[tuple[bool, list]] = [(self.landscape, [])]
        for block in self.blocks:
            if isinstance(block, SectionBreak):
                result.append((block.landscape, []))
            else:
                result[-1][1].append(block)
        return result

    @property
    def restarts(self) -> list[bool]:
        """Per section (as ``sections``): whether its page numbers start again at 1."""
        return [True] + [b.restart for b in self.blocks if isinstance(b, SectionBreak)]


def _para(role: str, text: str, **run_kw) -> Para:
    return Para(role, [Span(clean(text), **run_kw)])


def _rule_under(text: str, style_role: str, fraction: float, max_mm: float | None = None) -> Rule:
    style = m.STYLES[style_role]
    width = m.pt_to_mm(text_width(text, style.size, style.bold, style.italic)) * fraction
    if max_mm is not None:
        width = min(width, max_mm)
    return Rule(round(max(width, 15.0), 1))


def _wrapped(lines: list[str], role: str, room_mm: float) -> list[str]:
    """Lines in capitals (agency, signature), each too long for its column broken by words as
    Word would, but never one word alone on the last line (linebreak.balanced_lines); each line
    a paragraph of its own, so both writers and Word print the same lines."""
    style = m.STYLES[role]
    out = []
    for line in lines:
        words = clean(line).upper().split()
        widths = [m.pt_to_mm(text_width(w, style.size, style.bold, style.italic)) for w in words]
        space = m.pt_to_mm(text_width(" ", style.size, style.bold, style.italic))
        out += balanced_lines(words, widths, space, room_mm)
    return out


def header_table(report: Report) -> HeaderTable:
    org = report.organization
    room = m.HEADER_LEFT_MM - 2 * m.CELL_PADDING_MM - 0.5
    left: Cell = [_para("governing_body", line) for line in _wrapped(org.governing_body, "governing_body", room)]
    issuing = _wrapped(org.issuing_body, "issuing_body", room)
    left += [_para("issuing_body", line) for line in issuing]
    if issuing:
        left.append(_rule_under(issuing[-1], "issuing_body", m.ISSUER_RULE_FRACTION))
    right: Cell = [_para("national_title", m.NATIONAL_TITLE), _para("motto", m.MOTTO),
                   _rule_under(m.MOTTO, "motto", 1.0)]
    shown = report.elements.number_line
    # cleaned before number_line strips them: a control character at the edge prints no space
    line = number_line(clean(report.number), clean(report.doc_type), clean(org.abbreviation))
    number = _para("number", line if shown else "")
    place = report.place or org.place
    dated = _para("place_date", place_and_date(place, report.date) if place else date_words(report.date))
    return HeaderTable((m.HEADER_LEFT_MM, m.HEADER_RIGHT_MM), [(left, right), ([number], [dated])])


def addressee_blocks(addressees: list[str]) -> list[Para]:
    # cleaned before stripped (as the number line): a control character at the edge prints no space
    names = [clean(nfc(a)).strip() for a in addressees if clean(a).strip()]
    if not names:
        return []
    if len(names) == 1:
        return [_para("addressee", f"Kính gửi: {names[0].rstrip(' ;.')}")]
    blocks = [_para("addressee", "Kính gửi:")]
    for i, name in enumerate(names):
        end = "." if i == len(names) - 1 else ";"
        blocks.append(_para("addressee_item", f"- {name.rstrip(' ;.,')}{end}"))
    return blocks


# Where a printed block comes from, as keys in document order: the preview beside the text finds
# the page of the paragraph at the cursor with them (document/preview_pages.py).
HEADER = 0  # (HEADER,): the header, number, title
NARRATIVE = 1  # (NARRATIVE, part index, block index in the part)
SIGNATURE = 2  # (SIGNATURE,)
APPENDIX = 3  # (APPENDIX, form index): the form's heading; (APPENDIX, form index, 0): its table

_ROLE_OF = {BlockRole.PART: "part", BlockRole.HEADING1: "heading1", BlockRole.HEADING2: "heading2",
            BlockRole.HEADING3: "heading3", BlockRole.PARAGRAPH: "paragraph", BlockRole.BULLET: "bullet"}


def _spans(runs, upper: bool = False) -> list[Span]:
    spans = []
    for r in runs:
        if r.text or r.footnote:
            text = clean(r.text)
            spans.append(Span(text.upper() if upper else text, r.bold, r.italic, note_of(r)))
    return spans


def narrative_blocks(report: Report, heading1_capitals: bool) -> list:
    blocks: list = []
    for part_index, section in enumerate(report.sections):
        for block_index, block in enumerate(section.blocks):
            source = (NARRATIVE, part_index, block_index)
            if block.role == BlockRole.PICTURE:  # its size and caption: document/pictures.py
                blocks += picture_blocks(block, source)
                continue
            if block.role == BlockRole.TABLE:
                if block.table is not None and block.table.columns and block.table.rows:
                    landscape, widths = text_table_widths(block.table)
                    grid = grid_table(block.table, widths)
                    grid.source = source
                    if landscape:
                        _landscape_section(blocks, grid)
                    else:
                        blocks.append(grid)
                continue
            role = _ROLE_OF.get(block.role, "paragraph")
            runs = _spans(block.runs, upper=role == "heading1" and heading1_capitals)
            if not "".join(r.text for r in runs).strip() and not any(r.note for r in runs):
                continue  # an empty block would print as a blank line
            blocks.append(Para(role, runs, source=source))
    return blocks


def _landscape_section(blocks: list, grid: GridTable) -> None:
    """A table too wide for portrait in a landscape section of its own, as Word documents hold
    one, with the headings that introduce it; page numbers run on through both breaks."""
    at = len(blocks)
    while at and isinstance(blocks[at - 1], Para) and blocks[at - 1].style.keep_next:
        at -= 1
    if at and isinstance(blocks[at - 1], SectionBreak) and not blocks[at - 1].landscape:
        del blocks[at - 1]  # wide tables with only headings between share one landscape section
    else:
        blocks.insert(at, SectionBreak(True, restart=False))
    blocks += [grid, SectionBreak(False, restart=False)]


def signature_table(report: Report) -> SignatureTable:
    left: Cell = []
    recipients = [nfc(r).strip() for r in report.recipients if r.strip()]
    if recipients and report.elements.recipients:
        left.append(_para("recipients_label", "Nơi nhận:"))
        left += [_para("recipient", f"- {r}") for r in recipients]
    sig = report.signature
    # the signature's capitals broken by words (no "HUYỆN" alone on a line)
    room = m.SIGNATURE_RIGHT_MM - 2 * m.CELL_PADDING_MM - 0.5
    right: Cell = [_para("authority", a) for a in _wrapped(sig.authority, "authority", room)]
    right += [_para("signer_title", t) for t in _wrapped([sig.title], "signer_title", room)]
    right += [_para("signer_caption", c) for c in sig.captions if c.strip()]
    name = _para("signer_name", sig.name or " ")
    concurrent = [_para("signer_title", t) for t in _wrapped([sig.concurrent_title], "signer_title", room)]
    if concurrent:
        # Decree 30: the concurrent title stands just above the name, after the signing space
        concurrent[0].overrides["space_before"] = name.style.space_before
        name.overrides["space_before"] = 0.0
        right += concurrent
    right.append(name)
    return SignatureTable((m.SIGNATURE_LEFT_MM, m.SIGNATURE_RIGHT_MM), left, right, source=(SIGNATURE,))


def appendix_blocks(appendix: AppendixTable, index: int = 0, continues: bool = False) -> list:
    """One appendix form on a page of its own: its title block, then its table.  A form that
    ``continues`` the phụ lục before it prints only its own lines, and its pages number on."""
    table = appendix.table
    landscape, widths = column_widths(table)
    if appendix.landscape is not None and appendix.landscape != landscape:
        landscape = appendix.landscape  # the clerk's choice wins; the columns fill its width
        widths = column_widths(table, m.LANDSCAPE_TEXT_WIDTH_MM if landscape else m.TEXT_WIDTH_MM)[1]
    lines: list = []
    if not continues:
        lines.append(_para("appendix_heading", appendix.heading or "PHỤ LỤC"))
        if appendix.title.strip():
            lines.append(_para("appendix_title", appendix.title.upper()))
        if appendix.reference.strip():
            lines.append(_para("appendix_reference", appendix.reference))
            lines.append(_rule_under(appendix.reference, "appendix_reference", 0.25, 40.0))
    if appendix.form_heading.strip():
        lines.append(_para("appendix_heading", appendix.form_heading))
    if appendix.form_title.strip():
        lines.append(_para("appendix_title", appendix.form_title))
    if not lines:  # a continuing form without lines of its own: the phụ lục's heading, as before
        lines.append(_para("appendix_heading", appendix.heading or "PHỤ LỤC"))
    lines[0].source = (APPENDIX, index)
    blocks: list = [SectionBreak(landscape, restart=not continues)] + lines
    if table.rows:
        blocks.append(grid_table(table, widths))
        blocks[-1].source = (APPENDIX, index, 0)
    return blocks


def _printable(appendix: AppendixTable) -> bool:
    table = appendix.table
    return bool(table.columns) and (bool(table.rows) or bool(appendix.title.strip()))


def paragraphs(blocks: list):
    """Every paragraph of ``blocks`` in reading order (table cells row by row)."""
    for block in blocks:
        if isinstance(block, Para):
            yield block
        elif isinstance(block, KeepTogether):
            yield from paragraphs(block.blocks)
        elif isinstance(block, HeaderTable):
            for row in block.rows:
                for cell in row:
                    yield from (p for p in cell if isinstance(p, Para))
        elif isinstance(block, SignatureTable):
            yield from (p for p in block.left + block.right if isinstance(p, Para))
        elif isinstance(block, GridTable):
            for row in block.rows:
                for cell in row.cells:
                    yield from cell.paras


def number_notes(blocks: list) -> list[Note]:
    """Number the footnotes 1, 2, 3… in document order (as Word and LibreOffice number them)."""
    notes = []
    for para in paragraphs(blocks):
        for note in para.notes:
            notes.append(note)
            note.number = len(notes)
    return notes


def chart_blocks(report: Report) -> list:
    """The charts put into the report, on portrait pages after the appendix tables."""
    blocks: list = [SectionBreak(False), _para("appendix_heading", "BIỂU ĐỒ")]
    blocks += [ChartBlock(chart) for chart in report.charts]
    return blocks


def make_document(report: Report, *, heading1_capitals: bool = m.HEADING1_CAPITALS) -> Document:
    """The whole page description of ``report``."""
    blocks: list = []
    if report.elements.header:
        blocks += [header_table(report), _para("doc_name", (report.doc_name or "BÁO CÁO").upper())]
    if report.subject.strip():
        blocks.append(_para("subject", report.subject))
        blocks.append(_rule_under(report.subject, "subject", m.SUBJECT_RULE_FRACTION, m.SUBJECT_RULE_MAX_MM))
    if report.elements.addressees:
        blocks += addressee_blocks(report.addressees)
    if report.opening.strip():
        blocks.append(_para("paragraph", report.opening))
    blocks += narrative_blocks(report, heading1_capitals)
    if report.closing.strip():
        blocks.append(_para("paragraph", report.closing))
    signature = signature_table(report)
    last = blocks.pop() if isinstance(blocks[-1], Para) and blocks[-1].role == "paragraph" else None
    blocks.append(KeepTogether(([last] if last else []) + [signature]))
    started = False  # a phụ lục has begun: a form that continues it numbers on
    for index, appendix in enumerate(report.appendices):
        if _printable(appendix):
            blocks += appendix_blocks(appendix, index, continues=started and appendix.continues)
            started = True
    if report.charts:
        blocks += chart_blocks(report)
    if number_notes(blocks):
        # LibreOffice opens a DOCX with footnotes that starts with a table with an empty paragraph of
        # its own above it (a line of the default size): a 1 pt paragraph of ours takes that place.
        blocks.insert(0, Para("spacer", []))
    return Document(
        blocks,
        title=clean(report.subject or report.doc_name),
        subject=clean(f"{report.doc_name} {number_line(report.number, report.doc_type, report.organization.abbreviation)}"),
        author=clean(report.organization.name),
    )
