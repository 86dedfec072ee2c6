"""What signing remembers between uses: the PKCS#11 library's path and the two pictures.

One small JSON file in the user's data folder.  The PIN is not a setting: it is never written
anywhere.  The pictures are kept by path (the clerk's own files), and read at each signing.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .. import paths

FILE_NAME = "ky-so.json"


@dataclass
class SigningSettings:
    library: str = ""  # PKCS#11 library (DLL) path
    signature_image: str = ""  # the signer's signature, PNG with a transparent background
    seal_image: str = ""  # the organisation's seal, PNG; empty: the organisation does not sign
    organisation: str = ""  # printed beside the seal; empty: the report's organisation name


def settings_path() -> Path:
    return paths.data_dir() / FILE_NAME


def load(path: Path | None = None) -> SigningSettings:
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return SigningSettings()  # none yet, or unreadable: asked again, nothing is lost
    known = {f.name for f in fields(SigningSettings)}
    if not isinstance(data, dict):
        return SigningSettings()
    return SigningSettings(**{k: str(v) for k, v in data.items() if k in known and isinstance(v, str)})


def save(settings: SigningSettings, path: Path | None = None) -> None:
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(path.name + ".tmp")
    scratch.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(scratch, path)
