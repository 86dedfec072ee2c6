"""The clerk's first day: a short setup of the organisation, the sample kept apart as "Mẫu".

* First start (the file still carries the sample commune as its organisation): a short dialog
  asks for the commune or ward, the province (since 1/7/2025 local government has two tiers, so
  no district by default — one may still be given), who signs and the usual recipients, saves
  them as the organisation (Tệp → Thông tin cơ quan… edits them later) and offers a new report.
* The sample report is marked "Mẫu" in the list and opens read-only, with a bar that offers a
  copy to work on ("Sao chép để dùng").  A sample is recognised once per database by content
  (equal to resources/sample), remembered by id in settings.ini, so the clerk's copy — same
  content at first — is never taken for it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from cchc_desktop.core.model import Organization, Report, Signature
from cchc_desktop.core.vietnamese import nfc

from . import dialogs
from .tabs.common import LinesEdit

if TYPE_CHECKING:
    from .window_api import Window

SAMPLE_MARK = "Mẫu"
DONE_KEY = "first_run/done"
TITLES = ("Chủ tịch", "Phó Chủ tịch")


# --- recognising the sample ----------------------------------------------------------------------
def _comparable(report: Report) -> dict:
    data = dataclasses.asdict(report)
    for key in ("id", "created_at", "updated_at", "status", "disabled_checks"):
        data.pop(key, None)
    return data


def _sample_report() -> Report:
    from cchc_desktop.core.templates import load_sample

    return load_sample()


def _settings_key(window: Window) -> str:
    digest = hashlib.sha1(str(window.database.resolve()).encode("utf-8")).hexdigest()[:12]
    return f"samples/{digest}"


def sample_ids(window: Window) -> set[int]:
    """Ids of the sample reports in this database (found once by content, then remembered)."""
    from .settings_file import settings

    cached = getattr(window, "_sample_ids", None)
    if cached is not None:
        return cached
    store = settings()
    key = _settings_key(window)
    value = store.value(key)
    if value is None:
        ids = _find_samples(window)
        store.setValue(key, ",".join(str(i) for i in sorted(ids)) or "-")
        store.sync()
    else:
        ids = {int(part) for part in str(value).split(",") if part.strip().isdigit()}
    window._sample_ids = ids
    return ids


def _find_samples(window: Window) -> set[int]:
    from cchc_desktop.store.reports import list_reports, load_report

    sample = _sample_report()
    wanted = _comparable(sample)
    found = set()
    for summary in list_reports(window.db):
        if summary.subject != sample.subject:
            continue
        try:
            if _comparable(load_report(window.db, summary.id)) == wanted:
                found.add(summary.id)
        except Exception:  # noqa: BLE001 - a damaged row is simply not the sample
            continue
    return found


def is_sample(window: Window, report: Report | None) -> bool:
    return report is not None and report.id in sample_ids(window)


class SampleBar(QFrame):
    """Shown above the tabs while the sample is open: what it is, and the way to a copy of one's own."""

    def __init__(self, window: Window) -> None:
        super().__init__(window)
        self.setObjectName("sample_bar")
        self.setStyleSheet("#sample_bar { background: #fff4ce; border: 1px solid #e0c060; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel("Đây là báo cáo <b>Mẫu</b> (của một xã, năm 2024) để tham khảo — chỉ đọc. "
                            "Muốn dùng nội dung này, hãy tạo bản sao của mình.")
        self.label.setWordWrap(True)
        self.copy = QPushButton("Sao &chép để dùng")
        self.copy.setToolTip("Tạo bản sao của báo cáo mẫu để sửa thành báo cáo của xã mình")
        self.copy.clicked.connect(window.actions.duplicate_report)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.copy)
        self.hide()


def apply_sample_state(window: Window) -> None:
    """After a report is shown: the sample is read-only and says so; any other report is as it was."""
    from .read_only import set_read_only

    bar = getattr(window, "sample_bar", None)
    sample = is_sample(window, window.report)
    if sample:
        set_read_only(window, True)
        window.cycle.status.setText("Mẫu — chỉ đọc")
        window.cycle.finalize.setEnabled(False)
        window.cycle.next_report.setEnabled(False)
    if bar is not None:
        bar.setVisible(sample)
        bar.copy.setEnabled(True)  # set_read_only leaves the bar alone (it is not an editor tab)


# --- the setup dialog -------------------------------------------------------------------------------
def organization_from_answers(commune: str, province: str, district: str, signer: str, title: str,
                              recipients: list[str]) -> Organization:
    """The header, place, signer and recipients of a People's Committee of a commune or ward."""
    commune = nfc(" ".join(commune.split()))
    lowered = commune.lower()
    for prefix in ("thị trấn", "đặc khu", "phường", "xã"):
        if lowered.startswith(prefix + " "):
            kind, place = prefix, commune[len(prefix) + 1:].strip()
            break
    else:
        kind, place = "xã", commune
    kind = kind.capitalize()  # Xã, Phường, Thị trấn, Đặc khu
    head = title.strip().lower() in ("chủ tịch", "")
    authority = ["TM. ỦY BAN NHÂN DÂN"] + ([] if head else ["KT. CHỦ TỊCH"])
    return Organization(
        issuing_body=["ỦY BAN NHÂN DÂN", f"{kind} {place}".upper()],
        governing_body=[],
        name=f"Ủy ban nhân dân {kind.lower()} {place}",
        place=place,
        abbreviation="UBND",
        default_signature=Signature(authority=authority, title=(title.strip() or "Chủ tịch").upper(),
                                    name=nfc(" ".join(signer.split()))),
        default_recipients=[nfc(r) for r in recipients if r.strip()],
    )


def suggested_recipients(province: str, district: str = "") -> list[str]:
    province = " ".join(province.split())
    lines = []
    if province:
        lines.append(f"Sở Nội vụ tỉnh {province} (để b/c);" if not province.lower().startswith(("tp", "thành phố"))
                     else f"Sở Nội vụ {province} (để b/c);")
    if district.strip():
        lines.append(f"UBND huyện {' '.join(district.split())} (để b/c);")
    lines += ["TT Đảng ủy, TT HĐND xã;", "Chủ tịch, các PCT UBND xã;", "Lưu: VT."]
    return lines


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Bắt đầu sử dụng — Thông tin cơ quan")
        layout = QVBoxLayout(self)
        intro = QLabel("Chào mừng! Điền mấy dòng sau để báo cáo mới có sẵn tên xã, người ký và nơi nhận. "
                       "Có thể sửa lại bất cứ lúc nào ở <b>Tệp → Thông tin cơ quan…</b>")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.commune = QLineEdit()
        self.commune.setPlaceholderText("VD: Xã Cương Gián, Phường Thành Sen")
        self.province = QLineEdit()
        self.province.setPlaceholderText("VD: Hà Tĩnh")
        self.district = QLineEdit()
        self.district.setPlaceholderText("để trống (chính quyền hai cấp từ 1/7/2025)")
        self.signer = QLineEdit()
        self.signer.setPlaceholderText("Họ và tên người ký")
        self.title = QComboBox()
        self.title.setEditable(True)
        self.title.addItems(TITLES)
        self.title.setCurrentIndex(1)
        self.recipients = LinesEdit(5)
        self.recipients.setToolTip("Mỗi dòng một nơi nhận; dòng “Lưu: …” ở cuối")
        form.addRow("&Xã/phường:", self.commune)
        form.addRow("&Tỉnh/thành phố:", self.province)
        form.addRow("&Huyện (nếu có):", self.district)
        form.addRow("&Người ký:", self.signer)
        form.addRow("&Chức vụ:", self.title)
        form.addRow("Nơi &nhận thường dùng:", self.recipients)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox()
        # the quickest start: last period's report (a file the clerk has); its organisation is
        # taken when the lines above are left empty
        self.from_file = self.buttons.addButton("Lưu và &bắt đầu từ báo cáo kỳ trước (tệp Word)…",
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.from_file.setToolTip("Chọn tệp Word báo cáo kỳ trước: tạo ngay báo cáo kỳ này từ đó. "
                                  "Để trống các dòng trên thì lấy thông tin cơ quan trong tệp.")
        self.from_file.clicked.connect(self._choose_file)
        self.ok = self.buttons.addButton("&Lưu và tiếp tục", QDialogButtonBox.ButtonRole.AcceptRole)
        self.later = self.buttons.addButton("Để &sau", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        layout.addWidget(self.message)
        self._recipients_touched = False
        self.recipients.edited.connect(self._touched)
        self.province.textEdited.connect(self._suggest)
        self.district.textEdited.connect(self._suggest)
        self._suggest()
        self.setMinimumWidth(520)

    def _touched(self) -> None:
        if not self._filling:
            self._recipients_touched = True

    _filling = False

    def _suggest(self) -> None:
        if self._recipients_touched:
            return
        self._filling = True
        self.recipients.set_lines(suggested_recipients(self.province.text(), self.district.text()))
        self._filling = False

    def organization(self) -> Organization:
        return organization_from_answers(self.commune.text(), self.province.text(), self.district.text(),
                                         self.signer.text(), self.title.currentText(), self.recipients.lines())

    starts_from_file = False

    def _choose_file(self) -> None:
        self.starts_from_file = True
        self.accept()

    def accept(self) -> None:
        if self.starts_from_file and not self.commune.text().strip():
            super().accept()  # the organisation comes from the file
            return
        if not self.commune.text().strip():
            self.message.setText("Hãy ghi tên xã/phường (hoặc bấm “Để sau”).")
            self.message.show()
            self.commune.setFocus()
            return
        super().accept()


def exec_dialog(dialog: QDialog) -> bool:
    """A module function so tests answer instead of a modal loop."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def needs_setup(window: Window) -> bool:
    from cchc_desktop.store.reports import load_organization

    from .settings_file import settings

    if settings().value(DONE_KEY):
        return False
    return load_organization(window.db) == _sample_report().organization


def run_setup(window: Window) -> bool:
    """The setup dialog; on "Lưu": the organisation is saved and a new report offered. True when saved."""
    from .settings_file import settings

    dialog = FirstRunDialog(window)
    accepted = exec_dialog(dialog)
    store = settings()
    store.setValue(DONE_KEY, True)
    store.sync()
    if not accepted:
        window.statusBar().showMessage("Có thể điền thông tin cơ quan sau ở Tệp → Thông tin cơ quan…", 10000)
        return False
    if dialog.starts_from_file:
        from .start_from_file import start_from_file

        if dialog.commune.text().strip() and not _save_organization(window, dialog):
            return False
        start_from_file(window)
        return True
    if not _save_organization(window, dialog):
        return False
    first_step = ask_first_step(window)
    if first_step == FROM_FILE:
        from .start_from_file import start_from_file

        start_from_file(window)
    elif first_step == NEW:
        window.actions.new_report()
    return True


def _save_organization(window: Window, dialog: FirstRunDialog) -> bool:
    from cchc_desktop.store.reports import save_organization

    org = dialog.organization()
    try:
        window.actions._write(lambda db: save_organization(db, org))
    except Exception as error:  # noqa: BLE001 - shown to the clerk
        dialogs.error(window, f"Không lưu được thông tin cơ quan: {error}")
        return False
    return True


def organization_is_sample(window: Window) -> bool:
    """The organisation is still the sample's: nobody set it up yet."""
    from cchc_desktop.store.reports import load_organization

    return load_organization(window.db) == _sample_report().organization


FROM_FILE, NEW, LATER = "Bắt đầu từ báo cáo kỳ trước (tệp Word)…", "Tạo báo cáo mới theo mẫu…", "Để sau"


def ask_first_step(window: Window) -> str:
    """How to begin (a module function so tests answer): one of FROM_FILE, NEW, LATER."""
    chosen = dialogs.choose(window, "Đã lưu thông tin cơ quan. Bắt đầu báo cáo đầu tiên của đơn vị thế nào?\n"
                                    "Nhanh nhất là lấy báo cáo kỳ trước (tệp Word) làm gốc.\n"
                                    "(Báo cáo mẫu vẫn còn trong danh sách để tham khảo.)", [FROM_FILE, NEW, LATER])
    return [FROM_FILE, NEW, LATER][chosen] if chosen is not None else LATER


def maybe_start(window: Window) -> None:
    """Called once the window is on screen."""
    if needs_setup(window):
        run_setup(window)


def install(window: Window) -> SampleBar:
    """The sample bar above the tabs (the window's central widget gets a small column)."""
    bar = SampleBar(window)
    window.sample_bar = bar
    return bar

