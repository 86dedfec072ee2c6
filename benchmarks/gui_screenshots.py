"""Screenshots of each tab: run under `xvfb-run -s "-screen 0 1366x768x24" python benchmarks/gui_screenshots.py OUT_DIR`."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("CCHC_DESKTOP_HOME", tempfile.mkdtemp())


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from cchc_desktop.gui.app import application, build_window

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screens")
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    window = build_window(Path(os.environ["CCHC_DESKTOP_HOME"]) / "shots.sqlite")
    window.resize(1366, 740)
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        end = time.monotonic() + 0.8  # QPdfView renders pages asynchronously
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.05)
        window.grab().save(str(out / f"tab{index}.png"))
    window.close()
    QApplication.quit()


if __name__ == "__main__":
    main()
