"""The layers, read from the source (ast, nothing imported): plain-Python core below the store,
the documents and the importers, Qt only in the window.

core      -> nothing of store/, document/, importing/, gui/, cli, commands (old crossings: LEFT)
store     -> nothing of document/, importing/, gui/, cli, commands
document  -> nothing of gui/, cli, commands (it still reads store/ and importing/)
importing -> nothing of gui/, cli, commands (it still reads store/ and document/)
gui       -> nothing of cli, commands
anything outside gui/ -> no PySide6 at all (the DOCX's chart picture is drawn with Pillow)
"""

from __future__ import annotations

import ast
import functools
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
    assert "cchc_desktop.core.model" in found and "cchc_desktop.document.chart_png" in found
    assert ("core/xlsx_guard.py", "store") in _reaching("core", ("store",))  # "from ..store import errors"


def test_core_is_the_bottom_layer():
    """core/indicator_sets read its bounds from store/limits; they are core.limits now."""
    assert _new_crossings("core", ("store", "document", "importing", "gui", "cli", "commands")) == []


def test_documents_do_not_reach_the_window_or_the_command_line():
    """document/charts took its SVG renderer from gui/svg_png (it draws with Pillow now)."""
    assert _new_crossings("document", ("gui", "cli", "commands")) == []


def test_importers_do_not_reach_the_window_or_the_command_line():
    assert _new_crossings("importing", ("gui", "cli", "commands")) == []


def test_store_does_not_reach_up():
    assert _new_crossings("store", ("document", "importing", "gui", "cli", "commands")) == []


def test_the_window_takes_the_version_from_the_package_not_the_command_line():
    """gui/help imported cchc_desktop.cli (and with it every sub-command) for the version."""
    assert _new_crossings("gui", ("cli", "commands")) == []


def test_qt_only_in_the_window():
    """No exception: not even a lazy import inside a function (the DOCX chart's picture took Qt
    that way through cchc_desktop/svg_png.py; it is drawn with Pillow now)."""
    bad = [f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}"
           for path in _sources() if PACKAGE / "gui" not in path.parents
           for module, line, _in_function in imports_of(path) if module.split(".")[0] == "PySide6"]
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


# --- the window's Protocol (gui/window_api.Window) ------------------------------------------

GUI = PACKAGE / "gui"
WINDOW_TYPES = {"MainWindow", "Window"}


def _names_window(annotation: ast.AST | None) -> bool:
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return False
    return annotation is not None and any(isinstance(n, ast.Name) and n.id in WINDOW_TYPES
                                          for n in ast.walk(annotation))


def _functions(node: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [n for n in ast.walk(node) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def _window_params(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    args = function.args
    return {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs if _names_window(a.annotation)}


def _window_attributes_of_self(cls: ast.ClassDef) -> set[str]:
    """self.w / self.window…: annotated as the window, or assigned from a parameter that is."""
    found = set()
    for node in ast.walk(cls):
        if isinstance(node, ast.AnnAssign) and _names_window(node.annotation):
            target = node.target
            found.add(target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", ""))
    for function in _functions(cls):
        params = _window_params(function)
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name) and node.value.id in params:
                found.update(t.attr for t in node.targets if isinstance(t, ast.Attribute)
                             and isinstance(t.value, ast.Name) and t.value.id == "self")
    return found


@functools.lru_cache(maxsize=None)
def window_uses(path: Path) -> dict[str, set[str]]:
    """{attribute: {"Load", "Store", "Call"}} the module uses on what it types as the window:
    ``window.x`` for a parameter ``window: MainWindow``, ``self.w.x`` for ``self.w = window``,
    and ``getattr(window, "x", …)``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    uses: dict[str, set[str]] = {}
    self_attributes: dict[int, set[str]] = {}
    for cls in (c for c in ast.walk(tree) if isinstance(c, ast.ClassDef)):
        held = _window_attributes_of_self(cls)
        self_attributes.update((id(f), held) for f in _functions(cls))
    for function in _functions(tree):
        names, on_self = _window_params(function), self_attributes.get(id(function), set())

        def is_window(node: ast.AST) -> bool:
            return (isinstance(node, ast.Name) and node.id in names) or (
                isinstance(node, ast.Attribute) and node.attr in on_self
                and isinstance(node.value, ast.Name) and node.value.id == "self")

        for node in ast.walk(function):
            if isinstance(node, ast.Attribute) and is_window(node.value):
                uses.setdefault(node.attr, set()).add(type(node.ctx).__name__)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in (
                    "getattr", "hasattr", "setattr") and len(node.args) >= 2 and is_window(node.args[0]) \
                    and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
                uses.setdefault(node.args[1].value, set()).add("Load")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and is_window(node.func.value):
                uses.setdefault(node.func.attr, set()).add("Call")
    return uses


def _window_modules() -> list[Path]:
    return [p for p in sorted(GUI.rglob("*.py")) if p.name not in ("main_window.py", "window_api.py")
            and window_uses(p)]


def _declared() -> dict[str, str]:
    """{name: "attribute" | "method"} of the Protocol, read from its source."""
    tree = ast.parse((GUI / "window_api.py").read_text(encoding="utf-8"))
    protocol = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Window")
    declared = {}
    for node in protocol.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            declared[node.target.id] = "attribute"
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            declared[node.name] = "method"
    return declared


def _all_uses() -> dict[str, set[str]]:
    uses: dict[str, set[str]] = {}
    for path in _window_modules():
        for name, how in window_uses(path).items():
            uses.setdefault(name, set()).update(how)
    return uses


def test_the_window_collector_sees_parameters_self_attributes_and_getattr():
    uses = window_uses(GUI / "actions.py")  # self.w = window
    assert {"statusBar", "current_report", "report"} <= set(uses) and "Call" in uses["statusBar"]
    assert "read_only" in window_uses(GUI / "report_change.py")  # getattr(window, "read_only", False)
    assert len(_window_modules()) >= 15


def test_the_protocol_declares_exactly_what_the_modules_use_of_the_window():
    declared, uses = _declared(), _all_uses()
    assert sorted(set(uses) - set(declared)) == [], "used on the window but missing from window_api.Window"
    assert sorted(set(declared) - set(uses)) == [], "declared in window_api.Window but no longer used"
    called_attributes = [n for n, how in uses.items() if how == {"Call"} and declared[n] == "attribute"]
    assert called_attributes == []
    assigned_methods = [n for n, how in uses.items() if "Store" in how and declared[n] == "method"]
    assert assigned_methods == []


def test_the_protocol_matches_a_real_main_window(qtbot, tmp_path):
    from cchc_desktop.gui.app import application, build_window
    from cchc_desktop.gui.window_api import SET_LATER

    application()
    window = build_window(tmp_path / "cchc.sqlite")
    qtbot.addWidget(window)
    try:
        declared = _declared()
        missing = sorted(n for n in declared if n not in SET_LATER and not hasattr(window, n))
        assert missing == []
        not_callable = sorted(n for n, kind in declared.items() if kind == "method" and not callable(getattr(window, n)))
        assert not_callable == []
        # what is set later is assigned by some module, under the declared name
        uses = _all_uses()
        assert sorted(n for n in SET_LATER if "Store" not in uses.get(n, set())) == []
    finally:
        window.close()


def test_no_gui_module_but_the_app_imports_the_main_window():
    importers = sorted(path.relative_to(PACKAGE).as_posix() for path in GUI.rglob("*.py")
                       if path.name not in ("app.py", "main_window.py")
                       and any(m == "cchc_desktop.gui.main_window" for m, _, _ in imports_of(path)))
    assert importers == []
