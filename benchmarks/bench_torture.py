"""Torture set of issue 24: reports no clerk should type, but a Word import can bring.

    python benchmarks/bench_torture.py [--count 300] [--libreoffice N] [--seed S]

Each report: the sample with a table of random long cells merged over 1–10 rows in columns of
10–40 mm (in the text or as a portrait/landscape form), a 5,000-character footnote, a 30-line
heading and a picture of 1×1 to 8000×8000 px.  Every report is exported to DOCX and PDF; any
exception is counted and printed.  With --libreoffice N, the first N DOCX files are converted by
LibreOffice (one batch) and its page count is compared with our PDF's (goal: within one page).
"""

from __future__ import annotations

import argparse
import copy
import io
import random
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pypdf  # noqa: E402

from cchc_desktop.core.model import (AppendixTable, Block, BlockRole, Cell, Picture, Run, Table,  # noqa: E402
                                     TableColumn, TableRow)
from cchc_desktop.document.export import docx_bytes, pdf_bytes  # noqa: E402
from tests.document.helpers import sample_report  # noqa: E402
from tests.strategies import jpeg_bytes, png_bytes  # noqa: E402

WORDS = ("tuyên truyền cải cách hành chính thủ tục hồ sơ trực tuyến một cửa liên thông xã phường "
         "Tăng/giảm chỉ tiêu kế hoạch thực hiện kết quả đạt tỷ lệ ghi chú đơn vị").split()
SIDES = (1, 7, 50, 679, 2000, 8000)


def _text(rnd: random.Random, length: int) -> str:
    words, size = [], 0
    while size < length:
        words.append(rnd.choice(WORDS))
        size += len(words[-1]) + 1
    return " ".join(words)


@lru_cache(maxsize=None)
def _picture_bytes(width: int, height: int, format_: str) -> bytes:
    return png_bytes(width, height, (40, 90, 160)) if format_ == "png" else jpeg_bytes(width, height, (40, 90, 160))


def _table(rnd: random.Random) -> Table:
    ncol, nrow = rnd.randint(2, 8), rnd.randint(3, 16)
    columns = [TableColumn("", rnd.uniform(10.0, 40.0), figures=rnd.random() < 0.3) for _ in range(ncol)]
    rows = [TableRow([Cell.plain(f"Cột {c + 1}") for c in range(ncol)])]
    rows += [TableRow([Cell.plain(_text(rnd, rnd.choice([0, 3, 30, 200, 1500]))) for _ in range(ncol)])
             for _ in range(nrow)]
    for _ in range(rnd.randint(1, 4)):  # merged areas over 1–10 rows; covered cells stay empty
        r, c = rnd.randint(1, nrow), rnd.randrange(ncol)
        span = min(rnd.randint(1, 10), nrow + 1 - r)
        if any(rows[r + k].cells[c].rowspan != 1 or not rows[r + k].cells[c].runs for k in range(span)):
            continue
        rows[r].cells[c] = Cell.plain(_text(rnd, rnd.choice([300, 1000, 3000])), rowspan=span)
        for k in range(1, span):
            rows[r + k].cells[c] = Cell()
    return Table(columns, rows, header_rows=1)


def torture_report(seed: int):
    rnd = random.Random(seed)
    report = copy.deepcopy(sample_report())
    blocks = report.parts[0].blocks
    blocks.insert(1, Block(BlockRole.HEADING2, [Run(_text(rnd, 30 * 75))]))  # about 30 lines
    note = Block.plain(BlockRole.PARAGRAPH, "Đoạn có chú thích dài.")
    note.runs[0].footnote = [Run(_text(rnd, 5_000))]
    blocks.insert(2, note)
    width, height = rnd.choice(SIDES), rnd.choice(SIDES)
    format_ = rnd.choice(["png", "jpeg"])
    picture = Picture(_picture_bytes(width, height, format_), format_, name="Hình thử")
    blocks.insert(3, Block(BlockRole.PICTURE, [Run("Hình 1. Hình thử")], picture=picture))
    table = _table(rnd)
    if rnd.random() < 0.5:
        report.appendices.append(AppendixTable(heading="Biểu mẫu 9", title="BIỂU THỬ", table=table,
                                               landscape=rnd.choice([None, True, False])))
    else:
        blocks.insert(4, Block(BlockRole.TABLE, table=table))
    return report


def _pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--libreoffice", type=int, default=0, metavar="N")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cchc-torture-"))
    failures, ours, started = 0, {}, time.perf_counter()
    for seed in range(args.seed, args.seed + args.count):
        try:
            report = torture_report(seed)
            (folder / f"t{seed}.docx").write_bytes(docx_bytes(report))
            ours[seed] = _pages(pdf_bytes(report))
        except Exception:  # noqa: BLE001 - counted and shown, that is the benchmark
            failures += 1
            print(f"seed {seed}: exception\n{traceback.format_exc()}")
    elapsed = time.perf_counter() - started
    print(f"{args.count} reports exported to DOCX and PDF in {elapsed:.0f} s: {failures} exceptions")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if args.libreoffice and soffice:
        seeds = sorted(ours)[: args.libreoffice]
        for start in range(0, len(seeds), 25):  # batches: one LibreOffice crash costs 25 files, not all
            subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(folder / "lo")]
                           + [str(folder / f"t{s}.docx") for s in seeds[start:start + 25]], capture_output=True)
        converted = [s for s in seeds if (folder / "lo" / f"t{s}.pdf").exists()]
        if len(converted) < len(seeds):
            print(f"LibreOffice made no PDF of: {sorted(set(seeds) - set(converted))}")
        diffs = {s: _pages((folder / "lo" / f"t{s}.pdf").read_bytes()) - ours[s] for s in converted}
        within = sum(1 for d in diffs.values() if abs(d) <= 1)
        same = sum(1 for d in diffs.values() if d == 0)
        print(f"LibreOffice on {len(diffs)}: same pages {same}, within one page {within}")
        for s, d in diffs.items():
            if abs(d) > 1:
                print(f"  seed {s}: ours {ours[s]}, LibreOffice {ours[s] + d}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
