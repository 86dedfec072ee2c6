"""CI's quick run of benchmarks/bench_reliability.py (issue 22): the cheap sections in --quick
mode, as a subprocess; the script exits non-zero when a section fails or misses its goal
(formulas in an exported workbook, exit code 3 or > 10 s / > 500 MB on a hostile file, a silent
loss when closing while saves fail) or a refusal case cannot run.  About 70 s on a 2-core
machine.  The kill loops, the two writers, the start-up checks, the limits (70 s alone) and the
window against restore are left to the full benchmark (minutes)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SECTIONS = "refusals,formulas,files,closing"


@pytest.mark.skipif(sys.platform == "win32", reason="the benchmark is POSIX only (SIGKILL, rlimits)")
def test_the_reliability_benchmark_quick_sections_meet_their_goals() -> None:
    started = time.monotonic()
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "bench_reliability.py"), "--quick",
                             "--only", SECTIONS], capture_output=True, text=True, cwd=REPO, timeout=300)
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    summary = json.loads(result.stdout[result.stdout.index("\n{") + 1:])
    assert summary["failed"] == [] and summary["goals_missed"] == []
    assert summary["formulas"]["formulas"] == 0
    assert summary["files"]["exit_3_or_crash"] == 0 and summary["files"]["files"] >= 10
    assert summary["closing"]["silent_losses"] == 0
    print(f"bench_reliability --quick --only {SECTIONS}: {seconds:.0f} s")
