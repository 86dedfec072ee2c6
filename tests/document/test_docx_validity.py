"""Every DOCX we write passes the OOXML validator with zero errors (issue 17).

The sample, every template, every fixture report (tables, footnotes, forms), the wide appendix, the 60-page benchmark report and
property-generated reports (any text, any table shape): what Word would open without a repair.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from cchc_desktop.core.templates import list_templates, load_template
from cchc_desktop.document.export import docx_bytes, export_docx
from tests.strategies import reports

from .helpers import FIXTURES, REPO_ROOT, fixture_report, sample_report, wide_report
from .ooxml import assert_valid_docx, docx_findings


def load_long_report():
    spec = importlib.util.spec_from_file_location("long_report", REPO_ROOT / "benchmarks" / "long_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_long_report()


def test_sample_export_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "Báo cáo mẫu.docx"
    export_docx(sample_report(), path)
    assert_valid_docx(path)


def test_no_stale_styles_with_effects_part() -> None:
    package = zipfile.ZipFile(io.BytesIO(docx_bytes(sample_report())))
    names = package.namelist()
    assert "word/stylesWithEffects.xml" not in names
    rels = package.read("word/_rels/document.xml.rels").decode()
    assert "stylesWithEffects" not in rels
    assert "word/styles.xml" in names  # the real styles are still there


@pytest.mark.parametrize("name", list_templates())
def test_every_template_is_valid(name: str) -> None:
    assert_valid_docx(docx_bytes(load_template(name)), name)


@pytest.mark.parametrize("name", FIXTURES)
def test_every_fixture_report_is_valid(name: str) -> None:
    """tests/fixtures/reports: tables in the text, merged cells, footnotes, appendix forms, ..."""
    assert_valid_docx(docx_bytes(fixture_report(name)), name)


def test_wide_appendix_fixture_is_valid() -> None:
    assert_valid_docx(docx_bytes(wide_report()), "wide report")


def test_long_report_is_valid() -> None:
    assert_valid_docx(docx_bytes(load_long_report()), "long report")


def test_without_capital_headings_is_valid() -> None:
    assert_valid_docx(docx_bytes(sample_report(), heading1_capitals=False))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_generated_reports_are_valid(report) -> None:
    # Also proves export never fails on control characters in the core properties (title, author).
    assert_valid_docx(docx_bytes(report), "generated report")


def test_validator_catches_what_word_repairs() -> None:
    """The helper is no rubber stamp: a dangling relationship id and an unknown element fail."""
    data = docx_bytes(sample_report())
    source = zipfile.ZipFile(io.BytesIO(data))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                text = content.decode()
                text = text.replace('r:id="rId', 'r:id="rIdMissing', 1)  # header reference → nowhere
                text = text.replace("<w:pPr>", "<w:pPr><w:unknownElement/>", 1)
                content = text.encode()
            target.writestr(item, content)
    findings = docx_findings(broken.getvalue())
    assert len(findings) >= 2, findings
    with pytest.raises(AssertionError, match="OOXML finding"):
        assert_valid_docx(broken.getvalue())
