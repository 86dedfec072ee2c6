"""Hostile inputs for the command line, run in a child under a memory cap (shared by the
tests and the benchmark).  Each case: the files it needs, the command, the words expected."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from .scenarios import REPO, child_env, cli, make_exchange

MEMORY_CAP = 1024 * 1024 * 1024  # address space of the child: 1 GB
ENGLISH = ("Traceback", "Error", "errno", "No space", "Permission denied", "database or disk", "Input/output",
           "disk I/O", "File too large", "unexpected", "không mong muốn")


@dataclass
class Outcome:
    code: int
    stderr: str
    seconds: float
    max_rss_mb: float


def run_capped(db: Path, home: Path, *args: str, file_size: int | None = None, timeout: float = 120) -> Outcome:
    """The command line in a child limited to MEMORY_CAP (and ``file_size`` bytes per file)."""
    import resource  # POSIX only


    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
        if file_size is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "cchc_desktop", "--db", str(db), *args], env=child_env(home),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=limit, cwd=REPO)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    err = proc.stderr.read().decode("utf-8", "replace")
    _pid, status, usage = os.wait4(proc.pid, 0)  # this child's own peak memory
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    return Outcome(proc.returncode, err, time.perf_counter() - started, usage.ru_maxrss / 1024)


def dump(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return list(conn.iterdump())


def deep_json(path: Path, levels: int = 100_000) -> Path:
    path.write_text('{"format": "cchc-desktop-report", "version": 1, "report": ' + "[" * levels + "]" * levels
                    + "}", encoding="utf-8")
    return path


def lone_surrogate(path: Path) -> Path:
    make_exchange(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["report"]["subject"] = "Báo cáo \ud800 lỗi"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="ascii")  # "\ud800" as an escape
    return path


def rows_json(path: Path, rows: int) -> Path:
    return make_exchange(path, rows=rows)


def huge_file(path: Path, size: int = 100 * 1024 * 1024) -> Path:
    with path.open("wb") as handle:
        handle.write(b'{"format": "cchc-desktop-report", "version": 1, "report": {"subject": "')
        handle.truncate(size)  # a sparse file: 100 MB to the program, nothing on the test disk
    return path


def huge_stored_report(db: Path, home: Path, rows: int = 200_000) -> int:
    """A report over the row limit already in the database (imported before limits existed)."""
    assert cli(db, home, "list").returncode == 0
    with closing(sqlite3.connect(db)) as conn:
        document = json.loads(conn.execute("SELECT document FROM reports WHERE id = 1").fetchone()[0])
        table = document["appendices"][0]["table"]
        cells = [{"runs": [{"text": text}]} for text in ("1", "Số buổi tuyên truyền", "buổi", "3", "")]
        table["rows"] = table["rows"][:1] + [{"cells": cells} for _ in range(rows)]
        conn.execute("UPDATE reports SET document = ? WHERE id = 1", [json.dumps(document, ensure_ascii=False)])
        conn.commit()
    return 1
