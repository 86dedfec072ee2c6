"""The Excel export writes text as text (no formula injection) and fails with one Vietnamese
sentence, as the DOCX export does: missing folder, a folder as target, full disk, a read-only
target, two exports at once."""

from __future__ import annotations

import copy
import errno
import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cchc_desktop import cli
from cchc_desktop.core.indicators import new_row
from cchc_desktop.core.model import AppendixTable
from cchc_desktop.core.templates import load_sample
from cchc_desktop.document import export as docx_export
from cchc_desktop.document import xlsx_writer
from cchc_desktop.document.xlsx_writer import XlsxError, export_report_xlsx
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_report, save_report

REPO_ROOT = Path(__file__).resolve().parents[2]
HYPERLINK = '=HYPERLINK("http://evil.example/","bấm vào đây")'
DDE = "=cmd|' /C calc'!A0"
HOSTILE = [HYPERLINK, DDE, "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
           "=1+2"]
ENGLISH = ("No such", "space", "Permission", "denied", "directory", "Errno", "Traceback", "Read-only")


def _hostile_report(*, in_figures: bool = True):
    """Formula-like text everywhere; in the figure column too unless ``in_figures`` is False
    (a stored report keeps only figures there)."""
    report = load_sample()
    first = report.appendices[0]
    first.heading, first.title, first.reference = HYPERLINK, DDE, "@SUM(1+1)*cmd|' /C calc'!A0"
    table = first.table
    for n, text in enumerate(HOSTILE, start=1):
        table.rows.append(new_row(table, tt=f"+{n}", indicator=text, unit=text, value=text if in_figures else "-"))
    table.rows.append(new_row(table, tt="", indicator="Số có dấu", unit="Cuộc", value="+5"))
    second = AppendixTable(heading="=cmd|' /C calc'!A0 [x]:*?/\\ một tên rất dài quá ba mươi mốt ký tự",
                           title="", table=copy.deepcopy(table))
    third = AppendixTable(heading="History", title="", table=copy.deepcopy(table))
    report.appendices += [second, third, copy.deepcopy(second)]
    return report


def _no_formula(path: Path) -> None:
    book = load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8")
                assert not re.search(r"<f[\s>/]", xml), name
                assert not re.search(r"<(\w+:)?f[\s>/]", xml), name


def test_text_starting_with_a_formula_sign_is_written_as_text(tmp_path) -> None:
    path = tmp_path / "bang.xlsx"
    export_report_xlsx(_hostile_report(), path)
    _no_formula(path)
    book = load_workbook(path)
    form = book.worksheets[0]
    assert [form.cell(row=r, column=1).value for r in (1, 2, 3)] == [
        HYPERLINK, DDE, "@SUM(1+1)*cmd|' /C calc'!A0"]
    texts = {cell.value for row in form.iter_rows() for cell in row if isinstance(cell.value, str)}
    assert set(HOSTILE) <= texts
    signed = next(row for row in form.iter_rows() if row[1].value == "Số có dấu")
    assert signed[3].value == 5 and signed[3].data_type == "n"  # a figure stays a number
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert 't="inlineStr"' in xml and "<is><t>=HYPERLINK(" in xml


def test_sheet_names_are_cleaned(tmp_path) -> None:
    path = tmp_path / "bang.xlsx"
    export_report_xlsx(_hostile_report(), path)
    names = load_workbook(path).sheetnames
    assert len(names) == len({n.lower() for n in names}) == 4
    for name in names:
        assert 0 < len(name) <= 31 and name[0] not in "=+-@'" and not re.search(r"[\[\]:*?/\\]", name), name
        assert name.lower() != "history"


def test_cli_export_of_a_hostile_report_has_no_formula(tmp_path) -> None:
    db = tmp_path / "cchc.sqlite"
    database = open_database(db)
    try:
        report = _hostile_report(in_figures=False)
        report.id = None
        report_id = save_report(database, report)
    finally:
        database.close()
    target = tmp_path / "bao-cao.xlsx"
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "cchc_desktop", "--db", str(db), "export", str(report_id),
                           "--xlsx", str(target)], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    _no_formula(target)


# ------------------------------------------------------------------ failures, as the command line shows them


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "cchc.sqlite"
    assert cli.main(["--db", str(path), "list"]) == 0
    return path


def _export(capsys, db: Path, target: Path) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(["--db", str(db), "export", "1", "--xlsx", str(target)])
    out, err = capsys.readouterr()
    return code, err


def _one_vietnamese_sentence(code: int, err: str, words: str) -> None:
    assert code == cli.EXIT_USER, err
    assert len(err.strip().splitlines()) == 1, err
    assert words in err, err
    assert not any(english in err for english in ENGLISH), err
    assert ".tmp" not in err, err


def test_missing_folder(capsys, db, tmp_path) -> None:
    code, err = _export(capsys, db, tmp_path / "khong-co" / "bao-cao.xlsx")
    _one_vietnamese_sentence(code, err, "Không tìm thấy thư mục")


def test_folder_as_target(capsys, db, tmp_path) -> None:
    folder = tmp_path / "thu-muc"
    folder.mkdir()
    code, err = _export(capsys, db, folder)
    _one_vietnamese_sentence(code, err, "là một thư mục")
    assert list(folder.iterdir()) == [] and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_full_disk(capsys, db, tmp_path, monkeypatch) -> None:
    target = tmp_path / "bao-cao.xlsx"
    target.write_bytes(b"old")

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(docx_export.os, "fsync", full)
    code, err = _export(capsys, db, target)
    _one_vietnamese_sentence(code, err, "ổ đĩa đã đầy")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.xlsx", "cchc.sqlite"]


def test_read_only_target_is_refused_as_for_docx(capsys, db, tmp_path) -> None:
    target = tmp_path / "bao-cao.xlsx"
    target.write_bytes(b"old")
    target.chmod(stat.S_IRUSR)
    try:
        code, err = _export(capsys, db, target)
        docx_code = cli.main(["--db", str(db), "export", "1", "--docx", str(target)])
        docx_err = capsys.readouterr().err
        assert target.read_bytes() == b"old"
    finally:
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)
    _one_vietnamese_sentence(code, err, "chỉ cho phép đọc")
    assert docx_code == code and docx_err == err


def test_two_exports_at_once(capsys, db, tmp_path, monkeypatch) -> None:
    """A second export to the same file starts while the first is putting its file in place:
    both finish (each has a temporary file of its own), no temporary file is left."""
    target = tmp_path / "bao-cao.xlsx"
    report = load_sample()
    real_replace = os.replace
    nested: list[object] = []

    def replace(src, dst):
        if not nested:
            nested.append(None)
            try:
                export_report_xlsx(report, target)
            except XlsxError as error:
                nested.append(error)
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    code, err = _export(capsys, db, target)
    assert code == 0, err
    assert nested == [None], nested
    assert load_workbook(target).sheetnames
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.xlsx", "cchc.sqlite"]


def test_write_failures_never_name_the_temporary_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "bao-cao.xlsx"

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / ".bao-cao-x.tmp"))

    monkeypatch.setattr(docx_export.tempfile, "mkstemp", refuse)
    with pytest.raises(XlsxError) as caught:
        xlsx_writer.export_report_xlsx(load_sample(), target)
    assert ".tmp" not in str(caught.value) and "không có quyền ghi vào thư mục" in str(caught.value)
