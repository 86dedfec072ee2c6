"""Another office's report as a starting point (core/adopt.py): what belongs to the organisation
is replaced from our settings, and every other place that still names the other office is
listed, named as the checks name places."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from cchc_desktop import cli
from cchc_desktop.core import model as m
from cchc_desktop.core.adopt import adopt, adopt_import
from cchc_desktop.document.export import export_docx
from cchc_desktop.importing import ImportResult, Kind, import_file
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_report, save_organization

CORPUS_01 = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "reports" / \
    "01-lamdong-bcd-bc-de-an-06-thang11-2025.docx"


def _ours() -> m.Organization:
    return m.Organization(["ỦY BAN NHÂN DÂN", "XÃ HÒA LẠC"], [], "Ủy ban nhân dân xã Hòa Lạc", "Hòa Lạc", "UBND",
                          m.Signature(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Đinh Thị Mơ"),
                          ["Như trên;", "Lưu: VT, VP."])


def _theirs() -> m.Report:
    """A made-up centre of another commune: its name in the opening, the closing, a paragraph,
    a table cell and a footnote; its locality alone in another paragraph."""
    org = m.Organization(["UBND XÃ SƠN THỦY", "TRUNG TÂM VĂN HÓA - THỂ THAO"], [],
                         "Trung tâm Văn hóa - Thể thao xã Sơn Thủy", "Sơn Thủy", "TTVHTT",
                         m.Signature(["GIÁM ĐỐC"], "", "Hà Văn Khải"), ["Lưu: VT."])
    table = m.Table([m.TableColumn(), m.TableColumn()],
                    [m.TableRow([m.Cell.plain("Đơn vị"), m.Cell.plain("Số buổi")]),
                     m.TableRow([m.Cell.plain("Trung tâm Văn hóa - Thể thao xã Sơn Thủy"), m.Cell.plain("4")])])
    note = [m.Run("Theo kế hoạch của TRUNG TÂM VĂN HÓA - THỂ THAO xã Sơn Thủy.")]
    parts = [m.Part(m.PartTag.RESULTS, [
        m.Block.plain(m.BlockRole.HEADING1, "I. KẾT QUẢ"),
        m.Block(m.BlockRole.PARAGRAPH, [m.Run("Trung tâm Văn hóa - Thể thao xã Sơn Thủy tổ chức 4 buổi", footnote=note),
                                        m.Run(".")]),
        m.Block.plain(m.BlockRole.PARAGRAPH, "Người dân trên địa bàn xã Sơn Thủy tham gia đông đủ."),
        m.Block(m.BlockRole.TABLE, table=table),
        m.Block.plain(m.BlockRole.PARAGRAPH, "Công tác phối hợp được duy trì."),
    ])]
    return m.Report(org, m.Period(m.PeriodKind.QUARTER, 2026, 3), m.DocumentDate(2026, 9, 25), place="Sơn Thủy",
                    subject="Kết quả tuyên truyền cải cách hành chính quý III năm 2026",
                    opening="Thực hiện Kế hoạch số 12/KH-UBND, Trung tâm Văn hóa - Thể thao xã Sơn Thủy báo cáo"
                            " như sau:",
                    parts=parts, closing="Trên đây là báo cáo của Trung tâm Văn hóa - Thể thao xã Sơn Thủy./.",
                    signature=m.Signature(["GIÁM ĐỐC"], "", "Hà Văn Khải"), recipients=["UBND xã;", "Lưu: VT."])


def test_what_belongs_to_the_organisation_is_ours_and_the_rest_is_listed(tmp_path):
    report, ours = _theirs(), _ours()
    found = adopt(report, ours)
    assert report.organization == ours and report.place == "Hòa Lạc"
    assert report.signature == ours.default_signature and report.recipients == ours.default_recipients
    assert report.opening == "Thực hiện Kế hoạch số 12/KH-UBND, Ủy ban nhân dân xã Hòa Lạc báo cáo như sau:"
    assert report.closing == "Trên đây là báo cáo của Ủy ban nhân dân xã Hòa Lạc./."
    assert [(f.where, f.target) for f in found] == [
        ("Phần I, đoạn 1", "part:0:1"), ("Phần I, đoạn 1, chú thích 1", "part:0:1"), ("Phần I, đoạn 2", "part:0:2"),
        ("Phần I, bảng 1, dòng 2, cột 1", "part:0:3")]
    assert found[1].text == "TRUNG TÂM VĂN HÓA - THỂ THAO xã Sơn Thủy" and found[2].text == "Sơn Thủy"
    # the exported page: our header, number line, place and date, signer and Nơi nhận
    export_docx(report, tmp_path / "ours.docx")
    document = docx.Document(tmp_path / "ours.docx")
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    assert "XÃ HÒA LẠC" in cells and any(t.startswith("Số:") and t.endswith("/BC-UBND") for t in cells)
    assert any(t.startswith("Hòa Lạc, ngày") for t in cells)
    assert "Đinh Thị Mơ" in cells and "- Lưu: VT, VP." in cells
    assert not any("Sơn Thủy" in t or "Hà Văn Khải" in t for t in cells if t != "Trung tâm Văn hóa - Thể thao xã Sơn Thủy")


def test_a_name_written_short_or_with_old_accents_is_found():
    report = _theirs()
    report.organization = m.Organization(["ỦY BAN NHÂN DÂN", "XÃ SƠN THỦY"], [], "", "Sơn Thủy", "UBND")
    report.opening = "UBND xã Sơn Thủy báo cáo:"
    report.closing = "Trên đây là báo cáo của Uỷ ban   nhân dân xã Sơn Thủy./."
    adopt(report, _ours())
    assert report.opening == "Ủy ban nhân dân xã Hòa Lạc báo cáo:"
    assert report.closing == "Trên đây là báo cáo của Ủy ban nhân dân xã Hòa Lạc./."


def test_a_signer_or_recipients_not_set_up_stay_and_our_own_file_is_left_alone():
    report, ours = _theirs(), _ours()
    ours.default_signature, ours.default_recipients = m.Signature(), []
    adopt(report, ours)
    assert report.signature.name == "Hà Văn Khải" and report.recipients == ["UBND xã;", "Lưu: VT."]
    mine = _theirs()
    mine.organization = _ours()
    result = ImportResult(mine, Kind.DOCX)
    adopt_import(result, _ours())
    assert result.entries == [] and mine.signature.name == "Hà Văn Khải"


@pytest.fixture(scope="module")
def corpus_01():
    if not CORPUS_01.exists():
        pytest.skip("the corpus is not beside this checkout")
    return import_file(CORPUS_01)


def test_corpus_01_adopted_by_a_commune(corpus_01):
    import copy

    result = copy.deepcopy(corpus_01)
    before = result.report
    assert "Ban chỉ đạo Phát triển khoa học" in before.closing
    adopt_import(result, _ours())
    report = result.report
    assert report.closing.endswith("Ủy ban nhân dân xã Hòa Lạc báo cáo Văn phòng Chính phủ và Bộ Công an theo dõi,"
                                   " chỉ đạo./.")
    assert "Ủy ban nhân dân xã Hòa Lạc (sau đây" in report.opening
    assert report.organization.abbreviation == "UBND" and report.signature.name == "Đinh Thị Mơ"
    listed = [e for e in result.entries if e.kind == "organization"]
    # "Lâm Đồng" is still named in the subject, the closing ("trên địa bàn tỉnh Lâm Đồng") and the parts
    assert {e.target for e in listed} >= {"subject", "closing"}
    assert sum(e.target.startswith("part:") for e in listed) >= 10
    assert all("Lâm Đồng" in e.text or "Ban chỉ đạo" in e.text.lower() for e in listed)
    assert all(e.where and e.message.startswith("còn nêu cơ quan của tệp") for e in listed)


def test_the_command_line_adopts_with_own_organization(capsys, tmp_path):
    if not CORPUS_01.exists():
        pytest.skip("the corpus is not beside this checkout")
    db_path = tmp_path / "db.sqlite"
    database = open_database(db_path)
    save_organization(database, _ours())
    database.close()
    code = cli.main(["--db", str(db_path), "import", "--own-organization", "--json", str(CORPUS_01)])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert sum(e["kind"] == "organization" for e in data["entries"]) >= 10
    database = open_database(db_path)
    report = load_report(database, data["id"])
    database.close()
    assert report.organization.issuing_body == ["ỦY BAN NHÂN DÂN", "XÃ HÒA LẠC"] and report.place == "Hòa Lạc"
    assert report.recipients == ["Như trên;", "Lưu: VT, VP."]
