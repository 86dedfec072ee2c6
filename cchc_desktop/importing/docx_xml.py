"""The WordprocessingML namespaces and the small element helpers every docx_* reader uses:
a tag without its namespace, an attribute, a toggle property, a number, children through
content-control wrappers.  Kept apart so the readers share one spelling of them."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "{%s}" % W_NS


def _tag(element) -> str:
    tag = element.tag
    return tag[len(W):] if isinstance(tag, str) and tag.startswith(W) else (tag if isinstance(tag, str) else "")


def _attr(element, name: str) -> str | None:
    if element is None:
        return None
    return element.get(W + name)


def _on(element) -> bool | None:
    """A toggle property (w:b, w:i): None when absent."""
    if element is None:
        return None
    value = _attr(element, "val")
    return value is None or value.lower() not in ("0", "false", "off", "none")


def _children(element, name: str):
    """Direct children named ``name``, looking through w:sdt / w:customXml wrappers."""
    for child in element:
        tag = _tag(child)
        if tag == name:
            yield child
        elif tag in ("sdt", "customXml"):
            inner = child.find(W + "sdtContent") if tag == "sdt" else child
            if inner is not None:
                yield from _children(inner, name)


MAX_NUMBER_CHARS = 32  # "1440", "-720", "1.5e3": nothing Word writes is longer
MAX_TWIPS = 1_000_000  # 700 inches: far above any page measure, far below trouble


def number(value: str | None, *, low: int, high: int, default: int) -> int:
    """An integer attribute of untrusted XML, never an exception: ``default`` when absent or
    unreadable ("abc", "nan", "inf"), clamped to ``low``…``high`` otherwise.  A run of
    thousands of digits is not parsed at all (Python refuses past 4,300 digits, and costs
    quadratic time before that): it only tells its sign."""
    if value is None:
        return default
    text = value.strip()
    if not text:
        return default
    if len(text) > MAX_NUMBER_CHARS:
        body = text.lstrip("+-")
        if body.isdigit():
            return low if text.startswith("-") else high
        return default
    try:
        result = int(text)
    except ValueError:
        try:
            real = float(text)
        except ValueError:
            return default
        if real != real or real in (float("inf"), float("-inf")):
            return low if real == float("-inf") else (high if real == float("inf") else default)
        result = int(real)
    return min(max(result, low), high)


def _int(value: str | None) -> int:
    """A measure in twips (indents, widths): 0 when absent or unreadable."""
    return number(value, low=-MAX_TWIPS, high=MAX_TWIPS, default=0)
