"""An autosave adds its revision on the writer thread: the history gets it, the clerk never waits."""

from __future__ import annotations

import threading

from cchc_desktop.store import revisions
from cchc_desktop.store.revisions import list_revisions

from .helpers import treat_sample_as_own, type_text


def test_an_autosave_revision_is_written_off_the_gui_thread(qtbot, open_window, monkeypatch) -> None:
    window = open_window()
    treat_sample_as_own(window)
    report_id = window.report.id
    threads: list[bool] = []
    started, released, answered = threading.Event(), threading.Event(), []
    real = revisions.add_revision

    def spy(db, report_id, reason, *args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        started.set()
        # A slow disk: the window must go on meanwhile (the test, on the GUI thread, releases it).
        answered.append(released.wait(3))
        return real(db, report_id, reason, *args, **kwargs)

    monkeypatch.setattr(revisions, "add_revision", spy)
    before = [r for r in list_revisions(window.db, report_id) if r.reason == revisions.AUTOSAVE]
    window.narrative.select_part(0)
    editor = window.narrative.editor
    editor.setFocus()
    type_text(editor, " Thêm")
    qtbot.waitUntil(started.is_set, timeout=5000)  # the save pause, then the revision
    released.set()
    qtbot.waitUntil(lambda: len([r for r in list_revisions(window.db, report_id)
                                 if r.reason == revisions.AUTOSAVE]) > len(before), timeout=5000)
    assert threads == [False] and answered == [True]
