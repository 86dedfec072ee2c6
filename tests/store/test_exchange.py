"""The JSON exchange file: shape and errors (the property test is in test_roundtrip.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_desktop.core.codec import FormatError, report_to_dict
from cchc_desktop.core.templates import load_sample
from cchc_desktop.paths import resources_dir
from cchc_desktop.store.database import StoreError
from cchc_desktop.store.exchange import FORMAT, exchange_text, read_exchange, write_exchange


def test_file_shape(tmp_path):
    path = tmp_path / "a.json"
    write_exchange(load_sample(), path)
    raw = path.read_bytes()
    assert raw.endswith(b"}\n")
    assert "Cương Gián".encode() in raw  # UTF-8, not \\u escapes
    data = json.loads(raw)
    assert list(data) == ["format", "version", "report"]
    assert (data["format"], data["version"]) == (FORMAT, 2)
    assert data["report"] == report_to_dict(load_sample())


def test_bundled_sample_is_in_exchange_format():
    """The sample file is itself an exchange file, written exactly as we write them."""
    sample = resources_dir() / "sample" / "sample-report.json"
    assert read_exchange(sample) == load_sample()


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + exchange_text(load_sample()).encode())
    assert read_exchange(path) == load_sample()


def _sample_dict() -> dict:
    return json.loads(exchange_text(load_sample()))


def _bad(tmp_path: Path, content) -> Path:
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


def test_not_json(tmp_path):
    with pytest.raises(StoreError, match="không phải là tệp JSON hợp lệ"):
        read_exchange(_bad(tmp_path, b"PK\x03\x04 not json"))


def test_not_utf8(tmp_path):
    with pytest.raises(StoreError, match="UTF-8"):
        read_exchange(_bad(tmp_path, "{\"format\": \"C\xf4ng\"}".encode("latin-1")))


@pytest.mark.parametrize("content", [[1, 2], {"format": "other"}, {"name": "x"}])
def test_not_ours(tmp_path, content):
    with pytest.raises(StoreError, match="không phải là tệp báo cáo của cchc-desktop"):
        read_exchange(_bad(tmp_path, content))


def test_newer_version(tmp_path):
    data = _sample_dict()
    data["version"] = 3
    with pytest.raises(StoreError, match="phiên bản 3, mới hơn"):
        read_exchange(_bad(tmp_path, data))


def test_letters_where_a_number_belongs(tmp_path):
    data = _sample_dict()
    data["report"]["appendices"][0]["table"]["rows"][4]["cells"][3].update(runs=[{"text": "bốn mươi"}])
    with pytest.raises(FormatError) as caught:
        read_exchange(_bad(tmp_path, data))
    assert caught.value.path == "report.appendices[0].table.rows[4].cells[3]"
    assert "“bốn mươi” không phải là số liệu" in str(caught.value)


def test_version_1_file_reads_as_the_same_report():
    """Files written before the general model (three sections, one flat indicator table)."""
    old = read_exchange(Path(__file__).parents[1] / "fixtures" / "sample-report-v1.json")
    sample = load_sample()
    sample.sample, sample.kind = False, ""
    assert old == sample
    assert [p.tag for p in old.parts] == ["results", "difficulties", "directions"]
    assert old.appendix.rows[3].value == 40 and old.appendix.table.columns[3].figures


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["report"]["period"].update(year="2024"), "report.period.year"),
        (lambda d: d["report"].pop("organization"), "report.organization"),
        (lambda d: d.update(report=[]), "report"),
        (lambda d: d.pop("report"), "report"),
        (lambda d: d["report"]["parts"][1]["blocks"][0].update(role="title"),
         "report.parts[1].blocks[0].role"),
    ],
)
def test_wrong_field_is_named(tmp_path, change, field):
    data = _sample_dict()
    change(data)
    with pytest.raises(FormatError) as caught:
        read_exchange(_bad(tmp_path, data))
    assert caught.value.path == field


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(StoreError, match="Không tìm thấy"):
        read_exchange(tmp_path / "none.json")
    with pytest.raises(StoreError, match="thư mục"):
        read_exchange(tmp_path)


def test_write_into_missing_folder_or_onto_a_folder(tmp_path):
    with pytest.raises(StoreError, match="Không tìm thấy thư mục"):
        write_exchange(load_sample(), tmp_path / "no" / "a.json")
    with pytest.raises(StoreError, match="thư mục"):
        write_exchange(load_sample(), tmp_path)
    assert list(tmp_path.iterdir()) == []
