"""Another office's report as a starting point: what belongs to the organisation becomes ours.

When the clerk says an imported report is not their own organisation's, ``adopt`` puts in,
from the organisation's settings: the issuing and governing body, name and abbreviation ("Số:
…/BC-UBND"), the place of the date line, the signer and Nơi nhận (when set up), and our name
where the opening and the closing name the other office.  Every other place that still names
the other office (its name, its locality) is returned, named as the checks name places, so
the clerk can look at each one: a report's text about another commune is not ours to rewrite.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from .model import Organization, Report, Signature

# words a running-text name may be written with instead of the header's (ỦY BAN NHÂN DÂN ↔ UBND)
_SHORT = (("ủy ban nhân dân", "ubnd"), ("hội đồng nhân dân", "hđnd"), ("mặt trận tổ quốc", "mttq"),
          ("văn phòng", "vp"))
_LEVELS = "xã|phường|thị trấn|thị xã|huyện|quận|thành phố|tỉnh|đặc khu"


@dataclass
class Mention:
    """A place in the report that still names the other office."""

    field: str  # the checks' field path ("sections[1].blocks[3]", "recipients[2]")
    where: str  # its Vietnamese name ("Phần II, mục 1, đoạn 3")
    text: str  # what is named there ("Ủy ban nhân dân xã Cương Gián")
    target: str  # the import report's target ("part:1:3", "closing", "header")


def _name_pattern(name: str) -> str | None:
    """A pattern matching ``name`` in running text: any case, any spacing, ỦY/UỶ, UBND for ỦY BAN NHÂN DÂN."""
    words = name.replace("uỷ", "ủy").replace("Uỷ", "Ủy").replace("UỶ", "ỦY").split()
    if not words:
        return None
    text = " ".join(words).lower()
    pattern = re.escape(text).replace(r"\ ", " ")
    for long, short in _SHORT:
        pattern = pattern.replace(re.escape(long).replace(r"\ ", " "), f"(?:{long}|{short})")
    pattern = pattern.replace("ủy", "(?:ủy|uỷ)").replace(" ", r"\s+")
    return rf"(?<!\w){pattern}(?!\w)"


def _their_names(theirs: Organization) -> list[str]:
    names = [theirs.name, " ".join(theirs.issuing_body)]
    return sorted({n.strip() for n in names if len(n.strip()) >= 4}, key=len, reverse=True)


def _pattern(theirs: Organization) -> re.Pattern[str] | None:
    """Their name (any of its forms), with their locality right after it ("… Đề án 06 tỉnh Lâm Đồng")."""
    names = [p for p in (_name_pattern(n) for n in _their_names(theirs)) if p]
    if not names:
        return None
    tail = ""
    if theirs.place.strip():
        tail = rf"(?:\s+(?:{_LEVELS})\s+{re.escape(theirs.place.strip())}(?!\w))?"
    return re.compile(f"(?:{'|'.join(names)}){tail}", re.IGNORECASE)


def _place_pattern(theirs: Organization, ours: Organization) -> re.Pattern[str] | None:
    place = theirs.place.strip()
    if len(place) < 2 or place.lower() == ours.place.strip().lower():
        return None
    return re.compile(rf"(?<!\w){re.escape(place)}(?!\w)", re.IGNORECASE)


def our_name(ours: Organization) -> str:
    """The name our organisation goes by in running text."""
    if ours.name.strip():
        return ours.name.strip()
    from ..importing.to_model import organization_name  # the header lines as running text

    return organization_name(ours.issuing_body)


def _signature_set(signature: Signature) -> bool:
    return bool(signature.name.strip() or signature.title.strip() or any(a.strip() for a in signature.authority))


def adopt(report: Report, ours: Organization) -> list[Mention]:
    """Make ``report`` (another office's) ours in place; the places still naming the other office."""
    theirs = report.organization
    pattern, place = _pattern(theirs), _place_pattern(theirs, ours)
    name = our_name(ours)
    if pattern is not None and name:
        report.opening = pattern.sub(name, report.opening)
        report.closing = pattern.sub(name, report.closing)
    report.organization = copy.deepcopy(ours)
    report.place = ours.place
    if _signature_set(ours.default_signature):
        report.signature = copy.deepcopy(ours.default_signature)
    if any(r.strip() for r in ours.default_recipients):
        report.recipients = list(ours.default_recipients)
    return mentions(report, pattern, place)


def mentions(report: Report, pattern: re.Pattern[str] | None, place: re.Pattern[str] | None) -> list[Mention]:
    """Every text field (as the checks walk them) where ``pattern`` or ``place`` is found."""
    from .checks.base import text_fields
    from .checks.places import where

    found: list[Mention] = []
    for field, text in text_fields(report):
        hits = [m.group(0) for p in (pattern, place) if p is not None for m in p.finditer(text)]
        if hits:
            found.append(Mention(field, where(report, field), hits[0], _target(field)))
    return found


def _target(field: str) -> str:
    """The import report's target for a field ("part:1:3", "appendix:0", "closing", "header")."""
    match = re.match(r"sections\[(\d+)\]\.blocks\[(\d+)\]", field)
    if match:
        return f"part:{match.group(1)}:{match.group(2)}"
    match = re.match(r"appendices\[(\d+)\]", field)
    if match:
        return f"appendix:{match.group(1)}"
    if field.startswith("appendix."):
        return "appendix:0"
    head = re.match(r"\w+", field)
    word = head.group(0) if head else ""
    if word in ("opening", "closing", "subject", "addressees"):
        return word
    return "header" if word in ("organization", "place") else ""


def adopt_import(result, ours: Organization) -> None:
    """The clerk's "not our organisation" answer applied to an import (window and CLI alike):
    the report made ours, a line in the import report for each place still naming the other."""
    from ..importing.structure import Entry

    if _lines(result.report.organization.issuing_body) == _lines(ours.issuing_body):
        return  # the file is ours after all: nothing to replace, nothing to list
    theirs = " ".join(result.report.organization.issuing_body) or result.report.organization.name
    for mention in adopt(result.report, ours):
        result.entries.append(Entry(mention.where, f"còn nêu cơ quan của tệp ({theirs}): hãy xem lại.",
                                    mention.text, kind="organization", target=mention.target))


def _lines(lines: list[str]) -> str:
    return " ".join(" ".join(lines).upper().split())
