"""A reportlab Drawing as a PNG, drawn with Pillow: the DOCX's chart picture, without Qt.

Word needs a bitmap. reportlab's own bitmap renderer (renderPM) needs rlPyCairo, which is not
shipped; Pillow is. This walks the Drawing as renderPM does (reportlab's Renderer: groups with
their transforms, then each shape) and draws every shape on a white page SUPERSAMPLE times the
target size; each SUPERSAMPLE x SUPERSAMPLE block of it then becomes one pixel of the picture (their
mean), which smooths the edges as LANCZOS did, looking the same, at a tenth of its time.

Text uses the TTF files reportlab draws the PDF with (document/fonts.py), so the picture has the
PDF's letters, Vietnamese diacritics included. Clip paths are left out (the chart needs none),
as are dashes, opacity, even-odd fills and rounded corners (our charts use none of them).
"""

from __future__ import annotations

import io
import math
from functools import lru_cache
from typing import Sequence

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.renderbase import Renderer, getStateDelta
from reportlab.graphics.shapes import (Circle, Drawing, Ellipse, Line, Path, Polygon, PolyLine, Rect, String,
                                       _renderPath, numericXShift)
from reportlab.pdfbase import pdfmetrics

from . import fonts

SUPERSAMPLE = 3  # drawn 3x larger, then scaled down: smooth edges without an anti-aliasing rasteriser
CURVE_STEPS = 48  # straight pieces of a circle, an ellipse or a curve
Point = tuple[float, float]
RGB = tuple[int, int, int]


class _Page:
    """What reportlab's Renderer.draw expects of a canvas, around a Pillow image."""

    def __init__(self, image: Image.Image, scale: float) -> None:
        self.image = image
        self.pen = ImageDraw.Draw(image)
        self.scale = scale  # device pixels per point

    def saveState(self) -> None:  # noqa: N802 (reportlab's name)
        pass

    def restoreState(self) -> None:  # noqa: N802
        pass


def _rgb(colour) -> RGB | None:
    if colour is None:
        return None
    return (round(255 * colour.red), round(255 * colour.green), round(255 * colour.blue))


@lru_cache(maxsize=64)
def _truetype(path: str, pixels: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, pixels)


def _font_file(font_name: str) -> str | None:
    """The TTF file behind a reportlab font name: the registered one, else our family's."""
    try:
        face = getattr(pdfmetrics.getFont(font_name), "face", None)
    except (KeyError, ValueError):
        face = None
    filename = getattr(face, "filename", None)
    if isinstance(filename, str):
        return filename
    try:  # a standard Type 1 name (Times-Bold): our family's file for that style
        files = fonts.find_fonts().files
    except fonts.FontNotFoundError:
        return None
    bold, italic = "Bold" in font_name, "Italic" in font_name or "Oblique" in font_name
    return str(files[bold + 2 * italic])


def _font(font_name: str, pixels: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = _font_file(font_name)
    if path is None:
        return ImageFont.load_default(pixels)
    return _truetype(path, pixels)


class _PillowRenderer(Renderer):
    """reportlab's Renderer drawing each shape with Pillow's ImageDraw."""

    def __init__(self, page: _Page, height_pt: float) -> None:
        self.page = page
        self.height_pt = height_pt

    # --- state and coordinates -------------------------------------------------------------
    def initState(self, x: float, y: float) -> None:  # noqa: N802
        state = self._tracker._combined[-1]
        state["transform"] = state["ctm"] = (1, 0, 0, 1, x, y)
        self._tracker.push({})

    def applyStateChanges(self, delta, newState) -> None:  # noqa: N802 (nothing to send ahead)
        pass

    def drawNode(self, node) -> None:  # noqa: N802
        self._tracker.push(getStateDelta(node))
        try:
            self.drawNodeDispatcher(node)
        finally:
            self._tracker.pop()

    def _device(self, x: float, y: float) -> Point:
        """A point of the current shape on the page (the page's y runs down)."""
        a, b, c, d, e, f = self._tracker.getCTM()
        scale = self.page.scale
        return ((a * x + c * y + e) * scale, (self.height_pt - (b * x + d * y + f)) * scale)

    def _linear_scale(self) -> float:
        a, b, c, d, _e, _f = self._tracker.getCTM()
        return math.sqrt(abs(a * d - b * c)) * self.page.scale

    def _state(self, key: str):
        return self._tracker.getState()[key]

    # --- painting ----------------------------------------------------------------------------
    def _stroke(self, points: Sequence[Point], closed: bool, round_joins: bool) -> None:
        colour, width = _rgb(self._state("strokeColor")), self._state("strokeWidth") or 0
        if colour is None or width <= 0 or len(points) < 2:
            return
        pixels = max(1, round(width * self._linear_scale()))
        line = list(points) + ([points[0]] if closed else [])
        if round_joins or self._state("strokeLineJoin") == 1:
            self.page.pen.line(line, fill=colour, width=pixels, joint="curve")
            return
        # reportlab's mitre join (the corners of a bar, a swatch): the sides, then a square on
        # each corner, where Pillow's butt-ended sides leave a notch
        self.page.pen.line(line, fill=colour, width=pixels)
        half = pixels / 2
        for x, y in points if pixels > 2 else ():
            self.page.pen.rectangle((x - half, y - half, x + half, y + half), fill=colour)

    def _fill(self, points: Sequence[Point]) -> None:
        colour = _rgb(self._state("fillColor"))
        if colour is not None and len(points) >= 3:
            self.page.pen.polygon(list(points), fill=colour)

    def _shape(self, points: list[Point], closed: bool = True, round_joins: bool = False) -> None:
        device = [self._device(x, y) for x, y in points]
        if closed:
            self._fill(device)
        self._stroke(device, closed, round_joins)

    def drawRect(self, rect: Rect) -> None:  # noqa: N802 (rounded corners are drawn square)
        x, y, w, h = rect.x, rect.y, rect.width, rect.height
        self._shape([(x, y), (x + w, y), (x + w, y + h), (x, y + h)])

    def drawLine(self, line: Line) -> None:  # noqa: N802
        self._shape([(line.x1, line.y1), (line.x2, line.y2)], closed=False)

    def drawPolyLine(self, polyline: PolyLine) -> None:  # noqa: N802
        self._shape(_pairs(polyline.points), closed=False, round_joins=True)  # a data line

    def drawPolygon(self, polygon: Polygon) -> None:  # noqa: N802
        self._shape(_pairs(polygon.points))

    def drawCircle(self, circle: Circle) -> None:  # noqa: N802
        self._shape(_ellipse(circle.cx, circle.cy, circle.r, circle.r), round_joins=True)

    def drawEllipse(self, ellipse: Ellipse) -> None:  # noqa: N802
        self._shape(_ellipse(ellipse.cx, ellipse.cy, ellipse.rx, ellipse.ry), round_joins=True)

    def drawPath(self, path: Path) -> None:  # noqa: N802 (each sub-path filled on its own)
        if getattr(path, "isClipPath", 0) or not getattr(path, "operators", None):
            return  # a clip path (or reportlab's EmptyClipPath) is not a shape to paint
        outline = _Outline()
        _renderPath(path, (outline.move_to, outline.line_to, outline.curve_to, outline.close))
        for points, closed in outline.parts:
            device = [self._device(x, y) for x, y in points]
            self._fill(device)
            self._stroke(device, closed, round_joins=True)

    def drawString(self, string: String) -> None:  # noqa: N802
        colour = _rgb(self._state("fillColor"))
        if colour is None or not string.text:
            return
        name, size, anchor = self._state("fontName"), self._state("fontSize"), self._state("textAnchor")
        width = pdfmetrics.stringWidth(string.text, name, size)
        shift = {"end": width, "middle": width / 2}.get(anchor, 0.0)
        if anchor == "numeric":
            shift = numericXShift(anchor, string.text, width, name, size, getattr(string, "encoding", None))
        a, b, _c, _d, _e, _f = self._tracker.getCTM()
        pixels = max(1, round(size * self._linear_scale()))
        _text(self.page, self._device(string.x - shift, string.y), string.text, _font(name, pixels), colour,
              math.degrees(math.atan2(b, a)))


class _Outline:
    """A Path's sub-paths as lists of points (each curve cut into CURVE_STEPS pieces)."""

    def __init__(self) -> None:
        self.parts: list[tuple[list[Point], bool]] = []  # (points, closed)

    def move_to(self, x: float, y: float) -> None:
        self.parts.append(([(x, y)], False))

    def line_to(self, x: float, y: float) -> None:
        if not self.parts:
            self.move_to(x, y)
        self.parts[-1][0].append((x, y))

    def curve_to(self, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float) -> None:
        x0, y0 = self.parts[-1][0][-1] if self.parts else (x1, y1)
        steps = CURVE_STEPS
        for i in range(1, steps + 1):
            t = i / steps
            u = 1 - t
            self.line_to(u ** 3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t ** 3 * x3,
                         u ** 3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t ** 3 * y3)

    def close(self) -> None:
        if self.parts:
            self.parts[-1] = (self.parts[-1][0], True)


def _pairs(flat: Sequence[float]) -> list[Point]:
    return [(flat[i], flat[i + 1]) for i in range(0, len(flat) - 1, 2)]


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> list[Point]:
    """An ellipse as a polygon (then any transform of the group applies to it)."""
    steps = [2 * math.pi * i / CURVE_STEPS for i in range(CURVE_STEPS)]
    return [(cx + rx * math.cos(t), cy + ry * math.sin(t)) for t in steps]


def _text(page: _Page, at: Point, text: str, font, colour: RGB, degrees: float) -> None:
    """``text`` with its baseline starting at ``at``, turned ``degrees`` anticlockwise."""
    if abs(degrees) < 0.01:
        page.pen.text(at, text, font=font, fill=colour, anchor="ls")
        return
    # Turned text: written flat on a mask just big enough, turned, pasted where its start lands.
    left, top, right, bottom = font.getbbox(text, anchor="ls")
    mask = Image.new("L", (right - left + 2, bottom - top + 2), 0)
    ImageDraw.Draw(mask).text((1 - left, 1 - top), text, font=font, fill=255, anchor="ls")
    turned = mask.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True)
    # where the start of the baseline went: turned about the mask's centre (the page's y runs down)
    dx, dy = 1 - left - mask.width / 2, 1 - top - mask.height / 2
    angle = math.radians(degrees)
    x = turned.width / 2 + dx * math.cos(angle) + dy * math.sin(angle)
    y = turned.height / 2 - dx * math.sin(angle) + dy * math.cos(angle)
    page.image.paste(colour, (round(at[0] - x), round(at[1] - y)), turned)


def drawing_png(drawing: Drawing, width_px: int) -> bytes:
    """``drawing`` as an RGB PNG ``width_px`` wide on white (height from its aspect), with the
    DPI at which the picture is the drawing's size in points."""
    height_px = max(1, round(width_px * drawing.height / drawing.width))
    scale = width_px * SUPERSAMPLE / drawing.width
    page = _Page(Image.new("RGB", (width_px * SUPERSAMPLE, height_px * SUPERSAMPLE), "white"), scale)
    _PillowRenderer(page, drawing.height).draw(drawing, page, 0, 0, showBoundary=False)
    image = page.image.reduce(SUPERSAMPLE)  # the mean of each block: 15 ms, where LANCZOS took 190
    dpi = width_px / (drawing.width / 72)
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()
