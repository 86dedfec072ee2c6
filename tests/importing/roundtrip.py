"""Export → import → export: the document read back both times (text, bold/italic, roles,
tables, footnotes) must be the same."""

from __future__ import annotations

import tempfile
import zipfile
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


# ---------------------------------------------------------------- the report, field by field

# What an import is not meant to carry over: the database's own id.
_NOT_CARRIED = {"id"}


def report_differences(expected, got, limit: int = 12) -> list[str]:
    """Every field where ``got`` differs from ``expected``, named by its path in the exchange
    format ("parts[1].blocks[0].runs[2].bold: True != False"); empty when they are equal."""
    from cchc_desktop.core.codec import report_to_dict

    out: list[str] = []

    def walk(a, b, path: str) -> None:
        if len(out) >= limit:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            for key in list(a) + [k for k in b if k not in a]:
                if key not in _NOT_CARRIED:
                    walk(a.get(key), b.get(key), f"{path}.{key}" if path else key)
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for index, (x, y) in enumerate(zip(a, b)):
                walk(x, y, f"{path}[{index}]")
        elif a != b:
            if isinstance(a, list) and isinstance(b, list):
                out.append(f"{path}: {len(a)} items != {len(b)}: {_short(a)} != {_short(b)}")
            else:
                out.append(f"{path}: {_short(a)} != {_short(b)}")

    walk(report_to_dict(expected), report_to_dict(got), "")
    return out


def _short(value, size: int = 160) -> str:
    text = repr(value)
    return text if len(text) <= size else text[:size] + "…"


def text_parts(path: Path) -> dict[str, bytes]:
    """The parts holding the document's text (body, notes, header) as stored."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()
                if name.startswith("word/") and name.endswith(".xml") and "/_rels/" not in name}


def resave(path: Path, edit=None) -> None:
    """``path`` as if saved again in Word: the document part rewritten (a comment added, which
    every reader drops), and ``edit(xml_text) -> xml_text`` applied to it when given."""
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = edit(text) if edit else text
                data = text.replace("<w:body>", "<w:body><!-- saved again -->", 1).encode("utf-8")
            archive.writestr(info, data)


def drop_metadata(path: Path) -> None:
    """``path`` without the embedded report (an export of an older version)."""
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info)) for info in archive.infolist()
                 if not info.filename.startswith("customXml/")]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            archive.writestr(info, data)


def report_round_trip(report, folder: Path | None = None, *, how=None):
    """(the report as an import stores it, the report imported from its DOCX export, whether a
    second export gives the same DOCX text): import(export(r)) must equal r.  ``how(path)``
    changes the first export before it is imported (``resave``, ``drop_metadata``)."""
    from cchc_desktop.importing.validate import admitted

    folder = Path(folder or tempfile.mkdtemp())
    expected, _ = admitted(report, "report")
    first = folder / "first.docx"
    first.write_bytes(docx_bytes(report))
    if how is not None:
        how(first)
    again = import_docx(first).report
    second = folder / "second.docx"
    second.write_bytes(docx_bytes(again))
    same = _same_text(first, second, resaved=how is not None)
    return expected, again, same


def _same_text(first: Path, second: Path, resaved: bool) -> bool:
    """Byte for byte the same text parts; a file changed before its import is compared as read."""
    if not resaved and text_parts(first) == text_parts(second):
        return True
    return document_view(first) == document_view(second)


def assert_round_trip(report, folder: Path | None = None, *, name: str = "report", how=None) -> None:
    """Fails naming every field that did not come back (and the DOCX text when it differs)."""
    expected, again, same = report_round_trip(report, folder, how=how)
    differences = report_differences(expected, again)
    assert not differences, f"{name}: import(export(r)) != r in " + "; ".join(differences)
    assert same, f"{name}: a second export gives another DOCX text"


# ---------------------------------------------------------------- measured (python -m tests.importing.roundtrip)


def _corpus_reports() -> list[tuple[str, object]]:
    from cchc_desktop.importing import import_file, soffice_path

    folder = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "reports"
    out = []
    for path in sorted(folder.glob("*.doc*")):
        if path.suffix == ".doc" and soffice_path() is None:
            continue
        out.append((path.name, import_file(path, convert=path.suffix == ".doc").report))
    return out


def fixture_reports() -> list[tuple[str, object]]:
    """Every fixture: the exchange-file reports and each import fixture as imported."""
    from cchc_desktop.store.exchange import read_exchange
    from tests.importing import make_fixtures

    folder = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
    out = [(path.name, read_exchange(path)) for path in sorted(folder.glob("*.json"))]
    with tempfile.TemporaryDirectory() as tmp:
        for function in make_fixtures.FIXTURES:
            path, _, _ = make_fixtures.build(function, Path(tmp))
            out.append((path.name, import_docx(path).report))
    return out


def _measure(named, how, label: str) -> None:
    import collections
    import re

    passed, same, fields = 0, 0, collections.Counter()
    examples: dict[str, str] = {}
    for name, report in named:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                expected, again, text = report_round_trip(report, Path(tmp), how=how)
            except ValueError as error:  # the exporter refuses the report itself
                print(f"  {name}: export refused ({error})")
                continue
        differences = report_differences(expected, again, limit=10_000)
        passed += not differences
        same += text
        for line in differences:
            key = re.sub(r"\[\d+\]", "[]", line.split(":")[0])
            fields[key] += 1
            examples.setdefault(key, f"{name}: {line}")
    print(f"{label}: {passed}/{len(named)} field by field, {same}/{len(named)} same DOCX text")
    for key, count in fields.most_common(25):
        print(f"    {count:5d}  {examples[key][:220]}")


def _generated(count: int) -> list[tuple[str, object]]:
    from hypothesis import HealthCheck, Phase, given, settings

    from tests.strategies import reports

    out: list = []

    @settings(max_examples=count, deadline=None, database=None, derandomize=True, phases=(Phase.generate,),
              suppress_health_check=list(HealthCheck))
    @given(reports())
    def collect(report):
        out.append((f"generated {len(out) + 1}", report))

    collect()
    return out


if __name__ == "__main__":
    import argparse
    import time

    parser = argparse.ArgumentParser(description="Round-trip figures: fixtures, corpus, generated reports")
    parser.add_argument("--generated", type=int, default=300)
    parser.add_argument("--ways", default="as-exported,resaved,no-metadata")
    arguments = parser.parse_args()
    ways = {"as-exported": None, "resaved": resave, "no-metadata": drop_metadata}
    groups = [("fixtures", fixture_reports()), ("corpus", _corpus_reports()),
              ("generated", _generated(arguments.generated))]
    for way in arguments.ways.split(","):
        for label, named in groups:
            start = time.perf_counter()
            _measure(named, ways[way], f"{way:12s} {label:9s}")
            print(f"    ({time.perf_counter() - start:.1f} s)")
