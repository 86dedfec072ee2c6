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


def _int(value: str | None) -> int:
    try:
        return int(float(value)) if value else 0
    except ValueError:
        return 0
