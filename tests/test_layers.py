"""The layers, read from the source (ast, nothing imported): plain-Python core below the store,
the documents and the importers, Qt only in the window.

core      -> nothing of store/, document/, importing/, gui/, cli, commands (old crossings: LEFT)
store     -> nothing of document/, importing/, gui/, cli, commands
document  -> nothing of gui/, cli, commands (it still reads store/ and importing/)
importing -> nothing of gui/, cli, commands (it still reads store/ and document/)
gui       -> nothing of cli, commands
anything outside gui/ -> no PySide6, except the one lazy SVG renderer (cchc_desktop/svg_png.py)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cchc_desktop"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[tuple[str, int, bool]]:
    """(absolute module imported, line, inside a function) for every import of ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                found.extend((alias.name, child.lineno, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = package[: len(package) - child.level + 1] if child.level else []
                module = ".".join(base + ([child.module] if child.module else []))
                # "from . import limits" imports the sub-module: name it
                found.extend((f"{module}.{alias.name}" if not child.module else module, child.lineno, in_function)
                             for alias in child.names)
            visit(child, inner)

    visit(tree, False)
    return found


def _sources(sub: str = "") -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py") if sub else PACKAGE.rglob("*.py"))


def _reaching(layer: str, forbidden: tuple[str, ...]) -> dict[tuple[str, str], str]:
    """{(file, forbidden layer it reaches): "file:line imports module"} for the files of ``layer``."""
    bad: dict[tuple[str, str], str] = {}
    for path in _sources(layer):
        name = path.relative_to(PACKAGE).as_posix()
        for module, line, _ in imports_of(path):
            parts = module.split(".")
            if parts[0] == "cchc_desktop" and len(parts) > 1 and parts[1] in forbidden:
                bad.setdefault((name, parts[1]), f"{name}:{line} imports {module}")
    return bad


# Crossings that were there before issue 26 and belong to other parts of the code; listed so that
# no NEW one comes in unnoticed (delete an entry when its crossing is gone).
LEFT = {
    ("core/adopt.py", "importing"),  # adopting a file reads it through the importer
    ("core/checks/fit.py", "document"),  # the fit check measures with the layout's fonts
    ("core/xlsx_guard.py", "importing"),  # the zip bounds of importing.safety
    ("core/xlsx_guard.py", "store"),  # store.errors for the disk's error sentences
}


def _new_crossings(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(text for key, text in _reaching(layer, forbidden).items() if key not in LEFT)


def test_the_collector_resolves_relative_imports():
    found = {module for module, _, _ in imports_of(PACKAGE / "core" / "indicator_sets.py")}
    assert "cchc_desktop.core.limits" in found and "cchc_desktop.core.figures" in found
    found = {module for module, _, _ in imports_of(PACKAGE / "document" / "charts.py")}
    assert "cchc_desktop.core.model" in found and "cchc_desktop.svg_png" in found
    assert ("core/xlsx_guard.py", "store") in _reaching("core", ("store",))  # "from ..store import errors"


def test_core_is_the_bottom_layer():
    """core/indicator_sets read its bounds from store/limits; they are core.limits now."""
    assert _new_crossings("core", ("store", "document", "importing", "gui", "cli", "commands")) == []


def test_documents_do_not_reach_the_window_or_the_command_line():
    """document/charts took its SVG renderer from gui/svg_png; it is cchc_desktop.svg_png now."""
    assert _new_crossings("document", ("gui", "cli", "commands")) == []


def test_importers_do_not_reach_the_window_or_the_command_line():
    assert _new_crossings("importing", ("gui", "cli", "commands")) == []


def test_store_does_not_reach_up():
    assert _new_crossings("store", ("document", "importing", "gui", "cli", "commands")) == []


def test_the_window_takes_the_version_from_the_package_not_the_command_line():
    """gui/help imported cchc_desktop.cli (and with it every sub-command) for the version."""
    assert _new_crossings("gui", ("cli", "commands")) == []


def test_qt_only_in_the_window():
    lazy_renderer = PACKAGE / "svg_png.py"
    bad = []
    for path in _sources():
        if PACKAGE / "gui" in path.parents:
            continue
        for module, line, in_function in imports_of(path):
            if module.split(".")[0] != "PySide6":
                continue
            if path == lazy_renderer and in_function:
                continue  # the DOCX chart's bitmap: Qt loaded in the call, for reports with charts
            bad.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}")
    assert bad == []


@pytest.mark.parametrize("layer", ["core", "document", "importing", "store"])
def test_plain_layers_import_without_qt(layer):
    """Importing every module of a plain layer loads no PySide6 (checked in a fresh interpreter)."""
    import subprocess
    import sys

    modules = [_module_name(p) for p in _sources(layer)]
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"
