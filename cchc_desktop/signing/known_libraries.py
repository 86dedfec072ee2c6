"""File names of the PKCS#11 libraries that Vietnamese CA tokens install on Windows.

Data, not code.  Gathered from the file lists of the CAs' public token installers (Token
Manager / plugin setups) as other public signing tools look for them; none is shipped or
loaded by us unless the clerk's PC has it.  A CA's new driver version is one more name here.
Order: most common first (the first one found is offered first).
"""

from __future__ import annotations

# CA (as clerks know it) -> DLL file names, looked for in System32 and under Program Files.
WINDOWS: dict[str, tuple[str, ...]] = {
    "Viettel-CA": ("viettel-ca_v6.dll", "viettel-ca_v5.dll", "viettel-ca_v4.dll", "viettel-ca_v3.dll",
                   "viettel-ca_v2.dll", "viettel-ca_v1.dll", "viettel-ca.dll", "viettel-ca_v2_s.x64.dll"),
    "VNPT-CA": ("vnptca_p11_v10.dll", "vnptca_p11_v9.dll", "vnptca_p11_v8.dll", "vnptca_p11_v7.dll",
                "vnptca_p11_v6.dll", "vnpt-ca_csp11.dll", "vnpt-ca_v34.dll", "vnpt-ca_cl_v1.dll"),
    "BKAV-CA": ("BkavCA.dll", "BkavCAv2S.dll", "bkavcaetoken.dll", "BkavCA_P11.dll"),
    "FPT-CA": ("fpt-ca.dll", "fptca_v3.dll", "fpt-ca-stx.dll"),
    "Newtel-CA": ("NEWTEL-CA.dll",),
    "CA2 (Nacencomm)": ("CA2_csp11.dll", "CA2_v34.dll", "ShuttleCsp11_3003.dll"),
    "Vina-CA": ("Vina-CA.dll", "Vina-CAv5.dll", "Vina-CAv4.dll", "Vina-CAv3.dll"),
    "SAFE-CA": ("safe-ca.dll",),
    "NC-CA": ("ncca_csp11_v1.dll",),
    "SafeNet eToken": ("eTPKCS11.dll",),
    "ePass2003 (Feitian)": ("eps2003csp11.dll", "eps2003csp11v2.dll"),
    "WatchData": ("wdpkcs.dll",),
}

# Linux and the tests: SoftHSM2 and OpenSC as Debian installs them.
LINUX: tuple[str, ...] = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
    "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so",
)
