"""PySide6 6.12.0 steals a reference to True on every signal emit: the guard keeps us alive."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import cchc_desktop.gui  # the guard
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Source(QObject):
    fired = Signal()
source = Source()
holder = QObject()
for _ in range(20000):  # a long typing session: two signals a keystroke
    source.fired.emit()
    holder.property("missing")
print("alive")
"""


def test_many_signals_and_missing_properties_do_not_abort_the_interpreter() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", **__import__("os").environ})
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "alive"
