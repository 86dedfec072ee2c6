"""A SoftHSM2 token shared by the signing tests (made once: RSA keys take seconds on this machine)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from . import softhsm


@pytest.fixture(scope="session")
def token(tmp_path_factory: pytest.TempPathFactory) -> softhsm.SoftToken:
    if softhsm.library() is None:
        pytest.skip("SoftHSM2 is not installed (Debian: softhsm2; scripts/install-system-deps.sh --test)")
    folder = tmp_path_factory.mktemp("softhsm")
    # SoftHSM2 reads its config when the library is first initialised in this process: set for good.
    os.environ["SOFTHSM2_CONF"] = str(softhsm.configure(folder))
    return softhsm.make_token(folder)


@pytest.fixture(scope="session")
def pdfsig() -> str:
    found = shutil.which("pdfsig")
    if found is None:
        pytest.skip("poppler's pdfsig is not installed (Debian: poppler-utils)")
    return found


@pytest.fixture
def root_store(token: softhsm.SoftToken, tmp_path: Path) -> list:
    """The test CA as the one root the user trusts."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    return [asn1_x509.Certificate.load(token.ca_cert.public_bytes(Encoding.DER))]
