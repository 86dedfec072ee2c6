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


# ---------------------------------------------------------------- fixture reports and read-back

FIXTURES_DIR = REPO_ROOT / "tests" / "fixtures" / "reports"
FIXTURES = sorted(p.stem for p in FIXTURES_DIR.glob("*.json"))


def fixture_report(name: str) -> Report:
    """A fixture report read through the exchange codec."""
    with open(FIXTURES_DIR / f"{name}.json", encoding="utf-8") as handle:
        return report_from_dict(json.load(handle)["report"])


W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_parts_text(path) -> tuple[str, list[str]]:
    """(the body's text, each footnote's text in id order) of a DOCX, read with python-docx."""
    import docx

    document = docx.Document(str(path))
    body = " ".join(("".join(t.text or "" for t in p.iter(W_NS + "t")))
                    for p in document.element.body.iter(W_NS + "p"))
    notes: list[str] = []
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            from lxml import etree

            root = etree.fromstring(rel.target_part.blob)
            for note in root.iter(W_NS + "footnote"):
                if note.get(W_NS + "type") in ("separator", "continuationSeparator"):
                    continue
                notes.append(" ".join("".join(t.text or "" for t in p.iter(W_NS + "t")) for p in note.iter(W_NS + "p")))
    return body, notes


def pdf_text(path, min_size: float = 10.0) -> str:
    """The PDF's text, page after page, without superscript footnote marks (smaller than
    ``min_size``: text is never set below 11 pt)."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.filter(lambda o: o.get("object_type") != "char" or o.get("size", 99) >= min_size)
                         .extract_text() or "" for page in pdf.pages)


def baseline_lines(path) -> list[list[str]]:
    """Per page, the text lines by their real baselines (the text matrix), top to bottom, without
    spaces and without superscript footnote marks (under 10 pt).

    pdfplumber's own line grouping goes by glyph tops, which depend on each PDF's font descriptor,
    so lines of different sizes side by side (Nơi nhận | signature) group differently in two files
    holding the same lines.  Spaces go because LibreOffice writes the space at a line's end (in a
    table cell, amid the row's other cells) and we do not; marks, because pdfminer puts a raised
    glyph on a line of its own in one file and not in the other.
    """
    import pdfplumber

    pages = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            chars = sorted((c for c in page.chars if c["size"] >= 10 and c["text"].strip()),
                           key=lambda c: (-c["matrix"][5], c["x0"]))
            groups: list[tuple[float, list]] = []
            for char in chars:
                y = char["matrix"][5]
                if groups and abs(groups[-1][0] - y) < 1.0:
                    groups[-1][1].append(char)
                else:
                    groups.append((y, [char]))
            lines = []
            for _, group in groups:
                text = "".join(c["text"] for c in sorted(group, key=lambda c: c["x0"]))
                if text:
                    lines.append(text)
            pages.append(lines)
    return pages


def report_words(report: Report, heading1_capitals: bool = True) -> tuple[list[str], list[str], list[str]]:
    """What an export of ``report`` must print, from the model (not from the layout): (tokens of the
    running text in order, tokens of the table cells in order — the header and signature tables'
    too —, tokens of the footnotes in order).

    Documented transformations only: control characters print as spaces, capitals where the format
    puts them (issuing body, document name, signature lines, appendix titles, "I." headings), figure
    cells of data rows in the table's number style, hidden Elements left out.
    """
    from cchc_desktop.core.figures import format_figure
    from cchc_desktop.core.model import BlockRole, RowKind
    from cchc_desktop.core.vietnamese import number_line
    from cchc_desktop.document.layout import clean

    body: list[str] = []
    cells: list[str] = []
    notes: list[str] = []

    def say(text: str, upper: bool = False, into: list[str] = body) -> None:
        text = clean(text.upper() if upper else text)
        into.extend(tokens(text))

    def runs(items, upper: bool = False, into: list[str] = body) -> None:
        # Runs follow each other with no space between (a footnote mark is no space either).
        say("".join(run.text for run in items), upper, into)
        for run in items:
            if run.footnote:
                say("".join(inner.text for inner in run.footnote), into=notes)

    def table(t) -> None:
        covered = t.covered()
        for r, row in enumerate(t.rows):
            for c, cell in enumerate(row.cells):
                if (r, c) in covered or c >= len(t.columns):
                    continue
                column = t.columns[c]
                if column.key == "change" and r >= t.header_rows and row.kind == RowKind.DATA:
                    continue
                if column.figures and r >= t.header_rows and row.kind == RowKind.DATA:
                    say(format_figure(cell.text, t.number_style), into=cells)
                else:
                    runs(cell.runs, into=cells)

    org = report.organization
    for line in org.governing_body + org.issuing_body:
        say(line, upper=True, into=cells)
    if report.elements.number_line:
        say(number_line(report.number, report.doc_type, org.abbreviation), into=cells)
    say(report.doc_name or "BÁO CÁO", upper=True)
    say(report.subject)
    if report.elements.addressees:
        for name in report.addressees:
            say(name)
    say(report.opening)
    for part in report.parts:
        for block in part.blocks:
            if block.role == BlockRole.TABLE:
                if block.table is not None and block.table.columns:
                    table(block.table)
            else:
                runs(block.runs, upper=block.role == BlockRole.HEADING1 and heading1_capitals)
    say(report.closing)
    if report.elements.recipients:
        for name in report.recipients:
            say(name, into=cells)
    sig = report.signature
    for line in sig.authority + [sig.title]:
        say(line, upper=True, into=cells)
    for line in sig.captions:
        say(line, into=cells)
    say(sig.concurrent_title, upper=True, into=cells)  # after the signing space, above the name
    say(sig.name, into=cells)
    started = False
    for appendix in report.appendices:
        if not appendix.table.columns or not (appendix.table.rows or appendix.title.strip()):
            continue
        continues = started and appendix.continues  # a later form of one phụ lục: its own lines only
        started = True
        if not continues:
            say(appendix.heading or "PHỤ LỤC")
            say(appendix.title, upper=True)
            say(appendix.reference)
        say(appendix.form_heading)
        say(appendix.form_title)
        if continues and not (appendix.form_heading.strip() or appendix.form_title.strip()):
            say(appendix.heading or "PHỤ LỤC")
        table(appendix.table)
    return body, cells, notes


def missing_from(expected: list[str], ours: list[str]) -> list[str]:
    """Expected tokens not found in ours, counting repeats (order not considered)."""
    from collections import Counter

    have = Counter(ours)
    missing = []
    for token in expected:
        if have[token]:
            have[token] -= 1
        else:
            missing.append(token)
    return missing
