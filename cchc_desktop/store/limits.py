"""Limits that protect the clerk's PC from inputs no report needs.

A real report is a few dozen pages with an appendix of a few dozen rows; the limits are far
above that and far below what makes export, checks or the window unusable (measured with
benchmarks/bench_reliability.py: at the limits a report exports to DOCX + PDF in a few
seconds with a few hundred MB).  Every refusal is one Vietnamese sentence naming the limit.

The bounds and the bounded JSON reading live in core.limits (core needs them too); here are
the checks of whole and stored reports.  The walk over decoded JSON is iterative (no
recursion), so a file nested 100,000 levels deep is refused instead of crashing the reader.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.limits import (  # noqa: F401 (re-exported: the bounds live in core)
    MAX_DEPTH, MAX_FIELD_CHARS, MAX_FILE_BYTES, MAX_HEADER_ROWS, MAX_LIST_ITEMS, MAX_NUMBER_DIGITS,
    MAX_PICTURES_CHARS, MAX_TABLE_ROWS, MAX_TEXT_CHARS, MAX_VALUES, LimitError, _bracket_depth, _deeper_than,
    _number, check_file_size, loads,
)


def check_document(data: Any, name: str) -> None:
    """Sizes, counts and characters of a decoded report document (iteratively)."""
    total = pictures = 0
    values = 0
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        values += 1
        if values > MAX_VALUES:
            raise LimitError(
                f"Tệp “{name}” có quá nhiều mục dữ liệu (hơn {_number(MAX_VALUES)}): một báo cáo không cần "
                "nhiều như vậy, hãy kiểm tra lại tệp."
            )
        if depth > MAX_DEPTH:
            raise LimitError(f"Tệp “{name}” có dữ liệu lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp).")
        if isinstance(value, str) and where.endswith("picture.data"):
            pictures += len(value)
            if pictures > MAX_PICTURES_CHARS:
                raise LimitError(f"Tệp “{name}” có quá nhiều hình ảnh (hơn {MAX_PICTURES_CHARS // 1024 // 1024} MB):"
                                 " hãy bớt hình hoặc thu nhỏ hình rồi thử lại.")
        elif isinstance(value, str):
            total += len(value)
            _check_text(value, where, name)
            if total > MAX_TEXT_CHARS:
                raise LimitError(
                    f"Tệp “{name}” có quá nhiều chữ (hơn {_number(MAX_TEXT_CHARS)} ký tự, khoảng 360 trang): "
                    "hãy chia thành nhiều báo cáo."
                )
        elif isinstance(value, dict):
            body = _body_rows(value)
            if body > MAX_TABLE_ROWS:
                raise _too_many(name, f"{where}.rows" if where else "rows", body, MAX_TABLE_ROWS)
            for key, item in value.items():  # keys are the format's names, not the clerk's text
                stack.append((item, f"{where}.{key}" if where else key, depth + 1))
        elif isinstance(value, list):
            # a table's rows were counted without its header rows on the table itself
            limit = MAX_TABLE_ROWS + MAX_HEADER_ROWS if _is_table(where) else MAX_LIST_ITEMS
            if len(value) > limit:
                raise _too_many(name, where, len(value), limit)
            stack.extend((item, f"{where}[{index}]", depth + 1) for index, item in enumerate(value))


def _body_rows(value: dict) -> int:
    """Rows under the header of a table dict (format 2: "rows" and "header_rows"); 0 otherwise."""
    rows, header = value.get("rows"), value.get("header_rows", 0)
    if not isinstance(rows, list) or "cells" not in (rows[0] if rows and isinstance(rows[0], dict) else {}):
        return 0
    return len(rows) - (header if isinstance(header, int) and 0 <= header <= MAX_HEADER_ROWS else 0)


def _is_table(where: str) -> bool:
    """Rows of any table ("appendix.rows" today; any later "….rows" as well)."""
    return where == "rows" or where.endswith(".rows")


def _too_many(name: str, where: str, count: int, limit: int) -> LimitError:
    if _is_table(where):
        return LimitError(
            f"Bảng phụ lục trong “{name}” có {_number(count)} dòng, vượt giới hạn {_number(limit)} dòng: "
            "hãy chia bảng thành nhiều phụ lục hoặc nhiều báo cáo."
        )
    return LimitError(f"Danh sách “{where}” trong “{name}” có {_number(count)} mục, vượt giới hạn {_number(limit)}.")


def _check_text(value: str, where: str, name: str) -> None:
    if len(value) > MAX_FIELD_CHARS:
        raise LimitError(
            f"Một đoạn văn bản trong “{name}” ({where}) dài {_number(len(value))} ký tự, vượt giới hạn "
            f"{_number(MAX_FIELD_CHARS)}: hãy chia thành nhiều đoạn."
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise LimitError(
            f"Tệp “{name}” có ký tự không hợp lệ ở {where} (một nửa cặp mã UTF-16, ví dụ \\ud800): "
            "tệp đã bị hỏng hoặc do một chương trình lỗi tạo ra."
        ) from None


def check_report(report, name: str) -> None:
    """The same limits for a report already in the database (imported before they existed)."""
    from ..core.codec import report_to_dict

    appendix = getattr(report, "appendix", None)
    rows = len(appendix.rows) if appendix is not None else 0
    if rows > MAX_TABLE_ROWS:  # cheap test first: encoding 200,000 rows costs memory
        raise LimitError(
            f"Bảng phụ lục của {name} có {_number(rows)} dòng, vượt giới hạn {_number(MAX_TABLE_ROWS)} dòng: "
            "hãy chia bảng thành nhiều phụ lục hoặc nhiều báo cáo."
        )
    check_document(report_to_dict(report), name)


_PICTURE_DATA = re.compile(r'"data"\s*:\s*"([A-Za-z0-9+/=]*)"')


def _stored_pictures_chars(db, report_id: int) -> int:
    """Characters of the pictures' base64 in a stored document, read as plain text (no JSON
    parse: that is what a huge document must not get before it is refused)."""
    text = db.execute("SELECT document FROM reports WHERE id = ?", [report_id]).fetchone()[0] or ""
    return sum(len(found.group(1)) for found in _PICTURE_DATA.finditer(text))


def check_stored(db, report_id: int) -> None:
    """The limits of a report in the database, asked of SQLite before loading it: a 200,000-row
    report would take hundreds of MB just to be read."""
    row = db.execute("SELECT length(document) FROM reports WHERE id = ?", [report_id]).fetchone()
    if row is None:
        return  # load_report says it is missing
    size = row[0] or 0
    name = f"báo cáo số {report_id}"
    most = MAX_FILE_BYTES + MAX_PICTURES_CHARS  # its pictures included
    if size > MAX_FILE_BYTES and size <= most:
        size -= _stored_pictures_chars(db, report_id)  # its text alone is held to the file limit
    if size > MAX_FILE_BYTES:  # decided before SQLite parses a huge document
        raise LimitError(f"{name[0].upper()}{name[1:]} quá lớn ({size / 1024 / 1024:.1f} MB; tối đa "
                         f"{MAX_FILE_BYTES // 1024 // 1024} MB chữ và số): hãy chia thành nhiều báo cáo.")
    # The longest table: the appendix forms (format 2), else the one indicator table (format 1).
    rows = db.execute(
        "SELECT max(json_array_length(value, '$.table.rows') - coalesce(json_extract(value, '$.table.header_rows'), 0))"
        " FROM reports, json_each(reports.document, '$.appendices') WHERE reports.id = ?", [report_id]).fetchone()[0]
    if rows is None:
        rows = db.execute("SELECT json_array_length(document, '$.appendix.rows') FROM reports WHERE id = ?",
                          [report_id]).fetchone()[0]
    if (rows or 0) > MAX_TABLE_ROWS:
        raise LimitError(
            f"Bảng phụ lục của {name} có {_number(rows)} dòng, vượt giới hạn {_number(MAX_TABLE_ROWS)} dòng: "
            "hãy chia bảng thành nhiều phụ lục hoặc nhiều báo cáo."
        )
