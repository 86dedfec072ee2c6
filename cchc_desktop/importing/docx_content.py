"""What reading a .docx yields: plain data (runs, paragraphs, cells, rows, tables, the
whole content) with no XML left in it, so the recogniser and our own-export reader work on
these alone."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RRun:
    text: str
    bold: bool = False
    italic: bool = False
    footnote: str | None = None  # id of the footnote this reference mark points to


@dataclass
class RPara:
    runs: list[RRun] = field(default_factory=list)
    style: str = ""  # style id
    style_name: str = ""  # style's display name, lower case ("heading 1", "tiêu đề 1")
    align: str = "left"  # left, center, right, both
    marker: str = ""  # what automatic numbering displays ("I.", "1.", "a)", "-")
    num_level: int | None = None
    outline: int | None = None  # 0-based outline level from the style or paragraph
    indent_left: int = 0  # twips
    first_line: int = 0  # twips, negative for hanging
    where: str = ""  # "đoạn 12", "bảng 2, hàng 3, cột 1", "chú thích 4", "hộp văn bản …"
    origin: str = "body"  # body, cell, textbox, footnote, header, footer
    pictures: list = field(default_factory=list)  # docx_pictures.Found: the pictures in it, in order

    @property
    def text(self) -> str:
        body = "".join(run.text for run in self.runs if run.footnote is None)
        return f"{self.marker} {body}" if self.marker else body

    @property
    def body_text(self) -> str:
        return "".join(run.text for run in self.runs if run.footnote is None)


@dataclass
class RCell:
    blocks: list = field(default_factory=list)  # RPara | RTable
    span: int = 1
    vmerge: str | None = None  # "restart", "continue" or None
    header: bool = False

    @property
    def paragraphs(self) -> list[RPara]:
        out = []
        for block in self.blocks:
            if isinstance(block, RPara):
                out.append(block)
            else:
                for row in block.rows:
                    for cell in row.cells:
                        out.extend(cell.paragraphs)
        return out

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass
class RRow:
    cells: list[RCell] = field(default_factory=list)
    header: bool = False
    before: int = 0  # w:gridBefore: empty grid columns before the first cell


@dataclass
class RTable:
    rows: list[RRow] = field(default_factory=list)
    where: str = ""
    borders: bool = True
    grid: list[int] = field(default_factory=list)  # column widths, twips

    @property
    def columns(self) -> int:
        width = max((row.before + sum(c.span for c in row.cells) for row in self.rows), default=0)
        return max(width, len(self.grid) if self.grid else 0)


@dataclass
class DocxContent:
    body: list = field(default_factory=list)  # RPara | RTable, in order (text boxes inline)
    footnotes: dict[str, list[RPara]] = field(default_factory=dict)
    headers: list[RPara] = field(default_factory=list)
    footers: list[RPara] = field(default_factory=list)
    legacy_runs: int = 0  # runs converted from TCVN3/VNI
    unknown_fonts: set[str] = field(default_factory=set)
