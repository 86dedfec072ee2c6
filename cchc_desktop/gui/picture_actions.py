"""Pictures in the narrative editor: Chèn → Hình ảnh… puts a PNG or JPEG on a line of its own.

In the editor's QTextDocument a picture is one object character (like a table, see
text_objects) whose format carries the model Picture; the text typed after it on its line is
its caption.  The handler draws it at its printed width relative to the text width (or a
placeholder with its name and size when the bytes cannot be shown).  Selecting it and pressing
Delete removes it; cut and paste move it (body_editor copies objects as model blocks).

A picture larger than MAX_INSERT_BYTES or MAX_INSERT_PIXELS is reduced on insert with QImage,
and the status bar says so.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSizeF, Qt
from PySide6.QtGui import QAction, QColor, QImage, QPainter, QPen, QPyTextObject, QTextCharFormat, \
    QTextFormat
from PySide6.QtWidgets import QMenu

from cchc_desktop.core.model import BlockRole, Picture

from . import file_dialogs
from .rich_text import role_format
from .text_objects import DATA_PROPERTY, _decode, _decode_cached, _encode, insert_object_line, object_type

PICTURE_TYPE = int(QTextFormat.ObjectTypes.UserObject.value) + 15
MAX_INSERT_BYTES = 5 * 1024 * 1024
MAX_INSERT_PIXELS = 20_000_000
MAX_FILE_BYTES = 200 * 1024 * 1024  # not even read beyond this
MAX_SHOWN_HEIGHT = 480.0  # px in the editor


# ---------------------------------------------------------------- the object in the document


def picture_format(picture: Picture) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(PICTURE_TYPE)
    fmt.setProperty(DATA_PROPERTY, _encode(picture))
    name = f"“{picture.name}” " if picture.name.strip() else ""
    fmt.setToolTip(f"Hình {name}: chọn rồi bấm Delete để xóa; gõ chú thích hình ngay sau hình")
    return fmt


def picture_of(fmt: QTextFormat) -> Picture | None:
    if object_type(fmt) != PICTURE_TYPE:
        return None
    data = fmt.stringProperty(DATA_PROPERTY)  # never property(): see rich_text.block_role
    return _decode(data) if data else None


@lru_cache(maxsize=16)
def _image(data: str) -> QImage:
    picture: Picture = _decode_cached(data)
    image = QImage()
    image.loadFromData(picture.data)
    return image


def shown_size(picture: Picture, pixels: tuple[int, int] | None, text_width: float) -> QSizeF:
    """On screen: the printed size as a share of the text width, never taller than MAX_SHOWN_HEIGHT."""
    from cchc_desktop.document import measures as m  # with the first picture, not before the first paint
    from cchc_desktop.document.pictures import fitted_size

    frame_h = m.PAGE_HEIGHT_MM - m.MARGIN_TOP_MM - m.MARGIN_BOTTOM_MM
    width_mm, height_mm = fitted_size(picture.width_mm, picture.height_mm, pixels or (600, 300),
                                      m.TEXT_WIDTH_MM, frame_h)
    scale = text_width / m.TEXT_WIDTH_MM
    width, height = width_mm * scale, height_mm * scale
    if height > MAX_SHOWN_HEIGHT:
        width, height = width * MAX_SHOWN_HEIGHT / height, MAX_SHOWN_HEIGHT
    return QSizeF(max(width, 8.0), max(height, 8.0))


class PictureHandler(QPyTextObject):
    """Draws a picture object (scaled, centred on its line), or a placeholder with its name and size."""

    def _width(self, document) -> float:
        width = document.textWidth() if document.textWidth() > 0 else 600.0
        return max(120.0, width - 2 * document.documentMargin() - 8)

    def _shown(self, document, fmt) -> tuple[QImage, QSizeF]:
        """The image (null when unreadable) and its size on screen."""
        data = fmt.stringProperty(DATA_PROPERTY)
        image = _image(data) if data else QImage()
        if image.isNull():
            return image, QSizeF(min(360.0, self._width(document)), 48.0)
        return image, shown_size(_decode_cached(data), (image.width(), image.height()), self._width(document))

    def intrinsicSize(self, document, position, fmt):  # noqa: N802 (Qt name)
        # as wide as the text: centred as printed, and its caption starts on the line under it
        return QSizeF(self._width(document), self._shown(document, fmt)[1].height())

    def drawObject(self, painter: QPainter, rect, document, position, fmt):  # noqa: N802
        image, size = self._shown(document, fmt)
        box = QRectF(rect.left() + (rect.width() - size.width()) / 2, rect.top(), size.width(), size.height())
        painter.save()
        if image.isNull():
            data = fmt.stringProperty(DATA_PROPERTY)
            picture = _decode_cached(data) if data else Picture()
            painter.setPen(QPen(QColor("#888888"), 1, Qt.PenStyle.DashLine))
            painter.drawRect(box)
            painter.setPen(QColor("#444444"))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), placeholder(picture))
        else:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(box, image)
        painter.restore()


def placeholder(picture: Picture) -> str:
    size = f"{picture.width_mm:.0f}×{picture.height_mm:.0f} mm" if picture.width_mm and picture.height_mm else ""
    name = picture.name.strip() or "không tên"
    return f"[Hình: {name}{', ' + size if size else ''}; {len(picture.data) / 1024:.0f} KB]"


def install_handler(document, owner) -> None:
    owner._picture_handler = PictureHandler(owner)
    document.documentLayout().registerHandler(PICTURE_TYPE, owner._picture_handler)


# ---------------------------------------------------------------- reading and reducing a file


def _encoded(image: QImage, fmt: str, quality: int = 85) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG" if fmt == "jpeg" else "PNG", quality if fmt == "jpeg" else -1)
    buffer.close()
    return bytes(array.data())


def load_picture(path: Path) -> tuple[Picture | None, str]:
    """A Picture of the file at ``path`` and a Vietnamese line for the status bar (what was done,
    or why it was not inserted).  PNG and JPEG are kept as they are unless too large; other
    formats QImage reads (BMP, GIF) become PNG."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, f"Không chèn hình “{name}”: tệp quá lớn ({size / 1024 / 1024:.0f} MB)."
        data = path.read_bytes()
    except OSError as error:
        return None, f"Không đọc được tệp “{name}”: {error.strerror or error}."
    image = QImage()
    if not image.loadFromData(data) or image.isNull():
        return None, f"Không chèn được “{name}”: không phải hình PNG hoặc JPEG đọc được."
    fmt = "png" if data[:8] == b"\x89PNG\r\n\x1a\n" else "jpeg" if data[:3] == b"\xff\xd8\xff" else ""
    message = f"Đã chèn hình “{name}” ({image.width()}×{image.height()} điểm ảnh)."
    if not fmt:  # a BMP, GIF…: stored as PNG
        fmt, data = "png", _encoded(image, "png")
    if len(data) > MAX_INSERT_BYTES or image.width() * image.height() > MAX_INSERT_PIXELS:
        before = (image.width(), image.height(), len(data))
        fmt, data, image = reduce_picture(image, fmt)
        message = (f"Hình “{name}” lớn ({before[0]}×{before[1]} điểm ảnh, {before[2] / 1024 / 1024:.1f} MB) nên đã"
                   f" được thu nhỏ còn {image.width()}×{image.height()} điểm ảnh, {len(data) / 1024 / 1024:.1f} MB.")
    return Picture(data, fmt, name=name), message


def reduce_picture(image: QImage, fmt: str) -> tuple[str, bytes, QImage]:
    """At most MAX_INSERT_PIXELS and MAX_INSERT_BYTES: scaled down (smoothly), a photo as JPEG."""
    pixels = image.width() * image.height()
    scale = min(1.0, math.sqrt(MAX_INSERT_PIXELS / pixels)) if pixels else 1.0
    if fmt == "png" and not image.hasAlphaChannel():
        fmt = "jpeg" if _encoded_size_hint(image) else fmt
    while True:
        shown = image if scale >= 1.0 else image.scaled(max(1, int(image.width() * scale)),
                                                       max(1, int(image.height() * scale)),
                                                       Qt.AspectRatioMode.IgnoreAspectRatio,
                                                       Qt.TransformationMode.SmoothTransformation)
        data = _encoded(shown, fmt)
        if len(data) <= MAX_INSERT_BYTES or shown.width() <= 64 or shown.height() <= 64:
            return fmt, data, shown
        scale *= 0.75


def _encoded_size_hint(image: QImage) -> bool:
    """A photo (many colours) compresses far better as JPEG: judged on a small copy."""
    small = image.scaled(64, 64)
    return len({small.pixel(x, y) for x in range(0, 64, 4) for y in range(0, 64, 4)}) > 64


# ---------------------------------------------------------------- inserting


def insert_picture(editor, picture: Picture) -> bool:
    """The picture on its own line at the cursor (the paragraph is split, as for a table)."""
    if editor.isReadOnly():
        return False
    cursor = editor.textCursor()
    cursor.setPosition(cursor.selectionEnd())
    cursor.beginEditBlock()
    insert_object_line(cursor, role_format(BlockRole.PICTURE, manual=True), picture_format(picture))
    cursor.endEditBlock()
    editor.setTextCursor(cursor)  # right after the picture: what is typed now is its caption
    return True


def insert_from_file(window, path: Path | None = None) -> bool:
    """Chèn → Hình ảnh…: ask for a file (unless given), read it, reduce it if needed, insert it."""
    tab = getattr(window, "narrative", None)
    if tab is not None and hasattr(window, "tabs"):
        window.tabs.setCurrentWidget(tab)
    editor = tab.editor if tab is not None else None
    if editor is None or editor.isReadOnly():
        window.statusBar().showMessage("Hãy mở một báo cáo đang soạn và chọn một phần để chèn hình.", 8000)
        return False
    if path is None:
        chosen = file_dialogs.open_file_name(window, "Chèn hình ảnh",
                                             "Hình ảnh (*.png *.jpg *.jpeg *.bmp *.gif);;Tất cả tệp (*)", str(Path.home()))
        if not chosen:
            return False
        path = Path(chosen)
    picture, message = load_picture(path)
    window.statusBar().showMessage(message, 12000)
    if picture is None:
        return False
    inserted = insert_picture(editor, picture)
    editor.setFocus()
    return inserted


def install(window) -> None:
    """The Chèn menu (after Sửa): Hình ảnh… and Bảng…."""
    bar = window.menuBar()
    menu = QMenu("Chè&n", window)
    picture = QAction("&Hình ảnh…", window)
    picture.setStatusTip("Chèn một hình PNG hoặc JPEG vào chỗ con trỏ trong phần đang soạn")
    picture.triggered.connect(lambda: insert_from_file(window))
    table = QAction("&Bảng…", window)
    table.setStatusTip("Chèn một bảng vào chỗ con trỏ trong phần đang soạn")
    table.triggered.connect(lambda: _insert_table(window))
    menu.addAction(picture)
    menu.addAction(table)
    actions = bar.actions()
    edit = getattr(getattr(window, "actions", None), "edit_menu", None)
    after = actions.index(edit.menuAction()) + 1 if edit is not None and edit.menuAction() in actions else len(actions)
    if after < len(actions):
        bar.insertMenu(actions[after], menu)
    else:
        bar.addMenu(menu)
    window.insert_menu, window.insert_picture_action = menu, picture


def _insert_table(window) -> None:
    tab = getattr(window, "narrative", None)
    if tab is not None:
        window.tabs.setCurrentWidget(tab)
    if tab is None or tab.editor is None or tab.editor.isReadOnly():
        window.statusBar().showMessage("Hãy mở một báo cáo đang soạn và chọn một phần để chèn bảng.", 8000)
        return
    tab.editor.insert_table()
