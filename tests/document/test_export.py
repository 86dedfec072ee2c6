"""Atomic export and odd input: a valid file or one clear Vietnamese message, never half a file."""

from __future__ import annotations

import copy
import errno
import os
import stat
import unicodedata
from decimal import Decimal

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from cchc_desktop.core.indicators import new_row
from cchc_desktop.core.model import Block, BlockRole, Run, Section, SectionKey
from cchc_desktop.document import export
from cchc_desktop.document.export import ExportError, export_docx, export_pdf

from .helpers import sample_report

WRITERS = [export_docx, export_pdf]


def _docx_text(path) -> str:
    return "".join(t.text or "" for t in docx.Document(str(path)).element.body.iter(qn("w:t")))


def _pdf_text(path) -> str:
    """The PDF's text with line breaks as single spaces."""
    return " ".join(" ".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages).split())


@pytest.mark.parametrize("write", WRITERS)
def test_replaces_an_existing_file_and_leaves_no_temp_files(tmp_path, write):
    target = tmp_path / "out"
    target.write_bytes(b"old")
    write(sample_report(), target)
    assert target.read_bytes() != b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("write", WRITERS)
def test_read_only_target_keeps_old_file(tmp_path, write):
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"old")
    target.chmod(stat.S_IRUSR)
    try:
        with pytest.raises(ExportError, match="chỉ cho phép đọc"):
            write(sample_report(), target)
        assert target.read_bytes() == b"old"
    finally:
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.docx"]


@pytest.mark.parametrize("write", WRITERS)
def test_missing_folder(tmp_path, write):
    with pytest.raises(ExportError, match="Không tìm thấy thư mục"):
        write(sample_report(), tmp_path / "khong-co" / "bao-cao.pdf")


def test_target_is_a_folder(tmp_path):
    with pytest.raises(ExportError, match="là một thư mục"):
        export_pdf(sample_report(), tmp_path)


@pytest.mark.parametrize("error, words", [
    (PermissionError(errno.EACCES, "in use"), "đang được mở"),  # Windows: the file is open in Word
    (OSError(errno.ENOSPC, "No space left on device"), "ổ đĩa đã đầy"),
    (OSError(errno.EROFS, "Read-only file system"), "chỉ đọc"),
    (OSError(errno.EIO, "Input/output error"), "rút ra"),
])
def test_replace_failures_map_to_clear_messages(tmp_path, monkeypatch, error, words):
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"old")

    def failing_replace(src, dst):
        raise error

    monkeypatch.setattr(export.os, "replace", failing_replace)
    with pytest.raises(ExportError, match=words) as caught:
        export_docx(sample_report(), target)
    assert "\n" not in str(caught.value)
    assert not any(english in str(caught.value) for english in ("space", "Read-only", "Input", "in use"))
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.docx"]


@pytest.mark.parametrize("write", WRITERS)
def test_read_only_folder_is_not_called_a_file_open_in_word(tmp_path, monkeypatch, write):
    """Creating the temporary file fails: the folder's fault, whatever the target file."""
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"old")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(export.tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match="không có quyền ghi vào thư mục") as caught:
        write(sample_report(), target)
    assert "đang được mở" not in str(caught.value) and "Permission" not in str(caught.value)
    assert target.read_bytes() == b"old"


def odd_report():
    report = copy.deepcopy(sample_report())
    long_word = "Ủy" * 150  # wider than the text column
    report.subject = "Báo cáo <b>đậm</b> & “trích dẫn” " + long_word
    report.addressees = ["Sở Nội vụ;", "Sở Văn hóa & Thể thao", "Phòng <Văn hóa>"]
    report.opening = unicodedata.normalize("NFD", "Thực hiện nhiệm vụ báo cáo định kỳ\tcủa xã Cương Gián")
    report.parts = [
        Section(SectionKey.RESULTS, [Block(BlockRole.PARAGRAPH, [Run("A & B <i>x</i> ]]> \x00\x07 end")]),
                                     Block(BlockRole.BULLET, [Run("")]),
                                     Block(BlockRole.PARAGRAPH, [Run(long_word, bold=True)])]),
        Section(SectionKey.DIFFICULTIES, []),
        Section(SectionKey.DIRECTIONS, [Block(BlockRole.HEADING1, [])]),
    ]
    report.recipients = []
    report.signature.authority = []
    report.signature.name = ""
    table = report.appendix.table
    table.rows.append(new_row(table, tt="10", indicator="<b>&amp;</b>", unit="", value="1.250,5"))
    return report


def test_odd_text_gives_valid_docx(tmp_path):
    export_docx(odd_report(), tmp_path / "odd.docx")
    text = _docx_text(tmp_path / "odd.docx")
    assert "<b>đậm</b> & “trích dẫn”" in text and "A & B <i>x</i> ]]>" in text
    assert "Thực hiện nhiệm vụ báo cáo định kỳ của xã Cương Gián" in text  # NFC, tab as space
    assert "<b>&amp;</b>" in text and "1.250,5" in text
    assert "- Sở Văn hóa & Thể thao;" in text and "- Phòng <Văn hóa>." in text
    assert "\x00" not in text and "\x07" not in text


def test_odd_text_gives_valid_pdf(tmp_path):
    export_pdf(odd_report(), tmp_path / "odd.pdf")
    text = _pdf_text(tmp_path / "odd.pdf")
    assert "<b>đậm</b>" in text and "A & B <i>x</i>" in text
    assert "Thực hiện nhiệm vụ báo cáo định kỳ" in unicodedata.normalize("NFC", text)
    assert "1.250,5" in text
    # The long word was cut to fit the column, not lost.
    assert text.replace(" ", "").count("Ủy") >= 300


def test_nfd_input_is_written_as_nfc(tmp_path):
    report = copy.deepcopy(sample_report())
    report.closing = unicodedata.normalize("NFD", report.closing)
    export_docx(report, tmp_path / "r.docx")
    text = _docx_text(tmp_path / "r.docx")
    assert unicodedata.is_normalized("NFC", text)
    export_pdf(report, tmp_path / "r.pdf")
    assert "Ủy ban nhân dân xã Cương Gián báo cáo" in _pdf_text(tmp_path / "r.pdf")


def test_empty_report_still_exports(tmp_path):
    report = copy.deepcopy(sample_report())
    report.parts, report.opening, report.closing, report.subject = [], "", "", ""
    report.addressees, report.appendices = [], []
    export_docx(report, tmp_path / "e.docx")
    export_pdf(report, tmp_path / "e.pdf")
    assert len(docx.Document(str(tmp_path / "e.docx")).sections) == 1
    assert len(pypdf.PdfReader(tmp_path / "e.pdf").pages) == 1


def test_several_addressees_one_per_line(tmp_path):
    report = copy.deepcopy(sample_report())
    report.addressees = ["Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch."]
    export_docx(report, tmp_path / "a.docx")
    texts = [p.text for p in docx.Document(str(tmp_path / "a.docx")).paragraphs]
    start = texts.index("Kính gửi:")
    assert texts[start + 1:start + 3] == ["- Sở Nội vụ;", "- Sở Văn hóa, Thể thao và Du lịch."]


def test_fonts_missing_gives_export_error(monkeypatch, tmp_path):
    from cchc_desktop.document import fonts

    def no_fonts():
        raise fonts.FontNotFoundError("Không tìm thấy phông Times New Roman.")

    monkeypatch.setattr(export, "_register_fonts", no_fonts)
    with pytest.raises(ExportError, match="phông"):
        export_pdf(sample_report(), tmp_path / "x.pdf")
    export_docx(sample_report(), tmp_path / "x.docx")  # the DOCX needs no font files
    assert not os.path.exists(tmp_path / "x.pdf")


def test_appendix_without_columns_is_left_out(tmp_path):
    report = copy.deepcopy(sample_report())
    report.appendix.table.columns = []
    report.appendix.table.rows = []
    export_docx(report, tmp_path / "n.docx")
    export_pdf(report, tmp_path / "n.pdf")
    assert len(docx.Document(str(tmp_path / "n.docx")).sections) == 1
    assert "PHỤ LỤC" not in _pdf_text(tmp_path / "n.pdf")
