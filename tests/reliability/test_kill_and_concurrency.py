"""kill -9 loops, two programs writing one database, the start-up check during writes.

Few rounds here (CI time); benchmarks/bench_reliability.py runs the same scenarios with
≥ 100 rounds each and prints the figures.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from . import scenarios

posix_only = pytest.mark.skipif(os.name == "nt", reason="SIGKILL and POSIX signals; Windows: see the report")


# The autosaver saves 0.4 s after the first unsaved keystroke; the promise is ≤ 1 s lost.  On a
# shared CI machine timers can run late, so the test allows 0.5 s of scheduling on top (typing
# lasts ≥ 2 s before the kill, so the old "wait for a pause" autosave fails it every time); the
# benchmark reports the exact figures against 1 s.
SCHEDULING_ALLOWANCE_S = 0.5


@posix_only
@pytest.mark.parametrize("rhythm", ["continuous", "random"])
def test_killed_window_loses_at_most_a_second_of_typing(tmp_path: Path, isolated_home: Path, rhythm: str) -> None:
    figures = scenarios.typing_kill_rounds(tmp_path / "cchc.sqlite", isolated_home, rounds=2, rhythm=rhythm,
                                           typing_seconds=(2.0, 3.5))
    assert figures["corrupt"] == 0
    assert figures["worst_lost_s"] <= 1.0 + SCHEDULING_ALLOWANCE_S, figures


@posix_only
@pytest.mark.parametrize("kind", ["import", "backup", "restore"])
def test_killed_commands_never_corrupt_or_lose(tmp_path: Path, isolated_home: Path, kind: str) -> None:
    figures = scenarios.command_kill_rounds(tmp_path, isolated_home, kind, rounds=5)
    assert figures["corrupt"] == 0, figures
    assert figures["lost"] == 0, figures
    assert figures["leftover_temporaries"] == 0, figures


# The two tests below are meant for Windows too (no signals, no POSIX calls).
def test_window_and_command_line_together_lose_nothing(tmp_path: Path, isolated_home: Path) -> None:
    """The issue's reproduction, smaller: the window types while the command line imports,
    deletes and restores; every committed change is in the end state."""
    figures = scenarios.two_writers(tmp_path, isolated_home, imports=8, deletes=4, restores=2)
    assert figures["command_failures"] == [] and figures["window_failures"] == [], figures
    assert figures["window_exit"] == 0
    assert figures["lost_imports"] == 0 and figures["lost_deletes"] == 0, figures
    assert figures["typed_characters"] > 0 and figures["saved_characters"] == figures["typed_characters"], figures
    assert figures["integrity"] == "ok"


def test_start_up_check_during_concurrent_writes_has_no_false_verdict(tmp_path: Path, isolated_home: Path) -> None:
    figures = scenarios.startup_checks(tmp_path, isolated_home, checks=300, writers=2)
    assert figures["false_damaged_window"] == 0, figures
    assert figures["false_damaged_command_line"] == 0, figures
    assert figures["integrity"] == "ok"
    assert not list(scenarios.moved(tmp_path))
