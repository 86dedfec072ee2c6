"""Vietnamese for Qt's own strings: file and print dialogs, print preview, page setup, message
boxes, the right-click menu of text fields, standard buttons.  Qt ships no Vietnamese.

``resources/translations/qt_vi.ts`` is the source (contexts and source strings are Qt's own);
``qt_vi.qm`` beside it is the compiled file, committed and checked against the .ts by a test.
When the .qm is missing (a checkout that dropped it), it is compiled at start with PySide6's
``lrelease`` into the per-user cache folder.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from cchc_desktop import paths

log = logging.getLogger(__name__)
NAME = "qt_vi"


def source_ts() -> Path:
    return paths.resources_dir() / "translations" / f"{NAME}.ts"


def lrelease() -> Path | None:
    """PySide6's lrelease (inside the wheel), or one on PATH."""
    import shutil

    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / "lrelease", folder / "lrelease.exe", folder / "Qt" / "libexec" / "lrelease"):
        if candidate.exists():
            return candidate
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def compile_ts(ts: Path, qm: Path) -> bool:
    import subprocess  # only when no compiled translation is there yet (not at every start)

    tool = lrelease()
    if tool is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True,
                            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0)
    if result.returncode != 0:
        log.warning("lrelease failed: %s", result.stderr.strip())
    return result.returncode == 0 and qm.exists()


def cache_dir() -> Path:
    import os

    import platformdirs

    override = os.environ.get(paths.HOME_ENV)
    if override:
        return Path(override) / "cache"
    return Path(platformdirs.user_cache_dir(paths.APP_NAME, paths.APP_AUTHOR))


def qm_file() -> Path | None:
    """The compiled translation: shipped, else compiled now into the cache folder."""
    shipped = source_ts().with_suffix(".qm")
    if shipped.exists():
        return shipped
    cached = cache_dir() / f"{NAME}.qm"
    ts = source_ts()
    if cached.exists() and ts.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    if ts.exists() and compile_ts(ts, cached):
        return cached
    return None


def install(app: QCoreApplication) -> QTranslator | None:
    """Load and install the Vietnamese Qt translation (kept alive as a child of the application)."""
    existing = app.findChild(QTranslator, "cchc_qt_vi")
    if existing is not None:
        return existing
    path = qm_file()
    if path is None:
        log.warning("No Vietnamese Qt translation found (%s)", source_ts())
        return None
    translator = QTranslator(app)
    translator.setObjectName("cchc_qt_vi")
    if not translator.load(str(path)):
        log.warning("Could not load %s", path)
        return None
    app.installTranslator(translator)
    return translator
