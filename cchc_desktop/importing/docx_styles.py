"""Word styles as the reader resolves them: a paragraph or character property looked up
along the style's ``basedOn`` chain, then in the document defaults."""

from __future__ import annotations

from dataclasses import dataclass

from .docx_xml import W, _attr


@dataclass
class _Style:
    sid: str
    name: str
    kind: str
    based_on: str | None
    ppr: object | None
    rpr: object | None


class Styles:
    def __init__(self, root) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self.doc_rpr = None
        self.doc_ppr = None
        self._cache: dict[tuple, object] = {}
        if root is None:  # a package without word/styles.xml: Word's built-in defaults
            return
        defaults = root.find(W + "docDefaults")
        if defaults is not None:
            rpr_default = defaults.find(W + "rPrDefault")
            self.doc_rpr = rpr_default.find(W + "rPr") if rpr_default is not None else None
            ppr_default = defaults.find(W + "pPrDefault")
            self.doc_ppr = ppr_default.find(W + "pPr") if ppr_default is not None else None
        for element in root.iter(W + "style"):
            sid = _attr(element, "styleId") or ""
            name_el = element.find(W + "name")
            based = element.find(W + "basedOn")
            kind = _attr(element, "type") or "paragraph"
            style = _Style(sid, (_attr(name_el, "val") or sid).lower(), kind,
                           _attr(based, "val"), element.find(W + "pPr"), element.find(W + "rPr"))
            self.styles[sid] = style
            if _attr(element, "default") in ("1", "true", "on"):
                if kind == "paragraph":
                    self.default_para = sid
                elif kind == "character":
                    self.default_char = sid

    def chain(self, sid: str | None) -> list[_Style]:
        """The style and everything it is based on, nearest first."""
        out: list[_Style] = []
        seen = set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            style = self.styles[sid]
            out.append(style)
            sid = style.based_on
        return out

    def lookup_ppr(self, sid: str | None, child: str):
        """The first w:pPr child named ``child`` along the paragraph style chain."""
        key = ("p", sid, child)
        if key in self._cache:
            return self._cache[key]
        found = None
        for style in self.chain(sid or self.default_para):
            if style.ppr is not None:
                element = style.ppr.find(W + child)
                if element is not None:
                    found = element
                    break
        if found is None and self.doc_ppr is not None:
            found = self.doc_ppr.find(W + child)
        self._cache[key] = found
        return found

    def lookup_rpr(self, sid: str | None, child: str, character: bool = False):
        key = ("r", sid, child, character)
        if key in self._cache:
            return self._cache[key]
        found = None
        for style in self.chain(sid):
            if style.rpr is not None:
                element = style.rpr.find(W + child)
                if element is not None:
                    found = element
                    break
        self._cache[key] = found
        return found
