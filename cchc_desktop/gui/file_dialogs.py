"""Open and save dialogs in Vietnamese everywhere.

The platform's own dialog speaks the language of Windows ("Folder", "KiB", "Microsoft Word
Document" on an English Windows), so the window uses Qt's dialog: labels named here, the list
view (names only: no size in KiB, no type column), and a type name in Vietnamese if a detail
view is switched on anyway.  Qt's remaining words come from resources/translations/qt_vi.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

_TYPES = {"docx": "Văn bản Word", "doc": "Văn bản Word cũ", "rtf": "Văn bản RTF", "pdf": "Tệp PDF",
          "json": "Tệp trao đổi JSON", "xlsx": "Bảng tính Excel", "sqlite": "Bản sao lưu"}


class VietnameseTypes(QFileIconProvider):
    """The "Loại" column in Vietnamese, whatever the system calls the type."""

    def type(self, info: QFileInfo | QAbstractFileIconProvider.IconType) -> str:  # noqa: A003 (Qt name)
        if not isinstance(info, QFileInfo):
            return "Tệp"
        if info.isDir():
            return "Thư mục"
        return _TYPES.get(info.suffix().lower(), f"Tệp {info.suffix().upper()}" if info.suffix() else "Tệp")


_provider: VietnameseTypes | None = None


def make_dialog(parent: QWidget | None, title: str, filters: str, start: str = "", save: bool = False) -> QFileDialog:
    global _provider
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.List)
    if _provider is None:
        _provider = VietnameseTypes()
    dialog.setIconProvider(_provider)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    labels = {QFileDialog.DialogLabel.LookIn: "Thư mục:", QFileDialog.DialogLabel.FileName: "Tên tệp:",
              QFileDialog.DialogLabel.FileType: "Loại tệp:", QFileDialog.DialogLabel.Reject: "Hủy",
              QFileDialog.DialogLabel.Accept: "Lưu" if save else "Mở"}
    for which, text in labels.items():
        dialog.setLabelText(which, text)
    return dialog


def open_file_name(parent: QWidget | None, title: str, filters: str, start: str = "") -> str:
    """The chosen file, or "" when the clerk cancelled."""
    dialog = make_dialog(parent, title, filters, start)
    if not dialog.exec():
        return ""
    files = dialog.selectedFiles()
    return files[0] if files else ""


def open_file_names(parent: QWidget | None, title: str, filters: str) -> list[str]:
    dialog = make_dialog(parent, title, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return dialog.selectedFiles() if dialog.exec() else []


def save_file_name(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    dialog = make_dialog(parent, title, filters, str(Path(suggested).parent) if suggested else "", save=True)
    if suggested:
        dialog.selectFile(suggested)
    if not dialog.exec():
        return ""
    files = dialog.selectedFiles()
    return files[0] if files else ""
