"""The application's settings file (QSettings in the data folder), apart from the window so
helper modules can read it without importing the window."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from cchc_desktop import paths


def settings() -> QSettings:
    """Kept in the data folder (not the registry), so tests and portable installs stay isolated."""
    return QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)
