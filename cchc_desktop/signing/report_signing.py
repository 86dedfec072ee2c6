"""Sign a stored report: export its PDF, sign it with the token, finalise it, record the hash.

Two steps so that the PIN is asked only when it can be used (CLI prompt or the window's dialog
between them): ``prepare`` exports the unsigned PDF to the target file, picks the certificate
and refuses an expired one; ``finish`` signs with the PIN and writes the signed file over it.
Whatever fails in ``finish``, the unsigned PDF stays at the target.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.model import DocumentDate, Report, ReportStatus
from .appearance import Appearance, signing_time_text
from .errors import SigningError
from .settings import SigningSettings
from .sign import Placement, SignResult, pick_certificate, sha256_hex, sign_pdf
from .tokens import TokenCertificate, check_validity, list_certificates

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: importing it costs ~80 ms before the first paint

SIGN_NOTE = "Ký số: {holder}, lúc {when}; tệp {name}; SHA-256 {sha}"


@dataclass
class Prepared:
    report: Report
    target: Path
    pdf: bytes  # the unsigned PDF, as written to ``target``
    placement: Placement | None
    library: str
    certificate: TokenCertificate
    issue: tuple[str, date] | None  # (number, date) to finalise with; None: final already


def prepare(db: sqlite_utils.Database, report_id: int, target: Path, *, library: str, slot: int | None = None,
            certificate_index: int | None = None, number: str | None = None,
            issued: date | None = None) -> Prepared:
    from ..document.export import ExportError, write_atomic
    from ..document.signing_space import pdf_with_signing_space
    from ..store.reports import load_report

    if not library:
        raise SigningError("Hãy chọn thư viện PKCS#11 của token (tệp .dll do phần mềm token cài vào máy).")
    report = load_report(db, report_id)
    issue = _issue(report, number, issued)
    try:
        pdf, space = pdf_with_signing_space(report)
        write_atomic(pdf, Path(target))
    except ExportError as error:
        raise SigningError(str(error)) from None
    certificate = pick_certificate(list_certificates(library, slot), certificate_index)
    check_validity(certificate)
    placement = Placement(space.page, space.rect) if space else None
    return Prepared(report, Path(target), pdf, placement, library, certificate, issue)


def _issue(report: Report, number: str | None, issued: date | None) -> tuple[str, date] | None:
    """A draft is finalised by signing: its number and date go on the PDF first."""
    if report.status == ReportStatus.FINAL:
        return None
    number = (number or report.number or "").strip()
    if not number:
        raise SigningError("Báo cáo chưa có số văn bản. Hãy nhập số đã đăng ký (--number) để ký và ban hành.")
    if issued is None:
        d = report.date
        complete = d is not None and d.month and d.day
        issued = date(d.year, d.month, d.day) if complete else date.today()
    report.number = number
    report.date = DocumentDate(issued.year, issued.month, issued.day)
    return number, issued


def appearance_from(settings: SigningSettings, report: Report) -> Appearance:
    def picture(path: str, what: str) -> bytes | None:
        if not path:
            return None
        try:
            return Path(path).read_bytes()
        except OSError:
            raise SigningError(f"Không đọc được ảnh {what} “{path}”; hãy chọn lại trong cài đặt ký số.") from None

    organisation = settings.organisation.strip() or report.organization.name.strip()
    return Appearance(picture(settings.signature_image, "chữ ký"), picture(settings.seal_image, "con dấu"),
                      organisation)


def finish(db: sqlite_utils.Database, prepared: Prepared, pin: str, appearance: Appearance) -> SignResult:
    result = sign_prepared(prepared, pin, appearance)
    record(db, prepared, result)
    return result


def sign_prepared(prepared: Prepared, pin: str, appearance: Appearance) -> SignResult:
    """Sign with the token and write the signed file over the unsigned one (no database use:
    the window runs this on its own thread and records through its writer)."""
    from ..document.export import ExportError, write_atomic

    now = datetime.now(timezone.utc)
    signed = sign_pdf(prepared.pdf, library=prepared.library, certificate=prepared.certificate, pin=pin,
                      placement=prepared.placement, appearance=appearance, now=now)
    try:
        write_atomic(signed, prepared.target)
    except ExportError as error:
        raise SigningError(str(error)) from None
    return SignResult(prepared.certificate.holder, now, sha256_hex(signed))


def record(db: sqlite_utils.Database, prepared: Prepared, result: SignResult) -> None:
    """The report becomes final (when it was a draft) and its history names signer and hash."""
    from ..store.revisions import FINALIZE, add_revision, finalize

    report_id = prepared.report.id
    if prepared.issue is not None:
        finalize(db, report_id, *prepared.issue)
    note = SIGN_NOTE.format(holder=result.holder, when=signing_time_text(result.signed_at),
                            name=prepared.target.name, sha=result.sha256)
    add_revision(db, report_id, FINALIZE, note)
