"""Export benchmark: our DOCX + PDF against LibreOffice converting our DOCX to PDF, in the same run.

    python benchmarks/bench_export.py [--repeat N]

Goals (issue 4): the sample's DOCX + PDF together ≥ 10× faster than the conversion, the long report ≥ 3×.
Issue 13 adds the largest fixture report (tests/fixtures/reports: tables, merged cells, appendix forms,
footnotes) with the same 3× goal, and the footnote fixture.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pypdf  # noqa: E402

from cchc_desktop.core.codec import report_from_dict  # noqa: E402
from cchc_desktop.document.export import export_docx, export_pdf, pdf_bytes  # noqa: E402
from cchc_desktop.document.fonts import register  # noqa: E402
from long_report import _sample, make_long_report  # noqa: E402


FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "reports"


def fixture(name: str):
    with open(FIXTURES / f"{name}.json", encoding="utf-8") as handle:
        return report_from_dict(json.load(handle)["report"])


def largest_fixture() -> str:
    """The fixture with the most pages."""
    pages = {}
    for path in FIXTURES.glob("*.json"):
        data = pdf_bytes(fixture(path.stem))
        pages[path.stem] = len(pypdf.PdfReader(__import__("io").BytesIO(data)).pages)
    return max(pages, key=lambda name: (pages[name], name))


def best_of(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times) if repeat < 3 else statistics.median(times)


def soffice_convert(soffice: str, profile: Path, docx: Path, outdir: Path) -> None:
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(outdir), str(docx)], check=True, capture_output=True, timeout=600)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    register()  # font registration happens once per process; not part of one export
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        profile = folder / "lo-profile"
        big = largest_fixture()
        cases = [("sample", _sample()), ("long", make_long_report()), (big, fixture(big)),
                 ("footnotes", fixture("footnotes"))]
        for name, report in cases:
            docx_path, pdf_path = folder / f"{name}.docx", folder / f"{name}.pdf"
            t_docx = best_of(args.repeat, lambda: export_docx(report, docx_path))
            t_pdf = best_of(args.repeat, lambda: export_pdf(report, pdf_path))
            pages = len(pypdf.PdfReader(pdf_path).pages)
            t_lo = lo_pages = None
            if soffice:
                out = folder / "lo"
                out.mkdir(exist_ok=True)
                soffice_convert(soffice, profile, docx_path, out)  # warm-up (first run builds the profile)
                t_lo = best_of(max(1, args.repeat // 2), lambda: soffice_convert(soffice, profile, docx_path, out))
                lo_pages = len(pypdf.PdfReader(out / f"{name}.pdf").pages)
            rows.append((name, pages, lo_pages, t_docx, t_pdf, t_lo))
    print(f"{'report':<12}{'pages':>6}{'LO pages':>9}{'DOCX s':>9}{'PDF s':>8}{'both s':>8}"
          f"{'LO s':>8}{'speed-up':>10}{'goal':>6}")
    ok = True
    for name, pages, lo_pages, t_docx, t_pdf, t_lo in rows:
        both = t_docx + t_pdf
        goal = 10 if name == "sample" else 3
        ratio = t_lo / both if t_lo else None
        ok &= ratio is None or ratio >= goal
        print(f"{name:<12}{pages:>6}{lo_pages or '-':>9}{t_docx:>9.3f}{t_pdf:>8.3f}{both:>8.3f}"
              f"{(f'{t_lo:.3f}' if t_lo else '-'):>8}{(f'{ratio:.1f}x' if ratio else '-'):>10}{f'{goal}x':>6}")
    if not soffice:
        print("soffice not found: LibreOffice column skipped")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
