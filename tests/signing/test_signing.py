"""Signing with a real PKCS#11 token (SoftHSM2): PAdES signature checked by pyHanko and by poppler's
pdfsig, tampering seen by both, pages unchanged outside the field, refusals in Vietnamese."""

from __future__ import annotations

import io
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from cchc_desktop.document.signing_space import pdf_with_signing_space
from cchc_desktop.signing.appearance import Appearance
from cchc_desktop.signing.errors import WRONG_PIN, SigningError
from cchc_desktop.signing.sign import Placement, pick_certificate, sign_pdf
from cchc_desktop.signing.tokens import list_certificates
from cchc_desktop.signing.verify import verify_pdf
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_report

from .softhsm import SoftToken


def _png(color: tuple[int, int, int, int], size: tuple[int, int], ellipse: bool = False) -> bytes:
    """A PNG with a transparent background and a coloured mark (a stand-in signature or seal)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if ellipse:
        draw.ellipse((4, 4, size[0] - 4, size[1] - 4), outline=color, width=8)
    else:
        draw.line((10, size[1] - 20, size[0] // 2, 15, size[0] - 10, size[1] - 30), fill=color, width=6)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


SIGNATURE = _png((0, 0, 200, 255), (400, 160))
SEAL = _png((220, 0, 0, 255), (300, 300), ellipse=True)


@pytest.fixture(scope="module")
def unsigned(tmp_path_factory) -> tuple[bytes, Placement]:
    folder = tmp_path_factory.mktemp("db")
    db = open_database(folder / "cchc.sqlite")
    report = load_report(db, 1)
    db.close()
    pdf, space = pdf_with_signing_space(report)
    assert space is not None
    return pdf, Placement(space.page, space.rect)


def _valid(token: SoftToken):
    return pick_certificate([c for c in list_certificates(token.library) if c.holder == "Nguyễn Văn Ký"])


@pytest.fixture(scope="module")
def signed(token: SoftToken, unsigned) -> bytes:
    pdf, placement = unsigned
    look = Appearance(SIGNATURE, SEAL, "Ủy ban nhân dân xã Thử Nghiệm")
    return sign_pdf(pdf, library=token.library, certificate=_valid(token), pin=token.pin, placement=placement,
                    appearance=look)


def _pdfsig(tool: str, data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    return subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=60).stdout


def test_signature_is_an_incremental_pades_signature_both_tools_accept(signed, unsigned, root_store, pdfsig,
                                                                       tmp_path) -> None:
    pdf, _ = unsigned
    assert signed.startswith(pdf)  # incremental update: the exported bytes stay as they were
    [check] = verify_pdf(signed, root_store)
    assert check.holder == "Nguyễn Văn Ký" and check.issuer == "CCHC Test Root CA"
    assert check.intact and not check.changed_after and check.trusted and check.ok
    assert abs(check.signed_at - datetime.now(timezone.utc)) < timedelta(minutes=5)
    [untrusted] = verify_pdf(signed, [])  # no root trusted: the same signature is not "ok"
    assert untrusted.intact and not untrusted.trusted and not untrusted.ok
    out = _pdfsig(pdfsig, signed, tmp_path)
    assert "Signature is Valid" in out and "Total document signed" in out
    assert "ETSI.CAdES.detached" in out and "Nguyễn Văn Ký" in out


def test_one_changed_byte_is_reported_by_both(signed, unsigned, root_store, pdfsig, tmp_path) -> None:
    pdf, _ = unsigned
    at = pdf.index(b"stream", len(pdf) // 3) + 40  # inside a page's compressed content
    tampered = signed[:at] + bytes([signed[at] ^ 0x01]) + signed[at + 1:]
    [check] = verify_pdf(tampered, root_store)
    assert not check.intact and not check.ok
    assert "THAY ĐỔI" in "\n".join(check.lines())
    out = _pdfsig(pdfsig, tampered, tmp_path)
    assert "Signature is Valid" not in out and ("Digest Mismatch" in out or "Invalid" in out)


def test_a_change_appended_after_signing_is_reported(signed, root_store) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.generic import NameObject, TextStringObject

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    info = writer.root  # an edit of the catalog in a later revision, as a tool changing the file would do
    info[NameObject("/Lang")] = TextStringObject("en")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    [check] = verify_pdf(out.getvalue(), root_store)
    assert check.intact and check.changed_after and check.other_change and not check.ok


def _render(tool_dir: Path, data: bytes, page: int, name: str) -> "object":
    from PIL import Image

    path = tool_dir / f"{name}.pdf"
    path.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "72", "-f", str(page + 1), "-l", str(page + 1), "-png", str(path),
                    str(tool_dir / name)], check=True, timeout=60)
    [png] = sorted(tool_dir.glob(f"{name}-*.png"))
    return Image.open(png).convert("RGB")


def test_pages_render_identical_except_inside_the_field(signed, unsigned, tmp_path) -> None:
    from PIL import ImageChops

    pdf, placement = unsigned
    before = _render(tmp_path, pdf, placement.page, "before")
    after = _render(tmp_path, signed, placement.page, "after")
    assert before.size == after.size
    x1, y1, x2, y2 = placement.rect  # 72 dpi: one pixel per point, y from the top in the image
    height = before.size[1]
    box = (int(x1) - 1, int(height - y2) - 1, int(x2) + 2, int(height - y1) + 2)
    diff = ImageChops.difference(before, after)
    assert diff.crop(box).getbbox() is not None  # the field shows the signature
    outside = diff.copy()
    outside.paste((0, 0, 0), box)
    assert outside.getbbox() is None  # and nothing else on the page moved by a pixel
    other = 0 if placement.page else 1
    assert ImageChops.difference(_render(tmp_path, pdf, other, "b2"),
                                 _render(tmp_path, signed, other, "a2")).getbbox() is None


def test_wrong_pin_is_one_sentence(token: SoftToken, unsigned) -> None:
    pdf, placement = unsigned
    with pytest.raises(SigningError) as caught:
        sign_pdf(pdf, library=token.library, certificate=_valid(token), pin="000000", placement=placement,
                 appearance=Appearance())
    assert str(caught.value) == WRONG_PIN and "000000" not in str(caught.value)


def test_expired_certificate_is_refused_before_the_pin(token: SoftToken, unsigned) -> None:
    pdf, placement = unsigned
    [expired] = [c for c in list_certificates(token.library) if c.holder == "Trần Hết Hạn"]
    with pytest.raises(SigningError, match="đã hết hạn ngày"):
        sign_pdf(pdf, library=token.library, certificate=expired, pin="never-used", placement=placement,
                 appearance=Appearance())
    not_yet = _valid(token)
    with pytest.raises(SigningError, match="chưa có hiệu lực"):
        sign_pdf(pdf, library=token.library, certificate=not_yet, pin=token.pin, placement=placement,
                 appearance=Appearance(), now=not_yet.not_before - timedelta(days=1))


def test_certificates_listed_with_holder_and_validity(token: SoftToken) -> None:
    certificates = list_certificates(token.library)
    assert [c.holder for c in certificates] == ["Trần Hết Hạn", "Nguyễn Văn Ký"]  # by expiry
    assert all(c.object_id and c.token_label == "CCHC Test" for c in certificates)
    assert "hiệu lực" in certificates[1].describe()
