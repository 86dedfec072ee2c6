"""PKCS#11 tokens: find the library, list the certificates on a token (no PIN needed for that).

The clerk's token comes with its CA's PKCS#11 library (a DLL on Windows).  The path is asked
once and remembered (signing/settings.py); to help the first time, ``candidate_libraries``
offers the files the common Vietnamese CA installers put on the PC (known_libraries.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import known_libraries
from .errors import NO_TOKEN, SigningError, from_pkcs11, library_error

SEARCH_DEPTH = 3  # folders below Program Files: "Viettel-CA\Token Manager\x64\…" at most


@dataclass(frozen=True)
class Library:
    path: Path
    maker: str  # "Viettel-CA", "SoftHSM2", … (for the list offered to the clerk)


@dataclass(frozen=True)
class TokenCertificate:
    slot: int
    token_label: str
    label: str  # the certificate object's label on the token
    object_id: bytes  # CKA_ID: the private key carries the same one
    holder: str  # the subject's common name (or the whole subject)
    issuer: str
    not_before: datetime  # aware, UTC
    not_after: datetime
    der: bytes

    def valid_at(self, moment: datetime) -> bool:
        return self.not_before <= moment <= self.not_after

    def describe(self) -> str:
        """One line for a list: holder, issuer, validity in dd/mm/yyyy."""
        return (f"{self.holder} — cấp bởi {self.issuer} — hiệu lực "
                f"{self.not_before:%d/%m/%Y} đến {self.not_after:%d/%m/%Y}")


def candidate_libraries(env: dict[str, str] | None = None, platform: str = sys.platform) -> list[Library]:
    """The PKCS#11 libraries present on this PC that we know by name, most common first."""
    env = dict(os.environ if env is None else env)
    if platform != "win32":
        return [Library(Path(p), _linux_maker(p)) for p in known_libraries.LINUX if Path(p).is_file()]
    system_root = Path(env.get("SystemRoot") or env.get("WINDIR") or r"C:\Windows")
    folders = [system_root / "System32"]
    roots = [Path(env[name]) for name in ("ProgramFiles", "ProgramW6432") if env.get(name)]
    found: dict[str, Library] = {}
    wanted = {name.lower(): maker for maker, names in known_libraries.WINDOWS.items() for name in names}
    for path in _files(folders, roots):
        maker = wanted.get(path.name.lower())
        if maker and str(path).lower() not in found:
            found[str(path).lower()] = Library(path, maker)
    order = {name.lower(): index for index, name in enumerate(wanted)}
    return sorted(found.values(), key=lambda lib: order[lib.path.name.lower()])


def _linux_maker(path: str) -> str:
    return "SoftHSM2" if "softhsm" in path else "OpenSC"


def _files(flat: Iterable[Path], deep: Iterable[Path]) -> Iterable[Path]:
    """The DLLs directly in ``flat`` folders and down to SEARCH_DEPTH under ``deep`` ones."""
    for folder in flat:
        yield from _dlls(folder)
    for root in deep:
        level = [root]
        for _ in range(SEARCH_DEPTH):
            below: list[Path] = []
            for folder in level:
                yield from _dlls(folder)
                below += _subfolders(folder)
            level = below


def _dlls(folder: Path) -> list[Path]:
    try:
        return [entry for entry in folder.iterdir() if entry.suffix.lower() == ".dll" and entry.is_file()]
    except OSError:
        return []


def _subfolders(folder: Path) -> list[Path]:
    try:
        return [entry for entry in folder.iterdir() if entry.is_dir()]
    except OSError:
        return []


def load_library(path: Path | str):
    """python-pkcs11's handle on the library (loaded once per process and path)."""
    import pkcs11

    path = str(path)
    if not Path(path).is_file():
        raise SigningError(library_error(path))
    try:
        # One handle per file: a second C_Initialize through a symlink's name would fail.
        return pkcs11.lib(os.path.realpath(path))
    except (OSError, RuntimeError) as error:  # not a PKCS#11 library, wrong bitness, broken install
        if isinstance(error, pkcs11.PKCS11Error):
            raise from_pkcs11(error) from None
        raise SigningError(library_error(path)) from None


def token_slots(library, slot: int | None = None) -> list:
    """Slots holding a token (one slot when ``slot`` names it)."""
    import pkcs11

    try:
        slots = [s for s in library.get_slots(token_present=True) if _initialised(s)]
    except pkcs11.PKCS11Error as error:
        raise from_pkcs11(error) from None
    if not slots:
        raise SigningError(NO_TOKEN)
    if slot is not None:
        chosen = [s for s in slots if s.slot_id == slot]
        if not chosen:
            present = ", ".join(str(s.slot_id) for s in slots)
            raise SigningError(f"Không có token ở khe số {slot}; token đang cắm ở khe số {present}.")
        return chosen
    return slots


def _initialised(slot) -> bool:
    """A reader or SoftHSM's spare slot holds an empty, uninitialised token: not offered."""
    import pkcs11

    try:
        return bool(slot.get_token().flags & pkcs11.TokenFlag.TOKEN_INITIALIZED)
    except pkcs11.PKCS11Error:
        return False


def list_certificates(path: Path | str, slot: int | None = None) -> list[TokenCertificate]:
    """Every certificate on the token(s), holder and validity read from the certificate itself; in a
    fixed order (slot, then expiry) so that "the Nth certificate" names the same one each time."""
    import pkcs11
    from pkcs11 import Attribute, ObjectClass

    library = load_library(path)
    found: list[TokenCertificate] = []
    for token_slot in token_slots(library, slot):
        try:
            token = token_slot.get_token()
            with token.open() as session:
                for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
                    cert = _certificate(token_slot.slot_id, token.label, obj)
                    if cert is not None:
                        found.append(cert)
        except pkcs11.PKCS11Error as error:
            raise from_pkcs11(error) from None
    return sorted(found, key=lambda c: (c.slot, c.not_after, c.holder, c.object_id))


def _certificate(slot: int, token_label: str, obj) -> TokenCertificate | None:
    from pkcs11 import Attribute
    from cryptography import x509

    try:
        der = bytes(obj[Attribute.VALUE])
        cert = x509.load_der_x509_certificate(der)
    except Exception:  # noqa: BLE001 - an object we cannot read is not offered, the others are
        return None
    try:
        object_id = bytes(obj[Attribute.ID])
    except Exception:  # noqa: BLE001 - CKA_ID is optional
        object_id = b""
    label = ""
    try:
        label = str(obj[Attribute.LABEL])
    except Exception:  # noqa: BLE001 - so is the label
        pass
    return TokenCertificate(slot, token_label.strip(), label, object_id, name_of(cert.subject),
                            name_of(cert.issuer), cert.not_valid_before_utc, cert.not_valid_after_utc, der)


def name_of(name) -> str:
    """A certificate name as people read it: the common name, else the whole name."""
    from cryptography.x509.oid import NameOID

    common = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(common[0].value) if common else name.rfc4514_string()


def check_validity(cert: TokenCertificate, moment: datetime | None = None) -> None:
    """An expired or not-yet-valid certificate is refused before the PIN is even used."""
    moment = moment or datetime.now(timezone.utc)
    if moment < cert.not_before:
        raise SigningError(f"Chứng thư số của {cert.holder} chưa có hiệu lực (có hiệu lực từ "
                           f"{cert.not_before.astimezone():%d/%m/%Y}); chưa thể dùng để ký.")
    if moment > cert.not_after:
        raise SigningError(f"Chứng thư số của {cert.holder} đã hết hạn ngày "
                           f"{cert.not_after.astimezone():%d/%m/%Y}; hãy gia hạn với nhà cung cấp "
                           "chữ ký số rồi ký lại.")
