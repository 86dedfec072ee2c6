"""The report as plain data: no Qt, no SQL, no file formats.

Every text field holds Unicode NFC (see ``normalize``).  Typed markers such as
``I.``, ``2.1`` or ``- `` stay inside the text; a block's role decides its format.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar


class BlockRole(StrEnum):
    PART = "part"  # "Phần thứ nhất …": a group of roman-numbered parts
    HEADING1 = "heading1"  # I., II., III.
    HEADING2 = "heading2"  # 1., 2.
    HEADING3 = "heading3"  # 2.1., a)
    PARAGRAPH = "paragraph"
    BULLET = "bullet"  # "- " / "+ "
    TABLE = "table"  # a table inside the text: ``Block.table``
    PICTURE = "picture"  # a picture inside the text: ``Block.picture`` (its runs: the caption)


HEADING_ROLES = (BlockRole.PART, BlockRole.HEADING1, BlockRole.HEADING2, BlockRole.HEADING3)


class PeriodKind(StrEnum):
    WEEK = "week"  # tuần N tháng M (index = N, month = M, start/end = from/to dates)
    MONTH = "month"
    QUARTER = "quarter"
    HALF1 = "half1"  # 6 tháng đầu năm
    HALF2 = "half2"  # 6 tháng cuối năm
    NINE_MONTHS = "nine_months"
    YEAR = "year"
    ADHOC = "adhoc"
    NONE = "none"  # a thematic report about no period at all


class ReportStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"  # Đã ban hành: read-only until explicitly reopened


class PartTag(StrEnum):
    """What a part means, for the next-report and check features; never printed."""

    RESULTS = "results"  # Kết quả
    DIFFICULTIES = "difficulties"  # Thuận lợi, khó khăn / tồn tại, hạn chế
    DIRECTIONS = "directions"  # Phương hướng, nhiệm vụ kỳ tới
    PROPOSALS = "proposals"  # Đề xuất, kiến nghị
    OTHER = "other"


SectionKey = PartTag  # the three tags of version 1 keep their old name


class RowKind(StrEnum):
    DATA = "data"  # carries figures
    GROUP = "group"  # a heading row; its sub-rows carry the figures (printed bold)
    CAPTION = "caption"  # a text row spanning the table ("A. CHỈ TIÊU CHUNG")


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


class NumberStyle(StrEnum):
    """How figures are printed: what the clerk typed, or one Vietnamese style for the table."""

    AS_TYPED = "as_typed"  # "02", "12.604", "18,75" exactly as typed
    VIETNAMESE = "vietnamese"  # 1.250 / 18,75 (leading zeros kept where typed)


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    # A footnote whose reference mark stands right after this run's text (numbered in
    # document order by the writers); its own text, one paragraph.
    footnote: list[Run] | None = None


@dataclass
class Cell:
    runs: list[Run] = field(default_factory=list)
    rowspan: int = 1  # on the top-left cell of a merged area; the covered cells stay, empty
    colspan: int = 1

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @classmethod
    def plain(cls, text: str, rowspan: int = 1, colspan: int = 1) -> Cell:
        return cls([Run(text)] if text else [], rowspan, colspan)


@dataclass
class TableColumn:
    # A meaning for the features that need one: "tt", "indicator", "unit", "value",
    # "previous", "change", "target", "note"; "" for any other column.
    key: str = ""
    width_mm: float | None = None  # None: shared out by the layout
    align: Align = Align.LEFT
    figures: bool = False  # cells hold figures (numbers, "-", "15%"): see core.figures


@dataclass
class TableRow:
    cells: list[Cell] = field(default_factory=list)
    kind: RowKind = RowKind.DATA
    key: str = ""  # the indicator's identity across reports ("" when the row has none)
    level: int = 0  # 1 = a sub-row of the group above (indented, no TT of its own)
    # A rate row: the keys of its numerator and denominator rows; consolidation recomputes
    # it from their sums (a percentage is never summed).
    ratio_of: list[str] = field(default_factory=list)


@dataclass
class Table:
    """A grid: every row has one cell per column; merged areas cover cells that stay empty."""

    columns: list[TableColumn] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)  # the header rows first
    header_rows: int = 1
    number_style: NumberStyle = NumberStyle.AS_TYPED

    @property
    def header(self) -> list[TableRow]:
        return self.rows[: self.header_rows]

    @property
    def body(self) -> list[TableRow]:
        return self.rows[self.header_rows :]

    def column_index(self, key: str) -> int | None:
        for i, column in enumerate(self.columns):
            if column.key == key:
                return i
        return None

    def covered(self) -> set[tuple[int, int]]:
        """(row, column) of the cells hidden under a merged area."""
        hidden: set[tuple[int, int]] = set()
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row.cells):
                if (r, c) in hidden:
                    continue
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        if dr or dc:
                            hidden.add((r + dr, c + dc))
        return hidden


@dataclass
class Picture:
    """An inline picture (a chart pasted as an image, a photo): its bytes and printed size."""

    data: bytes = b""  # the PNG or JPEG file, as stored
    format: str = "png"  # "png" or "jpeg"
    width_mm: float = 0.0  # printed size; 0: from the pixels at 96 dpi, fitted to the text width
    height_mm: float = 0.0
    name: str = ""  # the original's name or description ("Biểu đồ 1"), never printed


@dataclass
class Block:
    role: BlockRole
    runs: list[Run] = field(default_factory=list)
    table: Table | None = None  # only for BlockRole.TABLE (its runs stay empty)
    picture: Picture | None = None  # only for BlockRole.PICTURE (its runs: a caption, may be empty)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @classmethod
    def plain(cls, role: BlockRole, text: str) -> Block:
        return cls(role, [Run(text)])


@dataclass
class Part:
    """A numbered part of the body ("I. KẾT QUẢ …"): its first block is usually its heading.

    Parts follow each other in a flat list; a part whose heading has the role PART
    ("Phần thứ nhất …") groups the roman-numbered parts after it.
    """

    tag: PartTag = PartTag.OTHER
    blocks: list[Block] = field(default_factory=list)

    @property
    def heading(self) -> Block | None:
        first = self.blocks[0] if self.blocks else None
        return first if first is not None and first.role in HEADING_ROLES else None

    @property
    def title(self) -> str:
        heading = self.heading
        return heading.text if heading is not None else ""

    @property
    def key(self) -> PartTag:  # the version-1 name
        return self.tag


Section = Part  # the version-1 name


@dataclass
class Signature:
    # e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]; the last may be empty when the head signs.
    authority: list[str] = field(default_factory=list)
    title: str = ""  # "PHÓ CHỦ TỊCH"; "NGƯỜI BÁO CÁO" on an internal note
    name: str = ""  # "Lê Thị Sáu"
    concurrent_title: str = ""  # a second title under the first ("PHÓ CHỦ TỊCH UBND TỈNH")
    captions: list[str] = field(default_factory=list)  # "(Ký, ghi rõ họ tên)" under the title


@dataclass
class Organization:
    issuing_body: list[str] = field(default_factory=list)  # ["ỦY BAN NHÂN DÂN", "XÃ CƯƠNG GIÁN"]
    governing_body: list[str] = field(default_factory=list)  # empty for a People's Committee
    name: str = ""  # "Ủy ban nhân dân xã Cương Gián", used in running text
    place: str = ""  # "Cương Gián", for the place-and-date line
    abbreviation: str = ""  # "UBND", for "Số: 15/BC-UBND"
    default_signature: Signature = field(default_factory=Signature)
    default_recipients: list[str] = field(default_factory=list)


@dataclass
class DocumentDate:
    """The date line; day and month stay ``None`` on an unregistered draft."""

    year: int
    month: int | None = None
    day: int | None = None


@dataclass
class Period:
    kind: PeriodKind
    year: int
    index: int | None = None  # month 1–12, quarter 1–4, week of the month 1–6; else None
    start: date | None = None  # data cut-off override (a week: its first day); None = default
    end: date | None = None
    deadline: date | None = None
    label: str = ""  # wording of an ad-hoc period ("đợt cao điểm tháng 9")
    month: int | None = None  # the month of a week


@dataclass
class Elements:
    """Which optional parts of the Decree-30 layout this report prints."""

    number_line: bool = True  # "Số: …/BC-UBND"
    # The Decree-30 header (issuing body | quốc hiệu, number, place and date) and the document's
    # name: off for a file that has none (statistical forms sent alone, a price table), so the
    # export does not add what the original lacks.
    header: bool = True
    addressees: bool = True  # "Kính gửi: …"
    recipients: bool = True  # "Nơi nhận:"


# The columns of the version-1 indicator table: still the default appendix form.
DEFAULT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("tt", "TT"),
    ("indicator", "Chỉ tiêu"),
    ("unit", "Đơn vị tính"),
    ("value", "Số lượng"),
    ("note", "Ghi chú"),
)
FIGURE_KEYS = frozenset({"value", "previous", "change", "target"})
_ALIGN_OF_KEY = {"tt": Align.CENTER, "unit": Align.CENTER, "value": Align.CENTER,
                 "previous": Align.CENTER, "change": Align.CENTER, "target": Align.CENTER}


def table_column(key: str) -> TableColumn:
    """A column with the usual alignment of its meaning."""
    return TableColumn(key=key, align=_ALIGN_OF_KEY.get(key, Align.LEFT), figures=key in FIGURE_KEYS)


def indicator_table(columns: tuple[tuple[str, str], ...] = DEFAULT_COLUMNS) -> Table:
    """An empty indicator table with one header row (the version-1 appendix shape)."""
    header = TableRow([Cell.plain(label) for _, label in columns])
    return Table([table_column(key) for key, _ in columns], [header])


@dataclass
class AppendixTable:
    """One appendix form: its title block, then its table, on a page of its own."""

    heading: str = "PHỤ LỤC"  # "PHỤ LỤC", "Biểu mẫu 3", "Phụ lục II"
    title: str = ""  # "BÁO CÁO TUYÊN TRUYỀN CCHC 6 THÁNG ĐẦU NĂM 2024"
    reference: str = ""  # "(Kèm theo Công văn số 190 /VHTT …)"
    table: Table = field(default_factory=indicator_table)
    landscape: bool | None = None  # None: chosen by the layout from the columns' widths
    # A phụ lục holding several forms: the form's own lines under the phụ lục's ("Biểu mẫu 1",
    # then the form's name), and whether it continues the phụ lục of the form before it
    # (its pages then number on instead of from 1, and the phụ lục's lines are not repeated).
    form_heading: str = ""
    form_title: str = ""
    continues: bool = False

    @property
    def rows(self) -> list:
        """The body rows read and written by column meaning (core.indicators.IndicatorRow)."""
        from .indicators import indicator_rows  # late: indicators builds on this module

        return indicator_rows(self.table)


class ChartKind(StrEnum):
    BARS = "bars"
    LINES = "lines"


@dataclass
class ChartSeries:
    name: str  # "Số tin, bài" or "Kỳ này"
    values: list[str] = field(default_factory=list)  # figures as typed, one per category


@dataclass
class Chart:
    """A chart put into the report: its data are a snapshot taken when it was inserted, so the
    report prints the same chart wherever it is opened."""

    title: str = ""
    kind: ChartKind = ChartKind.BARS
    categories: list[str] = field(default_factory=list)  # periods ("Quý I/2026") or indicators
    series: list[ChartSeries] = field(default_factory=list)
    unit: str = ""  # the value axis label ("Tin, bài", "%")


@dataclass
class Report:
    organization: Organization
    period: Period
    date: DocumentDate
    doc_type: str = "BC"
    doc_name: str = "BÁO CÁO"
    number: str = ""  # as typed; blank until registered
    place: str = ""
    subject: str = ""
    addressees: list[str] = field(default_factory=list)
    opening: str = ""
    parts: list[Part] = field(default_factory=list)
    closing: str = ""
    signature: Signature = field(default_factory=Signature)
    recipients: list[str] = field(default_factory=list)  # without the leading "- "
    appendices: list[AppendixTable] = field(default_factory=list)
    status: ReportStatus = ReportStatus.DRAFT
    disabled_checks: list[str] = field(default_factory=list)
    kind: str = ""  # the template the report was made from ("cchc-propaganda", "weekly-work")
    elements: Elements = field(default_factory=Elements)
    sample: bool = False  # the bundled example ("Mẫu"), not the clerk's own report
    charts: list[Chart] = field(default_factory=list)  # printed after the appendix tables
    id: int | None = field(default=None, compare=False)

    @property
    def sections(self) -> list[Part]:  # the version-1 name
        return self.parts

    def section(self, key: PartTag) -> Part:
        """The first part tagged ``key`` (a new one at the end when there is none)."""
        for part in self.parts:
            if part.tag == key:
                return part
        part = Part(key)
        self.parts.append(part)
        return part

    @property
    def appendix(self) -> AppendixTable | None:
        """The first appendix table (most reports have one)."""
        return self.appendices[0] if self.appendices else None


T = TypeVar("T")


def normalize(value: T) -> T:
    """Return ``value`` with every string inside it in Unicode NFC (dataclasses, lists, dicts)."""
    return _nfc(value)


def _nfc(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(item) for item in value]
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _nfc(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value
