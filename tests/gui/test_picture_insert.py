"""Chèn → Hình ảnh…: a picture on its own line in the part's text, its caption typed after it,
saved and reopened, moved by cut and paste, deleted; a big one reduced with a status line."""

from __future__ import annotations

import os

import pytest
from PySide6.QtGui import QImage

from cchc_desktop.core.model import Block, BlockRole, Picture, Run
from cchc_desktop.gui.body_editor import BodyEditor
from cchc_desktop.gui.picture_actions import MAX_INSERT_BYTES, MAX_INSERT_PIXELS, load_picture
from tests.strategies import jpeg_bytes, png_bytes

from .helpers import type_text
from .test_window import stored


def _pictures(blocks: list[Block]) -> list[tuple[int, Block]]:
    return [(i, b) for i, b in enumerate(blocks) if b.role == BlockRole.PICTURE]


def test_picture_and_caption_round_trip_through_the_editor(qtbot) -> None:
    editor = BodyEditor()
    qtbot.addWidget(editor)
    content = [Block(BlockRole.PARAGRAPH, [Run("Trước hình.")]),
               Block(BlockRole.PICTURE, [Run("Biểu đồ 1: ", italic=True), Run("Kết quả", footnote=[Run("Nguồn")])],
                     picture=Picture(png_bytes(30, 20, (200, 0, 0)), "png", 80.0, 40.0, "bieu-do.png")),
               Block(BlockRole.PICTURE, [], picture=Picture(jpeg_bytes(5, 5), "jpeg")),
               Block(BlockRole.PICTURE, [], picture=Picture(b"broken", "png", name="hong.png")),
               Block(BlockRole.PARAGRAPH, [Run("Sau hình.")])]
    editor.set_blocks(content)
    editor.resize(700, 900)
    editor.show()
    editor.viewport().grab()  # the handler paints pictures and the placeholder without raising
    assert editor.blocks() == content


def test_cut_and_paste_moves_a_picture(qtbot) -> None:
    source, target = BodyEditor(), BodyEditor()
    qtbot.addWidget(source)
    qtbot.addWidget(target)
    content = [Block(BlockRole.PICTURE, [Run("Hình 1. Ảnh hội nghị")], picture=Picture(png_bytes(4, 4), "png"))]
    source.set_blocks(content)
    source.selectAll()
    source.cut()
    target.paste()
    assert target.blocks() == content and source.blocks() == []


def test_insert_from_the_menu_caption_save_reopen_delete(open_window, database, tmp_path) -> None:
    path = tmp_path / "anh.png"
    path.write_bytes(png_bytes(120, 60, (0, 120, 0)))
    window = open_window()
    tab = window.narrative
    window.tabs.setCurrentWidget(tab)
    tab.select_part(0)
    editor = tab.editor
    before = editor.blocks()
    found = editor.document().find(before[0].text[:10])
    cursor = editor.textCursor()
    cursor.setPosition(found.selectionEnd())
    editor.setTextCursor(cursor)  # inside the first paragraph: split around the picture

    assert "Hình ảnh" in [a.text().replace("&", "") for a in window.insert_menu.actions()][0]
    from cchc_desktop.gui import picture_actions
    assert picture_actions.insert_from_file(window, path)
    type_text(editor, "Hình 1: Ảnh")
    blocks = editor.blocks()
    [(at, block)] = _pictures(blocks)
    assert blocks[at - 1].text == before[0].text[:10] and blocks[at + 1].text == before[0].text[10:]
    assert block.picture.data == path.read_bytes() and block.picture.name == "anh.png"
    assert block.text == "Hình 1: Ảnh"
    assert "Đã chèn hình “anh.png”" in window.statusBar().currentMessage()

    window.save_now(wait=True)
    window.close()
    for report in (stored(database), open_window().report):
        [(_at, saved)] = _pictures(report.parts[0].blocks)
        assert saved == block

    window = open_window()
    editor = window.narrative.editor
    position = editor.document().find("\ufffc").selectionStart()
    cursor = editor.textCursor()
    cursor.setPosition(position)
    cursor.setPosition(position + 1, cursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    blocks = editor.blocks()
    assert not _pictures(blocks) and any(b.text == "Hình 1: Ảnh" for b in blocks)  # the caption stays as text
    editor.undo()
    assert _pictures(editor.blocks())


def test_a_big_picture_is_reduced_on_insert(qapp, tmp_path) -> None:
    many = tmp_path / "nhieu-diem-anh.png"  # 21 megapixels of one colour: small file, too many pixels
    image = QImage(5000, 4200, QImage.Format.Format_RGB32)
    image.fill(0x3366AA)
    image.save(str(many))
    picture, message = load_picture(many)
    image = QImage.fromData(picture.data)
    assert image.width() * image.height() <= MAX_INSERT_PIXELS
    assert image.width() / image.height() == pytest.approx(5000 / 4200, rel=0.01)
    assert "thu nhỏ" in message and "5000×4200" in message

    heavy = tmp_path / "anh-chup.png"  # noise: a PNG of more than 5 MB
    noise = QImage(os.urandom(1400 * 1400 * 4), 1400, 1400, QImage.Format.Format_RGB32)
    noise.save(str(heavy))
    assert heavy.stat().st_size > MAX_INSERT_BYTES
    picture, message = load_picture(heavy)
    assert len(picture.data) <= MAX_INSERT_BYTES and "thu nhỏ" in message
    assert not QImage.fromData(picture.data).isNull()

    small = tmp_path / "nho.jpg"
    small.write_bytes(jpeg_bytes(10, 10))
    picture, message = load_picture(small)
    assert picture.data == small.read_bytes() and picture.format == "jpeg" and "thu nhỏ" not in message
    junk = tmp_path / "hong.png"
    junk.write_bytes(b"not a picture")
    assert load_picture(junk)[0] is None
