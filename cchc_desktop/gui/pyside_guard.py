"""Work around two reference-count bugs of PySide6 6.12.0 (the only PySide6-Pdf on offer).

``SignalInstance.emit()`` returns ``True`` without taking a reference, and ``QObject.property()``
/ ``QTextFormat.property()`` return ``None`` for a missing property the same way; some virtual
overrides drop a reference to ``None`` too. Every such call takes one reference from the
interpreter's single ``True``/``None`` object; after a few hundred to a few thousand (a clerk
typing for some minutes: two signals a keystroke) the count reaches zero and CPython aborts
with "Fatal Python error: bool_dealloc" (or "none_dealloc"). PySide6 6.11.3 has neither bug.

CPython 3.12 made these objects immortal; on 3.11 we do the same by hand: one very large
count added once, so the stolen references never bring them to zero.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA = 1 << 40  # far more references than any session can steal


def pin_singletons() -> bool:
    """Make True, False and None effectively immortal (CPython before 3.12 only); True if done."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12) or getattr(sys, "_cchc_pinned", False):
        return False
    for singleton in (True, False, None):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _EXTRA
    sys._cchc_pinned = True  # type: ignore[attr-defined]  # once per interpreter, whatever imports us
    return True


pin_singletons()
