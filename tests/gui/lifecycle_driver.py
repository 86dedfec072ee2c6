"""Test driver: open, edit, export, preview and close the window N times in one process.

argv: DATABASE FOLDER N (set CCHC_DESKTOP_NO_REFCOUNT_GUARD=1 to see the abort without the guard). Prints CYCLE i after each cycle and DONE at the end; the
interpreter then shuts down normally (where shiboken 6.12's lost references to None used to abort).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402

from cchc_desktop.gui import actions, dialogs, printing  # noqa: E402

from cchc_desktop.gui.app import application, build_window  # noqa: E402
from tests.gui.helpers import treat_sample_as_own, type_text  # noqa: E402

database, folder, cycles = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
app = application()
dialogs.confirm = lambda *args, **kwargs: True  # "export with errors?" — yes
previews = []
printing.exec_preview = lambda dialog: (dialog.show(), app.processEvents(), previews.append(dialog), dialog.close())

for cycle in range(cycles):
    window = build_window(database)
    window.show()
    treat_sample_as_own(window)
    window.narrative.select_part(0)
    editor = window.narrative.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, f" Lần {cycle}")
    target = folder / f"bao-cao-{cycle % 3}.{'pdf' if cycle % 2 else 'docx'}"
    actions.ask_save_path = lambda *args, target=target: str(target)
    window.actions.export.trigger()
    assert target.exists(), target
    window.tabs.setCurrentWidget(window.preview)
    app.processEvents()
    window.actions.print_preview.trigger()
    if cycle % 10 == 0:  # the split preview's worker thread, closed with a rendering in flight
        window.split.action.trigger()
        window.split.pane.request()
        app.processEvents()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    print(f"CYCLE {cycle}", flush=True)
print("DONE", flush=True)
