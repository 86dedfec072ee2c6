"""An imported report passes the rules of the JSON exchange import before it is stored.

Everything the .docx reader meets is untrusted, so the Report it builds goes through the same
gate as an exchange file: ``core.codec.report_to_dict`` → ``store.limits`` → the published
JSON Schema → ``core.codec.report_from_dict``.  What comes out is what every later command
reads back.  A value the recogniser took from the text that the format cannot hold (a date
line "ngày 45 tháng 13", a period "tháng 0") is blanked with a line in the import report,
so the clerk's report still comes in; a report past the limits is refused with the limit's
own sentence.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from ..core.codec import FormatError, report_from_dict, report_to_dict
from ..core.model import Report
from ..store import limits
from ..store.exchange import FORMAT, VERSION
from ..store.exchange_schema import validate
from .safety import ImportRefused
from .structure import Entry

YEARS = (1900, 2999)  # what the format takes for a year
_PERIOD_HIGH = {"month": 12, "quarter": 4, "week": 6}


def admitted(report: Report, name: str) -> tuple[Report, list[Entry]]:
    """(the report as the exchange import would read it, the import-report lines for what was blanked).

    Raises ImportRefused (one Vietnamese sentence) for a report past the limits or one the
    format refuses for a reason that blanking a field cannot mend."""
    data = report_to_dict(report)
    notes: list[Entry] = []
    _mend_date(data, notes)
    _mend_period(data, notes)
    try:
        limits.check_document(data, name)
    except limits.LimitError as error:
        raise ImportRefused(str(error)) from None
    try:
        validate({"format": FORMAT, "version": VERSION, "report": data})
        return report_from_dict(data), notes
    except FormatError as error:
        raise ImportRefused(f"Tệp “{name}” cho ra dữ liệu không hợp lệ ({error}); hãy mở bằng Word, kiểm tra"
                            " lại phần đó rồi nhập lại.") from None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _mend_date(data: dict, notes: list[Entry]) -> None:
    found = data.get("date")
    if not isinstance(found, dict):
        return
    year, month, day = _int(found.get("year")), _int(found.get("month")), _int(found.get("day"))
    typed = f"ngày {day if day is not None else '…'} tháng {month if month is not None else '…'} năm {year}"
    blanked = []
    if year is None or not YEARS[0] <= year <= YEARS[1]:
        period = data.get("period") if isinstance(data.get("period"), dict) else {}
        fallback = _int(period.get("year"))
        found["year"] = fallback if fallback is not None and YEARS[0] <= fallback <= YEARS[1] else date.today().year
        blanked.append(f"năm (lấy {found['year']})")
    if month is not None and not 1 <= month <= 12:
        found["month"] = month = None
        blanked.append("tháng")
    if day is not None and not 1 <= day <= 31:
        found["day"] = day = None
        blanked.append("ngày")
    if day is not None and month is not None and day > calendar.monthrange(found["year"], month)[1]:
        found["day"] = None  # "ngày 30 tháng 2"
        blanked.append("ngày")
    if blanked:
        notes.append(Entry("dòng ngày tháng", f"Ngày ban hành không có thật: bỏ trống {', '.join(blanked)};"
                           " hãy nhập lại ngày đúng.", typed, kind="note", target="header"))


def _mend_period(data: dict, notes: list[Entry]) -> None:
    period = data.get("period")
    if not isinstance(period, dict):
        return
    blanked = []
    year = _int(period.get("year"))
    if year is None or not YEARS[0] <= year <= YEARS[1]:
        period["year"] = date.today().year
        blanked.append(f"năm (lấy {period['year']})")
    index = _int(period.get("index"))
    if index is not None and not 1 <= index <= _PERIOD_HIGH.get(period.get("kind"), 99):
        period["index"] = None
        blanked.append("số thứ tự của kỳ")
    month = _int(period.get("month"))
    if month is not None and not 1 <= month <= 12:
        period["month"] = None
        blanked.append("tháng")
    if blanked:
        notes.append(Entry("kỳ báo cáo", f"Kỳ báo cáo đọc được không có thật: bỏ trống {', '.join(blanked)};"
                           " hãy chọn lại kỳ báo cáo.", str(period.get("label") or ""), kind="note",
                           target="header"))
