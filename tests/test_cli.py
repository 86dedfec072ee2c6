"""The command line as a user types it: messages, exit codes, files left alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_desktop import cli, command_line
from cchc_desktop.core.templates import load_sample
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import list_reports

from .store.helpers import REPO_ROOT, digest, folder_state

SUBJECT = "Công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2024"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def python_m(*argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "cchc_desktop", *argv], capture_output=True,
                          text=True, encoding="utf-8", cwd=REPO_ROOT, env=env, timeout=120)


def test_python_m_on_a_fresh_path_lists_and_shows_the_sample(tmp_path):
    db = tmp_path / "new.sqlite"
    listed = python_m("--db", str(db), "list")
    assert listed.returncode == 0, listed.stderr
    assert SUBJECT in listed.stdout and "6 tháng đầu năm 2024" in listed.stdout
    shown = python_m("--db", str(db), "show", "1")
    assert shown.returncode == 0, shown.stderr
    assert SUBJECT in shown.stdout
    assert "Kính gửi: Phòng Văn hóa thông tin huyện Nghi Xuân" in shown.stdout
    assert "Lê Thị Sáu" in shown.stdout


def test_python_m_version_and_bad_db_without_traceback(tmp_path):
    version = python_m("--version")
    assert version.returncode == 0 and version.stdout.startswith("cchc-desktop ")
    bad = tmp_path / "bad.sqlite"
    bad.write_text("không phải", encoding="utf-8")
    result = python_m("--db", str(bad), "list")
    assert result.returncode == cli.EXIT_USER
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_default_database_is_used_without_db(capsys, isolated_home):
    code, out, _ = run(capsys, "list")
    assert code == 0 and SUBJECT in out
    assert (isolated_home / "data" / "cchc.sqlite").is_file()


def test_list_json_and_db_after_the_command(capsys, tmp_path):
    db = tmp_path / "a.sqlite"
    code, out, _ = run(capsys, "list", "--json", "--db", str(db))
    assert code == 0
    [item] = json.loads(out)
    assert item["id"] == 1 and item["subject"] == SUBJECT and item["status"] == "draft"
    assert item["period"]["label"] == "6 tháng đầu năm 2024"
    assert set(item) >= {"created_at", "updated_at", "deleted"}


def test_new_from_template_prints_the_id(capsys, tmp_path):
    db = str(tmp_path / "a.sqlite")
    code, out, _ = run(capsys, "--db", db, "new", "--template", "cchc-propaganda")
    assert (code, out.strip()) == (0, "2")
    code, _, err = run(capsys, "--db", db, "new", "--template", "khong-co")
    assert code == cli.EXIT_USER and "cchc-propaganda" in err


def test_export_import_export_is_byte_identical(capsys, tmp_path):
    db = str(tmp_path / "a.sqlite")
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    assert run(capsys, "--db", db, "export", "1", "--json", str(first))[0] == 0
    code, out, _ = run(capsys, "--db", db, "import", str(first))
    assert (code, out.strip()) == (0, "2")
    assert run(capsys, "--db", db, "export", "2", "--json", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_export_needs_a_target(capsys, tmp_path):
    code, _, err = run(capsys, "--db", str(tmp_path / "a.sqlite"), "export", "1")
    assert code == cli.EXIT_USER and "--json" in err


def test_export_docx_and_pdf(capsys, tmp_path):
    pytest.importorskip("cchc_desktop.document.export")
    docx_path, pdf_path = tmp_path / "a.docx", tmp_path / "a.pdf"
    code, _, err = run(capsys, "--db", str(tmp_path / "a.sqlite"), "export", "1",
                       "--docx", str(docx_path), "--pdf", str(pdf_path))
    assert code == 0, err
    assert docx_path.read_bytes()[:2] == b"PK" and pdf_path.read_bytes()[:5] == b"%PDF-"


def test_delete_is_recoverable(capsys, tmp_path):
    db = str(tmp_path / "a.sqlite")
    assert run(capsys, "--db", db, "delete", "1")[0] == 0
    assert SUBJECT not in run(capsys, "--db", db, "list")[1]
    assert "đã xóa" in run(capsys, "--db", db, "list", "--deleted")[1]
    assert run(capsys, "--db", db, "restore", "1")[0] == 0
    assert SUBJECT in run(capsys, "--db", db, "list")[1]


def _one_clear_line(err: str) -> None:
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and err.startswith("Lỗi")


@pytest.fixture
def sample_db(tmp_path):
    path = tmp_path / "db" / "a.sqlite"
    open_database(path).close()
    return path


def _exchange(tmp_path: Path, change) -> Path:
    from cchc_desktop.store.exchange import exchange_text

    data = json.loads(exchange_text(load_sample()))
    change(data)
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda t: (t / "in.json").write_bytes(b"\x00\x01 not json") and t / "in.json", "không phải là tệp JSON"),
        (lambda t: _exchange(t, lambda d: d.update(format="khac")), "không phải là tệp báo cáo"),
        (lambda t: _exchange(t, lambda d: d.update(version=9)), "mới hơn"),
        (lambda t: _exchange(t, lambda d: d["report"]["appendices"][0]["table"]["rows"][4]["cells"][3].update(runs=[{"text": "bốn mươi"}])),
         "report.appendices[0].table.rows[4].cells[3]"),
        (lambda t: t / "khong-co.json", "Không tìm thấy"),
    ],
    ids=["not-json", "not-ours", "newer", "letters", "missing"],
)
def test_bad_import_changes_nothing(capsys, tmp_path, sample_db, make, words):
    source = make(tmp_path)
    before = folder_state(sample_db.parent)
    code, out, err = run(capsys, "--db", str(sample_db), "import", str(source))
    assert code == cli.EXIT_USER and out == ""
    _one_clear_line(err)
    assert words in err
    assert folder_state(sample_db.parent) == before
    db = open_database(sample_db)
    assert len(list_reports(db)) == 1
    db.close()


def _not_a_database(folder: Path) -> Path:
    path = folder / "notes.txt"
    path.write_text("Ghi chú\n" * 100, encoding="utf-8")
    return path


def _truncated(folder: Path) -> Path:
    good = folder / "good.sqlite"
    open_database(good).close()
    path = folder / "cut.sqlite"
    path.write_bytes(good.read_bytes()[:3000])
    good.unlink()
    return path


def _read_only(folder: Path) -> Path:
    path = folder / "ro.sqlite"
    open_database(path).close()
    path.chmod(0o444)
    return path


def _newer(folder: Path) -> Path:
    import sqlite3

    path = folder / "newer.sqlite"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_not_a_database, "không phải là cơ sở dữ liệu"),
        (_truncated, "cắt cụt"),
        (_read_only, "chỉ cho phép đọc"),
        (lambda folder: folder, "là một thư mục"),
        (_newer, "mới hơn"),
    ],
    ids=["not-database", "truncated", "read-only", "folder", "newer-schema"],
)
def test_bad_db_is_refused_and_untouched(capsys, tmp_path, make, words):
    folder = tmp_path / "files"
    folder.mkdir()
    path = make(folder)
    before = folder_state(folder)
    hashed = digest(path) if path.is_file() else None
    try:
        code, out, err = run(capsys, "--db", str(path), "list")
    finally:
        if path.is_file():
            path.chmod(0o644)
    assert code == cli.EXIT_USER and out == ""
    _one_clear_line(err)
    assert words in err
    assert folder_state(folder) == before
    if hashed:
        assert digest(path) == hashed


def test_usage_error_is_one_vietnamese_line(capsys, tmp_path):
    with pytest.raises(SystemExit) as caught:
        cli.main(["--db", str(tmp_path / "a.sqlite"), "show", "abc"])
    assert caught.value.code == cli.EXIT_USAGE
    _one_clear_line(capsys.readouterr().err)


def test_missing_report(capsys, tmp_path):
    code, _, err = run(capsys, "--db", str(tmp_path / "a.sqlite"), "show", "42")
    assert code == cli.EXIT_USER
    _one_clear_line(err)


def test_a_bug_is_logged_not_shown(capsys, tmp_path, monkeypatch, isolated_home):
    from cchc_desktop.commands import listing

    def broken(args, db):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(listing, "run", broken)
    code, _, err = run(capsys, "--db", str(tmp_path / "a.sqlite"), "list")
    assert code == cli.EXIT_BUG
    assert "Traceback" not in err and "cchc-desktop.log" in err
    log = (isolated_home / "log" / "cchc-desktop.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "ZeroDivisionError: oops" in log


def test_no_command_opens_the_window_or_says_it_cannot(capsys, tmp_path, monkeypatch):
    calls = []
    fake = type(sys)("cchc_desktop.gui.app")
    fake.run_app = lambda path: calls.append(path) or 0
    monkeypatch.setitem(sys.modules, "cchc_desktop.gui.app", fake)
    assert cli.main(["--db", str(tmp_path / "w.sqlite")]) == 0
    assert calls == [tmp_path / "w.sqlite"]
    monkeypatch.setitem(sys.modules, "cchc_desktop.gui.app", None)  # import fails
    code, _, err = run(capsys)
    assert code == cli.EXIT_USER and "Cửa sổ" in err


def test_every_command_module_has_the_interface():
    names = [module.NAME for module in command_line.COMMANDS]
    assert len(set(names)) == len(names)
    for module in command_line.COMMANDS:
        assert callable(module.add_arguments) and callable(module.run) and module.HELP


def test_write_blocked_by_another_program(capsys, tmp_path, monkeypatch):
    """The file opened fine, then another program holds the write lock during our save."""
    import sqlite3

    from cchc_desktop.store import database

    path = tmp_path / "a.sqlite"
    open_database(path).close()
    real_open = command_line.open_database

    def open_then_lock(db_path):
        db = real_open(db_path)
        db.execute(f"PRAGMA busy_timeout = 50")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        opened.append(other)
        return db

    opened: list = []
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(command_line, "open_database", open_then_lock)
    code, _, err = run(capsys, "--db", str(path), "delete", "1")
    for other in opened:
        other.execute("ROLLBACK")
        other.close()
    assert code == cli.EXIT_USER and "chương trình khác" in err
    _one_clear_line(err)


def test_version_is_answered_before_the_commands_are_imported():
    """--version is what an installer or a support call runs first: it must not load the store."""
    code = ("import sys, runpy; sys.argv = ['cchc_desktop', '--version']\n"
            "try:\n    runpy.run_module('cchc_desktop', run_name='__main__')\nexcept SystemExit as done:\n"
            "    print('LOADED', 'cchc_desktop.cli' in sys.modules, 'sqlite_utils' in sys.modules, done.code)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines() == ["cchc-desktop 0.1.0", "LOADED False False 0"], result.stderr


@pytest.mark.parametrize("argv, expected", [
    ([], (True, None)),
    (["--db", "d.sqlite"], (True, Path("d.sqlite"))),
    (["--db=d.sqlite"], (True, Path("d.sqlite"))),
    (["list"], (False, None)),
    (["--db", "d.sqlite", "list"], (False, None)),
    (["--help"], (False, None)),
    (["--db"], (False, None)),  # the full parser says what is missing
    (["--db", "--help"], (False, None)),
])
def test_only_a_bare_command_line_or_db_goes_straight_to_the_window(argv, expected):
    assert cli.window_request(argv) == expected


def test_the_window_starts_without_the_commands_the_store_or_sqlite_utils(tmp_path):
    """`cchc-desktop` (no command) reaches the window without loading what the commands need
    (0.3-0.4 s before its first paint), and with Python's collector off until the report is in."""
    code = ("import gc, sys\n"
            "seen = {}\n"
            "fake = type(sys)('cchc_desktop.gui.app')\n"
            "def run_app(path):\n"
            "    seen['gc'] = gc.isenabled()\n"
            "    seen['loaded'] = sorted(m for m in ('cchc_desktop.command_line', 'cchc_desktop.commands',\n"
            "        'cchc_desktop.store.database', 'sqlite_utils', 'importlib.metadata') if m in sys.modules)\n"
            "    return 0\n"
            "fake.run_app = run_app\n"
            "sys.modules['cchc_desktop.gui.app'] = fake\n"
            "sys.argv = ['cchc-desktop', '--db', 'w.sqlite']\n"
            "from cchc_desktop.cli import main\n"
            "code = main()\n"
            "print(code, seen['gc'], seen['loaded'], gc.isenabled())\n")
    env = dict(os.environ, CCHC_DESKTOP_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env=env, cwd=tmp_path)
    assert result.stdout.split("\n")[0] == "0 False [] True", result.stderr
