"""Reliability benchmark (issue 12): the hostile tester's runs, with many rounds, and the
costs at the input limits.

    python benchmarks/bench_reliability.py [--rounds 100] [--checks 2000] [--only typing,commands,...]

Sections (all by default):
  typing    kill -9 of the typing window, continuous and random rhythm (rounds each)
  commands  kill -9 during import, backup and restore (rounds each)
  writers   the window typing while the command line imports 30×, deletes 15×, restores 3×
  startup   start-up checks of a healthy file during concurrent large imports (checks)
  hostile   each hostile input: exit code, seconds, peak memory of the child
  limits    time and memory at the limits: 2,000-row appendix, 1,000,000 characters of text,
            the 60-page report; check; opening in the window
Prints one line per figure and a JSON summary at the end.  POSIX only (SIGKILL, rlimits).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tests.reliability import hostile, scenarios  # noqa: E402

SECTIONS = ("typing", "commands", "writers", "startup", "hostile", "limits")


def _folder() -> tuple[Path, Path]:
    folder = Path(tempfile.mkdtemp(prefix="bench-reliability-"))
    return folder, folder / "home"


def bench_typing(rounds: int) -> list[dict]:
    results = []
    for rhythm in ("continuous", "random"):
        folder, home = _folder()
        figures = scenarios.typing_kill_rounds(folder / "cchc.sqlite", home, rounds, rhythm)
        print(f"typing/{rhythm}: {rounds} kills, corrupt {figures['corrupt']}, worst typing lost "
              f"{figures['worst_lost_s']} s, rounds losing > 1 s: {figures['rounds_over_1s']}", flush=True)
        results.append(figures)
    return results


def bench_commands(rounds: int) -> list[dict]:
    results = []
    for kind in ("import", "backup", "restore"):
        folder, home = _folder()
        figures = scenarios.command_kill_rounds(folder, home, kind, rounds)
        print(f"commands/{kind}: {rounds} rounds ({figures['killed']} killed, {figures['completed']} completed), "
              f"corrupt {figures['corrupt']}, committed changes lost {figures['lost']}, "
              f"hidden temporaries left {figures['leftover_temporaries']}", flush=True)
        results.append(figures)
    return results


def bench_writers(repeat: int) -> list[dict]:
    results = []
    for _ in range(repeat):
        folder, home = _folder()
        figures = scenarios.two_writers(folder, home, imports=30, deletes=15, restores=3)
        print(f"writers: 30 imports, 15 deletes, 3 restores while typing {figures['typed_characters']} characters: "
              f"imports lost {figures['lost_imports']}, deletes undone {figures['lost_deletes']}, characters saved "
              f"{figures['saved_characters']}/{figures['typed_characters']}, window failures "
              f"{len(figures['window_failures'])}, command failures {len(figures['command_failures'])}, "
              f"integrity {figures['integrity']}", flush=True)
        for text in figures["window_failures"][:3] + figures["command_failures"][:3]:
            print(f"  message: {text}", flush=True)
        results.append(figures)
    return results


def bench_startup(checks: int) -> dict:
    folder, home = _folder()
    figures = scenarios.startup_checks(folder, home, checks, writers=2)
    print(f"startup: {checks} checks during 2 large importers: false 'damaged' window "
          f"{figures['false_damaged_window']}, command line {figures['false_damaged_command_line']}, busy "
          f"{figures['busy_answers']}; the old size comparison would have said damaged "
          f"{figures['old_size_check_false_verdicts']} times ({figures['seconds']} s)", flush=True)
    return figures


def bench_hostile() -> list[dict]:
    results = []
    folder, home = _folder()
    db = folder / "cchc.sqlite"
    assert scenarios.cli(db, home, "list").returncode == 0
    cases = {
        "JSON nested 100,000 levels": hostile.deep_json(folder / "deep.json"),
        "lone surrogate \\ud800": hostile.lone_surrogate(folder / "surrogate.json"),
        "200,000-row appendix": hostile.rows_json(folder / "rows.json", 200_000),
        "30,000-row appendix": hostile.rows_json(folder / "rows30k.json", 30_000),
        "100 MB file": hostile.huge_file(folder / "huge.json"),
    }
    for name, source in cases.items():
        outcome = hostile.run_capped(db, home, "import", str(source))
        size = source.stat().st_size / 1e6
        results.append(_hostile_line(f"import {name} ({size:.0f} MB)", outcome))
    stored = folder / "stored.sqlite"
    hostile.huge_stored_report(stored, home)
    for args in (["check", "1"], ["export", "1", "--docx", str(folder / "a.docx"), "--pdf", str(folder / "a.pdf")]):
        outcome = hostile.run_capped(stored, home, *args)
        results.append(_hostile_line(f"{args[0]} of a stored 200,000-row report", outcome))
    return results


def _hostile_line(name: str, outcome: hostile.Outcome) -> dict:
    message = outcome.stderr.strip()
    print(f"hostile: {name}: exit {outcome.code}, {outcome.seconds:.2f} s, {outcome.max_rss_mb:.0f} MB: {message}",
          flush=True)
    return {"case": name, "exit": outcome.code, "seconds": round(outcome.seconds, 2),
            "max_rss_mb": round(outcome.max_rss_mb), "message": message}


PEAK = r"""
import resource
def peak_mb():
    try:  # VmHWM: this program's own peak (ru_maxrss may carry the parent's over fork + exec)
        with open("/proc/self/status") as status:
            return round(int(next(l for l in status if l.startswith("VmHWM")).split()[1]) / 1024)
    except (OSError, StopIteration):
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

LIMIT_CASE = PEAK + r"""
import json, resource, sys, time
from decimal import Decimal
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/benchmarks")
from cchc_desktop.core.model import Appendix, Block, BlockRole, IndicatorRow, Run
from cchc_desktop.core.templates import load_sample
from cchc_desktop.core.checks import run_checks
from cchc_desktop.document.export import docx_bytes, pdf_bytes
from cchc_desktop.store import limits
from cchc_desktop.store.exchange import exchange_text, report_from_exchange
case = sys.argv[2]
if case == "long":
    from long_report import make_long_report
    report = make_long_report()
else:
    report = load_sample()
if case == "rows":
    report.appendix = report.appendix or Appendix(title="Phụ lục")
    report.appendix.rows = [IndicatorRow(tt=str(i + 1), indicator=f"Số buổi tuyên truyền cải cách hành chính tại thôn {i + 1}",
                                         unit="buổi", value=Decimal(i), note="Cuộc thi tìm hiểu")
                            for i in range(limits.MAX_TABLE_ROWS)]
if case == "text":
    base = "Ủy ban nhân dân xã đã tổ chức tuyên truyền cải cách hành chính đến cán bộ, công chức và nhân dân. "
    used = sum(len(r.text) for s in report.sections for b in s.blocks for r in b.runs)
    count = (limits.MAX_TEXT_CHARS - 60_000 - used) // 600
    report.sections[0].blocks += [Block(BlockRole.PARAGRAPH, [Run(f"{i} " + (base * 7)[:596])]) for i in range(count)]
if case == "field":
    base = "Ủy ban nhân dân xã đã tổ chức tuyên truyền cải cách hành chính. "
    report.sections[0].blocks.append(Block(BlockRole.PARAGRAPH, [Run((base * 2000)[:limits.MAX_FIELD_CHARS])]))
text = exchange_text(report)
figures = {"case": case, "json_mb": round(len(text.encode()) / 1e6, 2)}
started = time.perf_counter(); report = report_from_exchange(json.loads(text)); figures["import_parse_s"] = round(time.perf_counter() - started, 2)
started = time.perf_counter(); run_checks(report); figures["check_s"] = round(time.perf_counter() - started, 2)
started = time.perf_counter(); docx = docx_bytes(report); figures["docx_s"] = round(time.perf_counter() - started, 2)
started = time.perf_counter(); pdf = pdf_bytes(report); figures["pdf_s"] = round(time.perf_counter() - started, 2)
import io, pypdf
figures["pages"] = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
figures["docx_plus_pdf_s"] = round(figures["docx_s"] + figures["pdf_s"], 2)
figures["peak_mb"] = peak_mb()
print(json.dumps(figures))
"""

WINDOW_CASE = PEAK + r"""
import json, os, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from cchc_desktop.store.database import open_database
from cchc_desktop.store.exchange import read_exchange
from cchc_desktop.store.reports import save_report
db = Path(sys.argv[2])
d = open_database(db); report = read_exchange(Path(sys.argv[3])); report.id = None; save_report(d, report); d.close()
from cchc_desktop.gui.app import application, build_window
app = application()
started = time.perf_counter()
window = build_window(db); window.show(); app.processEvents()
opened = time.perf_counter() - started
window.tabs.setCurrentWidget(window.indicators); app.processEvents()
window.dirty = True
started = time.perf_counter(); window.snapshot(); snapshot = time.perf_counter() - started
print(json.dumps({"rows": len(window.report.appendix.rows), "window_open_s": round(opened, 2),
                  "autosave_snapshot_ms": round(snapshot * 1000, 1),
                  "peak_mb": peak_mb()}))
sys.stdout.flush()
os._exit(0)
"""


def bench_limits() -> list[dict]:
    from cchc_desktop.store import limits

    print(f"limits: file {limits.MAX_FILE_BYTES // 1024 // 1024} MB, nesting {limits.MAX_DEPTH}, appendix rows "
          f"{limits.MAX_TABLE_ROWS}, text {limits.MAX_TEXT_CHARS} characters, one text {limits.MAX_FIELD_CHARS}, "
          f"other lists {limits.MAX_LIST_ITEMS}", flush=True)
    results = []
    for case in ("long", "rows", "text", "field"):
        output = subprocess.run([sys.executable, "-c", LIMIT_CASE, str(ROOT), case], capture_output=True, text=True,
                                cwd=ROOT, timeout=600)
        if output.returncode != 0:
            print(f"limits/{case}: FAILED {output.stderr[-2000:]}", flush=True)
            continue
        figures = json.loads(output.stdout.strip().splitlines()[-1])
        print(f"limits/{case}: {figures}", flush=True)
        results.append(figures)
    folder, home = _folder()
    source = scenarios.make_exchange(folder / "rows.json", rows=limits.MAX_TABLE_ROWS)
    output = subprocess.run([sys.executable, "-c", WINDOW_CASE, str(ROOT), str(folder / "w.sqlite"), str(source)],
                            capture_output=True, text=True, cwd=ROOT, timeout=600, env=scenarios.child_env(home))
    if output.returncode == 0:
        figures = json.loads(output.stdout.strip().splitlines()[-1])
        print(f"limits/window: {figures}", flush=True)
        results.append(figures)
    else:
        print(f"limits/window: FAILED {output.stderr[-2000:]}", flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=100, help="kill rounds per scenario (default 100)")
    parser.add_argument("--checks", type=int, default=2000, help="start-up checks (default 2000)")
    parser.add_argument("--writers", type=int, default=1, help="two-writer runs (default 1)")
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections")
    args = parser.parse_args()
    chosen = [s for s in args.only.split(",") if s]
    summary: dict = {}
    started = time.perf_counter()
    for section in chosen:
        if section == "typing":
            summary["typing"] = bench_typing(args.rounds)
        elif section == "commands":
            summary["commands"] = bench_commands(args.rounds)
        elif section == "writers":
            summary["writers"] = bench_writers(args.writers)
        elif section == "startup":
            summary["startup"] = bench_startup(args.checks)
        elif section == "hostile":
            summary["hostile"] = bench_hostile()
        elif section == "limits":
            summary["limits"] = bench_limits()
        else:
            parser.error(f"unknown section {section}")
    summary["seconds"] = round(time.perf_counter() - started)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
