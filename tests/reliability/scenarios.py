"""Hostile-tester scenarios shared by tests/reliability (few rounds) and
benchmarks/bench_reliability.py (many rounds): kill -9 loops, two writers on one database,
the start-up check during concurrent writes.  Every function returns plain figures.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TYPIST = Path(__file__).with_name("gui_typist.py")


# ----------------------------------------------------------------------------- helpers


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, CCHC_DESKTOP_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    return env


def cli_args(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "cchc_desktop", "--db", str(db), *args]


def cli(db: Path, home: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(cli_args(db, *args), env=child_env(home), capture_output=True, text=True,
                          timeout=timeout, cwd=REPO)


def make_exchange(path: Path, rows: int = 0, subject: str | None = None) -> Path:
    """The sample report as an exchange file, with ``rows`` appendix rows (a heavy write)."""
    from cchc_desktop.core.indicators import new_row
    from cchc_desktop.core.model import AppendixTable
    from cchc_desktop.core.templates import load_sample
    from cchc_desktop.store.exchange import write_exchange

    report = load_sample()
    if subject:
        report.subject = subject
    if rows:
        if report.appendix is None:
            report.appendices.append(AppendixTable(title="Phụ lục số liệu"))
        table = report.appendix.table
        table.rows[table.header_rows:] = [
            new_row(table, tt=str(i + 1), indicator=f"Số buổi tuyên truyền cải cách hành chính tại thôn {i + 1}",
                    unit="buổi", value=str(i), note="Cuộc thi tìm hiểu")
            for i in range(rows)]
    write_exchange(report, path)
    return path


def integrity(db: Path) -> str:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def rows(db: Path) -> dict[int, tuple[str, str | None]]:
    """id → (document, deleted_at) of every report."""
    with closing(sqlite3.connect(db)) as conn:
        return {i: (d, x) for i, d, x in conn.execute("SELECT id, document, deleted_at FROM reports")}


def results_text(db: Path, report_id: int) -> str:
    """The text of the last paragraph of "Kết quả" (where the typist types)."""
    document = json.loads(rows(db)[report_id][0])
    for part in document["parts"]:
        if part["tag"] == "results":
            return "".join(run["text"] for run in part["blocks"][-1]["runs"])
    raise AssertionError("no results part")


def fresh_database(db: Path, home: Path) -> None:
    result = cli(db, home, "list")
    assert result.returncode == 0, result.stderr


# ----------------------------------------------------------------------------- the window


@dataclass
class Typist:
    """The window in a child process, typing ``text``; see gui_typist.py."""

    db: Path
    home: Path
    rhythm: str
    text: str
    keep_open: float | None = None
    proc: subprocess.Popen | None = None
    stderr: Path | None = None  # the window's stderr (Qt warnings, a crash's traceback)
    report_id: int | None = None
    keys: list[tuple[int, float]] = field(default_factory=list)  # (characters typed, when)
    saves: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)
    typed: threading.Event = field(default_factory=threading.Event)
    closed: threading.Event = field(default_factory=threading.Event)

    def start(self, timeout: float = 60) -> Typist:
        args = [sys.executable, str(TYPIST), str(self.db), self.rhythm, self.text]
        if self.keep_open is not None:
            args.append(str(self.keep_open))
        self.stderr = self.db.with_name(self.db.name + f".window-{time.time_ns()}.log")
        with self.stderr.open("wb") as errors:
            self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=errors, text=True,
                                         env=child_env(self.home), cwd=REPO)
        threading.Thread(target=self._read, daemon=True).start()
        if not self.ready.wait(timeout):
            self.kill()
            raise AssertionError("the window did not start")
        return self

    def _read(self) -> None:
        for line in self.proc.stdout:
            line = line.rstrip("\n")
            self.lines.append(line)
            kind, _, rest = line.partition(" ")
            if kind in ("READY", "REPORT"):
                self.report_id = int(rest)
                self.ready.set()
            elif kind == "K":
                count, when = rest.split()
                self.keys.append((int(count), float(when)))
            elif kind == "SAVED":
                self.saves.append(float(rest))
            elif kind in ("FAILED", "UNSAVED"):
                self.failures.append(rest)
            elif kind == "TYPED":
                self.typed.set()
            elif kind == "CLOSED":
                self.closed.set()

    def kill(self) -> float:
        """SIGKILL; returns the moment just before it."""
        moment = time.time()
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait(30)
        return moment

    def wait(self, timeout: float = 60) -> int:
        return self.proc.wait(timeout)

    def typed_count(self) -> int:
        return self.keys[-1][0] if self.keys else 0

    def seconds_lost(self, saved: int, killed_at: float) -> float:
        """Typing time lost: from the first character not in the database to the kill."""
        typed = [(n, t) for n, t in self.keys if t <= killed_at]
        if not typed or saved >= typed[-1][0]:
            return 0.0
        first_unsaved = next(t for n, t in typed if n == saved + 1)
        return killed_at - first_unsaved


def saved_prefix(db: Path, report_id: int, marker: str, text: str) -> int:
    """How many characters of ``text`` (which starts with ``marker``, whose first character
    appears nowhere else) the database holds at the end of the paragraph typed into."""
    current = results_text(db, report_id)
    at = current.rfind(marker[0])
    if at < 0:
        return 0
    saved = current[at:]
    assert text.startswith(saved), f"database holds text that was never typed: {saved[-40:]!r}"
    return len(saved)


TYPING = ("Ủy ban nhân dân xã tổ chức tuyên truyền cải cách hành chính đến cán bộ, công chức và nhân dân; "
          "kết quả được ghi nhận trong báo cáo định kỳ. ")


def typing_kill_rounds(db: Path, home: Path, rounds: int, rhythm: str, seed: int = 1,
                       typing_seconds: tuple[float, float] = (1.0, 4.0)) -> dict:
    """Kill the typing window at a random moment, ``rounds`` times on the same database."""
    rng = random.Random(seed)
    fresh_database(db, home)
    worst, lost_rounds, corrupt = 0.0, 0, 0
    for number in range(rounds):
        marker = f"§{rhythm}{number}: "
        text = marker + TYPING * 2
        typist = Typist(db, home, rhythm, text).start()
        time.sleep(rng.uniform(*typing_seconds))
        killed_at = typist.kill()
        if integrity(db) != "ok":
            corrupt += 1
            continue
        saved = saved_prefix(db, typist.report_id, marker, text)
        lost = typist.seconds_lost(saved, killed_at)
        worst = max(worst, lost)
        lost_rounds += lost > 1.0
    return {"rounds": rounds, "rhythm": rhythm, "corrupt": corrupt, "worst_lost_s": round(worst, 3),
            "rounds_over_1s": lost_rounds}


# ----------------------------------------------------------------------------- kill -9 of commands


def _run_and_kill(args: list[str], home: Path, after: float) -> tuple[int | None, str]:
    proc = subprocess.Popen(args, env=child_env(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=REPO)
    try:
        out, _err = proc.communicate(timeout=after)
        return proc.returncode, out
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        return None, ""


def command_kill_rounds(folder: Path, home: Path, kind: str, rounds: int, seed: int = 2) -> dict:
    """kill -9 during ``import``, ``backup`` or ``restore`` at a random moment.

    Checks after every round: the database passes integrity_check; every import that printed
    its number is there; a backup file is complete or absent; a restore is all or nothing and
    the replaced content is kept beside the database.
    """
    rng = random.Random(seed)
    db, big = folder / "cchc.sqlite", folder / "big.json"
    fresh_database(db, home)
    make_exchange(big, rows=2_000)
    if kind != "import":  # a database of some size: the copy takes a while, kills land inside it
        for _ in range(8 if kind == "backup" else 3):
            assert cli(db, home, "import", str(big)).returncode == 0
    backup_file = folder / "saved.sqlite"
    started = time.perf_counter()
    assert cli(db, home, "backup", str(backup_file)).returncode == 0
    base = time.perf_counter() - started
    if kind == "import":
        started = time.perf_counter()
        assert cli(db, home, "import", str(big)).returncode == 0
        base = time.perf_counter() - started
    elif kind == "restore":
        started = time.perf_counter()
        assert cli(db, home, "restore", str(backup_file)).returncode == 0
        base = time.perf_counter() - started
    committed: set[int] = set()
    corrupt = lost = killed = completed = 0
    for number in range(rounds):
        before = rows(db)
        after = base * rng.uniform(0.4, 1.05)  # most kills land in the command's own work
        if kind == "import":
            code, out = _run_and_kill(cli_args(db, "import", str(big)), home, after)
            if code == 0:
                committed.add(int(out.strip()))
        elif kind == "backup":
            target = folder / f"backup-{number}.sqlite"
            code, _ = _run_and_kill(cli_args(db, "backup", str(target)), home, after)
            if target.exists() and integrity(target) != "ok":
                corrupt += 1
        elif kind == "restore":
            extra = cli(db, home, "import", str(big))  # a change the restore must keep aside
            assert extra.returncode == 0, extra.stderr
            before = rows(db)
            code, _ = _run_and_kill(cli_args(db, "restore", str(backup_file)), home, after)
        else:
            raise ValueError(kind)
        killed += code is None
        completed += code == 0
        if integrity(db) != "ok":
            corrupt += 1
            continue
        now = rows(db)
        if kind == "import":
            lost += len(committed - set(now))
        elif kind == "restore" and now != before:
            # Restored: everything that was there must be in a copy kept beside the database.
            kept = [p for p in folder.glob("cchc.sqlite.before-restore-*.sqlite") if integrity(p) == "ok"]
            if not any(rows(p) == before for p in kept):
                lost += 1
    leftovers = []
    if kind in ("backup", "restore"):
        assert cli(db, home, "backup", str(folder / "final.sqlite")).returncode == 0  # sweeps leftovers
        leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]
    return {"kind": kind, "rounds": rounds, "killed": killed, "completed": completed, "corrupt": corrupt,
            "lost": lost, "leftover_temporaries": len(leftovers)}


# ----------------------------------------------------------------------------- two writers


def two_writers(folder: Path, home: Path, imports: int, deletes: int, restores: int, seed: int = 3) -> dict:
    """The window types without pause while the command line imports, deletes and restores.

    Every change committed must survive: the window's whole text in the end, each import and
    delete in the final database or (when a restore came after it) in the copy that restore
    kept aside; the window never reports a failed save.
    """
    rng = random.Random(seed)
    db, small = folder / "cchc.sqlite", folder / "one.json"
    fresh_database(db, home)
    make_exchange(small, rows=200)
    backup_file = folder / "start.sqlite"
    assert cli(db, home, "backup", str(backup_file)).returncode == 0
    marker = "§hai-chuong-trinh: "
    text = marker + TYPING * 40
    typist = Typist(db, home, "continuous", text, keep_open=1.0).start()
    operations = ["import"] * imports + ["delete"] * deletes + ["restore"] * restores
    rng.shuffle(operations)
    phases: list[dict] = [{"imported": [], "deleted": [], "kept": None}]
    failures: list[str] = []
    for operation in operations:
        phase = phases[-1]
        if operation == "import":
            result = cli(db, home, "import", str(small))
            if result.returncode == 0:
                phase["imported"].append(int(result.stdout.strip()))
        elif operation == "delete":
            candidates = [i for i in phase["imported"] if i not in phase["deleted"]]
            if not candidates:
                result = cli(db, home, "import", str(small))
                candidates = [int(result.stdout.strip())]
                phase["imported"].append(candidates[0])
            target = rng.choice(candidates)
            result = cli(db, home, "delete", str(target))
            if result.returncode == 0:
                phase["deleted"].append(target)
        else:
            result = cli(db, home, "restore", str(backup_file))
            if result.returncode == 0:
                kept = re.search(r"giữ ở “(.+?)”", result.stdout)
                phase["kept"] = Path(kept.group(1)) if kept else None
                phases.append({"imported": [], "deleted": [], "kept": None})
        if result.returncode != 0:
            failures.append(f"{operation}: {result.stderr.strip()}")
    db.with_name(db.name + ".stop").touch()
    typist.closed.wait(60)
    code = typist.wait(60)
    lost_imports = lost_deletes = 0
    for phase in phases:
        state = rows(phase["kept"]) if phase["kept"] else rows(db)
        lost_imports += sum(1 for i in phase["imported"] if i not in state)
        lost_deletes += sum(1 for i in phase["deleted"] if i in state and state[i][1] is None)
    typed = typist.typed_count()
    saved = saved_prefix(db, typist.report_id, marker, text)
    return {"imports": imports, "deletes": deletes, "restores": restores, "window_exit": code,
            "typed_characters": typed, "saved_characters": saved, "lost_imports": lost_imports,
            "lost_deletes": lost_deletes, "window_failures": typist.failures, "command_failures": failures,
            "integrity": integrity(db)}


# ----------------------------------------------------------------------------- start-up check


WRITER = """
import sys, time
from pathlib import Path
from cchc_desktop.store.database import open_database
from cchc_desktop.store.exchange import read_exchange
from cchc_desktop.store.reports import save_report
db_path, big, seconds = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])
report = read_exchange(big)
end = time.time() + seconds
print("WRITING", flush=True)
while time.time() < end:
    db = open_database(db_path, create_sample=False)
    for _ in range(3):
        report.id = None
        save_report(db, report)
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    db.execute("DELETE FROM reports WHERE id NOT IN (SELECT id FROM reports ORDER BY id DESC LIMIT 6)")
    db.conn.commit()
    db.close()  # the last connection checkpoints and truncates: pages written back to the file
"""


def _old_size_verdict(path: Path) -> bool:
    """What the start-up check used to do: header page count × page size > file size."""
    with path.open("rb") as handle:
        header = handle.read(100)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if header[24:28] != header[92:96]:
        return False
    return page_size * int.from_bytes(header[28:32], "big") > path.stat().st_size


def startup_checks(folder: Path, home: Path, checks: int, writers: int = 2) -> dict:
    """``checks`` start-up checks (window's and command line's) of a healthy file while
    ``writers`` processes import large reports into it; counts wrong 'damaged' verdicts."""
    from cchc_desktop.store import database
    from cchc_desktop.store.database import StoreError, open_database
    from cchc_desktop.store.integrity import Health, diagnose

    db, big = folder / "cchc.sqlite", folder / "big.json"
    fresh_database(db, home)
    make_exchange(big, rows=2_000)
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(big), "3600"], env=child_env(home),
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO)
             for _ in range(writers)]
    false_window = false_cli = busy = old_false = 0
    started = time.perf_counter()
    try:
        for proc in procs:
            assert proc.stdout.readline().strip() == "WRITING"
        for number in range(checks):
            database._CONNECTED.clear()  # as in a new process: no connection of ours is open
            if number % 2 == 0:
                verdict = diagnose(db)
                false_window += verdict is Health.DAMAGED
                busy += verdict is Health.BUSY
            else:
                try:
                    open_database(db, create_sample=False).close()
                except StoreError as error:
                    if "hỏng" in str(error) or "cắt cụt" in str(error):
                        false_cli += 1
                    else:
                        busy += 1
            database._CONNECTED.clear()
            try:
                old_false += _old_size_verdict(db)
            except OSError:
                pass
    finally:
        for proc in procs:
            proc.kill()
            proc.wait(30)
    return {"checks": checks, "writers": writers, "false_damaged_window": false_window,
            "false_damaged_command_line": false_cli, "busy_answers": busy,
            "old_size_check_false_verdicts": old_false, "seconds": round(time.perf_counter() - started, 1),
            "integrity": integrity(db)}


def moved(folder: Path) -> Iterable[Path]:
    return folder.glob("*.damaged-*")


# ----------------------------------------------------------------------------- restore/backup against the window


def numbered_text(marker: str, words: int) -> str:
    """``marker`` then ``words`` numbered words: any piece of a dozen characters is found in one
    place only, so the pieces of it a database holds can be told apart."""
    return marker + " ".join(f"chữ{i}" for i in range(words)) + " "


def _paragraphs(db: Path) -> list[str]:
    """The last paragraph of "Kết quả" of every readable report in ``db``."""
    found = []
    for document, _deleted in rows(db).values():
        try:
            parts = json.loads(document)["parts"]
            part = next(p for p in parts if p["tag"] == "results")
            found.append("".join(run["text"] for run in part["blocks"][-1]["runs"]))
        except (ValueError, KeyError, StopIteration, IndexError, TypeError):
            continue
    return found


def covered(segment: str, text: str) -> set[int]:
    """Positions of ``text`` that ``segment`` holds: ``segment`` is pieces of ``text`` in order
    (typed text, a restore that took it back to an earlier state, typing going on after it)."""
    held: set[int] = set()
    j = start = 0
    while j < len(segment):
        best_len, best_at = 0, -1
        at = text.find(segment[j], start)
        while at >= 0:
            length = 0
            while (j + length < len(segment) and at + length < len(text)
                   and segment[j + length] == text[at + length]):
                length += 1
            if length > best_len:
                best_len, best_at = length, at
            at = text.find(segment[j], at + 1)
        if best_len == 0:
            j += 1
            continue
        held.update(range(best_at, best_at + best_len))
        start = best_at + best_len
        j += best_len
    return held


def typed_kept(places: Iterable[Path], marker: str, text: str) -> set[int]:
    """Positions of ``text`` held by any report of the databases ``places``."""
    held: set[int] = set()
    for place in places:
        for paragraph in _paragraphs(place):
            at = paragraph.rfind(marker[0])
            if at >= 0:
                held |= covered(paragraph[at:], text)
    return held


def _wait_saved(typist: Typist, db: Path, marker: str, text: str, timeout: float = 30) -> None:
    """Until the database holds the marker and a few characters after it."""
    end = time.time() + timeout
    while time.time() < end:
        try:
            if saved_prefix(db, typist.report_id, marker, text) > len(marker) + 3:
                return
        except (AssertionError, KeyError, ValueError):
            pass
        time.sleep(0.2)
    raise AssertionError("the window saved nothing")


def restore_against_window(folder: Path, home: Path, restores: int = 2, imports: int = 3, seed: int = 4) -> dict:
    """Scenario A of issue 22 (finding 1 and 2): the window types; the command line makes a
    backup, imports a file ``imports`` times, restores the backup (which removes those reports
    and takes the window's report back), and again, ``restores`` times, then imports once more.

    Reports overwritten: imported reports whose stored document differs from what the import
    stored (in the final database, or in the copy a later restore kept aside).  Typed characters
    lost: typed characters in no report of the final database and of no copy kept by a restore
    (a restore with nothing unsaved takes the window back by design; its copy keeps the text).
    """
    rng = random.Random(seed)
    db = folder / "cchc.sqlite"
    fresh_database(db, home)
    marker = "§khoi-phuc: "
    text = numbered_text(marker, 1500)
    typist = Typist(db, home, "continuous", text, keep_open=1.0).start()
    _wait_saved(typist, db, marker, text)
    backup_file = folder / "backup.sqlite"
    failures: list[str] = []
    result = cli(db, home, "backup", str(backup_file))
    if result.returncode != 0:
        failures.append(f"backup: {result.stderr.strip()}")
    phases: list[dict] = [{"imported": {}, "kept": None}]
    seen_ids: set[int] = set(rows(db))
    reused = 0
    for cycle in range(restores + 1):
        for number in range(imports if cycle < restores else max(1, imports // 2)):
            source = make_exchange(folder / f"in-{cycle}-{number}.json", rows=rng.randint(0, 40),
                                   subject=f"Báo cáo nhập {cycle}-{number}")
            result = cli(db, home, "import", str(source))
            if result.returncode != 0:
                failures.append(f"import: {result.stderr.strip()}")
                continue
            new_id = int(result.stdout.strip())
            reused += new_id in seen_ids
            seen_ids |= set(rows(db))
            phases[-1]["imported"][new_id] = rows(db)[new_id][0]
            time.sleep(rng.uniform(0.1, 0.8))
        if cycle < restores:
            result = cli(db, home, "restore", str(backup_file))
            if result.returncode != 0:
                failures.append(f"restore: {result.stderr.strip()}")
                continue
            kept = re.search(r"giữ ở “(.+?)”", result.stdout)
            phases[-1]["kept"] = Path(kept.group(1)) if kept else None
            phases.append({"imported": {}, "kept": None})
            seen_ids |= set(rows(db))
            time.sleep(rng.uniform(1.0, 2.5))  # the window sees the restore, types on
    db.with_name(db.name + ".stop").touch()
    typist.closed.wait(60)
    code = typist.wait(60)
    overwritten = missing = 0
    for phase in phases:
        state = rows(phase["kept"]) if phase["kept"] else rows(db)
        for report_id, document in phase["imported"].items():
            if report_id not in state:
                missing += 1
            elif state[report_id][0] != document:
                overwritten += 1
    typed = typist.typed_count()
    kept_copies = [p for p in folder.glob(f"{db.name}.before-restore-*.sqlite")]
    held = typed_kept([db, *kept_copies], marker, text)
    in_window_report = len(covered(_paragraph_of(db, typist.report_id, marker), text))
    lost = typed - len(held & set(range(typed)))
    return {"restores": restores, "imports": sum(len(p["imported"]) for p in phases), "window_exit": code,
            "reports_overwritten": overwritten, "imported_reports_missing": missing, "ids_reused": reused,
            "typed_characters": typed, "typed_characters_lost": lost,
            "characters_in_window_report": in_window_report,
            "moved_to_new_report": sum(1 for line in typist.lines if line.startswith("REPORT")),
            "window_failures": typist.failures, "command_failures": failures, "integrity": integrity(db)}


def _paragraph_of(db: Path, report_id: int | None, marker: str) -> str:
    try:
        current = results_text(db, report_id)
    except (KeyError, AssertionError, ValueError, TypeError):
        return ""
    at = current.rfind(marker[0])
    return current[at:] if at >= 0 else ""


def backup_onto_live(folder: Path, home: Path) -> dict:
    """Scenario B of issue 22 (finding 3): while the window types, ``backup`` onto the live
    database, its -wal and -shm, a hard link to it and a path through "..": every one must be
    refused, and the window's whole text saved in the end."""
    db = folder / "cchc.sqlite"
    fresh_database(db, home)
    marker = "§sao-luu: "
    text = numbered_text(marker, 1500)
    typist = Typist(db, home, "continuous", text, keep_open=1.0).start()
    _wait_saved(typist, db, marker, text)
    link = folder / "link.sqlite"
    link.hardlink_to(db)
    (folder / "x").mkdir()
    targets = {"database": db, "-wal": db.with_name(db.name + "-wal"), "-shm": db.with_name(db.name + "-shm"),
               "hard link": link, "x/..": folder / "x" / ".." / db.name}
    accepted, answers = [], {}
    for name, target in targets.items():
        result = cli(db, home, "backup", str(target))
        if result.returncode == 0:
            accepted.append(name)
        answers[name] = (result.returncode, result.stderr.strip())
        time.sleep(0.7)
    db.with_name(db.name + ".stop").touch()
    typist.closed.wait(60)
    code = typist.wait(60)
    typed = typist.typed_count()
    saved = len(covered(_paragraph_of(db, typist.report_id, marker), text) & set(range(typed)))
    return {"attempts": len(targets), "accepted": len(accepted), "accepted_targets": accepted,
            "refused_with_message": sum(1 for c, e in answers.values() if c == 1 and "chính tệp dữ liệu" in e),
            "window_exit": code, "typed_characters": typed, "saved_characters": saved,
            "window_failures": typist.failures, "integrity": integrity(db)}
