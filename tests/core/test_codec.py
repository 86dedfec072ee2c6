"""model → dict/JSON → model keeps every report exactly (any NFC text, any table shape)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given

from cchc_desktop.core.codec import FormatError, report_from_dict, report_to_dict
from cchc_desktop.core.templates import load_sample
from tests.strategies import reports


@given(reports())
def test_json_round_trip(report) -> None:
    text = json.dumps(report_to_dict(report), ensure_ascii=False)
    assert report_from_dict(json.loads(text)) == report


def test_round_trip_compares_figures() -> None:
    """The property above would be worthless if equality ignored the table."""
    report = load_sample()
    changed = report_from_dict(report_to_dict(report))
    changed.appendix.rows[0].value = Decimal("4")
    assert changed != report


def test_letters_in_a_figure_name_the_field() -> None:
    data = report_to_dict(load_sample())
    data["appendix"]["rows"][3]["value"] = "ba"
    with pytest.raises(FormatError) as caught:
        report_from_dict(data)
    assert caught.value.path == "appendix.rows[3].value"
