"""Where the signing space of the signature block falls in our PDF: page index and rectangle.

The visible digital signature (signing/) goes where the hand signature would: the blank room
(SIGNATURE_SPACE_MM) above the signer's name in the right column of the signature table.  It
is found by laying the report out exactly as the export does (pdf_writer.pdf_bytes_counted)
and noting where the signer's name is drawn, read-only: a wrapper around TextBlock.drawOn that
does nothing unless a lookup runs in the same thread (the preview's wrappers work the same way).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from ..core.model import Report
from . import measures as m


@dataclass(frozen=True)
class SigningSpace:
    page: int  # 0-based
    rect: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points, origin bottom left
    pages: int  # pages in the PDF it was measured in (a check that the PDF is the same)


_local = threading.local()
_install_lock = threading.Lock()
_installed = False


def _install() -> None:
    """Wrap TextBlock.drawOn once; the wrapper only records while ``_local.found`` is a list."""
    global _installed
    with _install_lock:
        if _installed:
            return
        from .pdf_flowables import TextBlock

        own = TextBlock.drawOn

        def recording_draw_on(self, canvas, x, y, _sW=0):  # noqa: N803 - reportlab's name
            found = getattr(_local, "found", None)
            if found is not None and self.in_cell and self._first and self.s == m.STYLES["signer_name"]:
                found.append(_space(self, canvas, x, y))
            return own(self, canvas, x, y, _sW)

        TextBlock.drawOn = recording_draw_on
        _installed = True


def _space(block, canvas, x: float, y: float) -> tuple[int, tuple[float, float, float, float]]:
    """The room above the name's first line (its space before), mapped to page coordinates:
    the name is drawn inside a table cell, so its x, y are in the table's translated system."""
    top = y + block.height  # the text sits at the top of its box, the space before first
    bottom = top - block.s.space_before
    a, b, c, d, e, f = canvas._currentMatrix
    corners = [(a * px + c * py + e, b * px + d * py + f) for px, py in ((x, bottom), (x + block.width, top))]
    (x1, y1), (x2, y2) = corners
    return canvas.getPageNumber() - 1, (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))


def signing_space(report: Report) -> SigningSpace | None:
    """Lay the report out as the PDF export does; None when it prints no signer's name."""
    return pdf_with_signing_space(report)[1]


def pdf_with_signing_space(report: Report) -> tuple[bytes, SigningSpace | None]:
    """The PDF exactly as ``export.pdf_bytes`` makes it, and its signing space, in one layout
    (a 60-page report takes a second or two to lay out: signing must not do it twice)."""
    from .export import pdf_layout
    from .pdf_writer import pdf_bytes_counted

    _install()
    _local.found = []
    try:
        pdf, pages = pdf_bytes_counted(pdf_layout(report))
        found = list(_local.found)
    finally:
        _local.found = None
    if not found:
        return pdf, None
    page, rect = found[-1]  # the report's own signature (the last one drawn)
    return pdf, SigningSpace(page, rect, pages)
