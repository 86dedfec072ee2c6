"""Any report (any NFC text, any table shape, blank fields) survives every road unchanged:
model → dict → JSON → model, model → exchange file → model, model → SQLite → model.

One property test for all three: drawing a whole report is the expensive part, so each
drawn report goes down every road (500 examples under the CI profile).
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given

from cchc_desktop.core.codec import report_from_dict, report_to_dict
from cchc_desktop.core.model import ReportStatus
from cchc_desktop.store.database import open_database
from cchc_desktop.store.exchange import exchange_text, read_exchange, write_exchange
from cchc_desktop.store.reports import load_report, save_report
from tests.strategies import reports


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """One folder and one database for the whole module (hypothesis runs many examples)."""
    folder = tmp_path_factory.mktemp("roundtrip")
    db = open_database(folder / "shared.sqlite", create_sample=False)
    yield folder, db
    db.close()


@given(reports())
def test_any_report_survives_json_file_and_sqlite(place, report):
    folder, db = place
    # model → JSON text → model
    assert report_from_dict(json.loads(json.dumps(report_to_dict(report), ensure_ascii=False))) == report
    # model → exchange file → model, and the file is written again byte for byte
    path = folder / "bao-cao.json"
    write_exchange(report, path)
    again = read_exchange(path)
    assert again == report
    assert exchange_text(again).encode("utf-8") == path.read_bytes()
    # model → SQLite → model, on insert and on update
    report_id = save_report(db, report)
    assert report.id == report_id
    assert load_report(db, report_id) == report
    if report.status == ReportStatus.DRAFT:  # a final report refuses edits (revisions.guard_edit)
        report.subject += "x"
        assert save_report(db, report) == report_id
        assert load_report(db, report_id) == report
