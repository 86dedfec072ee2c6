"""Parts editor benchmark: a long report split into 20 parts with footnotes and a table per part.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_editor.py

Prints the time to show the report (one text editor per part), a keystroke (role detection,
footnote renumbering across parts), switching parts, and writing every editor into the model.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("CCHC_DESKTOP_HOME", tempfile.mkdtemp())


def long_parts_report():
    from long_report import make_long_report

    from cchc_desktop.core.model import Block, BlockRole, Part, PartTag, Run
    from cchc_desktop.gui.table_ops import new_table

    report = make_long_report()
    parts: list[Part] = []
    for old in report.parts:
        for block in old.blocks:
            if block.role == BlockRole.HEADING1 or not parts:
                parts.append(Part(old.tag if old.tag != PartTag.OTHER else PartTag.OTHER, []))
            parts[-1].blocks.append(block)
    for part in parts:
        for index, block in enumerate(part.blocks):
            if index % 10 == 5 and block.runs:
                block.runs[-1].footnote = [Run("Kế hoạch số 06/KH-UBND ngày 15/01/2024.")]
        part.blocks.insert(3, Block(BlockRole.TABLE, [], new_table(8, 6, 2)))
    report.parts = parts
    return report


def main() -> None:
    from long_report import open_window

    app, window, report = open_window(long_parts_report(), "editor.sqlite", open_it=False)
    from cchc_desktop.store.reports import load_report

    started = time.perf_counter()
    window.show_report(load_report(window.db, report.id))
    app.processEvents()
    shown = (time.perf_counter() - started) * 1000
    tab = window.narrative
    window.tabs.setCurrentWidget(tab)
    footnotes = sum(editor.footnote_count() for editor in tab.editors)
    blocks = sum(len(part.blocks) for part in report.parts)
    tab.select_part(len(tab.editors) - 1)
    editor = tab.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    started = time.perf_counter()
    for _ in range(200):
        editor.insertPlainText("x")
    app.processEvents()
    keystroke = (time.perf_counter() - started) * 1000 / 200
    timings = []
    for _round in range(2):  # the first visit lays the part's text out; the second is a switch only
        started = time.perf_counter()
        for index in range(len(tab.editors)):
            tab.select_part(index)
            app.processEvents()
        timings.append((time.perf_counter() - started) * 1000 / len(tab.editors))
    for each in tab.editors:
        tab._dirty.add(id(each))
    started = time.perf_counter()
    tab.flush()
    flush = (time.perf_counter() - started) * 1000
    print(f"{len(report.parts)} parts, {blocks} blocks, {footnotes} footnotes, {len(report.parts)} tables")
    print(f"open report: {shown:.0f} ms; keystroke: {keystroke:.2f} ms; first visit of a part: {timings[0]:.1f} ms, "
          f"switch: {timings[1]:.1f} ms; "
          f"flush every part: {flush:.0f} ms")
    window.close()


if __name__ == "__main__":
    main()
