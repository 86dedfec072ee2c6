"""Fast checks of the packaging files that cannot be run here (Inno Setup) or are data."""

from __future__ import annotations

import configparser
import importlib.util
import re
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
ISS = ROOT / "installer" / "windows" / "cchc-desktop.iss"


def iss_sections() -> dict[str, list[str]]:
    """Section name (lower case) → its non-comment lines, preprocessor lines left out."""
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1).lower()
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def setup_directives() -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss_sections()["setup"])


def test_setup_is_per_user_and_versioned_from_the_build() -> None:
    setup = setup_directives()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{userpf}\\")
    assert setup["AppVersion"] == "{#AppVersion}"
    # A fixed AppId is what makes a new setup an upgrade of the old installation.
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["AppId"])


def test_nothing_in_the_setup_deletes_user_data() -> None:
    sections = iss_sections()
    assert "uninstalldelete" not in sections
    assert "code" not in sections  # no script that could delete folders on uninstall
    assert sections["installdelete"] == ['Type: filesandordirs; Name: "{app}\\_internal"']


def test_every_wizard_text_is_vietnamese_for_the_pages_shown() -> None:
    messages = dict(line.split("=", 1) for line in iss_sections()["messages"])
    for key in ("WelcomeLabel1", "WizardSelectDir", "WizardSelectTasks", "WizardReady", "ButtonNext",
                "ButtonInstall", "ButtonCancel", "FinishedHeadingLabel", "ConfirmUninstall", "UninstalledAll"):
        assert re.search(r"[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữựìíịỉĩòóọỏõùúụủũ]", messages[key].lower()), key
    custom = dict(line.split("=", 1) for line in iss_sections()["custommessages"])
    assert "màn hình" in custom["CreateDesktopIcon"]


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
