"""The frozen Linux build: built once with installer/build.py, then run from its tarball.

Slow (about a minute of PyInstaller) but part of CI: it is the only proof that the
application a clerk receives starts, finds its resources and fonts, and exports.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tarfile
import tomllib
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

if importlib.util.find_spec("PyInstaller") is None:
    pytest.skip("PyInstaller is not installed (pip install -e '.[test]' or pip install pyinstaller)",
                allow_module_level=True)
if not sys.platform.startswith("linux"):
    pytest.skip("the frozen-build test covers the Linux build; Windows is built by CI workflow",
                allow_module_level=True)

# What Qt's offscreen platform prints for every shown window; harmless.
QT_OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",)
SMOKE_ENV = "CCHC_DESKTOP_SMOKE"
MB = 1_000_000


def project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]["version"]


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Run the one-command build once, unpack its tarball, return where things are."""
    out = tmp_path_factory.mktemp("frozen")
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"),
         "--dist-dir", str(out / "dist"), "--work-dir", str(out / "work")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    tarballs = list((out / "dist").glob(f"cchc-desktop-{project_version()}-linux-*.tar.gz"))
    assert len(tarballs) == 1, list((out / "dist").iterdir())
    with tarfile.open(tarballs[0]) as archive:
        archive.extractall(out / "unpacked", filter="tar")
    return {"folder": out / "dist" / "cchc-desktop", "tarball": tarballs[0],
            "app": out / "unpacked" / "cchc-desktop"}


def run_app(build: dict[str, Path], *args: str, env: dict[str, str] | None = None,
            cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Start the unpacked program through its start script, as a user would."""
    return subprocess.run(
        [str(build["app"] / "cchc-desktop.sh"), *args], capture_output=True, text=True,
        encoding="utf-8", env={**os.environ, **(env or {})}, cwd=cwd, timeout=timeout,
    )


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def test_version(build: dict[str, Path]) -> None:
    result = run_app(build, "--version")
    assert result.returncode == 0, result.stderr
    assert project_version() in result.stdout


def test_bundle_has_resources_fonts_and_no_unused_qt(build: dict[str, Path]) -> None:
    internal = build["app"] / "_internal"
    fonts = internal / "resources" / "fonts"
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert (fonts / f"LiberationSerif-{style}.ttf").stat().st_size > 100_000
    assert "Open Font License" in (fonts / "LICENSE-LiberationFonts-OFL.txt").read_text(encoding="utf-8")
    assert (internal / "resources" / "sample" / "sample-report.json").is_file()
    assert (internal / "resources" / "icons" / "app.png").is_file()
    for name in ("cchc-desktop.desktop", "cchc-desktop.png", "cchc-desktop.sh"):
        assert (build["app"] / name).is_file()
    names = {path.name for path in internal.rglob("*")}
    unwanted = [n for n in names if any(t in n for t in ("Qt6Qml", "Qt6Quick", "WebEngine", "Qt6Multimedia"))]
    assert unwanted == []
    assert not (internal / "PySide6" / "Qt" / "translations").exists()


def test_sizes_within_budget(build: dict[str, Path]) -> None:
    # 150 / 60 MB until issue 27: signing needs cryptography's Rust library (12 MB) and pyHanko's
    # imports (aiohttp…); the build measured 159.7 / 67.6 MB with them.
    assert folder_size(build["folder"]) <= 175 * MB
    assert build["tarball"].stat().st_size <= 75 * MB


def test_export_sample_from_fresh_database(build: dict[str, Path], tmp_path: Path) -> None:
    import docx
    from pypdf import PdfReader

    result = run_app(build, "--db", "fresh.sqlite", "export", "1", "--docx", "a.docx", "--pdf", "a.pdf",
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr

    document = docx.Document(str(tmp_path / "a.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "cương gián" in plain(text)

    reader = PdfReader(tmp_path / "a.pdf")
    pdf_text = "".join(page.extract_text() for page in reader.pages)
    assert "cương gián" in plain(pdf_text)
    fonts = pdf_fonts(reader)
    embedded = [name for name, has_file in fonts.items() if has_file]
    assert any("Times" in name or "Liberation" in name for name in embedded), fonts
    # The built-in Times of reportlab has no Vietnamese letters: it must never be used.
    assert "/Times-Roman" not in fonts, fonts


def plain(text: str) -> str:
    """NFC, case-folded, whitespace collapsed (our PDF places words one by one)."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def pdf_fonts(reader) -> dict[str, bool]:
    """Every font the pages use → whether its font program is embedded."""
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            described = descendant[0].get_object() if descendant else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            has_file = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font.get("/BaseFont"))] = has_file
    return fonts


def unexpected_stderr(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip() and line.strip() not in QT_OFFSCREEN_NOISE]


def test_window_starts_offscreen_and_closes(build: dict[str, Path], tmp_path: Path) -> None:
    # CCHC_DESKTOP_SMOKE: the frozen entry point (installer/launcher.py) quits after the first paint.
    result = run_app(build, "--db", str(tmp_path / "fresh.sqlite"),
                     env={"QT_QPA_PLATFORM": "offscreen", SMOKE_ENV: "1"})
    assert result.returncode == 0, result.stderr
    assert unexpected_stderr(result.stderr) == []
    assert (tmp_path / "fresh.sqlite").is_file()  # the window opened its database
