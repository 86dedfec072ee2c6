"""Exported files get a new file's usual permissions (0o666 less the umask), not the private
0o600 of a temporary file; a replaced file keeps its own mode (issue 22)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cchc_desktop.document.export import export_docx, export_pdf
from cchc_desktop.document.xlsx_writer import export_report_xlsx
from cchc_desktop.store import backup
from cchc_desktop.store.database import open_database
from cchc_desktop.store.exchange import write_exchange

from .document.helpers import sample_report

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")


def _xlsx(report, path: Path) -> None:
    export_report_xlsx(report, path)


WRITERS = {"docx": export_docx, "pdf": export_pdf, "xlsx": _xlsx, "json": write_exchange}


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("kind", WRITERS)
def test_a_new_export_gets_the_usual_permissions(tmp_path: Path, umask_022, kind: str) -> None:
    target = tmp_path / f"bao-cao.{kind}"
    WRITERS[kind](sample_report(), target)
    assert _mode(target) == 0o644


@pytest.mark.parametrize("kind", WRITERS)
def test_a_replaced_export_keeps_its_mode(tmp_path: Path, umask_022, kind: str) -> None:
    target = tmp_path / f"bao-cao.{kind}"
    target.write_bytes(b"old")
    target.chmod(0o640)
    WRITERS[kind](sample_report(), target)
    assert target.read_bytes() != b"old"
    assert _mode(target) == 0o640


def test_another_umask_is_followed(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        export_docx(sample_report(), tmp_path / "a.docx")
        write_exchange(sample_report(), tmp_path / "a.json")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "a.docx") == 0o640
    assert _mode(tmp_path / "a.json") == 0o640


def test_a_backup_gets_the_usual_permissions(tmp_path: Path, umask_022) -> None:
    db = tmp_path / "cchc.sqlite"
    open_database(db).close()
    copy = backup.backup_to(db, tmp_path / "usb" / "copy.sqlite")
    assert _mode(copy) == 0o644
