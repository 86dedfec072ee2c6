"""Running Windows programs under Wine (Debian's wine64) for the Windows build and its smoke test.

What Wine needs here, all verified on Debian 12 (Wine 8.0):

- output: a Windows program whose stdout/stderr is a file (not a pipe) fails to start its
  streams ("Invalid handle"); ``run`` always pipes both and gives stdin ``/dev/null``;
- environment: Wine does not pass ``QT_*`` variables on to the program; ``set_user_env``
  writes them into the prefix's ``HKCU\\Environment``, which Windows programs do read;
- missing system DLLs: Qt6Core.dll imports ``icuuc.dll`` and Qt6Pdf.dll loads
  ``bcryptprimitives.dll`` (both in System32 of Windows 10/11, absent from Wine 8):
  ``install_test_stubs`` compiles test-only stand-ins (``installer/wine/*.c``, mingw-w64)
  into the prefix's ``C:\\windows\\system32``. They live only in the prefix, never in the build;
- the wineserver: started by the first program, it inherits that program's pipes and keeps
  them open until it exits (3 s after the last program): ``run`` times the program up to its
  own exit, and reads the pipes until they close;
- a fresh prefix links Desktop/Documents to the Linux home folder and maps ``Z:`` to ``/``:
  ``sandbox`` cuts both, so tests write nothing outside the prefix and the program cannot
  find fonts or files of the Linux machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STUBS = {"icuuc.dll": HERE / "wine" / "icuuc_stub.c",
         "bcryptprimitives.dll": HERE / "wine" / "bcryptprimitives_stub.c"}
MINGW = "x86_64-w64-mingw32-gcc"
# Debian's wine64 package installs the loader here, and /usr/bin/wine only with the "wine" package.
WINE_CANDIDATES = ("wine64", "/usr/lib/wine/wine64", "wine")
WINESERVER_CANDIDATES = ("wineserver", "/usr/lib/wine/wineserver")


class WineError(RuntimeError):
    pass


def _find(candidates: tuple[str, ...]) -> str | None:
    for candidate in candidates:
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found
    return None


def wine_program() -> str | None:
    return _find(WINE_CANDIDATES)


def missing_tools() -> list[str]:
    """What the Windows build and smoke need on this machine (Debian package names)."""
    missing = []
    if not wine_program():
        missing.append("wine64")
    if not shutil.which("makensis"):
        missing.append("nsis")
    if not shutil.which(MINGW):
        missing.append("gcc-mingw-w64-x86-64")
    return missing


class Prefix:
    """One Wine prefix (a fake Windows user profile in a folder)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.wine = wine_program()
        self.wineserver = _find(WINESERVER_CANDIDATES)
        if not self.wine:
            raise WineError("wine64 is not installed (Debian: apt-get install wine64)")

    @property
    def env(self) -> dict[str, str]:
        # Our own CCHC_* settings (tests point CCHC_DESKTOP_HOME at a Linux folder) stay out as well.
        env = {key: value for key, value in os.environ.items() if not key.startswith(("QT_", "WINE", "CCHC_"))}
        # mscoree/mshtml off: no prompt to download Mono or Gecko (there is no Internet anyway).
        env.update(WINEPREFIX=str(self.path), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=",
                   DISPLAY="")
        return env

    @property
    def drive_c(self) -> Path:
        return self.path / "drive_c"

    @property
    def user(self) -> str:
        users = [p.name for p in (self.drive_c / "users").iterdir() if p.name != "Public"]
        return users[0]

    @property
    def local_appdata(self) -> Path:
        return self.drive_c / "users" / self.user / "AppData" / "Local"

    def windows_path(self, path: Path) -> str:
        """C:\\... for a file inside the prefix, Z:\\... (when mapped) for any other file."""
        path = Path(path).resolve()
        try:
            return "C:\\" + "\\".join(path.relative_to(self.drive_c.resolve()).parts)
        except ValueError:
            return "Z:" + str(path).replace("/", "\\")

    def run(self, *args: str, timeout: float = 600, check: bool = True,
            cwd: Path | None = None) -> subprocess.CompletedProcess:
        """Run a Windows program; stdout and stderr come back through pipes (text, UTF-8).

        ``result.seconds`` is the program's own run time, up to its exit: the output pipes close
        only when the wineserver (which inherits them when this run started it) exits too.
        """
        process = subprocess.Popen([self.wine, *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=self.env, cwd=cwd)
        chunks: dict[str, list[bytes]] = {"stdout": [], "stderr": []}

        def drain(name: str) -> None:
            for chunk in iter(lambda: getattr(process, name).read1(65536), b""):
                chunks[name].append(chunk)

        readers = [threading.Thread(target=drain, args=(name,), daemon=True) for name in chunks]
        for reader in readers:
            reader.start()
        started = time.monotonic()
        try:
            returncode = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
        seconds = time.monotonic() - started
        for reader in readers:
            reader.join(timeout=30)
        result = subprocess.CompletedProcess([self.wine, *args], returncode,
                                             b"".join(chunks["stdout"]).decode("utf-8", "replace"),
                                             b"".join(chunks["stderr"]).decode("utf-8", "replace"))
        result.seconds = seconds
        if check and returncode != 0:
            raise WineError(f"wine {' '.join(args[:3])} failed ({returncode}):\n"
                            f"{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
        return result

    def wait_until(self, condition, timeout: float = 180, what: str = "") -> None:
        """Poll (an uninstaller finishes in a copy of itself, after its first process has ended)."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise WineError(f"timed out after {timeout:.0f} s waiting for {what}")
            time.sleep(0.5)

    def kill(self) -> None:
        """Stop every program of the prefix and its wineserver."""
        if self.wineserver and self.path.is_dir():
            subprocess.run([self.wineserver, "-k"], env=self.env, timeout=60, stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def create(self) -> None:
        """A fresh prefix (wineboot), sandboxed, with the test-only system DLLs."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        # Before our own server: wineboot sets the prefix up with Wine's usual server, no pipes.
        quiet = dict(env=self.env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run([self.wine, "wineboot", "--init"], timeout=300, **quiet)
        if self.wineserver:
            subprocess.run([self.wineserver, "-w"], timeout=300, **quiet)
        if not (self.drive_c / "windows" / "system32").is_dir():
            raise WineError(f"wineboot did not create a prefix in {self.path}")
        print(f"wine prefix {self.path}: {time.monotonic() - started:.1f} s", flush=True)

    def sandbox(self, keep_z: bool = False) -> None:
        """Real folders instead of links to the Linux home; no Z: drive unless asked."""
        profile = self.drive_c / "users" / self.user
        for link in profile.iterdir():
            if link.is_symlink():
                link.unlink()
                link.mkdir()
        z_drive = self.path / "dosdevices" / "z:"
        if not keep_z and z_drive.is_symlink():
            z_drive.unlink()

    def install_test_stubs(self, build_dir: Path) -> list[Path]:
        """Compile the TEST-ONLY DLL stand-ins into C:\\windows\\system32 (never into a build)."""
        build_dir.mkdir(parents=True, exist_ok=True)
        installed = []
        for name, source in STUBS.items():
            dll = build_dir / name
            if not dll.is_file() or dll.stat().st_mtime < source.stat().st_mtime:
                subprocess.run([MINGW, "-O2", "-shared", "-s", "-o", str(dll), str(source)], check=True)
            target = self.drive_c / "windows" / "system32" / name
            shutil.copy2(dll, target)
            installed.append(target)
        return installed

    def set_user_env(self, **variables: str) -> None:
        """Environment variables for Windows programs (HKCU\\Environment), e.g. QT_QPA_PLATFORM."""
        for name, value in variables.items():
            self.run("reg", "add", "HKCU\\Environment", "/v", name, "/t", "REG_SZ", "/d", value, "/f")

    def delete_user_env(self, *names: str) -> None:
        for name in names:
            self.run("reg", "delete", "HKCU\\Environment", "/v", name, "/f", check=False)
