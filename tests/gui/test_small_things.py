"""Issue 26, small things seen on the way: print to file goes where the exports went, the file
dialogs speak Vietnamese to the last column, the print preview fits a small screen, the focus
ring shows on every control."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit

from cchc_desktop.gui import printing
from cchc_desktop.gui.filenames import default_export_name


# --- print to file -------------------------------------------------------------------------

def _print_to_file(dialog) -> bool:
    """What the clerk does: pick "Print to File (PDF)" (the last printer) and press Print."""
    dialog.show()
    printers = dialog.findChild(QComboBox, "printers")
    printers.setCurrentIndex(printers.count() - 1)
    dialog.accept()
    return True


def test_print_to_file_defaults_to_the_last_export_folder_and_the_vietnamese_name(open_window, monkeypatch, tmp_path):
    window = open_window()
    report = window.current_report()
    exports = tmp_path / "Báo cáo gửi huyện"
    exports.mkdir()
    window.actions.last_export = exports / "Báo cáo trước.docx"
    seen = []

    def clerk(dialog):
        seen.append(dialog.findChild(QLineEdit, "filename").text())
        return _print_to_file(dialog)

    monkeypatch.setattr(printing, "exec_print_dialog", clerk)
    printing.print_report(window, report)

    expected = exports / default_export_name(report, ".pdf")
    assert seen == [str(expected)]
    assert "Báo cáo" in expected.name and not str(expected).startswith(str(Path.home()) + "/Báo")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(expected.read_bytes())).pages)
    assert report.subject.split()[0] in text  # our own PDF (text), not pictures of pages


def test_print_from_the_preview_goes_to_the_export_folder_too(open_window, monkeypatch, tmp_path):
    window = open_window()
    window.actions.last_export = tmp_path / "x.pdf"
    dialog = printing.PrintPreviewDialog(window.current_report(), b"%PDF-1.4\n", window)
    try:
        assert printing.export_folder(dialog) == tmp_path
    finally:
        dialog.done(0)


def test_a_pdf_printer_driver_asks_in_our_dialog_in_the_export_folder(open_window, monkeypatch, tmp_path):
    window = open_window()
    report = window.current_report()
    window.actions.last_export = tmp_path / "a.docx"
    asked = []

    def save_file_name(parent, title, suggested, filters):
        asked.append((title, suggested))
        return str(tmp_path / "in thử")

    monkeypatch.setattr(printing.file_dialogs, "save_file_name", save_file_name)
    assert printing.ask_pdf_file(window, report) == tmp_path / "in thử.pdf"
    assert asked == [("In ra tệp PDF", str(tmp_path / default_export_name(report, ".pdf")))]
    assert printing.is_pdf_printer("Microsoft Print to PDF") and printing.is_pdf_printer("PDF24")
    assert not printing.is_pdf_printer("Canon LBP2900") and not printing.is_pdf_printer("HP LaserJet P1102")


# --- the file dialogs ----------------------------------------------------------------------

def _cells(view) -> list[list[str]]:
    model, root = view.model(), view.rootIndex()
    return [[str(model.index(r, c, root).data() or "") for c in range(model.columnCount(root))]
            for r in range(model.rowCount(root))]


def test_the_detail_view_of_the_file_dialog_is_vietnamese(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QTreeView

    from cchc_desktop.gui import file_dialogs
    from cchc_desktop.gui.app import application

    from .test_vietnamese_ui import english_words, visible_texts

    application()
    (tmp_path / "Thư mục con").mkdir()
    (tmp_path / "nhỏ.docx").write_bytes(b"x" * 250_000)
    (tmp_path / "lớn.docx").write_bytes(b"x" * 3_000_000)
    dialog = file_dialogs.make_dialog(None, "Mở báo cáo", "Văn bản Word (*.docx)", str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)  # the clerk switches to "Chi tiết"
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: len(_cells(view)) == 3 and all(row[1] for row in _cells(view) if "docx" in row[0]))
    cells = _cells(view)
    shown = [text for _what, text in visible_texts(dialog)] + [text for row in cells for text in row]
    english = sorted({word for text in shown if str(tmp_path) not in text for word in english_words(text)})
    assert english == []
    assert not [text for text in shown if re.search(r"KiB|MiB|\bbytes\b|\d\.\d+ ?[KMG]B", text)]
    sizes = {row[0]: row[1] for row in cells}
    assert sizes["nhỏ.docx"] == "244 KB" and sizes["lớn.docx"] == "2,9 MB" and sizes["Thư mục con"] == ""
    assert {row[2] for row in cells} == {"Thư mục", "Văn bản Word"}
    assert all(re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", row[3]) for row in cells)
    # sorting by size is by bytes (the file model's own), not by the text "2,9 MB" < "244 KB"
    view.sortByColumn(file_dialogs.SIZE_COLUMN, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: [row[0] for row in _cells(view) if row[0].endswith(".docx")] == ["nhỏ.docx", "lớn.docx"])


def test_sizes_in_vietnamese_units():
    from cchc_desktop.gui.file_dialogs import size_text

    assert [size_text(n) for n in (512, 1536, 250_000, 1_048_575, 3_000_000, 25 * 1024 ** 2)] == [
        "512 byte", "1,5 KB", "244 KB", "1,0 MB", "2,9 MB", "25 MB"]
    assert size_text(1_500 * 1024 ** 3) == "1,5 TB"


@pytest.mark.parametrize("module", ["signing_dialog.py", "picture_actions.py", "tabs/indicators.py"])
def test_every_file_question_goes_through_the_vietnamese_dialogs(module):
    """QFileDialog's static getters open the platform's dialog (English on an English Windows)."""
    import ast

    from cchc_desktop.gui import file_dialogs

    source = (Path(file_dialogs.__file__).parent / module).read_text(encoding="utf-8")
    names = {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name)}
    assert "QFileDialog" not in names and "file_dialogs" in names


# --- the print preview on a small screen ---------------------------------------------------

_PREVIEW = """
from cchc_desktop.gui.app import application
app = application()
from cchc_desktop.core.templates import load_sample
from cchc_desktop.document.export import pdf_bytes
from cchc_desktop.gui import printing
report = load_sample()
dialog = printing.PrintPreviewDialog(report, pdf_bytes(report))
dialog.show()
for _ in range(20):
    app.processEvents()
area, frame = dialog.screen().availableGeometry(), dialog.frameGeometry()
print(area.x(), area.y(), area.width(), area.height(), frame.x(), frame.y(), frame.width(), frame.height(),
      dialog.view.height())
"""


@pytest.mark.parametrize(("width", "height"), [(1024, 700), (819, 614)])  # 1024×768 at 125 %: 819×614
def test_the_print_preview_fits_a_small_screen(tmp_path, width, height):
    """Qt's offscreen platform with a screen of that size (and a window frame) in a fresh process."""
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "small", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    out = subprocess.run([sys.executable, "-c", _PREVIEW], capture_output=True, text=True, env=env, timeout=60)
    ax, ay, aw, ah, fx, fy, fw, fh, view = map(int, out.stdout.split()[-9:])
    assert (aw, ah) == (width, height)
    assert ax <= fx and ay <= fy and fx + fw <= ax + aw and fy + fh <= ay + ah  # the whole frame on screen
    assert fh >= height - 80 and view >= height - 160  # and still big enough to read a page


# --- the focus ring ------------------------------------------------------------------------

_FOCUS = """
import sys, time
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog, QLineEdit, QListView, QPlainTextEdit,
                               QPushButton, QSpinBox, QTabWidget, QTextEdit, QToolButton, QVBoxLayout, QWidget)
app = QApplication(["x"])
app.setStyle("Fusion")  # the style the window uses on Windows too
if sys.argv[1] == "installed":
    from cchc_desktop.gui import focus_style
    focus_style.install(app)
dialog = QDialog()  # no parent: the main window's own sheet does not reach it
layout = QVBoxLayout(dialog)
flat = QPushButton("Phẳng"); flat.setFlat(True)
tool = QToolButton(); tool.setText("Công cụ"); tool.setAutoRaise(True)
tabs = QTabWidget(); tabs.addTab(QWidget(), "Chung"); tabs.addTab(QWidget(), "Nội dung")
check = QCheckBox("Đánh dấu")
listing = QListView(); listing.setModel(QStringListModel(["một", "hai"])); listing.setFixedHeight(60)
text = QTextEdit(); text.setFixedHeight(60)
plain = QPlainTextEdit(); plain.setFixedHeight(60)
combo = QComboBox(); combo.addItems(["một", "hai"])
typed = QComboBox(); typed.setEditable(True); typed.addItems(["một", "hai"])
widgets = {"flat button": flat, "tool button": tool, "tab bar": tabs.tabBar(), "check box": check,
           "list": listing, "field": QLineEdit(), "button": QPushButton("Nút"), "text edit": text,
           "plain text edit": plain, "combo box": combo, "editable combo box": typed, "spin box": QSpinBox()}
for widget in widgets.values():
    layout.addWidget(tabs if widget is tabs.tabBar() else widget)
dialog.show()
dialog.activateWindow()
app.processEvents()
ring = QColor("#1565c0")
def ring_pixels(widget):
    image = widget.grab().toImage()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if all(abs(a - b) < 40 for a, b in zip(QColor(image.pixel(x, y)).getRgb()[:3], ring.getRgb()[:3])))
for name, widget in widgets.items():
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    app.processEvents()
    print(f"{name}={ring_pixels(widget) if widget.hasFocus() else -1}")
print("sheet=" + repr(app.styleSheet()))
"""


def _rings(state: str) -> dict[str, str]:
    import os
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _FOCUS, state], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return dict(line.split("=", 1) for line in out.stdout.splitlines() if "=" in line)


def test_the_focus_ring_shows_on_every_control():
    """Fusion alone draws no ring on a flat or tool button, a tab, a check box, a list with no
    current item, a text editor, a combo box; installed, each focused control shows a 2-pixel blue
    line round it, drawn by the style: no style sheet on the application (its polish costs ~120 ms
    of the first paint)."""
    before, after = _rings("plain"), _rings("installed")
    assert {name for name, count in before.items() if name != "sheet" and int(count) == 0} >= {
        "flat button", "tool button", "tab bar", "check box", "list", "text edit", "plain text edit",
        "combo box"}  # what the clerk saw
    short = {name: count for name, count in after.items() if name != "sheet" and int(count) < 2 * 2 * 20}
    assert short == {}  # at least a 2-pixel line along two 20-pixel sides
    assert after["sheet"] == "''"


def test_the_export_folder_is_remembered_across_a_restart(open_window, tmp_path):
    """After a restart, export, print to file and signing still start where the last export went."""
    exports = tmp_path / "Báo cáo gửi huyện"
    exports.mkdir()
    window = open_window()
    assert window.actions.last_export is None and not window.actions.open_folder.isEnabled()
    window.actions.last_export = exports / "Báo cáo quý I.pdf"
    window.close()
    again = open_window()
    assert again.actions.last_export == exports / "Báo cáo quý I.pdf"
    assert printing.export_folder(again) == exports and again.actions.open_folder.isEnabled()
    exports.rmdir()  # the folder went away (a USB stick): back to Documents, no error
    assert again.actions.last_export is None


def test_the_application_installs_the_focus_ring(open_window):
    """The window's application has the ring (its style), so every dialog gets it."""
    from PySide6.QtWidgets import QApplication

    from cchc_desktop.gui.focus_style import installed

    open_window()
    app = QApplication.instance()
    assert installed() is not None and app.style() is installed() and ":focus" not in app.styleSheet()
