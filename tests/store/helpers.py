"""Shared helpers for store tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
# The reference report lives beside the repository, in ../shared (not part of the repo).
REFERENCE = REPO_ROOT.parent / "shared" / "reference" / "bao-cao-tuyen-truyen-cchc-6-thang-2024-cuong-gian.txt"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with its hash: proves nothing was written or created."""
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}
