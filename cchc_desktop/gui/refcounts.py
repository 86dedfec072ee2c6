"""Shiboken 6.12 on Python 3.11: None and True lose a reference on (almost) every Qt call.

PySide6/shiboken6 6.12.0 (the abi3 wheels) return None from void methods and pass True to
signal emissions without taking a reference, as if they were immortal objects — which they
are from Python 3.12 on, but not on 3.11.  Every repaint, setText or emit then lowers the
reference count of None (or True) by one; after a long session, or when the interpreter
clears its modules at exit, it reaches zero and Python aborts with "Fatal Python error:
none_dealloc" / "bool_dealloc" (measured: about 2 per processed event, hundreds per list
refresh).  PySide6-Pdf exists only as 6.12, so we cannot go back to 6.11.

The cure is what Python 3.12 does: make None, True and False immortal — give them a
reference count so large that no session can use it up.  ``install()`` measures the loss
first and only then raises the counts; on Python 3.12+ it does nothing.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys

log = logging.getLogger(__name__)
RESERVE = 1 << 40  # a trillion lost references: centuries of repaints
DISABLE_ENV = "CCHC_DESKTOP_NO_REFCOUNT_GUARD"  # diagnostics only: shows the abort the guard prevents
_installed = False


def leaks_none() -> bool:
    """True when a void Qt call lowers the reference count of None."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 50


def leaks_true() -> bool:
    """True when a Python-side ``Signal.emit()`` lowers the reference count of True."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    before = sys.getrefcount(True)
    for _ in range(100):
        probe.ping.emit()
    return sys.getrefcount(True) < before - 50


def reference_count(obj: object) -> int:
    return sys.getrefcount(obj)


def install() -> bool:
    """Make None/True/False immortal when this Qt binding drops their references (Python < 3.12)."""
    global _installed
    if _installed:
        return True
    if sys.version_info >= (3, 12) or os.environ.get(DISABLE_ENV) or not (leaks_none() or leaks_true()):
        return False
    for obj in (None, True, False):
        # CPython < 3.12: ob_refcnt is the first Py_ssize_t of every object; we hold the GIL.
        ctypes.c_ssize_t.from_address(id(obj)).value += RESERVE
    _installed = True
    log.info("Qt binding drops references to None/True: made them immortal (shiboken 6.12 on Python %s)",
             sys.version.split()[0])
    return True


def installed() -> bool:
    return _installed
