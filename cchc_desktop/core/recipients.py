"""The Nơi nhận list in Decree-30 order: "Như trên;" first when there is a Kính gửi, "Lưu: VT, …." last."""

from __future__ import annotations

import re

AS_ABOVE = "Như trên"
_ARCHIVE = re.compile(r"^lưu\b", re.IGNORECASE)
_AS_ABOVE = re.compile(r"^như\s+trên\b", re.IGNORECASE)
_END = ";.,: "


def arrange_recipients(recipients: list[str], has_addressees: bool, unit: str = "") -> list[str]:
    """Return the list put in order, with ';' after each line and '.' after the last.

    Adds "Như trên" when there are addressees and it is missing, and an archive line
    "Lưu: VT, <unit>." when there is none.  Existing wording is otherwise kept.
    """
    lines = [line.strip().removeprefix("- ").strip() for line in recipients if line.strip()]
    as_above = [line for line in lines if _AS_ABOVE.match(line)]
    archive = [line for line in lines if _ARCHIVE.match(line)]
    others = [line for line in lines if line not in as_above and line not in archive]
    if has_addressees and not as_above:
        as_above = [AS_ABOVE]
    archive = [line for line in archive if re.search(r"\bVT\b", line)] or archive  # prefer the one with VT
    if not archive:
        archive = [f"Lưu: VT, {unit}".rstrip(", ") if unit else "Lưu: VT"]
    ordered = as_above[:1] + others + archive[:1]
    bodies = [line.rstrip(_END) for line in ordered]
    return [body + ";" for body in bodies[:-1]] + [bodies[-1] + "."]
