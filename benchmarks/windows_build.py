"""The Windows build on Linux, timed end to end: build, setup, install and use under Wine.

    python benchmarks/windows_build.py [--cache-dir DIR] [--cold] [--fast-compression]

Always runs everything (the test suite skips it when its inputs did not change, see
tests/test_windows_build.py). ``--cold`` starts from an empty cache folder (what a fresh CI
machine pays: download, Wine prefix, first compilation of every module under Wine). Prints
the step times of the build (installer/build_windows.py), of the smoke (installer/wine_smoke.py:
install, ``--version`` first run and median of 5 with the wineserver kept up, exports, window,
upgrade, uninstall), the sizes, and the load average (the machine is shared: compare CPU loads).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "installer"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", type=Path,
                        default=Path.home() / ".cache" / "cchc-desktop" / "windows-build")
    parser.add_argument("--cold", action="store_true", help="start from an empty cache folder")
    parser.add_argument("--fast-compression", action="store_true")
    args = parser.parse_args()
    import wine_smoke

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        cache = tmp_path / "cache" if args.cold else args.cache_dir
        command = [sys.executable, str(ROOT / "installer" / "build_windows.py"), "--dist-dir", str(tmp_path / "dist"),
                   "--work-dir", str(tmp_path / "work"), "--cache-dir", str(cache)]
        if args.fast_compression:
            command.append("--fast-compression")
        started = time.monotonic()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        build_seconds = time.monotonic() - started
        build = json.loads((tmp_path / "dist" / "windows-build.json").read_text())
        started = time.monotonic()
        smoke = wine_smoke.smoke(Path(build["setup"]), tmp_path / "smoke")
        smoke_seconds = time.monotonic() - started
        if args.cold:
            shutil.rmtree(cache, ignore_errors=True)
    print(json.dumps({
        "build_total_s": round(build_seconds, 1), "build_steps_s": build["seconds"],
        "smoke_total_s": round(smoke_seconds, 1), "smoke_steps_s": smoke["seconds"],
        "setup_MB": round(build["setup_bytes"] / 1e6, 1), "installed_MB": round(smoke["installed_bytes"] / 1e6, 1),
        "window_tabs": len(smoke["window_tabs"]), "load_average": os.getloadavg(),
    }, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
