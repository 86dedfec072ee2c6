"""Last resort: an unexpected error saves the draft, is logged, and is shown in Vietnamese."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from cchc_desktop import logs

from . import dialogs

log = logging.getLogger("cchc_desktop.gui")


class CrashHandler:
    """Installed as sys.excepthook; ``save`` keeps the clerk's draft before anything else."""

    def __init__(self, save: Callable[[], None], parent_getter: Callable[[], object] = lambda: None) -> None:
        self._save = save
        self._parent = parent_getter
        self._busy = False

    def install(self) -> None:
        logs.setup_logging()
        sys.excepthook = self

    def __call__(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        target = logs.log_bug(value.with_traceback(tb), "window")
        if self._busy:  # an error inside the handler itself: logged, never loop
            return
        self._busy = True
        try:
            saved = True
            try:
                self._save()
            except Exception:  # the draft is what matters; keep going to tell the clerk
                saved = False
                log.exception("Saving after the error failed")
            text = (logs.bug_message(target) + " "
                    + ("Bản nháp đã được lưu." if saved else "Không lưu được bản nháp.")
                    + " Bấm “Chi tiết…” để xem và sao chép nội dung lỗi.")
            dialogs.error(self._parent(), text, details)
        finally:
            self._busy = False
