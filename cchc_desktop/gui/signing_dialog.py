"""Tệp → Ký số… and Tệp → Kiểm tra chữ ký…: the window's side of signing/ (a thin layer).

Ký số: one dialog holds what is remembered (token library, pictures, organisation) and what is
chosen now (certificate, number and date of a draft, the PDF's name); then our own PIN dialog;
then the signing (signing/report_signing.py) and the record of it through the window's writer.
The PIN lives only in the PIN dialog's field and the call that uses it; it is cleared after.
"""

from __future__ import annotations

import logging
import threading
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget)

from . import dialogs, file_dialogs

if TYPE_CHECKING:
    from .window_api import Window

log = logging.getLogger(__name__)
PNG_FILTER = "Ảnh PNG nền trong suốt (*.png)"
LIBRARY_FILTER = "Thư viện PKCS#11 (*.dll *.so *.dylib);;Mọi tệp (*)"


def install(window: Window) -> None:
    """Two items in the Tệp menu, after the export items."""
    make = window.actions._action
    window.sign_action = make("Ký số…", None, lambda: sign_report(window),
                              "Ký số báo cáo bằng token (USB) của người ký; báo cáo được ban hành")
    window.verify_action = make("Kiểm tra chữ ký…", None, lambda: verify_file(window),
                                "Xem ai đã ký một tệp PDF, khi nào, và tệp có bị sửa sau khi ký không")
    menu = _file_menu(window)
    before = window.actions.print
    menu.insertAction(before, window.sign_action)
    menu.insertAction(before, window.verify_action)
    menu.insertSeparator(before)


def _file_menu(window: Window):
    for menu_action in window.menuBar().actions():
        if menu_action.text() == "&Tệp":
            return menu_action.menu()
    raise LookupError("no Tệp menu")


# --- the PIN ---------------------------------------------------------------------------------
class PinDialog(QDialog):
    """Our own PIN dialog: dots, no history, no copy; the text is cleared when it closes."""

    def __init__(self, parent: QWidget | None, holder: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nhập mã PIN")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Nhập mã PIN của token để ký với chứng thư số của <b>{holder}</b>:"))
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        dialogs.translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def take_pin(self) -> str:
        """The PIN typed, once: the field is emptied."""
        pin = self.field.text()
        self.field.clear()
        return pin


def ask_pin(parent: QWidget | None, holder: str) -> str | None:
    """A module function so that tests can answer it."""
    dialog = PinDialog(parent, holder)
    try:
        return dialog.take_pin() if dialogs.exec_dialog(dialog) else None
    finally:
        dialog.field.clear()


# --- the signing dialog ---------------------------------------------------------------------------
class SignDialog(QDialog):
    def __init__(self, parent: QWidget | None, report, settings, target: Path) -> None:
        super().__init__(parent)
        from cchc_desktop.core.model import ReportStatus
        from cchc_desktop.signing.tokens import candidate_libraries

        self.setWindowTitle("Ký số báo cáo")
        self.certificates: list = []
        form = QFormLayout()
        self.library = QComboBox()
        self.library.setEditable(True)
        offered = [settings.library] if settings.library else []
        offered += [str(lib.path) for lib in candidate_libraries() if str(lib.path) not in offered]
        self.library.addItems(offered)
        form.addRow("Thư viện của token:", self._with_button(self.library, self._choose_library))
        self.certificate_list = QListWidget()
        self.certificate_list.setWordWrap(True)
        self.certificate_list.setMaximumHeight(110)
        read = QPushButton("Đọc chứng thư số trên token")
        read.clicked.connect(self.read_token)
        form.addRow("Chứng thư số:", self.certificate_list)
        form.addRow("", read)
        self.signature_image = QLineEdit(settings.signature_image)
        form.addRow("Ảnh chữ ký:", self._with_button(self.signature_image, lambda: self._choose_png(
            self.signature_image, "Chọn ảnh chữ ký")))
        self.seal_image = QLineEdit(settings.seal_image)
        self.seal_image.setPlaceholderText("để trống nếu không đóng dấu")
        form.addRow("Ảnh con dấu:", self._with_button(self.seal_image, lambda: self._choose_png(
            self.seal_image, "Chọn ảnh con dấu")))
        self.organisation = QLineEdit(settings.organisation or report.organization.name)
        form.addRow("Tên cơ quan (cạnh dấu):", self.organisation)
        self.draft = report.status != ReportStatus.FINAL
        self.number = QLineEdit(report.number)
        self.issued = QDateEdit(QDate.currentDate())
        self.issued.setDisplayFormat("dd/MM/yyyy")
        self.issued.setCalendarPopup(True)
        d = report.date
        if d is not None and d.month and d.day:
            self.issued.setDate(QDate(d.year, d.month, d.day))
        if self.draft:
            form.addRow("Số văn bản:", self.number)
            form.addRow("Ngày ban hành:", self.issued)
        self.target = QLineEdit(str(target))
        form.addRow("Lưu tệp PDF đã ký:", self._with_button(self.target, self._choose_target))
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        dialogs.translate_buttons(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Ký số…")
        buttons.accepted.connect(self._accept_if_ready)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def _with_button(self, field: QWidget, slot) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        button = QPushButton("Chọn…")
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return box

    def _choose_library(self) -> None:
        path = file_dialogs.open_file_name(self, "Chọn thư viện PKCS#11 của token", LIBRARY_FILTER)
        if path:
            self.library.setCurrentText(path)
            self.read_token()

    def _choose_png(self, field: QLineEdit, title: str) -> None:
        path = file_dialogs.open_file_name(self, title, PNG_FILTER, field.text())
        if path:
            field.setText(path)

    def _choose_target(self) -> None:
        path = file_dialogs.save_file_name(self, "Lưu tệp PDF đã ký", self.target.text(), "Tệp PDF (*.pdf)")
        if path:
            self.target.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def read_token(self) -> bool:
        """List the token's certificates (no PIN needed); a sentence below when it fails."""
        from cchc_desktop.signing.errors import SigningError
        from cchc_desktop.signing.tokens import list_certificates

        self.certificate_list.clear()
        self.certificates = []
        try:
            self.certificates = list_certificates(self.library.currentText().strip())
        except SigningError as error:
            self.message.setText(str(error))
            return False
        now = datetime.now(timezone.utc)
        self.certificate_list.addItems([("" if c.valid_at(now) else "[không còn hiệu lực] ") + c.describe()
                                        for c in self.certificates])
        valid = [i for i, c in enumerate(self.certificates) if c.valid_at(now)]
        self.certificate_list.setCurrentRow(valid[0] if valid else 0)
        self.message.setText("" if self.certificates else "Trên token không có chứng thư số nào.")
        return bool(self.certificates)

    def _accept_if_ready(self) -> None:
        if not self.certificates and not self.read_token():
            return
        if self.draft and not self.number.text().strip():
            self.message.setText("Hãy nhập số văn bản đã đăng ký: báo cáo được ban hành khi ký.")
            return
        if not self.target.text().strip():
            self.message.setText("Hãy chọn nơi lưu tệp PDF đã ký.")
            return
        self.accept()

    def choice(self) -> dict:
        issued = self.issued.date()
        return {"library": self.library.currentText().strip(),
                "certificate_index": max(self.certificate_list.currentRow(), 0),
                "number": self.number.text().strip() if self.draft else None,
                "issued": date(issued.year(), issued.month(), issued.day()) if self.draft else None,
                "target": Path(self.target.text().strip()),
                "signature_image": self.signature_image.text().strip(),
                "seal_image": self.seal_image.text().strip(),
                "organisation": self.organisation.text().strip()}


def ask_signing(parent: QWidget | None, report, settings, target: Path) -> dict | None:
    """A module function so that tests can answer it."""
    dialog = SignDialog(parent, report, settings, target)
    if dialog.library.currentText():
        dialog.read_token()
    return dialog.choice() if dialogs.exec_dialog(dialog) else None


def _default_target(window: Window, report) -> Path:
    from .filenames import default_export_name

    last = window.actions.last_export
    folder = last.parent if last else Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
    name = default_export_name(report, ".pdf")
    return folder / (Path(name).stem + " - da ky.pdf")


def sign_report(window: Window) -> None:
    from cchc_desktop.signing import report_signing
    from cchc_desktop.signing import settings as signing_settings
    from cchc_desktop.signing.errors import SigningError

    report = window.current_report()
    if report is None or not window.actions._ready("ký số"):
        return
    window.save_now()
    threading.Thread(target=_preload, name="preload-pyhanko", daemon=True).start()
    settings = signing_settings.load()
    choice = ask_signing(window, report, settings, _default_target(window, report))
    if choice is None:
        return
    for name in ("library", "signature_image", "seal_image", "organisation"):
        setattr(settings, name, choice[name])
    signing_settings.save(settings)  # remembered even when this signing fails
    target = choice["target"]
    try:
        with _busy():
            prepared = report_signing.prepare(window.db, report.id, target, library=choice["library"],
                                              certificate_index=choice["certificate_index"],
                                              number=choice["number"], issued=choice["issued"])
        appearance = report_signing.appearance_from(settings, prepared.report)
        pin = ask_pin(window, prepared.certificate.holder)
        if pin is None:
            dialogs.inform(window, f"Chưa ký. Tệp PDF chưa ký đã lưu ở “{target}”.")
            return
        with _busy():
            result = report_signing.sign_prepared(prepared, pin, appearance)
        del pin
    except SigningError as error:
        kept = f" Tệp chưa ký vẫn ở “{target}”." if target.is_file() else ""
        dialogs.error(window, f"{error}{kept}")
        return
    window.actions._write(lambda db: report_signing.record(db, prepared, result))
    window.actions.last_export = target
    window.actions.open_folder.setEnabled(True)
    window.cycle.reload(report.id)
    window.statusBar().showMessage(f"Đã ký số {target.name}: {result.holder}. Báo cáo đã ban hành, chỉ còn đọc.",
                                   15000)


def _preload() -> None:
    """Import pyHanko while the clerk fills the dialog: 2–3 s less to wait after the PIN."""
    try:
        import pyhanko.sign.pkcs11  # noqa: F401
        import pyhanko.sign.signers  # noqa: F401
        import pyhanko.stamp  # noqa: F401
    except Exception:  # noqa: BLE001 - the signing itself will import again and say what is wrong
        log.exception("Preloading pyHanko failed")


class _busy:
    """The wait cursor while the token works (a cold start loads pyHanko: 2–3 s)."""

    def __enter__(self):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc) -> None:
        QGuiApplication.restoreOverrideCursor()


# --- verifying --------------------------------------------------------------------------------
def ask_pdf(parent: QWidget | None) -> str:
    return file_dialogs.open_file_name(parent, "Chọn tệp PDF cần kiểm tra chữ ký", "Tệp PDF (*.pdf)")


def ask_root(parent: QWidget | None) -> str:
    return file_dialogs.open_file_name(parent, "Chọn chứng thư gốc tin cậy", "Chứng thư số (*.cer *.crt *.pem *.der)")


def verify_text(path: Path) -> tuple[str, bool]:
    """What the check says about a file, and whether every signature is fine."""
    from cchc_desktop.signing.verify import verify_file as check

    checks = check(path)
    if not checks:
        return f"Tệp “{path.name}” không có chữ ký số nào.", False
    return "\n\n".join("\n".join(c.lines()) for c in checks), all(c.ok for c in checks)


def verify_file(window: Window) -> None:
    from cchc_desktop.signing.errors import SigningError
    from cchc_desktop.signing.trust import add_root

    chosen = ask_pdf(window)
    if not chosen:
        return
    try:
        with _busy():
            text, ok = verify_text(Path(chosen))
        if ok or "KHÔNG dẫn tới" not in text:
            (dialogs.inform if ok else dialogs.error)(window, text)
            return
        answer = dialogs.choose(window, text + "\n\nThêm chứng thư gốc mà cơ quan tin cậy?",
                                ["Thêm chứng thư gốc…", "Đóng"], default=1)
        if answer != 0:
            return
        root = ask_root(window)
        if not root:
            return
        add_root(Path(root))
        with _busy():
            text, ok = verify_text(Path(chosen))
        (dialogs.inform if ok else dialogs.error)(window, text)
    except SigningError as error:
        dialogs.error(window, str(error))
