"""``cchc-desktop sign`` and ``verify``: a signed report is final, its history names the signer and
the file's SHA-256; a wrong PIN leaves the unsigned PDF and one sentence; the PIN is never kept."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from cchc_desktop import cli
from cchc_desktop.core.model import ReportStatus
from cchc_desktop.signing import settings as signing_settings
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_report
from cchc_desktop.store.revisions import list_revisions

from .softhsm import SoftToken


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "cchc.sqlite"
    open_database(path).close()
    return path


def _run(capsys, monkeypatch, pin: str | None, *argv: str) -> tuple[int, str, str]:
    if pin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sign_finalises_and_records_the_hash(capsys, monkeypatch, db_path, token: SoftToken, tmp_path) -> None:
    out_pdf = tmp_path / "bao-cao.pdf"
    code, out, err = _run(capsys, monkeypatch, token.pin, "--db", str(db_path), "sign", "1", "--pdf", str(out_pdf),
                          "--token-lib", token.library, "--pin-stdin", "--number", "15", "--date", "2024-06-12")
    assert code == 0, err
    assert "Trần Hết Hạn" in out and "Ký bằng chứng thư số: Nguyễn Văn Ký" in out  # expired one listed, not used
    digest = hashlib.sha256(out_pdf.read_bytes()).hexdigest()
    assert digest in out
    db = open_database(db_path)
    report = load_report(db, 1)
    notes = [r.note for r in list_revisions(db, 1)]
    db.close()
    assert report.status == ReportStatus.FINAL and report.number == "15"
    assert any("Nguyễn Văn Ký" in n and digest in n for n in notes)
    assert all(token.pin not in n for n in notes)
    saved = signing_settings.settings_path().read_text(encoding="utf-8")
    assert "softhsm" in saved and token.pin not in saved  # the library is remembered, the PIN is not
    code, out, _ = _run(capsys, monkeypatch, None, "verify", str(out_pdf))
    assert code == 4 and "Nguyễn Văn Ký" in out and "KHÔNG dẫn tới" in out  # no root trusted yet
    ca = tmp_path / "ca.pem"
    ca.write_bytes(token.ca_cert_pem)
    code, out, err = _run(capsys, monkeypatch, None, "verify", str(out_pdf), "--add-root", str(ca))
    assert code == 0, err
    assert "nguyên vẹn" in out and "đã tin cậy" in out


def test_wrong_pin_keeps_the_unsigned_pdf(capsys, monkeypatch, db_path, token: SoftToken, tmp_path) -> None:
    out_pdf = tmp_path / "bao-cao.pdf"
    code, out, err = _run(capsys, monkeypatch, "999999", "--db", str(db_path), "sign", "1", "--pdf", str(out_pdf),
                          "--token-lib", token.library, "--pin-stdin", "--number", "15")
    assert code == 1
    assert err.startswith("Lỗi: Mã PIN không đúng.") and "Tệp chưa ký vẫn ở" in err and "999999" not in err + out
    assert "Traceback" not in err
    data = out_pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"/ByteRange" not in data  # the unsigned export, whole
    db = open_database(db_path)
    assert load_report(db, 1).status == ReportStatus.DRAFT  # not finalised by a failed signing
    db.close()
    from cchc_desktop.paths import log_dir

    logs = "".join(p.read_text(encoding="utf-8", errors="replace") for p in log_dir().glob("*")) \
        if log_dir().is_dir() else ""
    assert "999999" not in logs


def test_missing_number_library_and_token_are_sentences(capsys, monkeypatch, db_path, token: SoftToken,
                                                        tmp_path) -> None:
    out_pdf = str(tmp_path / "x.pdf")
    code, _, err = _run(capsys, monkeypatch, token.pin, "--db", str(db_path), "sign", "1", "--pdf", out_pdf,
                        "--pin-stdin")
    assert code == 1 and "thư viện PKCS#11" in err
    code, _, err = _run(capsys, monkeypatch, token.pin, "--db", str(db_path), "sign", "1", "--pdf", out_pdf,
                        "--token-lib", token.library, "--pin-stdin")
    assert code == 1 and "chưa có số văn bản" in err
    code, _, err = _run(capsys, monkeypatch, token.pin, "--db", str(db_path), "sign", "1", "--pdf", out_pdf,
                        "--token-lib", str(tmp_path / "khong-co.dll"), "--pin-stdin", "--number", "1")
    assert code == 1 and "Không mở được thư viện PKCS#11" in err
    code, _, err = _run(capsys, monkeypatch, token.pin, "--db", str(db_path), "sign", "1", "--pdf", out_pdf,
                        "--token-lib", token.library, "--slot", "424242", "--pin-stdin", "--number", "1")
    assert code == 1 and "Không có token ở khe số 424242" in err
    code, _, err = _run(capsys, monkeypatch, token.pin, "--db", str(db_path), "sign", "1", "--pdf", out_pdf,
                        "--pin-stdin", "--number", "1", "--cert", "1")
    assert code == 1 and "đã hết hạn" in err


def test_verify_unsigned_and_broken_files(capsys, monkeypatch, tmp_path) -> None:
    plain = tmp_path / "plain.pdf"
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(plain))
    canvas.drawString(100, 100, "x")
    canvas.save()
    code, out, _ = _run(capsys, monkeypatch, None, "verify", str(plain))
    assert code == 4 and "không có chữ ký số" in out
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf at all")
    code, _, err = _run(capsys, monkeypatch, None, "verify", str(broken))
    assert code == 1 and err.startswith("Lỗi:") and "Traceback" not in err
