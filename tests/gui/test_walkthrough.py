"""The clerk's whole job, played and counted: first run → start from last period's Word file →
three figures and one sentence → checks → print preview → print to PDF → export DOCX and PDF.

Every user action (a click, a key chord, an answer to a dialog) goes through ``Clerk.act``;
typing the new figures and the sentence (and Enter/Down between figure cells) is not an action.
Dialogs are answered through the module-level ask/exec functions the window uses.  Goal: ≤ 15.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit

from cchc_desktop.core.indicators import indicator_rows
from cchc_desktop.core.templates import load_sample
from cchc_desktop.document.export import export_docx
from cchc_desktop.gui import actions as actions_module, dialogs, first_run, printing, start_from_file

from .helpers import press, type_text

LIMIT = 15
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "reports"
SENTENCE = "Kỳ này đã tổ chức thêm ba hội nghị tập huấn."
FIGURES = ("417", "352", "268")


class Clerk:
    """Counts what the clerk does; each answer or click names itself for the failure message."""

    def __init__(self) -> None:
        self.actions: list[str] = []

    def act(self, what: str) -> None:
        self.actions.append(what)


def _answer_dialogs(monkeypatch, clerk: Clerk, source: Path, out: Path) -> list[str]:
    errors: list[str] = []

    def setup(dialog) -> bool:
        clerk.act("first run: Lưu và bắt đầu từ báo cáo kỳ trước")
        dialog.from_file.click()
        return dialog.result() == dialog.DialogCode.Accepted

    def pick(_parent) -> str:
        clerk.act("file dialog: the file, Mở")
        return str(source)

    def period(dialog) -> bool:
        clerk.act(f"{dialog.windowTitle()}: Tạo báo cáo")
        return True

    def confirm(_parent, text, default_yes=False) -> bool:
        clerk.act(f"question: {text[:50]} — Có")
        return True

    def preview(dialog) -> int:
        clerk.act("preview: In…")
        dialog.print_button.click()
        return 0

    def print_dialog(dialog) -> bool:
        clerk.act("print dialog: PDF printer, In")
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out / "in.pdf"))
        return True

    def save(_parent, _title, suggested, _filters) -> str:
        clerk.act("save dialog: Lưu")
        return str(out / Path(suggested).name)

    monkeypatch.setattr(first_run, "exec_dialog", setup)
    monkeypatch.setattr(start_from_file, "ask_open_path", pick)
    monkeypatch.setattr(start_from_file, "exec_dialog", period)
    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: clerk.act("choice") or 0)
    monkeypatch.setattr(dialogs, "inform", lambda _p, text: clerk.act(f"message: {text[:40]} — Đồng ý"))
    monkeypatch.setattr(dialogs, "error", lambda _p, text, details="": errors.append(text))
    monkeypatch.setattr(printing, "exec_preview", preview)
    monkeypatch.setattr(printing, "exec_print_dialog", print_dialog)
    monkeypatch.setattr(actions_module, "ask_save_path", save)
    return errors


def _go_to_tab(window, clerk: Clerk, widget) -> None:
    if window.tabs.currentWidget() is not widget:
        clerk.act(f"tab: {window.tabs.tabText(window.tabs.indexOf(widget))}")
        window.tabs.setCurrentWidget(widget)


def _figure_cells(window) -> list[tuple[int, int, int]]:
    """(appendix, row, column) of this period's empty figure cells, in order."""
    found = []
    for k, appendix in enumerate(window.report.appendices):
        at = appendix.table.column_index("value")
        if at is None:
            continue
        for row in indicator_rows(appendix.table):
            if row.indicator.strip() and not row.text("value").strip():
                found.append((k, appendix.table.header_rows + row.index, at))
    return found


def _set_figures_in_forms(qtbot, window, clerk: Clerk, cells) -> None:
    """Click the first empty figure, type it, Down to the next (typing); a gap costs a click."""
    tab = window.indicators
    _go_to_tab(window, clerk, tab)
    view = tab.view
    previous = None
    for figure, (k, row, column) in zip(FIGURES, cells):
        if tab.selector.currentIndex() != k:
            clerk.act("form list: the next form")
            tab.selector.setCurrentIndex(k)
        if previous != (k, row - 1, column):
            clerk.act("click: an empty figure cell")
        index = view.model().index(row, column)
        view.setCurrentIndex(index)
        view.edit(index)
        editor = [e for e in view.findChildren(QLineEdit) if e.isVisible()][-1]
        type_text(editor, figure)
        press(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.state() == view.State.NoState)
        previous = (k, row, column)


def _editors_with_numbers(window) -> list:
    editors = [window.narrative.editor_of(i) for i in range(len(window.report.parts))]
    return [e for e in editors if e is not None and re.search(r"\d", e.toPlainText())]


def _set_figures_in_text(window, clerk: Clerk) -> None:
    """A report without forms: the figures are in its sentences — double-click each, type."""
    _go_to_tab(window, clerk, window.narrative)
    done = 0
    for editor in _editors_with_numbers(window):
        for match in list(re.finditer(r"(?<![\d/.,])\d{1,6}(?![\d/.,])", editor.toPlainText())):
            if done == len(FIGURES):
                return
            text = editor.toPlainText()
            if text[match.start():match.end()] != match.group(0):
                continue
            clerk.act("double-click: a figure in the text")
            cursor = editor.textCursor()
            cursor.setPosition(match.start())
            cursor.setPosition(match.end(), QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
            type_text(editor, FIGURES[done])  # same width or not: later matches are re-checked
            done += 1
            break  # positions moved: look again from the start of this editor
    assert done >= 1, "no figure to change in the report"


def _add_sentence(window, clerk: Clerk) -> None:
    _go_to_tab(window, clerk, window.narrative)
    editor = next(e for e in (window.narrative.editor_of(i) for i in range(len(window.report.parts)))
                  if e is not None and e.toPlainText().strip())
    clerk.act("click: the end of a paragraph")
    cursor = editor.textCursor()
    cursor.setPosition(len(editor.toPlainText().split("\n")[0]))
    editor.setTextCursor(cursor)
    type_text(editor, " " + SENTENCE)


def _walk(qtbot, open_window, monkeypatch, tmp_path: Path, source: Path) -> Clerk:
    clerk = Clerk()
    out = tmp_path / "ra"
    out.mkdir()
    errors = _answer_dialogs(monkeypatch, clerk, source, out)
    window = open_window(sample_is_own=False)
    first_run.maybe_start(window)  # as the window does once it is on screen
    assert not errors, errors
    assert window.report is not None and window.report.id != min(first_run.sample_ids(window) or {0})
    cells = _figure_cells(window)
    if len(cells) >= len(FIGURES):
        _set_figures_in_forms(qtbot, window, clerk, cells)
    else:
        for _ in range(3):
            before = len(clerk.actions)
            _set_figures_in_text(window, clerk)
            if len(clerk.actions) - before >= 1:
                break
    _add_sentence(window, clerk)
    clerk.act("F7: checks")
    window.actions.check.trigger()
    clerk.act("menu: Tệp → Xem trước khi in")
    window.actions.print_preview.trigger()
    clerk.act("Ctrl+Shift+E: export DOCX and PDF")
    window.actions.export_both.trigger()
    assert not errors, errors

    printed = out / "in.pdf"
    assert printed.exists(), clerk.actions
    printed_text = "".join(page.extract_text() for page in PdfReader(str(printed)).pages)
    assert _squeezed(SENTENCE) in _squeezed(printed_text)
    (docx_path,) = out.glob("*.docx")
    (pdf_path,) = [p for p in out.glob("*.pdf") if p != printed]
    assert docx_path.stem == pdf_path.stem and "Báo cáo" in docx_path.stem  # the Vietnamese name
    document = docx.Document(str(docx_path))
    words = " ".join(p.text for p in document.paragraphs) + " ".join(
        c.text for t in document.tables for row in t.rows for c in row.cells)
    assert SENTENCE in words
    assert sum(figure in words for figure in FIGURES) >= 1
    exported = "".join(page.extract_text() for page in PdfReader(str(pdf_path)).pages)
    assert _squeezed(SENTENCE) in _squeezed(exported)
    return clerk


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def last_period(tmp_path: Path) -> Path:
    path = tmp_path / "bao-cao-6-thang-dau-nam-2024.docx"
    export_docx(load_sample(), path)
    return path


def test_walkthrough_on_a_fixture_in_at_most_15_actions(qtbot, open_window, monkeypatch, tmp_path, last_period):
    clerk = _walk(qtbot, open_window, monkeypatch, tmp_path, last_period)
    print(f"\n{len(clerk.actions)} actions:", *clerk.actions, sep="\n  ")
    assert len(clerk.actions) <= LIMIT, "\n".join(clerk.actions)


def _corpus() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*") if p.suffix.lower() in (".docx", ".doc")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not _corpus(), reason="the shared corpus of real reports is not here")
@pytest.mark.parametrize("source", _corpus(), ids=lambda p: p.name[:12])
def test_walkthrough_on_each_real_report(qtbot, open_window, monkeypatch, tmp_path, source):
    if source.suffix.lower() == ".doc" and not (shutil.which("soffice") or shutil.which("libreoffice")):
        from cchc_desktop.importing import soffice_path

        if soffice_path() is None:
            pytest.skip("an old .doc needs LibreOffice to convert")
    clerk = _walk(qtbot, open_window, monkeypatch, tmp_path, source)
    print(f"\n{len(clerk.actions)} actions:", *clerk.actions, sep="\n  ")
    assert len(clerk.actions) <= LIMIT, "\n".join(clerk.actions)
