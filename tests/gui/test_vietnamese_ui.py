"""Every string a clerk can see — widgets, menus, actions, tooltips, the dialogs this window
opens, the file dialog — is Vietnamese: no English UI word ("Folder", "KiB", "Microsoft Word
Document", "Cancel", "Show Details…") anywhere."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit,
                               QMenu, QTabWidget, QWidget)

from cchc_desktop.core.templates import load_sample
from cchc_desktop.gui import crash, file_dialogs, first_run
from cchc_desktop.gui.next_report_dialog import NextReportDialog
from cchc_desktop.gui.start_from_file import ChangesDialog

# English words of user interfaces; Vietnamese shares "in" (print), "Tab", "Enter" and product
# names (Word, Excel, PDF, LibreOffice), which are not here
ENGLISH = set("""
folder folders file files kib mib gib bytes microsoft document documents open save cancel close yes no ok
name size type date modified details show hide error warning help edit view new delete look back forward
detail list select copy paste cut undo redo find replace print preview settings options apply browse
directory drive computer desktop home recent untitled loading please wait abort retry ignore discard
""".split())


def english_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z]+", text.replace("&", "")) if w.lower() in ENGLISH}


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(what, text) of every string a clerk can see in ``root`` and its menus and actions."""
    found: list[tuple[str, str]] = [("title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        name = type(widget).__name__
        found.append((f"{name} tooltip", widget.toolTip()))
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((name, widget.text()))
        if isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        if isinstance(widget, QLineEdit):
            found.append((f"{name} placeholder", widget.placeholderText()))
        if isinstance(widget, QComboBox):
            found += [(f"{name} item", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            found += [(f"{name} tab", widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QMenu):
            found.append((name, widget.title()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            found += [(f"{name} header", str(model.headerData(i, Qt.Orientation.Horizontal) or ""))
                      for i in range(_columns(model))]
    for action in root.findChildren(QAction):
        found += [("action", action.text()), ("action tooltip", action.toolTip()),
                  ("action status tip", action.statusTip())]
    return [(what, text) for what, text in found if text]


def _columns(model) -> int:
    for call in (lambda: model.columnCount(), lambda: model.columnCount(QModelIndex())):
        try:
            return call()
        except TypeError:  # a list model's columnCount is private in the bindings
            continue
    return 1


def _english_in(root: QWidget) -> list[str]:
    return [f"{what}: {text!r}" for what, text in visible_texts(root) if english_words(text)]


def test_the_word_list_finds_english() -> None:
    assert english_words("Microsoft Word Document") == {"Microsoft", "Document"}
    assert english_words("12 KiB") == {"KiB"} and english_words("&Cancel") == {"Cancel"}
    assert not english_words("In… Xuất DOCX/PDF (Ctrl+Shift+E), Văn bản Word, Tab, Esc")


def test_window_menus_actions_and_tooltips_are_vietnamese(open_window) -> None:
    window = open_window()
    window.find_action.trigger()  # the find dialog too
    assert len(visible_texts(window)) > 150  # the walk reaches the menus, actions and widgets
    assert _english_in(window) == []


def test_the_dialogs_we_open_are_vietnamese(qtbot, open_window) -> None:
    window = open_window()
    report = load_sample()
    dialogs = [first_run.FirstRunDialog(window),
               NextReportDialog(report, window, file_name="bao-cao.docx", their_organization="UBND XÃ A"),
               ChangesDialog(window, "bao-cao.docx", [("Trích yếu: “6 tháng” → “năm”", "subject")]),
               crash.CrashDialog(window, "Chương trình gặp lỗi.", "Traceback: ValueError")]
    for dialog in dialogs:
        dialog.show()
        problems = [p for p in _english_in(dialog) if "Traceback" not in p]
        assert problems == [], (type(dialog).__name__, problems)
        dialog.close()


def test_the_file_dialog_is_vietnamese(qtbot, tmp_path) -> None:
    from cchc_desktop.gui.app import application

    application()  # as the window starts: Qt's own words from resources/translations/qt_vi
    (tmp_path / "Thư mục con").mkdir()
    (tmp_path / "bao-cao.docx").write_bytes(b"PK")
    dialog = file_dialogs.make_dialog(None, "Chọn báo cáo kỳ trước (tệp Word)", "Văn bản Word (*.docx)",
                                      str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(200)  # the folder is read in the background
    texts = visible_texts(dialog)
    shown = " | ".join(text for _what, text in texts)
    assert "Folder" not in shown and "KiB" not in shown and "Microsoft" not in shown
    folder_names = str(tmp_path)  # the clerk's own folders are not our words
    assert [p for p in _english_in(dialog) if folder_names not in p] == []
    provider = dialog.iconProvider()
    from PySide6.QtCore import QFileInfo

    assert provider.type(QFileInfo(str(tmp_path / "Thư mục con"))) == "Thư mục"
    assert provider.type(QFileInfo(str(tmp_path / "bao-cao.docx"))) == "Văn bản Word"
