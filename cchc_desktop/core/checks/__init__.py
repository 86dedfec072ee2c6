"""Checks before printing: find what the superior office would send back.

Stable API (the GUI's "Kiểm tra" panel and ``cchc-desktop check`` use exactly these):

- ``run_checks(report, *, finalizing=False) -> list[Finding]`` — every enabled rule, errors
  first, then in document order; rules listed in ``report.disabled_checks`` are skipped.
  ``finalizing=True`` (or a report already final) adds the "number and date required" rule.
- ``Finding(rule_id, severity, message, location)``; ``message`` is Vietnamese: what is wrong
  and what to do.
- ``Severity.ERROR`` / ``Severity.WARNING`` (``.label``: "Lỗi" / "Cảnh báo").
- ``Location(field, start, end, row, column)``: ``field`` is a path such as "subject",
  "opening", "closing", "number", "date", "sections[0].blocks[2]", "recipients[3]",
  "signature.name", "appendix.title", "appendix.rows[5].value"; ``start``/``end`` a
  character range in ``field_text(report, field)`` (None = the whole field); ``row`` and
  ``column`` (column key) for indicator cells; for a block also ``section`` (its section
  key: "results", "difficulties", "directions") and ``block`` (index inside that section).
- ``field_text(report, field) -> str``: the text a location points at (a block's joined runs).
- ``RULES: dict[str, Rule]`` — ``Rule(id, severity, title, check)``; ``title`` is the short
  Vietnamese name for the "switch this rule off for this report" list.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Report
from . import (citations, dates, figures_rules, indicators, numbering, periods_rules, placeholders, recipients,  # noqa: F401
               signature, spelling, typography)
from . import arithmetic  # noqa: F401
from . import realwords  # noqa: F401
from . import number_format  # noqa: F401
from . import dates_text  # noqa: F401
from . import doc_numbers  # noqa: F401
from . import tables_rules  # noqa: F401
from . import fit  # noqa: F401
from .base import RULES, Context, cached_fields, Finding, Location, Rule, Severity, field_text, text_fields
from .places import where

__all__ = ["RULES", "Finding", "Location", "Rule", "Severity", "field_text", "run_checks", "text_fields", "where"]


def _order(report: Report) -> dict[str, int]:
    fields = ["number", "date"] + [field for field, _text in text_fields(report)]
    return {field: n for n, field in enumerate(fields)}


_BLOCK = re.compile(r"sections\[(\d+)\]\.blocks\[(\d+)\](?:\..*)?")


def _with_section(report: Report, finding: Finding) -> Finding:
    """Fill Location.section/block so an editor per section can find the paragraph."""
    match = _BLOCK.fullmatch(finding.location.field)
    if match is None:
        return finding
    key = report.sections[int(match.group(1))].key.value
    location = dataclasses.replace(finding.location, section=key, block=int(match.group(2)))
    return dataclasses.replace(finding, location=location)


def run_checks(report: Report, *, finalizing: bool = False) -> list[Finding]:
    """All findings of the enabled rules on ``report``."""
    context = Context(finalizing=finalizing)
    disabled = set(report.disabled_checks)
    with cached_fields(report):
        findings = [finding for rule in RULES.values() if rule.id not in disabled
                    for finding in rule.check(report, context)]
    findings = [_with_section(report, f) for f in findings]
    order = _order(report)

    def key(f: Finding) -> tuple:
        field = f.location.field
        base = field.rsplit(".value", 1)[0] + ".indicator" if field.endswith(".value") else field
        return (f.severity != Severity.ERROR, order.get(base, len(order)), f.location.start or 0, f.rule_id)

    return sorted(findings, key=key)
