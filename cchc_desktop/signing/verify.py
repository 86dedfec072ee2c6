"""Check the signatures in a PDF: who signed, when, whether the document changed after signing,
and whether the signer's certificate chain reaches a root the user trusts (trust.py).

Offline: nothing is fetched (no revocation lists, no OCSP); a chain that reaches a trusted root
is reported as such, and the sentence says that revocation was not checked.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .errors import SigningError
from .trust import load_roots


@dataclass(frozen=True)
class SignatureCheck:
    field: str
    holder: str
    issuer: str
    signed_at: datetime | None  # as the signer's PC put it in the file (no timestamp authority)
    intact: bool  # the signed bytes are unchanged and the signature matches the certificate
    changed_after: bool  # something was added to the file after this signature (beyond signatures)
    other_change: bool  # … and it is more than later signatures or form filling
    trusted: bool  # the chain reaches a root the user added

    @property
    def ok(self) -> bool:
        return self.intact and not self.other_change and self.trusted

    def lines(self) -> list[str]:
        when = f"{self.signed_at.astimezone():%H:%M:%S ngày %d/%m/%Y}" if self.signed_at else "không rõ"
        out = [f"Chữ ký “{self.field}”: ký bởi {self.holder} (chứng thư do {self.issuer} cấp), lúc {when}."]
        if not self.intact:
            out.append("  NỘI DUNG ĐÃ BỊ THAY ĐỔI sau khi ký: chữ ký không còn khớp với tài liệu.")
        elif self.other_change:
            out.append("  Tài liệu đã bị sửa thêm sau khi ký (phần được ký vẫn nguyên vẹn).")
        elif self.changed_after:
            out.append("  Nội dung được ký còn nguyên vẹn; sau chữ ký này chỉ có thêm chữ ký khác.")
        else:
            out.append("  Nội dung còn nguyên vẹn từ khi ký.")
        if self.trusted:
            out.append("  Chứng thư số dẫn tới chứng thư gốc bạn đã tin cậy (chưa kiểm tra thu hồi vì máy làm việc "
                       "ngoại tuyến).")
        else:
            out.append("  Chứng thư số KHÔNG dẫn tới chứng thư gốc nào bạn đã tin cậy "
                       "(thêm chứng thư gốc: cchc-desktop verify --add-root TỆP).")
        return out


def verify_pdf(data: bytes, roots: list | None = None) -> list[SignatureCheck]:
    """Every signature in the PDF, oldest first; SigningError when the file cannot be read."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    roots = load_roots() if roots is None else roots
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as error:
        raise SigningError("Tệp PDF bị hỏng hoặc không phải PDF; không đọc được chữ ký.") from error
    return [_check(sig, roots) for sig in signatures]


def verify_file(path: Path, roots: list | None = None) -> list[SignatureCheck]:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise SigningError(f"Không đọc được tệp “{path}”.") from error
    return verify_pdf(data, roots)


def _check(sig, roots: list) -> SignatureCheck:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    from .tokens import name_of

    context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
    try:
        status = validate_pdf_signature(sig, context)
    except (SignatureValidationError, ValueError, KeyError, TypeError):
        return _broken(sig)
    cert = _cryptography_cert(status.signing_cert)
    changed = status.coverage != SignatureCoverageLevel.ENTIRE_FILE
    level = status.modification_level
    other = changed and (level is None or level > ModificationLevel.FORM_FILLING)
    return SignatureCheck(field=sig.field_name, holder=name_of(cert.subject), issuer=name_of(cert.issuer),
                          signed_at=status.signer_reported_dt or sig.self_reported_timestamp,
                          intact=bool(status.intact and status.valid), changed_after=changed, other_change=other,
                          trusted=bool(status.trusted))


def _broken(sig) -> SignatureCheck:
    """A signature whose CMS or byte ranges cannot even be checked: reported as not intact."""
    holder, issuer = "không rõ", "không rõ"
    try:
        from .tokens import name_of

        cert = _cryptography_cert(sig.signer_cert)
        holder, issuer = name_of(cert.subject), name_of(cert.issuer)
    except Exception:  # noqa: BLE001 - the damaged signature is reported either way
        pass
    return SignatureCheck(sig.field_name, holder, issuer, None, intact=False, changed_after=True,
                          other_change=True, trusted=False)


def _cryptography_cert(cert):
    from cryptography import x509

    return x509.load_der_x509_certificate(cert.dump())
