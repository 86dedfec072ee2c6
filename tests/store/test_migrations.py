"""Upgrading a database of the first schema version (built here exactly as version 1 shipped)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from cchc_desktop.core.codec import report_to_dict
from cchc_desktop.core.templates import load_sample
from cchc_desktop.store import database
from cchc_desktop.store.database import SCHEMA_VERSION, open_database
from cchc_desktop.store.reports import list_reports, load_organization, load_report

from .helpers import REPO_ROOT

# Frozen copy of schema version 1: never change it when later migrations are added.
SCHEMA_V1 = """
CREATE TABLE organization (id INTEGER PRIMARY KEY CHECK (id = 1), document TEXT NOT NULL);
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    period_kind TEXT NOT NULL,
    period_year INTEGER NOT NULL,
    period_index INTEGER,
    status TEXT NOT NULL DEFAULT 'draft',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX reports_period ON reports (period_year, period_kind, period_index);
CREATE INDEX reports_updated ON reports (deleted_at, updated_at);
PRAGMA application_id = 1128482883;
PRAGMA user_version = 1;
"""


@pytest.fixture
def v1_file(tmp_path):
    path = tmp_path / "old.sqlite"
    sample = load_sample()
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1)
    conn.execute(
        "INSERT INTO reports (id, document, subject, period_kind, period_year, period_index, status,"
        " created_at, updated_at, deleted_at) VALUES (7, ?, ?, 'half1', 2024, NULL, 'draft',"
        " '2024-05-02T08:00:00', '2024-05-03T09:30:00', NULL)",
        [json.dumps(report_to_dict(sample), ensure_ascii=False), sample.subject],
    )
    conn.execute("INSERT INTO organization VALUES (1, ?)",
                 [json.dumps(report_to_dict(sample)["organization"], ensure_ascii=False)])
    conn.commit()
    conn.close()
    return path


def test_application_id_constant_matches_the_frozen_schema():
    assert database.APPLICATION_ID == 1128482883


def _dump(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [*conn.iterdump(), *(str(conn.execute(f"PRAGMA {name}").fetchone()[0])
                                    for name in ("user_version", "application_id"))]
    finally:
        conn.close()


def test_migrates_version_1_keeping_data_and_a_copy(v1_file):
    """The copy is taken with SQLite's backup API (never by reading the live file ourselves,
    which would drop this process's locks on it): same schema, rows and version, not bytes."""
    before = _dump(v1_file)
    db = open_database(v1_file)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        [summary] = list_reports(db)  # no sample added to an existing file
        assert summary.id == 7
        assert summary.updated_at == "2024-05-03T09:30:00"
        assert summary.search_key.startswith("cong tac tuyen truyen cai cach hanh chinh")
        assert load_report(db, 7) == load_sample()
        assert load_organization(db) == load_sample().organization
    finally:
        db.close()
    copy = v1_file.with_name("old.sqlite.schema-v1.bak")
    assert _dump(copy) == before


def test_failed_migration_leaves_version_1(v1_file, monkeypatch):
    def broken(db):
        db.execute("ALTER TABLE reports ADD COLUMN half_done TEXT")
        raise RuntimeError("migration bug")

    monkeypatch.setattr(database, "MIGRATIONS", (database.MIGRATIONS[0], broken))
    with pytest.raises(RuntimeError):
        open_database(v1_file)
    conn = sqlite3.connect(v1_file)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = [row[1] for row in conn.execute("PRAGMA table_info(reports)")]
    conn.close()
    assert "half_done" not in columns


def test_current_schema_needs_no_copy(tmp_path):
    path = tmp_path / "new.sqlite"
    open_database(path).close()
    open_database(path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite"]


# ---------------------------------------------------------------- schema 3 with version-1 documents

V1_FIXTURE = REPO_ROOT / "tests" / "fixtures" / "sample-report-v1.json"

# Frozen copy of schema version 3 (migrations 2 and 3 on top of SCHEMA_V1): never change it.
SCHEMA_V3_EXTRA = """
ALTER TABLE reports ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
CREATE INDEX reports_search ON reports (search_key);
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    created_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX revisions_report ON revisions (report_id, created_at);
PRAGMA user_version = 3;
"""


def _v1_documents() -> list[dict]:
    """The old sample as version 1 wrote it, and two variants (a final one, a year report)."""
    first = json.loads(V1_FIXTURE.read_text(encoding="utf-8"))["report"]
    final = json.loads(json.dumps(first))
    final.update(status="final", number="15")
    final["date"].update(day=28)
    year = json.loads(json.dumps(first))
    year["period"].update(kind="year")
    year["subject"] = "Công tác tuyên truyền cải cách hành chính năm 2024"
    year["appendix"]["rows"][0]["value"] = "12.5"
    return [first, final, year]


@pytest.fixture
def v3_file(tmp_path):
    path = tmp_path / "v3.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1.replace("PRAGMA user_version = 1;", "") + SCHEMA_V3_EXTRA)
    for n, document in enumerate(_v1_documents(), start=1):
        text = json.dumps(document, ensure_ascii=False)
        conn.execute(
            "INSERT INTO reports (id, document, subject, period_kind, period_year, period_index, status,"
            " created_at, updated_at, deleted_at, search_key) VALUES (?, ?, ?, ?, 2024, NULL, ?,"
            " '2024-05-02T08:00:00', '2024-05-03T09:30:00', NULL, 'cong tac')",
            [n, text, document["subject"], document["period"]["kind"], document["status"]])
        for r in range(2):  # two revisions each, as the history keeps them
            conn.execute("INSERT INTO revisions (report_id, created_at, reason, note, size, document)"
                         " VALUES (?, ?, 'save', '', ?, ?)", [n, f"2024-05-0{r + 1}T10:00:00", len(text), text])
    conn.execute("INSERT INTO reports (id, document, subject, period_kind, period_year, status, created_at,"
                 " updated_at) VALUES (9, '{\"hỏng\": true}', 'hỏng', 'year', 2024, 'draft', 'x', 'x')")
    conn.execute("INSERT INTO organization VALUES (1, ?)", [json.dumps(_v1_documents()[0]["organization"],
                                                                        ensure_ascii=False)])
    conn.commit()
    conn.close()
    return path


def test_schema_3_with_version_1_documents_migrates_after_a_copy(v3_file):
    from cchc_desktop.core.codec import report_from_dict
    from cchc_desktop.store.revisions import list_revisions, load_revision

    before = _dump(v3_file)
    expected = [report_from_dict(document) for document in _v1_documents()]
    db = open_database(v3_file)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        for n, want in enumerate(expected, start=1):
            assert load_report(db, n) == want
            stored = json.loads(db.execute("SELECT document FROM reports WHERE id = ?", [n]).fetchone()[0])
            assert "parts" in stored and "sections" not in stored and "appendix" not in stored
            assert stored == report_to_dict(want)
            revisions = list_revisions(db, n)
            assert len(revisions) == 2
            for revision in revisions:
                assert load_revision(db, revision.id) == want
        assert load_report(db, 1).appendix.rows[3].value == 40
        assert load_report(db, 3).appendix.rows[0].text("value") == "12,5"
        assert load_report(db, 2).number == "15"
        # a document the codec cannot read is kept as it was, never dropped
        assert db.execute("SELECT document FROM reports WHERE id = 9").fetchone()[0] == '{"hỏng": true}'
        assert load_organization(db) == expected[0].organization
    finally:
        db.close()
    # the copy is taken with SQLite's backup API (one door to the live file): same content
    assert _dump(v3_file.with_name("v3.sqlite.schema-v3.bak")) == before


def test_failed_migration_4_leaves_schema_3_and_its_documents(v3_file, monkeypatch):
    def broken(db):
        db.execute("UPDATE reports SET document = '{}'")
        raise RuntimeError("migration bug")

    monkeypatch.setattr(database, "MIGRATIONS", database.MIGRATIONS[:3] + (broken,))
    monkeypatch.setattr(database, "SCHEMA_VERSION", 4)
    with pytest.raises(RuntimeError):
        open_database(v3_file)
    conn = sqlite3.connect(v3_file)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        documents = [json.loads(row[0]) for row in conn.execute("SELECT document FROM reports WHERE id < 9")]
    finally:
        conn.close()
    assert documents == _v1_documents()


def test_version_1_exchange_file_imports_and_exports_as_version_2(tmp_path, capsys):
    from cchc_desktop import cli
    from cchc_desktop.core.codec import report_from_dict

    db = str(tmp_path / "a.sqlite")
    assert cli.main(["--db", db, "import", str(V1_FIXTURE)]) == 0
    new_id = int(capsys.readouterr().out.split()[-1].strip("."))
    out = tmp_path / "again.json"
    assert cli.main(["--db", db, "export", str(new_id), "--json", str(out)]) == 0
    again = json.loads(out.read_text(encoding="utf-8"))
    assert again["version"] == 2 and "parts" in again["report"]
    expected = report_from_dict(json.loads(V1_FIXTURE.read_text(encoding="utf-8"))["report"])
    assert report_from_dict(again["report"]) == expected
