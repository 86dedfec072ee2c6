"""The report itself, carried inside its exported .docx for an exact import.

The printed page cannot tell apart everything the model holds: a column's width as typed, a
group row from a bold data row, a week's dates, the organisation's name, a run made bold by its
heading style or by the clerk.  So the writer stores the report's exchange JSON
(docs/exchange-format.md) in a custom XML part (``customXml/itemN.xml`` with its
``itemProps``), the data store Word and LibreOffice keep on save and never show.

The importer trusts it only where the visible text it describes is unchanged
(importing/own_meta.py; docs/import.md, "Round trip"): a clerk's edit in Word always wins.
Pictures are not stored twice: one already in the package is named by its SHA-256.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from pathlib import Path
from typing import Any

from lxml import etree

from ..core.codec import report_to_dict
from ..core.model import Report

NAMESPACE = "urn:cchc-desktop:report"
_ROOT = f"{{{NAMESPACE}}}report"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_ITEM_CT = "application/xml"
_PROPS_CT = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_HASH = "sha256:"


def report_meta(report: Report, heading1_capitals: bool) -> dict[str, Any]:
    """What the writer embeds: the report's exchange data and the options it was printed with."""
    from ..store.exchange import FORMAT, VERSION

    return {"format": FORMAT, "version": VERSION, "report": report_to_dict(report),
            "heading1_capitals": heading1_capitals}


# ---------------------------------------------------------------- writing


def _image_hashes(document) -> set[str]:
    return {hashlib.sha256(part.blob).hexdigest() for part in document.part.package.iter_parts()
            if part.partname.startswith("/word/media/")}


def _refer_to_images(data: Any, present: set[str]) -> Any:
    """A picture whose file is already in the package is named by its hash instead of repeated."""
    if isinstance(data, list):
        return [_refer_to_images(item, present) for item in data]
    if not isinstance(data, dict):
        return data
    out = {key: _refer_to_images(value, present) for key, value in data.items()}
    picture = out.get("picture")
    if isinstance(picture, dict) and isinstance(picture.get("data"), str):
        digest = hashlib.sha256(base64.b64decode(picture["data"])).hexdigest()
        if digest in present:
            out["picture"] = {**picture, "data": _HASH + digest}
    return out


def _digest(parts: dict[str, bytes]) -> str:
    """One hash of the document's own parts (text, notes, styles, pictures): an import of a file
    no one saved since takes the embedded report as it is, without reading the page again."""
    digest = hashlib.sha256()
    for name in sorted(parts):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(parts[name]).digest())
    return digest.hexdigest()


def _own_parts(document) -> dict[str, bytes]:
    return {str(part.partname).lstrip("/"): part.blob for part in document.part.package.iter_parts()
            if str(part.partname).startswith("/word/")}


def embed(document, meta: dict[str, Any]) -> None:
    """Add the custom XML part holding ``meta`` to a python-docx document before it is saved."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    options = {key: value for key, value in meta.items() if key not in ("format", "version", "report")}
    exchange = {"format": meta["format"], "version": meta["version"],
                "report": _refer_to_images(meta["report"], _image_hashes(document))}
    root = etree.Element(_ROOT, nsmap={"cchc": NAMESPACE})
    root.set("options", json.dumps(options, sort_keys=True))
    root.set("parts", _digest(_own_parts(document)))
    # ASCII JSON: every character XML cannot hold (controls, U+FFFE) travels as a \u escape
    root.text = json.dumps(exchange, ensure_ascii=True, separators=(",", ":"))
    item_xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    props_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
                 f'<ds:datastoreItem ds:itemID="{{{str(uuid.uuid4()).upper()}}}" xmlns:ds="{_DS}">'
                 f'<ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>'
                 ).encode("utf-8")
    package = document.part.package
    taken = {str(part.partname) for part in package.iter_parts()}
    number = next(n for n in range(1, 10_000) if f"/customXml/item{n}.xml" not in taken)
    item = Part(PackURI(f"/customXml/item{number}.xml"), _ITEM_CT, item_xml, package)
    props = Part(PackURI(f"/customXml/itemProps{number}.xml"), _PROPS_CT, props_xml, package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


# ---------------------------------------------------------------- reading


def _resolve_images(data: Any, images: dict[str, bytes]) -> Any:
    """Put the pictures named by hash back; a block whose picture left the file is dropped."""
    if isinstance(data, list):
        out = [_resolve_images(item, images) for item in data]
        return [item for item in out if item is not _GONE]
    if not isinstance(data, dict):
        return data
    picture = data.get("picture")
    if isinstance(picture, dict) and str(picture.get("data", "")).startswith(_HASH):
        found = images.get(picture["data"][len(_HASH):])
        if found is None:
            return _GONE
        data = {**data, "picture": {**picture, "data": base64.b64encode(found).decode("ascii")}}
    return {key: _resolve_images(value, images) for key, value in data.items()}


_GONE = object()


def read_meta(path: Path) -> tuple[Report, dict[str, Any]] | None:
    """(the report embedded by our writer, its printing options), or None when the file holds
    none or one this version cannot read (then the visible text alone is read).  The options
    say ``unchanged`` when the document's own parts are byte for byte those written with it."""
    from ..importing.safety import ImportRefused, SafeDocx
    from ..core.codec import report_from_dict
    from ..store import limits
    from ..store.exchange import FORMAT, VERSION

    try:
        with SafeDocx(path) as docx:
            root = None
            for name in sorted(n for n in docx.names if n.startswith("customXml/item") and "Props" not in n):
                candidate = docx.xml(name)
                if candidate is not None and candidate.tag == _ROOT:
                    root = candidate
                    break
            if root is None or not root.text:
                return None
            own = {name: docx.read(name) or b"" for name in docx.names
                   if name.startswith("word/") and not name.endswith(".rels") and not name.endswith("/")}
        images = {hashlib.sha256(blob).hexdigest(): blob for name, blob in own.items()
                  if name.startswith("word/media/")}
        data = _resolve_images(limits.loads(root.text, Path(path).name), images)
        options = json.loads(root.get("options") or "{}")
        options = options if isinstance(options, dict) else {}
        options["unchanged"] = root.get("parts") == _digest(own)
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
            return None
        # the whole import gate (JSON Schema included) runs on the report imported (validate.py)
        limits.check_document(data, Path(path).name)
        return report_from_dict(data["report"]), options
    except (ImportRefused, ValueError, RecursionError, limits.LimitError, OSError):
        return None
    except Exception:  # stale or damaged metadata must never stop an import  # noqa: BLE001
        return None
