"""Bringing an existing report in: a Word .docx (or the JSON exchange file), decided by the
file's content; legacy TCVN3/VNI fonts converted; what could not be placed reported.

``import_file(path)`` → ``ImportResult`` (the new Report, not yet saved, and the import
report's entries).  A report read from a Word file passes the exchange import's rules before
it is handed back (``validate``): what is stored is what every later command reads.  ``ImportRefused`` carries the one Vietnamese sentence for a file we
will not take (see ``safety``).  Nothing here touches the database.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..core.model import Report
from .safety import ImportRefused, Kind, convert_with_libreoffice, refuse, sniff, soffice_path, unreadable
from .structure import Entry

__all__ = ["ImportRefused", "ImportResult", "Kind", "import_docx", "import_file", "sniff", "soffice_path"]


@dataclass
class ImportResult:
    report: Report
    kind: Kind
    entries: list[Entry] = field(default_factory=list)
    legacy_runs: int = 0  # runs converted from TCVN3/VNI fonts

    def to_json(self) -> dict:
        return {
            "kind": self.kind.value,
            "legacy_runs": self.legacy_runs,
            "entries": [{"where": e.where, "kind": e.kind, "message": e.message, "text": e.text,
                         "target": e.target} for e in self.entries],
        }


def import_docx(path: Path, name: str | None = None) -> ImportResult:
    """Read, recognise and validate a .docx (``name``: the file's name for messages)."""
    from .docx_pictures import reading_order
    from .docx_reader import read_docx
    from .own_export import read_own_export
    from .recognize import recognize
    from .to_model import to_report
    from .validate import admitted

    name = name or Path(path).name
    content = read_docx(path)
    own = read_own_export(content, path)  # with the report our writer embedded (own_meta.py)
    if own is not None:
        own, notes = admitted(own, name)
        return ImportResult(own, Kind.DOCX, [Entry("tệp", "Tệp do cchc-desktop xuất: đọc theo kiểu đoạn văn.",
                                                    kind="note"), *notes], content.legacy_runs)
    recognized = recognize(content)
    report, notes = admitted(to_report(recognized, reading_order(content)), name)
    entries = notes + list(recognized.entries)
    if content.legacy_runs:
        entries.insert(0, Entry("tệp", f"Đã chuyển {content.legacy_runs} đoạn chữ phông cũ (TCVN3/VNI: .VnTime,"
                                       " VNI-Times…) sang Unicode; hãy đọc soát lại.", kind="legacy"))
    return ImportResult(report, Kind.DOCX, entries, content.legacy_runs)


def import_file(path: Path, *, convert: bool = False) -> ImportResult:
    """Import ``path`` by its content.  An old .doc/.rtf is converted with LibreOffice when
    ``convert`` is set (and LibreOffice is installed); otherwise refused with advice."""
    path = Path(path)
    kind = sniff(path)
    if kind is Kind.JSON or (kind is Kind.UNKNOWN and path.suffix.lower() == ".json"):
        # a .json file that is not JSON gets the exchange reader's own message
        report = _read_exchange(path)
        report.id = None
        return ImportResult(report, Kind.JSON)
    if kind is Kind.DOCX:
        return import_docx(path)
    if kind in (Kind.DOC, Kind.RTF):
        if convert:
            with tempfile.TemporaryDirectory(prefix="cchc-import-") as folder:
                converted = convert_with_libreoffice(path, Path(folder))
                result = import_docx(converted, path.name)
            result.entries.insert(0, Entry("tệp", f"Đã chuyển “{path.name}” sang .docx bằng LibreOffice trước khi nhập.",
                                           kind="note"))
            return result
        error = refuse(kind, path.name)
        if soffice_path() is not None:
            error = ImportRefused(f"{error} Máy này có LibreOffice: chạy lại lệnh với --convert để chuyển tự động.")
        raise error
    raise refuse(kind, path.name)


def _read_exchange(path: Path) -> Report:
    """The exchange reader (``store.exchange``), with the reason a file cannot be read or
    decoded told right: a number of thousands of digits is not "not UTF-8"."""
    from ..store import limits
    from ..store.exchange import report_from_exchange

    name = path.name
    try:
        limits.check_file_size(path.stat().st_size, name)  # before reading a byte of it
        with path.open("rb") as handle:
            raw = handle.read(limits.MAX_FILE_BYTES + 1)
        limits.check_file_size(len(raw), name)
    except OSError as error:
        raise unreadable(error, path) from None
    except limits.LimitError as error:
        raise ImportRefused(str(error)) from None
    try:
        text = raw.decode("utf-8-sig")  # Windows Notepad may add a byte-order mark
    except UnicodeDecodeError:
        raise ImportRefused(f"Tệp “{name}” không phải là tệp JSON hợp lệ (không đọc được theo bảng mã UTF-8).") from None
    try:
        data = limits.loads(text, name)
    except limits.LimitError as error:
        raise ImportRefused(str(error)) from None
    except RecursionError:
        raise ImportRefused(f"Tệp “{name}” có dữ liệu lồng nhau quá sâu: đây không phải tệp báo cáo hợp lệ.") from None
    except json.JSONDecodeError as error:
        raise ImportRefused(f"Tệp “{name}” không phải là tệp JSON hợp lệ (lỗi ở dòng {error.lineno},"
                            f" cột {error.colno}).") from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise ImportRefused(f"Tệp “{name}” có một con số dài hàng nghìn chữ số: đây không phải tệp báo cáo hợp lệ."
                            ) from None
    return report_from_exchange(data, name)
