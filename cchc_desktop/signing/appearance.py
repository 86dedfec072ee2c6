"""What the visible signature shows, after Decree 30/2020 (Phụ lục I, the digital signature).

- the signer's signature image (PNG, transparent background), in the signing space between the
  title and the name;
- where the organisation signs: the seal image over about a third of the signature image, on
  its left, and the organisation's name and the signing time (hh:mm dd/mm/yyyy) in Times New
  Roman 10 pt, upright, blue.
Without a signature image the field names the signer and the time in the same blue text, so
that a signature never shows as a blank box.  Drawn with reportlab as a one-page PDF of the
field's size; pyHanko places that page as the field's appearance.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

TEXT_SIZE = 10.0  # pt, Decree 30
LINE = 12.0  # pt between text lines
BLUE = (0.0, 0.0, 1.0)
SEAL_OVERLAP = 1 / 3  # of the signature image's width, covered by the seal on its left
SEAL_MM = 36.0  # a seal's usual diameter; shrunk to the field's height when taller


@dataclass(frozen=True)
class Appearance:
    signature_png: bytes | None = None
    seal_png: bytes | None = None
    organisation: str = ""  # printed only with the seal (the organisation signs)


def signing_time_text(moment: datetime) -> str:
    """hh:mm dd/mm/yyyy in the PC's own time zone (Vietnam's on a clerk's PC)."""
    return moment.astimezone().strftime("%H:%M %d/%m/%Y")


def appearance_pdf(look: Appearance, width: float, height: float, holder: str, moment: datetime) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    from ..document import fonts

    fonts.register()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    lines = _text_lines(look, holder, moment)
    text_room = len(lines) * LINE if look.seal_png or not look.signature_png else 0.0
    picture_height = max(height - text_room, height / 2) if look.signature_png else 0.0
    seal_size = min(SEAL_MM * 72 / 25.4, height) if look.seal_png else 0.0
    signature_box = _draw_signature(canvas, look.signature_png, width, height, picture_height, seal_size)
    if look.seal_png:
        _draw_seal(canvas, look.seal_png, signature_box, width, height, seal_size)
    _draw_text(canvas, lines, signature_box, width, height, text_room)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _text_lines(look: Appearance, holder: str, moment: datetime) -> list[str]:
    when = signing_time_text(moment)
    if look.seal_png:
        return [line for line in (look.organisation.strip(), when) if line]
    if not look.signature_png:
        return [f"Ký bởi: {holder}", f"Thời gian ký: {when}"]
    return []


def _image(png: bytes):
    from reportlab.lib.utils import ImageReader

    return ImageReader(io.BytesIO(png))


def _fit(image, max_width: float, max_height: float) -> tuple[float, float]:
    w, h = image.getSize()
    scale = min(max_width / w, max_height / h) if w and h else 0.0
    return w * scale, h * scale


def _draw_signature(canvas, png: bytes | None, width: float, height: float, room: float,
                    seal: float) -> tuple[float, float, float, float]:
    """The signature image at the top of the field, centred together with the seal on its left
    (which sticks out by its width less a third of the signature's); returns its box (x, y, w, h)."""
    if not png:
        return width / 2, height, 0.0, 0.0
    image = _image(png)
    max_width = width * 0.8 if not seal else min(width * 0.8, (width - seal) / (1 - SEAL_OVERLAP))
    w, h = _fit(image, max_width, room)
    left_out = max(0.0, seal - w * SEAL_OVERLAP)  # the seal's part left of the signature
    x, y = (width - w - left_out) / 2 + left_out, height - h
    canvas.drawImage(image, x, y, w, h, mask="auto")
    return x, y, w, h


def _draw_seal(canvas, png: bytes, signature: tuple[float, float, float, float], width: float,
               height: float, size: float) -> None:
    """The seal at its real size (capped by the field), its right part over the signature's left third."""
    image = _image(png)
    w, h = _fit(image, size, size)
    sx, sy, sw, sh = signature
    right = sx + sw * SEAL_OVERLAP if sw else width / 2
    x = max(0.0, right - w)
    y = max(0.0, sy + sh / 2 - h / 2) if sh else (height - h) / 2
    y = min(y, height - h)
    canvas.drawImage(image, x, y, w, h, mask="auto")


def _draw_text(canvas, lines: list[str], signature: tuple[float, float, float, float], width: float,
               height: float, room: float) -> None:
    from ..document import fonts

    if not lines:
        return
    canvas.setFillColorRGB(*BLUE)
    canvas.setFont(fonts.face(False, False), TEXT_SIZE)  # upright: regular, not italic
    sx, _, sw, _ = signature
    x = sx + sw * SEAL_OVERLAP if sw else width / 2
    left = max(2.0, min(x, width - max(canvas.stringWidth(t) for t in lines) - 2.0))
    y = (room or height) - LINE + 2.0 if room else height / 2 + LINE / 2
    for text in lines:
        canvas.drawString(left, y, text)
        y -= LINE
