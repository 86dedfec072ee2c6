"""A report whose stored document cannot be read: the others go on, and this one's history is
offered (SQLite's integrity check can be "ok" while one row's JSON is broken)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from . import dialogs

if TYPE_CHECKING:
    from .window_api import Window

log = logging.getLogger(__name__)


def is_damaged(db, report_id: int) -> bool:
    """True when the stored document is not JSON at all (the codec's finer refusals come later,
    as a StoreError from load_report, and lead here too)."""
    row = db.execute("SELECT json_valid(document) FROM reports WHERE id = ?", [report_id]).fetchone()
    return row is not None and not row[0]


def newest_readable_revision(db, report_id: int):
    """(summary, report) of the newest revision that can be read, or None."""
    from cchc_desktop.store.database import StoreError
    from cchc_desktop.store.revisions import list_revisions, load_revision

    for summary in list_revisions(db, report_id):
        try:
            return summary, load_revision(db, summary.id)
        except StoreError:
            continue
    return None


def offer_revisions(window: Window, report_id: int) -> bool:
    """Say what is wrong and, when the history has a readable copy, offer to bring it back.
    True when the report was restored and opened."""
    from cchc_desktop.store import revisions

    subject = window.db.execute("SELECT subject FROM reports WHERE id = ?", [report_id]).fetchone()
    name = f"“{subject[0]}”" if subject and subject[0] else f"số {report_id}"
    found = newest_readable_revision(window.db, report_id)
    text = f"Nội dung đã lưu của báo cáo {name} bị hỏng, không đọc được."
    if found is None:
        dialogs.error(window, text + " Lịch sử của nó không có bản lưu nào đọc được; hãy khôi phục "
                                     "từ một bản sao lưu (Tệp → Khôi phục…). Các báo cáo khác không bị ảnh hưởng.")
        return False
    summary, _report = found
    when = summary.created_at.replace("T", " ")
    if not ask_restore(window, text + f"\n\nCó bản lưu lúc {when} trong lịch sử. Khôi phục bản đó để tiếp tục?"):
        return False
    try:
        window.actions._write(lambda db: revisions.restore_revision(db, summary.id))
    except Exception as error:  # noqa: BLE001 - one sentence for the clerk, details in the log
        log.exception("Could not restore revision %s", summary.id)
        dialogs.error(window, f"Không khôi phục được bản lưu: {error}")
        return False
    window.refresh_list()
    window.open_report(report_id)
    window.statusBar().showMessage(f"Đã khôi phục báo cáo {name} từ bản lưu lúc {when}.", 10000)
    return True


def ask_restore(window: Window, text: str) -> bool:
    """Có / Không (tests replace this function)."""
    return dialogs.confirm(window, text, default_yes=True)
