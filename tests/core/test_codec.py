"""Codec checks the round-trip property relies on (the property itself: tests/store/test_roundtrip.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_desktop.core.codec import FormatError, report_from_dict, report_to_dict
from cchc_desktop.core.templates import load_sample


def test_round_trip_compares_figures() -> None:
    """The property above would be worthless if equality ignored the table."""
    report = load_sample()
    changed = report_from_dict(report_to_dict(report))
    changed.appendix.rows[0].value = Decimal("4")
    assert changed != report


def test_letters_in_a_figure_name_the_field() -> None:
    data = report_to_dict(load_sample())
    data["appendices"][0]["table"]["rows"][4]["cells"][3]["runs"] = [{"text": "ba"}]
    with pytest.raises(FormatError) as caught:
        report_from_dict(data)
    assert caught.value.path == "appendices[0].table.rows[4].cells[3]"
    assert "“ba” không phải là số liệu" in caught.value.message
