"""A picture block (core.model.Picture) on the page: its size, its layout element, and how each
writer spells it, so the DOCX and the PDF put it at the same size and place.

Size: the block's printed size in mm, or its pixels at 96 dpi, scaled down (never up) to fit the
text width and the page height, keeping its aspect.  Centred, with its caption (italic,
centred) under it.  A picture whose bytes cannot be read prints as a short italic line instead:
no picture can stop an export.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from ..core.model import Block
from . import measures as m
from .measures import Align
from .layout_types import Para, Span, clean

PX_MM = 25.4 / 96  # a pixel at Word's 96 dpi
MIN_MM = 0.5  # no side smaller: Word and LibreOffice drop zero-sized pictures
CAPTION_ROOM_MM = 30.0  # kept free under a full-page picture for its caption and spacing
SPACE_PT = 6.0  # before and after the picture's paragraph, in both writers
LINE_EXTRA_PT = 1.0  # the picture paragraph's line is the picture plus the 1 pt font's descent


@dataclass
class PictureBlock:
    """A picture centred in the text column, ``width_mm`` × ``height_mm`` as printed."""

    data: bytes
    format: str  # "png" or "jpeg"
    width_mm: float
    height_mm: float
    name: str = ""
    captioned: bool = False  # a caption paragraph follows: keep the picture with it
    source: tuple | None = field(default=None, compare=False)


def pixel_size(data: bytes) -> tuple[int, int] | None:
    """Width and height in pixels from the file's header, or None when it is no picture we can print."""
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ("PNG", "JPEG"):
                return None
            width, height = image.size
    except Exception:  # noqa: BLE001 - a damaged file is "not readable", never a traceback
        return None
    return (width, height) if width > 0 and height > 0 else None


def fitted_size(width_mm: float, height_mm: float, pixels: tuple[int, int], frame_w_mm: float,
                frame_h_mm: float) -> tuple[float, float]:
    """The printed size: the given mm size (or the pixels at 96 dpi) scaled down to the frame."""
    if not (width_mm > 0 and height_mm > 0):
        width_mm, height_mm = pixels[0] * PX_MM, pixels[1] * PX_MM
    scale = min(1.0, frame_w_mm / width_mm, frame_h_mm / height_mm)
    return max(MIN_MM, round(width_mm * scale, 2)), max(MIN_MM, round(height_mm * scale, 2))


def picture_blocks(block: Block, source: tuple | None = None, landscape: bool = False) -> list:
    """The layout of one PICTURE block: the picture, then its caption paragraph if it has one."""
    picture = block.picture
    caption_spans = [Span(clean(r.text), r.bold, True, _note(r)) for r in block.runs if r.text or r.footnote]
    caption = None
    if "".join(s.text for s in caption_spans).strip() or any(s.note for s in caption_spans):
        caption = Para("paragraph", caption_spans, overrides={"align": Align.CENTER, "first_indent_mm": 0.0,
                                                              "left_indent_mm": 0.0}, source=source)
    pixels = pixel_size(picture.data) if picture is not None else None
    if pixels is None:
        name = f" “{clean(picture.name)}”" if picture is not None and picture.name.strip() else ""
        missing = Para("paragraph", [Span(f"[Hình{name} không đọc được]", italic=True)],
                       overrides={"align": Align.CENTER, "first_indent_mm": 0.0}, source=source)
        return [missing] + ([caption] if caption else [])
    frame_w = m.LANDSCAPE_TEXT_WIDTH_MM if landscape else m.TEXT_WIDTH_MM
    page_h = (m.PAGE_WIDTH_MM if landscape else m.PAGE_HEIGHT_MM) - m.MARGIN_TOP_MM - m.MARGIN_BOTTOM_MM
    width, height = fitted_size(picture.width_mm, picture.height_mm, pixels, frame_w, page_h - CAPTION_ROOM_MM)
    fmt = "jpeg" if picture.data[:3] == b"\xff\xd8\xff" else "png"  # by its bytes: they are what we embed
    out: list = [PictureBlock(picture.data, fmt, width, height, clean(picture.name), caption is not None, source)]
    return out + ([caption] if caption else [])


def _note(run):
    from .table_layout import note_of  # the caption's footnotes number with the others

    return note_of(run)


# ---------------------------------------------------------------- DOCX


def docx_picture(block: PictureBlock, part) -> str:
    """An inline picture in a centred paragraph of its own whose line grows with it."""
    from docx.oxml.shape import CT_Inline
    from docx.shared import Mm
    from lxml import etree

    from .docx_writer import style_id

    r_id = _image_part(part, block)
    part._picture_count = getattr(part, "_picture_count", 0) + 1
    number = part._picture_count
    name = f"hinh-{number}.{'jpg' if block.format == 'jpeg' else 'png'}"
    inline = CT_Inline.new_pic_inline(2000 + number, r_id, name, int(Mm(block.width_mm)), int(Mm(block.height_mm)))
    for side in ("distT", "distB", "distL", "distR"):  # LibreOffice adds 0.125" each side when absent
        inline.set(side, "0")
    drawing = etree.tostring(inline, encoding="unicode")
    keep = "<w:keepNext/>" if block.captioned else ""
    space = round(SPACE_PT * 20)
    return (f'<w:p><w:pPr><w:pStyle w:val="{style_id("spacer")}"/>{keep}'
            f'<w:spacing w:before="{space}" w:after="{space}" w:line="240" w:lineRule="auto"/>'
            f'<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
            f"<w:r><w:drawing>{drawing}</w:drawing></w:r></w:p>")


def _image_part(part, block: PictureBlock) -> str:
    """The picture's bytes as an image part of the package, as stored (python-docx's own reader
    refuses JPEGs without a JFIF/Exif header, which scanners and charts often write)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.parts.image import ImagePart

    images = part.package.image_parts
    ext = "jpg" if block.format == "jpeg" else "png"
    image = ImagePart(images._next_image_partname(ext), f"image/{block.format}", block.data)
    images.append(image)
    return part.relate_to(image, RT.IMAGE)


# ---------------------------------------------------------------- PDF


def pdf_picture(block: PictureBlock):
    """The picture as a flowable the width of the frame, drawn centred (also inside KeepNext,
    which hands its items no room to centre in).  A captioned picture waits in the story like a
    heading and goes with the first lines of its caption (pdf_writer._story), as in LibreOffice."""
    from reportlab.platypus import Flowable

    class PictureFlowable(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.block = block
            self.spaceBefore = self.spaceAfter = SPACE_PT
            self.w, self.h = m.mm_to_pt(block.width_mm), m.mm_to_pt(block.height_mm)

        def wrap(self, availWidth, availHeight):
            self.width, self.height = max(availWidth, self.w), self.h + LINE_EXTRA_PT
            return self.width, self.height

        def draw(self):
            x = (self.width - self.w) / 2
            self.canv.drawImage(_pdf_image(block), x, LINE_EXTRA_PT, self.w, self.h, mask="auto")

    flowable = PictureFlowable()
    if block.source is not None:
        from .pdf_writer import source_ident

        flowable.ident = source_ident(block.source)
    return [flowable]


PRINT_DPI = 300  # a PNG with more pixels than this at its printed size is resampled for the PDF


def _pdf_image(block: PictureBlock):
    """What reportlab embeds: a JPEG as it is (copied, not decoded); a PNG decoded, resampled
    to PRINT_DPI at its printed size when it has far more pixels (an 8000 px scan: seconds less)."""
    from reportlab.lib.utils import ImageReader

    if block.format == "jpeg":
        return ImageReader(io.BytesIO(block.data))
    from PIL import Image

    image = Image.open(io.BytesIO(block.data))
    most = (round(block.width_mm / 25.4 * PRINT_DPI), round(block.height_mm / 25.4 * PRINT_DPI))
    if image.width > 1.5 * most[0] and image.height > 1.5 * most[1]:
        image.draft(None, most)
        image = image.resize((max(1, most[0]), max(1, most[1])), Image.Resampling.BOX, reducing_gap=2.0)
    return ImageReader(image)
