"""Files that are not what they claim, for the safety tests: each builder writes one into a
folder and returns its path."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from tests.importing.docx_builder import Builder


def _ole(path: Path, stream_names: list[str]) -> Path:
    """A minimal OLE compound file header followed by a directory sector naming the streams
    (enough for content sniffing: the magic and the UTF-16 stream names)."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x18:0x1A] = struct.pack("<H", 0x3E)
    header[0x1A:0x1C] = struct.pack("<H", 3)
    header[0x1C:0x1E] = struct.pack("<H", 0xFFFE)
    header[0x1E:0x20] = struct.pack("<H", 9)
    directory = bytearray()
    for name in ["Root Entry"] + stream_names:
        entry = bytearray(128)
        encoded = name.encode("utf-16-le")
        entry[0:len(encoded)] = encoded
        entry[64:66] = struct.pack("<H", len(encoded) + 2)
        directory += entry
    path.write_bytes(bytes(header) + bytes(directory) + b"\0" * 4096)
    return path


def doc_file(folder: Path) -> Path:
    return _ole(folder / "bao-cao-cu.doc", ["WordDocument", "1Table", "SummaryInformation"])


def doc_named_docx(folder: Path) -> Path:
    return _ole(folder / "doi-ten.docx", ["WordDocument", "1Table"])


def encrypted_docx(folder: Path) -> Path:
    return _ole(folder / "co-mat-khau.docx", ["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"])


def xls_file(folder: Path) -> Path:
    return _ole(folder / "bang-tinh.docx", ["Workbook", "SummaryInformation"])


def random_zip(folder: Path) -> Path:
    path = folder / "anh.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff" + b"x" * 1000)
        archive.writestr("readme.txt", "không phải văn bản Word")
    return path


def zip_bomb(folder: Path) -> Path:
    """A .docx whose document part unpacks to 400 MB of zeros (about 400 KB on disk)."""
    path = folder / "bom.docx"
    good = folder / "_good.docx"
    b = Builder()
    b.p("Nội dung")
    b.save(good)
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, source.read(info.filename))
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (16 * 1024 * 1024)
            for _ in range(25):
                member.write(chunk)
    good.unlink()
    return path


def zip_many_members(folder: Path) -> Path:
    path = folder / "nhieu-tep.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for index in range(5000):
            archive.writestr(f"word/media/x{index}.bin", b"")
    return path


def _with_document(folder: Path, name: str, document: bytes) -> Path:
    good = folder / "_good.docx"
    b = Builder()
    b.p("Nội dung")
    b.save(good)
    path = folder / name
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = document if info.filename == "word/document.xml" else source.read(info.filename)
            archive.writestr(info.filename, data)
    good.unlink()
    return path


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def billion_laughs(folder: Path) -> Path:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><w:document {W}><w:body><w:p><w:r>'
           f'<w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    return _with_document(folder, "cuoi.docx", xml.encode())


def xxe(folder: Path) -> Path:
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    return _with_document(folder, "xxe.docx", xml.encode())


def truncated(folder: Path) -> Path:
    good = folder / "_good.docx"
    b = Builder()
    for i in range(200):
        b.p(f"Đoạn văn số {i} của báo cáo")
    b.save(good)
    data = good.read_bytes()
    good.unlink()
    path = folder / "dang-do.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def broken_xml(folder: Path) -> Path:
    return _with_document(folder, "hong-xml.docx", b"<w:document><w:body><w:p>")


def huge_file(folder: Path) -> Path:
    """Just over 200 MB (sparse where the file system allows)."""
    path = folder / "qua-lon.docx"
    with open(path, "wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.seek(200 * 1024 * 1024 + 10)
        handle.write(b"\0")
    return path


def empty_file(folder: Path) -> Path:
    path = folder / "rong.docx"
    path.write_bytes(b"")
    return path


def text_file(folder: Path) -> Path:
    path = folder / "ghi-chu.docx"
    path.write_text("Đây chỉ là một tệp văn bản thuần.", encoding="utf-8")
    return path


HOSTILE = [doc_file, doc_named_docx, encrypted_docx, xls_file, random_zip, zip_bomb, zip_many_members,
           billion_laughs, xxe, truncated, broken_xml, huge_file, empty_file, text_file]
