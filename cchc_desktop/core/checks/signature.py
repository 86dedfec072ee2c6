"""Signature block: authority line, title and name must fit together.

"KT. CHỦ TỊCH" means a deputy signs for the head: the title must then be "PHÓ CHỦ TỊCH";
a deputy title without "KT." is the opposite mistake.  The empty name is required.fields'."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from ..model import Report
from ..vietnamese import fold
from .base import RULES, Context, Finding, Fix, Severity, rule

# "KT.GIÁM ĐỐC", "TM.UBND": the abbreviation glued to the title (Decree 30 writes "KT. GIÁM ĐỐC")
_GLUED_AUTHORITY = re.compile(r"\s*(KT|TM|TL|TUQ|Q)\.(?=[^\W\d_])", re.IGNORECASE)


@rule("signature.consistency", Severity.ERROR, "Thẩm quyền ký, chức vụ và họ tên không khớp")
def consistency(report: Report, context: Context) -> Iterator[Finding]:
    sig, me = report.signature, RULES["signature.consistency"]
    lines = [(i, line) for i, line in enumerate(sig.authority) if line.strip()]
    title = fold(sig.title).strip()
    deputy_for = [(i, fold(line)[3:].strip()) for i, line in lines if fold(line).startswith("kt.")]
    if deputy_for:
        i, head = deputy_for[-1]
        if not title:
            yield me.finding(f"Có “{sig.authority[i].strip()}” nhưng chưa có chức vụ người ký (cấp phó).",
                             "signature.title")
        elif title != f"pho {head}" and not title.startswith("pho "):
            yield me.finding(f"“{sig.authority[i].strip()}” là cấp phó ký thay; chức vụ “{sig.title}” phải là "
                             f"“PHÓ {sig.authority[i].strip()[3:].strip()}”.", "signature.title", 0, len(sig.title))
    elif title.startswith("pho ") and lines and not any(fold(line).startswith(("q.", "tl.", "tuq.")) for _i, line in lines):
        finding = me.finding(f"Chức vụ “{sig.title}” là cấp phó: thêm dòng “KT. …” (ký thay) vào thẩm quyền ký.",
                             "signature.title", 0, len(sig.title))
        if any(fold(line).startswith("tm.") for _i, line in lines):
            # "TM. BAN CHỈ ĐẠO / PHÓ TRƯỞNG BAN": a collective body's deputy; offices differ on
            # the "KT." line there, so the reader is asked, not told
            finding = dataclasses.replace(finding, severity=Severity.WARNING)
        yield finding
    for i, line in lines:
        glued = _GLUED_AUTHORITY.match(line)
        if glued:
            fixed = f"{glued.group(1)}. {line[glued.end():].lstrip()}"
            finding = me.finding(f"“{line.strip()}”: sau “{glued.group(1)}.” phải có dấu cách (“{fixed.strip()}”).",
                                 f"signature.authority[{i}]", 0, len(line),
                                 fixes=(Fix(f"Sửa thành “{fixed.strip()}”", f"signature.authority[{i}]", 0, len(line),
                                            fixed),))
            yield dataclasses.replace(finding, severity=Severity.WARNING)
    if sig.name.strip() and sig.name.strip() == sig.name.strip().upper() and any(c.isalpha() for c in sig.name):
        finding = me.finding("Họ tên người ký viết thường có hoa đầu chữ (ví dụ “Lê Thị Sáu”), không viết in hoa cả.",
                             "signature.name", 0, len(sig.name))
        yield dataclasses.replace(finding, severity=Severity.STYLE)  # typography: no reason to send it back
