"""The JSON exchange file: one report (with its organisation), versioned, documented in
docs/exchange-format.md.  No timestamps inside, so export → import → export is byte-identical.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..file_modes import final_mode, set_mode
from ..core.codec import FormatError, report_from_dict, report_to_dict
from ..core.model import Report
from . import errors, limits
from .database import StoreError
from .exchange_schema import validate

FORMAT = "cchc-desktop-report"
VERSION = 2  # version 1 files are still read (core.codec converts them)


def exchange_text(report: Report) -> str:
    document = {"format": FORMAT, "version": VERSION, "report": report_to_dict(report)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_exchange(report: Report, path: Path) -> None:
    """Write the file through a temporary file beside it, so a failure leaves no half file."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"“{path}” là một thư mục, không phải tệp. Hãy chọn tên tệp khác.")
    if not path.parent.is_dir():
        raise StoreError(f"Không tìm thấy thư mục “{path.parent}” để lưu “{path.name}”.")
    data = exchange_text(report).encode("utf-8")
    tmp_name = None
    stage = "create"
    try:
        mode = final_mode(path)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
        stage = "write"
        set_mode(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        stage = "replace"
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as error:
        raise StoreError(errors.sentence(f"Không ghi được tệp “{path.name}”", error, path, stage=stage)) from error
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)


def read_exchange(path: Path) -> Report:
    """Read and validate an exchange file; StoreError/FormatError name the problem in Vietnamese."""
    path = Path(path)
    try:
        if path.is_file():
            limits.check_file_size(path.stat().st_size, path.name)  # before reading a byte of it
        with path.open("rb") as handle:
            raw = handle.read(limits.MAX_FILE_BYTES + 1)
        limits.check_file_size(len(raw), path.name)  # a pipe or a file that grew meanwhile
    except IsADirectoryError:
        raise StoreError(f"“{path}” là một thư mục, không phải tệp báo cáo.") from None
    except FileNotFoundError:
        raise StoreError(f"Không tìm thấy tệp “{path}”.") from None
    except OSError as error:
        raise StoreError(errors.sentence(f"Không đọc được tệp “{path.name}”", error, path, stage="read")) from error
    except limits.LimitError as error:
        raise StoreError(str(error)) from None
    try:
        # utf-8-sig: Windows Notepad may add a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StoreError(f"Tệp “{path.name}” không phải là tệp JSON hợp lệ (không đọc được theo bảng mã UTF-8)."
                         ) from None
    try:
        data = limits.loads(text, path.name)  # a number of thousands of digits: LimitError, not "not JSON"
    except limits.LimitError as error:
        raise StoreError(str(error)) from None
    except RecursionError:
        raise StoreError(f"Tệp “{path.name}” có dữ liệu lồng nhau quá sâu: đây không phải tệp báo cáo hợp lệ."
                         ) from None
    except json.JSONDecodeError as error:
        raise StoreError(f"Tệp “{path.name}” không phải là tệp JSON hợp lệ (lỗi ở dòng {error.lineno}, "
                         f"cột {error.colno}).") from None
    except ValueError as error:  # whatever else the parser refuses: say it, not a wrong reason
        raise StoreError(f"Tệp “{path.name}” không phải là tệp JSON hợp lệ ({error}).") from None
    return report_from_exchange(data, path.name)


def report_from_exchange(data: Any, name: str = "tệp") -> Report:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StoreError(f"Tệp “{name}” không phải là tệp báo cáo của cchc-desktop.")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FormatError("version", "phải là số nguyên")
    if version > VERSION:
        raise StoreError(
            f"Tệp “{name}” có định dạng phiên bản {version}, mới hơn chương trình này (phiên bản {VERSION});"
            " hãy cập nhật cchc-desktop."
        )
    if "report" not in data:
        raise FormatError("report", "bị thiếu")
    # The cheap limits first (one iterative walk that stops at the first excess): the schema
    # check would spend half a minute on a million empty table rows before they were refused.
    try:
        limits.check_document(data, name)
    except limits.LimitError as error:
        raise StoreError(str(error)) from None
    validate(data)  # the published JSON Schema (exchange_schema.py)
    try:
        return report_from_dict(data["report"])
    except FormatError as error:
        path = "report" if error.path == "(gốc)" else f"report.{error.path}"
        raise FormatError(path, error.message) from None
