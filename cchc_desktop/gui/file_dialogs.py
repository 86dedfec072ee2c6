"""Open and save dialogs in Vietnamese everywhere.

The platform's own dialog speaks the language of Windows ("Folder", "KiB", "Microsoft Word
Document" on an English Windows), so the window uses Qt's dialog: labels named here, the list
view, and if the clerk switches to the detail view, its columns in Vietnamese too: the type
names, sizes in KB/MB with a decimal comma (Qt writes "244.14 KiB") and dates day/month/year
(Qt follows the system's locale: "12/7/26 4:57 AM" on an English Windows).  Qt's remaining
words come from resources/translations/qt_vi.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo, QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QFileSystemModel, QWidget

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


def size_text(size: int) -> str:
    """245_000 -> "239 KB", 3_000_000 -> "2,9 MB": Windows' units, a Vietnamese decimal comma."""
    if size < 1024:
        return f"{size} byte"
    value, unit = float(size), "byte"
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if round(value) < 1024:  # 1,048,575 bytes: "1,0 MB", not "1.024 KB"
            break
    number = f"{value:.1f}" if value < 10 else f"{value:,.0f}"
    return f"{number.replace(',', ' ').replace('.', ',').replace(' ', '.')} {unit}"


SIZE_COLUMN, DATE_COLUMN = 1, 3  # QFileSystemModel's columns: name, size, type, date modified


class VietnameseColumns(QIdentityProxyModel):
    """The detail view's size and date in Vietnamese; sorting stays the file model's own (by
    bytes and time, folders first), since an identity proxy passes sort() to it."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.column() in (SIZE_COLUMN, DATE_COLUMN):
            model = self.sourceModel()
            source = self.mapToSource(index)
            if isinstance(model, QFileSystemModel) and source.isValid():
                if index.column() == DATE_COLUMN:
                    return model.lastModified(source).toString("dd/MM/yyyy HH:mm")
                if not model.isDir(source):
                    return size_text(model.size(source))
        return super().data(index, role)


_provider: VietnameseTypes | None = None


def make_dialog(parent: QWidget | None, title: str, filters: str, start: str = "", save: bool = False) -> QFileDialog:
    global _provider
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.List)
    if _provider is None:
        _provider = VietnameseTypes()
    dialog.setIconProvider(_provider)
    dialog.setProxyModel(VietnameseColumns(dialog))
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
