"""SIGKILL one second after typing stops: the text is already in the database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from cchc_desktop.core.model import SectionKey
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import list_reports, load_report


def test_text_survives_sigkill(tmp_path: Path) -> None:
    database = tmp_path / "cchc.sqlite"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("kill_driver.py")), str(database)],
                            stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout.readline().strip() == "TYPED"
        time.sleep(1.0)  # the condition: one second after typing stops
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    db = open_database(database, create_sample=False)
    report = load_report(db, list_reports(db)[0].id)
    assert report.section(SectionKey.RESULTS).blocks[-1].text.endswith(" Cán bộ đã gõ xong")
