"""One window per database: a lock file in the data folder keyed on the database path."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile

from cchc_desktop import paths


def lock_path(database: Path) -> Path:
    key = hashlib.sha1(str(database.resolve()).casefold().encode("utf-8")).hexdigest()[:16]
    return paths.data_dir() / f"instance-{key}.lock"


def acquire(database: Path) -> QLockFile | None:
    """The held lock, or None when another running instance has this database open.

    A lock left by a killed process is taken over (QLockFile checks the owner's PID).
    Keep the returned object alive for the life of the window.
    """
    target = lock_path(database)
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(target))
    lock.setStaleLockTime(0)  # never time out a live owner; dead owners are detected by PID
    if lock.tryLock(200):
        return lock
    if lock.removeStaleLockFile() and lock.tryLock(0):
        return lock
    return None
