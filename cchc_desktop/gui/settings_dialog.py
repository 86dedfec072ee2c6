"""Dialog "Thông tin cơ quan": the organisation kept in the file (issuing body, place,
abbreviation, default signer and recipients).

Nothing about the commune is hard-wired: the 2025 reorganisation renamed communes and removed
districts, so the clerk edits it here.  The values apply to reports created afterwards
(store.reports.new_report_from_template reads them); open reports keep their own copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLineEdit, QVBoxLayout, QWidget

from cchc_desktop.core.model import Organization, Signature
from cchc_desktop.core.vietnamese import nfc

from . import dialogs
from .tabs.common import LinesEdit

if TYPE_CHECKING:
    from .window_api import Window

MENU_TEXT = "Thông tin cơ quan…"


class OrganizationDialog(QDialog):
    def __init__(self, window: Window, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle("Thông tin cơ quan")
        layout = QVBoxLayout(self)

        body = QGroupBox("Cơ quan ban hành")
        form = QFormLayout(body)
        self.issuing_body = LinesEdit(3)
        self.issuing_body.setToolTip("Mỗi dòng một dòng, VD: ỦY BAN NHÂN DÂN / XÃ CƯƠNG GIÁN")
        self.governing_body = LinesEdit(2)
        self.governing_body.setToolTip("Cơ quan chủ quản (để trống nếu là Ủy ban nhân dân)")
        self.name = QLineEdit()
        self.name.setPlaceholderText("Ủy ban nhân dân xã …")
        self.place = QLineEdit()
        self.place.setToolTip("Địa danh ở dòng “…, ngày … tháng … năm …”")
        self.abbreviation = QLineEdit()
        self.abbreviation.setToolTip("Chữ viết tắt trong số văn bản, VD: UBND trong “Số: /BC-UBND”")
        form.addRow("Tên cơ quan ban hành:", self.issuing_body)
        form.addRow("Cơ quan chủ quản:", self.governing_body)
        form.addRow("Tên đầy đủ:", self.name)
        form.addRow("Địa danh:", self.place)
        form.addRow("Chữ viết tắt:", self.abbreviation)
        layout.addWidget(body)

        signer = QGroupBox("Người ký mặc định")
        form = QFormLayout(signer)
        self.authority = LinesEdit(3)
        self.authority.setToolTip("VD: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH")
        self.title = QLineEdit()
        self.signer_name = QLineEdit()
        form.addRow("Thẩm quyền ký:", self.authority)
        form.addRow("Chức vụ:", self.title)
        form.addRow("Họ và tên:", self.signer_name)
        layout.addWidget(signer)

        recipients = QGroupBox("Nơi nhận mặc định (mỗi dòng một nơi)")
        self.recipients = LinesEdit(5)
        QVBoxLayout(recipients).addWidget(self.recipients)
        layout.addWidget(recipients)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        # Qt ships no Vietnamese translation: name the buttons ourselves.
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Lưu")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        from cchc_desktop.store.reports import load_organization  # not before the first paint

        self.set_organization(load_organization(window.db))

    def set_organization(self, org: Organization) -> None:
        self.issuing_body.set_lines(org.issuing_body)
        self.governing_body.set_lines(org.governing_body)
        self.name.setText(org.name)
        self.place.setText(org.place)
        self.abbreviation.setText(org.abbreviation)
        self.authority.set_lines(org.default_signature.authority)
        self.title.setText(org.default_signature.title)
        self.signer_name.setText(org.default_signature.name)
        self.recipients.set_lines(org.default_recipients)

    def organization(self) -> Organization:
        def text(line: QLineEdit) -> str:
            return nfc(" ".join(line.text().split()))

        return Organization(
            issuing_body=self.issuing_body.lines(),
            governing_body=self.governing_body.lines(),
            name=text(self.name),
            place=text(self.place),
            abbreviation=text(self.abbreviation),
            default_signature=Signature(authority=self.authority.lines(), title=text(self.title),
                                        name=text(self.signer_name)),
            default_recipients=self.recipients.lines(),
        )

    def save(self) -> bool:
        """Store the organisation through the window's single writer; False (dialog stays) on error."""
        from cchc_desktop.store.reports import save_organization

        org = self.organization()
        try:
            self.window_.actions._write(lambda db: save_organization(db, org))
        except Exception as error:  # noqa: BLE001 - StoreError/sqlite errors, shown to the clerk
            dialogs.error(self, f"Không lưu được thông tin cơ quan: {error}")
            return False
        self.window_.statusBar().showMessage("Đã lưu thông tin cơ quan; áp dụng cho các báo cáo tạo mới.", 8000)
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()


def install_settings_action(window: Window) -> QAction:
    """Add "Thông tin cơ quan…" to the Tệp menu, before "Thoát"."""
    action = QAction(MENU_TEXT, window)
    action.setStatusTip("Sửa tên cơ quan, địa danh, chữ viết tắt, người ký và nơi nhận mặc định")
    action.triggered.connect(lambda: OrganizationDialog(window).exec())
    file_menu = None
    for menu_action in window.menuBar().actions():
        if menu_action.text() == "&Tệp":
            file_menu = menu_action.menu()
    if file_menu is not None:
        file_menu.insertAction(window.actions.quit, action)
        file_menu.insertSeparator(window.actions.quit)
    window.settings_action = action
    return action
