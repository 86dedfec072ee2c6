"""No block can stop a PDF (issue 24, item 1).

A table row or merged area taller than the page breaks inside it, filling the page it starts on,
and continues on the next page under the repeated header rows (as LibreOffice prints our DOCX);
a paragraph or a borderless table's cell taller than a page breaks inside; and should a block
still be unplaceable, the writer's safety net slices it instead of raising LayoutError.

Each case: the PDF export (the CLI's entry point) succeeds, every letter of the tall text reads
back in order, no page is blank, the header rows head every page the table continues on, and the
DOCX export of the same report still works.
"""

from __future__ import annotations

import copy
import random
import shutil
import subprocess

import docx
import pdfplumber
import pytest

from cchc_desktop.core.indicators import new_row
from cchc_desktop.core.model import AppendixTable, Block, BlockRole, Cell, Run, Table, TableColumn, TableRow
from cchc_desktop.document import pdf_writer
from cchc_desktop.document.export import export_docx, export_pdf
from cchc_desktop.document.measures import MOTTO, NATIONAL_TITLE
from cchc_desktop.store.exchange import exchange_text

from .helpers import sample_report

# Letters the tall texts are made of; those the report's other text uses are left out, so the tall
# text's letters can be picked out of the PDF's whole text (repeated headers, page numbers).
CANDIDATES = "ẳẵặỹỵỷẩẫậẻẽẹỉĩịỏõọỗổộởỡợủũụửữựǎ"


def _letters(report) -> str:
    text = exchange_text(report) + NATIONAL_TITLE + MOTTO
    used = set(text) | set(text.upper())
    letters = "".join(c for c in CANDIDATES if c not in used and c.upper() not in used)
    assert len(letters) >= 5
    return letters


def _text(letters: str, length: int, seed: int = 24) -> str:
    """Words of 2–7 letters, ``length`` characters, no newline; not periodic (a lost or doubled
    line would show)."""
    rnd = random.Random(seed)
    words, size = [], 0
    while size < length:
        word = "".join(rnd.choice(letters) for _ in range(rnd.randint(2, 7)))
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:length].strip()


def _pages(path) -> list[tuple[str, str]]:
    """Per page: (its text, its characters in drawing order)."""
    with pdfplumber.open(str(path)) as pdf:
        return [(page.extract_text() or "", "".join(c["text"] for c in page.chars)) for page in pdf.pages]


def _check(tmp_path, report, tall: str, letters: str, header: list[str] | None = None) -> list[tuple[str, str]]:
    """Export both formats; the PDF's checks common to every case.  Returns the PDF's pages."""
    export_pdf(report, tmp_path / "tall.pdf")
    pages = _pages(tmp_path / "tall.pdf")
    keep = set(letters)
    drawn = "".join(c for _, chars in pages for c in chars if c in keep)
    assert drawn == "".join(tall.split()), "the tall text lost, doubled or reordered letters"
    for number, (text, chars) in enumerate(pages, 1):
        assert any(c.isalpha() for c in chars), f"page {number} is blank"
    if header:
        holding = [i for i, (_, chars) in enumerate(pages) if keep & set(chars)]
        assert len(holding) >= 2, "the tall block should continue over several pages"
        for i in holding:
            for label in header:
                assert label in pages[i][0], f"page {i + 1} continues the table without its header {label!r}"
    export_docx(report, tmp_path / "tall.docx")
    body = " ".join(p.text for t in docx.Document(str(tmp_path / "tall.docx")).tables
                    for row in t.rows for p in row.cells[-1].paragraphs)
    assert body or not header
    return pages


def appendix_form(text: str, rowspan: int = 3) -> AppendixTable:
    """A landscape form as imported from Word: two header rows, a narrow "Ghi chú" column whose
    cell in the third body row is merged over ``rowspan`` rows and holds ``text``."""
    columns = ([TableColumn("tt", 12.0), TableColumn("", 60.0)] + [TableColumn("", 22.0, figures=True) for _ in range(6)]
               + [TableColumn("note", 25.0)])
    first = TableRow([Cell.plain("TT", rowspan=2), Cell.plain("Nội dung", rowspan=2), Cell.plain("Kỳ này", colspan=3),
                      Cell(), Cell(), Cell.plain("Kỳ trước", colspan=3), Cell(), Cell(), Cell.plain("Ghi chú", rowspan=2)])
    second = TableRow([Cell(), Cell()] + [Cell.plain(x) for x in ("Tổng", "Nam", "Nữ")] * 2 + [Cell()])
    rows = [first, second]
    for i in range(6):
        cells = [Cell.plain(str(i + 1)), Cell.plain(f"Chỉ tiêu số {i + 1}")] + [Cell.plain(str(i * 3 + k)) for k in range(6)]
        cells.append(Cell.plain(text, rowspan=rowspan) if i == 2 else Cell())
        rows.append(TableRow(cells))
    table = Table(columns, rows, header_rows=2)
    return AppendixTable(heading="Biểu mẫu 2", title="Biểu tổng hợp", table=table, landscape=True)


def _form_report(length: int):
    report = copy.deepcopy(sample_report())
    letters = _letters(report)
    text = _text(letters, length)
    report.appendices.append(appendix_form(text))
    return report, text, letters


@pytest.mark.timeout(120)
@pytest.mark.parametrize("length", [500, 1_500, 3_000])
def test_merged_note_cell_taller_than_a_landscape_page(tmp_path, length):
    report, text, letters = _form_report(length)
    pages = _check(tmp_path, report, text, letters, header=["Kỳ này", "Kỳ trước", "Ghi chú", "Tổng"])
    # The merged area starts beside its first row, on the page of the rows above it.
    first = next(i for i, (_, chars) in enumerate(pages) if set(letters) & set(chars))
    assert "Chỉ tiêu số 1" in pages[first][0] and "Chỉ tiêu số 3" in pages[first][0]
    # The rows after the merged area follow its end.
    assert "Chỉ tiêu số 6" in pages[-1][0]


@pytest.mark.timeout(120)
def test_merged_cell_of_a_table_in_the_text(tmp_path):
    report = copy.deepcopy(sample_report())
    letters = _letters(report)
    text = _text(letters, 6_000)
    rows = [TableRow([Cell.plain("STT"), Cell.plain("Nội dung"), Cell.plain("Ghi chú")])]
    for i in range(5):
        rows.append(TableRow([Cell.plain(str(i + 1)), Cell.plain(f"Việc thứ {i + 1}"),
                              Cell.plain(text, rowspan=3) if i == 1 else Cell()]))
    table = Table([TableColumn("", 15.0), TableColumn("", 110.0), TableColumn("", 40.0)], rows, header_rows=1)
    report.parts[0].blocks.append(Block(BlockRole.TABLE, table=table))
    _check(tmp_path, report, text, letters, header=["STT", "Nội dung", "Ghi chú"])


@pytest.mark.timeout(120)
def test_cell_of_a_normal_row_breaks_where_the_page_ends(tmp_path):
    """5,000 characters in the "Ghi chú" cell of one appendix row: the row starts on the page of the
    row before it (LibreOffice splits a row taller than a page where it stands, "cannot split" or not)."""
    report = copy.deepcopy(sample_report())
    letters = _letters(report)
    text = _text(letters, 5_000)
    table = report.appendix.table
    before = table.rows[-1].cells[table.column_index("indicator")].text
    table.rows.append(new_row(table, tt="99", indicator="Việc khác", unit="Việc", value="1", note=text))
    pages = _check(tmp_path, report, text, letters, header=["Chỉ tiêu", "Đơn vị tính", "Ghi chú"])
    first = next(i for i, (_, chars) in enumerate(pages) if set(letters) & set(chars))
    assert before.split()[0] in pages[first][0] and "Việc khác" in pages[first][0]


def _long_paragraph(report, text):
    report.parts[0].blocks.append(Block(BlockRole.PARAGRAPH, [Run(text)]))


def _long_signature(report, text):
    report.signature.captions = [text]


def _long_recipient(report, text):
    report.recipients = report.recipients + [text]


def _long_issuing_body(report, text):
    report.organization.issuing_body = [text]


PLACES = {"paragraph": _long_paragraph, "signature": _long_signature, "recipients": _long_recipient,
          "issuing-body": _long_issuing_body}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("place", PLACES)
def test_text_of_30000_characters_breaks_inside(tmp_path, place):
    """A paragraph of 30,000 characters without a newline: in the body, and in the cells of the
    borderless tables (signature, recipients, the header's issuing body)."""
    report = copy.deepcopy(sample_report())
    letters = _letters(report)
    text = _text(letters, 30_000)
    PLACES[place](report, text)
    if place == "issuing-body":  # printed in capitals
        text, letters = text.upper(), letters.upper()
    pages = _check(tmp_path, report, text, letters)
    assert len(pages) >= 10


@pytest.mark.timeout(120)
def test_the_safety_net_places_a_block_that_cannot_split(tmp_path, monkeypatch):
    """Were a table's own splitting to fail, reportlab's LayoutError is caught and the block goes on
    the pages in slices: never an exception, never a blank page."""
    report, text, letters = _form_report(3_000)
    rescued = []
    original = pdf_writer.Document.handle_flowable

    def counting(self, flowables):
        before = self.rescued
        original(self, flowables)
        if self.rescued > before:
            rescued.append(self.rescued)

    monkeypatch.setattr(pdf_writer.FlowTable, "split", lambda self, w, h: [])
    monkeypatch.setattr(pdf_writer.Document, "handle_flowable", counting)
    export_pdf(report, tmp_path / "net.pdf")
    assert rescued
    pages = _pages(tmp_path / "net.pdf")
    for number, (_, chars) in enumerate(pages, 1):
        assert any(c.isalpha() for c in chars), f"page {number} is blank"
    # Every letter is drawn (a line on the cut between two slices is drawn on both pages, clipped).
    drawn = iter(c for _, chars in pages for c in chars if c in set(letters))
    assert all(letter in drawn for letter in "".join(text.split()))


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_same_page_count_as_libreoffice(tmp_path):
    """The merged 3,000-character note: as many pages, each with as many lines, as LibreOffice
    makes of our DOCX.  (A tall row's last piece may differ: LibreOffice lets that piece's last
    line hang into the bottom margin, one line more than the pages before it hold.)"""
    report, _, _ = _form_report(3_000)
    export_docx(report, tmp_path / "tall.docx")
    export_pdf(report, tmp_path / "ours.pdf")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "tall.docx")], check=True, capture_output=True,
                   timeout=240)
    ours, theirs = _pages(tmp_path / "ours.pdf"), _pages(tmp_path / "tall.pdf")
    assert len(ours) == len(theirs)
    assert [len(t.splitlines()) for t, _ in ours] == [len(t.splitlines()) for t, _ in theirs]


def _random_report(seed: int, letters: str):
    """Odd shapes as imported from Word: narrow columns, merged areas over and across each other
    (the layout clamps them), tall texts, footnotes in cells, header rows taller than half a page;
    in the text or as an appendix form."""
    rnd = random.Random(seed)
    ncol, nrow, header_rows = rnd.randint(2, 8), rnd.randint(2, 14), rnd.randint(0, 2)
    columns = [TableColumn("", rnd.choice([None, 8.0, 15.0, 25.0, 40.0])) for _ in range(ncol)]
    rows = [TableRow([Cell() for _ in range(ncol)]) for _ in range(nrow)]
    for r in range(nrow):
        for c in range(ncol):
            length = rnd.choice([0, 5, 20, 100, 800, 3000]) if rnd.random() < 0.8 else 0
            text = _text(letters, length, seed=seed * 1000 + r * 50 + c) if length else ""
            rows[r].cells[c] = Cell.plain(text, rowspan=rnd.choice([1, 1, 1, 2, 3, 5]), colspan=rnd.choice([1, 1, 1, 2]))
            if rnd.random() < 0.1 and text:
                rows[r].cells[c].runs[0].footnote = [Run("chú thích " * rnd.randint(1, 80))]
    table = Table(columns, rows, header_rows=header_rows)
    report = copy.deepcopy(sample_report())
    if rnd.random() < 0.5:
        report.appendices.append(AppendixTable(heading="Biểu", title="B", table=table,
                                               landscape=rnd.choice([None, True, False])))
    else:
        report.parts[0].blocks.insert(rnd.randint(0, 4), Block(BlockRole.TABLE, table=table))
    return report


@pytest.mark.timeout(300)
@pytest.mark.parametrize("seed", [14, 44, 129])
def test_odd_tables_print_without_the_safety_net(tmp_path, monkeypatch, seed):
    """Seed 14 once left a page holding only a sliver of empty cells (a merged group that fitted an
    empty page but not beside its footnotes)."""
    report = _random_report(seed, _letters(sample_report()))
    rescued = []
    original = pdf_writer.Document.handle_flowable

    def counting(self, flowables):
        before = self.rescued
        original(self, flowables)
        rescued.extend([1] * (self.rescued - before))

    monkeypatch.setattr(pdf_writer.Document, "handle_flowable", counting)
    export_pdf(report, tmp_path / "odd.pdf")
    assert not rescued
    for number, (_, chars) in enumerate(_pages(tmp_path / "odd.pdf"), 1):
        assert any(c.isalpha() for c in chars), f"page {number} is blank"
