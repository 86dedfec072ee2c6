"""Autosave's snapshot (store/snapshot.py) is the report as it was when taken: the text blocks
are shared (never changed in place), the rest is frozen; later typing, a table edited in place or
a heading replaced in the part's list never reach it; the writer thread thaws and writes it."""

from __future__ import annotations

import copy

from cchc_desktop.core.model import Block, BlockRole, Part, Run, Table, TableRow, Cell
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_report
from cchc_desktop.store.snapshot import Snapshot, take

from .helpers import type_text


def _text(report) -> str:
    return " ".join(b.text for p in report.parts for b in p.blocks)


def test_snapshot_is_frozen_and_is_written(open_window, database) -> None:
    window = open_window()
    editor = window.narrative.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " ảnh chụp")
    snapshot = window.snapshot()
    assert isinstance(snapshot, Snapshot)
    type_text(editor, " sau")  # later typing does not reach the snapshot already taken
    window.current_report()
    window.autosaver._write(10**6, snapshot)
    db = open_database(database, create_sample=False)
    text = _text(load_report(db, window.report.id))
    db.close()
    assert "ảnh chụp" in text and "ảnh chụp sau" not in text


def test_changes_in_place_after_the_snapshot_do_not_reach_it(open_window) -> None:
    window = open_window()
    report = window.current_report()
    table = Table(rows=[TableRow([Cell([Run("12")])])])
    report.parts[0].blocks.append(Block(BlockRole.TABLE, table=table))
    report.subject = "Trích yếu cũ"
    before = copy.deepcopy(report)
    snapshot = take(report)
    table.rows[0].cells[0].runs = [Run("99")]  # a table is edited in place
    report.parts[0].blocks[0] = Block.plain(BlockRole.HEADING1, "I. TIÊU ĐỀ MỚI")  # the list changes
    report.parts.append(Part(blocks=[Block.plain(BlockRole.PARAGRAPH, "phần mới")]))
    report.subject = "Trích yếu mới"
    report.signature.name = "Người khác"
    thawed = snapshot.report()
    assert thawed == before
    assert thawed.parts[0].blocks[-1].table.rows[0].cells[0].runs[0].text == "12"
    assert thawed is not report and thawed.parts[0] is not report.parts[0]
