"""Nơi nhận: "Như trên" when there is a "Kính gửi", "Lưu: VT, …" last, ';' and '.' at line ends."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Report
from ..vietnamese import fold
from .base import RULES, Context, Finding, Fix, Severity, rule


def _lines(report: Report) -> list[tuple[int, str]]:
    if not report.elements.recipients:
        return []  # a report without Nơi nhận (internal note): required.elements decides
    return [(i, line) for i, line in enumerate(report.recipients) if line.strip()]


AS_ABOVE = ("nhu tren", "nhu kinh gui", "nhu k/g", "nhu kg")


@rule("recipients.archive", Severity.ERROR, "Nơi nhận thiếu “Lưu: VT” ở dòng cuối")
def archive(report: Report, context: Context) -> Iterator[Finding]:
    lines = _lines(report)
    if not lines:
        return  # required.fields reports the empty list
    i, last = lines[-1]
    folded = fold(last)
    if not folded.startswith("luu"):
        yield RULES["recipients.archive"].finding(
            "Dòng cuối của nơi nhận phải là “Lưu: VT, …” (bản lưu ở văn thư).", f"recipients[{i}]", 0, len(last))
    elif not re.search(r"\bvt\b|van thu", folded):
        yield RULES["recipients.archive"].finding(
            f"“{last.strip()}” thiếu VT: văn thư phải lưu một bản. Sửa thành “Lưu: VT, …”.",
            f"recipients[{i}]", 0, len(last))


@rule("recipients.as_above", Severity.WARNING, "Có “Kính gửi” mà nơi nhận thiếu “Như trên”")
def as_above(report: Report, context: Context) -> Iterator[Finding]:
    if not report.elements.addressees or not any(a.strip() for a in report.addressees):
        return
    lines = _lines(report)
    if not lines:
        return
    if not any(fold(line).lstrip("- ").startswith(AS_ABOVE) for _i, line in lines):
        yield RULES["recipients.as_above"].finding(
            "Báo cáo có “Kính gửi” nên dòng đầu nơi nhận là “Như trên;”.", "recipients[0]" if lines else "recipients")


@rule("recipients.punctuation", Severity.WARNING, "Dấu cuối dòng nơi nhận (; và .)")
def punctuation(report: Report, context: Context) -> Iterator[Finding]:
    lines = _lines(report)
    me = RULES["recipients.punctuation"]
    for n, (i, line) in enumerate(lines):
        text = line.rstrip()
        want = "." if n == len(lines) - 1 else ";"
        if not text.endswith(want):
            what = "dấu chấm (.)" if want == "." else "dấu chấm phẩy (;)"
            cut = len(text) - 1 if text[-1:] in ".;,:" else len(text)
            fix = Fix(f"Kết thúc bằng “{want}”", f"recipients[{i}]", cut, len(line), want)
            yield me.finding(f"Dòng nơi nhận “{text}” phải kết thúc bằng {what}.",
                             f"recipients[{i}]", max(len(text) - 1, 0), len(text), fixes=(fix,))
