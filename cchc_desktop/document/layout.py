"""Report → Document: the one description of the page that both writers spell.

The layout decides *what* is on the page and in which role (see measures.STYLES); the writers only
decide how their format spells a role.  Neither writer looks at the Report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.figures import format_figure
from ..core.indicators import change_text, column_label
from ..core.model import AppendixTable, BlockRole, Report, RowKind, Run, Table, TableRow
from ..core.vietnamese import date_words, format_number, nfc, number_line, place_and_date
from . import measures as m
from .fonts import text_width


@dataclass
class Para:
    role: str  # a key of measures.STYLES
    runs: list[Run] = field(default_factory=list)

    @property
    def style(self) -> m.ParaStyle:
        return m.STYLES[self.role]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Rule:
    """A short solid rule, centred in its column."""

    width_mm: float


Cell = list["Para | Rule"]


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


@dataclass
class KeepTogether:
    """Blocks that must stay on one page (last paragraph + signature)."""

    blocks: list


@dataclass
class SectionBreak:
    """A new section on a new page; page numbers restart at 1, hidden on its first page."""

    landscape: bool = False


@dataclass
class GridTable:
    """A bordered table; the first row is the header, repeated on every page; rows never split."""

    widths_mm: list[float]
    header: list[Para]
    rows: list[list[Para]]


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


_CONTROL = re.compile("[\x00-\x1f\x7f\ufffe\uffff]")


def clean(text: str) -> str:
    """NFC, and control characters (tabs, line feeds…) as spaces: neither format can show them."""
    return _CONTROL.sub(" ", nfc(text))


def _para(role: str, text: str, **run_kw) -> Para:
    return Para(role, [Run(clean(text), **run_kw)])


def _rule_under(text: str, style_role: str, fraction: float, max_mm: float | None = None) -> Rule:
    style = m.STYLES[style_role]
    width = m.pt_to_mm(text_width(text, style.size, style.bold, style.italic)) * fraction
    if max_mm is not None:
        width = min(width, max_mm)
    return Rule(round(max(width, 15.0), 1))


def header_table(report: Report) -> HeaderTable:
    org = report.organization
    left: Cell = [_para("governing_body", line.upper()) for line in org.governing_body if line.strip()]
    issuing = [line.upper() for line in org.issuing_body if line.strip()]
    left += [_para("issuing_body", line) for line in issuing]
    if issuing:
        left.append(_rule_under(issuing[-1], "issuing_body", m.ISSUER_RULE_FRACTION))
    right: Cell = [_para("national_title", m.NATIONAL_TITLE), _para("motto", m.MOTTO),
                   _rule_under(m.MOTTO, "motto", 1.0)]
    shown = report.elements.number_line
    number = _para("number", number_line(report.number, report.doc_type, org.abbreviation) if shown else "")
    place = report.place or org.place
    dated = _para("place_date", place_and_date(place, report.date) if place else date_words(report.date))
    return HeaderTable((m.HEADER_LEFT_MM, m.HEADER_RIGHT_MM), [(left, right), ([number], [dated])])


def addressee_blocks(addressees: list[str]) -> list[Para]:
    names = [nfc(a).strip() for a in addressees if a.strip()]
    if not names:
        return []
    if len(names) == 1:
        return [_para("addressee", f"Kính gửi: {names[0].rstrip(' ;.')}")]
    blocks = [_para("addressee", "Kính gửi:")]
    for i, name in enumerate(names):
        end = "." if i == len(names) - 1 else ";"
        blocks.append(_para("addressee_item", f"- {name.rstrip(' ;.,')}{end}"))
    return blocks


_ROLE_OF = {BlockRole.PART: "part", BlockRole.HEADING1: "heading1", BlockRole.HEADING2: "heading2",
            BlockRole.HEADING3: "heading3", BlockRole.PARAGRAPH: "paragraph", BlockRole.BULLET: "bullet"}


def narrative_blocks(report: Report, heading1_capitals: bool) -> list[Para]:
    blocks: list[Para] = []
    for section in report.sections:
        for block in section.blocks:
            runs = [Run(clean(r.text), r.bold, r.italic) for r in block.runs if r.text]
            if not "".join(r.text for r in runs).strip():
                continue  # an empty block would print as a blank line
            role = _ROLE_OF.get(block.role, "paragraph")
            if role == "heading1" and heading1_capitals:
                runs = [Run(r.text.upper(), r.bold, r.italic) for r in runs]
            blocks.append(Para(role, runs))
    return blocks


def signature_table(report: Report) -> SignatureTable:
    left: Cell = []
    recipients = [nfc(r).strip() for r in report.recipients if r.strip()]
    if recipients and report.elements.recipients:
        left.append(_para("recipients_label", "Nơi nhận:"))
        left += [_para("recipient", f"- {r}") for r in recipients]
    sig = report.signature
    right: Cell = [_para("authority", a.upper()) for a in sig.authority if a.strip()]
    if sig.title.strip():
        right.append(_para("signer_title", sig.title.upper()))
    if sig.concurrent_title.strip():
        right.append(_para("signer_title", sig.concurrent_title.upper()))
    right += [_para("signer_caption", c) for c in sig.captions if c.strip()]
    right.append(_para("signer_name", sig.name or " "))
    return SignatureTable((m.SIGNATURE_LEFT_MM, m.SIGNATURE_RIGHT_MM), left, right)


def column_widths(keys: list[str]) -> tuple[bool, list[float]]:
    """(landscape, widths in mm): portrait when the minimum widths fit in 165 mm."""
    mins = [m.COLUMN_MIN_MM.get(k, m.COLUMN_DEFAULT_MIN_MM) for k in keys]
    landscape = sum(mins) > m.TEXT_WIDTH_MM
    total = m.LANDSCAPE_TEXT_WIDTH_MM if landscape else m.TEXT_WIDTH_MM
    shares = [2.0 if k == "indicator" else 1.0 if k in m.COLUMN_GROWS else 0.0 for k in keys]
    if not any(shares):
        shares = [1.0] * len(keys)
    spare = total - sum(mins)
    widths = [w + spare * s / sum(shares) for w, s in zip(mins, shares)]
    return landscape, [round(w, 2) for w in widths]


_CENTRED = {"tt", "unit", "change", "value", "previous", "target"}


def _cell(table: Table, row: TableRow, j: int) -> Para:
    column = table.columns[j]
    key = column.key
    if key == "change":
        return _para("cell_center", change_text(table, row))
    cell = row.cells[j]
    text = format_figure(cell.text, table.number_style) if column.figures else cell.text
    if key == "indicator" and row.level > 0:
        return _para("cell_subrow", text)
    return _para("cell_center" if key in _CENTRED else "cell", text)


def appendix_blocks(appendix: AppendixTable) -> list:
    table = appendix.table
    keys = [c.key for c in table.columns]
    landscape, widths = column_widths(keys)
    if appendix.landscape is not None:
        landscape = appendix.landscape
    blocks: list = [SectionBreak(landscape), _para("appendix_heading", appendix.heading or "PHỤ LỤC")]
    if appendix.title.strip():
        blocks.append(_para("appendix_title", appendix.title.upper()))
    if appendix.reference.strip():
        blocks.append(_para("appendix_reference", appendix.reference))
        blocks.append(_rule_under(appendix.reference, "appendix_reference", 0.25, 40.0))
    header = [_para("cell_header", column_label(table, j)) for j in range(len(table.columns))]
    rows = [[_cell(table, row, j) for j in range(len(keys))] for row in table.body]
    blocks.append(GridTable(widths, header, rows))
    return blocks


def _printable(appendix: AppendixTable) -> bool:
    return bool(appendix.table.columns) and (bool(appendix.table.body) or bool(appendix.title.strip()))


def chart_blocks(report: Report) -> list:
    """The charts put into the report, on portrait pages after the appendix tables."""
    blocks: list = [SectionBreak(False), _para("appendix_heading", "BIỂU ĐỒ")]
    blocks += [ChartBlock(chart) for chart in report.charts]
    return blocks


def make_document(report: Report, *, heading1_capitals: bool = m.HEADING1_CAPITALS) -> Document:
    """The whole page description of ``report``."""
    blocks: list = [header_table(report), _para("doc_name", (report.doc_name or "BÁO CÁO").upper())]
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
    for appendix in report.appendices:
        if _printable(appendix):
            blocks += appendix_blocks(appendix)
    if report.charts:
        blocks += chart_blocks(report)
    return Document(
        blocks,
        title=nfc(report.subject or report.doc_name),
        subject=nfc(f"{report.doc_name} {number_line(report.number, report.doc_type, report.organization.abbreviation)}"),
        author=nfc(report.organization.name),
    )
