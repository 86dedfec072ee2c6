"""The limits refuse what no report needs and accept every real report."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from cchc_desktop.store import limits
from cchc_desktop.store.database import StoreError
from cchc_desktop.store.exchange import read_exchange, write_exchange

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))


def test_the_60_page_report_and_a_full_appendix_are_accepted(tmp_path: Path) -> None:
    from long_report import make_long_report

    from .scenarios import make_exchange

    report = make_long_report()
    write_exchange(report, tmp_path / "long.json")
    assert read_exchange(tmp_path / "long.json").subject == report.subject
    full = make_exchange(tmp_path / "full.json", rows=limits.MAX_TABLE_ROWS)
    assert len(read_exchange(full).appendix.rows) == limits.MAX_TABLE_ROWS


def test_depth_counts_brackets_outside_strings_only() -> None:
    assert limits._bracket_depth('{"a": "[[[{{{\\"]]]", "b": [[1], {"c": []}]}') == 4
    assert limits._bracket_depth("[" * 21 + "]" * 21) == 21
    assert limits._bracket_depth('"no brackets"') == 0


def test_depth_limit_is_checked_before_parsing() -> None:
    limits.loads("[" * limits.MAX_DEPTH + "]" * limits.MAX_DEPTH, "a.json")
    with pytest.raises(limits.LimitError, match="lồng nhau quá sâu"):
        limits.loads("[" * 1_000_000 + "]" * 1_000_000, "a.json")  # json.loads would raise RecursionError


@pytest.mark.parametrize("change, words", [
    (lambda r: r.update(subject="x" * (limits.MAX_FIELD_CHARS + 1)), "vượt giới hạn 100.000"),
    (lambda r: r.update(addressees=["Ủy ban"] * (limits.MAX_LIST_ITEMS + 1)), "vượt giới hạn 10.000"),
    (lambda r: r["parts"][0]["blocks"].extend(
        [{"role": "paragraph", "runs": [{"text": "y" * 90_000}]}] * 12), "quá nhiều chữ"),
])
def test_each_limit_has_its_sentence(tmp_path: Path, change, words) -> None:
    from .scenarios import make_exchange

    path = make_exchange(tmp_path / "a.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data["report"])
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(StoreError, match=words):
        read_exchange(path)


def test_indicator_set_import_is_bounded_too(tmp_path: Path) -> None:
    from cchc_desktop.core.indicator_sets import IndicatorSetError, load_indicator_set

    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(IndicatorSetError, match="lồng nhau quá sâu"):
        load_indicator_set(deep)
    many = tmp_path / "many.json"
    many.write_text(json.dumps({"rows": [{"tt": str(i), "indicator": "Chỉ tiêu", "unit": "buổi"}
                                         for i in range(limits.MAX_TABLE_ROWS + 1)]}), encoding="utf-8")
    with pytest.raises(IndicatorSetError, match="vượt giới hạn"):
        load_indicator_set(many)


def test_a_stored_report_over_the_row_limit_is_refused_before_loading(tmp_path: Path) -> None:
    """Format 2 keeps the rows in the appendix forms; the check asks SQLite, not the codec."""
    import sqlite3
    from contextlib import closing

    from cchc_desktop.store.database import open_database
    from cchc_desktop.store.limits import LimitError, check_stored

    db = open_database(tmp_path / "cchc.sqlite")
    try:
        document = json.loads(db.execute("SELECT document FROM reports WHERE id = 1").fetchone()[0])
        table = document["appendices"][0]["table"]
        table["rows"] += [table["rows"][1]] * (limits.MAX_TABLE_ROWS + 1 - len(table["rows"][1:]))
        with closing(sqlite3.connect(tmp_path / "cchc.sqlite")) as conn:
            conn.execute("UPDATE reports SET document = ? WHERE id = 1", [json.dumps(document)])
            conn.commit()
        with pytest.raises(LimitError, match="2.001 dòng"):
            check_stored(db, 1)
        check_stored(db, 99)  # a missing report is load_report's business
    finally:
        db.close()


def test_a_stored_report_is_held_to_the_file_limit_by_its_text_not_its_pictures(tmp_path: Path) -> None:
    """12 MB of pictures pass (each picture is bounded on its own); 12 MB of text is refused by
    its size, before SQLite parses the document."""
    import base64
    import sqlite3
    from contextlib import closing

    from cchc_desktop.store.database import open_database
    from cchc_desktop.store.limits import LimitError, check_stored

    big = 12 * 1024 * 1024
    db = open_database(tmp_path / "cchc.sqlite")
    try:
        document = json.loads(db.execute("SELECT document FROM reports WHERE id = 1").fetchone()[0])

        def store(block: dict) -> None:
            changed = json.loads(json.dumps(document))
            changed["parts"][0]["blocks"].append(block)
            with closing(sqlite3.connect(tmp_path / "cchc.sqlite")) as conn:
                conn.execute("UPDATE reports SET document = ? WHERE id = 1", [json.dumps(changed)])
                conn.commit()

        data = base64.b64encode(b"\x89PNG" + bytes(big * 3 // 4)).decode("ascii")
        store({"role": "picture", "runs": [], "picture": {"data": data, "format": "png"}})
        check_stored(db, 1)
        store({"role": "paragraph", "runs": [{"text": "a" * big}]})
        with pytest.raises(LimitError, match="quá lớn"):
            check_stored(db, 1)
    finally:
        db.close()
