"""Inputs for benchmarks/bench_reliability.py (issue 22): 100 hostile DOCX/XLSX files built with
the builders of tests/importing/test_hostile_docx.py and tests/figures/test_consolidate_hostile.py
(parameters varied), a report whose texts are spreadsheet formulas, and the close-while-failing
driver (a child process with the window offscreen)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.figures import test_consolidate_hostile as xl
from tests.importing import test_hostile_docx as dx
from tests.importing.docx_builder import Builder

# ----------------------------------------------------------------------------- hostile files

HostileFile = tuple[str, str, Callable[[Path], Path]]  # (name, "import" | "consolidate", build(folder))


def _docx_with(name: str, body: str, date_line: str | None = None) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        b = dx._report(Builder(), date_line) if date_line else dx._report(Builder())
        if body:
            b.body.append(body)
        return dx._docx(folder, name, b)
    return build


def _numbered(name: str, **kwargs: str) -> Callable[[Path], Path]:
    return lambda folder: dx._docx(folder, name, dx._numbered(**kwargs))


def _broken_part(name: str, drop: tuple[str, ...] = (), replace: dict[str, bytes] | None = None,
                 numbered: bool = False) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        b = dx._numbered() if numbered else dx._report(Builder())
        return dx._docx(folder, name, b, drop=drop, replace=replace)
    return build


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')


def docx_files() -> list[HostileFile]:
    files: list[HostileFile] = [(f.__name__, "import", f) for f in dx.ODD + dx.EXHAUSTING]
    for n, start in enumerate(["-1", "0", "1e999", "NaN", "inf", "9" * 20, "0x1F", "   ", "٣", "-99999999999",
                               "1.5", "+7"]):
        files.append((f"start={start[:12]!r}", "import", _numbered(f"start-{n}.docx", start=start)))
    for n, ilvl in enumerate(["-1", "9", "10", "99", "abc", "1e999", "99999999999"]):
        files.append((f"ilvl={ilvl!r}", "import", _numbered(f"ilvl-{n}.docx", ilvl=ilvl)))
    for n, value in enumerate(["-1e999", "99999999999999", "nan", "abc", "-2147483649"]):
        files.append((f"indent={value!r}", "import", _docx_with(
            f"indent-{n}.docx", f'<w:p><w:pPr><w:ind w:left="{value}" w:hanging="{value}"/>'
                                f'<w:outlineLvl w:val="{value}"/></w:pPr><w:r><w:t>Đoạn lạ</w:t></w:r></w:p>')))
    for n, value in enumerate(["0", "-1", "1000", "100000", "10000000000", "abc"]):
        files.append((f"gridSpan={value}", "import", _docx_with(
            f"span-{n}.docx", '<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:tcPr>'
                              f'<w:gridSpan w:val="{value}"/></w:tcPr><w:p><w:r><w:t>Ô</w:t></w:r></w:p></w:tc></w:tr>'
                              '<w:tr><w:tc><w:p><w:r><w:t>Dòng hai</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')))
        files.append((f"gridBefore={value}", "import", _docx_with(
            f"before-{n}.docx", f'<w:tbl><w:tr><w:trPr><w:gridBefore w:val="{value}"/><w:gridAfter w:val="{value}"/>'
                                '</w:trPr><w:tc><w:p><w:r><w:t>Ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')))
    for n, line in enumerate(["ngày 31 tháng 4 năm 2025", "ngày 29 tháng 2 năm 2023", "ngày 99 tháng 99 năm 99999",
                              "ngày -1 tháng -1 năm -1", "ngày 1 tháng 1 năm " + "9" * 500]):
        files.append((f"date {line[:28]}", "import", _docx_with(f"date-{n}.docx", "", "Xã Cương Gián, " + line)))
    for n, char in enumerate(["FFFFFFFF", "D800", "110000", "zz", "0000"]):
        files.append((f"sym {char}", "import", _docx_with(
            f"sym-{n}.docx", f'<w:p><w:r><w:sym w:font="Wingdings" w:char="{char}"/><w:t>ký hiệu</w:t></w:r></w:p>')))
    files += [
        ("no numbering.xml", "import", _broken_part("no-numbering.docx", drop=("word/numbering.xml",), numbered=True)),
        ("no document rels", "import", _broken_part("no-rels.docx", drop=("word/_rels/document.xml.rels",))),
        ("document.xml garbage", "import", _broken_part("garbage.docx", replace={"word/document.xml": b"\x00\xff" * 500})),
        ("document.xml cut short", "import", _broken_part("cut.docx", replace={
            "word/document.xml": b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                                 b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>c'})),
        ("document.xml DOCTYPE", "import", _broken_part("laughs.docx", replace={
            "word/document.xml": (LAUGHS + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                                  '2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>'
                                  ).encode()})),
    ]
    return files


def _xlsx(name: str, build: Callable[[Path], Path]) -> Callable[[Path], Path]:
    return lambda folder: build(folder / name)


def _one_bad_cell(kind: str, raw: str) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        xl._unit_book(path, [111111, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        return xl._rewrite(path, xl._sheet(lambda xml: xl._cell(xml, 111111, kind, raw)))
    return build


def _doctype(path: Path) -> Path:
    xl._unit_book(path)
    return xl._rewrite(path, xl._sheet(lambda xml: LAUGHS + xml.split("?>", 1)[-1].replace("<v>3</v>", "<v>&lol3;</v>")))


def _cell_limit(path: Path) -> Path:
    xl._unit_book(path)
    filler = "".join(f'<row r="{n}">' + "<c><v>7</v></c>" * 1000 + "</row>" for n in range(12, 312))
    return xl._rewrite(path, xl._sheet(lambda xml: xml.replace("</sheetData>", filler + "</sheetData>")))


def _formula_cells(path: Path) -> Path:
    xl._unit_book(path)
    return xl._rewrite(path, xl._sheet(lambda xml: re.sub(r'<c r="D3"([^>]*) t="n"><v>2</v>',
                                                          r'<c r="D3"\1><f>HYPERLINK("http://127.0.0.1/x","x")</f><v>2</v>',
                                                          xml)))


def xlsx_files() -> list[HostileFile]:
    files: list[HostileFile] = [("bad cells", "consolidate", _xlsx("Thôn Xấu.xlsx", xl._bad_cells))]
    for n, ref in enumerate(["A1:C3", "A1", "A1:XFD1048576", "XFD1048576", "A0:B-1", "", "ZZZZ1:A1", "A1:B2:C3"]):
        files.append((f"dimension {ref!r}", "consolidate",
                      _xlsx(f"Thôn D{n}.xlsx", lambda path, ref=ref: xl._dimension(path, ref))))
    for rows in (100, 1000, 4900):
        files.append((f"16384 columns, {rows} rows", "consolidate",
                      _xlsx(f"Thôn R{rows}.xlsx", lambda path, rows=rows: xl._wide(path, rows))))
    for megabytes, text in ((10, b"a" * 1000), (40, b"ab"), (120, b"ab")):
        files.append((f"shared-strings bomb {megabytes} MB", "consolidate",
                      _xlsx(f"Thôn B{megabytes}.xlsx",
                            lambda path, m=megabytes, t=text: xl._shared_strings_bomb(path, m, t))))
    cells = [("n", "1e999"), ("n", "-1e999"), ("n", "NaN"), ("n", "inf"), ("n", "9" * 5000), ("n", "1e-999"),
             ("n", ""), ("s", "-1"), ("s", "99999"), ("s", "abc"), ("b", "2"), ("e", "#DIV/0!"),
             ("d", "9999-99-99"), ("d", "abc"), ("str", "=1+1"), ("inlineStr", "x")]
    for n, (kind, raw) in enumerate(cells):
        files.append((f"cell t={kind} {raw[:12]!r}", "consolidate", _xlsx(f"Thôn C{n}.xlsx", _one_bad_cell(kind, raw))))
    files += [("DOCTYPE entities", "consolidate", _xlsx("Thôn DTD.xlsx", _doctype)),
              ("300,000 cells", "consolidate", _xlsx("Thôn Rộng.xlsx", _cell_limit)),
              ("a formula cell", "consolidate", _xlsx("Thôn F.xlsx", _formula_cells))]
    return files


def hostile_files(quick: bool) -> list[HostileFile]:
    """100 files (66 .docx, 34 .xlsx); ``quick``: every fifth (20)."""
    files = docx_files() + xlsx_files()
    return files[::5] if quick else files


# ----------------------------------------------------------------------------- formula payloads

PAYLOADS = ['=HYPERLINK("http://127.0.0.1/x","bấm vào đây")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)",
            "=1+1", '=WEBSERVICE("http://127.0.0.1/y")', "\t=2+2", " =3+3", "'=4+4"]


def formula_report():
    """The sample report with every text the workbook shows made a payload: the subject, part
    headings (a text table's sheet line), cells of a text table, the appendix heading (the tab),
    title and reference, its indicator, unit, figure and note cells and a caption row."""
    from cchc_desktop.core.indicators import new_row
    from cchc_desktop.core.model import AppendixTable, Block, BlockRole, Cell, Run, RowKind, Table, TableRow
    from cchc_desktop.core.templates import load_sample

    report = load_sample()
    report.subject = PAYLOADS[0]
    for n, part in enumerate(report.parts):
        if part.heading is not None:
            part.heading.runs = [Run(PAYLOADS[n % len(PAYLOADS)])]
    columns = report.appendix.table.columns[:3]
    header = TableRow([Cell.plain(p) for p in PAYLOADS[:3]])
    body = [TableRow([Cell.plain(PAYLOADS[(r + c) % len(PAYLOADS)]) for c in range(3)]) for r in range(len(PAYLOADS))]
    report.parts[0].blocks.append(Block(BlockRole.TABLE, [], Table(list(columns), [header, *body], header_rows=1)))
    for n, payload in enumerate(PAYLOADS[:4]):
        appendix = report.appendix if n == 0 else AppendixTable()
        if n:
            report.appendices.append(appendix)
        appendix.heading, appendix.title, appendix.reference = payload, PAYLOADS[n + 1], PAYLOADS[n + 2]
        table = appendix.table
        # figure cells refuse a non-figure on import (a defence of its own): payloads in the text cells
        table.rows += [new_row(table, tt=p, indicator=p, unit=p, value="", note=p) for p in PAYLOADS]
        caption = new_row(table, tt="", indicator=PAYLOADS[n + 3])
        caption.kind = RowKind.CAPTION
        table.rows.append(caption)
    return report


def count_formulas(xlsx: Path) -> dict:
    """<f> elements in every sheet, and how many cells hold a payload as text."""
    formulas, payload_cells, sheets = 0, 0, 0
    with zipfile.ZipFile(xlsx) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                sheets += 1
                xml = archive.read(name).decode("utf-8")
                formulas += len(re.findall(r"<(?:\w+:)?f[\s/>]", xml))
        strings = "".join(archive.read(n).decode("utf-8") for n in archive.namelist()
                          if n.startswith("xl/worksheets/") or n == "xl/sharedStrings.xml")
    from xml.sax.saxutils import escape

    for payload in PAYLOADS:
        payload_cells += strings.count(escape(payload, {'"': "&quot;"})) + (
            strings.count(escape(payload)) if '"' in payload else 0)
    return {"sheets": sheets, "formulas": formulas, "payload_texts_found": payload_cells}


# ----------------------------------------------------------------------------- closing while saves fail

CLOSING_DRIVER = r"""
import json, os, sqlite3, sys, time
from contextlib import closing as closed
from pathlib import Path
sys.path.insert(0, sys.argv[1])
folder, runs = Path(sys.argv[2]), int(sys.argv[3])
from cchc_desktop.gui import closing, dialogs
from cchc_desktop.gui.app import application, build_window
from cchc_desktop.store import reports
from cchc_desktop.store.exchange import read_exchange
from cchc_desktop.core.codec import report_to_dict
from tests.gui.helpers import treat_sample_as_own, type_text
app = application()
real_save = reports.save_report

def full(*_args, **_kwargs):
    raise sqlite3.OperationalError("database or disk is full")

def wait(seconds):
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.02)

def stored(db, words):
    with closed(sqlite3.connect(db)) as conn:
        return any(words in (d or "") for (d,) in conn.execute("SELECT document FROM reports"))

for run in range(runs):
    db = folder / f"run-{run}.sqlite"
    copy = folder / f"copy-{run}.json"
    asked, errors = [], []
    closing.ask_unsaved = lambda _w, text: asked.append(text) or closing.COPY
    closing.ask_copy_path = lambda _w, _suggested: str(copy)
    dialogs.inform = lambda *_a, **_k: None
    dialogs.error = lambda _w, text, *_a, **_k: errors.append(text)
    reports.save_report = real_save
    window = build_window(db)
    window.show()
    treat_sample_as_own(window)
    window.tabs.setCurrentWidget(window.narrative)
    window.narrative.select_part(0)
    editor = window.narrative.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    if run % 2:  # some text saved before the disk fills
        type_text(editor, f" đã lưu {run}")
        window.save_now(wait=True)
    reports.save_report = full
    words = f" CHUALUU{run}X" + " chữ" * (run % 4)
    type_text(editor, words)
    wait([0, 0.4, 1.5, 3.0][run % 4])  # the autosave tries (and fails) or not yet
    window.close()
    app.processEvents()
    closed_ok = not window.isVisible()
    reports.save_report = real_save
    saved = stored(db, words.strip())
    in_copy = False
    if copy.exists():
        in_copy = words.strip() in json.dumps(report_to_dict(read_exchange(copy)), ensure_ascii=False)
    if window.isVisible():
        window.close()
    window.deleteLater()
    app.processEvents()
    print(json.dumps({"run": run, "asked": len(asked), "question": asked[0][:120] if asked else "", "saved": saved,
                      "in_copy": in_copy, "closed": closed_ok, "errors": errors}, ensure_ascii=False), flush=True)
sys.stdout.flush()
os._exit(0)
"""
