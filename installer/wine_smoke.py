"""Install the Windows setup into a fresh Wine prefix and use the installed program as a clerk would.

    python installer/wine_smoke.py dist/cchc-desktop-0.1.0-setup.exe [--work-dir DIR] [--json OUT]

Steps (each result goes into the returned dict / JSON): silent install (``/S``); the
installed folder, Start-menu shortcut and per-user uninstall entry; ``--version`` (first run and
median of 5); a fresh default database in %LOCALAPPDATA% with the sample; export of the sample
to DOCX and PDF into a folder with Vietnamese letters and spaces — once with only the shipped
Liberation Serif (a Wine prefix has no Times New Roman and, sandboxed, no Z: drive to the Linux
fonts), once with font files named as Windows names Times New Roman in C:\\windows\\Fonts; the
window offscreen with every tab shown; a backup; a silent upgrade over itself (data kept); a
silent uninstall (program gone, data kept).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from wine import Prefix, WineError  # noqa: E402

NAME = "cchc-desktop"
LIBERATION = Path("/usr/share/fonts/truetype/liberation2")
# Windows' file names of Times New Roman (regular, bold, italic, bold italic).
TIMES_FILES = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")
# Stand-ins for them: Liberation *Sans*, so the PDF shows which path was taken.
SANS_FILES = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf",
              "LiberationSans-BoldItalic.ttf")


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def smoke(setup: Path, work_dir: Path) -> dict:
    work_dir.mkdir(parents=True, exist_ok=True)
    prefix = Prefix(work_dir / "prefix")
    if prefix.path.exists():
        prefix.kill()
        shutil.rmtree(prefix.path)
    result: dict = {"seconds": {}}
    seconds = result["seconds"]

    def timed(label, function, *args, **kwargs):
        started = time.monotonic()
        value = function(*args, **kwargs)
        seconds[label] = round(time.monotonic() - started, 2)
        return value

    timed("prefix", prefix.create)
    prefix.sandbox()  # no Z: drive: nothing of the Linux machine is visible to the program
    prefix.install_test_stubs(work_dir / "stubs")
    prefix.set_user_env(QT_QPA_PLATFORM="offscreen")

    incoming = prefix.drive_c / "setup"
    incoming.mkdir(exist_ok=True)
    shutil.copy2(setup, incoming / setup.name)
    setup_win = prefix.windows_path(incoming / setup.name)

    def install(label: str) -> None:
        timed(label, prefix.run, setup_win, "/S", timeout=600)

    install("install")
    app = prefix.local_appdata / "Programs" / NAME
    cli = prefix.windows_path(app / f"{NAME}-cli.exe")
    result["installed"] = (app / f"{NAME}.exe").is_file() and (app / f"{NAME}-cli.exe").is_file()
    result["installed_bytes"] = folder_size(app)
    result["setup_bytes"] = setup.stat().st_size
    start_menu = (prefix.drive_c / "users" / prefix.user / "AppData" / "Roaming" / "Microsoft" / "Windows"
                  / "Start Menu" / "Programs")
    result["start_menu_shortcut"] = sorted(p.name for p in start_menu.glob("*.lnk"))
    result["desktop_shortcut"] = sorted(p.name for p in (prefix.drive_c / "users" / prefix.user / "Desktop").glob("*.lnk"))
    key = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\cchc-desktop"
    result["uninstall_entry"] = prefix.run("reg", "query", key, check=False).stdout
    result["stand_ins_in_install"] = [str(p) for p in app.rglob("*")
                                      if p.name.lower() in ("icuuc.dll", "bcryptprimitives.dll")]

    # --version: the first start after a restart of Wine (its own start included), then with
    # Wine up (as on a PC where Windows is running), median of 5.
    prefix.kill()
    version = prefix.run(cli, "--version")
    seconds["version_first"] = round(version.seconds, 2)
    result["version"] = version.stdout.strip()
    # Keep Wine up between runs: a Windows program that waits, started without our pipes.
    holder = subprocess.Popen([prefix.wine, "cmd", "/c", "ping", "-n", "600", "127.0.0.1"], env=prefix.env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3)
    seconds["version_median"] = round(statistics.median(prefix.run(cli, "--version").seconds for _ in range(5)), 2)
    seconds["wine_cmd_echo"] = round(prefix.run("cmd", "/c", "echo").seconds, 2)

    # A fresh default database (per-user data folder) opens with the sample.
    listing = timed("list", prefix.run, cli, "list", "--json")
    result["reports"] = json.loads(listing.stdout)
    data_dir = prefix.local_appdata / NAME / NAME
    result["database"] = (data_dir / "cchc.sqlite").is_file()

    # Export into a folder with Vietnamese letters and spaces; only the bundled fonts exist.
    out = prefix.drive_c / "users" / prefix.user / "Documents" / "Báo cáo CCHC 2024"
    out.mkdir(parents=True, exist_ok=True)
    out_win = prefix.windows_path(out)
    timed("export", prefix.run, cli, "export", "1", "--docx", out_win + "\\Báo cáo.docx",
          "--pdf", out_win + "\\Báo cáo.pdf")
    result["docx"], result["pdf"] = str(out / "Báo cáo.docx"), str(out / "Báo cáo.pdf")

    # Times New Roman as Windows names it, in C:\windows\Fonts: that path must win.
    fonts = prefix.drive_c / "windows" / "Fonts"
    for name, source in zip(TIMES_FILES, SANS_FILES):
        shutil.copy2(LIBERATION / source, fonts / name)
    prefix.run(cli, "export", "1", "--pdf", out_win + "\\times.pdf")
    result["pdf_times_path"] = str(out / "times.pdf")
    for name in TIMES_FILES:
        (fonts / name).unlink()

    # The window, offscreen, every tab shown once (installer/launcher.py, CCHC_DESKTOP_SMOKE=tabs).
    prefix.set_user_env(CCHC_DESKTOP_SMOKE="tabs")
    window = timed("window", prefix.run, cli, timeout=300, check=False)
    prefix.delete_user_env("CCHC_DESKTOP_SMOKE")
    result["window_exit"] = window.returncode
    result["window_tabs"] = [line.split(" ", 3)[-1] for line in window.stderr.splitlines()
                             if line.startswith("smoke: tab ")]
    result["window_stderr"] = window.stderr[-2000:]

    backup = out / "sao lưu.sqlite"
    prefix.run(cli, "backup", prefix.windows_path(backup))
    result["backup"] = backup.is_file() and backup.stat().st_size > 0

    # Upgrade in place over itself; then uninstall. The data folder must survive both.
    install("upgrade")
    result["after_upgrade"] = {"database": (data_dir / "cchc.sqlite").is_file(),
                               "version": prefix.run(cli, "--version").stdout.strip(),
                               "reports": len(json.loads(prefix.run(cli, "list", "--json").stdout))}
    def uninstall() -> None:
        prefix.run(prefix.windows_path(app / "uninstall.exe"), "/S")
        # The uninstaller goes on in a copy of itself; its last step removes the registry entry.
        prefix.wait_until(lambda: prefix.run("reg", "query", key, check=False).returncode != 0,
                          what="the uninstaller")
        time.sleep(1)

    timed("uninstall", uninstall)
    result["after_uninstall"] = {
        "program_left": sorted(str(p.relative_to(app)) for p in app.rglob("*")) if app.exists() else [],
        "database": (data_dir / "cchc.sqlite").is_file(),
        "start_menu_shortcut": sorted(p.name for p in start_menu.glob("*.lnk")),
        "uninstall_entry": prefix.run("reg", "query", key, check=False).returncode == 0,
    }
    holder.kill()
    prefix.kill()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("setup", type=Path)
    parser.add_argument("--work-dir", type=Path, default=Path("build") / "wine-smoke")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    try:
        result = smoke(args.setup.resolve(), args.work_dir.resolve())
    except WineError as error:
        print(f"smoke failed: {error}", file=sys.stderr)
        return 1
    text = json.dumps(result, indent=1, ensure_ascii=False)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
