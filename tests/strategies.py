"""Hypothesis strategies for the model, shared by every test package.

``reports()`` draws any report the codec can hold: any NFC text (Vietnamese letters, control
characters, empty strings), any number of sections/blocks/runs, any table shape, blank
(``None``) figures and dates.  Use ``texts()`` for a single field.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from cchc_desktop.core.model import (
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
    high = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4}.get(kind)
    index = draw(st.integers(1, high)) if high else draw(st.one_of(st.none(), st.integers(1, 99)))
    return Period(
        kind=kind,
        year=draw(st.integers(1900, 2999)),
        index=index,
        start=draw(optional_dates()),
        end=draw(optional_dates()),
        deadline=draw(optional_dates()),
        label=draw(texts()),
    )


def document_dates() -> st.SearchStrategy[DocumentDate]:
    return st.builds(
        DocumentDate,
        year=st.integers(1900, 2999),
        month=st.one_of(st.none(), st.integers(1, 12)),
        day=st.one_of(st.none(), st.integers(1, 31)),
    )


def signatures() -> st.SearchStrategy[Signature]:
    return st.builds(Signature, authority=text_lists(3), title=texts(), name=texts())


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


def runs() -> st.SearchStrategy[Run]:
    return st.builds(Run, text=texts(30), bold=st.booleans(), italic=st.booleans())


def blocks() -> st.SearchStrategy[Block]:
    return st.builds(Block, role=st.sampled_from(BlockRole), runs=st.lists(runs(), max_size=3))


def sections() -> st.SearchStrategy[Section]:
    return st.builds(Section, key=st.sampled_from(SectionKey), blocks=st.lists(blocks(), max_size=4))


def rows() -> st.SearchStrategy[IndicatorRow]:
    return st.builds(
        IndicatorRow,
        tt=texts(4),
        indicator=texts(30),
        unit=texts(12),
        value=numbers(),
        note=texts(),
        level=st.integers(0, 3),
        previous=numbers(),
    )


def appendices() -> st.SearchStrategy[Appendix]:
    columns = st.lists(st.builds(Column, key=texts(10), label=texts(20)), max_size=7)
    return st.builds(
        Appendix,
        heading=texts(),
        title=texts(),
        reference=texts(),
        columns=columns,
        rows=st.lists(rows(), max_size=8),
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
        sections=st.lists(sections(), max_size=3),
        closing=texts(),
        signature=signatures(),
        recipients=text_lists(6),
        appendix=st.one_of(st.none(), appendices()),
        status=st.sampled_from(ReportStatus),
        disabled_checks=text_lists(3),
    )
