"""Digital signatures (chữ ký số) on our PDFs: PKCS#11 tokens, PAdES signing, verification. No Qt."""

import logging
import warnings

# pyHanko imports cryptography's DSA, deprecated: not ours to fix, and no clerk should read it.
warnings.filterwarnings("ignore", message="DSA is deprecated", module="pyhanko")
# An untrusted chain is a normal answer of "verify", which pyHanko logs with a traceback.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)
