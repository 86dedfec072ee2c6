"""Tệp → Nhập từ Word…, and a .docx dropped on the window: import it as a new report, then
show the import report, each line a link to the place in the report it concerns."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QListWidget,
                               QListWidgetItem, QVBoxLayout, QWidget)

from . import dialogs

if TYPE_CHECKING:
    from cchc_desktop.importing import ImportResult

    from .window_api import Window

log = logging.getLogger(__name__)
MENU_TEXT = "Nhập từ Word…"
FILTERS = "Văn bản Word (*.docx *.doc *.rtf);;Tệp trao đổi JSON (*.json);;Mọi tệp (*)"
_ACCEPTED = (".docx", ".doc", ".rtf", ".json")


def ask_open_path(parent) -> str:
    """The open dialog (a module function so tests can replace it)."""
    from .file_dialogs import open_file_name

    return open_file_name(parent, "Nhập báo cáo từ tệp Word", FILTERS)


# ------------------------------------------------------------------ the import itself


def import_path(window: Window, path: str | Path) -> int | None:
    """Import ``path`` into the window's database; the new report's id, or None when the
    clerk gave up or the file was refused (a message then says why)."""
    path = Path(path)
    result = read_import(window, path)
    if result is None:
        return None
    _choose_organization(window, result)
    from cchc_desktop.store.reports import save_report

    report = result.report
    report.id = None
    new_id = window.actions._write(lambda db: save_report(db, report))
    window.refresh_list()
    window.open_report(new_id)
    window.statusBar().showMessage(f"Đã nhập “{path.name}” thành báo cáo số {new_id}.", 8000)
    if result.entries:
        dialog = ImportReportDialog(window, path.name, result)
        window.import_report_dialog = dialog
        dialog.show()
    return new_id


def read_import(window: Window, path: str | Path, ask_convert: bool = True) -> ImportResult | None:
    """``path`` read and recognised off the GUI thread; None when the clerk gave up or the
    file was refused (a message then says why).  Nothing is written.  An old Word file is
    converted with LibreOffice when there is one (asked first unless ``ask_convert`` is False)."""
    from cchc_desktop.importing import ImportRefused, Kind, import_file, sniff, soffice_path

    from .background_task import CANCELLED, run

    path = Path(path)
    convert = False
    # reading and parsing happen on a worker thread (a big or hostile file can take seconds;
    # the window keeps painting, "Hủy" gives up); the database write below stays as it was
    reading = f"Đang đọc tệp “{path.name}”…"
    try:
        kind = run(window, reading, sniff, path)
        if kind is CANCELLED:
            return _cancelled(window, path)
        if kind in (Kind.DOC, Kind.RTF) and soffice_path() is not None:
            convert = not ask_convert or dialogs.confirm(
                window, f"“{path.name}” là tệp Word cũ. Chuyển sang .docx bằng LibreOffice (có sẵn trên máy)"
                        " rồi nhập?", default_yes=True)
            if not convert:
                return None
        result = run(window, reading, partial(import_file, path, convert=convert))
        if result is CANCELLED:
            return _cancelled(window, path)
    except ImportRefused as error:
        dialogs.error(window, str(error))
        return None
    except Exception as error:  # a bug: logged, one sentence for the clerk
        log.exception("import of %s failed", path)
        dialogs.error(window, f"Không nhập được “{path.name}”: đây là lỗi của chương trình, đã ghi vào nhật ký.",
                      details=f"{type(error).__name__}: {error}")
        return None
    return result


def _cancelled(window: Window, path: Path) -> None:
    window.statusBar().showMessage(f"Đã hủy nhập “{path.name}”.", 8000)
    return None


def organization_differs(theirs, ours) -> bool:
    """The file names an issuing body, and not the one set up in the program."""
    def same(lines: list[str]) -> str:
        return " ".join(" ".join(lines).upper().split())

    return bool(theirs.issuing_body) and same(theirs.issuing_body) != same(ours.issuing_body)


def _choose_organization(window: Window, result: ImportResult) -> None:
    """The file names another organisation than the one set up here: ask which to keep."""
    from cchc_desktop.store.reports import load_organization

    theirs = result.report.organization
    ours = load_organization(window.db)
    if not organization_differs(theirs, ours):
        return
    question = (f"Cơ quan trong tệp ({' '.join(theirs.issuing_body)}) khác cơ quan đã khai trong chương trình "
                f"({' '.join(ours.issuing_body) or 'chưa khai'}). Giữ cơ quan của tệp cho báo cáo này?\n\n"
                "Chọn “Không” để dùng cơ quan của chương trình.")
    if not dialogs.confirm(window, question, default_yes=True):
        from cchc_desktop.core.adopt import adopt_import

        adopt_import(result, ours)  # signer, place, Nơi nhận too; the rest listed in the import report


# ------------------------------------------------------------------ the import report


def location_of(window: Window, target: str) -> dict | None:
    """An entry's target ("part:2:5", "opening", "closing", "appendix:0", "header") as a
    location the checks panel's navigation understands."""
    report = window.report
    if not target or report is None:
        return None
    kind, _, rest = target.partition(":")
    if kind == "part":
        index, _, block = rest.partition(":")
        part_index, block_index = int(index), int(block or 0)
        if not 0 <= part_index < len(report.parts):
            return None
        tag = report.parts[part_index].tag
        # "parts[i].blocks[j]" names the place exactly for the parts editor; the tag and
        # block serve the per-tag narrative tabs (which show the first part with that tag)
        first = next(i for i, part in enumerate(report.parts) if part.tag == tag)
        return {"field": f"parts[{part_index}].blocks[{block_index}]", "section": tag,
                "block": block_index if first == part_index else 0}
    if kind == "appendix":
        return {"field": f"appendix[{rest or 0}]", "row": 0}
    if kind in ("opening", "closing", "subject", "addressees"):
        return {"field": kind}
    if kind == "header":
        return {"field": "issuing"}
    return None


class PlacesDialog(QDialog):
    """A non-modal list of places in the report, one line each; activating a line goes there."""

    def __init__(self, window: Window, title: str, header: str, lines: list[tuple[str, str]],
                 button: str, *, double_click: bool = False) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(title)
        self.setModal(False)
        self.resize(760, 380)
        layout = QVBoxLayout(self)
        label = QLabel(header)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        for text, target in lines:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, target)
            item.setToolTip(text)
            self.list.addItem(item)
        self.list.itemActivated.connect(self.go)
        if double_click:
            self.list.itemDoubleClicked.connect(self.go)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def go(self, item: QListWidgetItem) -> None:
        from .locate import go_to

        location = location_of(self.window_, item.data(Qt.ItemDataRole.UserRole) or "")
        if location is not None:
            go_to(self.window_, location)


def _entry_line(entry) -> tuple[str, str]:
    text = f"{entry.where}: {entry.message}"
    if entry.text:
        text += f" — “{entry.text}”"
    return text, entry.target


class ImportReportDialog(PlacesDialog):
    """What the import could not place with confidence, one line each, clickable."""

    def __init__(self, window: Window, name: str, result: ImportResult) -> None:
        super().__init__(window, "Báo cáo nhập tệp",
                         f"Đã nhập “{name}”. Những chỗ cần xem lại (bấm đúp để đến chỗ đó):",
                         [_entry_line(entry) for entry in result.entries], dialogs.OK, double_click=True)


# ------------------------------------------------------------------ menu and drop


def _install_on_application(drops: QObject) -> None:
    QApplication.instance().installEventFilter(drops)
    drops.on_application = True  # MainWindow.build_tabs pauses it while it builds


class _DropFilter(QObject):
    """Files dropped anywhere on the window: a Word or exchange file is imported."""

    def __init__(self, window: Window) -> None:
        super().__init__(window)
        self.window_ = window

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window_:
            return False
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _dropped_file(event) is not None:
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            path = _dropped_file(event)
            if path is not None:
                event.acceptProposedAction()
                # after the drop returns: the import waits in a local event loop, which
                # should not run inside the platform's drag and drop
                QTimer.singleShot(0, self.window_, lambda: import_path(self.window_, path))
                return True
        return False


def _dropped_file(event) -> str | None:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        local = url.toLocalFile()
        if local and local.lower().endswith(_ACCEPTED):
            return local
    return None


def install_import_action(window: Window) -> QAction:
    """"Nhập từ Word…" in the Tệp menu (after "Báo cáo mới…"), and drops on the window."""
    action = QAction(MENU_TEXT, window)
    action.setStatusTip("Nhập báo cáo từ tệp Word (.docx) có sẵn: giữ nguyên từng chữ, nhận ra các phần")
    action.triggered.connect(lambda _checked=False: _ask_and_import(window))
    for menu_action in window.menuBar().actions():
        if menu_action.text() == "&Tệp":
            menu = menu_action.menu()
            actions = menu.actions()
            position = actions.index(window.actions.new) + 1 if window.actions.new in actions else 0
            menu.insertAction(actions[position] if position < len(actions) else None, action)
    # Every widget of the window (editors included, which would otherwise paste the file's
    # name as text): the filter sits on the application and looks only at this window's drops.
    # It goes on once the event loop runs (no file can be dropped before): the thousands of
    # events of the window's construction do not go through Python for it (~15 ms).
    window.setAcceptDrops(True)
    window.import_drop_filter = _DropFilter(window)
    drops = window.import_drop_filter
    QTimer.singleShot(0, drops, lambda: _install_on_application(drops))
    window.import_action = action
    return action


def _ask_and_import(window: Window) -> None:
    path = ask_open_path(window)
    if path:
        import_path(window, path)
