"""Tables for the recogniser: Word's rows of cells → a full grid with rowspan and colspan, a
table typed with Tab → a grid, and which rows are header, caption, group or data."""

from __future__ import annotations

import re

from .docx_content import RPara, RRun, RTable
from .docx_tables import figure_aligns
from .recognize_text import bold_ratio, para_runs, runs_text
from .structure import Cell, Table


def to_grid(table: RTable, verbatim: bool = False) -> Table:
    """Word's rows of cells (gridSpan, vMerge) → a full grid with rowspan/colspan
    (``verbatim``: the runs as they are, spaces and all, for our own exports)."""
    columns = table.columns
    grid: list[list[Cell | None]] = []
    origin: dict[tuple[int, int], Cell] = {}  # covered position -> its cell
    for r, row in enumerate(table.rows):
        line: list[Cell | None] = [None] * columns
        col = row.before
        for rcell in row.cells:
            if col >= columns:
                break
            span = min(rcell.span, columns - col)
            above = origin.get((r - 1, col)) if r else None
            if rcell.vmerge == "continue" and above is not None:
                above.rowspan += 1
                for c in range(col, col + span):
                    origin[(r, c)] = above
                # text in a continued cell is unusual but must not be lost
                extra = _cell_lines(rcell, verbatim)
                if extra:
                    above.text_runs.extend(extra)
            else:
                cell = Cell(_cell_lines(rcell, verbatim), 1, span)
                line[col] = cell
                for c in range(col, col + span):
                    origin[(r, c)] = cell
            col += span
        # positions no cell reached (short rows): empty cells, so every row is as wide
        for c in range(columns):
            if (r, c) not in origin:
                cell = Cell([], 1, 1)
                line[c] = cell
                origin[(r, c)] = cell
        grid.append(line)
    return Table(grid, 0, ["data"] * len(grid), list(table.grid), table.where, figure_aligns(table))


def _cell_lines(rcell, verbatim: bool = False) -> list[list[RRun]]:
    lines = []
    for para in rcell.paragraphs:
        runs = list(para.runs) if verbatim else para_runs(para)
        # (verbatim: a line of characters str.strip() takes for spaces, like U+0085, was printed)
        if runs and (runs_text(runs) if verbatim else runs_text(runs).strip()) or any(r.footnote for r in runs):
            lines.append(runs)
    return lines


def _is_tt(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}(\.\d{1,2})*\.?|[IVX]{1,5}\.?|[A-Za-zđ]\)?\.?|[-+*]", text.strip()))


def _is_column_numbers(cells: list[str]) -> bool:
    values = [c.strip() for c in cells if c.strip()]
    return len(values) >= 2 and all(re.fullmatch(r"\(?(\d{1,2}|[A-Z])\)?(\s*=.*)?", v) for v in values)


def classify_rows(table: Table, header_flags: list[bool], appendix: bool) -> None:
    rows = table.rows
    n = len(rows)
    header = 0
    if any(header_flags):
        while header < n and header_flags[header]:
            header += 1
    elif n >= 2:
        limit = min(4, n - 1)
        for index in range(limit + 1):
            first = rows[index][0]
            texts = [c.text if c else "" for c in rows[index]]
            if _is_column_numbers(texts):
                header = index + 1
                break
            if index > 0 and first is not None and _is_tt(first.text) and first.text.strip():
                header = index
                break
        else:
            header = 1 if (appendix or _row_bold(rows[0])) else 0
        # a header cell merged down reaches into the rows below: include them
        grow = True
        while grow and 0 < header < n:
            grow = False
            for cell in rows[0]:
                pass
            for r in range(header):
                for cell in rows[r]:
                    if cell is not None and r + cell.rowspan > header:
                        header = r + cell.rowspan
                        grow = True
        if not appendix and header and not all(_row_bold(rows[r]) or _is_column_numbers(
                [c.text if c else "" for c in rows[r]]) for r in range(header)):
            header = 0
    table.header_rows = min(header, n)
    kinds = []
    columns = table.columns
    for r, row in enumerate(rows):
        if r < table.header_rows:
            kinds.append("header")
            continue
        starts = [c for c in row if c is not None]
        if len(starts) == 1 and starts[0].colspan == columns and columns > 1:
            kinds.append("caption")
            continue
        first = starts[0].text.strip() if starts else ""
        figures = [c.text.strip() for c in row[2:] if c is not None] if columns > 3 else []
        if appendix and (re.fullmatch(r"[IVX]{1,5}\.?|[A-Z]\.?", first)
                         or (_row_bold(row) and figures and not any(figures))):
            kinds.append("group")
        else:
            kinds.append("data")
    table.kinds = kinds


def _row_bold(row: list[Cell | None]) -> bool:
    runs = [r for c in row if c is not None for line in c.text_runs for r in line]
    return bool(runs) and bold_ratio(runs) >= 0.8


def _tab_table(lines: list[RPara]) -> Table:
    """Paragraphs whose cells are separated by tabs → a grid (the first line its header)."""
    rows_text = [line.text.split("\t") for line in lines]
    width = max(len(row) for row in rows_text)
    grid: list[list[Cell | None]] = []
    for row in rows_text:
        cells = [Cell([[RRun(" ".join(part.split()))]] if part.strip() else [], 1, 1) for part in row]
        cells += [Cell([], 1, 1) for _ in range(width - len(cells))]
        grid.append(cells)
    table = Table(grid, 1, ["header"] + ["data"] * (len(grid) - 1), [], lines[0].where)
    classify_rows(table, [True] + [False] * (len(grid) - 1), appendix=True)
    return table
