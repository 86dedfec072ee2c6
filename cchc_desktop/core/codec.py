"""Report <-> plain dicts (JSON-ready), validating every field on the way in.

The same dict shape is the body of the JSON exchange file, the sample report,
the templates and the revisions kept in the database.  ``from_dict`` names the
wrong field in Vietnamese (``FormatError.path``) and normalises text to NFC.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import fields
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from .figures import FigureError, figure_text, parse_figure
from .model import (
    Align,
    AppendixTable,
    Block,
    BlockRole,
    Cell,
    Chart,
    ChartKind,
    ChartSeries,
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
    normalize,
    table_column,
)

# Version of the report dict; version 1 (three fixed sections, one flat indicator table)
# is still read, and converted on the way in.
VERSION = 2
MAX_DEPTH = 40  # nesting of the dicts we read; deeper input is refused, not recursed into
_SKIP_WHEN_NONE = frozenset({"footnote", "table", "picture"})
# Fields left out when they hold their default: a table has thousands of cells and runs, and
# "bold": false, "rowspan": 1… on each would make the file five times larger.
_SKIP_DEFAULTS = {"Run": {"bold": False, "italic": False}, "Cell": {"rowspan": 1, "colspan": 1},
                  "AppendixTable": {"form_heading": "", "form_title": "", "continues": False},
                  "Elements": {"header": True},
                  "TableRow": {"kind": "data", "key": "", "level": 0, "ratio_of": []}}


class FormatError(ValueError):
    """A field of an incoming dict is missing or of the wrong kind."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"Trường '{path}': {message}")
        self.path = path
        self.message = message


# ---------------------------------------------------------------- writing


def report_to_dict(report: Report) -> dict[str, Any]:
    return _encode(report, skip={"id"})


def _encode(value: Any, skip: frozenset[str] | set[str] = frozenset()) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):  # a picture's file
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        defaults = _SKIP_DEFAULTS.get(type(value).__name__, {})
        encoded = {}
        for f in fields(value):
            item = getattr(value, f.name)
            if f.name in skip or (f.name in _SKIP_WHEN_NONE and item is None):
                continue
            if f.name in defaults and item == defaults[f.name]:
                continue
            encoded[f.name] = _encode(item)
        return encoded
    return value


def _decimal_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text == "-0" else text


# ---------------------------------------------------------------- reading


class _Reader:
    """Reads one dict, remembering where it is so errors can name the field."""

    def __init__(self, data: Any, path: str, depth: int = 0) -> None:
        if not isinstance(data, dict):
            raise FormatError(path or "(gốc)", "phải là một đối tượng JSON {…}")
        if depth > MAX_DEPTH:
            raise FormatError(path, "lồng nhau quá sâu")
        self.data = data
        self.path = path
        self.depth = depth

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, default: Any, required: bool) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                raise FormatError(self._where(key), "bị thiếu")
            return default
        return self.data[key]

    def text(self, key: str, default: str = "", required: bool = False) -> str:
        value = self._get(key, default, required)
        if not isinstance(value, str):
            raise FormatError(self._where(key), "phải là chuỗi văn bản")
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._get(key, default, False)
        if not isinstance(value, bool):
            raise FormatError(self._where(key), "phải là true hoặc false")
        return value

    def integer(self, key: str, low: int, high: int, required: bool = False) -> int | None:
        value = self._get(key, None, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise FormatError(self._where(key), f"phải là số nguyên từ {low} đến {high}")
        if not low <= value <= high:
            raise FormatError(self._where(key), f"phải từ {low} đến {high}, không phải {value}")
        return value

    def number(self, key: str) -> Decimal | None:
        value = self._get(key, None, False)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise FormatError(self._where(key), "phải là một số")
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise FormatError(self._where(key), f"phải là một số, không phải '{value}'") from None
        if not number.is_finite():
            raise FormatError(self._where(key), f"phải là một số, không phải '{value}'")
        return number

    def day(self, key: str) -> date | None:
        value = self._get(key, None, False)
        if value is None:
            return None
        try:
            return date.fromisoformat(value) if isinstance(value, str) else _bad()
        except (ValueError, TypeError):
            raise FormatError(self._where(key), f"phải là ngày dạng YYYY-MM-DD, không phải '{value}'") from None

    def choice(self, key: str, enum: type[StrEnum], default: StrEnum | None = None) -> Any:
        value = self._get(key, default.value if default else None, default is None)
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(item.value for item in enum)
            raise FormatError(self._where(key), f"phải là một trong: {allowed}") from None

    def texts(self, key: str) -> list[str]:
        value = self._get(key, [], False)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise FormatError(self._where(key), "phải là danh sách chuỗi văn bản")
        return list(value)

    def child(self, key: str, required: bool = True) -> _Reader | None:
        value = self._get(key, None, required)
        return None if value is None else _Reader(value, self._where(key), self.depth + 1)

    def children(self, key: str) -> list[_Reader]:
        value = self._get(key, [], False)
        if not isinstance(value, list):
            raise FormatError(self._where(key), "phải là một danh sách […]")
        return [_Reader(item, f"{self._where(key)}[{i}]", self.depth + 1) for i, item in enumerate(value)]

    def has(self, key: str) -> bool:
        return key in self.data

    def real(self, key: str, low: float, high: float) -> float | None:
        value = self._get(key, None, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise FormatError(self._where(key), f"phải là số từ {low:g} đến {high:g}")
        return float(value)


def _bad() -> date:
    raise ValueError


def report_from_dict(data: Any) -> Report:
    """Build a Report from ``data`` or raise FormatError naming the wrong field."""
    r = _Reader(data, "")
    report = Report(
        organization=_organization(r.child("organization")),
        period=_period(r.child("period")),
        date=_document_date(r.child("date")),
        doc_type=r.text("doc_type", "BC"),
        doc_name=r.text("doc_name", "BÁO CÁO"),
        number=r.text("number"),
        place=r.text("place"),
        subject=r.text("subject"),
        addressees=r.texts("addressees"),
        opening=r.text("opening"),
        parts=_parts(r),
        closing=r.text("closing"),
        signature=_signature(r.child("signature", required=False)),
        recipients=r.texts("recipients"),
        appendices=_appendices(r),
        status=r.choice("status", ReportStatus, ReportStatus.DRAFT),
        disabled_checks=r.texts("disabled_checks"),
        kind=r.text("kind"),
        elements=_elements(r.child("elements", required=False)),
        sample=r.flag("sample"),
        charts=[_chart(c) for c in r.children("charts")],
    )
    return normalize(report)


def organization_from_dict(data: Any) -> Organization:
    return normalize(_organization(_Reader(data, "organization")))


def _organization(r: _Reader) -> Organization:
    return Organization(
        issuing_body=r.texts("issuing_body"),
        governing_body=r.texts("governing_body"),
        name=r.text("name"),
        place=r.text("place"),
        abbreviation=r.text("abbreviation"),
        default_signature=_signature(r.child("default_signature", required=False)),
        default_recipients=r.texts("default_recipients"),
    )


def _signature(r: _Reader | None) -> Signature:
    if r is None:
        return Signature()
    return Signature(
        authority=r.texts("authority"),
        title=r.text("title"),
        name=r.text("name"),
        concurrent_title=r.text("concurrent_title"),
        captions=r.texts("captions"),
    )


def _elements(r: _Reader | None) -> Elements:
    if r is None:
        return Elements()
    return Elements(
        number_line=r.flag("number_line", True),
        header=r.flag("header", True),
        addressees=r.flag("addressees", True),
        recipients=r.flag("recipients", True),
    )


def _period(r: _Reader) -> Period:
    kind = r.choice("kind", PeriodKind)
    high = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.WEEK: 6}.get(kind, 99)
    return Period(
        kind=kind,
        year=r.integer("year", 1900, 2999, required=True),
        index=r.integer("index", 1, high),
        start=r.day("start"),
        end=r.day("end"),
        deadline=r.day("deadline"),
        label=r.text("label"),
        month=r.integer("month", 1, 12),
    )


def _document_date(r: _Reader) -> DocumentDate:
    return DocumentDate(
        year=r.integer("year", 1900, 2999, required=True),
        month=r.integer("month", 1, 12),
        day=r.integer("day", 1, 31),
    )


def _parts(r: _Reader) -> list[Part]:
    if r.has("sections") and not r.has("parts"):  # version 1
        return [Part(s.choice("key", PartTag), [_block(b) for b in s.children("blocks")])
                for s in r.children("sections")]
    return [Part(p.choice("tag", PartTag, PartTag.OTHER), [_block(b) for b in p.children("blocks")])
            for p in r.children("parts")]


def _runs(r: _Reader, key: str = "runs") -> list[Run]:
    runs = []
    for x in r.children(key):
        footnote = _runs(x, "footnote") if x.has("footnote") and x.data["footnote"] is not None else None
        runs.append(Run(x.text("text", required=True), x.flag("bold"), x.flag("italic"), footnote))
    return runs


def _block(r: _Reader) -> Block:
    role = r.choice("role", BlockRole)
    table = r.child("table", required=role == BlockRole.TABLE)
    picture = r.child("picture", required=role == BlockRole.PICTURE)
    return Block(role=role, runs=_runs(r), table=_table(table) if table is not None else None,
                 picture=_picture(picture) if picture is not None else None)


MAX_PICTURE_BYTES = 30 * 1024 * 1024  # a picture's file, decoded; larger ones are reduced on insert
PICTURE_FORMATS = ("png", "jpeg")


def _picture(r: _Reader) -> Picture:
    encoded = r.text("data", required=True)
    if len(encoded) > MAX_PICTURE_BYTES * 4 // 3 + 4:
        raise FormatError(r._where("data"), "hình ảnh quá lớn (tối đa 30 MB)")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise FormatError(r._where("data"), "không phải dữ liệu hình ảnh (base64) hợp lệ") from None
    format_ = r.text("format", "png")
    if format_ not in PICTURE_FORMATS:
        raise FormatError(r._where("format"), "phải là một trong: png, jpeg")
    width = r.real("width_mm", 0.0, 1000.0)
    height = r.real("height_mm", 0.0, 1000.0)
    return Picture(data, format_, width or 0.0, height or 0.0, r.text("name"))


def _table(r: _Reader) -> Table:
    columns = [
        TableColumn(
            key=c.text("key"),
            width_mm=c.real("width_mm", 3.0, 400.0),
            align=c.choice("align", Align, Align.LEFT),
            figures=c.flag("figures"),
        )
        for c in r.children("columns")
    ]
    rows = [
        TableRow(
            cells=[Cell(_runs(c), c.integer("rowspan", 1, 10_000) or 1, c.integer("colspan", 1, 200) or 1)
                   for c in row.children("cells")],
            kind=row.choice("kind", RowKind, RowKind.DATA),
            key=row.text("key"),
            level=row.integer("level", 0, 3) or 0,
            ratio_of=row.texts("ratio_of"),
        )
        for row in r.children("rows")
    ]
    table = Table(columns, rows, r.integer("header_rows", 0, 10) or 0,
                  r.choice("number_style", NumberStyle, NumberStyle.AS_TYPED))
    if not r.has("header_rows"):
        table.header_rows = 1 if rows else 0
    _check_grid(table, r.path)
    return table


def _check_grid(table: Table, path: str) -> None:
    """Every row has a cell per column, merged areas stay inside the table, figures read."""
    width = len(table.columns)
    for i, row in enumerate(table.rows):
        where = f"{path}.rows[{i}]"
        if len(row.cells) != width:
            raise FormatError(f"{where}.cells", f"phải có đúng {width} ô (một ô mỗi cột), không phải {len(row.cells)}")
        for j, cell in enumerate(row.cells):
            if j + cell.colspan > width or i + cell.rowspan > len(table.rows):
                raise FormatError(f"{where}.cells[{j}]", "ô gộp vượt ra ngoài bảng")
    if table.header_rows > len(table.rows):
        raise FormatError(f"{path}.header_rows", "nhiều hơn số dòng của bảng")
    for i, row in enumerate(table.body, start=table.header_rows):
        if row.kind != RowKind.DATA:
            continue
        for j, column in enumerate(table.columns):
            if column.figures:
                try:
                    parse_figure(row.cells[j].text)
                except FigureError as error:
                    raise FormatError(f"{path}.rows[{i}].cells[{j}]", str(error)) from None


def _chart(r: _Reader) -> Chart:
    categories = r.texts("categories")
    series = []
    for s in r.children("series"):
        values = s.texts("values")
        if len(values) != len(categories):
            raise FormatError(f"{s.path}.values", f"phải có đúng {len(categories)} số liệu (một cho mỗi nhóm)")
        for i, value in enumerate(values):
            try:
                parse_figure(value)
            except FigureError as error:
                raise FormatError(f"{s.path}.values[{i}]", str(error)) from None
        series.append(ChartSeries(s.text("name"), values))
    return Chart(r.text("title"), r.choice("kind", ChartKind, ChartKind.BARS), categories, series, r.text("unit"))


def _appendices(r: _Reader) -> list[AppendixTable]:
    if r.has("appendix") and not r.has("appendices"):  # version 1
        old = r.child("appendix", required=False)
        return [] if old is None else [_appendix_v1(old)]
    return [
        AppendixTable(
            heading=a.text("heading", "PHỤ LỤC"),
            title=a.text("title"),
            reference=a.text("reference"),
            table=_table(a.child("table")),
            form_heading=a.text("form_heading"),
            form_title=a.text("form_title"),
            continues=a.flag("continues"),
            landscape=a.flag("landscape") if a.has("landscape") and a.data["landscape"] is not None else None,
        )
        for a in r.children("appendices")
    ]


def _appendix_v1(r: _Reader) -> AppendixTable:
    """Version 1's flat indicator table: typed columns, IndicatorRow-shaped rows."""
    columns = [(c.text("key", required=True), c.text("label")) for c in r.children("columns")]
    table = Table([table_column(key) for key, _ in columns], [TableRow([Cell.plain(label) for _, label in columns])])
    for row in r.children("rows"):
        values = {"tt": row.text("tt"), "indicator": row.text("indicator"), "unit": row.text("unit"),
                  "value": figure_text(row.number("value")), "note": row.text("note"),
                  "previous": figure_text(row.number("previous"))}
        level = row.integer("level", 0, 3) or 0
        table.rows.append(TableRow([Cell.plain(values.get(key, "")) for key, _ in columns], level=level))
    return AppendixTable(
        heading=r.text("heading", "PHỤ LỤC"),
        title=r.text("title"),
        reference=r.text("reference"),
        table=table,
    )
