"""The DOCX's chart picture, drawn with Pillow from the PDF's Drawing: no Qt, the PDF's letters.

Each check reads the picture back (from the DOCX, with python-docx) and finds the drawing's own
shapes in it: the bars' colours where the drawing puts its bars, dark ink where it puts its texts.
"""

from __future__ import annotations

import copy
import io
import subprocess
import sys
from collections.abc import Iterator

import docx
from PIL import Image
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.graphics.transform import mmult
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from cchc_desktop.core.model import Chart, ChartKind, ChartSeries
from cchc_desktop.core.templates import load_sample
from cchc_desktop.document.chart_png import drawing_png
from cchc_desktop.document.charts import HEIGHT_PT, PALETTE, WIDTH_PT, chart_drawing, chart_png
from cchc_desktop.document.export import export_docx
from cchc_desktop.document import fonts

BARS = Chart("Tỷ lệ hồ sơ đúng hạn", ChartKind.BARS, ["Quý I/2026", "Quý II/2026", "Quý III/2026"],
             [ChartSeries("Hồ sơ đúng hạn", ["1.250", "980", "-"]), ChartSeries("Hồ sơ trễ hạn", ["300", "45,5", "1.600"])],
             "Hồ sơ")
PERIODS = [f"Quý {q}/{y}" for y in (2025, 2026) for q in ("I", "II", "III", "IV")]
LINES = Chart("Tỷ lệ hồ sơ đúng hạn", ChartKind.LINES, PERIODS,
              [ChartSeries("Đúng hạn", ["95,5%", "96%", "-", "97,25%", "98%", "99,1%", "100%", "98,7%"])], "%")


def _placed(node, ctm=(1, 0, 0, 1, 0, 0)) -> Iterator[tuple[object, tuple]]:
    """Every shape of the drawing with the transform it is drawn under."""
    if isinstance(node, Group):
        ctm = mmult(ctm, node.transform)
        for child in node.getContents():
            yield from _placed(child.provideNode() if hasattr(child, "provideNode") else child, ctm)
    else:
        yield node, ctm


def _to_px(ctm, x: float, y: float, scale: float) -> tuple[float, float]:
    a, b, c, d, e, f = ctm
    return (a * x + c * y + e) * scale, (HEIGHT_PT - (b * x + d * y + f)) * scale


def _hex(colour) -> str:
    return colour.hexval().replace("0x", "#").lower()


def _docx_picture(chart: Chart, tmp_path) -> Image.Image:
    report = load_sample()
    report.charts = [copy.deepcopy(chart)]
    export_docx(report, tmp_path / "r.docx")
    return _picture_of(tmp_path / "r.docx")


def _picture_of(path) -> Image.Image:
    """The one picture of the DOCX, read back through python-docx."""
    document = docx.Document(str(path))
    (shape,) = document.inline_shapes
    blob = document.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    assert blob[:8] == b"\x89PNG\r\n\x1a\n"
    return Image.open(io.BytesIO(blob))


def _dark(image: Image.Image, box: tuple[float, float, float, float]) -> int:
    grey = image.convert("L").crop(tuple(round(v) for v in box))
    return sum(1 for value in grey.tobytes() if value < 110)


def test_the_docx_picture_has_the_bars_where_the_drawing_has_them(tmp_path) -> None:
    image = _docx_picture(BARS, tmp_path)
    assert image.mode == "RGB" and image.size == (1600, round(1600 * HEIGHT_PT / WIDTH_PT))
    # the picture's natural size is the drawing's (Word and LibreOffice read the DPI)
    assert abs(image.info["dpi"][0] - 1600 / (WIDTH_PT / 72)) < 1
    assert image.getpixel((3, 3)) == (255, 255, 255)
    scale = image.width / WIDTH_PT
    bars = [(shape, ctm) for shape, ctm in _placed(chart_drawing(BARS))
            if isinstance(shape, Rect) and shape.fillColor is not None and shape.height > 5
            and _hex(shape.fillColor) in PALETTE[:2]]
    assert len(bars) == 6  # four bars (not the gap "-", nor 45,5, a sliver) and two legend swatches
    for bar, ctm in bars:
        x, y = _to_px(ctm, bar.x + bar.width / 2, bar.y + bar.height / 2, scale)
        wanted = colors.HexColor(_hex(bar.fillColor))
        got = image.getpixel((round(x), round(y)))
        assert all(abs(g - round(255 * w)) <= 3 for g, w in zip(got, (wanted.red, wanted.green, wanted.blue)))


def test_the_docx_picture_has_ink_where_the_drawing_writes(tmp_path) -> None:
    image = _docx_picture(BARS, tmp_path)
    scale = image.width / WIDTH_PT
    written = [(s, ctm) for s, ctm in _placed(chart_drawing(BARS)) if isinstance(s, String) and s.text.strip()
               and ctm[1] == 0]  # flat texts: title, categories, figures, legend
    texts = {s.text for s, _ in written}
    assert {"Tỷ lệ hồ sơ đúng hạn", "Quý II/2026", "1.250", "45,5", "1.600", "Hồ sơ trễ hạn"} <= texts
    for string, ctm in written:
        width = pdfmetrics.stringWidth(string.text, string.fontName, string.fontSize)
        left = string.x - {"middle": width / 2, "end": width}.get(string.textAnchor, 0)
        x0, y0 = _to_px(ctm, left, string.y + string.fontSize, scale)
        x1, y1 = _to_px(ctm, left + width, string.y - 0.25 * string.fontSize, scale)
        assert _dark(image, (x0, y0, x1, y1)) > 20 * len(string.text), string.text
    # and none where nothing is written: the empty band between the title and the plot's top
    top = max(ctm[5] + s.y for s, ctm in written if s.text != BARS.title)
    _x, band_bottom = _to_px((1, 0, 0, 1, 0, 0), 0, top + 12, scale)
    _x, band_top = _to_px((1, 0, 0, 1, 0, 0), 0, HEIGHT_PT - 20, scale)
    assert _dark(image, (60 * scale, band_top, image.width - 10, band_bottom)) < 50


def test_turned_labels_and_line_points_are_drawn(tmp_path) -> None:
    image = Image.open(io.BytesIO(chart_png(LINES)))
    scale = image.width / WIDTH_PT
    turned = [(s, ctm) for s, ctm in _placed(chart_drawing(LINES)) if isinstance(s, String) and ctm[1] != 0]
    assert len(turned) == len(PERIODS)  # eight slanted period names
    for string, ctm in turned:  # ink along each slanted name
        width = pdfmetrics.stringWidth(string.text, string.fontName, string.fontSize)
        left = string.x - {"middle": width / 2, "end": width}.get(string.textAnchor, 0)
        for along in (0.2, 0.5, 0.8):
            x, y = _to_px(ctm, left + along * width, string.y + 0.3 * string.fontSize, scale)
            assert _dark(image, (x - 12, y - 12, x + 12, y + 12)) > 15, string.text
    navy = colors.HexColor(PALETTE[0])
    wanted = (round(255 * navy.red), round(255 * navy.green), round(255 * navy.blue))
    points = sum(n for n, rgb in image.getcolors(1 << 24) if max(abs(a - b) for a, b in zip(rgb, wanted)) <= 3)
    assert points > 3000  # the line and its dots in the series' colour


def _ink(text: str) -> Image.Image:
    drawing = Drawing(100, 60)
    drawing.add(String(20, 20, text, fontName=fonts.face(False, False), fontSize=30))
    fonts.register()
    return Image.open(io.BytesIO(drawing_png(drawing, 300))).convert("L").point(lambda v: 255 if v < 110 else 0)


def test_vietnamese_marks_are_drawn_on_their_letters() -> None:
    """ệ is the e (not a missing-glyph box) with a mark above and a dot below it."""
    plain, marked = _ink("e"), _ink("ệ")
    e_box, marked_box = plain.getbbox(), marked.getbbox()
    assert e_box and marked_box
    e_pixels = [(x, y) for x in range(e_box[0], e_box[2]) for y in range(e_box[1], e_box[3])
                if plain.getpixel((x, y))]
    kept = sum(1 for xy in e_pixels if marked.getpixel(xy))
    assert kept > 0.9 * len(e_pixels)
    assert marked_box[1] < e_box[1] - 5 and marked_box[3] > e_box[3] + 5


def test_the_picture_is_drawn_without_qt(tmp_path) -> None:
    """The command line exports a report with charts in a process where PySide6 cannot load."""
    code = ("import sys; sys.modules['PySide6'] = None\n"
            "from cchc_desktop.core.model import Chart, ChartKind, ChartSeries\n"
            "from cchc_desktop.core.templates import load_sample\n"
            "from cchc_desktop.document.export import export_docx\n"
            "report = load_sample()\n"
            "report.charts = [Chart('Tỷ lệ', ChartKind.BARS, ['Quý I'], [ChartSeries('Kỳ này', ['12,5'])], '%')]\n"
            f"export_docx(report, {str(tmp_path / 'r.docx')!r})\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6') and sys.modules[m]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"
    assert _picture_of(tmp_path / "r.docx").size == (1600, round(1600 * HEIGHT_PT / WIDTH_PT))
