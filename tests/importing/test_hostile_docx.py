"""Valid-but-odd and exhausting .docx files through the real command line (issue 22, findings
6, 7, 12): never an unexpected exception (exit 3), a Vietnamese one-line refusal or a stored
report the other commands read back, within 10 s and 500 MB."""

from __future__ import annotations

import builtins
import http.server
import os
import resource
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from cchc_desktop.importing import ImportRefused, import_file
from tests.importing.docx_builder import Builder
from tests.store.helpers import REPO_ROOT

# The child's own peak is VmHWM (ru_maxrss of RUSAGE_CHILDREN is the largest of every child so far).
_PROBE = ("import sys\nfrom cchc_desktop import cli\ncode = cli.main(sys.argv[1:])\n"
          "kb = next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]\n"
          "print('MAXRSS', kb, file=sys.stderr)\nsys.exit(code)\n")
_GUARD = 1536 * 1024 * 1024  # address-space cap for the child, so a regression cannot take the machine down


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_GUARD, _GUARD))


def _cli(db: Path, *argv: str, timeout: float = 60) -> tuple[subprocess.CompletedProcess, float, int]:
    """(result, seconds, peak kilobytes) of ``cchc-desktop --db DB ARGV``."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONIOENCODING": "utf-8"}
    start = time.monotonic()
    try:
        result = subprocess.run([sys.executable, "-c", _PROBE, "--db", str(db), *argv], capture_output=True,
                                text=True, encoding="utf-8", env=env, timeout=timeout, preexec_fn=_cap_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(argv)} took more than {timeout} s")
    elapsed = time.monotonic() - start
    lines = result.stderr.strip().splitlines()
    peak = int(lines[-1].split()[1]) if lines and lines[-1].startswith("MAXRSS") else 0
    result.stderr = "\n".join(lines[:-1] if peak else lines)
    return result, elapsed, peak


def _imported_or_refused(tmp_path: Path, path: Path, *argv: str) -> tuple[int | None, str, float, int]:
    """Import ``path``; (new id or None, the refusal, seconds, peak KB), after checking that a
    stored report reads back with ``show`` and ``list`` and a refusal is one Vietnamese line."""
    db = tmp_path / "db.sqlite"
    result, elapsed, peak = _cli(db, "import", *argv, str(path))
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    if result.returncode == 1:
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("Lỗi: "), result.stderr
        assert "bộ nhớ" not in lines[0]  # a cap, not the machine, must stop it
        return None, lines[0], elapsed, peak
    new_id = int(result.stdout.strip())
    for command in (["show", str(new_id)], ["list"], ["check", str(new_id)]):
        shown, _seconds, _peak = _cli(db, *command)
        # check exits 1 for findings in the report; the report itself must read (nothing on stderr)
        assert shown.returncode in ((0, 1) if command[0] == "check" else (0,)), (command, shown.stderr)
        assert shown.stderr == "", (command, shown.stderr)
    return new_id, "", elapsed, peak


def _docx(folder: Path, name: str, builder: Builder, *, drop: tuple[str, ...] = (),
          replace: dict[str, bytes] | None = None) -> Path:
    """Save ``builder``, then drop or replace parts of the package."""
    plain = folder / f"_{name}"
    builder.save(plain)
    path = folder / name
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename in drop:
                continue
            data = (replace or {}).get(info.filename, source.read(info.filename))
            archive.writestr(info.filename, data)
    plain.unlink()
    return path


def _report(builder: Builder, date_line: str = "Xã Cương Gián, ngày 05 tháng 3 năm 2025") -> Builder:
    builder.p("ỦY BAN NHÂN DÂN", align="center")
    builder.p("XÃ CƯƠNG GIÁN", align="center")
    builder.p("Số: 12/BC-UBND", align="center")
    builder.p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="center")
    builder.p("Độc lập - Tự do - Hạnh phúc", align="center")
    builder.p(date_line, align="right")
    builder.p("BÁO CÁO", align="center")
    builder.p("Kết quả công tác cải cách hành chính quý I năm 2025", align="center")
    builder.p("I. KẾT QUẢ ĐẠT ĐƯỢC")
    return builder


def _numbered(start: str = "1", ilvl: str = "0", num_id: str = "1", abstract: str = "0",
              override: str = "") -> Builder:
    b = _report(Builder())
    b.numbering_xml = (
        f'<w:abstractNum w:abstractNumId="{abstract}"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="{start}"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/>'
        f'</w:lvl></w:abstractNum>'
        f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>')
    for level in (0, 1, 0):
        b.body.append(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl if level == 0 else 1}"/>'
                      f'<w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t>Mục có đánh số</w:t></w:r></w:p>')
    return b


# ------------------------------------------------------------------ odd but valid (finding 6)

HUGE = "9" * 5000


def no_styles(folder: Path) -> Path:
    b = _report(Builder())
    b.p("Nội dung báo cáo", style="Heading1")
    return _docx(folder, "khong-styles.docx", b, drop=("word/styles.xml",))


def start_abc(folder: Path) -> Path:
    return _docx(folder, "start-abc.docx", _numbered(start="abc"))


def start_5000_digits(folder: Path) -> Path:
    return _docx(folder, "start-5000.docx", _numbered(start=HUGE))


def ilvl_5000_digits(folder: Path) -> Path:
    return _docx(folder, "ilvl-5000.docx", _numbered(ilvl=HUGE))


def ids_5000_digits(folder: Path) -> Path:
    override = f'<w:lvlOverride w:ilvl="{HUGE}"><w:startOverride w:val="{HUGE}"/></w:lvlOverride>'
    return _docx(folder, "ids-5000.docx", _numbered(num_id=HUGE, abstract=HUGE, override=override))


def restart_garbage(folder: Path) -> Path:
    b = _numbered()
    b.numbering_xml = b.numbering_xml.replace('<w:lvlText w:val="%2)"/>', '<w:lvlText w:val="%2)"/>'
                                              '<w:lvlRestart w:val="x1"/>')
    return _docx(folder, "restart.docx", b)


def indent_1e999(folder: Path) -> Path:
    b = _report(Builder())
    b.body.append('<w:p><w:pPr><w:ind w:left="1e999" w:firstLine="nan" w:hanging="-inf"/></w:pPr>'
                  '<w:r><w:t>Đoạn thụt lề lạ</w:t></w:r></w:p>')
    b.body.append('<w:p><w:pPr><w:outlineLvl w:val="1e999"/></w:pPr><w:r><w:t>Đề mục</w:t></w:r></w:p>')
    return _docx(folder, "thut-le.docx", b)


def symbols(folder: Path) -> Path:
    b = _report(Builder())
    chars = ("FFFFFFFF", "D800", "DFFF", "110000", "-1", "zz", "0", "0001", "FFFE", HUGE)
    runs = "".join(f'<w:r><w:sym w:font="Symbol" w:char="{c}"/><w:t>ký hiệu {i}</w:t></w:r>'
                   for i, c in enumerate(chars))
    legacy = "".join(f'<w:r><w:sym w:font=".VnTime" w:char="{c}"/></w:r>' for c in chars)
    b.body.append(f"<w:p>{runs}{legacy}</w:p>")
    return _docx(folder, "ky-hieu.docx", b)


def table_garbage(folder: Path) -> Path:
    b = _report(Builder())
    b.body.append('<w:tbl><w:tblGrid><w:gridCol w:w="1e999"/><w:gridCol w:w="abc"/><w:gridCol w:w="-5"/>'
                  '</w:tblGrid><w:tr><w:trPr><w:gridBefore w:val="1e999"/></w:trPr>'
                  '<w:tc><w:tcPr><w:gridSpan w:val="nan"/></w:tcPr><w:p><w:r><w:t>Ô một</w:t></w:r></w:p></w:tc>'
                  '<w:tc><w:tcPr><w:gridSpan w:val="-3"/></w:tcPr><w:p><w:r><w:t>Ô hai</w:t></w:r></w:p></w:tc>'
                  '</w:tr></w:tbl>')
    return _docx(folder, "bang-la.docx", b)


def date_45_13(folder: Path) -> Path:
    return _docx(folder, "ngay-45.docx", _report(Builder(), "Xã Cương Gián, ngày 45 tháng 13 năm 2025"))


def date_0_0(folder: Path) -> Path:
    return _docx(folder, "ngay-0.docx", _report(Builder(), "Xã Cương Gián, ngày 0 tháng 0 năm 0000"))


def date_30_2(folder: Path) -> Path:
    return _docx(folder, "ngay-30-2.docx", _report(Builder(), "Xã Cương Gián, ngày 30 tháng 02 năm 2025"))


ODD = [no_styles, start_abc, start_5000_digits, ilvl_5000_digits, ids_5000_digits, restart_garbage, indent_1e999,
       symbols, table_garbage, date_45_13, date_0_0]


@pytest.mark.parametrize("make", ODD, ids=lambda f: f.__name__)
def test_odd_but_valid_docx_is_imported_or_refused_never_a_crash(tmp_path, make):
    new_id, refusal, elapsed, peak = _imported_or_refused(tmp_path, make(tmp_path))
    assert new_id is not None or refusal
    assert elapsed < 10 and peak < 500 * 1024


@pytest.mark.parametrize("make", [no_styles, start_abc, indent_1e999, symbols, date_45_13, date_0_0],
                         ids=lambda f: f.__name__)
def test_a_clerks_report_with_one_odd_value_still_comes_in(tmp_path, make):
    new_id, refusal, _elapsed, _peak = _imported_or_refused(tmp_path, make(tmp_path))
    assert new_id is not None, refusal


def test_an_impossible_date_is_blanked_with_a_note(tmp_path):
    result = import_file(date_45_13(tmp_path))
    assert result.report.date.year == 2025
    assert result.report.date.day is None and result.report.date.month is None
    notes = [e for e in result.entries if "ngày" in e.message.lower() and e.where]
    assert notes and "45" in notes[0].text
    calendar = import_file(date_30_2(tmp_path))
    assert calendar.report.date.day is None and calendar.report.date.month == 2


def test_symbols_keep_the_text_and_drop_what_is_not_a_character(tmp_path):
    text = import_file(symbols(tmp_path)).report
    words = " ".join(r.text for p in text.parts for b in p.blocks for r in b.runs)
    assert all(f"ký hiệu {i}" in words for i in range(10))
    words.encode("utf-8")  # no lone surrogate
    assert "\ufffe" not in words and "\x00" not in words and "\x01" not in words


# ------------------------------------------------------------------ exhaustion (finding 7)


def start_1e11(folder: Path) -> Path:
    return _docx(folder, "start-1e11.docx", _numbered(start="100000000000"))


def grid_span_1e8(folder: Path) -> Path:
    b = _report(Builder())
    b.body.append('<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr>'
                  '<w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr><w:p><w:r><w:t>Ô</w:t></w:r></w:p></w:tc>'
                  '</w:tr><w:tr><w:tc><w:p><w:r><w:t>Dòng hai</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    return _docx(folder, "gridspan.docx", b)


def grid_before_1e8(folder: Path) -> Path:
    b = _report(Builder())
    b.body.append('<w:tbl><w:tr><w:trPr><w:gridBefore w:val="100000000"/></w:trPr>'
                  '<w:tc><w:p><w:r><w:t>Ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    return _docx(folder, "gridbefore.docx", b)


def many_paragraphs(folder: Path) -> Path:
    """A million short numbered paragraphs: 2.4 MB zipped (below the zip-bomb ratio), a tree of
    gigabytes once parsed."""
    b = _report(Builder())
    b.body.append("".join(f"<w:p><w:r><w:t>{i}</w:t></w:r></w:p>" for i in range(1_000_000)))
    return _docx(folder, "nhieu-doan.docx", b)


EXHAUSTING = [start_1e11, grid_span_1e8, grid_before_1e8, many_paragraphs]


@pytest.mark.parametrize("make", EXHAUSTING, ids=lambda f: f.__name__)
def test_exhausting_docx_is_bounded_in_time_and_memory(tmp_path, make):
    path = make(tmp_path)
    assert path.stat().st_size < 4 * 1024 * 1024  # an e-mail attachment
    _new_id, _refusal, elapsed, peak = _imported_or_refused(tmp_path, path)
    assert elapsed < 10, elapsed
    assert 0 < peak < 500 * 1024, peak  # kilobytes


def test_tables_past_the_caps_are_refused_while_reading(tmp_path):
    wide = _report(Builder())
    wide.body.append("<w:tbl><w:tblGrid>" + "".join(f'<w:gridCol w:w="{i}"/>' for i in range(200_000)) + "</w:tblGrid><w:tr><w:tc><w:p>"
                     "<w:r><w:t>Ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    with pytest.raises(ImportRefused, match="cột"):
        import_file(_docx(tmp_path, "nhieu-cot.docx", wide))
    long = _report(Builder())
    rows = "".join(f"<w:tr><w:tc><w:p><w:r><w:t>{i}</w:t></w:r></w:p></w:tc></w:tr>" for i in range(30_000))
    long.body.append('<w:tbl><w:tblGrid><w:gridCol w:w="300"/></w:tblGrid>' + rows + "</w:tbl>")
    with pytest.raises(ImportRefused, match="dòng"):
        import_file(_docx(tmp_path, "nhieu-dong.docx", long))


def test_numbering_markers_stay_short(tmp_path):
    """Letters numbering from 32,767 with a nine-fold level text: no marker of thousands of "a"."""
    from cchc_desktop.importing.docx_reader import read_docx

    b = _report(Builder())
    # (in this process: a start of 10^11 would take gigabytes here before the fix, see start_1e11)
    b.numbering_xml = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="32767"/>'
                       '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1%1%1%1%1%1%1%1%1)"/></w:lvl>'
                       '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    b.body.append('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                  '<w:r><w:t>x</w:t></w:r></w:p>' * 50)
    markers = [p.marker for p in read_docx(_docx(tmp_path, "danh-so.docx", b)).body if p.marker]
    assert len(markers) == 50 and max(map(len, markers)) <= 40


# ------------------------------------------------------------------ messages


def test_an_unreadable_file_says_it_cannot_be_read(tmp_path, monkeypatch):
    path = _docx(tmp_path, "khoa.docx", _report(Builder()))
    real_open = builtins.open

    def locked(file, *args, **kwargs):
        if Path(str(file)) == path if isinstance(file, (str, os.PathLike)) else False:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    if os.geteuid() != 0:
        path.chmod(0)
    else:
        monkeypatch.setattr(builtins, "open", locked)
        monkeypatch.setattr(zipfile.ZipFile, "__init__", _refusing_zip(zipfile.ZipFile.__init__, path))
    try:
        with pytest.raises(ImportRefused) as refused:
            import_file(path)
    finally:
        path.chmod(0o644)
    message = str(refused.value)
    assert "đọc" in message and "khoa.docx" in message, message
    assert "ghi" not in message, message


def _refusing_zip(init, path):
    def refusing(self, file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return init(self, file, *args, **kwargs)
    return refusing


def test_a_json_file_with_a_5000_digit_number_is_not_called_not_utf8(tmp_path):
    path = tmp_path / "so-dai.json"
    path.write_text('{"format": "cchc-desktop-report", "version": ' + HUGE + ', "report": {}}', encoding="utf-8")
    result, _elapsed, _peak = _cli(tmp_path / "db.sqlite", "import", str(path))
    assert result.returncode == 1, result.stderr
    assert "UTF-8" not in result.stderr and result.stderr.startswith("Lỗi: "), result.stderr
    assert "số" in result.stderr


# ------------------------------------------------------------------ linked pictures in .rtf/.doc (finding 12)


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        type(self).hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def web():
    handler = type("Handler", (_Counter,), {"hits": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, handler
    server.shutdown()
    server.server_close()


def _linked_rtf(folder: Path, url: str) -> Path:
    path = folder / "hinh-lien-ket.rtf"
    path.write_text(r"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}" "\n"
                    r"\pard B\'c1O C\'c1O\par" "\n"
                    r"{\field{\*\fldinst INCLUDEPICTURE " f'"{url}"' r" \\d}{\fldrslt }}\par" "\n}",
                    encoding="ascii")
    return path


def test_a_linked_picture_is_never_fetched_on_convert(tmp_path, web):
    server, handler = web
    url = f"http://127.0.0.1:{server.server_address[1]}/x.png"
    path = _linked_rtf(tmp_path, url)
    if _soffice() is None:
        pytest.skip("LibreOffice is not installed")
    result, _elapsed, _peak = _cli(tmp_path / "db.sqlite", "import", "--convert", str(path), timeout=180)
    time.sleep(0.5)
    assert handler.hits == []
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Lỗi: ") and len(result.stderr.splitlines()) == 1
    assert "liên kết" in result.stderr and "hinh-lien-ket.rtf" in result.stderr, result.stderr


@pytest.mark.parametrize("target", ["http://example.invalid/a.png", "https://x.invalid/b.jpg",
                                    "file:///etc/passwd", r"\\\\server\\share\\c.png"])
def test_external_links_are_found_in_rtf_and_in_doc_bytes(tmp_path, target):
    from cchc_desktop.importing.safety import external_link

    rtf = tmp_path / "a.rtf"
    rtf.write_text(r"{\rtf1{\field{\*\fldinst INCLUDEPICTURE " f'"{target}"' r" \\d}{\fldrslt }}}", encoding="ascii")
    assert external_link(rtf)
    doc = tmp_path / "a.doc"
    field = f' INCLUDEPICTURE "{target.replace(chr(92) * 2, chr(92))}" \\d '
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + field.encode("utf-16-le") + b"\0" * 600)
    assert external_link(doc)
    plain = tmp_path / "b.rtf"
    plain.write_text(r"{\rtf1 Xem http://example.invalid trong v\'e0n b\'e3n\par}", encoding="ascii")
    assert not external_link(plain)  # an address typed in the text links nothing


def _soffice() -> str | None:
    from cchc_desktop.importing import soffice_path

    return soffice_path()


def _linked_doc(folder: Path, url: str) -> Path:
    """A Word 97–2003 file with a picture linked to ``url``, made by LibreOffice from a flat ODF text."""
    source = folder / "hinh.fodt"
    source.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:'
        'xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:'
        'tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:'
        'tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.'
        'opendocument.text"><office:body><office:text><text:p>BÁO CÁO<draw:frame draw:name="h" svg:width="2cm" '
        f'svg:height="2cm"><draw:image xlink:href="{url}" xlink:type="simple" xlink:show="embed" '
        'xlink:actuate="onLoad"/></draw:frame></text:p></office:text></office:body></office:document>',
        encoding="utf-8")
    subprocess.run([_soffice(), f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless", "--convert-to",
                    "doc", "--outdir", str(folder), str(source)], capture_output=True, timeout=180, check=False)
    path = folder / "hinh.doc"
    assert path.exists(), "LibreOffice did not make the .doc"
    return path


def test_a_doc_with_a_linked_picture_is_refused_and_libreoffice_is_kept_offline(tmp_path, web, monkeypatch):
    """LibreOffice 7.4 fetches a .doc's linked picture on conversion: the file is refused before
    LibreOffice sees it, and were the scan to miss one, the conversion's own profile sends the
    request nowhere."""
    from cchc_desktop.importing import safety

    if _soffice() is None:
        pytest.skip("LibreOffice is not installed")
    server, handler = web
    path = _linked_doc(tmp_path, f"http://127.0.0.1:{server.server_address[1]}/hinh.png")
    handler.hits.clear()  # making the .doc fetched it
    result, _elapsed, _peak = _cli(tmp_path / "db.sqlite", "import", "--convert", str(path), timeout=180)
    assert result.returncode == 1 and "liên kết" in result.stderr, result.stderr
    monkeypatch.setattr(safety, "external_link", lambda _path: None)
    out = tmp_path / "out"
    out.mkdir()
    safety.convert_with_libreoffice(path, out)
    time.sleep(0.5)
    assert handler.hits == []
