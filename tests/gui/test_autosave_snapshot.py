"""Autosave's snapshot is the report pickled on the GUI thread (bytes nobody can change later)
and made back into a report on the writer thread: half the round trip leaves the GUI thread."""

from __future__ import annotations

from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_report

from .helpers import type_text


def test_snapshot_is_frozen_bytes_and_is_written(open_window, database) -> None:
    window = open_window()
    editor = window.narrative.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " ảnh chụp")
    snapshot = window.snapshot()
    assert isinstance(snapshot, bytes)
    type_text(editor, " sau")  # later typing does not reach the snapshot already taken
    window.autosaver._write(10**6, snapshot)
    db = open_database(database, create_sample=False)
    text = " ".join(b.text for p in load_report(db, window.report.id).parts for b in p.blocks)
    db.close()
    assert "ảnh chụp" in text and "ảnh chụp sau" not in text
