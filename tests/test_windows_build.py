"""The Windows application, built on Linux, installed and run under Wine (issue 17).

installer/build_windows.py makes the one-folder build and the NSIS setup; installer/wine_smoke.py
installs it silently into a fresh Wine prefix and uses it: version, sample in the per-user data
folder, DOCX/PDF export (bundled Liberation Serif, and the Times New Roman path), the window with
every tab, backup, upgrade over itself, uninstall. Everything is read back here.

It costs about 7 minutes on a 2-core machine (cold cache). CI (``CI=true``) always runs it.
Elsewhere it runs only when what it builds from changed since its last successful run: a SHA-256 of installer/**, pyproject.toml and
scripts/install-system-deps.sh is compared with the stamp ``last-success.json`` in the build
cache (``CCHC_WINBUILD_CACHE``, default ~/.cache/cchc-desktop/windows-build). A fresh machine has
no stamp, so it always runs there. When skipped, the skip reason says so (``pytest -rs``).
``CCHC_WINDOWS_BUILD=always`` forces it, ``never`` skips it; benchmarks/windows_build.py always runs it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "installer"))

from wine import missing_tools  # noqa: E402

pytestmark = pytest.mark.slow
MB = 1_000_000
CACHE = Path(os.environ.get("CCHC_WINBUILD_CACHE") or Path.home() / ".cache" / "cchc-desktop" / "windows-build")
STAMP = CACHE / "last-success.json"
# CI (CI=true) always builds: about 7 minutes from a cold cache on the 2-core machine, within
# the issue's 10-minute allowance. A developer's run skips when nothing it builds from changed.
MODE = os.environ.get("CCHC_WINDOWS_BUILD") or ("always" if os.environ.get("CI") else "auto")


def inputs_digest() -> str:
    """What the Windows build is made from, besides the application code."""
    digest = hashlib.sha256()
    files = sorted(p for p in (ROOT / "installer").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    files += [ROOT / "pyproject.toml", ROOT / "scripts" / "install-system-deps.sh"]
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


DIGEST = inputs_digest()

if sys.platform != "linux":
    pytest.skip("the Wine build runs on Linux", allow_module_level=True)
if missing_tools():
    pytest.skip(f"Windows build under Wine NOT checked: missing {' '.join(missing_tools())} "
                "(bash scripts/install-system-deps.sh --test)", allow_module_level=True)
if MODE == "never":
    pytest.skip("Windows build under Wine NOT checked: CCHC_WINDOWS_BUILD=never", allow_module_level=True)
if MODE != "always" and STAMP.is_file() and json.loads(STAMP.read_text()).get("digest") == DIGEST:
    pytest.skip(f"Windows build under Wine skipped: installer/, pyproject.toml and install-system-deps.sh "
                f"unchanged since its last successful run (digest {DIGEST[:12]}, stamp {STAMP}); "
                "CCHC_WINDOWS_BUILD=always forces it", allow_module_level=True)


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("windows")
    build = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build_windows.py"), "--dist-dir", str(out / "dist"),
         "--work-dir", str(out / "work"), "--cache-dir", str(CACHE)],
        capture_output=True, text=True, cwd=ROOT, timeout=3600)
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    summary = json.loads((out / "dist" / "windows-build.json").read_text())
    import wine_smoke

    result = wine_smoke.smoke(Path(summary["setup"]), out / "smoke")
    result["build"] = summary
    (out / "smoke.json").write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return result


def plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def pdf_fonts(path: str) -> set[str]:
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_sizes_and_no_stand_in_dlls(smoke: dict) -> None:
    assert smoke["setup_bytes"] <= 60 * MB
    assert smoke["installed_bytes"] <= 150 * MB
    assert smoke["stand_ins_in_install"] == []


def test_installed_per_user_with_shortcut_and_uninstall_entry(smoke: dict) -> None:
    assert smoke["installed"]
    assert smoke["start_menu_shortcut"] == ["Báo cáo tuyên truyền CCHC.lnk"]
    entry = smoke["uninstall_entry"]
    assert "HKEY_CURRENT_USER" in entry and "Programs\\cchc-desktop" in entry and "uninstall.exe" in entry


def test_version_and_sample_in_the_per_user_database(smoke: dict) -> None:
    version = subprocess.run([sys.executable, "-c", "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))"
                              "['project']['version'])"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    assert smoke["version"] == f"cchc-desktop {version}"
    assert smoke["database"]
    assert len(smoke["reports"]) == 1


def test_export_under_wine_gives_the_linux_pages(smoke: dict, tmp_path: Path) -> None:
    import docx
    from pypdf import PdfReader

    from cchc_desktop.core.templates import load_sample
    from cchc_desktop.document.export import export_pdf
    from tests.document.ooxml import assert_valid_docx

    assert_valid_docx(smoke["docx"])
    text = "\n".join(p.text for p in docx.Document(smoke["docx"]).paragraphs)
    assert "cương gián" in plain(text)
    # Only the bundled Liberation Serif exists in the sandboxed prefix: the fallback path.
    assert pdf_fonts(smoke["pdf"]) >= {"LiberationSerif", "LiberationSerif-Bold"}
    export_pdf(load_sample(), tmp_path / "linux.pdf")
    windows_pages = [plain(p.extract_text()) for p in PdfReader(smoke["pdf"]).pages]
    linux_pages = [plain(p.extract_text()) for p in PdfReader(tmp_path / "linux.pdf").pages]
    assert windows_pages == linux_pages


def test_times_new_roman_from_the_windows_fonts_folder_wins(smoke: dict) -> None:
    # times.ttf & co. were Liberation *Sans* files: the PDF shows that C:\windows\Fonts was used.
    assert {"LiberationSans", "LiberationSans-Bold"} <= pdf_fonts(smoke["pdf_times_path"])


def test_window_shows_every_tab(smoke: dict) -> None:
    assert smoke["window_exit"] == 0, smoke["window_stderr"]
    totals = {int(line.split()[2].split("/")[1]) for line in smoke["window_stderr"].splitlines()
              if line.startswith("smoke: tab ")}
    assert len(totals) == 1 and len(smoke["window_tabs"]) == totals.pop() >= 4, smoke["window_stderr"]
    assert "Xem trước" in smoke["window_tabs"]  # the PDF preview (QtPdf, PDFium) under Wine


def test_split_preview_renders_in_a_process_of_the_frozen_build(smoke: dict) -> None:
    """F9's worker is a spawned process: in the frozen build it exists only through freeze_support."""
    pages = re.findall(r"^smoke: split preview (\d+) pages", smoke["window_stderr"], re.MULTILINE)
    assert pages and int(pages[0]) >= 4, smoke["window_stderr"]


def test_backup_upgrade_uninstall_keep_the_data(smoke: dict) -> None:
    assert smoke["backup"]
    assert smoke["after_upgrade"] == {"database": True, "version": smoke["version"], "reports": 1}
    after = smoke["after_uninstall"]
    assert after["program_left"] == [] and after["start_menu_shortcut"] == [] and not after["uninstall_entry"]
    assert after["database"]


def test_signature_check_refuses_a_tampered_interpreter(smoke: dict, tmp_path: Path) -> None:
    import build_windows

    signed = CACHE / "python"
    build_windows.verify_signatures(signed)  # the real files: the PSF's signatures verify
    for name in build_windows.SIGNED_FILES:
        (tmp_path / name).write_bytes((signed / name).read_bytes())
    data = bytearray((tmp_path / "python.exe").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (tmp_path / "python.exe").write_bytes(bytes(data))
    with pytest.raises(build_windows.BuildError, match="python.exe"):
        build_windows.verify_signatures(tmp_path)


def test_zz_record_success(smoke: dict, request: pytest.FixtureRequest) -> None:
    """Last in the file: remember the inputs of a fully green build so unchanged runs can skip."""
    if request.session.testsfailed == 0:
        STAMP.parent.mkdir(parents=True, exist_ok=True)
        STAMP.write_text(json.dumps({"digest": DIGEST, "seconds": smoke["seconds"], "build": smoke["build"]},
                                    indent=1))
    print(json.dumps(smoke["seconds"]))
