"""What the recogniser finds in a Word document, before it becomes a Report.

Plain data independent of the report model, so the recogniser can be tested on its own and
the mapping onto the model (``to_model``) stays one small module.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .docx_reader import RRun


@dataclass
class Cell:
    text_runs: list[list[RRun]] = field(default_factory=list)  # one list of runs a line
    rowspan: int = 1
    colspan: int = 1

    @property
    def text(self) -> str:
        return "\n".join("".join(r.text for r in line if r.footnote is None) for line in self.text_runs)


@dataclass
class Table:
    """A full grid: ``rows[r][c]`` is a Cell where a cell starts, None where a merge covers it."""

    rows: list[list[Cell | None]] = field(default_factory=list)
    header_rows: int = 0
    kinds: list[str] = field(default_factory=list)  # per row: header, data, group, caption
    widths: list[int] = field(default_factory=list)  # twips
    where: str = ""
    aligns: list[str] = field(default_factory=list)  # per column: the original's figures' alignment

    @property
    def columns(self) -> int:
        return len(self.rows[0]) if self.rows else 0


@dataclass
class Block:
    kind: str  # heading, paragraph, bullet, table
    runs: list[RRun] = field(default_factory=list)
    level: int = 0  # heading: 1 (I.) … 4; bullet: 0 ("-") or 1 ("+")
    table: Table | None = None
    where: str = ""
    uncertain: bool = False  # placed as a plain paragraph because nothing else fitted
    align: str = "left"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs if r.footnote is None)


@dataclass
class Part:
    heading: Block | None = None
    blocks: list[Block] = field(default_factory=list)
    group: str = ""  # "Phần thứ nhất …" heading this part opens, if any
    group_block: Block | None = None  # that heading as typed (runs, source place)
    meaning: str = "other"  # results, difficulties, directions, proposals, other


@dataclass
class Appendix:
    heading: str = ""  # "PHỤ LỤC", "PHỤ LỤC I", "Biểu mẫu 1"
    form: str = ""  # "Biểu mẫu 1", "Biểu số 02" … (as typed)
    title: list[str] = field(default_factory=list)
    reference: str = ""  # "(Kèm theo …)", its blanks for the number and day kept
    table: Table | None = None
    notes: list[Block] = field(default_factory=list)  # text after the table ("Ghi chú: …")
    where: str = ""
    form_title: list[str] = field(default_factory=list)  # under "Biểu mẫu 1" when a "PHỤ LỤC" heads it
    continues: bool = False  # a later form of the phụ lục before it (no "PHỤ LỤC" line of its own)


@dataclass
class Signature:
    authority: list[str] = field(default_factory=list)
    title: str = ""
    concurrent: str = ""  # "PHÓ CHỦ TỊCH UBND TỈNH"
    name: str = ""
    captions: list[str] = field(default_factory=list)  # "(Ký, ghi rõ họ tên)", "Người báo cáo"


@dataclass
class Entry:
    """One line of the import report."""

    where: str  # "đoạn 12", "bảng 2, hàng 3, cột 1", "đầu trang"
    message: str  # Vietnamese
    text: str = ""  # the text concerned (shortened)
    kind: str = "plain"  # plain (kept as a plain paragraph), note, header, footer, legacy
    target: str = ""  # where it went in the report: "opening", "part:2:5", "appendix:1" …


@dataclass
class Recognized:
    governing_body: list[str] = field(default_factory=list)
    issuing_body: list[str] = field(default_factory=list)
    national: bool = False
    number: str = ""
    doc_type: str = "BC"
    abbreviation: str = ""
    has_number_line: bool = False
    place: str = ""
    day: int | None = None
    month: int | None = None
    year: int | None = None
    doc_name: str = "BÁO CÁO"
    subject: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    opening: list[Block] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    closing: list[Block] = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)
    recipients: list[str] = field(default_factory=list)
    has_recipients: bool = False
    appendices: list[Appendix] = field(default_factory=list)
    footnotes: dict[str, list[list[RRun]]] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    period: object | None = None  # core.model.Period when found

    def note(self, where: str, message: str, text: str = "", kind: str = "plain", target: str = "") -> None:
        short = " ".join(text.split())
        if len(short) > 80:
            short = short[:77] + "…"
        self.entries.append(Entry(where, message, short, kind, target))
