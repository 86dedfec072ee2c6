"""Arithmetic and number writing inside tables (text tables and appendix forms).

- ``tables.total``: a "Tổng cộng" / "Tổng số" / "Cộng" row, or a group row with its sub-rows,
  that is not the sum of the rows it stands for;
- ``tables.percent``: a percentage that is not its count over its base: in a "Tỷ lệ"/"%"
  column, the pair of columns that most rows divide (count ÷ base) is the rule and a row
  that breaks it is named (off by ×100 said so: "0,42%" where 210/500 is 42%); a rate row
  of a form (``TableRow.ratio_of``) against its own two rows;
- ``tables.number_format``: one table writing decimals two ways ("98.75" beside "102,30")
  or thousands two ways ("450,000" beside "12.000").

Precision first: numbering columns (TT, STT), scores, prices and ranks are never summed; a
column is summed only when every row it adds holds a number; a breakdown that says "trong
đó" may be partial and is only queried when its parts exceed the whole.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from decimal import Decimal

from ..model import Report, RowKind, Table
from ..vietnamese import fold
from .base import RULES, Context, Finding, Severity, per_run, rule
from .places import where

_TOTAL = re.compile(r"(?:tong\s+cong|tong\s+so|tong|cong|toan\s+(?:tinh|huyen|xa|thanh\s+pho|quoc))\s*:?")
_NOT_SUMMED = re.compile(r"\b(?:s?tt|so\s+tt|ma|ty\s+le|diem|xep|thu\s+hang|binh\s+quan|trung\s+binh|don\s+gia|gia|"
                         r"chi\s+so|nam|muc|ghi\s+chu)\b|%")
_PERCENT_HEADER = re.compile(r"ty\s+le|%")
_NUMBERING = re.compile(r"^(?:s?tt|so\s+tt|số\s+tt)$")

_VI_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
# "450,000", "1,234,567": a comma before three digits ending in 0 or before two groups ("1,125" may
# be a Vietnamese decimal and is read as one)
_EN_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:,\d{3}){2,}(?:\.\d+)?|[1-9]\d{0,2},\d\d0(?:\.\d+)?")
_VI_DECIMAL = re.compile(r"\d+,\d+")
_EN_DECIMAL = re.compile(r"\d+\.\d{1,2}")  # "12.2025" (a month) is none
_INTEGER = re.compile(r"\d+")
_OUTLINE = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?")


@dataclass(frozen=True)
class Number:
    value: Decimal
    style: str  # "vi" (1.234 / 12,5), "en" (1,234 / 12.5) or "" (a plain integer)
    kind: str  # "thousands", "decimal" or ""
    places: int  # digits after the decimal mark
    percent: bool


def read_number(text: str) -> Number | None:
    """A cell holding one number only, in either convention; None otherwise."""
    body = text.strip()
    if not body or not body[0] in "0123456789-":  # not str.isdigit: "²" is a digit to it, no number to Decimal
        return None  # the usual cell: empty or words
    if body.isascii() and body.isdigit():
        return Number(Decimal(body), "", "", 0, False)
    body = body.replace("\u00a0", "").replace(" ", "")
    percent = body.endswith("%")
    body = body.rstrip("%")
    if body.startswith("-") and len(body) > 1:
        body = body[1:]
    if _INTEGER.fullmatch(body):
        return Number(Decimal(body), "", "", 0, percent)
    if _VI_THOUSANDS.fullmatch(body):
        whole, _c, frac = body.partition(",")
        return Number(Decimal(whole.replace(".", "") + ("." + frac if frac else "")), "vi", "thousands",
                      len(frac), percent)
    if _EN_THOUSANDS.fullmatch(body):
        whole, _d, frac = body.partition(".")
        return Number(Decimal(whole.replace(",", "") + ("." + frac if frac else "")), "en", "thousands",
                      len(frac), percent)
    if _VI_DECIMAL.fullmatch(body):
        return Number(Decimal(body.replace(",", ".")), "vi", "decimal", len(body.partition(",")[2]), percent)
    if _EN_DECIMAL.fullmatch(body):
        return Number(Decimal(body), "en", "decimal", len(body.partition(".")[2]), percent)
    return None


# ------------------------------------------------------------------ the tables of a report

@dataclass
class Grid:
    """One table and how to name its cells in findings."""

    table: Table
    field: str  # "sections[0].blocks[6].table" or "appendices[1].table"; "appendix" for the first form

    def cell_field(self, r: int, c: int) -> str:
        if self.field == "appendix":
            key = self.table.columns[c].key if c < len(self.table.columns) else ""
            if key:
                return f"appendix.rows[{r - self.table.header_rows}].{key}"
            return "appendix.title"
        return f"{self.field}.rows[{r}].cells[{c}]"

    @cached_property
    def headers(self) -> list[str]:
        width = max((len(row.cells) for row in self.table.rows), default=0)
        return [fold(" ".join(row.cells[c].text for row in self.table.header if c < len(row.cells))).strip()
                for c in range(width)]

    def header(self, c: int) -> str:
        return self.headers[c] if c < len(self.headers) else ""

    @cached_property
    def labels(self) -> list[str]:
        return [_label(row) for row in self.table.rows]

    @cached_property
    def totals(self) -> list[bool]:
        """Rows named "Tổng cộng", "Tổng số", "Cộng", "Toàn tỉnh"…"""
        return [bool(_TOTAL.fullmatch(fold(label))) if label else False for label in self.labels]

    def label(self, r: int) -> str:
        return self.labels[r]

    @cached_property
    def numbers(self) -> dict[tuple[int, int], Number]:
        return _numbers(self)


def _label(row) -> str:
    """The row's name: its first cell that is not a number nor a numbering mark."""
    for cell in row.cells:
        text = cell.text.strip()
        if text and read_number(text) is None and not _MARK.fullmatch(text):
            return text
    return ""


_MARK = re.compile(r"[\dIVXLivxl.a-zđ)]{1,6}")


def grids(report: Report) -> list[Grid]:
    """The report's tables; within one ``run_checks`` built once for the three rules."""
    return per_run(report, "tables", lambda: list(_grids(report)))


def _grids(report: Report) -> Iterator[Grid]:
    for s, part in enumerate(report.sections):
        for b, block in enumerate(part.blocks):
            if block.table is not None and len(block.table.rows) > block.table.header_rows:
                yield Grid(block.table, f"sections[{s}].blocks[{b}].table")
    for k, appendix in enumerate(report.appendices):
        yield Grid(appendix.table, "appendix" if k == 0 else f"appendices[{k}].table")


def _numbers(grid: Grid) -> dict[tuple[int, int], Number]:
    hidden = grid.table.covered()
    numbering = {c for c, header in enumerate(grid.headers) if _NUMBERING.fullmatch(header)}
    out = {}
    for r in range(grid.table.header_rows, len(grid.table.rows)):
        for c, cell in enumerate(grid.table.rows[r].cells):
            if c in numbering or (r, c) in hidden or (c == 0 and _OUTLINE.fullmatch(cell.text.strip())):
                continue  # numbering: "1.1" in the first column is a row's number, not a decimal
            number = read_number(cell.text)
            if number is not None:
                out[(r, c)] = number
    return out


def _place(report: Report, grid: Grid, r: int, c: int) -> str:
    return where(report, grid.cell_field(r, c))


def _text(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    whole, _dot, frac = text.partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    return groups + ("," + frac if frac else "")


# ------------------------------------------------------------------ totals

def _members(grid: Grid, r: int) -> list[int]:
    """The rows a total row at ``r`` adds up: the level-0 data rows of its block (before it
    when it closes the table, after it when it opens it), captions and other totals bounding."""
    table, rows = grid.table, grid.table.rows
    body = range(table.header_rows, len(rows))

    def stop(i: int) -> bool:
        return rows[i].kind == RowKind.CAPTION or grid.totals[i]

    before = []
    for i in reversed(range(table.header_rows, r)):
        if stop(i):
            break
        before.append(i)
    after = []
    for i in range(r + 1, len(rows)):
        if stop(i):
            break
        after.append(i)
    chosen = sorted(before) if before and (r == body[-1] or not after) else after
    if chosen is after and any(_partial(grid, i) for i in after):
        return []  # "Tổng số" over "Trong đó: nam, nữ, dân tộc thiểu số": breakdowns that overlap
    level = min((rows[i].level for i in chosen), default=0)
    return [i for i in chosen if rows[i].level == level and not _partial(grid, i)]


_GROUP_MARK = re.compile(r"(?:[IVXL]{1,5}|[A-HK-Z])\s*[.)]?")


def _group_like(grid: Grid, r: int) -> bool:
    """A subtotal row of a table whose levels were not kept ("I. Khối sở" over its sở):
    numbered I, II / A, B, or written in bold throughout."""
    cells = [cell for cell in grid.table.rows[r].cells if cell.text.strip()]
    if not cells:
        return False
    if _GROUP_MARK.fullmatch(cells[0].text.strip()) or _GROUP_MARK.match(grid.label(r)) and \
            re.match(r"(?:[IVXL]{1,5}|[A-HK-Z])\s*[.)]\s", grid.label(r)):
        return True
    runs = [run for cell in cells for run in cell.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


def _sums(grid: Grid, members: list[int], parts: list[Number]) -> list[Decimal]:
    """The total of all rows and, when some look like subtotals, of those alone and of the others."""
    values = [p.value for p in parts]
    out = [sum(values, Decimal(0))]
    groups = [_group_like(grid, i) for i in members]
    if any(groups) and not all(groups):
        out.append(sum((v for v, g in zip(values, groups) if g), Decimal(0)))
        out.append(sum((v for v, g in zip(values, groups) if not g), Decimal(0)))
    return out


def _partial(grid: Grid, r: int) -> bool:
    label = fold(grid.label(r))
    return label.startswith(("trong do", "-", "+", "trong so"))


def _children(grid: Grid, r: int) -> list[int]:
    rows = grid.table.rows
    out = []
    for i in range(r + 1, len(rows)):
        if rows[i].level <= rows[r].level or rows[i].kind == RowKind.CAPTION:
            break
        if rows[i].level == rows[r].level + 1:
            out.append(i)
    return out


def _one_unit(grid: Grid, members: list[int]) -> bool:
    """Rows counted in different units ("Tin, bài" and "Phóng sự") are never added up."""
    columns = [c for c in range(len(grid.table.columns)) if re.search(r"don\s+vi\s+tinh|\bdvt\b", grid.header(c))]
    for c in columns:
        units = {fold(grid.table.rows[i].cells[c].text).strip() for i in members if c < len(grid.table.rows[i].cells)}
        if len(units - {""}) > 1:
            return False
    return True


def _sum_slips(grid: Grid, numbers: dict[tuple[int, int], Number]) -> Iterator[tuple[int, int, Decimal, list[int]]]:
    table = grid.table
    columns = range(max((len(row.cells) for row in table.rows), default=0))
    summed = [c for c in columns if not _NOT_SUMMED.search(grid.header(c))]
    for r in range(table.header_rows, len(table.rows)):
        total_row = grid.totals[r]
        children = _children(grid, r)
        if total_row:
            members, partial = _members(grid, r), False
        elif len(children) >= 2:
            members = children
            partial = any(_partial(grid, i) for i in children) or "trong do" in fold(grid.label(r))
        else:
            continue
        if len(members) < 2 or not _one_unit(grid, members):
            continue
        for c in summed:
            whole = numbers.get((r, c))
            parts = [numbers.get((i, c)) for i in members]
            if whole is None or whole.percent or any(p is None or p.percent for p in parts):
                continue
            sums = _sums(grid, members, parts)
            places = max(p.places for p in parts + [whole])  # rounded parts may miss by half a unit each
            slack = Decimal(1).scaleb(-places) / 2 * len(parts) if places else Decimal(0)
            got = sums[0]
            if all(abs(s - whole.value) > slack for s in sums) and (not partial or got > whole.value):
                yield r, c, got, members


@rule("tables.total", Severity.WARNING, "Dòng tổng trong bảng không bằng cộng các dòng")
def table_totals(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["tables.total"]
    for grid in grids(report):
        numbers = grid.numbers
        for r, c, got, members in _sum_slips(grid, numbers):
            label = grid.label(r)[:40] or "Dòng tổng"
            first, last = _place(report, grid, members[0], c), _place(report, grid, members[-1], c)
            yield me.finding(f"“{label}” ghi {grid.table.rows[r].cells[c].text.strip()}, nhưng cộng {len(members)} dòng "
                             f"({first} … {last}) được {_text(got)}. Kiểm tra lại số liệu.",
                             grid.cell_field(r, c), 0, len(grid.table.rows[r].cells[c].text))


# ------------------------------------------------------------------ percentages

def _fits(p: Decimal, count: Decimal, base: Decimal, places: int) -> bool:
    if base == 0:
        return False
    tolerance = max(Decimal("0.05"), Decimal(1).scaleb(-places) / 2 + Decimal("0.01"))
    return abs(count * 100 / base - p) <= tolerance


def _percent_slips(grid: Grid, numbers: dict[tuple[int, int], Number]) -> Iterator[tuple[int, int, int, int, bool]]:
    """(row, percent column, count column, base column, off by ×100)."""
    table = grid.table
    columns = range(max((len(row.cells) for row in table.rows), default=0))
    rows = range(table.header_rows, len(table.rows))
    for pc in columns:
        if not _PERCENT_HEADER.search(grid.header(pc)):
            continue
        others = [c for c in columns if c != pc and not _NOT_SUMMED.search(grid.header(c))]
        support: Counter[tuple[int, int]] = Counter()
        full = []
        for r in rows:
            p = numbers.get((r, pc))
            if p is None:
                continue
            full.append(r)
            for i in others:
                for j in others:
                    a, b = numbers.get((r, i)), numbers.get((r, j))
                    if i != j and a is not None and b is not None and a.value not in (0, b.value) \
                            and _fits(p.value, a.value, b.value, p.places):
                        support[(i, j)] += 1  # 0/x and x/x fit any pair: they tell nothing
        if not support:
            continue
        (i, j), count = support.most_common(1)[0]
        if count < 2 or count * 10 < len(full) * 6:
            continue  # no rule that most rows follow: nothing to hold a row to
        for r in full:
            p, a, b = numbers[(r, pc)], numbers.get((r, i)), numbers.get((r, j))
            if a is None or b is None or b.value == 0 or _fits(p.value, a.value, b.value, p.places):
                continue
            scaled = _fits(p.value * 100, a.value, b.value, p.places) or _fits(p.value / 100, a.value, b.value, 2)
            yield r, pc, i, j, scaled


def _ratio_slips(grid: Grid, numbers: dict[tuple[int, int], Number]) -> Iterator[tuple[int, int, int, int, bool]]:
    """A form's rate row (``ratio_of`` names its count and base rows) against them."""
    table = grid.table
    keys = {row.key: r for r, row in enumerate(table.rows) if row.key}
    for r, row in enumerate(table.rows):
        if len(row.ratio_of) != 2 or any(k not in keys for k in row.ratio_of):
            continue
        count_row, base_row = (keys[k] for k in row.ratio_of)
        for c in range(len(row.cells)):
            p, a, b = numbers.get((r, c)), numbers.get((count_row, c)), numbers.get((base_row, c))
            if p is None or a is None or b is None or b.value == 0 or _fits(p.value, a.value, b.value, p.places):
                continue
            scaled = _fits(p.value * 100, a.value, b.value, p.places) or _fits(p.value / 100, a.value, b.value, 2)
            yield r, c, count_row, base_row, scaled


@rule("tables.percent", Severity.WARNING, "Tỷ lệ trong bảng không bằng số đếm chia cho tổng")
def table_percent(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["tables.percent"]
    for grid in grids(report):
        numbers = grid.numbers
        for r, pc, i, j, scaled, by_rows in _column_or_row_slips(grid, numbers):
            a = numbers[(i, pc)] if by_rows else numbers[(r, i)]
            b = numbers[(j, pc)] if by_rows else numbers[(r, j)]
            right = (a.value * 100 / b.value).quantize(Decimal("0.01"))
            typed = grid.table.rows[r].cells[pc].text.strip()
            why = " (lệch 100 lần)" if scaled else ""
            yield me.finding(f"Tỷ lệ “{typed}” không khớp: {_text(a.value)}/{_text(b.value)} = {_text(right)}%{why}. "
                             "Tính lại tỷ lệ hoặc sửa số liệu.", grid.cell_field(r, pc), 0, len(typed))


def _column_or_row_slips(grid: Grid, numbers: dict[tuple[int, int], Number]):
    for r, pc, i, j, scaled in _percent_slips(grid, numbers):
        yield r, pc, i, j, scaled, False
    for r, c, count_row, base_row, scaled in _ratio_slips(grid, numbers):
        yield r, c, count_row, base_row, scaled, True


# ------------------------------------------------------------------ one way of writing numbers

def _styles(numbers: dict[tuple[int, int], Number], kind: str) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for at, number in sorted(numbers.items()):
        if number.kind == kind and number.style:
            out.setdefault(number.style, []).append(at)
    return out


@rule("tables.number_format", Severity.WARNING, "Một bảng viết số theo hai cách (98.75 và 102,30)")
def table_number_format(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["tables.number_format"]
    for grid in grids(report):
        numbers = grid.numbers
        styles = {kind: _styles(numbers, kind) for kind in ("decimal", "thousands")}
        mixed = {kind: s for kind, s in styles.items() if len(s) == 2}
        if not mixed:
            continue
        # the way most of the table writes is the rule; the fewer cells are the slips
        votes = Counter({style: sum(len(s.get(style, [])) for s in styles.values()) for style in ("vi", "en")})
        usual = "vi" if votes["vi"] >= votes["en"] else "en"
        odd = sorted(at for s in styles.values() for style, ats in s.items() if style != usual for at in ats)
        r, c = odd[0]
        typed = grid.table.rows[r].cells[c].text.strip()
        kind = next(iter(mixed))
        ur, uc = mixed[kind][usual][0]
        sample = grid.table.rows[ur].cells[uc].text.strip()
        way = "dấu phẩy ngăn phần thập phân, dấu chấm ngăn hàng nghìn" if usual == "vi" else \
            "dấu chấm ngăn phần thập phân, dấu phẩy ngăn hàng nghìn"
        more = f" (và {len(odd) - 1} ô khác)" if len(odd) > 1 else ""
        yield me.finding(f"“{typed}”{more} viết số khác phần còn lại của bảng (“{sample}”: {way}). "
                         "Viết thống nhất một cách.", grid.cell_field(r, c), 0, len(typed))
