"""A real PKCS#11 token for the tests: SoftHSM2 with a test CA and signer certificates.

The token, its keys (generated on the token, as a CA's token holds them) and the certificates
(made with ``cryptography``, signed by a test CA made here) live in a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

PIN = "123456"
SO_PIN = "12345678"
TOKEN_LABEL = "CCHC Test"
LIBRARIES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")


def library() -> str | None:
    return next((p for p in LIBRARIES if os.path.isfile(p)), None) if shutil.which("softhsm2-util") else None


@dataclass
class SoftToken:
    library: str
    pin: str
    ca_cert_pem: bytes
    ca_cert: x509.Certificate
    folder: Path


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ủy ban nhân dân xã Thử Nghiệm"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _ca() -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(_name("CCHC Test Root CA")).issuer_name(_name("CCHC Test Root CA"))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=365)).not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))
    return key, cert


def _signer_cert(ca_key, ca_cert, public_key, holder: str, start: datetime, end: datetime) -> x509.Certificate:
    return (x509.CertificateBuilder().subject_name(_name(holder)).issuer_name(ca_cert.subject)
            .public_key(public_key).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))


def make_token(folder: Path) -> SoftToken:
    """Init a token (SOFTHSM2_CONF must already point at ``folder``'s config) with two keys:
    id 01 "Nguyễn Văn Ký" valid now, id 02 "Trần Hết Hạn" whose certificate expired."""
    import pkcs11
    from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass

    lib_path = library()
    assert lib_path
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL, "--pin", PIN,
                    "--so-pin", SO_PIN], check=True, capture_output=True, env=os.environ.copy())
    ca_key, ca_cert = _ca()
    lib = pkcs11.lib(os.path.realpath(lib_path))  # the name signing/tokens.py loads it by
    lib.reinitialize()  # the token was made after the library was first loaded in this process
    token = lib.get_token(token_label=TOKEN_LABEL)
    now = datetime.now(timezone.utc)
    people = ((b"\x01", "Nguyễn Văn Ký", now - timedelta(days=30), now + timedelta(days=365)),
              (b"\x02", "Trần Hết Hạn", now - timedelta(days=800), now - timedelta(days=2)))
    with token.open(rw=True, user_pin=PIN) as session:
        for key_id, holder, start, end in people:
            public, _private = session.generate_keypair(KeyType.RSA, 2048, id=key_id, label=holder, store=True)
            numbers = rsa.RSAPublicNumbers(int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big"),
                                           int.from_bytes(public[Attribute.MODULUS], "big"))
            cert = _signer_cert(ca_key, ca_cert, numbers.public_key(), holder, start, end)
            session.create_object({
                Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True, Attribute.ID: key_id, Attribute.LABEL: holder,
                Attribute.SUBJECT: cert.subject.public_bytes(), Attribute.ISSUER: cert.issuer.public_bytes(),
                Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER)})
    return SoftToken(lib_path, PIN, ca_cert.public_bytes(serialization.Encoding.PEM), ca_cert, folder)


def configure(folder: Path) -> Path:
    """A SoftHSM2 config whose tokens live in ``folder``; returns the config file."""
    tokens = folder / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n",
                    encoding="utf-8")
    return conf
