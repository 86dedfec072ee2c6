"""Sign our exported PDF in place: PAdES baseline B-B with pyHanko, the key on a PKCS#11 token.

The signature is an incremental update (the original bytes stay as they were, byte for byte),
and its visible field lies on the signing space of the signature block (document/signing_space.py).
What the field shows follows Decree 30/2020, Phụ lục I (appearance.py).  The PIN goes straight
to the token; it is never stored, logged or put in any message.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .appearance import Appearance, appearance_pdf
from .errors import NO_CERTIFICATE, SigningError, from_pkcs11
from .tokens import TokenCertificate, check_validity, load_library, token_slots

FIELD_PREFIX = "ChuKySo"  # the signature field's name: ChuKySo1, ChuKySo2 (an organisation's after)


@dataclass(frozen=True)
class Placement:
    page: int  # 0-based
    rect: tuple[float, float, float, float]  # PDF points, origin bottom left


@dataclass(frozen=True)
class SignResult:
    holder: str
    signed_at: datetime  # aware
    sha256: str  # of the signed file


def pick_certificate(certificates: list[TokenCertificate], index: int | None = None) -> TokenCertificate:
    """The certificate to sign with: the one chosen, else the only one (valid ones first)."""
    if not certificates:
        raise SigningError(NO_CERTIFICATE)
    if index is not None:
        if not 0 <= index < len(certificates):
            raise SigningError(f"Không có chứng thư số thứ {index + 1} trên token "
                               f"(token có {len(certificates)} chứng thư số).")
        return certificates[index]
    now = datetime.now(timezone.utc)
    valid = [c for c in certificates if c.valid_at(now)]
    return (valid or certificates)[0]


def sign_pdf(pdf: bytes, *, library: Path | str, certificate: TokenCertificate, pin: str,
             placement: Placement | None, appearance: Appearance, now: datetime | None = None) -> bytes:
    """The signed PDF (the input plus one incremental update); SigningError on any refusal."""
    now = now or datetime.now(timezone.utc)
    check_validity(certificate, now)
    import pkcs11

    library_handle = load_library(library)
    slot = token_slots(library_handle, certificate.slot)[0]
    try:
        with slot.get_token().open(user_pin=pin) as session:
            return _sign_in_session(pdf, session, certificate, placement, appearance, now)
    except pkcs11.PKCS11Error as error:
        raise from_pkcs11(error) from None
    except SigningError:
        raise
    except Exception as error:  # pyHanko wraps the token's error in its own SigningError
        if _token_error(error):
            raise from_pkcs11(error) from None
        raise


def _token_error(error: BaseException) -> bool:
    import pkcs11

    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, pkcs11.PKCS11Error):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def _sign_in_session(pdf: bytes, session, certificate: TokenCertificate, placement: Placement | None,
                     appearance: Appearance, now: datetime) -> bytes:
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.pkcs11 import PKCS11Signer

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    name = _field_name(writer)
    signer = PKCS11Signer(session, cert_id=certificate.object_id or None,
                          cert_label=None if certificate.object_id else certificate.label,
                          signing_cert=asn1_x509.Certificate.load(certificate.der), other_certs_to_pull=None)
    meta = signers.PdfSignatureMetadata(field_name=name, md_algorithm="sha256",
                                        subfilter=fields.SigSeedSubFilter.PADES, reason=None)
    spec, style = None, None
    if placement is not None:
        x1, y1, x2, y2 = placement.rect
        spec = fields.SigFieldSpec(sig_field_name=name, on_page=placement.page, box=(x1, y1, x2, y2))
        style = _static_style(appearance_pdf(appearance, x2 - x1, y2 - y1, certificate.holder, now))
    else:
        spec = fields.SigFieldSpec(sig_field_name=name)  # invisible: a report without a signature block
    pdf_signer = signers.PdfSigner(meta, signer, stamp_style=style, new_field_spec=spec)
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


def _field_name(writer) -> str:
    from pyhanko.sign.fields import enumerate_sig_fields

    taken = {name for name, _, _ in enumerate_sig_fields(writer.prev)}
    index = 1
    while f"{FIELD_PREFIX}{index}" in taken:
        index += 1
    return f"{FIELD_PREFIX}{index}"


def _static_style(page_pdf: bytes):
    """pyHanko's static stamp whose only content is our appearance page (drawn by reportlab)."""
    from pyhanko.stamp import StaticStampStyle

    return StaticStampStyle(background=_page_from_bytes(page_pdf), border_width=0, background_opacity=1.0)


def _page_from_bytes(data: bytes):
    """pyHanko content showing page 1 of a PDF held in memory (pyHanko is imported lazily)."""
    import binascii
    import uuid

    from pyhanko.pdf_utils.content import ImportedPdfPage
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.reader import PdfFileReader

    class PdfBytesPage(ImportedPdfPage):
        """ImportedPdfPage from bytes in memory instead of a file name."""

        def render(self) -> bytes:
            xobj = self._ensure_writer.import_page_as_xobject(PdfFileReader(io.BytesIO(data)), page_ix=0)
            name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
            self.resources.xobject[name.decode("ascii")] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return name + b" Do"

    return PdfBytesPage("", 0)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
