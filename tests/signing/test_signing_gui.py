"""Tệp → Ký số… and Tệp → Kiểm tra chữ ký… in the window, with the SoftHSM2 token.

No modal dialog runs: the ask-functions are answered by monkeypatch (as tests/gui does)."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from PySide6.QtWidgets import QLineEdit

from cchc_desktop.core.model import ReportStatus
from cchc_desktop.gui import dialogs, signing_dialog
from cchc_desktop.signing import settings as signing_settings
from cchc_desktop.signing.errors import WRONG_PIN
from cchc_desktop.signing.verify import verify_pdf
from cchc_desktop.store.reports import load_report
from cchc_desktop.store.revisions import list_revisions
from tests.gui.conftest import database, open_window, quick_new_report  # noqa: F401 - the window fixtures

from .test_signing import SEAL, SIGNATURE


@pytest.fixture
def said(monkeypatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, text: texts.append(text))
    monkeypatch.setattr(dialogs, "error", lambda _parent, text, details="": texts.append("ERROR " + text))
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, text, default_yes=False: True)
    return texts


def _answer_dialog(monkeypatch, token, tmp_path, pin: str):
    (tmp_path / "ky.png").write_bytes(SIGNATURE)
    (tmp_path / "dau.png").write_bytes(SEAL)
    target = tmp_path / "da-ky.pdf"

    def choose(_parent, report, settings, _target):
        from cchc_desktop.signing.tokens import list_certificates

        holders = [c.holder for c in list_certificates(token.library)]
        return {"library": token.library, "certificate_index": holders.index("Nguyễn Văn Ký"), "number": "15",
                "issued": date(2024, 6, 20), "target": target, "signature_image": str(tmp_path / "ky.png"),
                "seal_image": str(tmp_path / "dau.png"), "organisation": ""}

    monkeypatch.setattr(signing_dialog, "ask_signing", choose)
    monkeypatch.setattr(signing_dialog, "ask_pin", lambda _parent, holder: pin)
    return target


def test_sign_from_the_menu_finalises_the_report(open_window, monkeypatch, said, token, tmp_path,
                                                 root_store) -> None:
    window = open_window()
    report_id = window.report.id
    target = _answer_dialog(monkeypatch, token, tmp_path, token.pin)
    assert window.sign_action in window.menuBar().actions()[0].menu().actions()
    window.sign_action.trigger()
    assert not [t for t in said if t.startswith("ERROR")], said
    [check] = verify_pdf(target.read_bytes(), root_store)
    assert check.ok and check.holder == "Nguyễn Văn Ký"
    stored = load_report(window.db, report_id)
    assert stored.status == ReportStatus.FINAL and stored.number == "15"
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    assert any(digest in r.note for r in list_revisions(window.db, report_id))
    assert window.cycle.reopen.isEnabled()  # the window shows it final (read-only)
    remembered = signing_settings.load()
    assert remembered.library == token.library and remembered.seal_image.endswith("dau.png")
    assert token.pin not in signing_settings.settings_path().read_text(encoding="utf-8")


def test_wrong_pin_in_the_window(open_window, monkeypatch, said, token, tmp_path) -> None:
    window = open_window()
    target = _answer_dialog(monkeypatch, token, tmp_path, "000000")
    window.sign_action.trigger()
    [message] = said
    assert message.startswith("ERROR " + WRONG_PIN) and "Tệp chưa ký vẫn ở" in message
    assert b"/ByteRange" not in target.read_bytes()
    assert load_report(window.db, window.report.id).status == ReportStatus.DRAFT


def test_verify_from_the_menu(open_window, monkeypatch, said, token, tmp_path) -> None:
    window = open_window()
    target = _answer_dialog(monkeypatch, token, tmp_path, token.pin)
    window.sign_action.trigger()
    said.clear()
    monkeypatch.setattr(signing_dialog, "ask_pdf", lambda _parent: str(target))
    monkeypatch.setattr(dialogs, "choose", lambda _parent, text, answers, default=0: 0)
    ca = tmp_path / "ca.pem"
    ca.write_bytes(token.ca_cert_pem)
    monkeypatch.setattr(signing_dialog, "ask_root", lambda _parent: str(ca))
    window.verify_action.trigger()
    [message] = said  # after the root is added, the check is fine
    assert "Nguyễn Văn Ký" in message and "đã tin cậy" in message and not message.startswith("ERROR")


def test_pin_dialog_hides_and_forgets_the_pin(qtbot) -> None:
    dialog = signing_dialog.PinDialog(None, "Lê Thị Sáu")
    qtbot.addWidget(dialog)
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Password
    dialog.field.setText("246810")
    assert dialog.take_pin() == "246810" and dialog.field.text() == ""


def test_sign_dialog_reads_the_token_and_asks_a_drafts_number(qtbot, token, tmp_path, root_store) -> None:
    from cchc_desktop.store.database import open_database

    db = open_database(tmp_path / "cchc.sqlite")
    report = load_report(db, 1)
    db.close()
    settings = signing_settings.SigningSettings(library=token.library)
    dialog = signing_dialog.SignDialog(None, report, settings, tmp_path / "x.pdf")
    qtbot.addWidget(dialog)
    assert dialog.read_token()
    assert dialog.certificate_list.count() == 2
    assert "Nguyễn Văn Ký" in dialog.certificate_list.currentItem().text()  # the valid one chosen
    dialog.number.setText("")
    dialog._accept_if_ready()
    assert "số văn bản" in dialog.message.text() and dialog.result() == 0
    dialog.number.setText("7")
    choice = dialog.choice()
    assert choice["number"] == "7" and choice["library"] == token.library and choice["target"].name == "x.pdf"
    dialog.library.setCurrentText(str(tmp_path / "khong-co.dll"))
    assert not dialog.read_token() and "Không mở được thư viện PKCS#11" in dialog.message.text()
