"""The cheap limits come before the schema and the codec (issue 22, task 10): a million empty
table rows are refused in a fraction of a second, not after half a minute of schema checking;
a number of thousands of digits is refused for what it is, not as "not UTF-8".

The time figures are in benchmarks/bench_reliability.py (section ``refusals``).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_desktop.core.templates import load_sample
from cchc_desktop.store import limits
from cchc_desktop.store.database import StoreError
from cchc_desktop.store.exchange import exchange_text, read_exchange


def _sample() -> dict:
    return json.loads(exchange_text(load_sample()))


def _write(path: Path, data: dict | str) -> Path:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    return path


def million_empty_rows(path: Path) -> Path:
    data = _sample()
    data["report"]["appendices"][0]["table"]["rows"] += [{}] * 1_000_000
    return _write(path, data)


@pytest.mark.timeout(60)
def test_a_million_empty_rows_are_refused_at_once(tmp_path):
    path = million_empty_rows(tmp_path / "rows.json")
    assert path.stat().st_size < limits.MAX_FILE_BYTES  # the file size limit does not catch it
    started = time.perf_counter()
    with pytest.raises(StoreError, match=r"Bảng phụ lục trong “rows.json” có 1\.000\.\d+ dòng, vượt giới hạn"):
        read_exchange(path)
    assert time.perf_counter() - started < 10  # ~0.2 s; the schema first took 24–40 s


def test_the_row_limit_is_told_before_what_the_schema_refuses(tmp_path):
    data = _sample()
    data["report"]["subject"] = 5  # the schema's complaint, had it run first
    data["report"]["appendices"][0]["table"]["rows"] += [{}] * (limits.MAX_TABLE_ROWS + limits.MAX_HEADER_ROWS)
    with pytest.raises(StoreError, match="vượt giới hạn"):
        read_exchange(_write(tmp_path / "a.json", data))


def test_too_many_values_in_lists_each_under_their_limit(tmp_path):
    """Forty parts of 9,000 empty blocks: every list is under 10,000 items, the whole is not a report."""
    data = _sample()
    data["report"]["parts"] = [{"tag": "other", "blocks": [{}] * 9_000} for _ in range(40)]
    started = time.perf_counter()
    with pytest.raises(StoreError, match=r"quá nhiều mục dữ liệu \(hơn 250\.000\)"):
        read_exchange(_write(tmp_path / "many.json", data))
    assert time.perf_counter() - started < 10


def test_the_sample_with_a_full_appendix_is_far_under_the_value_limit():
    from cchc_desktop.core.codec import report_to_dict
    from cchc_desktop.core.indicators import new_row

    report = load_sample()
    table = report.appendix.table
    table.rows[table.header_rows:] = [new_row(table, tt=str(i), indicator=f"Chỉ tiêu {i}", unit="buổi",
                                              value=str(i), note="Ghi chú") for i in range(limits.MAX_TABLE_ROWS)]
    limits.check_document(report_to_dict(report), "a.json")  # no LimitError
    count, stack = 0, [report_to_dict(report)]
    while stack:
        value = stack.pop()
        count += 1
        stack.extend(value.values() if isinstance(value, dict) else value if isinstance(value, list) else ())
    assert count * 4 < limits.MAX_VALUES


@pytest.mark.parametrize("digits", [5_000, 101])
def test_a_number_of_thousands_of_digits_is_told_as_such(tmp_path, digits):
    text = exchange_text(load_sample()).replace('"version": 2', '"version": ' + "9" * digits, 1)
    assert '"version": 999' in text
    with pytest.raises(StoreError) as caught:
        read_exchange(_write(tmp_path / "digits.json", text))
    message = str(caught.value)
    assert f"một con số dài {digits:,} chữ số".replace(",", ".") in message, message
    assert "UTF-8" not in message and "JSON hợp lệ" not in message


def test_a_negative_long_number_too(tmp_path):
    text = exchange_text(load_sample()).replace('"version": 2', '"version": -' + "1" * 5_000, 1)
    with pytest.raises(StoreError, match=r"một con số dài 5\.000 chữ số"):
        read_exchange(_write(tmp_path / "digits.json", text))


def test_ordinary_numbers_still_read():
    assert limits.loads('{"a": [1, -20, 3.5, 1e3, ' + "9" * limits.MAX_NUMBER_DIGITS + "]}", "a.json") == {
        "a": [1, -20, 3.5, 1000.0, int("9" * limits.MAX_NUMBER_DIGITS)]}


def test_not_utf8_is_still_told_as_such(tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes('{"format": "Công"}'.encode("latin-1"))
    with pytest.raises(StoreError, match="không đọc được theo bảng mã UTF-8"):
        read_exchange(path)


_BRACKETS = st.text(alphabet=st.sampled_from(list('[]{}"a\\,')), max_size=200)


def _nested(depth: int, width: int) -> str:
    return "[" * depth + ",".join(["{}"] * width) + "]" * depth


@given(_BRACKETS | st.builds(_nested, st.integers(0, 30), st.integers(0, 5)))
def test_the_quick_depth_test_agrees_with_the_exact_count(text):
    """_deeper_than (rounds of removing innermost pairs) never says "shallow" for a text that
    _bracket_depth counts deeper than the limit."""
    for limit in (0, 1, 3, limits.MAX_DEPTH):
        if limits._bracket_depth(text) > limit:
            assert limits._deeper_than(text, limit)
        if not limits._deeper_than(text, limit):
            assert limits._bracket_depth(text) <= limit


def test_deep_files_are_still_refused():
    with pytest.raises(limits.LimitError, match=r"quá sâu \(21 cấp"):
        limits.loads("[" * 21 + "]" * 21, "a.json")
    with pytest.raises(limits.LimitError, match=r"quá sâu \(1\.000\.000 cấp"):
        limits.loads("[" * 1_000_000, "a.json")
    assert limits.loads("[" * 20 + "]" * 20, "a.json") == [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]
