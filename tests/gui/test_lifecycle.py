"""The window opened, edited, exported, previewed and closed 50 times, then a normal exit: no abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cchc_desktop.gui import refcounts

DRIVER = Path(__file__).with_name("lifecycle_driver.py")


def test_fifty_sessions_end_without_a_fatal_error(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CCHC_DESKTOP_HOME=str(tmp_path / "home"))
    result = subprocess.run([sys.executable, str(DRIVER), str(tmp_path / "cchc.sqlite"), str(tmp_path), "50"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert "Fatal Python error" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    assert "CYCLE 49" in result.stdout and result.stdout.rstrip().endswith("DONE")


def test_none_and_true_survive_any_number_of_qt_calls(qapp) -> None:
    """Either the binding keeps its references, or the guard made None/True/False immortal."""
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal()

    emitter = Emitter()
    emitter.fired.connect(lambda: None)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(1000):
        emitter.setObjectName("x")
        emitter.fired.emit()
    lost = before[0] - sys.getrefcount(None), before[1] - sys.getrefcount(True)
    if lost[0] > 500 or lost[1] > 500:  # shiboken 6.12 on Python 3.11
        assert refcounts.installed()
        assert min(sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)) > refcounts.RESERVE // 2
