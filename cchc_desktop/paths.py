"""Where things live: bundled resources (source tree or frozen build) and per-user folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "cchc-desktop"
APP_AUTHOR = "cchc-desktop"


def resources_dir() -> Path:
    """The ``resources/`` folder, the same way frozen (PyInstaller) and from source."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


# Overrides every per-user folder at once (tests, portable installs on a USB stick).
HOME_ENV = "CCHC_DESKTOP_HOME"


def data_dir() -> Path:
    """Per-user data folder: the default database and its backups."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def log_dir() -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / "log"
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_database() -> Path:
    return data_dir() / "cchc.sqlite"
