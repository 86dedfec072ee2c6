"""Checker benchmark: run_checks on the sample and on the long report (goal ≤ 100 ms).

    python benchmarks/bench_checks.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cchc_desktop.core.checks import run_checks, spelling  # noqa: E402
from cchc_desktop.core.periods import _phrases  # noqa: E402
from cchc_desktop.core.templates import load_sample  # noqa: E402
from long_report import make_long_report  # noqa: E402

GOAL_MS = 100.0


def timings(report, repeat: int, finalizing: bool, cold: bool, clock=time.perf_counter) -> list[float]:
    """Milliseconds per run; ``cold`` empties the period-phrase and spelling caches first (a
    first check).  ``clock=time.process_time`` gives the CPU time, which other programs on a
    busy machine do not inflate."""
    result = []
    for _ in range(repeat):
        if cold:
            _phrases.cache_clear()
            for cache in (spelling._misspellings, spelling._doubled_cached, spelling._lower_runs, spelling.unaccented,
                          spelling._hyphenated):
                cache.cache_clear()
        start = clock()
        run_checks(report, finalizing=finalizing)
        result.append((clock() - start) * 1000)
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    long = make_long_report()
    blocks = sum(len(s.blocks) for s in long.sections)
    ok = True
    for name, report in (("sample", load_sample()), (f"long ({blocks} blocks, {len(long.appendix.rows)} rows)", long)):
        found = len(run_checks(report))
        for cold in (True, False):
            times = timings(report, args.repeat, finalizing=True, cold=cold)
            cpu = timings(report, args.repeat, finalizing=True, cold=cold, clock=time.process_time)
            best, median = min(times), statistics.median(times)
            ok &= median <= GOAL_MS
            print(f"{name}, {'cold' if cold else 'warm'}: best {best:.1f} ms, median {median:.1f} ms "
                  f"(CPU time median {statistics.median(cpu):.1f} ms), {found} findings")
    print("goal ≤ 100 ms:", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
