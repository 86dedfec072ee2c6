"""Limits that protect the clerk's PC from inputs no report needs.

A real report is a few dozen pages with an appendix of a few dozen rows; the limits are far
above that and far below what makes export, checks or the window unusable (measured with
benchmarks/bench_reliability.py: at the limits a report exports to DOCX + PDF in a few
seconds with a few hundred MB).  Every refusal is one Vietnamese sentence naming the limit.

The walk over decoded JSON is iterative (no recursion), so a file nested 100,000 levels
deep is refused instead of crashing the reader.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_FILE_BYTES = 10 * 1024 * 1024  # a JSON exchange file (the 60-page sample report: ~0.1 MB)
MAX_DEPTH = 20  # nesting of a report document is 6 levels
MAX_TABLE_ROWS = 2_000  # rows under a table's header (real reports: tens)
MAX_HEADER_ROWS = 10
MAX_TEXT_CHARS = 1_000_000  # all texts together (~360 pages; the 60-page report: ~150,000)
MAX_FIELD_CHARS = 100_000  # one text (a paragraph of ~30 pages)
MAX_LIST_ITEMS = 10_000  # any other list (paragraphs, recipients…)
# Values of any kind (texts, numbers, lists, objects) in one document: the sample with a 2,000-row
# appendix has 44,000, the 60-page report far fewer.  The schema check costs 40–70 µs a value,
# so this bounds it to ~10 s (a 10 MB file of "{}," would hold 3,000,000: minutes).
MAX_VALUES = 250_000
# Pictures (base64, ``…picture.data``) are no text: each is bounded by core.codec.MAX_PICTURE_BYTES,
# all of them together by this (inserted ones are reduced to 5 MB each), on top of the texts' limits.
MAX_PICTURES_CHARS = 160 * 1024 * 1024
MAX_NUMBER_DIGITS = 100  # an integer in the file (years, counts: a few digits; Python stops at 4,300)


class LimitError(ValueError):
    """The input exceeds a limit; str() is the Vietnamese sentence for the clerk."""


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # Vietnamese thousands separator


def check_file_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise LimitError(
            f"Tệp “{name}” quá lớn ({size / 1024 / 1024:.1f} MB; tối đa {MAX_FILE_BYTES // 1024 // 1024} MB): "
            "một báo cáo không cần nhiều như vậy, hãy kiểm tra lại tệp."
        )


def loads(text: str, name: str) -> Any:
    """json.loads with a nesting limit checked *before* parsing (the parser itself recurses)."""
    depth = _bracket_depth(text) if _deeper_than(text, MAX_DEPTH) else 0
    if depth > MAX_DEPTH:
        raise LimitError(
            f"Tệp “{name}” có dữ liệu lồng nhau quá sâu ({_number(depth)} cấp; tối đa {MAX_DEPTH}): "
            "đây không phải tệp báo cáo hợp lệ."
        )
    return json.loads(text, parse_int=lambda digits: _integer(digits, name))


def _integer(digits: str, name: str) -> int:
    """An integer of the file; thousands of digits get a sentence of their own (int() would raise
    a ValueError that reads like any other parse failure, and costs quadratic time below it)."""
    count = len(digits) - digits.startswith("-")
    if count > MAX_NUMBER_DIGITS:
        raise LimitError(
            f"Tệp “{name}” có một con số dài {_number(count)} chữ số (tối đa {MAX_NUMBER_DIGITS}): "
            "đây không phải tệp báo cáo hợp lệ."
        )
    return int(digits)


def _deeper_than(text: str, limit: int) -> bool:
    """Whether [ / { may nest more than ``limit`` deep outside strings: each round removes the innermost
    pairs (all at once, in C), so ``limit`` rounds decide it whatever the number of brackets (a
    million empty rows "{}," cost _bracket_depth a second of Python loop)."""
    if "[" not in text and "{" not in text:
        return False
    import re

    brackets = re.sub(r'"[^"\\]*(?:\\.[^"\\]*)*"', "", text).translate(_AS_PARENTHESES)
    for _ in range(limit):
        shorter = brackets.replace("()", "")
        if len(shorter) == len(brackets):
            return bool(brackets)  # unbalanced: not JSON, but "[" × 1,000,000 is measured exactly
        brackets = shorter
    return bool(brackets)


def _bracket_depth(text: str) -> int:
    """Deepest [ / { nesting outside strings; fast enough for MAX_FILE_BYTES (C-level scans)."""
    if "[" not in text and "{" not in text:
        return 0
    # Drop strings (with their escapes) so brackets inside texts do not count.
    import re

    stripped = re.sub(r'"[^"\\]*(?:\\.[^"\\]*)*"', "", text)
    brackets = stripped.translate(_KEEP_BRACKETS)
    depth = deepest = 0
    # Runs of the same bracket are counted at once: a 100,000-deep file costs one pass.
    for match in re.finditer(r"[\[{]+|[\]}]+", brackets):
        run = match.group()
        if run[0] in "[{":
            depth += len(run)
            deepest = max(deepest, depth)
        else:
            depth -= len(run)
    return deepest


class _Keep(dict):
    def __missing__(self, key: int) -> None:
        return None


_KEEP_BRACKETS = _Keep({ord(c): c for c in "[]{}"})
_AS_PARENTHESES = _Keep({ord("["): "(", ord("{"): "(", ord("]"): ")", ord("}"): ")"})


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
