"""Our export opened and changed in Word: the embedded report (document/docx_meta.py) is used
only where the visible text it describes is unchanged; whatever the clerk edited is read from
the page (importing/own_meta.py, docs/import.md "Round trip")."""

from __future__ import annotations

import base64
import copy
import io
import zipfile
from pathlib import Path

from PIL import Image

from cchc_desktop.core import model as m
from cchc_desktop.core.templates import load_sample
from cchc_desktop.document.export import docx_bytes
from cchc_desktop.importing import import_docx
from cchc_desktop.store.exchange import read_exchange
from tests.importing.roundtrip import assert_round_trip, drop_metadata, report_differences, resave

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"


def _report() -> m.Report:
    """The sample with what the page cannot show: a table with widths and a group row, a run
    typed bold inside a bold heading, the organisation's name, a week's dates."""
    report = load_sample()
    table = m.Table([m.TableColumn("tt", 12.0, m.Align.CENTER), m.TableColumn("indicator", 90.0),
                     m.TableColumn("value", 30.0, m.Align.RIGHT, True)],
                    [m.TableRow([m.Cell.plain("TT"), m.Cell.plain("Chỉ tiêu"), m.Cell.plain("Số lượng")]),
                     m.TableRow([m.Cell.plain("I"), m.Cell.plain("Tuyên truyền"), m.Cell()], m.RowKind.GROUP),
                     m.TableRow([m.Cell.plain("1"), m.Cell.plain("Tin, bài"), m.Cell.plain("12")], level=1)])
    report.parts[0].blocks += [m.Block(m.BlockRole.TABLE, table=table),
                               m.Block.plain(m.BlockRole.PARAGRAPH, "Đoạn này sẽ được sửa trong Word."),
                               m.Block(m.BlockRole.HEADING2, [m.Run("1. Kết quả ", bold=True), m.Run("khác")])]
    report.organization.name = "Ủy ban nhân dân xã Thử Nghiệm"
    report.period = m.Period(m.PeriodKind.HALF1, report.period.year, start=None, label="")
    return report


def _imported(report: m.Report, tmp_path: Path, how=None) -> m.Report:
    path = tmp_path / "export.docx"
    path.write_bytes(docx_bytes(report))
    if how is not None:
        how(path)
    return import_docx(path).report


def _edit(old: str, new: str):
    def edit(xml: str) -> str:
        assert xml.count(old) == 1, old
        return xml.replace(old, new)
    return edit


def test_a_file_saved_again_unchanged_comes_back_whole(tmp_path):
    # Word rewrites the document part on save: the page is read again and every field agrees
    for name in ("mixed.json", "phan-thu.json", "weekly-note.json"):
        assert_round_trip(read_exchange(FIXTURES / name), tmp_path, name=name, how=resave)
    assert_round_trip(_report(), tmp_path, name="sample", how=resave)


def test_an_edited_paragraph_is_read_from_the_page_and_the_rest_from_the_report(tmp_path):
    report = _report()
    got = _imported(report, tmp_path, lambda p: resave(p, _edit("sẽ được sửa", "đã được sửa")))
    blocks = got.parts[0].blocks
    assert [b.text for b in blocks if "được sửa" in b.text] == ["Đoạn này đã được sửa trong Word."]
    table = next(b.table for b in blocks if b.role == m.BlockRole.TABLE and b.table.columns[0].key == "tt")
    assert [c.width_mm for c in table.columns] == [12.0, 90.0, 30.0]
    assert [r.kind for r in table.rows] == [m.RowKind.DATA, m.RowKind.GROUP, m.RowKind.DATA]
    assert blocks[-1].runs == report.parts[0].blocks[-1].runs  # not baked bold by its heading style
    assert got.organization.name == "Ủy ban nhân dân xã Thử Nghiệm"
    # everything else is the report as exported
    expected = copy.deepcopy(report)
    expected.parts[0].blocks[-2] = m.Block.plain(m.BlockRole.PARAGRAPH, "Đoạn này đã được sửa trong Word.")
    assert report_differences(expected, got) == []


def test_an_edited_issuing_body_is_read_from_the_page(tmp_path):
    report = _report()
    line = report.organization.issuing_body[-1]
    got = _imported(report, tmp_path, lambda p: resave(p, _edit(f">{line}<", ">XÃ ĐÃ SỬA<")))
    assert got.organization.issuing_body[-1] == "XÃ ĐÃ SỬA"
    assert got.organization.name == ""  # the embedded name describes the other body: not kept
    assert got.parts == report.parts and got.signature == report.signature


def test_an_edited_subject_does_not_keep_the_old_week(tmp_path):
    report = read_exchange(FIXTURES / "weekly-note.json")
    assert report.period.index == 3 and report.period.start is not None
    got = _imported(report, tmp_path, lambda p: resave(p, _edit("tuần 03 tháng 9", "tuần 04 tháng 9")))
    assert "tuần 04" in got.subject
    assert got.period.index == 4 and got.period.start != report.period.start
    unchanged = _imported(report, tmp_path, resave)
    assert unchanged.period == report.period  # the week's dates come back when nothing changed


def test_damaged_or_foreign_metadata_leaves_the_page(tmp_path):
    report = _report()
    plain = _imported(report, tmp_path, drop_metadata)

    def damage(path: Path) -> None:
        _replace_part(path, _meta_part(path), b'<cchc:report xmlns:cchc="urn:cchc-desktop:report">{</cchc:report>')

    assert report_differences(plain, _imported(report, tmp_path, damage)) == []
    other = read_exchange(FIXTURES / "concurrent.json")
    other.kind, other.disabled_checks = "weekly-work", ["numbering"]
    (tmp_path / "other.docx").write_bytes(docx_bytes(other))
    with zipfile.ZipFile(tmp_path / "other.docx") as archive:
        foreign = archive.read(_meta_part(tmp_path / "other.docx"))

    def paste(path: Path) -> None:
        _replace_part(path, _meta_part(path), foreign)

    assert report_differences(plain, _imported(report, tmp_path, paste)) == []


def test_a_picture_comes_back_and_is_stored_once(tmp_path):
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (20, 90, 160)).save(out, "PNG")
    report = load_sample()
    picture = m.Picture(out.getvalue(), "png", 80.0, 53.3, "Biểu đồ 1")
    report.parts[0].blocks.insert(2, m.Block(m.BlockRole.PICTURE, [m.Run("Biểu đồ 1: Kết quả")], picture=picture))
    assert_round_trip(report, tmp_path, name="picture")
    assert_round_trip(report, tmp_path, name="picture, saved again", how=resave)
    # edited elsewhere: the picture is still the embedded one (its size as typed, its caption)
    edited = _imported(report, tmp_path, lambda p: resave(p, _edit("Ban hành Kế hoạch số 06", "Ban hành Kế hoạch số 07")))
    assert edited.parts[0].blocks[2] == report.parts[0].blocks[2]
    assert edited.parts[0].blocks[3].text.startswith("- Ban hành Kế hoạch số 07")
    # without metadata the page still gives the picture and its caption (at its printed size)
    plain = _imported(report, tmp_path, drop_metadata).parts[0].blocks[2]
    assert plain.picture.data == picture.data and plain.text == "Biểu đồ 1: Kết quả"
    (tmp_path / "p.docx").write_bytes(docx_bytes(report))
    with zipfile.ZipFile(tmp_path / "p.docx") as archive:
        stored = archive.read(_meta_part(tmp_path / "p.docx"))
    assert base64.b64encode(picture.data)[:40] not in stored and b'"data":"sha256:' in stored  # named by its hash


def _meta_part(path: Path) -> str:
    """The custom XML part holding the embedded report (the template brings one of its own)."""
    with zipfile.ZipFile(path) as archive:
        found = [n for n in archive.namelist() if n.startswith("customXml/item")
                 and b"urn:cchc-desktop:report" in archive.read(n)[:400] and "Props" not in n]
    assert len(found) == 1, found
    return found[0]


def _replace_part(path: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, blob in items:
            archive.writestr(info, data if info.filename == name else blob)


def test_a_paragraph_pasted_in_words_own_style_is_kept_and_the_rest_stays_exact(tmp_path):
    report = _report()
    pasted = ('<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
              '<w:t>Đoạn dán từ tệp khác.</w:t></w:r></w:p>')

    def paste(xml: str) -> str:
        mark = xml.index("Đoạn này sẽ được sửa")
        start = xml.rindex("<w:p>", 0, mark)
        return xml[:start] + pasted + xml[start:]

    got = _imported(report, tmp_path, lambda p: resave(p, paste))
    expected = copy.deepcopy(report)
    expected.parts[0].blocks.insert(-2, m.Block(m.BlockRole.PARAGRAPH, [m.Run("Đoạn dán từ tệp khác.", bold=True)]))
    assert report_differences(expected, got) == []


def test_a_picture_replaced_by_one_we_cannot_keep_is_named_in_the_import_report(tmp_path):
    out = io.BytesIO()
    Image.new("RGB", (30, 20), (20, 90, 160)).save(out, "PNG")
    report = load_sample()
    report.parts[0].blocks.insert(2, m.Block(m.BlockRole.PICTURE, picture=m.Picture(out.getvalue(), "png")))
    path = tmp_path / "export.docx"
    path.write_bytes(docx_bytes(report))
    emf = b"\x01\x00\x00\x00" + b"\x00" * 36 + b" EMF" + b"\x00" * 60
    with zipfile.ZipFile(path) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
    _replace_part(path, media[0], emf)
    result = import_docx(path)
    assert any(e.message.startswith("Đã bỏ qua") for e in result.entries), [e.message for e in result.entries]
