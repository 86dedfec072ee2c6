"""Opening a file someone hands us, safely: what it really is, and reading it within bounds.

The kind is decided by the bytes, never by the name: a JSON exchange file, a Word .docx
(a zip with ``word/document.xml``), an old binary Word .doc (an OLE compound file), a
password-protected Word file (also an OLE compound file, holding ``EncryptedPackage``), a zip
that is not a document, a damaged or truncated file.  Each refusal is one Vietnamese
sentence (``ImportRefused``); nothing here touches the database.

Limits: 200 MB of input; inside a zip at most 2,000 members, 300 MB unpacked in all,
100 MB for one part and a packing ratio of 200:1 for any part above 1 MB (a "zip bomb" is
a small file that unpacks to gigabytes; its parts are read in pieces and abandoned at the
limit, whatever sizes the zip claims); at most 2,000,000 tags in all XML parts together
(counted before parsing: a parsed element costs ~150 bytes, so a 100 MB part of tiny
elements would take gigabytes).  XML parts are parsed without DTDs, entities or
network access, and a part that declares a DOCTYPE is refused outright (Word never writes
one; "billion laughs" and XXE attacks need one).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from enum import Enum
from pathlib import Path

from lxml import etree

MAX_INPUT_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_TOTAL_UNPACKED = 300 * 1024 * 1024
MAX_PART_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200
MAX_XML_TAGS = 2_000_000  # "<" in all XML parts together: a 14-page report has ~16,000, 360 pages ~700,000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class ImportRefused(Exception):
    """A file we will not import; ``str(error)`` is the one-line Vietnamese message."""


class Kind(Enum):
    JSON = "json"
    DOCX = "docx"
    DOC = "doc"  # Word 97–2003 binary
    ENCRYPTED = "encrypted"  # password-protected Office file
    OTHER_OLE = "other-ole"  # Excel 97–2003 and the like
    ZIP = "zip"  # a zip that is not a Word document
    DAMAGED = "damaged"  # truncated or broken zip
    RTF = "rtf"
    UNKNOWN = "unknown"


def _message(kind: Kind, name: str) -> str:
    return {
        Kind.DOC: (f"Tệp “{name}” là định dạng Word cũ (.doc). Hãy mở tệp bằng Word và lưu lại"
                   " dạng .docx (Tệp → Lưu thành → Tài liệu Word) rồi nhập lại."),
        Kind.RTF: (f"Tệp “{name}” là định dạng RTF. Hãy mở tệp bằng Word và lưu lại dạng .docx"
                   " rồi nhập lại."),
        Kind.ENCRYPTED: (f"Tệp “{name}” được bảo vệ bằng mật khẩu. Hãy mở tệp bằng Word, bỏ mật khẩu"
                         " (Tệp → Thông tin → Bảo vệ tài liệu) rồi nhập lại."),
        Kind.OTHER_OLE: f"Tệp “{name}” không phải là văn bản Word (có thể là bảng tính Excel cũ).",
        Kind.ZIP: f"Tệp “{name}” là tệp nén nhưng không phải văn bản Word (.docx).",
        Kind.DAMAGED: (f"Tệp “{name}” bị hỏng hoặc chưa tải về hết (không đọc được cấu trúc .docx)."
                       " Hãy tải lại hoặc mở bằng Word và lưu lại."),
        Kind.UNKNOWN: (f"Tệp “{name}” không phải là văn bản Word (.docx) hay tệp trao đổi JSON"
                       " của cchc-desktop."),
    }[kind]


def refuse(kind: Kind, name: str) -> ImportRefused:
    return ImportRefused(_message(kind, name))


def unreadable(error: OSError, path: Path) -> ImportRefused:
    """The file cannot be read (no permission, device gone…): the reason for *reading* it."""
    from ..store.errors import sentence

    path = Path(path)
    if isinstance(error, FileNotFoundError):
        return ImportRefused(f"Không tìm thấy tệp “{path}”.")
    if isinstance(error, IsADirectoryError):
        return ImportRefused(f"“{path}” là một thư mục, không phải tệp báo cáo.")
    return ImportRefused(sentence(f"Không đọc được tệp “{path.name}”", error, path, stage="read"))


def check_size(path: Path) -> int:
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportRefused(f"Không tìm thấy tệp “{path}”.") from None
    except OSError as error:
        raise unreadable(error, path) from None
    if path.is_dir():
        raise ImportRefused(f"“{path}” là một thư mục, không phải tệp báo cáo.")
    if size > MAX_INPUT_BYTES:
        raise ImportRefused(f"Tệp “{path.name}” quá lớn ({size / 1048576:.1f} MB; tối đa 200 MB).")
    if size == 0:
        raise ImportRefused(f"Tệp “{path.name}” rỗng.")
    return size


def sniff(path: Path) -> Kind:
    """What the file is, from its bytes (size checked first)."""
    path = Path(path)
    check_size(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
        if head.startswith(_OLE_MAGIC):
            return _ole_kind(path)
    except OSError as error:
        raise unreadable(error, path) from None
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except PermissionError as error:
            raise unreadable(error, path) from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return Kind.DAMAGED
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return Kind.DOCX
        return Kind.ZIP
    if head.startswith(b"{\\rtf"):
        return Kind.RTF
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"{"):
        return Kind.JSON
    return Kind.UNKNOWN


def _ole_kind(path: Path) -> Kind:
    # Stream names sit in the compound file's directory in UTF-16LE.  Scanning the bytes is
    # enough to tell the three cases apart and costs well under a second at 200 MB.
    encrypted = "EncryptedPackage".encode("utf-16-le")
    word = "WordDocument".encode("utf-16-le")
    found_word = False
    with open(path, "rb") as handle:
        tail = b""
        while chunk := handle.read(4 * 1024 * 1024):
            block = tail + chunk
            if encrypted in block:
                return Kind.ENCRYPTED
            found_word = found_word or word in block
            tail = block[-64:]
    return Kind.DOC if found_word else Kind.OTHER_OLE


# ------------------------------------------------------------------ reading a .docx within bounds


class SafeDocx:
    """The parts of a .docx, each read with the limits above and parsed without entities."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = self.path.name
        try:
            self.archive = zipfile.ZipFile(self.path)
            infos = self.archive.infolist()
        except PermissionError as error:
            raise unreadable(error, self.path) from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise refuse(Kind.DAMAGED, self.name) from None
        if len(infos) > MAX_MEMBERS:
            raise self._bomb()
        declared = sum(info.file_size for info in infos)
        if declared > MAX_TOTAL_UNPACKED:
            raise self._bomb()
        self.names = {info.filename for info in infos}
        self._unpacked = 0
        self._tags = 0

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> SafeDocx:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _bomb(self) -> ImportRefused:
        return ImportRefused(
            f"Tệp “{self.name}” giải nén ra dung lượng bất thường (nghi là “bom nén”); không nhập.")

    def read(self, name: str) -> bytes | None:
        """A part's bytes, or None when the part is absent."""
        if name not in self.names:
            return None
        info = self.archive.getinfo(name)
        limit = MAX_PART_BYTES
        if info.compress_size and info.file_size > 1024 * 1024:
            if info.file_size / max(info.compress_size, 1) > MAX_RATIO:
                raise self._bomb()
        chunks = []
        size = 0
        try:
            with self.archive.open(info) as member:
                while chunk := member.read(1024 * 1024):
                    size += len(chunk)
                    self._unpacked += len(chunk)
                    if size > limit or self._unpacked > MAX_TOTAL_UNPACKED:
                        raise self._bomb()
                    if (info.compress_size and size > 1024 * 1024
                            and size / max(info.compress_size, 1) > MAX_RATIO):
                        raise self._bomb()
                    chunks.append(chunk)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
            # CRC errors, truncated data, unsupported compression
            raise refuse(Kind.DAMAGED, self.name) from None
        except RuntimeError:  # an encrypted zip member
            raise refuse(Kind.ENCRYPTED, self.name) from None
        return b"".join(chunks)

    def xml(self, name: str):
        """A part parsed as XML (an lxml element), or None when absent."""
        data = self.read(name)
        if data is None:
            return None
        self._tags += data.count(b"<")
        if self._tags > MAX_XML_TAGS:
            raise ImportRefused(f"Tệp “{self.name}” có cấu trúc quá lớn (hơn {MAX_XML_TAGS:,} thẻ XML)".replace(",", ".")
                                + ": một báo cáo không cần nhiều như vậy, hãy chia thành nhiều báo cáo.")
        return parse_xml(data, self.name)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=False, remove_comments=True)


def parse_xml(data: bytes, name: str = "tệp"):
    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in data[:65536] or b"<!ENTITY" in data[:65536] or b"<!doctype" in head:
        raise ImportRefused(
            f"Tệp “{name}” chứa khai báo DOCTYPE/ENTITY trong XML (Word không bao giờ tạo),"
            " có thể là tệp độc hại; không nhập.")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        raise refuse(Kind.DAMAGED, name) from None


# ------------------------------------------------------------------ .doc → .docx with LibreOffice


def soffice_path() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (r"C:\Program Files\LibreOffice\program\soffice.exe",
                      r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"):
        if os.path.exists(candidate):
            return candidate
    return None


# A field or shape that makes Word or LibreOffice load content from elsewhere (a linked
# picture: INCLUDEPICTURE "http://…" \d; an RTF shape's pibName), followed closely by a target
# outside this PC: a web or file address, or a Windows share (\\server\share, which would send
# the clerk's Windows credentials).  Field names are matched in the RTF text, in the 8-bit text
# of a .doc and in its UTF-16 text (read with the zero bytes taken out).
_LINKED = re.compile(
    rb"(?:(?i:\b(?:INCLUDEPICTURE|INCLUDETEXT|DDEAUTO|pibName)\b)|\b(?:LINK|DDE|IMPORT)\s)"
    rb".{0,300}?"
    rb"(?P<target>(?i:\b(?:https?|ftps?|file|smb|dav|webdavs?))://[^\s\"'}{\\]*"
    rb"|\\{2,}[\w.$-]+\\+[\w.$-]+)",
    re.DOTALL)


def external_link(path: Path) -> str | None:
    """The first external target a linked picture or field of this .doc/.rtf points to, or None."""
    overlap = 1024
    try:
        with open(path, "rb") as handle:
            tail = b""
            while chunk := handle.read(4 * 1024 * 1024):
                block = tail + chunk
                for view in (block, block.replace(b"\0", b"")):
                    found = _LINKED.search(view)
                    if found:
                        return found.group("target").decode("latin-1")[:80]
                tail = block[-overlap:]
    except OSError as error:
        raise unreadable(error, path) from None
    return None


# LibreOffice's settings for the conversion: links never updated, referer-less links blocked,
# macros off, and every web request sent to a proxy that does not exist (127.0.0.1:9, nothing
# exempt): LibreOffice 7.4 still loads a .doc's linked picture with the first two alone.
_SETTINGS = {
    "/org.openoffice.Office.Common/Security/Scripting": {
        "BlockUntrustedRefererLinks": "true", "MacroSecurityLevel": "3", "DisableMacrosExecution": "true"},
    "/org.openoffice.Office.Writer/Content/Update": {"Link": "0"},  # css.document.LinkUpdateModes.NEVER
    "/org.openoffice.Inet/Settings": {
        "ooInetProxyType": "1", "ooInetNoProxy": "",
        **{f"ooInet{scheme}Proxy{key}": value for scheme in ("HTTP", "HTTPS", "FTP")
           for key, value in (("Name", "127.0.0.1"), ("Port", "9"))}},
}


def _locked_profile(profile: Path) -> None:
    items = "".join(f'<item oor:path="{where}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>'
                    for where, props in _SETTINGS.items() for name, value in props.items())
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry"'
        ' xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{items}</oor:items>\n", encoding="utf-8")


def convert_with_libreoffice(path: Path, outdir: Path, timeout: float = 120) -> Path:
    """Convert a .doc/.rtf to .docx in ``outdir`` (a profile of its own, so it never clashes
    with a LibreOffice the clerk has open, with links and web access shut off).  A file with a
    picture linked to an outside address is refused before LibreOffice sees it.  Raises
    ImportRefused with a Vietnamese message."""
    soffice = soffice_path()
    path = Path(path)
    if soffice is None:
        raise ImportRefused(f"Máy này chưa cài LibreOffice nên không chuyển được “{path.name}”;"
                            " hãy mở bằng Word và lưu lại dạng .docx.")
    target = external_link(path)
    if target is not None:
        raise ImportRefused(
            f"Tệp “{path.name}” có hình ảnh liên kết tới địa chỉ bên ngoài ({target}) nên không chuyển tự động"
            " (để máy không truy cập địa chỉ đó); hãy mở bằng Word, chèn hình trực tiếp rồi lưu dạng .docx"
            " và nhập lại.")
    profile = Path(tempfile.mkdtemp(prefix="cchc-lo-"))
    source = outdir / ("source" + path.suffix.lower() if path.suffix else "source.doc")
    try:
        _locked_profile(profile)
        shutil.copyfile(path, source)
    except OSError as error:
        shutil.rmtree(profile, ignore_errors=True)
        raise unreadable(error, path) from None
    try:
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
             "--convert-to", "docx", "--outdir", str(outdir), str(source)],
            capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        raise ImportRefused(f"LibreOffice không chuyển được “{path.name}” sang .docx.") from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    result = outdir / "source.docx"
    if not result.exists():
        raise ImportRefused(f"LibreOffice không chuyển được “{path.name}” sang .docx.")
    return result
