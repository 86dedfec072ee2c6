"""Export → import → export: the document read back both times (text, bold/italic, roles,
tables, footnotes) must be the same."""

from __future__ import annotations

import tempfile
from pathlib import Path

from cchc_desktop.document.export import docx_bytes
from cchc_desktop.importing import import_docx
from cchc_desktop.importing.docx_reader import RTable, read_docx


def document_view(path: Path) -> list:
    content = read_docx(path)
    out: list = []

    def walk(items, depth=0):
        for item in items:
            if isinstance(item, RTable):
                # cell text compared without edge spaces: the layout strips a header label
                # before it turns control characters into spaces, so " x" prints "x" next time
                # and turns a recipient's edge control character into a second space
                out.append(("table", depth, [[(c.span, c.vmerge, _squeeze(c.text).removeprefix(", "))
                                               for c in row.cells]
                                             for row in item.rows]))
            elif item.text.strip() or any(r.footnote for r in item.runs):
                # (a paragraph left empty or blank by the writer, from text of control characters
                # or characters XML cannot hold, shows nothing and is not printed the next time)
                runs = [(r.text, r.bold, r.italic) if r.footnote is None
                        else ("note", [(n.style, n.text) for n in content.footnotes.get(r.footnote, [])])
                        for r in item.runs]
                if item.style in _STRIPPED:  # stripped before cleaning, like table cells
                    runs = [_squeeze("".join(r[0] for r in runs if r[0] != "note"))]
                out.append((item.style, item.align, runs))

    walk(content.body)
    return out


_STRIPPED = {"CCHCAddressee", "CCHCAddresseeItem"}


def _squeeze(text: str) -> str:  # (a place of such characters prints ", ngày …" once, "ngày …" next)
    """A table cell's lines with spaces squeezed, without the lines left empty: the layout
    strips a line before it turns its control characters into spaces, and the writer drops
    characters XML cannot hold, so a line of such characters prints empty (or as a bare
    "- " recipient) once and not at all the next time."""
    # (a blank number printed from a control character is a space, not the NBSP placeholder)
    text = text.replace("\u00a0", " ")
    lines = (" ".join(part for part in line.split(" ") if part) for line in text.split("\n"))
    return "\n".join(line for line in lines if line not in ("", "-"))


def round_trip(report, folder: Path | None = None) -> tuple[list, list]:
    folder = Path(folder or tempfile.mkdtemp())
    first = folder / "first.docx"
    first.write_bytes(docx_bytes(report))  # ValueError: the exporter itself refuses this report
    again = import_docx(first).report
    second = folder / "second.docx"
    second.write_bytes(docx_bytes(again))
    return document_view(first), document_view(second)
