"""Reading a unit's .xlsx within bounds, cell by cell, trusting nothing the file says of itself.

A unit's workbook comes from outside, like an imported .docx, and gets the same guards
(importing/safety.py) before any of it is parsed: the file's size, the number of zip
members, the unpacked sizes the zip declares and its packing ratio ("zip bomb").  Every part
that is read is then streamed through a counter that stops at the limits whatever the zip
claims, and parsed incrementally (lxml, no DTD, entities or network; a DOCTYPE is refused),
so memory stays small: a sheet is never held whole, only its rows with a value.

Nothing here trusts the sheet's ``<dimension>``: rows are the ``<row>`` elements as they come
(openpyxl's read-only mode stops at the declared last row and pads every row to the declared
width).  At most MAX_CELLS cells are looked at in one workbook, whatever its rows and columns.

A cell that cannot be read (``1e999``, ``NaN``, letters in a numeric cell, a shared string
that does not exist, an invalid date) is a ``BadCell`` carrying its reason, never an
exception; the caller reports it for that unit.
"""

from __future__ import annotations

import math
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..importing.safety import MAX_MEMBERS, MAX_RATIO, MAX_TOTAL_UNPACKED
from .columns import column_letters  # noqa: F401 - re-exported (its home is core/columns.py)

MAX_XLSX_BYTES = 50 * 1024 * 1024  # a unit's sheet of a few thousand rows is well under 1 MB
MAX_XLSX_PART = 50 * 1024 * 1024  # unpacked, any one part that is read
MAX_CELLS = 200_000  # <c> and <row> elements looked at in one workbook (a unit's form: a few thousand)
MAX_ELEMENTS = 200_000  # elements looked at in the other parts (relationships, shared strings, styles)
MAX_READ = 100 * 1024 * 1024  # unpacked bytes read from one workbook, all parts together
MAX_NUMBER = 10 ** 15  # Excel keeps 15 digits; a larger "count" is not a figure
MAX_ROW = 1_048_576
MAX_COLUMN = 16_384
_HEAD = 65_536  # bytes of a part looked at for a DOCTYPE/ENTITY declaration
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_REF = re.compile(r"([A-Za-z]{1,3})(\d{1,7})")
_INTEGER = re.compile(r"[+-]?\d{1,20}")
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_R_ID = ("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
         "{http://purl.oclc.org/ooxml/officeDocument/relationships}id")


class XlsxRefused(ValueError):
    """A workbook that is not read at all; ``str(error)`` is one Vietnamese sentence."""


@dataclass(frozen=True)
class BadCell:
    """A cell whose content cannot be taken as what it claims to be."""

    ref: str  # "D7"
    raw: str  # what the file holds, shortened
    reason: str  # Vietnamese: "không phải số", "là ngày tháng, không phải số"

    def __str__(self) -> str:
        return self.raw


class _Bad:
    """A BadCell before its reference is known (built only for the rare bad cell)."""

    __slots__ = ("raw", "reason")

    def __init__(self, raw: str, reason: str) -> None:
        self.raw, self.reason = raw, reason


Row = dict[int, object]  # column index (0 = A) -> value (str, int, float, bool or BadCell)


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _tidy(element) -> None:
    """Free what iterparse has built so far: the element's content and its earlier siblings."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def shorten(text: str) -> str:
    text = " ".join(_CONTROL.sub(" ", text).split())
    return text if len(text) <= 40 else text[:39] + "…"


class _Stream:
    """A zip member as lxml reads it: counted, stopped at the limits, checked for a DOCTYPE."""

    def __init__(self, book: XlsxBook, info: zipfile.ZipInfo) -> None:
        self.book, self.info = book, info
        self.member = book.archive.open(info)
        self.size = 0
        self.head = b""

    def read(self, n: int = -1) -> bytes:
        chunk = self.member.read(1024 * 1024 if n is None or n < 0 else min(n, 1024 * 1024))
        self.size += len(chunk)
        self.book.unpacked += len(chunk)
        if self.size > MAX_XLSX_PART or self.book.unpacked > MAX_READ:
            raise self.book.bomb()
        if (self.size > 1024 * 1024 and self.info.compress_size
                and self.size / max(self.info.compress_size, 1) > MAX_RATIO):
            raise self.book.bomb()
        if len(self.head) < _HEAD:
            self.head = (self.head + chunk)[:_HEAD]
            upper = self.head.upper()
            if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
                raise XlsxRefused(f"Tệp “{self.book.name}” chứa khai báo DOCTYPE/ENTITY trong XML (Excel không"
                                  " bao giờ tạo), có thể là tệp độc hại; không đọc.")
        return chunk

    def close(self) -> None:
        self.member.close()


class XlsxBook:
    """A workbook's sheet names and rows, read within the limits above.

    Raises XlsxRefused (Vietnamese) for a file that is missing, too large, not a workbook,
    damaged, a zip bomb or over the cell limit."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = self.path.name
        self.unpacked = 0
        self.cells = 0
        self.elements = 0
        self._check_file()
        try:
            self.archive = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise self.damaged() from None
        try:
            self._check_members()
            self._shared: list[str] | None = None
            self._dates: set[int] | None = None
            self.sheets = self._guarded(self._sheets)
        except BaseException:
            self.archive.close()
            raise

    # ------------------------------------------------------------------ refusals

    def damaged(self) -> XlsxRefused:
        return XlsxRefused(f"Không đọc được bảng tính “{self.name}” (không phải tệp .xlsx hợp lệ"
                           " hoặc tệp bị hỏng).")

    def bomb(self) -> XlsxRefused:
        return XlsxRefused(f"Tệp “{self.name}” giải nén ra dung lượng bất thường (nghi là “bom nén”); không đọc.")

    def too_large(self) -> XlsxRefused:
        cells = f"{MAX_CELLS:,}".replace(",", ".")
        return XlsxRefused(f"Bảng tính “{self.name}” quá lớn (hơn {cells} ô); hãy chép riêng bảng số liệu"
                           " của đơn vị sang một tệp mới rồi thử lại.")

    def _check_file(self) -> None:
        from ..store import errors

        try:
            if self.path.is_dir():
                raise XlsxRefused(f"“{self.path}” là một thư mục, không phải tệp bảng tính.")
            size = self.path.stat().st_size
            with open(self.path, "rb") as handle:
                head = handle.read(8)
        except FileNotFoundError:
            raise XlsxRefused(f"Không tìm thấy tệp “{self.name}”.") from None
        except OSError as error:
            raise XlsxRefused(errors.sentence(f"Không đọc được tệp “{self.name}”", error, self.path,
                                              stage="read")) from None
        if size == 0:
            raise XlsxRefused(f"Tệp “{self.name}” rỗng.")
        if size > MAX_XLSX_BYTES:
            megabytes = f"{size / 1048576:.1f}".replace(".", ",")
            raise XlsxRefused(f"Tệp “{self.name}” quá lớn ({megabytes} MB; tối đa {MAX_XLSX_BYTES // 1048576} MB).")
        if head.startswith(_OLE_MAGIC):
            raise XlsxRefused(f"Tệp “{self.name}” là bảng tính Excel cũ (.xls) hoặc có đặt mật khẩu. Hãy mở"
                              " bằng Excel, bỏ mật khẩu nếu có và lưu lại dạng .xlsx.")

    def _check_members(self) -> None:
        infos = self.archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise self.bomb()
        if sum(info.file_size for info in infos) > MAX_TOTAL_UNPACKED:
            raise self.bomb()
        for info in infos:
            if info.file_size > MAX_XLSX_PART:
                raise self.bomb()
            if info.file_size > 1024 * 1024 and info.file_size / max(info.compress_size, 1) > MAX_RATIO:
                raise self.bomb()
        self.names = {info.filename: info for info in infos}

    def _guarded(self, work, *args):
        """``work`` with the zip's and the XML parser's failures as one Vietnamese sentence."""
        try:
            return work(*args)
        except XlsxRefused:
            raise
        except RuntimeError:  # an encrypted zip member
            raise XlsxRefused(f"Tệp “{self.name}” có đặt mật khẩu; hãy bỏ mật khẩu rồi thử lại.") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError, IndexError,
                NotImplementedError, etree.LxmlError):
            raise self.damaged() from None

    # ------------------------------------------------------------------ parts

    def _events(self, name: str, tags: tuple[str, ...], tidy: bool = True) -> Iterator[etree._Element]:
        """The elements named ``tags`` of part ``name`` (any namespace), each cleared after use
        unless ``tidy`` is False (the caller clears them)."""
        info = self.names.get(name)
        if info is None:
            return
        stream = _Stream(self, info)
        try:
            for _event, element in etree.iterparse(
                    stream, events=("end",), tag=tuple("{*}" + t for t in tags), resolve_entities=False,
                    no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True):
                if tidy:
                    self.elements += 1
                    if self.elements > MAX_ELEMENTS:
                        raise self.too_large()
                yield element
                if tidy:
                    _tidy(element)
        finally:
            stream.close()

    def _relations(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, target part name) of ``part``."""
        folder, base = posixpath.split(part)
        found = {}
        for element in self._events(posixpath.join(folder, "_rels", base + ".rels"), ("Relationship",)):
            target = element.get("Target") or ""
            if element.get("TargetMode") == "External" or not target:
                continue
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            found[element.get("Id") or ""] = (element.get("Type") or "", name)
        return found

    def _sheets(self) -> list[tuple[str, str]]:
        """(name, part) of every worksheet, in the workbook's order."""
        workbook = next((target for kind, target in self._relations("").values()
                         if kind.endswith("/officeDocument")), "xl/workbook.xml")
        if workbook not in self.names:
            raise self.damaged()
        self.workbook = workbook
        relations = self._relations(workbook)
        self.relations = relations
        sheets = []
        for element in self._events(workbook, ("sheet",)):
            rid = next((element.get(key) for key in _R_ID if element.get(key)), None)
            kind, target = relations.get(rid or "", ("", ""))
            if kind.endswith("/worksheet") and target in self.names:
                sheets.append((element.get("name") or f"Sheet{len(sheets) + 1}", target))
        return sheets

    @property
    def sheetnames(self) -> list[str]:
        return [name for name, _part in self.sheets]

    def _part_of(self, suffix: str, default: str) -> str:
        return next((target for kind, target in self.relations.values() if kind.endswith(suffix)), default)

    def _shared_strings(self) -> list[str]:
        if self._shared is None:
            shared: list[str] = []
            for element in self._events(self._part_of("/sharedStrings", "xl/sharedStrings.xml"), ("si",)):
                shared.append("".join(t.text or "" for t in element.iter("{*}t")
                                      if _local(t.getparent().tag) != "rPh"))
            self._shared = shared
        return self._shared

    def _date_styles(self) -> set[int]:
        """Indexes of the cell styles (``s="…"``) that show a number as a date or a time."""
        if self._dates is None:
            from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

            formats: dict[int, str] = {}
            known: dict[int, bool] = {}  # number format id -> shows a date or a time
            dates: set[int] = set()
            xf = 0
            for element in self._events(self._part_of("/styles", "xl/styles.xml"), ("numFmt", "xf")):
                if _local(element.tag) == "numFmt":
                    try:
                        formats[int(element.get("numFmtId") or "")] = (element.get("formatCode") or "")[:255]
                    except ValueError:
                        pass
                    continue
                if _local(element.getparent().tag) != "cellXfs":
                    continue
                try:
                    number_format = int(element.get("numFmtId") or 0)
                except ValueError:
                    number_format = 0
                if number_format not in known:
                    code = formats.get(number_format, BUILTIN_FORMATS.get(number_format, ""))
                    known[number_format] = bool(code) and is_date_format(code)
                if known[number_format]:
                    dates.add(xf)
                xf += 1
            self._dates = dates
        return self._dates

    # ------------------------------------------------------------------ rows

    def rows(self, sheet: str) -> Iterator[tuple[int, Row]]:
        """(row number, {column: value}) of every row of ``sheet`` holding a value, in the file's
        order; the <dimension> the sheet declares is not read."""
        part = dict(self.sheets)[sheet]
        shared = self._guarded(self._shared_strings)
        dates = self._guarded(self._date_styles)
        iterator = self._guarded(self._rows, part, shared, dates)
        while True:
            try:
                item = self._guarded(next, iterator, None)
            except BaseException:
                iterator.close()
                raise
            if item is None:
                return
            yield item

    def _rows(self, part: str, shared: list[str], dates: set[int]) -> Iterator[tuple[int, Row]]:
        """The hot loop: a few microseconds a cell (MAX_CELLS of them in well under 10 s)."""
        number, column, row = 0, -1, {}
        current: int | None = None  # the number of the row being read, once one of its cells is seen
        names: tuple[str, str, str, str] | None = None  # the tags of row, v, is, t in the sheet's namespace
        count, limit = self.cells, MAX_CELLS

        def numbered(element) -> int:
            given = (element.get("r") or "").strip() if element is not None else ""
            return int(given) if given.isdigit() and number < int(given) <= MAX_ROW else number + 1

        for element in self._events(part, ("row", "c"), tidy=False):
            count += 1
            if count > limit:
                self.cells = count
                raise self.too_large()
            tag = element.tag
            if names is None:
                namespace = tag[:tag.index("}") + 1] if tag.startswith("{") else ""
                names = (namespace + "row", namespace + "v", namespace + "is", namespace + "t")
            if tag == names[0]:
                number = current if current is not None else numbered(element)
                if row:
                    yield number, row
                row, column, current = {}, -1, None
                _tidy(element)
                continue
            if current is None:
                current = numbered(element.getparent())
            ref = element.get("r")
            at = column + 1
            if ref:
                match = _REF.fullmatch(ref)
                if match:
                    at = -1
                    for letter in match.group(1).upper():
                        at = (at + 1) * 26 + ord(letter) - 65
            column = at
            if at >= MAX_COLUMN:
                continue
            value = self._value(element, names, shared, dates)
            if value is not None and value != "":
                if isinstance(value, _Bad):
                    value = BadCell(f"{column_letters(at)}{current}", shorten(value.raw), value.reason)
                row[at] = value
        self.cells = count

    def _value(self, cell, names: tuple[str, str, str, str], shared: list[str], dates: set[int]) -> object:
        kind = cell.get("t") or "n"
        raw = None
        for child in cell:
            if child.tag == names[1]:
                raw = child.text or ""
                break
            if child.tag == names[2]:
                if kind != "inlineStr":
                    continue
                return "".join(t.text or "" for t in child.iter(names[3]) if not t.getparent().tag.endswith("rPh"))
        if raw is None:
            return None
        if kind == "n":
            if _INTEGER.fullmatch(raw):
                number: int | float = int(raw)
            else:
                try:
                    number = float(raw)
                except ValueError:
                    return _Bad(raw, "không phải số")
                if not math.isfinite(number):
                    return _Bad(raw, "không phải số")
            if number >= MAX_NUMBER or number <= -MAX_NUMBER:
                return _Bad(raw, "là số quá lớn")
            if dates:
                try:
                    style = int(cell.get("s") or 0)
                except ValueError:
                    style = 0
                if style in dates:
                    return _Bad(raw, "là ngày tháng, không phải số")
            return number
        if kind == "s":
            if raw.strip().isdigit() and int(raw) < len(shared):
                return shared[int(raw)]
            return _Bad(raw, "không có trong bảng chuỗi của tệp")
        if kind in ("str", "e", "inlineStr"):
            return raw
        if kind == "b":
            return {"1": True, "0": False}.get(raw.strip(), _Bad(raw, "không phải số"))
        if kind == "d":
            return _Bad(raw, "là ngày tháng, không phải số")
        return _Bad(raw, "không phải số")

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> XlsxBook:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
