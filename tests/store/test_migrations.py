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
