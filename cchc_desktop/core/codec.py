"""Report <-> plain dicts (JSON-ready), validating every field on the way in.

The same dict shape is the body of the JSON exchange file, the sample report,
the templates and the revisions kept in the database.  ``from_dict`` names the
wrong field in Vietnamese (``FormatError.path``) and normalises text to NFC.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from .model import (
    Appendix,
    Block,
    BlockRole,
    Column,
    DocumentDate,
    IndicatorRow,
    Organization,
    Period,
    PeriodKind,
    Report,
    ReportStatus,
    Run,
    Section,
    SectionKey,
    Signature,
    normalize,
)


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
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _encode(getattr(value, f.name)) for f in fields(value) if f.name not in skip}
    return value


def _decimal_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text == "-0" else text


# ---------------------------------------------------------------- reading


class _Reader:
    """Reads one dict, remembering where it is so errors can name the field."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, dict):
            raise FormatError(path or "(gốc)", "phải là một đối tượng JSON {…}")
        self.data = data
        self.path = path

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
        return None if value is None else _Reader(value, self._where(key))

    def children(self, key: str) -> list[_Reader]:
        value = self._get(key, [], False)
        if not isinstance(value, list):
            raise FormatError(self._where(key), "phải là một danh sách […]")
        return [_Reader(item, f"{self._where(key)}[{i}]") for i, item in enumerate(value)]


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
        sections=[_section(s) for s in r.children("sections")],
        closing=r.text("closing"),
        signature=_signature(r.child("signature", required=False)),
        recipients=r.texts("recipients"),
        appendix=_appendix(r.child("appendix", required=False)),
        status=r.choice("status", ReportStatus, ReportStatus.DRAFT),
        disabled_checks=r.texts("disabled_checks"),
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
    return Signature(authority=r.texts("authority"), title=r.text("title"), name=r.text("name"))


def _period(r: _Reader) -> Period:
    kind = r.choice("kind", PeriodKind)
    high = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4}.get(kind, 99)
    return Period(
        kind=kind,
        year=r.integer("year", 1900, 2999, required=True),
        index=r.integer("index", 1, high),
        start=r.day("start"),
        end=r.day("end"),
        deadline=r.day("deadline"),
        label=r.text("label"),
    )


def _document_date(r: _Reader) -> DocumentDate:
    return DocumentDate(
        year=r.integer("year", 1900, 2999, required=True),
        month=r.integer("month", 1, 12),
        day=r.integer("day", 1, 31),
    )


def _section(r: _Reader) -> Section:
    return Section(key=r.choice("key", SectionKey), blocks=[_block(b) for b in r.children("blocks")])


def _block(r: _Reader) -> Block:
    runs = [Run(x.text("text", required=True), x.flag("bold"), x.flag("italic")) for x in r.children("runs")]
    return Block(role=r.choice("role", BlockRole), runs=runs)


def _appendix(r: _Reader | None) -> Appendix | None:
    if r is None:
        return None
    columns = [Column(c.text("key", required=True), c.text("label")) for c in r.children("columns")]
    return Appendix(
        heading=r.text("heading", "PHỤ LỤC"),
        title=r.text("title"),
        reference=r.text("reference"),
        columns=columns,
        rows=[_row(row) for row in r.children("rows")],
    )


def _row(r: _Reader) -> IndicatorRow:
    return IndicatorRow(
        tt=r.text("tt"),
        indicator=r.text("indicator"),
        unit=r.text("unit"),
        value=r.number("value"),
        note=r.text("note"),
        level=r.integer("level", 0, 3) or 0,
        previous=r.number("previous"),
    )
