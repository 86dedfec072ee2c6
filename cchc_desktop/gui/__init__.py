"""The Qt window. Importing it first guards against PySide6 6.12.0's reference-count bugs."""

from . import pyside_guard  # noqa: F401
