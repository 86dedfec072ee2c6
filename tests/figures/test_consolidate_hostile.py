"""Consolidation of hostile or damaged unit workbooks: a bad cell is a finding for that unit,
a zip bomb or a lying sheet is refused or read correctly, within 10 s and 500 MB, and the
command line never ends in an unexpected error (exit 3)."""

from __future__ import annotations

import os
import random
import re
import resource
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from cchc_desktop.core.consolidate import consolidate
from cchc_desktop.core.history import identities
from cchc_desktop.core.templates import load_sample

REPO_ROOT = Path(__file__).resolve().parents[2]
SECONDS, MEGABYTES = 10, 500
SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SHARED_STRINGS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def _names() -> list[str]:
    return [row.indicator for _identity, row in identities(load_sample().appendix.table)]


def _unit_book(path: Path, values: list[object] | None = None) -> Path:
    """A unit's own sheet for the sample's form: "STT | Nội dung | ĐVT | Kết quả", rows 2–11."""
    values = values or list(range(1, 11))
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Nội dung", "ĐVT", "Kết quả"])
    for n, (name, value) in enumerate(zip(_names(), values, strict=True), start=1):
        sheet.append([n, name, "", value])
    book.save(path)
    return path


def _rewrite(path: Path, change: Callable[[str, bytes], bytes | None], add: dict[str, bytes] | None = None,
             writers: dict[str, Callable[[zipfile.ZipFile], None]] | None = None) -> Path:
    """Rewrite the zip at ``path``: every member through ``change`` (None drops it), then
    ``add`` and ``writers`` (which stream a member of their own)."""
    members = []
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            data = change(info.filename, archive.read(info))
            if data is not None:
                members.append((info.filename, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
        for name, data in (add or {}).items():
            archive.writestr(name, data)
        for write in (writers or {}).values():
            write(archive)
    return path


def _sheet(transform: Callable[[str], str]) -> Callable[[str, bytes], bytes]:
    def change(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return transform(data.decode("utf-8")).encode("utf-8")
        return data
    return change


def _cell(xml: str, value: int, kind: str, raw: str) -> str:
    """The cell holding ``value`` given another type and raw content, as a hostile file has it."""
    found = re.search(rf'(<c r="D\d+"[^>]*?) t="n"><v>{value}</v>', xml)
    assert found, value
    return xml.replace(found.group(0), f'{found.group(1)} t="{kind}"><v>{raw}</v>')


def _bad_cells(path: Path) -> Path:
    """1e999, NaN, letters in a numeric cell, an invalid date, a shared string that does not exist."""
    _unit_book(path, [111111, 222222, 333333, 444444, 555555, 6, 7, 8, 9, 10])

    def transform(xml: str) -> str:
        xml = _cell(xml, 111111, "n", "1e999")
        xml = _cell(xml, 222222, "n", "NaN")
        xml = _cell(xml, 333333, "n", "abc")
        xml = _cell(xml, 444444, "d", "2024-13-45T99:99:99")
        return _cell(xml, 555555, "s", "99999")

    return _rewrite(path, _sheet(transform))


def _dimension(path: Path, ref: str) -> Path:
    _unit_book(path)
    return _rewrite(path, _sheet(lambda xml: re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>', xml)))


def _wide(path: Path, rows: int = 4_900) -> Path:
    """The form, then ``rows`` filler rows, and a dimension that claims 16,384 columns
    (openpyxl's read-only mode pads every row to the width the sheet declares)."""
    _unit_book(path)
    filler = "".join(f'<row r="{n}"><c r="A{n}" t="n"><v>0</v></c></row>' for n in range(12, 12 + rows))
    dimension = f'<dimension ref="A1:XFD{11 + rows}"/>'
    return _rewrite(path, _sheet(lambda xml: re.sub(r'<dimension ref="[^"]*"/>', dimension, xml)
                                 .replace("</sheetData>", filler + "</sheetData>")))


def _shared_strings_bomb(path: Path, megabytes: int, text: bytes = b"a" * 1000) -> Path:
    """A valid workbook with a shared-strings part of ``megabytes`` MB that packs to almost nothing."""
    _unit_book(path)

    def change(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="'
                                + SHARED_STRINGS_TYPE.encode() + b'"/></Types>')
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(b"</Relationships>", b'<Relationship Id="rIdBomb" Type="' + SHARED_STRINGS_REL.encode()
                                + b'" Target="sharedStrings.xml"/></Relationships>')
        return data

    def write(archive: zipfile.ZipFile) -> None:
        item = b"<si><t>" + text + b"</t></si>"
        chunk = item * (1024 * 1024 // len(item))
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0" encoding="UTF-8"?>'
                         b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            for _ in range(megabytes):
                member.write(chunk)
            member.write(b"</sst>")

    return _rewrite(path, change, writers={"sst": write})


# ------------------------------------------------------------------ in process: what the result says


def test_bad_cells_are_findings_of_the_unit_not_an_exception(tmp_path) -> None:
    bad = _bad_cells(tmp_path / "Thôn Xấu.xlsx")
    good = _unit_book(tmp_path / "Thôn Tốt.xlsx")
    table = load_sample().appendix.table
    result = consolidate(table, [bad, good])
    assert [u.unit for u in result.units] == ["Thôn Xấu", "Thôn Tốt"]
    messages = [p.message for p in result.problems]
    for ref, raw in (("D2", "1e999"), ("D3", "NaN"), ("D4", "abc"), ("D5", "2024-13-45T99:99:99"), ("D6", "99999")):
        assert any(f"ô {ref} của tệp “Thôn Xấu.xlsx”" in m and raw in m for m in messages), (ref, messages)
    assert sum("không phải số" in m for m in messages) >= 3, messages
    assert len(messages) == 5, messages
    bad_unit = result.units[0]
    assert sorted(bad_unit.values.values()) == ["10", "6", "7", "8", "9"]
    rows = [row.index for _identity, row in identities(table)]
    assert [result.sums[i] for i in rows] == ["1", "2", "3", "4", "5", "12", "14", "16", "18", "20"]


def test_rows_beyond_a_lying_dimension_are_read(tmp_path) -> None:
    """The sheet says A1:C3 but holds rows 1–11 and column D: every figure is there."""
    lying = _dimension(tmp_path / "Thôn Dối.xlsx", "A1:C3")
    with zipfile.ZipFile(lying) as archive:
        assert '<dimension ref="A1:C3"/>' in archive.read("xl/worksheets/sheet1.xml").decode()
    result = consolidate(load_sample().appendix.table, [lying])
    assert not result.problems, [p.message for p in result.problems]
    assert sorted(result.units[0].values.values(), key=int) == [str(n) for n in range(1, 11)]


def test_a_shared_strings_bomb_is_refused_in_process(tmp_path) -> None:
    bomb = _shared_strings_bomb(tmp_path / "Thôn Bom.xlsx", 40)
    assert bomb.stat().st_size < 1024 * 1024
    started = time.monotonic()
    result = consolidate(load_sample().appendix.table, [bomb])
    assert time.monotonic() - started < SECONDS
    assert not result.units
    assert "nghi là “bom nén”" in result.problems[0].message


def test_a_doctype_in_a_part_is_refused(tmp_path) -> None:
    path = _unit_book(tmp_path / "Thôn DTD.xlsx")
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
    _rewrite(path, _sheet(lambda xml: laughs + xml.split("?>", 1)[-1].replace("<v>3</v>", "<v>&lol2;</v>")))
    result = consolidate(load_sample().appendix.table, [path])
    assert not result.units and "DOCTYPE" in result.problems[0].message


def test_a_sheet_over_the_cell_limit_is_refused_in_time(tmp_path) -> None:
    """300 rows of 1,000 numbers after the form: more cells than a unit's form ever has."""
    path = _unit_book(tmp_path / "Thôn Rộng.xlsx")
    numbers = random.Random(5)
    filler = "".join(f'<row r="{n}">' + "".join(f"<c><v>{numbers.randrange(10 ** 9)}</v></c>" for _ in range(1000))
                     + "</row>" for n in range(12, 312))
    _rewrite(path, _sheet(lambda xml: xml.replace("</sheetData>", filler + "</sheetData>")))
    started = time.monotonic()
    result = consolidate(load_sample().appendix.table, [path])
    assert time.monotonic() - started < SECONDS
    assert not result.units and "quá lớn (hơn 200.000 ô)" in result.problems[0].message


# ------------------------------------------------------------------ the command line, timed and measured


def _limit_memory() -> None:  # the child may not take the machine down while the old code is measured
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))


def _cli(tmp_path: Path, *argv: str) -> tuple[int, str, float, float]:
    """(exit code, stdout + stderr, seconds, peak megabytes) of one run of the command line."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONIOENCODING": "utf-8"}
    out_path, err_path = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.monotonic()
        process = subprocess.Popen([sys.executable, "-m", "cchc_desktop", "--db", str(tmp_path / "cchc.sqlite"),
                                    *argv], stdout=out, stderr=err, env=env, preexec_fn=_limit_memory)
        timer = threading.Timer(60, process.kill)
        timer.start()
        try:
            _pid, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.monotonic() - started
    text = out_path.read_text(encoding="utf-8") + err_path.read_text(encoding="utf-8")
    return process.returncode, text, elapsed, usage.ru_maxrss / 1024


HOSTILE = {
    "bad-cells": (_bad_cells, "không phải số"),
    "dimension-A1-C3": (lambda path: _dimension(path, "A1:C3"), None),
    "dimension-16384-columns": (_wide, None),
    "shared-strings-bomb-120MB": (lambda path: _shared_strings_bomb(path, 120, b"ab"), "nghi là “bom nén”"),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_cli_consolidate_a_hostile_file_within_bounds(tmp_path, kind) -> None:
    build, words = HOSTILE[kind]
    hostile = build(tmp_path / "Thôn Lạ.xlsx")
    good = _unit_book(tmp_path / "Thôn Tốt.xlsx")
    code, text, seconds, megabytes = _cli(tmp_path, "consolidate", "1", str(hostile), str(good))
    print(f"{kind}: exit {code}, {seconds:.2f} s, {megabytes:.0f} MB")
    assert code == 0, text
    assert "Traceback" not in text and "Error" not in text, text
    assert seconds <= SECONDS and megabytes <= MEGABYTES, (seconds, megabytes)
    units = 2 if words is None or "không phải số" in words else 1
    assert f"Đã tổng hợp 10 số liệu từ {units} đơn vị vào báo cáo số 1." in text, text
    if words:
        assert "Thôn Lạ" in text and words in text, text
    else:
        assert "Cần xem lại" not in text, text  # every figure read, nothing reported missing
