"""The root certificates the user trusts: files the user added, in a folder of their own.

We ship none: which CA roots an office trusts (the national root of the Ministry's CA, a
private CA's) is the office's decision, so the list starts empty and ``add_root`` fills it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import paths
from .errors import SigningError

FOLDER = "chung-thu-goc"
SUFFIXES = (".cer", ".crt", ".pem", ".der")


def roots_dir() -> Path:
    return paths.data_dir() / FOLDER


def _load(data: bytes):
    from cryptography import x509

    if b"-----BEGIN" in data:
        return x509.load_pem_x509_certificate(data)
    return x509.load_der_x509_certificate(data)


def read_certificate(path: Path):
    """A certificate file (PEM or DER); SigningError with a sentence when it is not one."""
    try:
        return _load(Path(path).read_bytes())
    except OSError as error:
        raise SigningError(f"Không đọc được tệp “{path}”.") from error
    except ValueError as error:
        raise SigningError(f"Tệp “{Path(path).name}” không phải là một chứng thư số (.cer, .crt, .pem).") from error


def add_root(path: Path, folder: Path | None = None) -> Path:
    """Copy a root certificate into the trusted folder (as DER, named by its fingerprint)."""
    from cryptography.hazmat.primitives.serialization import Encoding

    cert = read_certificate(path)
    der = cert.public_bytes(Encoding.DER)
    folder = folder or roots_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{hashlib.sha256(der).hexdigest()[:16]}.cer"
    target.write_bytes(der)
    return target


def load_roots(folder: Path | None = None) -> list:
    """The trusted roots as asn1crypto certificates (what pyHanko's validator takes)."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    folder = folder or roots_dir()
    roots = []
    if not folder.is_dir():
        return roots
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() not in SUFFIXES:
            continue
        try:
            cert = _load(file.read_bytes())
        except (OSError, ValueError):
            continue  # a stray file in the folder is not a root
        roots.append(asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER)))
    return roots
