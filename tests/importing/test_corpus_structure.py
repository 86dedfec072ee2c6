"""The real reports of ../shared/corpus/reports come back with the structure a reader counts
(its README): parts, footnotes, tables in the text, appendix forms, signer, subject, Nơi nhận,
and every word (≥ 99.9 %).  04 is a Word 97-2003 .doc: converted with LibreOffice, skipped
only where LibreOffice is missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cchc_desktop.core import model as m
from cchc_desktop.importing import import_file
from cchc_desktop.importing.docx_reader import read_docx
from cchc_desktop.importing.safety import convert_with_libreoffice, soffice_path
from cchc_desktop.importing.words import docx_tokens, kept_in_order, report_tokens

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "reports"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/reports")

BCD_RECIPIENTS = ["Văn phòng Chính phủ;", "Bộ Công an (C06, V01);", "Chủ tịch, các PCT UBND tỉnh;",
                  "Chánh, các PCVP UBND tỉnh;", "Văn phòng Tỉnh ủy;", "Công an tỉnh (PC06);",
                  "Các sở, ban, ngành thuộc tỉnh;", "Các thành viên Ban chỉ đạo;", "UBND các xã, phường, đặc khu;",
                  "Lưu: VT, NC.Châu"]
BCD_SIGNER = (["TM. BAN CHỈ ĐẠO"], "PHÓ TRƯỞNG BAN", "PHÓ CHỦ TỊCH UBND TỈNH", "Nguyễn Ngọc Phúc")

# what a reader counts in each file (the README's table, and the document itself for 04)
EXPECTED = {
    "01": dict(parts=["I.", "II.", "III."], footnotes=7, tables=0, forms=0, signer=BCD_SIGNER,
               recipients=BCD_RECIPIENTS,
               subject="Kết quả triển khai Đề án 06 trên địa bàn tỉnh Lâm Đồng tháng 11/2025"),
    "02": dict(parts=["I.", "II.", "III."], footnotes=6, tables=0, forms=0, signer=BCD_SIGNER,
               recipients=BCD_RECIPIENTS,
               subject="Kết quả triển khai Đề án 06 trên địa bàn tỉnh Lâm Đồng tháng 8/2025"),
    # no roman parts: the top level is 1.–3.
    "03": dict(parts=["1.", "2.", "3."], footnotes=0, tables=5, forms=0,
               signer=(["KT. GIÁM ĐỐC"], "PHÓ GIÁM ĐỐC", "", "Nguyễn Hữu Tuấn"),
               recipients=["Lãnh đạo UBND tỉnh", "LĐ VP UBND tỉnh;", "LĐ Trung tâm;", "Lưu: VT, HCC."],
               subject="Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục"
                       " hành chính, dịch vụ công"),
    # the README names parts I.–II.; the document goes on to III. and IV. ("I.Tổng quan" glued)
    "04": dict(parts=["I.", "II.", "III.", "IV."], footnotes=0, tables=1, forms=0,
               signer=(["KT. GIÁM ĐỐC"], "PHÓ GIÁM ĐỐC", "", "Nguyễn Thị Kim Loan"),
               recipients=["Cục QL giá (Văn phòng A, B);", "Văn phòng UBND tỉnh;", "Sở Công thương;",
                           "UBND các huyện, TX, TP;", "Lưu: VP, QLGCSDN.HT"],
               subject="Tình hình giá cả thị trường tháng 01/2024 và tình hình trước Tết Nguyên đán Giáp Thìn"
                       " năm 2024 trên địa bàn tỉnh Hậu Giang"),
}


def _path(key: str) -> Path:
    found = sorted(CORPUS.glob(f"{key}-*"))
    if not found:
        pytest.skip(f"corpus file {key} missing")
    return found[0]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    cache: dict[str, tuple] = {}

    def get(key: str):
        if key not in cache:
            path = _path(key)
            docx = path
            if path.suffix == ".doc":
                if soffice_path() is None:
                    pytest.skip("LibreOffice (soffice) is not installed")
                docx = convert_with_libreoffice(path, tmp_path_factory.mktemp("converted"))
            cache[key] = (read_docx(docx), import_file(docx).report)
        return cache[key]
    return get


def _footnotes(report: m.Report) -> int:
    runs = [r for p in report.parts for b in p.blocks for r in b.runs]
    runs += [r for p in report.parts for b in p.blocks if b.table is not None
             for row in b.table.rows for c in row.cells for r in c.runs]
    return sum(1 for r in runs if r.footnote)


KEYS = sorted(EXPECTED)


@pytest.mark.parametrize("key", KEYS)
def test_parts_footnotes_tables_and_forms(imported, key):
    _content, report = imported(key)
    expect = EXPECTED[key]
    headed = [p.blocks[0].text for p in report.parts if p.blocks and p.blocks[0].role is not m.BlockRole.PARAGRAPH]
    assert [re.match(r"\S+?\.", text).group(0) for text in headed] == expect["parts"]
    assert all(p.blocks and p.blocks[0].role is not m.BlockRole.PARAGRAPH for p in report.parts)  # no headless part
    assert _footnotes(report) == expect["footnotes"]
    assert sum(1 for p in report.parts for b in p.blocks if b.table is not None) == expect["tables"]
    assert len(report.appendices) == expect["forms"]


@pytest.mark.parametrize("key", KEYS)
def test_signer_subject_and_recipients(imported, key):
    _content, report = imported(key)
    expect = EXPECTED[key]
    sig = report.signature
    assert (sig.authority, sig.title, sig.concurrent_title, sig.name) == expect["signer"]
    assert report.recipients == expect["recipients"]
    assert report.subject == expect["subject"]
    assert report.doc_name == "BÁO CÁO"
    assert report.opening or key in ("03", "04")  # 01, 02 open with a paragraph quoting the plan in italics
    assert report.closing.startswith("Trên đây là") and report.closing.endswith("./.")


@pytest.mark.parametrize("key", KEYS)
def test_every_word_is_kept(imported, key):
    content, report = imported(key)
    kept, total = kept_in_order(docx_tokens(content), report_tokens(report))
    assert kept / total >= 0.999, (kept, total)


def test_the_bar_chart_of_03_is_a_picture(imported):
    pytest.importorskip("cchc_desktop.importing.docx_pictures")
    _content, report = imported("03")
    assert sum(1 for p in report.parts for b in p.blocks if b.role is m.BlockRole.PICTURE) == 1
