"""Reliability driver: the window on argv[1], typing argv[3] into "Kết quả" with a rhythm.

Usage: gui_typist.py DB RHYTHM TEXT [SECONDS_TO_KEEP_OPEN]
RHYTHM: "continuous" (a character every 20–60 ms, never a 0.7 s pause), "random" (mostly
fast, sometimes pauses of up to 1.5 s) or "sentences" (like continuous).
Prints "READY <open report id>", "REPORT <id>" when the window moves to another report (its
text kept as a new report after another program restored or replaced the one open), then "K <n> <unix time>" after the n-th character, "SAVED <unix time>" after
each autosave, "FAILED <message>" if a save fails, "TYPED" at the end.  With
SECONDS_TO_KEEP_OPEN it then closes the window normally (final save) and prints "CLOSED".
Typing also stops when the file "<DB>.stop" appears.
Meant to be killed (SIGKILL) at any moment by the tests and the benchmark.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402

from cchc_desktop.gui import closing  # noqa: E402
from cchc_desktop.gui.app import application, build_window  # noqa: E402
from tests.gui.helpers import treat_sample_as_own, type_text  # noqa: E402

database, rhythm, text = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
keep_open = float(sys.argv[4]) if len(sys.argv) > 4 else None
app = application()
window = build_window(database)
window.show()
window.autosaver.saved.connect(lambda _when: print(f"SAVED {time.time():.3f}", flush=True))
window.autosaver.failed.connect(lambda message: print(f"FAILED {message}", flush=True))
treat_sample_as_own(window)  # the sample opens read-only ("Mẫu"); the typist types into it


def _unsaved(_window, text: str) -> str:
    print("UNSAVED " + text.replace("\n", " "), flush=True)  # said, never silent
    return closing.DISCARD


closing.ask_unsaved = _unsaved
window.tabs.setCurrentWidget(window.narrative)
window.narrative.select_part(0)  # "I. Kết quả…": the part tagged results
editor = window.narrative.editor
rng = random.Random(hash((str(database), text)) & 0xFFFF)
position = 0


def delay() -> int:
    if rhythm == "random" and rng.random() < 0.04:
        return rng.randint(300, 1500)
    return rng.randint(20, 60)


stop_file = database.with_name(database.name + ".stop")  # created by a test: stop typing now


shown = window.report.id


def step() -> None:
    global position, editor, shown
    if window.report is not None and window.report.id != shown:  # the text went on in a new report
        shown = window.report.id
        print(f"REPORT {shown}", flush=True)
        window.tabs.setCurrentWidget(window.narrative)
        window.narrative.select_part(0)
        editor = window.narrative.editor
        editor.moveCursor(editor.textCursor().MoveOperation.End)  # typing goes on at the end
    if position == 0:
        editor.moveCursor(editor.textCursor().MoveOperation.End)
    if position < len(text) and not stop_file.exists():
        type_text(editor, text[position])
        position += 1
        print(f"K {position} {time.time():.3f}", flush=True)
        QTimer.singleShot(delay(), step)
        return
    print("TYPED", flush=True)
    if keep_open is not None:
        QTimer.singleShot(int(keep_open * 1000), finish)


def finish() -> None:
    window.close()
    print("CLOSED", flush=True)
    app.quit()


print(f"READY {window.report.id}", flush=True)
QTimer.singleShot(50, step)
app.exec()
sys.stdout.flush()
os._exit(0)  # skip interpreter finalisation: PySide may crash while collecting at exit
