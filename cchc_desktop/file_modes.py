"""Permission bits of the files we write through a temporary file (exports, exchange files).

``tempfile.mkstemp`` creates 0o600 files and ``os.replace`` keeps that mode: an exported
report would then be private to the clerk whatever the umask.  A replaced file keeps its own
mode; a new one gets what any program's new file gets (0o666 less the umask).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def final_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode) & 0o777
    except OSError:
        umask = os.umask(0o022)  # reading the umask means setting it: put it straight back
        os.umask(umask)
        return 0o666 & ~umask


def set_mode(fd: int, mode: int) -> None:
    if hasattr(os, "fchmod"):  # POSIX; Windows has no such bits (read-only is checked apart)
        try:
            os.fchmod(fd, mode)
        except OSError:
            pass  # a file system without modes (FAT stick): the file is still written
