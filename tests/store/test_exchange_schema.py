"""The shipped JSON Schema of the exchange file: valid, published, and what imports obey."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

from cchc_desktop import cli, paths
from cchc_desktop.core.codec import FormatError, report_to_dict
from cchc_desktop.core.templates import load_sample, templates_dir
from cchc_desktop.store.exchange import exchange_text, report_from_exchange
from cchc_desktop.store.exchange_schema import SCHEMA_NAME, schema
from tests.strategies import reports

REPO = Path(__file__).resolve().parents[2]
V1_FIXTURE = REPO / "tests" / "fixtures" / "sample-report-v1.json"


def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def test_schema_is_draft_2020_12_and_published_in_docs() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    published = REPO / "docs" / SCHEMA_NAME
    assert published.read_bytes() == (paths.resources_dir() / SCHEMA_NAME).read_bytes()


@pytest.mark.parametrize("path", sorted(templates_dir().glob("*.json")) + [
    paths.resources_dir() / "sample" / "sample-report.json", V1_FIXTURE], ids=lambda p: p.name)
def test_bundled_files_validate(path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert list(_validator().iter_errors(document)) == []


# Bounded: test_roundtrip's read_exchange validates every report it draws as well (500 in CI).
@settings(max_examples=25)
@given(reports())
def test_any_report_validates(report) -> None:
    assert list(_validator().iter_errors(json.loads(exchange_text(report)))) == []


def _document() -> dict:
    return {"format": "cchc-desktop-report", "version": 2, "report": report_to_dict(load_sample())}


@pytest.mark.parametrize(("change", "path", "message"), [
    (lambda r: r["period"].update(kind="tuan"), "report.period.kind", "phải là một trong: week, month"),
    (lambda r: r["period"].update(kind="quarter", index=5), "report.period.index", "phải từ 1 đến 4, không phải 5"),
    (lambda r: r["date"].update(month=13), "report.date.month", "phải từ 1 đến 12, không phải 13"),
    (lambda r: r["period"].update(start="15/12/2023"), "report.period.start", "YYYY-MM-DD"),
    (lambda r: r["parts"][0]["blocks"][1]["runs"][0].update(text=5), "report.parts[0].blocks[1].runs[0].text",
     "phải là chuỗi văn bản"),
    (lambda r: r["parts"][0]["blocks"][1].update(role="table"), "report.parts[0].blocks[1].table", "bị thiếu"),
    (lambda r: r["parts"][2]["blocks"][0]["runs"][0].update(footnote="x"),
     "report.parts[2].blocks[0].runs[0].footnote", "danh sách"),
    (lambda r: r["appendices"][0]["table"]["rows"][2].update(kind="nhóm"),
     "report.appendices[0].table.rows[2].kind", "data, group, caption"),
    (lambda r: r["elements"].update(recipients="không"), "report.elements.recipients", "true hoặc false"),
    (lambda r: r["signature"].update(captions="(Ký)"), "report.signature.captions", "danh sách"),
])
def test_schema_errors_name_the_field_in_vietnamese(change, path, message) -> None:
    document = _document()
    change(document["report"])
    with pytest.raises(FormatError) as caught:
        report_from_exchange(copy.deepcopy(document))
    assert caught.value.path == path
    assert message in caught.value.message


def test_import_of_a_file_the_schema_refuses_is_one_line(tmp_path, capsys) -> None:
    document = _document()
    document["report"]["parts"][1]["blocks"][0]["role"] = "tiêu đề"
    path = tmp_path / "sai.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code = cli.main(["--db", str(tmp_path / "a.sqlite"), "import", str(path)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_USER
    assert err.strip().splitlines() == [
        "Lỗi: Trường 'report.parts[1].blocks[0].role': phải là một trong: part, heading1, heading2, heading3, "
        "paragraph, bullet, table, picture"]


def test_the_documented_example_reads() -> None:
    import re

    text = (REPO / "docs" / "exchange-format.md").read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", text, re.S).group(1))
    report = report_from_exchange(example)
    assert report.period.month == 9 and not report.elements.recipients
    assert report.parts[0].blocks[1].runs[0].footnote[0].text == "Trong đó 98 hồ sơ trực tuyến."
