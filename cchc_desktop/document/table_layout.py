"""Model tables → the layout's GridTable: merged areas, header rows, row kinds, widths, figures.

Used by layout.py for tables inside the text and for appendix forms; both writers spell the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.figures import format_figure
from ..core.indicators import change_text
from ..core.model import Align, Cell, RowKind, Table, TableRow
from . import measures as m
from .fonts import text_width

# These would import-cycle through layout; layout imports this module lazily-free (see layout.Para).
from .layout_types import Para, Span, clean


@dataclass
class GridCell:
    paras: list[Para] = field(default_factory=list)
    rowspan: int = 1
    colspan: int = 1
    covered: bool = False  # hidden under a merged area (the DOCX writes a vMerge continuation)


@dataclass
class GridRow:
    cells: list[GridCell]  # one per grid column, covered ones included
    kind: str = "data"  # data / group / caption / header
    keep_next: bool = False  # a group row: never the last row of a page (kept with its first sub-row)


@dataclass
class GridTable:
    """A bordered table; its header rows repeat on every page; rows never split (unless taller than
    a page: the PDF then breaks them where the page ends, as LibreOffice and Word do)."""

    widths_mm: list[float]
    rows: list[GridRow]
    header_rows: int = 1
    source: tuple | None = field(default=None, compare=False)  # as Para.source

    @property
    def header(self) -> list[GridRow]:
        return self.rows[: self.header_rows]

    @property
    def body(self) -> list[GridRow]:
        return self.rows[self.header_rows:]


# ---------------------------------------------------------------- merged areas


def _areas(table: Table, width: int) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, col) of each area's top-left cell → (rowspan, colspan), clamped to the table and to its
    band (header or body: a header repeats on its own), overlapping areas dropped."""
    height = len(table.rows)
    header = min(max(table.header_rows, 0), height)
    taken: set[tuple[int, int]] = set()
    areas: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(table.rows):
        band_end = header if r < header else height
        for c in range(width):
            if (r, c) in taken:
                continue
            cell = row.cells[c] if c < len(row.cells) else Cell()
            rowspan = max(1, min(cell.rowspan, band_end - r))
            colspan = max(1, min(cell.colspan, width - c))
            # Shrink until the area covers nothing already taken.
            while colspan > 1 and any((r + i, c + j) in taken for i in range(rowspan) for j in range(colspan)):
                colspan -= 1
            while rowspan > 1 and any((r + i, c + j) in taken for i in range(rowspan) for j in range(colspan)):
                rowspan -= 1
            areas[(r, c)] = (rowspan, colspan)
            taken |= {(r + i, c + j) for i in range(rowspan) for j in range(colspan)}
    return areas


# ---------------------------------------------------------------- cell text


def _cell_size(columns: int) -> float:
    """Type size of the cells: 13 pt, smaller in wide tables (12 columns fit in 165 mm at 11 pt)."""
    return 13.0 if columns <= 6 else 12.0 if columns <= 9 else 11.0


def _style(role: str, size: float, **overrides) -> dict:
    base = m.STYLES[role]
    if size != base.size:
        overrides.update(size=size, pitch=m.pitch(size))
    return overrides


_ALIGN = {Align.LEFT: m.Align.LEFT, Align.CENTER: m.Align.CENTER, Align.RIGHT: m.Align.RIGHT,
          Align.JUSTIFY: m.Align.JUSTIFY}


def _spans(cell: Cell, bold: bool = False) -> list[Span]:
    spans = []
    for run in cell.runs:
        if run.text or run.footnote:
            spans.append(Span(clean(run.text), run.bold or bold, run.italic, note_of(run)))
    return spans


def note_of(run) -> "object | None":
    """A Note (numbered later, in document order) for a run carrying a footnote."""
    from .layout_types import Note

    if not run.footnote:
        return None
    spans = [Span(clean(r.text), r.bold, r.italic) for r in run.footnote if r.text]
    return Note(0, Para("footnote", spans))


def _indent_column(table: Table) -> int | None:
    """The column whose text is indented on sub-rows: the indicator, else the first text column."""
    at = table.column_index("indicator")
    if at is not None:
        return at
    for j, column in enumerate(table.columns):
        if column.key != "tt" and not column.figures:
            return j
    return None


def _data_cell(table: Table, row: TableRow, j: int, size: float, bold: bool) -> Para:
    column = table.columns[j]
    cell = row.cells[j] if j < len(row.cells) else Cell()
    align = _ALIGN.get(column.align, m.Align.LEFT)
    overrides = _style("cell", size, align=align)
    if column.key == "change" and row.kind == RowKind.DATA:
        computed = change_text(table, row)
        return Para("cell", [Span(computed, bold)] if computed else [], overrides)
    if column.figures and row.kind == RowKind.DATA and not any(r.footnote for r in cell.runs):
        text = clean(format_figure(cell.text, table.number_style))
        return Para("cell", [Span(text, bold)] if text else [], overrides)
    if row.level > 0 and j == _indent_column(table):
        overrides["left_indent_mm"] = m.SUBROW_INDENT_MM * row.level
    return Para("cell", _spans(cell, bold), overrides)


def _hidden_text(table: Table, r: int, c: int) -> list[Span]:
    """Text typed in a cell that a merged area hides: kept, after the area's own text."""
    row = table.rows[r]
    return _spans(row.cells[c]) if c < len(row.cells) else []


def grid_table(table: Table, widths_mm: list[float]) -> GridTable:
    width = len(table.columns)
    header_rows = min(max(table.header_rows, 0), len(table.rows))
    areas = _areas(table, width)
    size = _cell_size(width)
    grid: list[GridRow] = []
    for r, row in enumerate(table.rows):
        header = r < header_rows
        kind = "header" if header else row.kind.value
        cells = [GridCell(covered=True) for _ in range(width)]
        for c in range(width):
            if (r, c) not in areas:
                continue
            rowspan, colspan = areas[(r, c)]
            if header:
                source = row.cells[c] if c < len(row.cells) else Cell()
                room = sum(widths_mm[c:c + colspan]) - 2 * m.CELL_PADDING_MM - 0.5
                at = _header_size(clean(source.text).split(), size, room)
                para = Para("cell_header", _spans(source), _style("cell_header", at))
            else:
                para = _data_cell(table, row, c, size, bold=row.kind == RowKind.GROUP)
            cells[c] = GridCell([para], rowspan, colspan)
        if kind == "caption":
            _caption(table, r, cells, size)
        grid.append(GridRow(cells, kind))
    # Text typed under a merged area is kept in the area's top-left cell.
    for r, row in enumerate(table.rows):
        for c in range(min(width, len(row.cells))):
            if (r, c) in areas or not row.cells[c].text.strip():
                continue
            for (ar, ac), (rs, cs) in areas.items():
                if ar <= r < ar + rs and ac <= c < ac + cs:
                    target = grid[ar].cells[ac].paras[0]
                    target.runs += [Span(" ")] + _hidden_text(table, r, c)
                    break
    for r in range(header_rows, len(grid) - 1):
        grid[r].keep_next = grid[r].kind == "group"  # a group row goes with its first sub-row
    return GridTable(list(widths_mm), grid, header_rows)


def _header_size(words: list[str], size: float, room_mm: float) -> float:
    """The header's size: a point smaller when a word would not fit in its cell at ``size``
    (so that no writer breaks inside it), else ``size``."""
    if words and m.pt_to_mm(max(text_width(w, size, True) for w in words)) > room_mm:
        return size - HEADER_SHRINK_PT
    return size


def _caption(table: Table, r: int, cells: list[GridCell], size: float) -> None:
    """A caption row spans the table: one bold cell (after its TT, when it has one), unless the
    clerk merged its cells otherwise or an area from above reaches into it."""
    if any(cell.covered or cell.colspan > 1 or cell.rowspan > 1 for cell in cells):
        return
    start = 1 if table.columns and table.columns[0].key == "tt" and table.rows[r].cells[0].text.strip() else 0
    if len(cells) - start < 2:
        for cell in cells:
            for para in cell.paras:
                para.runs = [Span(s.text, True, s.italic, s.note) for s in para.runs]
        return
    runs: list[Span] = []
    for c in range(start, len(cells)):
        for span in _spans(table.rows[r].cells[c], bold=True):
            if runs and span.text and not runs[-1].text.endswith(" ") and not span.text.startswith(" "):
                runs.append(Span(" ", True))
            runs.append(span)
    if start:
        first = cells[0].paras[0]
        first.runs = [Span(s.text, True, s.italic, s.note) for s in first.runs]
    cells[start] = GridCell([Para("cell", runs, _style("cell", size, align=m.Align.LEFT))], 1, len(cells) - start)
    for c in range(start + 1, len(cells)):
        cells[c] = GridCell(covered=True)


# ---------------------------------------------------------------- column widths


def keyed_widths(keys: list[str], total_mm: float | None = None) -> tuple[bool, list[float]]:
    """(landscape, widths in mm) of a table whose columns all have a known meaning: portrait when
    the minimum widths fit in 165 mm (the version-1 rule, unchanged); the width left over goes to
    the indicator and note columns (2:1).  ``total_mm`` fixes the width instead."""
    mins = [m.COLUMN_MIN_MM.get(k, m.COLUMN_DEFAULT_MIN_MM) for k in keys]
    landscape = sum(mins) > m.TEXT_WIDTH_MM
    total = total_mm or (m.LANDSCAPE_TEXT_WIDTH_MM if landscape else m.TEXT_WIDTH_MM)
    shares = [2.0 if k == "indicator" else 1.0 if k in m.COLUMN_GROWS else 0.0 for k in keys]
    if not any(shares):
        shares = [1.0] * len(keys)
    spare = total - sum(mins)
    widths = [w + spare * s / sum(shares) for w, s in zip(mins, shares)]
    return landscape, [round(w, 2) for w in widths]


def _measure(table: Table) -> tuple[list[float], list[float]]:
    """Per column: the widest word and the widest single-line text, in mm with cell padding,
    from cells that do not span columns."""
    size = _cell_size(len(table.columns))
    words = [0.0] * len(table.columns)
    lines = [0.0] * len(table.columns)
    header_rows = min(max(table.header_rows, 0), len(table.rows))
    areas = _areas(table, len(table.columns))
    for r, row in enumerate(table.rows):
        bold = r < header_rows or row.kind != RowKind.DATA
        for c, cell in enumerate(row.cells[: len(table.columns)]):
            if areas.get((r, c), (1, 2))[1] != 1:
                continue
            text = clean(cell.text).strip()
            if not text:
                continue
            w = m.pt_to_mm(max(text_width(word, size, bold) for word in text.split() or [""]))
            l = m.pt_to_mm(text_width(text, size, bold))
            words[c], lines[c] = max(words[c], w), max(lines[c], l)
    pad = 2 * m.CELL_PADDING_MM + 0.5
    return [w + pad for w in words], [l + pad for l in lines]


def _column_widths(table: Table, total_mm: float | None = None) -> tuple[bool, list[float]]:
    """(landscape, widths in mm).  Widths the clerk set are kept; keyed columns follow the
    version-1 minimums and shares; any other column gets room by its text (its widest word at
    least, its widest line at most, the rest shared in proportion).  ``total_mm`` fixes the
    width (a table inside the text); else portrait when the minimums fit in 165 mm."""
    columns = table.columns
    if not columns:
        return False, []
    keys = [c.key for c in columns]
    if all(c.width_mm is None for c in columns) and all(k in m.COLUMN_MIN_MM for k in keys):
        mins = sum(m.COLUMN_MIN_MM[k] for k in keys)
        if total_mm is None:
            return keyed_widths(keys)
        if mins <= total_mm:
            return False, keyed_widths(keys, total_mm)[1]
    word, line = _measure(table)
    mins, wants, grows = [], [], []
    for c, column in enumerate(columns):
        if column.width_mm is not None:
            mins.append(column.width_mm)
            wants.append(column.width_mm)
            grows.append(0.0)
        elif column.key in m.COLUMN_MIN_MM:
            low = m.COLUMN_MIN_MM[column.key] if column.key != "indicator" else 45.0
            mins.append(max(min(low, 20.0), word[c]) if column.key != "indicator" else max(low, word[c]))
            wants.append(max(mins[-1], line[c] if column.key not in m.COLUMN_GROWS else 2 * line[c]))
            grows.append(2.0 if column.key == "indicator" else 1.0 if column.key in m.COLUMN_GROWS else 0.0)
        else:
            mins.append(max(8.0, word[c]))
            wants.append(max(mins[-1], min(line[c], 90.0)))
            grows.append(0.0 if line[c] < 40 else 1.0)
    landscape = False
    total = total_mm
    if total is None:
        landscape = sum(mins) > m.TEXT_WIDTH_MM
        total = m.LANDSCAPE_TEXT_WIDTH_MM if landscape else m.TEXT_WIDTH_MM
    if sum(mins) >= total:
        return landscape, _scale(mins, total)
    if sum(wants) <= total:
        widths = list(wants)
        spare = total - sum(widths)
        free = [c for c, col in enumerate(columns) if col.width_mm is None]
        shares = [grows[c] for c in free]
        if not any(shares):
            shares = [wants[c] for c in free]
        if free and sum(shares) > 0:
            for c, s in zip(free, shares):
                widths[c] += spare * s / sum(shares)
        return landscape, _scale(widths, total)
    # Between the minimums and the wishes: each column gets its minimum and a share of the rest in
    # proportion to what it still wants.
    spare = total - sum(mins)
    need = [w - lo for w, lo in zip(wants, mins)]
    widths = [lo + spare * n / sum(need) for lo, n in zip(mins, need)]
    return landscape, _scale(widths, total)


def column_widths(table: Table, total_mm: float | None = None) -> tuple[bool, list[float]]:
    """(landscape, widths in mm), each column then widened to hold its widest word (see
    ``word_room``) with width taken from columns that have room to spare."""
    landscape, widths = _column_widths(table, total_mm)
    if not widths:
        return landscape, widths
    return landscape, make_room(widths, word_room(table))


def text_table_widths(table: Table) -> tuple[bool, list[float]]:
    """A table inside the text: (landscape, widths).  Landscape (a page section of its own, as
    Word documents put a wide table) only when portrait cannot hold a column's widest word (a
    header would break inside a syllable: "giả / m") and landscape can hold more of them."""
    needs = word_room(table)
    portrait = column_widths(table, m.TEXT_WIDTH_MM)[1]
    short = _shortfall(portrait, needs)
    if short <= 0.05:
        return False, portrait
    wide = column_widths(table, m.LANDSCAPE_TEXT_WIDTH_MM)[1]
    if _shortfall(wide, needs) < short:
        return True, wide
    return False, portrait


def _shortfall(widths: list[float], needs: list[float]) -> float:
    return sum(max(0.0, n - w) for w, n in zip(widths, needs))


def word_room(table: Table) -> list[float]:
    """Per column, the width (mm, padding included) its widest unbreakable word needs: body words
    at the cells' size, header words a point smaller (a header that does not fit shrinks a point,
    as Word would, see ``grid_table``); words of cells spanning columns do not count.  A word is
    what lies between spaces: neither Word nor LibreOffice breaks after "/" in "Tăng/giảm"."""
    size = _cell_size(len(table.columns))
    needs = [0.0] * len(table.columns)
    header_rows = min(max(table.header_rows, 0), len(table.rows))
    areas = _areas(table, len(table.columns))
    for r, row in enumerate(table.rows):
        header = r < header_rows
        bold = header or row.kind != RowKind.DATA
        at = size - HEADER_SHRINK_PT if header else size
        for c, cell in enumerate(row.cells[: len(table.columns)]):
            if areas.get((r, c), (1, 2))[1] != 1:
                continue
            words = clean(cell.text).split()
            if words:
                needs[c] = max(needs[c], max(text_width(w, at, bold) for w in words))
    pad = 2 * m.CELL_PADDING_MM + 0.5
    return [m.pt_to_mm(n) + pad if n else 0.0 for n in needs]


def make_room(widths: list[float], needs: list[float]) -> list[float]:
    """``widths`` (same total) with each column short of its ``needs`` widened, the width taken
    from the columns with room to spare in proportion to that room; unchanged when there is not
    enough spare room for all of them."""
    short = [max(0.0, n - w) for w, n in zip(widths, needs)]
    deficit = sum(short)
    if deficit <= 0.01:
        return widths
    spare = [max(0.0, w - max(n, MIN_COLUMN_MM)) for w, n in zip(widths, needs)]
    room = sum(spare)
    if room < deficit:
        return widths
    out = [w + d - sp * deficit / room for w, d, sp in zip(widths, short, spare)]
    return [round(w, 2) for w in out]


HEADER_SHRINK_PT = 1.0  # a header word too wide for its cell: one point smaller, as Word would


MIN_COLUMN_MM = 2 * m.CELL_PADDING_MM + 1.2  # room for one narrow letter inside the padding


def _scale(widths: list[float], total: float) -> list[float]:
    """``widths`` brought to ``total``, none narrower than MIN_COLUMN_MM when the total allows."""
    floor = min(MIN_COLUMN_MM, total / max(len(widths), 1))
    widths = [max(w, 0.0) for w in widths]
    fixed: set[int] = set()
    while True:
        free = [i for i in range(len(widths)) if i not in fixed]
        room = total - floor * len(fixed)
        s = sum(widths[i] for i in free) or 1.0
        out = [floor if i in fixed else widths[i] * room / s for i in range(len(widths))]
        small = {i for i in free if out[i] < floor - 1e-9}
        if not small:
            return [round(w, 2) for w in out]
        fixed |= small
