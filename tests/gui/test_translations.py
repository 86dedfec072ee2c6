"""Qt's own windows in Vietnamese: the shipped .qm matches the .ts and is loaded at start."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (QAbstractButton, QDialogButtonBox, QFileDialog, QGroupBox, QLabel, QLineEdit, QMessageBox,
                               QPlainTextEdit, QTextEdit)

from cchc_desktop.gui import translations
from cchc_desktop.gui.app import application


@pytest.fixture
def app(qapp):
    return application()  # installs the translator, as at start


def qm_messages(path: Path) -> set[tuple[str, str, str, str]]:
    """(context, source, comment, translation) of every message of a compiled .qm file."""
    data = path.read_bytes()
    assert data[:16] == bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd"), "not a .qm file"
    pos, messages = 16, b""
    while pos < len(data):
        tag, length = data[pos], struct.unpack(">I", data[pos + 1:pos + 5])[0]
        if tag == 0x69:
            messages = data[pos + 5:pos + 5 + length]
        pos += 5 + length
    found, current, p = set(), {}, 0
    while p < len(messages):
        tag = messages[p]
        p += 1
        if tag == 1:  # end of a message
            found.add((current.get(7, ""), current.get(6, ""), current.get(8, ""), current.get(3, "")))
            current = {}
        elif tag in (3, 6, 7, 8):
            length = struct.unpack(">I", messages[p:p + 4])[0]
            p += 4
            raw = messages[p:p + length]
            current[tag] = raw.decode("utf-16-be") if tag == 3 else raw.decode("utf-8")
            p += length
        elif tag != 5:
            raise AssertionError(f"unknown .qm tag {tag}")
    return found


def ts_messages(path: Path) -> set[tuple[str, str, str, str]]:
    root = ElementTree.parse(path).getroot()
    return {(context.findtext("name"), message.findtext("source"), message.findtext("comment") or "",
             message.findtext("translation")) for context in root.iter("context") for message in context.iter("message")}


def test_shipped_qm_is_the_compiled_ts(tmp_path: Path) -> None:
    """The committed .qm says what the .ts says (recompile: pyside6-lrelease resources/translations/qt_vi.ts)."""
    shipped = translations.source_ts().with_suffix(".qm")
    expected = ts_messages(translations.source_ts())
    assert len(expected) > 250
    assert {(c, s, t) for c, s, _m, t in qm_messages(shipped)} == {(c, s, t) for c, s, _m, t in expected}
    assert translations.lrelease() is not None, "PySide6 ships lrelease"
    fresh = tmp_path / "qt_vi.qm"
    assert translations.compile_ts(translations.source_ts(), fresh)
    assert qm_messages(fresh) == qm_messages(shipped)


def test_missing_qm_is_compiled_into_the_cache(tmp_path: Path, monkeypatch) -> None:
    resources = tmp_path / "resources"
    (resources / "translations").mkdir(parents=True)
    shutil.copy(translations.source_ts(), resources / "translations" / "qt_vi.ts")
    monkeypatch.setattr(translations.paths, "resources_dir", lambda: resources)
    path = translations.qm_file()
    assert path is not None and path.parent == translations.cache_dir() and path.exists()


@pytest.mark.parametrize(("context", "source", "vietnamese"), [
    ("QFileDialog", "Look in:", "Tìm trong:"),
    ("QFileDialog", "File &name:", "Tên &tệp:"),
    ("QFileDialog", "&Save", "&Lưu"),
    ("QPlatformTheme", "Cancel", "Hủy"),
    ("QPlatformTheme", "OK", "Đồng ý"),
    ("QPlatformTheme", "&Yes", "&Có"),
    ("QPrintDialog", "&Print", "&In"),
    ("QPrintSettingsOutput", "Copies:", "Số bản:"),
    ("QPrintPreviewDialog", "Zoom in", "Phóng to"),
    ("QPageSetupWidget", "Orientation", "Hướng giấy"),
    ("QMessageBox", "Show Details...", "Chi tiết…"),
    ("QLineEdit", "&Paste", "&Dán"),
    ("QWidgetTextControl", "Select All", "Chọn tất cả"),
    ("QDialogButtonBox", "OK", "Đồng ý"),
])
def test_strings_in_their_qt_contexts(app, context, source, vietnamese) -> None:
    assert QCoreApplication.translate(context, source) == vietnamese


def _texts(widget) -> set[str]:
    found = {w.text() for w in widget.findChildren(QLabel)} | {w.text() for w in widget.findChildren(QAbstractButton)}
    found |= {w.title() for w in widget.findChildren(QGroupBox)}
    return {t.replace("&", "") for t in found}


def test_context_menus_of_text_fields(app) -> None:
    for field in (QLineEdit(), QTextEdit(), QPlainTextEdit()):
        menu = field.createStandardContextMenu()
        texts = {a.text().replace("&", "").split("\t")[0] for a in menu.actions() if a.text()}
        assert {"Hoàn tác", "Sao chép", "Dán", "Chọn tất cả"} <= texts, texts
        assert not texts & {"Undo", "Copy", "Paste", "Select All"}


def test_standard_buttons(app) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text().replace("&", "") == "Đồng ý"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Hủy"
    message = QMessageBox(QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Yes |
                          QMessageBox.StandardButton.No)
    assert {b.text().replace("&", "") for b in message.buttons()} == {"Có", "Không"}


def test_file_dialog(app) -> None:
    dialog = QFileDialog(None, "Lưu", "", "Tệp PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own (Linux); Windows uses the native one
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    texts = _texts(dialog)
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:", "Lưu", "Hủy"} <= texts, texts
    assert not texts & {"Look in:", "File name:", "Save", "Cancel"}


def test_print_page_setup_and_preview_dialogs(app) -> None:
    printer = QPrinter()
    print_dialog = QPrintDialog(printer)
    texts = _texts(print_dialog)
    assert {"In", "Hủy", "Máy in", "Số bản:", "Phạm vi in", "Thiết lập bản in"} <= texts, texts
    assert not texts & {"Print", "Cancel", "Printer", "Copies:", "Print range"}
    setup = QPageSetupDialog(printer)
    setup_texts = _texts(setup)
    assert {"Hướng giấy", "Dọc", "Ngang", "Lề"} <= setup_texts, setup_texts
    preview = QPrintPreviewDialog(printer)
    from PySide6.QtGui import QAction

    actions = {a.text().replace("&", "") for a in preview.findChildren(QAction)}
    assert {"Phóng to", "Thu nhỏ", "Trang sau", "In", "Thiết lập trang"} <= actions, actions
