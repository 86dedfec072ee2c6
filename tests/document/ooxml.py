"""Schema and semantic validation of the DOCX files we write (the checks Word's "repair" uses).

``assert_valid_docx(path_or_bytes)`` runs ``openxml-audit`` (pure Python: the ECMA-376 /
Office 2019 schemas plus semantic rules such as dangling relationship ids, element order,
attribute values, empty table cells) and fails with every finding listed. Reuse it for any new
DOCX output (tables, footnotes, ...): LibreOffice opens broken files without a word, Word does not.
"""

from __future__ import annotations

import io
import tempfile
from functools import lru_cache
from pathlib import Path

from openxml_audit import OpenXmlValidator


@lru_cache(maxsize=1)
def validator() -> OpenXmlValidator:
    return OpenXmlValidator()


def docx_findings(source: Path | str | bytes) -> list[str]:
    """Every error the validator reports for a DOCX file (a path) or its bytes; [] when valid."""
    if isinstance(source, (bytes, bytearray, io.BytesIO)):
        data = source.getvalue() if isinstance(source, io.BytesIO) else bytes(source)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "document.docx"
            path.write_bytes(data)
            return docx_findings(path)
    result = validator().validate(str(source))
    return [str(error) for error in result.errors]


def assert_valid_docx(source: Path | str | bytes, what: str = "") -> None:
    findings = docx_findings(source)
    assert findings == [], f"{what or source}: {len(findings)} OOXML finding(s):\n" + "\n".join(findings[:20])
