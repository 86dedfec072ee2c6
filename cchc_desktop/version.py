"""The program's version, and ``--version`` answered before the commands are imported.

``cchc-desktop --version`` is what an installer or a support call runs first: importing every
sub-command (SQLite, the checks, the templates…) would make it wait for nothing.
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

FALLBACK_VERSION = "0.1.0"  # frozen builds carry no package metadata; keep equal to pyproject


def version() -> str:
    try:
        return metadata.version("cchc-desktop")
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            import tomllib

            return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
        except (OSError, ValueError, KeyError):
            return FALLBACK_VERSION


def answered_version(argv: list[str] | None = None) -> bool:
    """Print the version and return True when the command line is exactly ``--version``."""
    args = sys.argv[1:] if argv is None else argv
    if args != ["--version"]:
        return False
    print(f"cchc-desktop {version()}")
    return True
