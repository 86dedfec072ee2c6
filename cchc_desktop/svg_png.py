"""SVG to PNG with QtSvg, for the DOCX's chart pictures (called lazily by document.charts).

Word needs a bitmap, and QtSvg (LGPL, in PySide6-Essentials) is already shipped (reportlab's own
bitmap renderer needs rl_renderPM or cairo, which are not).  A plain module below the layers,
not gui/: document/ may not reach up into the window, and Qt is imported only inside the call,
only for a report that has charts.  The command line has no QApplication, so one is made
offscreen on demand.
"""

from __future__ import annotations

import os


def _application():
    # A QApplication, not a QGuiApplication: the window (or a test) may need widgets later in
    # the same process, and Qt allows one application object.
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and os.name != "nt":
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    return app


def svg_to_png(svg: bytes, width_px: int, aspect: float) -> bytes:
    """Render ``svg`` on white at ``width_px`` wide (height from ``aspect`` = width / height)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _application()
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("SVG không hợp lệ")
    image = QImage(width_px, round(width_px / aspect), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())
