"""A fresh database's sample report is the reference report, word for word and number for number."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import list_reports, load_organization, load_report

from .helpers import REFERENCE

pytestmark = pytest.mark.skipif(
    not REFERENCE.is_file(), reason=f"reference report not found at {REFERENCE} (../shared beside the repository)"
)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def reference() -> list[str]:
    return [squash(line) for line in REFERENCE.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def sample(tmp_path):
    db = open_database(tmp_path / "fresh.sqlite")
    try:
        [summary] = list_reports(db)
        return load_report(db, summary.id), load_organization(db)
    finally:
        db.close()


def marked(block) -> str:
    """Block text with italic runs as *…*, the way the reference text marks them."""
    return "".join(f"*{run.text}*" if run.italic else run.text for run in block.runs)


def _between(lines: list[str], start: str, stop: str) -> list[str]:
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    last = next(i for i, line in enumerate(lines) if i > first and line.startswith(stop))
    return [line for line in lines[first + 1:last] if line]


def test_every_paragraph_in_order(sample, reference):
    report, _org = sample
    pool = [squash(report.opening)] + [squash(marked(b)) for s in report.sections for b in s.blocks]
    pool.append(squash(report.closing))
    paragraphs = _between(reference, "Kính gửi:", "Nơi nhận:")
    assert len(paragraphs) == 35
    position = 0
    for line in paragraphs:  # some paragraphs of the text file are cut in two lines
        found = next((i for i in range(position, len(pool)) if line in pool[i]), None)
        assert found is not None, f"missing or out of order: {line[:80]}"
        position = found


def test_header_subject_and_addressee(sample, reference):
    report, org = sample
    assert report.subject == next(line for line in reference if line.startswith("Công tác tuyên truyền"))
    assert [f"Kính gửi: {a}" for a in report.addressees] == [l for l in reference if l.startswith("Kính gửi:")]
    assert org.issuing_body == ["ỦY BAN NHÂN DÂN", "XÃ CƯƠNG GIÁN"]
    assert report.number == "" and "Số: /BC-UBND" in reference
    assert (report.date.day, report.date.month, report.date.year) == (None, 5, 2024)
    assert "Cương Gián, ngày tháng 5 năm 2024" in reference


def test_every_recipient_and_the_signature(sample, reference):
    report, _org = sample
    start = reference.index("Nơi nhận:")
    block = reference[start + 1:start + 8]
    recipients = [line[2:] for line in block if line.startswith("- ")]
    assert report.recipients == recipients and len(recipients) == 4
    signature = [*report.signature.authority, report.signature.title, report.signature.name]
    rest = [line for line in reference[start:] if line]
    assert [line for line in rest if line in signature] == signature


def test_every_indicator_and_figure(sample):
    report, _org = sample
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("TT\t"))
    assert [c.text for c in report.appendix.table.header[0].cells] == lines[header].split("\t")
    table = [line.split("\t") for line in lines[header + 1:] if line.strip()]
    assert len(table) == len(report.appendix.rows) == 10
    for cells, row in zip(table, report.appendix.rows):
        tt, indicator, unit, value, note = (cells + [""] * 5)[:5]
        assert (row.tt, row.indicator, row.unit, row.note) == (tt, indicator, unit, note)
        assert row.value == Decimal(value) and row.text("value") == value  # as typed
        assert row.level == (0 if tt else 1)
    assert report.appendix.reference in [squash(l) for l in lines]
