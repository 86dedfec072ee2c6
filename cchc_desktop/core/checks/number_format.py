"""Numbers written wrong in running text.

- ``numbers.space_inside``: "1, 275 hồ sơ", "12. 340 hồ sơ" (a space splits one number);
- ``numbers.decimal_mark``: the report writes "1.234,5" and "87,63%", then "3.456.7 kg",
  "12.5%" or "1,234.5" (the English marks) somewhere; or it groups thousands with dots
  ("12.000") and once with a comma ("450,000 đồng");
- ``numbers.glued_unit``: "48,5g", "1.500.000đ", "715đồng" (Vietnamese writes a space
  between a figure and its unit; "10km", "15ha" on whole numbers stay accepted, as the
  typography rule has always said).  A report that glues its units everywhere (a price list)
  is told once, at the first place, with the count, not at every price.

Left alone: "50%" (the percent sign is written glued), "4G/5G", times "20h00", codes "2a",
lists "1, 2, 3", dates, document numbers, phone numbers, section numbers "2.1".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..model import Report
from .base import RULES, Context, Finding, Fix, Severity, rule
from .text_numbers import prose_with_figures

# "1, 275 hồ sơ": a 1–3 digit group, a mark, a space, exactly three digits, then a word
SPLIT = re.compile(r"(?<![\w.,/\-–])(\d{1,3})([.,]) (\d{3})(?![\d.,/])(?=\s+[^\W\d_])")
_LIST_BEFORE = re.compile(r"(?:\d\s*[,;]\s*|\b(?:tổ|khu|ấp|thôn|số|điểm|khoản|mục|điều|ngày|tháng|năm|quý|"
                          r"phường|xã|đội|lớp|khóa|khoá|lần|đợt)\s+)$", re.IGNORECASE)
_ENGLISH = re.compile(r"(?<![\w.,/\-–])(?:\d{1,3}\.\d{3}\.\d{1,2}|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,})"
                      r"(?![\w/]|[.,]\d)")
_DOT_DECIMAL = re.compile(r"(?<![\w.,/\-–])\d{1,3}\.\d{1,2}(?=\s*(?:%|kg|tấn|ha|km|m|lít|g)\b|\s*%)")
# "450,000 đồng": a comma grouping thousands before a unit that counts whole things
_COMMA_THOUSANDS = re.compile(r"(?<![\w.,/\-–])\d{1,3},\d{3}(?![\d.,])(?=\s*(?:đồng|đ(?!\w)|người|hộ(?!\w)|lượt|"
                              r"hồ\s+sơ|tài\s+khoản|cuộc|văn\s+bản|doanh\s+nghiệp|học\s+sinh|trẻ\s+em|"
                              r"đối\s+tượng|cán\s+bộ|thẻ|tin\s+bài))", re.IGNORECASE)
_DOT_THOUSANDS = re.compile(r"(?<![\w.,/\-–])\d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)")
_VI_DECIMAL = re.compile(r"(?<![\w.,/\-–])\d+(?:\.\d{3})*,\d+(?![\d.,])")
UNITS = ("đồng", "đ", "kg", "g", "tấn", "tạ", "km", "m2", "m²", "m3", "m³", "m", "ha", "lít", "ml",
         "cm", "mm", "triệu", "tỷ", "tỉ", "kw", "kwh")
GLUED = re.compile(r"(?<![\w.,/\-–])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)("
                   + "|".join(sorted(UNITS, key=len, reverse=True)) + r")(?![^\W_])")
_SPACED = re.compile(r"(?<![\w.,/\-–])\d[\d.,]*\s(?:" + "|".join(UNITS) + r")(?![^\W_])")


def _blocks(report: Report) -> Iterator[tuple[str, str]]:
    for field, text in prose_with_figures(report):
        if field.startswith("sections[") and ".table." not in field:  # tables: tables.number_format
            yield field, text


@lru_cache(maxsize=4096)  # a paragraph unchanged since the last check costs nothing
def _marks(text: str) -> tuple[int, tuple[re.Match[str], ...], tuple[re.Match[str], ...], int]:
    """Vietnamese decimals, English-style figures, glued units, spaced units in ``text``."""
    english = tuple(m for pattern in (_ENGLISH, _DOT_DECIMAL) for m in pattern.finditer(text)
                    if not re.search(r"(?:mục|điểm|khoản|phần|điều|tiết|số|phiên bản|version)\s*$",
                                     text[max(0, m.start() - 12):m.start()], re.IGNORECASE))
    glued = tuple(m for m in GLUED.finditer(text) if _glued_unit(m, text))
    return len(_VI_DECIMAL.findall(text)), english, glued, len(_SPACED.findall(text))


@lru_cache(maxsize=4096)
def _thousands(text: str) -> tuple[int, tuple[re.Match[str], ...]]:
    """Figures grouped with dots ("12.000"), and with a comma ("450,000 đồng")."""
    return len(_DOT_THOUSANDS.findall(text)), tuple(_COMMA_THOUSANDS.finditer(text))


@lru_cache(maxsize=4096)
def _splits(text: str) -> tuple[re.Match[str], ...]:
    """'1, 275 hồ sơ' (not "tổ 1, 275 hộ", not "1, 2, 3")."""
    if ", " not in text and ". " not in text:
        return ()
    return tuple(m for m in SPLIT.finditer(text)
                 if not _LIST_BEFORE.search(text[max(0, m.start() - 12):m.start()])
                 and not re.match(r"\s*[,;]\s*\d", text[m.end():]))


@rule("numbers.space_inside", Severity.WARNING, "Khoảng trắng chen vào giữa một con số")
def space_inside(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["numbers.space_inside"]
    for field, text in _blocks(report):
        for match in _splits(text):
            fixed = f"{match.group(1)}.{match.group(3)}"
            yield me.finding(f"“{match.group(0)}” có khoảng trắng giữa con số; "
                             f"có phải là “{fixed}”?", field, match.start(), match.end(),
                             fixes=(Fix(f"Sửa thành “{fixed}”", field, match.start(), match.end(), fixed),))


@rule("numbers.decimal_mark", Severity.WARNING, "Dấu thập phân, dấu phân cách hàng nghìn không thống nhất")
def decimal_mark(report: Report, context: Context) -> Iterator[Finding]:
    """Only when the report itself writes decimals the Vietnamese way elsewhere."""
    fields = list(_blocks(report))
    vietnamese = sum(_marks(text)[0] - len(_thousands(text)[1]) for _f, text in fields)
    dots = sum(_thousands(text)[0] for _f, text in fields)
    me = RULES["numbers.decimal_mark"]
    for field, text in fields:
        found = (_marks(text)[1] if vietnamese > 0 else ()) + (_thousands(text)[1] if dots else ())
        if not found:
            continue
        first = min(found, key=lambda m: m.start())
        more = f" (và {len(found) - 1} chỗ khác trong đoạn)" if len(found) > 1 else ""
        yield me.finding(f"“{first.group(0)}”{more} viết dấu thập phân, dấu phân cách "
                         "khác phần còn lại của báo cáo (dấu phẩy ngăn phần thập phân, dấu chấm ngăn "
                         "hàng nghìn, ví dụ 1.234,5).", field, first.start(), first.end())


_WORD_UNITS = frozenset(("đồng", "đ", "tấn", "tạ", "lít", "triệu", "tỷ", "tỉ"))


def _glued_unit(match: re.Match[str], text: str) -> bool:
    """Money and unit words glued ("1.500.000đ", "715đồng"); a symbol unit only after a decimal
    ("48,5g"): "10km", "15ha" on whole numbers are accepted (``typography.glued_number``)."""
    unit = match.group(2)
    if unit in _WORD_UNITS:
        return True
    return "," in match.group(1) and not re.match(r"\d", text[match.end():match.end() + 1] or " ")


@rule("numbers.glued_unit", Severity.WARNING, "Con số viết liền với đơn vị")
def glued_unit(report: Report, context: Context) -> Iterator[Finding]:
    fields = list(_blocks(report))
    found = [(field, match) for field, text in fields for match in _marks(text)[2]]
    if not found:
        return
    me = RULES["numbers.glued_unit"]
    spaced = sum(_marks(text)[3] for _f, text in fields)
    if len(found) > 3 and len(found) > spaced:
        field, match = found[0]  # the report's own habit: tell it once
        yield me.finding(f"“{match.group(0)}” và {len(found) - 1} chỗ khác viết liền con số "
                         f"với đơn vị; viết cách một khoảng trắng (“{match.group(1)} {match.group(2)}”).",
                         field, match.start(), match.end())
        return
    for field, match in found:
        fixed = f"{match.group(1)} {match.group(2)}"
        yield me.finding(f"“{match.group(0)}” viết liền con số với đơn vị; "
                         f"viết “{fixed}”.", field, match.start(), match.end(),
                         fixes=(Fix(f"Sửa thành “{fixed}”", field, match.start(), match.end(), fixed),))
