from __future__ import annotations

import pytest

from cchc_desktop.core.model import PeriodKind
from cchc_desktop.core.templates import TemplateError, list_templates, load_sample, load_template


def test_bundled_template_is_listed_and_has_empty_figures() -> None:
    assert "cchc-propaganda" in list_templates()
    template = load_template("cchc-propaganda")
    assert template.appendix is not None and len(template.appendix.rows) >= 9
    assert all(row.value is None for row in template.appendix.rows)


def test_sample_is_the_reference_report() -> None:
    sample = load_sample()
    assert sample.organization.issuing_body == ["ỦY BAN NHÂN DÂN", "XÃ CƯƠNG GIÁN"]
    assert (sample.period.kind, sample.period.year) == (PeriodKind.HALF1, 2024)
    assert (sample.date.day, sample.date.month, sample.date.year) == (None, 5, 2024)
    assert sample.number == ""


def test_unknown_template_names_the_choices() -> None:
    with pytest.raises(TemplateError, match="cchc-propaganda"):
        load_template("khong-co")
