"""Pictures come in from Word: at their place, with their printed size and caption; what
cannot be kept (a Word chart, an EMF drawing) gets a line in the import report."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from PIL import Image

from cchc_desktop.core.model import BlockRole
from cchc_desktop.importing import import_file
from cchc_desktop.importing.docx_pictures import is_caption, picture_from_bytes, sniff
from cchc_desktop.importing.docx_content import RPara, RRun

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "reports"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus/reports")

CHART = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:drawing>'
         '<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
         '<wp:extent cx="3600000" cy="1800000"/><wp:docPr id="77" name="Chart 1"/>'
         '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
         '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
         '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId999"/>'
         '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def image_bytes(width: int, height: int, fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, fmt)
    return out.getvalue()


def report_docx(path: Path, *, picture: bytes, caption: str | None = "Biểu đồ 1: Kết quả giải quyết hồ sơ",
                chart: bool = False) -> Path:
    document = docx.Document()
    for text in ("ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "BÁO CÁO", "Kết quả cải cách hành chính quý I năm 2025",
                 "I. KẾT QUẢ THỰC HIỆN", "1. Giải quyết hồ sơ", "Trong quý, xã đã tiếp nhận 120 hồ sơ."):
        document.add_paragraph(text)
    document.add_paragraph().add_run().add_picture(io.BytesIO(picture), width=Mm(120), height=Mm(60))
    if caption is not None:
        document.add_paragraph(caption)
    document.add_paragraph("Tỷ lệ giải quyết đúng hạn đạt 98%.")
    if chart:
        from docx.oxml import parse_xml
        document.add_paragraph("Biểu đồ số liệu dưới đây.")._p.append(parse_xml(CHART))
    document.add_paragraph("II. PHƯƠNG HƯỚNG")
    document.add_paragraph("Tiếp tục thực hiện tốt công tác cải cách hành chính.")
    document.save(path)
    return path


def replace_media(path: Path, data: bytes) -> None:
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, content in members:
            out.writestr(info, data if info.filename.startswith("word/media/") else content)


def pictures(report):
    return [(p, j, b) for p, part in enumerate(report.parts) for j, b in enumerate(part.blocks)
            if b.role == BlockRole.PICTURE]


def test_picture_at_its_place_with_size_and_caption(tmp_path):
    data = image_bytes(40, 20)
    result = import_file(report_docx(tmp_path / "r.docx", picture=data))
    found = pictures(result.report)
    assert len(found) == 1
    p, j, block = found[0]
    blocks = result.report.parts[p].blocks
    assert "120 hồ sơ" in blocks[j - 1].text
    assert blocks[j + 1].text.startswith("Tỷ lệ giải quyết")  # the caption left the text for the picture
    assert block.text == "Biểu đồ 1: Kết quả giải quyết hồ sơ"
    assert block.picture.data == data and block.picture.format == "png"
    assert (block.picture.width_mm, block.picture.height_mm) == pytest.approx((120, 60), abs=0.05)


def test_sentence_about_a_picture_is_no_caption(tmp_path):
    result = import_file(report_docx(tmp_path / "r.docx", picture=image_bytes(8, 8, "JPEG"),
                                     caption="Hình 1 cho thấy số hồ sơ tăng đều qua các tháng trong quý"))
    (p, j, block), = pictures(result.report)
    assert block.text == "" and block.picture.format == "jpeg"
    assert result.report.parts[p].blocks[j + 1].text.startswith("Hình 1 cho thấy")


def test_gif_becomes_png(tmp_path):
    result = import_file(report_docx(tmp_path / "r.docx", picture=image_bytes(30, 10, "GIF")))
    (_, _, block), = pictures(result.report)
    assert block.picture.format == "png" and Image.open(io.BytesIO(block.picture.data)).size == (30, 10)


def test_emf_and_word_chart_are_reported_not_dropped_silently(tmp_path):
    path = report_docx(tmp_path / "r.docx", picture=image_bytes(10, 10), chart=True)
    emf = b"\x01\x00\x00\x00" + b"\x00" * 36 + b" EMF" + b"\x00" * 60
    replace_media(path, emf)
    result = import_file(path)
    assert pictures(result.report) == []
    lines = [e.message for e in result.entries if e.message.startswith("Đã bỏ qua")]
    assert any("hình không đọc được" in line and "EMF" in line for line in lines), lines
    assert any("biểu đồ Word" in line for line in lines), lines
    words = " ".join(b.text for part in result.report.parts for b in part.blocks)
    assert "Biểu đồ số liệu dưới đây" in words  # the paragraph holding the chart keeps its text


def test_bytes_that_are_no_picture():
    assert picture_from_bytes(b"not a picture")[0] is None
    assert picture_from_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)[1] == "hình không đọc được"
    assert sniff(b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>") == "svg"


def test_caption_rule():
    def para(text, align="left", italic=False):
        return RPara([RRun(text, italic=italic)], align=align)
    assert is_caption(para("Biểu đồ 2: Tỷ lệ hồ sơ đúng hạn"))
    assert is_caption(para("Hình 3. Sơ đồ bộ máy"))
    assert is_caption(para("Hình 1 Tỷ lệ hồ sơ", align="center"))
    assert not is_caption(para("Hình 1 Tỷ lệ hồ sơ"))
    assert not is_caption(para("Hình thức tiếp nhận hồ sơ: trực tuyến"))


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not present on this machine")
def test_corpus_03_bar_chart_comes_in():
    source, = CORPUS.glob("03-*.docx")
    result = import_file(source)
    (p, j, block), = pictures(result.report)
    picture = block.picture
    assert picture.format == "jpeg" and Image.open(io.BytesIO(picture.data)).size == (679, 402)
    assert (picture.width_mm, picture.height_mm) == pytest.approx((160.02, 113.41), abs=0.01)
    blocks = result.report.parts[p].blocks
    assert blocks[j - 1].text.startswith("a) Kết quả đánh giá tổng hợp chung")
    assert blocks[j + 1].text.startswith("b) Kết quả đánh giá đối với tiêu chí công khai")


def test_old_vml_picture_and_a_picture_in_a_cell(tmp_path):
    from docx.oxml import parse_xml

    path = report_docx(tmp_path / "r.docx", picture=image_bytes(20, 10), caption=None)
    document = docx.Document(path)
    paragraph = next(p for p in document.paragraphs if p._p.xpath(".//w:drawing"))
    r_id = paragraph._p.xpath(".//a:blip/@r:embed")[0]
    run = paragraph._p.xpath(".//w:drawing/..")[0]
    run.remove(run.xpath("./w:drawing")[0])
    run.append(parse_xml(
        '<w:pict xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<v:shape style="width:100pt;height:50pt"><v:imagedata r:id="{r_id}"/></v:shape></w:pict>'))
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run().add_picture(io.BytesIO(image_bytes(5, 5)))
    document.save(path)
    result = import_file(path)
    (_, _, block), = pictures(result.report)
    assert (block.picture.width_mm, block.picture.height_mm) == pytest.approx((35.28, 17.64), abs=0.01)
    assert any("hình nằm trong ô bảng" in e.message for e in result.entries)


def test_a_picture_over_30_mb_is_refused_with_a_reason():
    picture, reason = picture_from_bytes(b"\x89PNG\r\n\x1a\n" + bytes(31 * 1024 * 1024))
    assert picture is None and "quá lớn" in reason


def test_a_logo_in_the_header_is_reported(tmp_path):
    path = report_docx(tmp_path / "r.docx", picture=image_bytes(10, 10), caption=None)
    document = docx.Document(path)
    document.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(image_bytes(12, 12)))
    document.save(path)
    result = import_file(path)
    assert len(pictures(result.report)) == 1
    assert any(e.message == "Đã bỏ qua hình: hình ở đầu trang." for e in result.entries)
