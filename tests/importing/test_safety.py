"""Files that are not what they claim: one Vietnamese message each, within 10 s."""

from __future__ import annotations

import time

import pytest

from cchc_desktop.importing.docx_reader import read_docx
from cchc_desktop.importing.safety import ImportRefused, Kind, refuse, sniff
from tests.importing import hostile
from tests.importing.docx_builder import Builder

EXPECTED = {
    "doc_file": "định dạng Word cũ (.doc)",
    "doc_named_docx": "định dạng Word cũ (.doc)",
    "encrypted_docx": "bảo vệ bằng mật khẩu",
    "xls_file": "không phải là văn bản Word",
    "random_zip": "tệp nén nhưng không phải văn bản Word",
    "zip_bomb": "bom nén",
    "zip_many_members": "bom nén",
    "billion_laughs": "DOCTYPE",
    "xxe": "DOCTYPE",
    "truncated": "bị hỏng hoặc chưa tải về hết",
    "broken_xml": "bị hỏng hoặc chưa tải về hết",
    "huge_file": "quá lớn",
    "empty_file": "rỗng",
    "text_file": "không phải là văn bản Word",
}


def _open(path):
    kind = sniff(path)
    if kind is Kind.DOCX:
        return read_docx(path)
    raise refuse(kind, path.name)


@pytest.mark.parametrize("make", hostile.HOSTILE, ids=lambda f: f.__name__)
def test_hostile_file_is_refused_with_one_vietnamese_line(tmp_path, make):
    path = make(tmp_path)
    start = time.monotonic()
    with pytest.raises(ImportRefused) as caught:
        _open(path)
    assert time.monotonic() - start < 10
    message = str(caught.value)
    assert EXPECTED[make.__name__] in message
    assert "\n" not in message and path.name in message
    assert "Traceback" not in message and "Error" not in message


def test_content_decides_not_the_extension(tmp_path):
    b = Builder()
    b.p("Nội dung")
    docx = tmp_path / "bao-cao.json"
    b.save(docx)
    assert sniff(docx) is Kind.DOCX
    json_file = tmp_path / "bao-cao.docx"
    json_file.write_text('\ufeff  {"format": "cchc-desktop-report"}', encoding="utf-8")
    assert sniff(json_file) is Kind.JSON


def test_entity_text_is_never_expanded(tmp_path):
    path = hostile.xxe(tmp_path)
    with pytest.raises(ImportRefused):
        read_docx(path)


def test_a_bomb_that_lies_about_its_size_is_stopped_while_reading(tmp_path):
    """Declared sizes can be forged: the reader counts what it really unpacks."""
    import struct
    import zipfile

    path = hostile.zip_bomb(tmp_path)
    data = bytearray(path.read_bytes())
    # rewrite the uncompressed size of word/document.xml in the central directory to 1 KB
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    position = 0
    while True:
        position = data.find(b"PK\x01\x02", position)
        if position < 0:
            break
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        name = bytes(data[position + 46: position + 46 + name_length])
        if name == b"word/document.xml":
            extra_length = struct.unpack_from("<H", data, position + 30)[0]
            extra = position + 46 + name_length
            # zip64 extra field: header id 1, then the 8-byte sizes
            if extra_length:
                offset = extra
                while offset < extra + extra_length:
                    tag, size = struct.unpack_from("<HH", data, offset)
                    if tag == 1:
                        struct.pack_into("<Q", data, offset + 4, 1024)
                    offset += 4 + size
            break
        position += 4
    assert info.file_size > 300 * 1024 * 1024
    path.write_bytes(bytes(data))
    start = time.monotonic()
    with pytest.raises(ImportRefused):
        _open(path)
    assert time.monotonic() - start < 10
