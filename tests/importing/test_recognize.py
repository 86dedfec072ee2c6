"""The recogniser on the fixtures: every word kept, the skeleton placed as expected."""

from __future__ import annotations

import pytest

from cchc_desktop.importing.docx_reader import read_docx
from cchc_desktop.importing.recognize import recognize
from cchc_desktop.importing.words import kept_in_order, recognized_tokens
from tests.importing.make_fixtures import FIXTURES, build


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fixtures")
    out = {}
    for function in FIXTURES:
        path, builder, expect = build(function, folder)
        out[function.__name__] = (path, builder, expect, recognize(read_docx(path)))
    return out


NAMES = [f.__name__ for f in FIXTURES]


def test_there_are_at_least_twelve_fixtures():
    assert len(FIXTURES) >= 12


@pytest.mark.parametrize("name", NAMES)
def test_every_word_is_kept_in_order(built, name):
    _path, builder, _expect, rec = built[name]
    kept, total = kept_in_order(builder.source, recognized_tokens(rec))
    assert total > 200
    assert kept / total >= 0.995, (kept, total)


@pytest.mark.parametrize("name", NAMES)
def test_header_title_and_addressees(built, name):
    _path, _builder, expect, rec = built[name]
    assert rec.issuing_body == expect["issuing_body"]
    assert rec.governing_body == expect.get("governing_body", [])
    if expect["number"] is None:
        assert not rec.has_number_line
    else:
        assert rec.has_number_line and rec.number == expect["number"]
        assert (rec.doc_type, rec.abbreviation) == ("BC", "UBND")
    assert (rec.day, rec.month, rec.year) == expect["date"]
    assert rec.place == expect["place"]
    assert rec.doc_name == "BÁO CÁO"
    assert rec.subject == expect["subject"]
    assert rec.addressees == expect["addressees"]


@pytest.mark.parametrize("name", NAMES)
def test_parts_and_headings(built, name):
    _path, _builder, expect, rec = built[name]
    assert [p.heading.text for p in rec.parts if p.heading is not None] == expect["parts"]
    if expect.get("meanings"):
        assert [p.meaning for p in rec.parts] == expect["meanings"]
    assert not [b for b in rec.opening if b.kind == "heading"]
    if "groups" in expect:
        groups = [p.group for p in rec.parts if p.group]
        assert len(groups) == expect["groups"]
        assert groups[0] == "PHẦN THỨ NHẤT\nĐÁNH GIÁ KẾT QUẢ"
    if "markers" in expect:  # automatic numbering turned into the typed markers Word shows
        texts = [b.text for p in rec.parts for b in [p.heading] + p.blocks]
        for marker in expect["markers"]:
            assert any(t.startswith(marker + " ") for t in texts), marker


@pytest.mark.parametrize("name", NAMES)
def test_tables_footnotes_signature_recipients(built, name):
    _path, _builder, expect, rec = built[name]
    tables = [b.table for p in rec.parts for b in p.blocks if b.kind == "table"]
    assert len(tables) == expect["tables_in_text"]
    for table, (columns, rows, header) in zip(tables, expect.get("table_shapes", [])):
        assert (table.columns, len(table.rows), table.header_rows) == (columns, rows, header)
    assert len(rec.footnotes) == expect["footnotes"]
    cited = [r.footnote for p in rec.parts for b in p.blocks for r in b.runs if r.footnote]
    assert sorted(cited) == sorted(rec.footnotes)
    sig = rec.signature
    assert (sig.authority, sig.title, sig.name) == (expect["authority"], expect["title"], expect["name"])
    assert sig.concurrent == expect.get("concurrent", "")
    assert sig.captions == expect.get("captions", [])
    assert rec.recipients == expect["recipients"]
    assert rec.has_recipients == bool(expect["recipients"])
    assert len(rec.closing) == (1 if name != "f11_weekly_note" else 0)


@pytest.mark.parametrize("name", NAMES)
def test_appendix_forms(built, name):
    _path, _builder, expect, rec = built[name]
    forms = [a for a in rec.appendices if a.form]
    assert len(forms) == len(expect["appendices"])
    assert len(rec.appendices) == len(forms) + bool(expect.get("untitled_appendix"))
    for appendix, (form, rows, header, kinds) in zip(forms, expect["appendices"]):
        assert appendix.form == form
        assert appendix.reference.startswith("(Kèm theo Báo cáo số 15/BC-UBND")
        assert appendix.title and appendix.title[0].startswith("KẾT QUẢ THỐNG KÊ")
        assert len(appendix.table.rows) == rows and appendix.table.header_rows == header
        assert appendix.table.kinds == kinds
        top = appendix.table.rows[0]
        assert top[0].rowspan == 2 and top[3].colspan == 2  # merged down and across


@pytest.mark.parametrize("name", NAMES)
def test_period(built, name):
    _path, _builder, expect, rec = built[name]
    want = expect["period"]
    if want is None:
        assert rec.period is None
    elif want[0] == "week":
        assert rec.period[:4] == want
    else:
        assert (rec.period.kind.value, rec.period.year, rec.period.index) == want


def test_header_text_is_reported_not_lost(built):
    _path, _builder, expect, rec = built["f04_textbox_header"]
    reported = [e.text for e in rec.entries if e.kind == "header"]
    assert reported == expect["header_entries"]  # the page number is not reported


def test_unicode_run_inside_a_legacy_document_is_untouched(built):
    rec = built["f08_tcvn3"][3]
    texts = [b.text for p in rec.parts for b in p.blocks]
    assert "Ghi chú bằng Unicode: Cộng hòa, Đường, Ước tính." in texts
    assert rec.parts[0].heading.text == "I. KẾT QUẢ THỰC HIỆN"


@pytest.mark.parametrize("name", NAMES)
def test_every_word_is_kept_in_the_imported_report(built, name):
    from cchc_desktop.importing import import_docx
    from cchc_desktop.importing.words import report_tokens

    path, builder, _expect, _rec = built[name]
    report = import_docx(path).report
    kept, total = kept_in_order(builder.source, report_tokens(report))
    assert kept / total >= 0.995, (kept, total)


def test_words_kept_measure_sees_a_lost_word():
    assert kept_in_order(["một", "hai", "ba", "bốn"], ["một", "ba", "bốn"]) == (3, 4)
    assert kept_in_order(["một", "hai"], ["hai", "một"]) == (1, 2)


def test_an_unformatted_report_is_still_recognised(tmp_path):
    """The reference report as plain paragraphs (no bold, no centring, a Tab-typed table):
    the words in order, and the skeleton found from the wording alone."""
    from pathlib import Path

    from cchc_desktop.importing import import_docx
    from cchc_desktop.importing.words import report_tokens
    from tests.importing.docx_builder import Builder
    from tests.store.helpers import REFERENCE

    reference = REFERENCE if REFERENCE.exists() else Path("/work/shared/reference") / REFERENCE.name
    if not reference.exists():
        pytest.skip("../shared/reference is not present on this machine")
    builder = Builder()
    for line in reference.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            builder.p(line.strip())
    path = tmp_path / "plain.docx"
    builder.save(path)
    report = import_docx(path).report
    kept, total = kept_in_order(builder.source, report_tokens(report))
    assert kept / total >= 0.995
    assert report.subject == "Công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2024"
    assert report.addressees == ["Phòng Văn hóa thông tin huyện Nghi Xuân"]
    assert [p.tag.value for p in report.parts if p.heading] == ["results", "difficulties", "directions"]
    assert report.closing.startswith("Trên đây là") and report.signature.name == "Lê Thị Sáu"
    assert report.recipients[-1] == "Lưu: VP, VH."
    (appendix,) = report.appendices
    assert len(appendix.table.columns) == 5 and len(appendix.table.rows) == 11
    assert appendix.table.rows[0].cells[1].text == "Chỉ tiêu"


def test_what_cannot_be_placed_is_kept_where_it_stood_and_reported(built):
    _path, _builder, _expect, rec = built["f15_odd_bits"]
    entries = {(e.where, e.text) for e in rec.entries if e.kind == "plain"}
    assert ("đoạn 1", "DỰ THẢO") in entries
    assert any(text.startswith("Ghi chú: báo cáo này thay thế") for _where, text in entries)
    assert ("đoạn 28", "Số liệu tính đến ngày 14/9/2026.") in entries
    (appendix,) = rec.appendices
    assert appendix.title[0].startswith("Ghi chú: báo cáo này thay thế")
    assert [b.text for b in appendix.notes] == ["Số liệu tính đến ngày 14/9/2026."]
    assert appendix.table.columns == 2 and len(appendix.table.rows) == 3
    assert rec.opening[0].text == "DỰ THẢO" and rec.opening[0].uncertain
