"""Menu "Trợ giúp": the user guide (F1, offline, shipped in resources/help) and "Giới thiệu"."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QTextBrowser, QVBoxLayout,
                               QWidget)

from cchc_desktop import paths

if TYPE_CHECKING:
    from .window_api import Window

GUIDE = "huong-dan.html"
LICENCE = "MIT (mã nguồn mở, dùng và sao chép tự do)"


def guide_path() -> Path:
    return paths.resources_dir() / "help" / GUIDE


class GuideWindow(QDialog):
    """The guide in a plain browser: local HTML and pictures, links between its pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hướng dẫn sử dụng")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton("Đó&ng", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.close)
        layout.addWidget(buttons)
        path = guide_path()
        if path.exists():
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:
            self.browser.setPlainText(f"Không tìm thấy tệp hướng dẫn ({path}).")
        self.resize(820, 640)


def version() -> str:
    # cchc_desktop.version, not the cli: the window must not import every sub-command for it
    from cchc_desktop.version import version as package_version

    return package_version()


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Giới thiệu")
        layout = QVBoxLayout(self)
        title = QLabel("<b>Báo cáo tuyên truyền cải cách hành chính</b><br>"
                       "Soạn, kiểm tra, xuất và in báo cáo theo Nghị định 30/2020/NĐ-CP — không cần Internet.")
        title.setWordWrap(True)
        layout.addWidget(title)
        form = QFormLayout()
        self.fields = {
            "Phiên bản:": version(),
            "Thư mục dữ liệu:": str(paths.data_dir()),
            "Thư mục nhật ký:": str(paths.log_dir()),
            "Giấy phép:": LICENCE,
            "Python / Qt:": f"{sys.version.split()[0]} / {self._qt_version()}",
        }
        for label, value in self.fields.items():
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, text)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        data = buttons.addButton("Mở thư mục &dữ liệu", QDialogButtonBox.ButtonRole.ActionRole)
        logs = buttons.addButton("Mở thư mục &nhật ký", QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("Đó&ng", QDialogButtonBox.ButtonRole.RejectRole)
        data.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data_dir()))))
        logs.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir()))))
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _qt_version() -> str:
        from PySide6 import __version__

        return __version__


def exec_dialog(dialog: QDialog) -> None:
    """A module function so tests look at the dialog instead of a modal loop."""
    dialog.exec()


class Help:
    def __init__(self, window: Window) -> None:
        self.w = window
        self.guide_window: GuideWindow | None = None
        menu = window.menuBar().addMenu("Trợ &giúp")
        self.guide = QAction("&Hướng dẫn sử dụng", window)
        self.guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        if self.guide.shortcut().isEmpty():
            self.guide.setShortcut(QKeySequence("F1"))
        self.guide.setToolTip("Hướng dẫn sử dụng (F1)")
        self.guide.triggered.connect(lambda _checked=False: self.show_guide())
        self.about = QAction("&Giới thiệu…", window)
        self.about.setToolTip("Phiên bản, thư mục dữ liệu, thư mục nhật ký, giấy phép")
        self.about.triggered.connect(lambda _checked=False: exec_dialog(AboutDialog(window)))
        window.addAction(self.guide)
        menu.addAction(self.guide)
        menu.addAction(self.about)
        self.menu = menu

    def show_guide(self) -> GuideWindow:
        if self.guide_window is None:
            self.guide_window = GuideWindow(self.w)
        self.guide_window.show()
        self.guide_window.raise_()
        self.guide_window.activateWindow()
        return self.guide_window
