"""Start-up time of the frozen build against the source run (a measurement, not a test).

    python installer/build.py --no-tarball          # once
    python benchmarks/frozen_startup.py [dist/cchc-desktop] [--runs 5]

Times ``--version`` and the window (offscreen, closed after its first paint through
CCHC_DESKTOP_SMOKE=1, handled by installer/launcher.py), each the median of several runs, with a fresh database folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(command: list[str], runs: int, env: dict[str, str]) -> float:
    """Median wall time; every run gets its own fresh per-user folder (and so database)."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            run_env = {**os.environ, **env, "CCHC_DESKTOP_HOME": home, "PYTHONPATH": str(ROOT)}
            start = time.perf_counter()
            subprocess.run(command, env=run_env, cwd=ROOT, check=True, capture_output=True, timeout=120)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app_dir", nargs="?", type=Path, default=ROOT / "dist" / "cchc-desktop")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    frozen = [str(args.app_dir / "cchc-desktop")]
    # The same entry point from source (PYTHONPATH below), so the smoke option works in both.
    source = [sys.executable, str(ROOT / "installer" / "launcher.py")]
    window = {"QT_QPA_PLATFORM": "offscreen", "CCHC_DESKTOP_SMOKE": "1"}
    # One untimed run each warms the disk cache, as a second start on a clerk's PC would be.
    for command in (frozen, source):
        median_seconds(command + ["--version"], 1, {})
    print(f"{'':10} {'frozen':>8} {'source':>8}")
    for label, extra, env in (("--version", ["--version"], {}), ("window", [], window)):
        times = [median_seconds(command + extra, args.runs, env) for command in (frozen, source)]
        print(f"{label:10} {times[0]:7.2f}s {times[1]:7.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
