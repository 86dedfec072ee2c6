"""Test driver: opens the window on argv[1], types Vietnamese into Kết quả, prints TYPED, keeps running."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402

from cchc_desktop.gui.app import application, build_window  # noqa: E402
from tests.gui.helpers import treat_sample_as_own, type_text  # noqa: E402

app = application()
window = build_window(Path(sys.argv[1]))
window.show()
treat_sample_as_own(window)


def go() -> None:
    editor = window.narrative.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, " Cán bộ đã gõ xong")
    print("TYPED", flush=True)


QTimer.singleShot(100, go)
app.exec()
