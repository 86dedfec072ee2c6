"""Import benchmark: words kept per fixture, time to import, and the export → import → export
round trip over generated reports.

    .venv/bin/python benchmarks/bench_import.py [--round-trips 500]

Goals (issue 14): ≥ 99.5 % of the words on every fixture; a 36-page report with 7 appendix
forms in ≤ 1 s; a 200-page one in ≤ 5 s; round trip identical over ≥ 500 generated reports.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cchc_desktop.importing import import_docx  # noqa: E402
from cchc_desktop.importing.words import kept_in_order, report_tokens  # noqa: E402
from tests.importing.make_fixtures import FIXTURES, build, f99_two_hundred_pages  # noqa: E402


def pages_of(path: Path) -> str:
    """Page count by LibreOffice when it is installed (for the record), else '?'."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        return "?"
    out = path.parent / "pdf"
    out.mkdir(exist_ok=True)
    subprocess.run([soffice, f"-env:UserInstallation={(path.parent / 'lo-profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(path)], capture_output=True, timeout=300)
    pdf = out / (path.stem + ".pdf")
    if not pdf.exists():
        return "?"
    from pypdf import PdfReader

    return str(len(PdfReader(str(pdf)).pages))


def time_import(path: Path, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        import_docx(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def round_trips(count: int) -> tuple[int, int, int]:
    from hypothesis import HealthCheck, Phase, assume, given, settings

    from tests.importing.roundtrip import round_trip
    from tests.strategies import reports

    same = differ = refused = 0

    @settings(max_examples=count, phases=[Phase.generate], deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(reports())
    def check(report):
        nonlocal same, differ, refused
        try:
            first, second = round_trip(report, Path(tempfile.mkdtemp()))
        except ValueError:
            refused += 1  # the exporter refuses this report (control characters in the subject)
            assume(False)  # not counted: generate another one
            return
        if first == second:
            same += 1
        else:
            differ += 1
            if differ <= 3:  # show what differs, for the record
                for a, b in zip(first, second):
                    if a != b:
                        print("  differs:", repr(a)[:300], "\n       vs:", repr(b)[:300])
                        break
                else:
                    print("  differs in length:", len(first), len(second))

    check()
    return same, differ, refused


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--round-trips", type=int, default=500)
    parser.add_argument("--pages", action="store_true", help="count pages with LibreOffice")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    print(f"{'fixture':28} {'words':>7} {'kept':>8} {'time':>8} {'entries':>7} {'pages':>5}")
    for function in FIXTURES + [f99_two_hundred_pages]:
        path, builder, _expect = build(function, folder)
        result = import_docx(path)
        kept, total = kept_in_order(builder.source, report_tokens(result.report))
        seconds = time_import(path)
        pages = pages_of(path) if args.pages else ""
        print(f"{function.__name__[4:]:28} {total:7d} {100 * kept / total:7.2f}% {seconds:7.3f}s "
              f"{len(result.entries):7d} {pages:>5}")
    if args.round_trips:
        start = time.perf_counter()
        same, differ, refused = round_trips(args.round_trips)
        print(f"round trip export → import → export: {same} identical, {differ} different, "
              f"{refused} refused by the exporter, of {same + differ + refused} generated "
              f"({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
