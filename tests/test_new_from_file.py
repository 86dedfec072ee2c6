"""``cchc-desktop new --from-file LAST.docx [--period SPEC]``: last period's Word file to this
period's report in one command; the new report's number is printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop import cli
from cchc_desktop.core.model import PeriodKind
from cchc_desktop.core.templates import load_sample
from cchc_desktop.document.export import export_docx
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import list_reports, load_report


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def last_period(tmp_path: Path) -> Path:
    """Last period's report as the clerk has it: a Word file (the sample, 6 tháng đầu năm 2024)."""
    path = tmp_path / "bao-cao-ky-truoc.docx"
    export_docx(load_sample(), path)
    return path


def _load(db_path: Path, report_id: int):
    db = open_database(db_path, create_sample=False)
    try:
        return load_report(db, report_id), [s.id for s in list_reports(db)]
    finally:
        db.close()


def test_new_from_file_makes_the_next_period_and_prints_its_id(capsys, tmp_path, last_period) -> None:
    db_path = tmp_path / "cchc.sqlite"
    code, out, err = run(capsys, "--db", str(db_path), "new", "--from-file", str(last_period))
    assert code == 0, err
    new_id = int(out.strip())
    report, ids = _load(db_path, new_id)
    assert (report.period.kind, report.period.year) == (PeriodKind.HALF2, 2024)  # the next by the calendar
    assert "6 tháng cuối năm 2024" in report.subject and report.number == ""
    assert len(ids) == 3  # the sample, last period's report (kept) and this one
    code, out, _ = run(capsys, "--db", str(db_path), "history", str(new_id))
    assert code == 0 and last_period.name in out


def test_new_from_file_with_a_period_and_bad_input(capsys, tmp_path, last_period) -> None:
    db_path = tmp_path / "cchc.sqlite"
    code, out, err = run(capsys, "--db", str(db_path), "new", "--from-file", str(last_period),
                         "--period", "year:2024")
    assert code == 0, err
    report, _ids = _load(db_path, int(out.strip()))
    assert report.period.kind == PeriodKind.YEAR and report.subject.endswith("năm 2024")
    for argv in (["--period", "tuần:2024"], ["--from", "1"]):
        code, _, err = run(capsys, "--db", str(db_path), "new", "--from-file", str(last_period), *argv)
        assert code != 0 and err.startswith("Lỗi") and "Traceback" not in err
    missing = tmp_path / "khong-co.docx"
    code, _, err = run(capsys, "--db", str(db_path), "new", "--from-file", str(missing))
    assert code != 0 and "Traceback" not in err
