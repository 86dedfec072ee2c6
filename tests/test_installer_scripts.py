"""Fast checks of the packaging files: the NSIS script's promises, desktop entry, icons, build helpers."""

from __future__ import annotations

import configparser
import importlib.util
import re
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
NSI = ROOT / "installer" / "windows" / "cchc-desktop.nsi"


def nsi_lines() -> list[str]:
    """The script's statements, comments left out."""
    lines = []
    for raw in NSI.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith((";", "#")):
            lines.append(line)
    return lines


def sections() -> dict[str, list[str]]:
    """Section title → its statements (install and uninstall sections)."""
    found: dict[str, list[str]] = {}
    current = None
    for line in nsi_lines():
        match = re.match(r'Section\s+(?:/o\s+)?"([^"]+)"', line)
        if match:
            current = match.group(1)
            found[current] = []
        elif line == "SectionEnd":
            current = None
        elif current:
            found[current].append(line)
    return found


def test_setup_is_per_user_and_versioned_from_the_build() -> None:
    lines = nsi_lines()
    assert "RequestExecutionLevel user" in lines
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_DIR_NAME}"' in lines
    assert "Target amd64-unicode" in lines
    assert any(line.startswith("!ifndef VERSION") for line in lines)
    # Registry only under HKCU: no administrator rights needed, and an upgrade finds the old copy.
    assert not any("HKLM" in line for line in lines)
    assert 'InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"' in lines


def test_nothing_deletes_user_data_unless_asked() -> None:
    found = sections()
    data_dir_users = [title for title, body in found.items() if any("${DATA_DIR}" in line for line in body)]
    assert len(data_dir_users) == 1
    title = data_dir_users[0]
    assert title.startswith("un.") and "dữ liệu" in title
    assert any(line.startswith('Section /o "' + title) for line in nsi_lines())  # unticked by default
    for other, body in found.items():
        if other != title:
            assert not any("LOCALAPPDATA\\cchc-desktop" in line or "${DATA_DIR}" in line for line in body), other
    install = next(body for t, body in found.items() if not t.startswith("un."))
    removals = [line for line in install if line.startswith(("RMDir", "Delete"))]
    assert removals == ['RMDir /r "$INSTDIR\\_internal"']


def test_texts_are_vietnamese_with_start_menu_shortcut() -> None:
    lines = nsi_lines()
    assert '!insertmacro MUI_LANGUAGE "Vietnamese"' in lines
    assert any(line.startswith('CreateShortcut "$SMPROGRAMS\\') for line in lines)
    vietnamese = re.compile(r"[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữựìíịỉĩòóọỏõùúụủũ]")
    for title in sections():
        assert vietnamese.search(title.lower()), title
    welcome = next(line for line in lines if line.startswith("!define MUI_WELCOMEPAGE_TEXT"))
    assert "không cần quyền quản trị" in welcome


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "installer" / "linux" / "cchc-desktop.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] and section["Icon"] and section["Name[vi]"]
    assert section["Categories"].endswith(";")


def test_icons_are_committed_with_every_windows_size() -> None:
    png = Image.open(ROOT / "resources" / "icons" / "app.png")
    assert png.size == (256, 256) and png.mode == "RGBA"
    ico = Image.open(ROOT / "resources" / "icons" / "app.ico")
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def load_build_module():
    spec = importlib.util.spec_from_file_location("installer_build", ROOT / "installer" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_font_licence_is_found_beside_the_fonts() -> None:
    build = load_build_module()
    folder = build.find_fonts()
    if folder is None:
        pytest.skip("Liberation Serif is not installed (Debian: fonts-liberation2)")
    text = build.font_license_text(folder)
    assert "SIL OPEN FONT LICENSE Version 1.1" in text and "Liberation" in text
    assert "\n ." not in text  # Debian's copyright-file escaping removed


def test_version_comes_from_pyproject() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", load_build_module().project_version())


def test_windows_build_installs_every_runtime_dependency_and_pins_python() -> None:
    spec = importlib.util.spec_from_file_location("build_windows", ROOT / "installer" / "build_windows.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import tomllib

    with open(ROOT / "pyproject.toml", "rb") as file:
        dependencies = tomllib.load(file)["project"]["dependencies"]
    wanted = module.requirements()
    assert set(dependencies) <= set(wanted)
    assert any(r.lower().startswith("pyinstaller") for r in wanted)
    assert {"pywin32-ctypes", "pefile"} <= set(wanted)  # PyInstaller's Windows-only needs
    assert re.fullmatch(r"[0-9a-f]{64}", module.PYTHON_EMBED_SHA256)
    assert module.FORBIDDEN_IN_BUNDLE == ("icuuc.dll", "bcryptprimitives.dll")
