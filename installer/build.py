"""Build the frozen application in one command.

    python installer/build.py                 # dist/cchc-desktop/ + dist/cchc-desktop-<version>-linux-x86_64.tar.gz
    python installer/build.py --no-tarball    # the folder only
    python installer/build.py --dist-dir /tmp/out --work-dir /tmp/work

Steps: PyInstaller with installer/cchc-desktop.spec; the Liberation Serif fonts and their
licence into the bundle's resources/fonts/ (the PDF fallback when Times New Roman is
missing); a check that the result starts (``--version``); then on Linux the start script,
desktop entry and icon beside the program and the tarball; on Windows the NSIS setup
when ``makensis`` is available. Prints the sizes at the end. The Windows build and setup are
made on Linux with Wine by installer/build_windows.py.

PyInstaller is a build tool, not a run-time dependency: ``pip install pyinstaller``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
NAME = "cchc-desktop"
WINDOWS = sys.platform == "win32"

FONT_FILES = (
    "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf",
)
# Debian/Ubuntu (fonts-liberation2, then the older fonts-liberation), Fedora, Arch.
FONT_FOLDERS = (
    Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/liberation-serif"), Path("/usr/share/fonts/liberation"),
)
FONTS_ENV = "CCHC_FONTS_SOURCE"  # a folder holding the four TTFs, to override the search
LICENSE_NAME = "LICENSE-LiberationFonts-OFL.txt"


class BuildError(Exception):
    pass


def project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]["version"]


def run_pyinstaller(dist_dir: Path, work_dir: Path) -> Path:
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist_dir), "--workpath", str(work_dir),
        str(INSTALLER / f"{NAME}.spec"),
    ]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    return dist_dir / NAME


def bundle_root(app_dir: Path) -> Path:
    """The folder sys._MEIPASS points to in a one-folder build (PyInstaller ≥ 6: _internal)."""
    internal = app_dir / "_internal"
    return internal if internal.is_dir() else app_dir


def find_fonts() -> Path | None:
    override = os.environ.get(FONTS_ENV)
    folders = (Path(override),) if override else FONT_FOLDERS
    for folder in folders:
        if all((folder / name).is_file() for name in FONT_FILES):
            return folder
    return None


def font_license_text(font_folder: Path) -> str:
    """The SIL OFL 1.1 notice that must travel with the fonts.

    Debian keeps it in its machine-readable copyright file ("Files: *" stanza); other
    distributions ship a LICENSE/OFL file next to the fonts or under /usr/share/licenses.
    """
    debian = Path("/usr/share/doc/fonts-liberation2/copyright")
    if not debian.is_file():
        debian = Path("/usr/share/doc/fonts-liberation/copyright")
    if debian.is_file():
        stanza = debian.read_text(encoding="utf-8").split("\n\n")
        fonts_stanza = next((part for part in stanza if part.startswith("Files: *")), "")
        if "SIL" in fonts_stanza:
            # Debian indents continuation lines by one space and writes blank lines as " .".
            lines = [line[1:] if line.startswith(" ") else line for line in fonts_stanza.splitlines()]
            return "\n".join("" if line == "." else line for line in lines) + "\n"
    candidates = [*font_folder.glob("*OFL*"), *font_folder.glob("LICENSE*"),
                  *Path("/usr/share/licenses").glob("liberation-fonts*/*")]
    for candidate in candidates:
        if candidate.is_file() and "Open Font License" in candidate.read_text(errors="replace"):
            return candidate.read_text(errors="replace")
    raise BuildError(f"Không tìm thấy giấy phép OFL của phông Liberation (cạnh {font_folder}).")


def copy_fonts(app_dir: Path, *, required: bool) -> Path | None:
    """Liberation Serif + licence into resources/fonts/ of the bundle (not kept in git)."""
    source = find_fonts()
    if source is None:
        message = (f"Liberation Serif not found (install fonts-liberation2 or set {FONTS_ENV}); "
                   "PDF export will need Times New Roman on the target machine.")
        if required:
            raise BuildError(message)
        print("warning:", message)
        return None
    target = bundle_root(app_dir) / "resources" / "fonts"
    target.mkdir(parents=True, exist_ok=True)
    for name in FONT_FILES:
        shutil.copy2(source / name, target / name)
    (target / LICENSE_NAME).write_text(font_license_text(source), encoding="utf-8")
    print(f"fonts: {len(FONT_FILES)} files from {source} -> {target}")
    return target


def check_starts(app_dir: Path) -> str:
    """Fail the build early if the frozen program does not even print its version."""
    program = app_dir / (f"{NAME}-cli.exe" if WINDOWS else NAME)
    result = subprocess.run([str(program), "--version"], capture_output=True, text=True,
                            encoding="utf-8", timeout=120)
    if result.returncode != 0:
        raise BuildError(f"{program} --version failed ({result.returncode}):\n{result.stderr}")
    return result.stdout.strip()


def add_linux_files(app_dir: Path) -> None:
    """Start script, desktop entry and icon beside the program (they go into the tarball)."""
    script = app_dir / f"{NAME}.sh"
    shutil.copy2(INSTALLER / "linux" / f"{NAME}.sh", script)
    script.chmod(0o755)
    shutil.copy2(INSTALLER / "linux" / f"{NAME}.desktop", app_dir / f"{NAME}.desktop")
    shutil.copy2(ROOT / "resources" / "icons" / "app.png", app_dir / f"{NAME}.png")


def make_tarball(app_dir: Path, version: str) -> Path:
    machine = platform.machine().lower() or "unknown"
    tarball = app_dir.parent / f"{NAME}-{version}-linux-{machine}.tar.gz"
    # Level 6: nearly the size of level 9 at a fraction of the time on a 2-core CI machine.
    with tarfile.open(tarball, "w:gz", compresslevel=6) as archive:
        archive.add(app_dir, arcname=NAME)
    return tarball


def make_windows_installer(app_dir: Path, version: str, makensis: str) -> Path:
    """The per-user setup (installer/windows/cchc-desktop.nsi), as build_windows.py makes it on Linux."""
    output = app_dir.parent / f"{NAME}-{version}-setup.exe"
    command = [makensis, "-INPUTCHARSET", "UTF8", "-V2", f"-DVERSION={version}", f"-DSOURCE_DIR={app_dir}",
               f"-DOUTFILE={output}", str(INSTALLER / "windows" / f"{NAME}.nsi")]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True)
    return output


def folder_size(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist-dir", type=Path, default=ROOT / "dist")
    parser.add_argument("--work-dir", type=Path, default=ROOT / "build")
    parser.add_argument("--no-tarball", action="store_true", help="Linux: skip the .tar.gz")
    parser.add_argument("--no-fonts", action="store_true", help="do not require Liberation Serif")
    parser.add_argument("--makensis", default=shutil.which("makensis"),
                        help="Windows: NSIS compiler (default: makensis on PATH)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    version = project_version()
    try:
        app_dir = run_pyinstaller(args.dist_dir.resolve(), args.work_dir.resolve())
        # Windows always has Times New Roman; elsewhere the bundled fonts are the fallback.
        copy_fonts(app_dir, required=not (WINDOWS or args.no_fonts))
        print("version check:", check_starts(app_dir))
        outputs = []
        if not WINDOWS:
            add_linux_files(app_dir)
            if not args.no_tarball:
                outputs.append(make_tarball(app_dir, version))
        elif args.makensis:
            outputs.append(make_windows_installer(app_dir, version, args.makensis))
        else:
            print("warning: NSIS (makensis) not found: no setup file made")
    except (BuildError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    print(f"{app_dir}: {megabytes(folder_size(app_dir))} unpacked")
    for output in outputs:
        print(f"{output}: {megabytes(output.stat().st_size)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
