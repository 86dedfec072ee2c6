"""Screenshots for docs/ and for the user guide (resources/help/images): first-run setup, split view,
print preview with the landscape appendix, the main window.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/first_day_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CCHC_DESKTOP_HOME", tempfile.mkdtemp())
DOCS = ROOT / "docs"
HELP = ROOT / "resources" / "help" / "images"


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    from decimal import Decimal

    from cchc_desktop.core.indicators import insert_column
    from cchc_desktop.document.export import pdf_bytes
    from cchc_desktop.gui import first_run, printing
    from cchc_desktop.gui.app import application, build_window

    app = application()

    def spin(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def save(image: QImage, name: str, guide: str | None = None, guide_width: int = 760) -> None:
        image.save(str(DOCS / name))
        if guide:
            small = image.scaledToWidth(min(guide_width, image.width()), Qt.TransformationMode.SmoothTransformation)
            small.convertToFormat(QImage.Format.Format_RGB888).save(str(HELP / guide))

    HELP.mkdir(parents=True, exist_ok=True)
    window = build_window(Path(os.environ["CCHC_DESKTOP_HOME"]) / "shots.sqlite")
    window.resize(1366, 740)
    window.show()
    spin(0.5)

    # 1. First run: the setup dialog over the window showing the sample ("Mẫu").
    dialog = first_run.FirstRunDialog(window)
    dialog.commune.setText("Xã Cương Gián")
    dialog.province.setText("Hà Tĩnh")
    dialog.province.textEdited.emit("Hà Tĩnh")
    dialog.signer.setText("Nguyễn Văn Hòa")
    dialog.show()
    spin(0.3)
    save(dialog.grab().toImage(), "screenshot-first-run.png", "thiet-lap.png", 560)
    shot = window.grab().toImage()
    dialog.close()
    save(shot, "screenshot-sample.png")

    # Work on a copy of the sample, with a wide appendix (previous period, change): landscape.
    window.actions.duplicate_report()
    report = window.report
    table = report.appendix.table
    at = table.column_index("value")
    insert_column(table, at, "previous", "Kỳ trước")
    insert_column(table, at + 2, "change", "Tăng/giảm")
    for row, previous in zip(report.appendix.rows, (2, 1, 3, 35, 1, 0, 0, 1, 80, 4)):
        if row.value is not None:
            row.previous = Decimal(previous)
    window.indicators.set_report(report)
    window.mark_changed()
    window.tabs.setCurrentWidget(window.narrative)
    window.narrative.select_part(0)
    spin(0.3)
    save(window.grab().toImage(), "screenshot-window.png", "cua-so.png")

    # The "Nội dung" tab with a footnote mark and a table in the text (README, docs/editing.md).
    from cchc_desktop.core.model import Cell, Run, Table, TableRow, table_column

    editor = window.narrative.editor
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    cursor.movePosition(cursor.MoveOperation.NextBlock)
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.ask_footnote = lambda runs, number: [Run("Kế hoạch số 06/KH-UBND ngày 15/01/2024 của UBND xã.")]
    editor.insert_footnote()
    cursor.movePosition(cursor.MoveOperation.NextBlock)
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    blank = Cell.plain("")
    rows = [TableRow([Cell.plain("TT", rowspan=2), Cell.plain("Nội dung", rowspan=2),
                      Cell.plain("Kết quả thống kê", colspan=2), blank, Cell.plain("Ghi chú", rowspan=2)]),
            TableRow([Cell.plain(""), Cell.plain(""), Cell.plain("Kỳ trước"), Cell.plain("Kỳ này"), Cell.plain("")])]
    for n, (name, before, now) in enumerate((("Hội nghị tuyên truyền", "12", "15"),
                                             ("Tin bài trên loa truyền thanh", "1.250", "1.604"),
                                             ("Tài liệu phát hành", "-", "02")), 1):
        rows.append(TableRow([Cell.plain(str(n)), Cell.plain(name), Cell.plain(before), Cell.plain(now), Cell.plain("")]))
    columns = [table_column(k) for k in ("tt", "indicator", "previous", "value", "note")]
    editor.insert_table(Table(columns=columns, rows=rows, header_rows=2))
    spin(0.3)
    save(window.grab().toImage(), "screenshot-narrative.png")

    # 2. Split view (F9), cursor in the last part ("Phương hướng").
    window.tabs.setCurrentWidget(window.narrative)
    window.narrative.select_part(len(report.parts) - 1)
    editor = window.narrative.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    for _ in range(3):
        cursor.movePosition(cursor.MoveOperation.NextBlock)
    editor.setTextCursor(cursor)
    window.split.action.trigger()
    pane = window.split.pane
    end = time.monotonic() + 15
    while time.monotonic() < end and not (pane.requested and pane.shown == pane.requested and pane.complete):
        spin(0.1)
    spin(1.0)
    save(window.grab().toImage(), "screenshot-split-view.png", "xem-ben-canh.png")
    window.split.action.trigger()

    # 3. Print preview: the last text page (portrait) and the appendix (landscape) on their own sheets.
    preview = printing.PrintPreviewDialog(report, pdf_bytes(report), window)
    preview.resize(1100, 720)
    preview.show()
    spin(0.5)
    from PySide6.QtPdfWidgets import QPdfView

    preview.view.setZoomMode(QPdfView.ZoomMode.Custom)
    preview.view.setZoomFactor(0.55)
    preview.go_to(preview.page_count() - 2)
    spin(0.5)
    bar = preview.view.verticalScrollBar()
    bar.setValue(bar.value() + int(preview.view.viewport().height() * 0.55))
    spin(1.5)
    save(preview.grab().toImage(), "screenshot-print-preview.png", "xem-truoc-khi-in.png")
    preview.close()

    # The "Xem trước" tab (README).
    window.tabs.setCurrentWidget(window.preview)
    spin(1.5)
    save(window.grab().toImage(), "screenshot-preview.png")

    # 4. The 1024×700 window (small screen).
    window.resize(1024, 700)
    window.fit_splitter()
    window.tabs.setCurrentWidget(window.indicators)
    spin(0.5)
    save(window.grab().toImage(), "screenshot-1024x700.png")
    window.close()
    print("written:", ", ".join(sorted(p.name for p in DOCS.glob("screenshot-*.png"))))


if __name__ == "__main__":
    main()
