"""Pictures in a Word document: found while reading a paragraph, placed in the Report after it.

Reading (``find_pictures``, called for every paragraph): an inline or floating DrawingML
picture (``w:drawing`` … ``a:blip r:embed``) or an old VML one (``w:pict``/``w:object`` …
``v:imagedata r:id``) gives its image part and its printed size.  PNG and JPEG are kept as
they are; GIF, BMP, TIFF and WebP become PNG (Pillow, which reportlab already needs); what
we cannot print (EMF/WMF, SVG, a Word chart, SmartArt, a missing part, a picture in a table
cell or a header) is kept out with a reason, and every one of those gets a line in the import
report: a picture is never dropped without a word.

Placing (``place_pictures``, after the recogniser): a body picture becomes a PICTURE block
right after the block of the nearest paragraph or table before it; a caption paragraph
right under it ("Biểu đồ 1: …", "Hình 2. …") becomes its caption.
"""

from __future__ import annotations

import io
import re
import weakref
from dataclasses import dataclass

from ..core import model as m
from ..core.codec import MAX_PICTURE_BYTES
from ..core.vietnamese import nfc
from .docx_xml import MC_NS, W

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
V = "{urn:schemas-microsoft-com:vml}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_URI_PICTURE = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_URI_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_URI_DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
EMU_PER_MM = 36000
MAX_MM = 1000.0  # the exchange format's range for a printed size

NOT_READABLE = "hình không đọc được"


@dataclass
class Found:
    """A picture met in a paragraph: ``picture`` None when it cannot be kept (``reason`` says why)."""

    where: str
    picture: m.Picture | None = None
    what: str = "hình"  # what the clerk calls it: "hình", "biểu đồ Word", "sơ đồ SmartArt"
    reason: str = ""


# ---------------------------------------------------------------- reading


def find_pictures(element, docx, where: str, origin: str) -> list[Found]:
    """The pictures of one paragraph (``w:p``), in order; those in nested text boxes belong to
    the box's own paragraphs, and the VML fallback of a DrawingML picture is not counted twice."""
    found: list[Found] = []
    for node in element.iter(W + "drawing", W + "pict", W + "object"):
        if _nested(node, element):
            continue
        item = _drawing(node) if node.tag == W + "drawing" else _vml(node)
        if item is None:
            continue
        kind, r_id, size, name = item
        entry = Found(where, what=kind)
        if kind != "hình":
            entry.reason = "Word vẽ phần này, không phải một tệp hình"
        elif origin != "body":
            entry.reason = {"cell": "hình nằm trong ô bảng", "textbox": "hình nằm trong hộp văn bản",
                            "header": "hình ở đầu trang", "footer": "hình ở chân trang"}.get(origin, "hình trong chú thích")
        else:
            entry.picture, entry.reason = _picture(docx, r_id, size, name)
        found.append(entry)
    return found


def _nested(node, paragraph) -> bool:
    """Inside a text box of this paragraph (read with the box), or an mc:Fallback copy."""
    parent = node.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in (W + "txbxContent", "{%s}Fallback" % MC_NS):
            return True
        parent = parent.getparent()
    return False


def _drawing(node):
    """(kind, relationship id, (cx, cy) EMU, name) of a DrawingML object, or None for a shape."""
    frame = next((c for c in node if c.tag in (WP + "inline", WP + "anchor")), None)
    if frame is None:
        return None
    extent = frame.find(WP + "extent")
    size = (_number(extent.get("cx")), _number(extent.get("cy"))) if extent is not None else (0, 0)
    doc_pr = frame.find(WP + "docPr")
    name = (doc_pr.get("descr") or doc_pr.get("name") or "") if doc_pr is not None else ""
    data = frame.find(f"{A}graphic/{A}graphicData")
    uri = data.get("uri", "") if data is not None else ""
    if uri == _URI_CHART:
        return "biểu đồ Word", "", size, name
    if uri == _URI_DIAGRAM:
        return "sơ đồ SmartArt", "", size, name
    blips = list(data.iter(A + "blip")) if data is not None else []
    if uri == _URI_PICTURE:
        blip = blips[0] if blips else None
        return "hình", (blip.get(R + "embed") or "") if blip is not None else "", size, name
    if data is not None and any(True for _ in data.iter(PIC + "pic")):
        return "nhóm hình vẽ", "", size, name  # pictures grouped with shapes or on a canvas
    return None  # a drawn shape (line, arrow, text box): not a picture


def _vml(node):
    """(kind, relationship id, (cx, cy) EMU, name) of a VML picture (old files), or None."""
    for data in node.iter(V + "imagedata"):
        shape = data.getparent()
        style = shape.get("style", "") if shape is not None else ""
        size = (_length_emu(style, "width"), _length_emu(style, "height"))
        return "hình", data.get(R + "id") or "", size, data.get("{urn:schemas-microsoft-com:office:office}title") or ""
    return None


def _number(text: str | None) -> int:
    try:
        return max(0, int(text or 0))
    except ValueError:
        return 0


_UNITS = {"pt": 12700, "in": 914400, "cm": 360000, "mm": 36000, "px": 9525, "": 9525}


def _length_emu(style: str, key: str) -> int:
    match = re.search(rf"(?:^|;)\s*{key}\s*:\s*([\d.]+)\s*(pt|in|cm|mm|px)?", style)
    if not match:
        return 0
    try:
        return int(float(match.group(1)) * _UNITS[match.group(2) or ""])
    except ValueError:
        return 0


_RELS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _targets(docx) -> dict[str, str]:
    """The image relationships of the document part: id → part name (read once per file)."""
    if docx not in _RELS:
        rels: dict[str, str] = {}
        root = docx.xml("word/_rels/document.xml.rels")
        for rel in (root if root is not None else []):
            if rel.tag == PKG_REL + "Relationship" and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                rels[rel.get("Id", "")] = target.lstrip("/") if target.startswith("/") else _join("word", target)
        _RELS[docx] = rels
    return _RELS[docx]


def _join(folder: str, target: str) -> str:
    parts = folder.split("/")
    for piece in target.split("/"):
        if piece == "..":
            parts = parts[:-1]
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _picture(docx, r_id: str, size: tuple[int, int], name: str) -> tuple[m.Picture | None, str]:
    part = _targets(docx).get(r_id) if r_id else None
    if part is None:
        return None, "hình liên kết ra ngoài tệp hoặc thiếu phần hình trong tệp"
    data = docx.read(part)
    if data is None:
        return None, "thiếu phần hình trong tệp"
    picture, reason = picture_from_bytes(data, name or part.rsplit("/", 1)[-1])
    if picture is not None:
        width, height = (min(MAX_MM, round(v / EMU_PER_MM, 2)) for v in size)
        picture.width_mm, picture.height_mm = (width, height) if width and height else (0.0, 0.0)
    return picture, reason


# ---------------------------------------------------------------- the bytes


def sniff(data: bytes) -> str:
    """The file kind by its first bytes: png, jpeg, gif, bmp, tiff, webp, emf, wmf, svg or ""."""
    head = data[:64]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head.startswith(b"BM"):
        return "bmp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] == b"\x01\x00\x00\x00" and data[40:44] == b" EMF":
        return "emf"
    if head[:4] == b"\xd7\xcd\xc6\x9a" or head[:6] in (b"\x01\x00\x09\x00\x00\x03", b"\x02\x00\x09\x00\x00\x03"):
        return "wmf"
    if b"<svg" in data[:1024].lower():
        return "svg"
    return ""


def picture_from_bytes(data: bytes, name: str = "") -> tuple[m.Picture | None, str]:
    """A model Picture of a file's bytes (PNG and JPEG as they are, other bitmaps as PNG), or
    None and the reason (Vietnamese) it cannot be kept."""
    if len(data) > MAX_PICTURE_BYTES:
        return None, f"hình quá lớn ({len(data) / 1024 / 1024:.0f} MB, tối đa {MAX_PICTURE_BYTES // 1024 // 1024} MB)"
    kind = sniff(data)
    if kind in ("emf", "wmf"):
        return None, f"{NOT_READABLE} (hình vẽ Windows {kind.upper()}: hãy lưu lại thành PNG hoặc JPEG)"
    if kind == "svg":
        return None, f"{NOT_READABLE} (hình SVG: hãy lưu lại thành PNG hoặc JPEG)"
    if pixel_size(data) is None:
        return None, NOT_READABLE
    if kind in ("png", "jpeg"):
        return m.Picture(data, kind, name=nfc(name)), ""
    png = as_png(data)
    if png is None or len(png) > MAX_PICTURE_BYTES:
        return None, NOT_READABLE
    return m.Picture(png, "png", name=nfc(name)), ""


def pixel_size(data: bytes) -> tuple[int, int] | None:
    """Width and height in pixels, or None when the bytes are no picture Pillow can read."""
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except Exception:  # noqa: BLE001 - any damaged or unknown file is "not readable", never a traceback
        return None
    return (width, height) if width > 0 and height > 0 else None


def as_png(data: bytes) -> bytes | None:
    """A GIF/BMP/TIFF/WebP (first frame) as PNG, or None."""
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            image.seek(0)
            frame = image.convert("RGBA" if image.mode in ("P", "RGBA", "LA", "PA") else "RGB")
            out = io.BytesIO()
            frame.save(out, "PNG")
            return out.getvalue()
    except Exception:  # noqa: BLE001 - see pixel_size
        return None


# ---------------------------------------------------------------- placing


_CAPTION = re.compile(r"^\s*(biểu\s*đồ|hình|sơ\s*đồ|đồ\s*thị|bản\s*đồ|ảnh|bảng\s*biểu)\s*(số\s*)?"
                      r"(\d+([.\-]\d+)*|[ivxlc]+)\b\s*(?P<sep>[:.\-–—)])?", re.IGNORECASE)
MAX_CAPTION_CHARS = 250


def is_caption(para) -> bool:
    """A paragraph that clearly names the picture above it: "Biểu đồ 1: …", "Hình 2. …"; a bare
    "Hình 1 …" only when short and centred or italic (else it is a sentence about the picture)."""
    text = " ".join(para.body_text.split())
    match = _CAPTION.match(text)
    if not match or len(text) > MAX_CAPTION_CHARS or any(r.footnote for r in para.runs):
        return False
    if match.group("sep") or len(text) == match.end():
        return True
    letters = [r for r in para.runs if r.text.strip()]
    return para.align == "center" or bool(letters) and all(r.italic for r in letters)


def place_pictures(report: m.Report, rec, places: dict[str, str], body: list) -> None:
    """Put the body's pictures into ``report`` where they stood; note those not kept."""
    from .docx_content import RPara

    inserts: dict[tuple[int, int], list[m.Block]] = {}  # (part, after block; -1: at its start) → pictures
    captions: set[tuple[int, int]] = set()
    anchor: tuple[int, int] | None = None
    for index, item in enumerate(body):
        place = _part_place(places.get(item.where), report, anchor)
        pictures = getattr(item, "pictures", None) or [] if isinstance(item, RPara) else []
        for found in _all_found(item):
            if found.picture is None:
                rec.note(found.where, f"Đã bỏ qua {found.what}: {found.reason or NOT_READABLE}.", found.where,
                         kind="note")
        if place is not None:
            anchor = place
        for found in pictures:
            if found.picture is None:
                continue
            block = m.Block(m.BlockRole.PICTURE, picture=found.picture)
            nxt = body[index + 1] if index + 1 < len(body) else None
            caption = _part_place(places.get(nxt.where), report, None) if isinstance(nxt, RPara) \
                and places.get(nxt.where, "").startswith("part:") else None
            if caption is not None and not block.runs and not getattr(nxt, "pictures", None) and is_caption(nxt):
                block.runs = [m.Run(r.text, r.bold, r.italic) for r in _caption_runs(report, caption)]
                captions.add(caption)
            key = anchor if anchor is not None else (0, -1)
            if key[0] < 0:  # before any part: the report's first part, at its start
                key = (0, -1)
            inserts.setdefault(key, []).append(block)
            if anchor is None:
                rec.note(found.where, "Hình ở trước phần nội dung: đặt ở đầu phần nội dung.", kind="note")
    if inserts:
        _rebuild(report, rec, inserts, captions)


def _all_found(item) -> list[Found]:
    """Every picture of a body item, those in its table cells included (to note the ones not kept)."""
    from .docx_content import RPara

    if isinstance(item, RPara):
        return list(getattr(item, "pictures", None) or [])
    out = []
    for row in getattr(item, "rows", []):
        for cell in row.cells:
            for block in cell.blocks:
                out += _all_found(block)
    return out


def _part_place(place: str | None, report: m.Report, previous) -> tuple[int, int] | None:
    """A place of the mapper ("part:2:5", "opening", "closing", "appendix:1") as (part, block)."""
    if place is None:
        return None
    if place.startswith("part:"):
        _, part, block = place.split(":")
        return int(part), int(block)
    if place == "opening":
        return (0, -1)
    if place in ("closing", "signature") or place.startswith("appendix:"):
        last = len(report.parts) - 1
        return (last, len(report.parts[last].blocks) - 1) if last >= 0 else (0, -1)
    return None


def _caption_runs(report: m.Report, place: tuple[int, int]) -> list[m.Run]:
    part, block = place
    try:
        return list(report.parts[part].blocks[block].runs)
    except IndexError:
        return []


def _rebuild(report: m.Report, rec, inserts: dict, captions: set) -> None:
    """Insert the picture blocks and drop the captions they took; the import report's targets
    ("part:i:j") follow the blocks they named."""
    if not report.parts:
        report.parts.append(m.Part(m.PartTag.OTHER, []))
    moved: dict[str, str] = {}
    for p, part in enumerate(report.parts):
        blocks: list[m.Block] = list(inserts.get((p, -1), []))
        for j, block in enumerate(part.blocks):
            if (p, j) in captions:
                moved[f"part:{p}:{j}"] = f"part:{p}:{len(blocks) - 1}"
            else:
                moved[f"part:{p}:{j}"] = f"part:{p}:{len(blocks)}"
                blocks.append(block)
            blocks += inserts.get((p, j), [])
        for (q, j), extra in inserts.items():  # a place past the part's end (should not happen)
            if q == p and j >= len(part.blocks):
                blocks += extra
        part.blocks = blocks
    for entry in rec.entries:
        entry.target = moved.get(entry.target, entry.target)


def reading_order(content) -> list:
    """The body's paragraphs and tables, then those of the headers, footers and notes: the
    pictures of the latter are never kept, only reported."""
    notes = [para for paras in content.footnotes.values() for para in paras]
    return list(content.body) + list(content.headers) + list(content.footers) + notes
