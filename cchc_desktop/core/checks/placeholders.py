"""Placeholders left in the text and required fields left empty.

Dots: clerks write "..." or "...." right after a word to mean "v.v." (etc.) — the reference
report does so four times ("tiền mặt...", "chào cờ đầu tháng...."), so that is NOT a
placeholder; nor is "..." closing a list after a comma ("tờ rơi, pa nô, ...", "(Zalo, Facebook, …)").  A fill-in blank is dots or "…" standing on their own (after a space, at the
start, inside brackets: "ngày … tháng", "[...]", "(…)") or a long run of five or more dots, and so
is a run of underscores ("Số: ____/BC", "ngày ___ tháng").
"xxx" and the template's "QUÝ/6 THÁNG/NĂM" are always placeholders, and so are a template's
guidance in brackets ("[…Nêu kết quả …]", core/templates.py) and its unfilled tokens ("{năm}").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import BlockRole, Report
from ..vietnamese import fold
from ..periods import find_period_phrases, is_placeholder_phrase
from .base import RULES, Context, Finding, Severity, rule, text_fields

PLACEHOLDER = re.compile(
    r"\[…[^\]\n]{0,600}\]"  # a template's guidance: "[…Nêu kết quả …]", any length
    r"|\{[^{}\n]{1,40}\}"  # a template token left unfilled: "{kỳ báo cáo}"
    r"|\[[^\]]{0,40}\]"  # [...], [tên xã]
    r"|(?<![\w.…])x{3,}(?![\w])"  # xxx, XXX
    r"|(?:^|(?<=[\s(\[/:]))(?:…+|\.{3,})"  # standing alone (but see _etc)
    r"|\.{5,}|…{2,}"  # a dotted fill-in line
    r"|(?<![^\W_])_{3,}(?![^\W_])",  # "Số: ____/BC", "ngày ___ tháng": an underlined blank
    re.IGNORECASE | re.MULTILINE,
)


def _etc(text: str, match: re.Match[str]) -> bool:
    """Dots closing a list: "tờ rơi, pa nô, ..." or "(Zalo, Facebook …)" mean "and so on"."""
    dots = match.group(0)
    if not (dots.startswith("…") or dots.startswith("...")) or len(dots) > 4:
        return False
    before = text[:match.start()].rstrip(" \u00a0")
    after = text[match.end():].lstrip(" \u00a0")
    if not before:
        return False
    if before[-1] in ",;":
        return "," in before[-60:-1] or ";" in before[-60:-1] or before[-1] == ","
    if not before[-1].isalpha():
        return False
    clause = re.split(r"[.:;(!?]", before)[-1]
    # "tờ rơi, pa nô ...", "(Zalo, Facebook …)": a list running into the dots
    return "," in clause and not after[:1] == ","


def placeholders_in(text: str) -> Iterator[tuple[int, int]]:
    # cheap substring tests first: the regex is slow on long text that has none of these
    if "…" in text or "..." in text or "[" in text or "{" in text or "xxx" in text.lower() or "___" in text:
        for match in PLACEHOLDER.finditer(text):
            if not _etc(text, match):
                yield match.start(), match.end()
    for phrase in find_period_phrases(text):
        if is_placeholder_phrase(phrase, text):
            yield phrase.start, phrase.end


@rule("placeholders.text", Severity.ERROR, "Còn chỗ trống/mẫu chưa điền (…, xxx, QUÝ/6 THÁNG/NĂM)")
def placeholders(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["placeholders.text"]
    for field, text in text_fields(report):
        for start, end in sorted(set(placeholders_in(text))):
            yield me.finding(f"Còn chỗ để trống chưa điền “{text[start:end]}”. "
                             "Điền nội dung thật hoặc xóa đi.", field, start, end)


@rule("required.fields", Severity.ERROR, "Thiếu trích yếu, người ký hoặc nơi nhận")
def required(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["required.fields"]
    if form_by_nature(report):
        return  # a statistical form or a price table sent alone has no subject nor signer of its own
    if not report.subject.strip():
        yield me.finding("Chưa có trích yếu (tên báo cáo). Nhập trích yếu ở thẻ Thông tin chung.", "subject")
    if not report.signature.name.strip():
        yield me.finding("Chưa có họ tên người ký. Nhập họ tên ở thẻ Chữ ký.", "signature.name")
    if report.elements.recipients and not any(line.strip() for line in report.recipients) and not internal_note(report):
        yield me.finding("Chưa có nơi nhận. Thêm nơi nhận, dòng cuối là “Lưu: VT, …”.", "recipients")


# names of documents that are a table by nature: "BIỂU SỐ 01", "BẢNG GIÁ", "PHỤ LỤC", "DANH SÁCH"
_FORM_NAMES = ("bieu", "bang", "phu luc", "danh sach", "mau so")


def form_by_nature(report: Report) -> bool:
    """A statistical form or a price table sent alone: its name says so, or it holds tables and
    no sentence of its own (only headings and tables)."""
    if fold(report.doc_name).strip().startswith(_FORM_NAMES):
        return True
    blocks = [b for part in report.parts for b in part.blocks]
    tables = report.appendices or any(b.role == BlockRole.TABLE for b in blocks)
    prose = any(b.role in (BlockRole.PARAGRAPH, BlockRole.BULLET) and b.text.strip() for b in blocks)
    return bool(tables) and not prose and not report.opening.strip() and not report.closing.strip()


def internal_note(report: Report) -> bool:
    """A note to the head of office: no Kính gửi, no number line, signed by "Người báo cáo"."""
    title = report.signature.title.strip().lower()
    return not sent_outside(report) and (not report.elements.number_line or "người báo cáo" in title
                                         or report.kind in ("weekly-work",))


def sent_outside(report: Report) -> bool:
    """The report goes to another office (it has a "Kính gửi"): Decree 30 then wants its
    number line and its Nơi nhận.  An internal note to the head of office needs neither."""
    return report.elements.addressees and any(a.strip() for a in report.addressees)


@rule("required.elements", Severity.ERROR, "Thiếu thành phần bắt buộc của văn bản gửi đi (số, nơi nhận)")
def required_elements(report: Report, context: Context) -> Iterator[Finding]:
    if not sent_outside(report):
        return
    me = RULES["required.elements"]
    if not report.elements.number_line:
        yield me.finding("Báo cáo gửi cơ quan khác (có “Kính gửi”) phải có dòng số, ký hiệu (Nghị định 30). "
                         "Bật “Số: …” trong thông tin chung.", "number")
    if not report.elements.recipients:
        yield me.finding("Báo cáo gửi cơ quan khác (có “Kính gửi”) phải có phần Nơi nhận (Nghị định 30). "
                         "Bật “Nơi nhận” ở thẻ Chữ ký.", "recipients")
