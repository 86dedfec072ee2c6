"""Hypothesis strategies for the model, shared by every test package.

``reports()`` draws any report the codec can hold: any NFC text (Vietnamese letters, control
characters, empty strings), any number of sections/blocks/runs, any table shape, blank
(``None``) figures and dates.  Use ``texts()`` for a single field.
"""

from __future__ import annotations

import io
import struct
import unicodedata
import zlib
from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from cchc_desktop.core.model import (
    Align,
    AppendixTable,
    Block,
    BlockRole,
    Cell,
    DocumentDate,
    Elements,
    NumberStyle,
    Organization,
    Part,
    PartTag,
    Period,
    PeriodKind,
    Picture,
    Report,
    ReportStatus,
    RowKind,
    Run,
    Signature,
    Table,
    TableColumn,
    TableRow,
)

VIETNAMESE = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴ"
    "0123456789 .,;:-–/()“”\"'%&<>\n\t"
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def texts(max_size: int = 20) -> st.SearchStrategy[str]:
    """Vietnamese-looking text most of the time, any Unicode (no lone surrogates) otherwise; NFC."""
    vietnamese = st.text(alphabet=VIETNAMESE, max_size=max_size)
    anything = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=max_size)
    return st.one_of(st.just(""), vietnamese, anything).map(nfc)


def text_lists(max_size: int = 4) -> st.SearchStrategy[list[str]]:
    return st.lists(texts(), max_size=max_size)


def numbers() -> st.SearchStrategy[Decimal | None]:
    """A blank figure, a count, or a decimal such as 12,5."""
    return st.one_of(
        st.none(),
        st.integers(min_value=-10**12, max_value=10**12).map(Decimal),
        st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False),
    )


def optional_dates() -> st.SearchStrategy[date | None]:
    return st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    kind = draw(st.sampled_from(PeriodKind))
    high = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.WEEK: 6}.get(kind)
    index = draw(st.integers(1, high)) if high else draw(st.one_of(st.none(), st.integers(1, 99)))
    return Period(
        kind=kind,
        year=draw(st.integers(1900, 2999)),
        index=index,
        start=draw(optional_dates()),
        end=draw(optional_dates()),
        deadline=draw(optional_dates()),
        label=draw(texts()),
        month=draw(st.integers(1, 12)) if kind == PeriodKind.WEEK else draw(st.one_of(st.none(), st.integers(1, 12))),
    )


def document_dates() -> st.SearchStrategy[DocumentDate]:
    return st.builds(
        DocumentDate,
        year=st.integers(1900, 2999),
        month=st.one_of(st.none(), st.integers(1, 12)),
        day=st.one_of(st.none(), st.integers(1, 31)),
    )


def signatures() -> st.SearchStrategy[Signature]:
    return st.builds(Signature, authority=text_lists(3), title=texts(), name=texts(),
                     concurrent_title=texts(), captions=text_lists(2))


def organizations() -> st.SearchStrategy[Organization]:
    return st.builds(
        Organization,
        issuing_body=text_lists(3),
        governing_body=text_lists(2),
        name=texts(),
        place=texts(),
        abbreviation=texts(8),
        default_signature=signatures(),
        default_recipients=text_lists(),
    )


def plain_runs() -> st.SearchStrategy[Run]:
    return st.builds(Run, text=texts(30), bold=st.booleans(), italic=st.booleans())


def runs() -> st.SearchStrategy[Run]:
    """A run, now and then carrying a footnote after its text."""
    footnotes = st.one_of(st.none(), st.none(), st.lists(plain_runs(), min_size=1, max_size=2))
    return st.builds(Run, text=texts(30), bold=st.booleans(), italic=st.booleans(), footnote=footnotes)


FIGURES = ("", "-", "0", "02", "5", "12.604", "1.250,5", "18,75", "15%", "100", "3")


def figure_texts() -> st.SearchStrategy[str]:
    return st.sampled_from(FIGURES)


@st.composite
def tables(draw: st.DrawFn, max_columns: int = 6, max_rows: int = 6) -> Table:
    """Any grid: 1–3 header rows, merged areas across and down, figure columns, row kinds."""
    width = draw(st.integers(1, max_columns))
    keys = ("", "tt", "indicator", "unit", "value", "previous", "note")
    columns = []
    for _ in range(width):
        key = draw(st.sampled_from(keys))
        columns.append(TableColumn(key=key, width_mm=draw(st.one_of(st.none(), st.floats(5, 120).map(lambda w: round(w, 1)))),
                                   align=draw(st.sampled_from(Align)), figures=key in ("value", "previous")))
    header_rows = draw(st.integers(0, 3))
    height = header_rows + draw(st.integers(0, max_rows))
    rows = []
    for r in range(height):
        header = r < header_rows
        kind = RowKind.DATA if header else draw(st.sampled_from(RowKind))
        cells = []
        for c in range(width):
            text = draw(figure_texts()) if columns[c].figures and not header else draw(texts(20))
            cells.append(Cell([Run(text)] if text else []))
        rows.append(TableRow(cells, kind, draw(texts(6)), draw(st.integers(0, 2))))
    table = Table(columns, rows, header_rows, draw(st.sampled_from(NumberStyle)))
    # Merged areas: a few rectangles that do not overlap; covered cells are empty.
    taken: set[tuple[int, int]] = set()
    for _ in range(draw(st.integers(0, 3))):
        if not height:
            break
        r, c = draw(st.integers(0, height - 1)), draw(st.integers(0, width - 1))
        rowspan, colspan = draw(st.integers(1, height - r)), draw(st.integers(1, width - c))
        area = {(r + i, c + j) for i in range(rowspan) for j in range(colspan)}
        if area & taken:
            continue
        taken |= area
        rows[r].cells[c].rowspan, rows[r].cells[c].colspan = rowspan, colspan
        for i, j in area - {(r, c)}:
            rows[i].cells[j] = Cell()
    return table


def png_bytes(width: int, height: int, rgb: tuple[int, int, int] = (0, 0, 0)) -> bytes:
    """A plain PNG of one colour (pure Python: zlib and struct)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


def jpeg_bytes(width: int, height: int, rgb: tuple[int, int, int] = (0, 0, 0)) -> bytes:
    from PIL import Image  # reportlab's own dependency

    out = io.BytesIO()
    Image.new("RGB", (width, height), rgb).save(out, "JPEG")
    return out.getvalue()


@st.composite
def pictures(draw: st.DrawFn) -> Picture:
    """A small PNG or JPEG of 1×1 … 200×200 px, with no printed size (from its pixels) or any."""
    width, height = draw(st.integers(1, 200)), draw(st.integers(1, 200))
    rgb = draw(st.tuples(*[st.integers(0, 255)] * 3))
    format_ = draw(st.sampled_from(["png", "jpeg"]))
    data = png_bytes(width, height, rgb) if format_ == "png" else jpeg_bytes(width, height, rgb)
    mm = st.floats(1.0, 400.0).map(lambda v: round(v, 2))
    width_mm, height_mm = draw(st.one_of(st.just((0.0, 0.0)), st.tuples(mm, mm)))
    return Picture(data, format_, width_mm, height_mm, draw(texts()))


def blocks() -> st.SearchStrategy[Block]:
    text_roles = [role for role in BlockRole if role not in (BlockRole.TABLE, BlockRole.PICTURE)]
    paragraph = st.builds(Block, role=st.sampled_from(text_roles), runs=st.lists(runs(), max_size=3))
    table = tables().map(lambda t: Block(BlockRole.TABLE, [], t))
    picture = st.builds(Block, role=st.just(BlockRole.PICTURE), runs=st.lists(runs(), max_size=2),
                        picture=pictures())
    return st.one_of(paragraph, paragraph, paragraph, table, picture)


def parts() -> st.SearchStrategy[Part]:
    return st.builds(Part, tag=st.sampled_from(PartTag), blocks=st.lists(blocks(), max_size=4))


sections = parts  # the version-1 name


def appendices() -> st.SearchStrategy[AppendixTable]:
    return st.builds(
        AppendixTable,
        heading=texts(),
        title=texts(),
        reference=texts(),
        table=tables(max_columns=7, max_rows=8),
        landscape=st.one_of(st.none(), st.booleans()),
    )


def reports() -> st.SearchStrategy[Report]:
    return st.builds(
        Report,
        organization=organizations(),
        period=periods(),
        date=document_dates(),
        doc_type=texts(4),
        doc_name=texts(12),
        number=texts(6),
        place=texts(),
        subject=texts(60),
        addressees=text_lists(3),
        opening=texts(60),
        parts=st.lists(parts(), max_size=4),
        closing=texts(),
        signature=signatures(),
        recipients=text_lists(6),
        appendices=st.lists(appendices(), max_size=2),
        status=st.sampled_from(ReportStatus),
        disabled_checks=text_lists(3),
        kind=st.sampled_from(["", "cchc-propaganda", "weekly-work"]),
        elements=st.builds(Elements, number_line=st.booleans(), addressees=st.booleans(), recipients=st.booleans()),
        sample=st.booleans(),
    )
