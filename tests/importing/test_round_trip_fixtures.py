"""Every fixture and every corpus report round trips field by field: imported (or read from its
exchange file), exported to DOCX, imported again, it is the same report, and a second export
gives the same DOCX text.  04 (a .doc) only where LibreOffice converts it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.importing import import_docx, import_file, soffice_path
from cchc_desktop.store.exchange import read_exchange
from tests.importing import make_fixtures
from tests.importing.roundtrip import assert_round_trip

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "reports"
JSON_FIXTURES = sorted((ROOT / "tests" / "fixtures" / "reports").glob("*.json"))


@pytest.mark.parametrize("path", JSON_FIXTURES, ids=lambda p: p.stem)
def test_a_fixture_report_round_trips(tmp_path, path):
    assert_round_trip(read_exchange(path), tmp_path, name=path.name)


@pytest.mark.parametrize("function", make_fixtures.FIXTURES, ids=lambda f: f.__name__)
def test_an_imported_fixture_round_trips(tmp_path, function):
    source, _, _ = make_fixtures.build(function, tmp_path)
    assert_round_trip(import_docx(source).report, tmp_path, name=source.name)


@pytest.mark.parametrize("name", ["01-lamdong-bcd-bc-de-an-06-thang11-2025.docx",
                                  "02-lamdong-bcd-bc-de-an-06-thang8-2025.docx",
                                  "03-lamdong-ttpvhcc-bc-danh-gia-766-thang11-2025.docx",
                                  "04-haugiang-stc-bc-gia-thang1-truoc-tet-2024.doc"])
def test_a_corpus_report_round_trips(tmp_path, name):
    path = CORPUS / name
    if not path.exists():
        pytest.skip("the corpus is not beside this checkout")
    if path.suffix == ".doc" and soffice_path() is None:
        pytest.skip("LibreOffice converts the .doc")
    assert_round_trip(import_file(path, convert=path.suffix == ".doc").report, tmp_path, name=name)
