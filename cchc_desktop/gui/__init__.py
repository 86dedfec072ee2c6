"""The PySide6 window.  Importing it first protects None/True/False from shiboken 6.12 (see refcounts)."""

from . import refcounts as _refcounts

_refcounts.install()
