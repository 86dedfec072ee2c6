"""Closing the window never drops typed text without a word.

When the last saves fail (disk full, another program holding the file's write lock), the clerk
is told and chooses: try again, save a copy elsewhere (a JSON exchange file, which "Nhập báo
cáo" reads back), discard, or go back to the window.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox

from cchc_desktop.core.model import Report

from . import dialogs

if TYPE_CHECKING:
    from .window_api import Window

log = logging.getLogger(__name__)
RETRY, COPY, DISCARD, CANCEL = "retry", "copy", "discard", "cancel"
MAX_TRIES = 20  # a clerk who keeps pressing "Thử lại" is asked again each time; this only stops a loop


def may_close(window: Window) -> bool:
    """Save what is pending; when something could not be saved, ask. True: the window may close."""
    for _ in range(MAX_TRIES):
        window.save_now(wait=True)
        window.external.resolve_all()  # a report changed elsewhere: the text becomes a new report
        unsaved = window.autosaver.unsaved_reports()
        if not unsaved:
            return True
        choice = ask_unsaved(window, _question(window, unsaved))
        if choice == RETRY:
            continue
        if choice == COPY:
            if save_copies(window, unsaved):
                return True
            continue
        if choice == DISCARD:
            log.warning("Closed with %d unsaved report(s) discarded by the clerk", len(unsaved))
            return True
        return False
    return False


def _question(window: Window, unsaved: list[Report]) -> str:
    names = ", ".join(f"“{report.subject or 'Báo cáo'}”" for report in unsaved)
    reason = window.statusBar().currentMessage() or "Không lưu được vào cơ sở dữ liệu."
    return (f"Chưa lưu được những thay đổi mới nhất của {names}.\n{reason}\n\n"
            "Nếu đóng bây giờ, phần chưa lưu sẽ mất. Bạn muốn làm gì?")


def ask_unsaved(window: Window, text: str) -> str:
    """Thử lại / Lưu bản sao ra tệp… / Bỏ thay đổi / Quay lại (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Warning, dialogs.TITLE, text, QMessageBox.StandardButton.NoButton, window)
    buttons = {
        box.addButton("Thử lại", QMessageBox.ButtonRole.AcceptRole): RETRY,
        box.addButton("Lưu bản sao ra tệp…", QMessageBox.ButtonRole.ActionRole): COPY,
        box.addButton("Bỏ thay đổi", QMessageBox.ButtonRole.DestructiveRole): DISCARD,
        box.addButton("Quay lại", QMessageBox.ButtonRole.RejectRole): CANCEL,
    }
    box.setDefaultButton(next(b for b, v in buttons.items() if v == RETRY))
    box.exec()
    return buttons.get(box.clickedButton(), CANCEL)


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def suggested_path(report: Report, folder: Path | None = None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    number = report.id if report.id is not None else "moi"
    return (folder or documents_folder()) / f"cchc-chua-luu-bao-cao-{number}-{stamp}.json"


def ask_copy_path(window: Window, suggested: Path) -> str:
    """Where to write the copy (tests replace this function)."""
    from .file_dialogs import save_file_name

    return save_file_name(window, "Lưu bản sao phần chưa lưu", str(suggested), "Tệp trao đổi báo cáo (*.json)")


def save_copies(window: Window, unsaved: list[Report]) -> bool:
    """Each unsaved report as a JSON exchange file; True when every one was written."""
    from cchc_desktop.store.database import StoreError
    from cchc_desktop.store.exchange import write_exchange

    written = []
    for report in unsaved:
        chosen = ask_copy_path(window, suggested_path(report))
        if not chosen:
            return False
        try:
            write_exchange(report, Path(chosen))
        except StoreError as error:
            dialogs.error(window, str(error))
            return False
        written.append(chosen)
    dialogs.inform(window, "Đã lưu bản sao phần chưa lưu vào:\n" + "\n".join(written)
                   + "\n\nLần sau, dùng Tệp → Nhập báo cáo… để đưa nó trở lại.")
    return True
