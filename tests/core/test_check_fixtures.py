"""Every rule over every fixture report: no unexpected finding, no missed one.

The fixtures (tests/core/check_fixtures/NAME.json, built by build.py there) are reports in
the shapes real offices send, each carrying one trap (a thing that must NOT be flagged) or
one slip (a thing that must be); NAME.expected.json lists the findings by rule, place as the
document numbers it, and the text they point at.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from cchc_desktop.core.checks import field_text, run_checks, where
from cchc_desktop.core.checks.fixes import apply_fix
from cchc_desktop.store.exchange import read_exchange

HERE = Path(__file__).resolve().parent / "check_fixtures"
NAMES = sorted(p.name.removesuffix(".json") for p in HERE.glob("*.json") if not p.name.endswith(".expected.json"))


def entries(report) -> list[dict]:
    out = []
    for finding in run_checks(report):
        loc = finding.location
        text = field_text(report, loc.field)
        out.append({"rule": finding.rule_id, "severity": finding.severity.value, "where": where(report, loc.field),
                    "text": text[loc.start:loc.end] if loc.start is not None else ""})
    return out


def _key(entry: dict) -> tuple:
    return entry["rule"], entry["severity"], entry["where"], entry["text"]


def test_there_is_a_fixture_per_trap_and_slip() -> None:
    assert len(NAMES) >= 19
    for name in NAMES:
        assert (HERE / f"{name}.expected.json").exists(), name


@pytest.mark.parametrize("name", NAMES)
def test_fixture_findings_are_exactly_the_expected_ones(name: str) -> None:
    report = read_exchange(HERE / f"{name}.json")
    expected = json.loads((HERE / f"{name}.expected.json").read_text(encoding="utf-8"))["findings"]
    got = Counter(_key(e) for e in entries(report))
    want = Counter(_key(e) for e in expected)
    unexpected, missed = got - want, want - got
    assert not unexpected and not missed, f"unexpected: {sorted(unexpected)}\nmissed: {sorted(missed)}"


@pytest.mark.parametrize("name", NAMES)
def test_every_offered_fix_applies_and_removes_its_finding(name: str) -> None:
    report = read_exchange(HERE / f"{name}.json")
    for finding in run_checks(report):
        if not finding.fixes:
            continue
        fixed = apply_fix(report, finding)
        fix = finding.fixes[0]
        before = field_text(report, fix.field)
        assert field_text(fixed, fix.field) == before[:fix.start] + fix.replacement + before[fix.end:]
        assert field_text(report, fix.field) == before  # the original is untouched (undo keeps it)
        same = [f for f in run_checks(fixed) if f.rule_id == finding.rule_id
                and f.location.field == finding.location.field and f.location.start == finding.location.start]
        assert same == [], f"{finding.rule_id} still found after its fix in {name}"
