"""``cchc-desktop check ID``: Vietnamese findings, JSON, exit status."""

from __future__ import annotations

import json

from cchc_desktop.cli import main
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import list_reports, load_report, save_report
from tests.core.strategies_clean import clean_sample


def _sample_id(path) -> int:
    db = open_database(path)
    return list_reports(db)[0].id


def test_check_prints_the_sample_findings_and_fails(tmp_path, capsys) -> None:
    path = tmp_path / "r.db"
    report_id = _sample_id(path)
    assert main(["--db", str(path), "check", str(report_id)]) == 1
    out = capsys.readouterr().out
    assert "5 lỗi, 1 cảnh báo." in out
    assert "Kế hoạch số 06/KH-UBND được ghi với ngày khác nhau" in out
    assert "[Lỗi] Nơi nhận, dòng 4" in out or "[Lỗi] Nơi nhận dòng 4" in out


def test_check_json(tmp_path, capsys) -> None:
    path = tmp_path / "r.db"
    report_id = _sample_id(path)
    assert main(["--db", str(path), "check", str(report_id), "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert {f["rule"] for f in found} == {"citations.date_conflict", "placeholders.text",
                                          "recipients.archive", "typography.slip"}
    title = next(f for f in found if f["field"] == "appendix.title")
    assert title["text"] == "QUÝ/6 THÁNG/NĂM 2024" and title["severity"] == "error"


def test_clean_report_exits_zero_and_finalizing_needs_a_number(tmp_path, capsys) -> None:
    path = tmp_path / "r.db"
    db = open_database(path)
    report_id = save_report(db, clean_sample())
    assert main(["--db", str(path), "check", str(report_id)]) == 0
    assert "Không phát hiện lỗi nào." in capsys.readouterr().out
    assert main(["--db", str(path), "check", str(report_id), "--finalizing"]) == 1
    assert "văn thư" in capsys.readouterr().out
    assert load_report(db, report_id).number == ""


def test_missing_report_is_one_line_on_stderr(tmp_path, capsys) -> None:
    path = tmp_path / "r.db"
    _sample_id(path)
    assert main(["--db", str(path), "check", "999"]) != 0
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err
