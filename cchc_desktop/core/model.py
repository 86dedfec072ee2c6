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
    HEADING1 = "heading1"  # I., II., III.
    HEADING2 = "heading2"  # 1., 2.
    HEADING3 = "heading3"  # 2.1., a)
    PARAGRAPH = "paragraph"
    BULLET = "bullet"  # "- " / "+ "


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF1 = "half1"  # 6 tháng đầu năm
    HALF2 = "half2"  # 6 tháng cuối năm
    NINE_MONTHS = "nine_months"
    YEAR = "year"
    ADHOC = "adhoc"


class ReportStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"  # Đã ban hành: read-only until explicitly reopened


class SectionKey(StrEnum):
    RESULTS = "results"  # I. Kết quả
    DIFFICULTIES = "difficulties"  # II. Thuận lợi, khó khăn
    DIRECTIONS = "directions"  # III. Phương hướng


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    role: BlockRole
    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @classmethod
    def plain(cls, role: BlockRole, text: str) -> Block:
        return cls(role, [Run(text)])


@dataclass
class Section:
    key: SectionKey
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Signature:
    # e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]; the last may be empty when the head signs.
    authority: list[str] = field(default_factory=list)
    title: str = ""  # "PHÓ CHỦ TỊCH"
    name: str = ""  # "Lê Thị Sáu"


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
    index: int | None = None  # month 1–12 or quarter 1–4; None for the other kinds
    start: date | None = None  # data cut-off override; None = the Decree 09 default
    end: date | None = None
    deadline: date | None = None
    label: str = ""  # wording of an ad-hoc period ("đợt cao điểm tháng 9")


@dataclass
class Column:
    key: str  # "tt", "indicator", "unit", "value", "previous", "note"
    label: str


DEFAULT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("tt", "TT"),
    ("indicator", "Chỉ tiêu"),
    ("unit", "Đơn vị tính"),
    ("value", "Số lượng"),
    ("note", "Ghi chú"),
)


def default_columns() -> list[Column]:
    return [Column(key, label) for key, label in DEFAULT_COLUMNS]


@dataclass
class IndicatorRow:
    tt: str = ""  # "1", "2" …; empty for a sub-row
    indicator: str = ""
    unit: str = ""
    value: Decimal | None = None
    note: str = ""
    level: int = 0  # 0 = row, 1 = sub-row (no TT of its own)
    previous: Decimal | None = None  # the same figure in the previous report


@dataclass
class Appendix:
    heading: str = "PHỤ LỤC"
    title: str = ""
    reference: str = ""  # "(Kèm theo Công văn số 190 /VHTT …)"
    columns: list[Column] = field(default_factory=default_columns)
    rows: list[IndicatorRow] = field(default_factory=list)


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
    sections: list[Section] = field(default_factory=list)
    closing: str = ""
    signature: Signature = field(default_factory=Signature)
    recipients: list[str] = field(default_factory=list)  # without the leading "- "
    appendix: Appendix | None = None
    status: ReportStatus = ReportStatus.DRAFT
    disabled_checks: list[str] = field(default_factory=list)
    id: int | None = field(default=None, compare=False)

    def section(self, key: SectionKey) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        section = Section(key)
        self.sections.append(section)
        return section


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
