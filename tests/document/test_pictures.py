"""Picture blocks on paper: the same size and place in the DOCX and the PDF (read back), scaled
down to the text frame and never up, a caption under them, and no picture that can stop an export."""

from __future__ import annotations

import io
import shutil
import subprocess

import docx
import pdfplumber
import pytest
from PIL import Image

from cchc_desktop.core.model import Block, BlockRole, Picture, Run
from cchc_desktop.document import layout, measures as m
from cchc_desktop.document.export import export_docx, export_pdf
from cchc_desktop.document.pictures import PX_MM, PictureBlock, fitted_size

from .helpers import sample_report

EMU_MM = 36000
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def image_bytes(width: int, height: int, fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    mode = "1" if width * height > 4_000_000 else "RGB"  # big ones cheap to make
    Image.new(mode, (width, height), 1 if mode == "1" else (20, 90, 160)).save(out, fmt)
    return out.getvalue()


def with_pictures(*pictures: tuple[Picture, str]):
    report = sample_report()
    blocks = report.parts[0].blocks
    for index, (picture, caption) in enumerate(pictures):
        blocks.insert(2 + index, Block(BlockRole.PICTURE, [Run(caption)] if caption else [], picture=picture))
    return report


def test_fitted_size_scales_down_never_up():
    assert fitted_size(0, 0, (10, 20), 165, 200) == pytest.approx((10 * PX_MM, 20 * PX_MM), abs=0.01)
    assert fitted_size(330, 100, (1, 1), 165, 200) == (165, 50)  # half the width: half the height
    assert fitted_size(50, 400, (1, 1), 165, 200) == (25, 200)
    assert fitted_size(0, 0, (8000, 8000), 165, 200) == (165, 165)


def test_docx_and_pdf_put_the_picture_at_the_same_size_and_place(tmp_path):
    report = with_pictures((Picture(image_bytes(400, 200, "JPEG"), "jpeg", 120.0, 60.0, "Biểu đồ"),
                            "Biểu đồ 1: Số hồ sơ theo tháng"))
    export_docx(report, tmp_path / "r.docx")
    export_pdf(report, tmp_path / "r.pdf")
    document = docx.Document(tmp_path / "r.docx")
    shape, = document.inline_shapes
    assert (shape.width / EMU_MM, shape.height / EMU_MM) == pytest.approx((120, 60), abs=0.01)
    texts = [p.text for p in document.paragraphs]
    caption = document.paragraphs[texts.index("Biểu đồ 1: Số hồ sơ theo tháng")]
    picture_para = caption._p.getprevious()
    assert picture_para.xpath(".//w:drawing") and picture_para.xpath("./w:pPr/w:keepNext")
    assert caption.alignment == 1 and all(run.italic for run in caption.runs)  # centred, italic
    with pdfplumber.open(tmp_path / "r.pdf") as pdf:
        images = [(page.page_number, image) for page in pdf.pages for image in page.images]
        assert len(images) == 1
        number, image = images[0]
        width, height = image["x1"] - image["x0"], image["bottom"] - image["top"]
        assert (width, height) == pytest.approx((m.mm_to_pt(120), m.mm_to_pt(60)), abs=0.1)
        left = m.mm_to_pt(m.MARGIN_LEFT_MM)
        assert image["x0"] - left == pytest.approx(m.mm_to_pt(m.TEXT_WIDTH_MM) - image["x1"] + left, abs=0.5)
        text = pdf.pages[number - 1].extract_text()
        assert "Biểu đồ 1: Số hồ sơ theo tháng" in text.replace("\n", " ")


@pytest.mark.parametrize("size", [(1, 1), (8000, 8000), (8000, 3), (3, 8000)])
def test_any_pixel_size_exports(tmp_path, size):
    report = with_pictures((Picture(image_bytes(*size), "png"), ""))
    export_docx(report, tmp_path / "r.docx")
    export_pdf(report, tmp_path / "r.pdf")
    shape, = docx.Document(tmp_path / "r.docx").inline_shapes
    assert shape.width / EMU_MM <= m.TEXT_WIDTH_MM + 0.01
    assert shape.height / EMU_MM <= m.PAGE_HEIGHT_MM - m.MARGIN_TOP_MM - m.MARGIN_BOTTOM_MM
    with pdfplumber.open(tmp_path / "r.pdf") as pdf:
        image, = [i for page in pdf.pages for i in page.images]
        assert image["x1"] - image["x0"] == pytest.approx(shape.width / EMU_MM * 72 / 25.4, abs=0.1)


def test_unreadable_picture_prints_a_line_not_a_traceback(tmp_path):
    report = with_pictures((Picture(b"\x89PNG broken", "png", name="so-do.png"), "Hình 2. Sơ đồ"))
    blocks = layout.make_document(report).blocks
    assert not any(isinstance(b, PictureBlock) for b in blocks)
    export_docx(report, tmp_path / "r.docx")
    export_pdf(report, tmp_path / "r.pdf")
    text = "\n".join(p.text for p in docx.Document(tmp_path / "r.docx").paragraphs)
    assert "[Hình “so-do.png” không đọc được]" in text and "Hình 2. Sơ đồ" in text


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_page_count_equals_libreoffices(tmp_path):
    reports = {
        "tall": with_pictures((Picture(image_bytes(1000, 1500, "JPEG"), "jpeg"), "Hình 1: Ảnh chụp")),
        "two": with_pictures((Picture(image_bytes(600, 400), "png", 160.0, 106.7), "Biểu đồ 1: Kết quả"),
                             (Picture(image_bytes(300, 300), "png"), "")),
        # a heading, a full-width picture and a long caption: they go to the next page together
        "kept": with_pictures((Picture(image_bytes(900, 300), "png", 170.0, 50.0), ""),
                              (Picture(image_bytes(500, 800), "jpeg", 130.0, 208.0), "Hình 3: " + "chú thích " * 60)),
    }
    ours = {}
    for name, report in reports.items():
        export_docx(report, tmp_path / f"{name}.docx")
        export_pdf(report, tmp_path / f"{name}-ours.pdf")
        with pdfplumber.open(tmp_path / f"{name}-ours.pdf") as pdf:
            ours[name] = len(pdf.pages)
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *(str(tmp_path / f"{n}.docx") for n in reports)],
                   check=True, capture_output=True, timeout=180)
    for name in reports:
        with pdfplumber.open(tmp_path / f"{name}.pdf") as pdf, pdfplumber.open(tmp_path / f"{name}-ours.pdf") as mine:
            assert len(pdf.pages) == ours[name], name
            theirs = [(p.page_number, i["x0"], i["top"], i["x1"]) for p in pdf.pages for i in p.images]
            placed = [(p.page_number, i["x0"], i["top"], i["x1"]) for p in mine.pages for i in p.images]
            assert len(theirs) == len(placed)
            for a, b in zip(placed, theirs):  # the same page and place (LibreOffice adds no side spacing)
                assert a[0] == b[0] and a[1:] == pytest.approx(b[1:], abs=0.5), name


def test_preview_shows_the_picture_on_its_page():
    from cchc_desktop.document.preview_pages import Target, render_all

    pictures = [(Picture(image_bytes(300, 900), "png", 60.0, 180.0), "Hình 1: Cao") for _ in range(3)]
    report = with_pictures(*pictures)
    pages = render_all(report, Target((layout.NARRATIVE, 0, 4)))  # the third picture
    with pdfplumber.open(io.BytesIO(pages.pdf)) as pdf:
        on_pages = [page.page_number - 1 for page in pdf.pages if page.images]
    assert len(on_pages) == 3 and len(set(on_pages)) == 3  # 180 mm each: one a page
    assert pages.page == on_pages[-1]


def test_a_picture_is_no_text_for_the_limits(tmp_path):
    from cchc_desktop.store.limits import LimitError, MAX_FIELD_CHARS, MAX_PICTURES_CHARS, check_report

    noise = Image.frombytes("RGB", (400, 400), __import__("os").urandom(400 * 400 * 3))
    out = io.BytesIO()
    noise.save(out, "PNG")
    assert len(out.getvalue()) * 4 / 3 > MAX_FIELD_CHARS  # more base64 than one text may hold
    report = with_pictures((Picture(out.getvalue(), "png"), ""))
    check_report(report, "báo cáo")
    export_pdf(report, tmp_path / "r.pdf")
    too_many = with_pictures(*[(Picture(b"\x89PNG" + bytes(25 * 1024 * 1024), "png"), "")] * 7)
    with pytest.raises(LimitError, match="quá nhiều hình ảnh"):
        check_report(too_many, "báo cáo")
    assert 7 * 25 * 1024 * 1024 * 4 / 3 > MAX_PICTURES_CHARS
