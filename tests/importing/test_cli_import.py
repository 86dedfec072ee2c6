"""``cchc-desktop import FILE`` with Word files and with files that are not what they claim."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cchc_desktop import cli
from cchc_desktop.store.database import open_database
from cchc_desktop.store.exchange import write_exchange
from cchc_desktop.store.reports import list_reports, load_report
from tests.importing import hostile
from tests.importing.make_fixtures import f04_textbox_header, f07_merged_tables, f13_seven_forms, build
from tests.store.helpers import REPO_ROOT, digest


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_docx_prints_the_new_id_and_keeps_the_structure(capsys, tmp_path):
    db = tmp_path / "db.sqlite"
    path, _builder, expect = build(f13_seven_forms, tmp_path)
    code, out, err = run(capsys, "--db", str(db), "import", str(path))
    assert code == 0, err
    new_id = int(out.strip())
    database = open_database(db)
    report = load_report(database, new_id)
    database.close()
    assert report.subject == expect["subject"][0]
    assert [p.title for p in report.parts] == expect["parts"]
    assert len(report.appendices) == 7
    assert report.appendices[0].table.header_rows == 3
    assert [r.kind.value for r in report.appendices[0].table.rows][3:5] == ["group", "data"]
    assert report.signature.name == "Nguyễn Văn An" and report.recipients[-1] == "Lưu: VT, VP."


def test_json_flag_prints_the_import_report(capsys, tmp_path):
    path, _builder, _expect = build(f04_textbox_header, tmp_path)
    code, out, _err = run(capsys, "--db", str(tmp_path / "db.sqlite"), "import", "--json", str(path))
    assert code == 0
    data = json.loads(out)
    assert isinstance(data["id"], int) and data["kind"] == "docx"
    assert [e["text"] for e in data["entries"] if e["kind"] == "header"] == ["Dự thảo lần 2"]
    assert all(e["where"] and e["message"] for e in data["entries"])


def test_tables_come_in_as_table_blocks(capsys, tmp_path):
    db = tmp_path / "db.sqlite"
    path, _builder, _expect = build(f07_merged_tables, tmp_path)
    code, out, _ = run(capsys, "--db", str(db), "import", str(path))
    assert code == 0
    database = open_database(db)
    report = load_report(database, int(out))
    database.close()
    tables = [b.table for p in report.parts for b in p.blocks if b.table is not None]
    assert len(tables) == 2
    big = tables[0]
    assert len(big.columns) == 12 and big.header_rows == 2
    assert big.rows[0].cells[0].rowspan == 2 and big.rows[0].cells[2].colspan == 8
    assert big.rows[-1].cells[0].colspan == 2 and big.rows[-1].cells[2].text == "12.604"


def test_content_decides_a_json_exchange_file_named_docx(capsys, tmp_path):
    db = tmp_path / "db.sqlite"
    database = open_database(db)
    sample = load_report(database, list_reports(database)[0].id)
    database.close()
    disguised = tmp_path / "bao-cao.docx"
    write_exchange(sample, disguised)
    code, out, err = run(capsys, "--db", str(db), "import", str(disguised))
    assert code == 0, err
    database = open_database(db)
    assert load_report(database, int(out)).subject == sample.subject
    database.close()


_PROBE = ("import resource, sys\nfrom cchc_desktop import cli\ncode = cli.main(sys.argv[1:])\n"
          "print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\nsys.exit(code)\n")


@pytest.mark.parametrize("make", hostile.HOSTILE, ids=lambda f: f.__name__)
def test_hostile_file_one_line_exit_1_bounded_database_unchanged(tmp_path, make):
    db = tmp_path / "db.sqlite"
    open_database(db).close()
    before = digest(db)
    path = make(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONIOENCODING": "utf-8"}
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-c", _PROBE, "--db", str(db), "import", str(path)],
                            capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)
    elapsed = time.monotonic() - start
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1, result.stderr
    assert len(lines) == 2 and lines[0].startswith("Lỗi: ") and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert elapsed < 10
    assert int(lines[1].split()[1]) < 500 * 1024  # kilobytes
    assert digest(db) == before


def test_old_doc_is_refused_with_advice_or_converted_on_request(capsys, tmp_path):
    corpus = Path("/work/shared/corpus/legacy")
    source = REPO_ROOT.parent / "shared" / "corpus" / "legacy" / "vni-ubnd-binhphuoc-qd-991-2008.doc"
    if not source.exists():
        source = corpus / "vni-ubnd-binhphuoc-qd-991-2008.doc"
    if not source.exists():
        pytest.skip("../shared/corpus is not present on this machine")
    db = tmp_path / "db.sqlite"
    code, out, err = run(capsys, "--db", str(db), "import", str(source))
    assert code == 1 and out == ""
    assert "định dạng Word cũ (.doc)" in err and "lưu lại dạng .docx" in err
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed: conversion not offered")
    assert "--convert" in err
    code, out, err = run(capsys, "--db", str(db), "import", "--convert", str(source))
    assert code == 0, err
    database = open_database(db)
    report = load_report(database, int(out))
    database.close()
    assert report.organization.issuing_body[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC"]  # VNI converted
    assert report.number == "991" and report.doc_type == "QĐ"
