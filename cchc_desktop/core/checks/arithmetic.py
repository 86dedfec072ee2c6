"""The sums a head of office does with a pencil, on the running text.

- ``arithmetic.share``: "4.512/5.230 hồ sơ, đạt 87,63%" (it is 86,27%); a fraction written
  upside down ("5.230/4.512 (115,9%)"); "đạt tỷ lệ %" with no figure.
- ``arithmetic.total``: "12.340 hồ sơ trực tuyến và 2.115 hồ sơ trực tiếp, tổng số 14.445 hồ sơ"
  (= 14.455); a "trong đó" part larger than its whole.
- ``arithmetic.series``: one year's figures copied to another year ("năm 2021: 512 vụ/730 đối
  tượng; năm 2022: 512 vụ/730 đối tượng"); "tăng 150 hồ sơ so với … (1.100 hồ sơ)" that is
  not the difference of the two figures.

Precision first: any doubt (another base, a target, a range, a figure that fits some other
reading) and nothing is said.  The rounding the text uses is allowed: a share written with
d decimals may be off by less than one unit of its last decimal (rounded or truncated).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from itertools import combinations

from ..model import Report
from .base import RULES, Context, Finding, Severity, rule
from .text_numbers import (LOOSE_NUMBER, NUMBER, PERCENT, Fraction, Quantity, decimals, fractions, prose_with_figures,
                           quantities, sentences,
                           value, vi)

# a share of another base, a target or a growth: its percentage is not part/whole
OTHER_BASE = re.compile(r"tăng|giảm|so\s+với|kế\s+hoạch|chỉ\s+tiêu|cùng\s+kỳ|vượt|trong\s+đó|còn\s+lại|"
                        r"phấn\s+đấu|mục\s+tiêu|dự\s+kiến|bình\s+quân|trung\s+bình|lũy\s+kế|luỹ\s+kế",
                        re.IGNORECASE)
# a sentence about an estimate or a plan: more than 100% of it is an achievement, not a slip
PLAN = re.compile(r"dự\s+toán|kế\s+hoạch|chỉ\s+tiêu|được\s+giao|vượt|so\s+với|tăng|cùng\s+kỳ|\bước\b",
                  re.IGNORECASE)
_PERCENT_SIGN = re.compile("%")
TARGET = re.compile(r"phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|dự\s+kiến|kế\s+hoạch|định\s+hướng", re.IGNORECASE)
# the words that announce a fraction's own share, right before the percentage
SHARE_WORD = re.compile(r"(?:\(|đạt|tỷ\s+lệ|tỉ\s+lệ|chiếm|bằng|là|=|:|,)\s*$", re.IGNORECASE)
_NEAR = 160  # characters between a fraction and its share (no other figure between them)


# ------------------------------------------------------------------ shares

def _share_after(text: str, end: int, stop: int) -> re.Match[str] | None:
    """The percentage that states the fraction ending at ``end``: the next figure of the sentence."""
    limit = min(stop, end + _NEAR)
    number = NUMBER.search(text, end, limit)
    percent = PERCENT.search(text, end, limit)
    if percent is None or (number is not None and number.start() < percent.start()):
        return None
    if OTHER_BASE.search(text, end, percent.start()) or not SHARE_WORD.search(text, max(end, percent.start() - 20),
                                                                             percent.start()):
        return None  # "45/50 điểm, tỷ lệ hài lòng 95%": another measure
    if re.match(r"\s*[-–]\s*\d", text[percent.end():]) or re.search(r"[-–]\s*$", text[end:percent.start()]):
        return None  # a range of percentages
    return percent


SHARE_THEN_BRACKET = re.compile(r"(?<![\w/.,\-–+])(\d+(?:,\d+)?)\s*%\s*\(\s*(?:[^\W\d_]+\s+){0,4}$")


def _share_before(text: str, start: int, sentence: int) -> re.Match[str] | None:
    """'đạt tỷ lệ 86,27% (4.512/5.230 hồ sơ)': the share just before the bracket."""
    lo = max(sentence, start - 60)
    match = SHARE_THEN_BRACKET.search(text, lo, start)
    if match is None or OTHER_BASE.search(text, max(sentence, match.start() - 30), match.start()):
        return None
    return match


def _fits(share: Decimal, written: str) -> bool:
    said = value(written)
    return said is not None and abs(share - said) < Decimal(1).scaleb(-decimals(written))


OVER = re.compile(r"(?<!\w)trên\s+(?:tổng\s+số|tổng)\s+", re.IGNORECASE)


def _over_total(text: str, start: int, stop: int) -> Iterator[Fraction]:
    """'3.065 hồ sơ … trên tổng số 3.416 hồ sơ …, đạt tỷ lệ 89,7%' read as 3.065/3.416."""
    counts = quantities(text[start:stop])
    for match in OVER.finditer(text, start, stop):
        whole = next((q for q in counts if q.start == match.end() - start), None)
        before = [q for q in counts if q.end <= match.start() - start]
        if whole is None or not before or not _same_unit(before[-1], whole):
            continue
        part = before[-1]
        if NUMBER.search(text, start + part.end, match.start()) or OTHER_BASE.search(text, start + part.end, match.start()):
            continue
        yield Fraction(start + part.start, start + whole.end, part.value, whole.value,
                       f"{part.text}/{whole.text}")


def share_slips(text: str) -> Iterator[tuple[int, int, str]]:
    for start, stop in sentences(text):
        found = [f for f in fractions(text[:stop]) if f.start >= start] + list(_over_total(text, start, stop))
        for fraction in found:
            if not fraction.whole:
                continue  # "trên tổng số 0 hồ sơ"
            if TARGET.search(text, start, fraction.start):
                continue  # "phấn đấu 45/50 xã đạt 95%": a plan's target
            percent = _share_after(text, fraction.end, stop) or _share_before(text, fraction.start, start)
            if percent is None:
                continue
            written = percent.group(1)
            share = fraction.part / fraction.whole * 100
            places = max(decimals(written), 0 if share == share.to_integral_value() else 1)
            upside = fraction.whole / fraction.part * 100 if fraction.part else share
            if fraction.part > fraction.whole and (_fits(upside, written) or not PLAN.search(text, start, stop)):
                # the share is right and the fraction swapped, or a share of more than the whole
                yield min(fraction.start, percent.start()), max(fraction.end, percent.end()), (
                    f"“{fraction.text}” có tử số lớn hơn mẫu số ({vi(share, places)}%): "
                    f"phân số có bị viết ngược không (đúng ra {vi(fraction.whole, 0)}/{vi(fraction.part, 0)}"
                    f" = {vi(upside, places)}%)? Kiểm tra lại.")
            elif not _fits(share, written):
                yield min(fraction.start, percent.start()), max(fraction.end, percent.end()), (
                    f"“{fraction.text}” là {vi(share, places)}%, nhưng văn bản ghi {written}%. "
                    "Tính lại tỷ lệ hoặc sửa số liệu.")


EMPTY_SHARE = re.compile(r"(?<!\w)(?:đạt|chiếm)(?:\s+(?:tỷ|tỉ)\s+lệ)?\s*(?:là\s*)?%", re.IGNORECASE)


@rule("arithmetic.share", Severity.WARNING, "Tỷ lệ phần trăm không khớp với phân số")
def share(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["arithmetic.share"]
    for field, text in prose_with_figures(report, _PERCENT_SIGN):
        for start, end, message in _shares(text):
            yield me.finding(message, field, start, end)


@lru_cache(maxsize=4096)  # a paragraph unchanged since the last check costs nothing
def _shares(text: str) -> tuple[tuple[int, int, str], ...]:
    found = list(share_slips(text)) + _within(text, "share")
    found += [(m.start(), m.end(), f"“{m.group(0)}” chưa có con số tỷ lệ. Ghi số liệu.")
              for m in EMPTY_SHARE.finditer(text)]
    return tuple(found)


# ------------------------------------------------------------------ totals

TOTAL = re.compile(r"(?<!\w)(?:tổng\s+số|tổng\s+cộng|tổng|cộng|tất\s+cả)(?:\s+(?:là|có|được|gồm))?\s*:?\s*"
                   r"(?=\d)", re.IGNORECASE)
LIST_START = re.compile(r"(?<!\w)gồm\s*:?|:", re.IGNORECASE)
# clauses whose figures are not parts of one whole
NOT_PARTS = re.compile(r"trong\s+đó|lũy\s+kế|luỹ\s+kế|cùng\s+kỳ|so\s+với|tăng|giảm|kế\s+hoạch|chỉ\s+tiêu|"
                       r"còn\s+lại|tồn|năm\s+trước|kỳ\s+trước|tháng\s+trước|phấn\s+đấu|dự\s+kiến|khoảng|gần|"
                       r"hơn|trên|dưới|tối\s+đa|tối\s+thiểu|bình\s+quân|đạt\s+tỷ\s+lệ|"
                       r"\.\.|…|v\.v|\bvv\b|\bkhác\b", re.IGNORECASE)  # "…", "v.v.", "… khác": the list goes on


def _same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit.split()[0] == b.unit.split()[0]


def _close(parts_sum: Decimal, total: Decimal) -> bool:
    """A slip, not a different reckoning: off by at most a quarter, or in one digit."""
    if abs(parts_sum - total) * 4 <= max(parts_sum, total):
        return True
    a, b = str(parts_sum), str(total)
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def _subset_fits(values: list[Decimal], total: Decimal) -> bool:
    if len(values) > 10:
        return True  # too many to be sure: say nothing
    return any(sum(c) == total for n in range(1, len(values)) for c in combinations(values, n))


def total_slips(text: str) -> Iterator[tuple[int, int, str]]:
    for start, stop in sentences(text):
        sentence = text[start:stop]
        if not TOTAL.search(sentence):
            continue
        counts = [q for q in quantities(sentence) if not re.fullmatch(r"(?:19|20)\d\d", q.text)]
        for match in TOTAL.finditer(sentence):
            total = next((q for q in counts if q.start == match.end()), None)
            if total is None:
                continue
            before = sentence[:match.start()]
            opening = max([m.end() for m in LIST_START.finditer(before)] + [0])
            yield from _check_parts(text, start, sentence, counts, total, opening, match.start(), before=True)
            after = LIST_START.match(sentence, total.end + len(total.unit) + 1) or \
                re.match(r"\s*,?\s*gồm\s*:?", sentence[total.end + len(total.unit) + 1:])
            if after:
                yield from _check_parts(text, start, sentence, counts, total, total.end, len(sentence), before=False)


def _check_parts(text: str, offset: int, sentence: str, counts: list[Quantity], total: Quantity,
                 lo: int, hi: int, *, before: bool) -> Iterator[tuple[int, int, str]]:
    if before:
        if NOT_PARTS.search(sentence, lo, hi):
            return
        parts = [q for q in counts if lo <= q.start < hi and _same_unit(q, total)]
    else:
        head = re.match(r"\s*(?:\S+\s+){0,4}?\S*?\s*,?\s*gồm\s*:?", sentence[total.end:hi])
        if head is None:
            return
        lo = total.end + head.end()
        if NOT_PARTS.search(sentence, lo, hi):
            return
        parts = [q for q in counts if lo <= q.start < hi and _same_unit(q, total)]
    others = [q for q in counts if lo <= q.start < hi and not _same_unit(q, total)]
    if len(parts) < 2 or len(others) > len(parts):
        return
    values = [q.value for q in parts]
    got = sum(values)
    if got == total.value or total.value in values or not _close(got, total.value) \
            or _subset_fits(values, total.value):
        return
    listing = " + ".join(q.text for q in parts)
    yield offset + min(parts[0].start, total.start), offset + max(parts[-1].end, total.end), (
        f"tổng “{total.text} {total.unit}” khác cộng các phần {listing} = {vi(got, 0)}. "
        "Cộng lại và sửa số liệu.")


WITHIN = re.compile(r"(?<!\w)trong\s+đó\s*[:,]?\s*", re.IGNORECASE)


def _whole_before(text: str, pos: int) -> tuple[Quantity, tuple[int, int] | None] | None:
    """The whole a "trong đó" at ``pos`` speaks of: the last count of the clause before it,
    stepping over one bracket right before it ("5.264 hồ sơ (4.031 … và 1.233 …), trong đó");
    None when that count is an item of a list or another base comes between."""
    lo = max(0, pos - 300)
    head = text[lo:pos].rstrip(" ,:")
    group = None
    if head.endswith(")") and "(" in head:
        opening = head.rindex("(")
        group = (lo + opening + 1, lo + len(head) - 1)
        head = head[:opening]
    wholes = quantities(head)
    if not wholes:
        return None
    whole = wholes[-1]
    between = head[whole.end:]
    if re.search(r"(?:\bvà|,|\()\s*$", head[:whole.start]) or re.search(r"[;.:()%]", between) or \
            OTHER_BASE.search(between) or between.count(",") > 1 or len(between) > 80:
        return None  # the last item of a list, or another clause
    shifted = Quantity(lo + whole.start, lo + whole.end, whole.value, whole.text, whole.unit)
    return shifted, group


def _group_sum(text: str, whole: Quantity, group: tuple[int, int]) -> Iterator[tuple[int, int, str]]:
    """'5.264 hồ sơ (4.031 hồ sơ … và 1.233 hồ sơ …)': an enumeration ("và", "gồm") must add up."""
    inside = text[group[0]:group[1]]
    if not re.search(r"\bvà\b|^\s*gồm", inside) or NOT_PARTS.search(inside) or "%" in inside:
        return
    parts = [q for q in quantities(inside) if _same_unit(q, whole)]
    others = [q for q in quantities(inside) if not _same_unit(q, whole)]
    if len(parts) < 2 or others:
        return
    values = [q.value for q in parts]
    got = sum(values)
    if got == whole.value or not _close(got, whole.value) or _subset_fits(values, whole.value):
        return
    yield whole.start, group[1] + 1, (
        f"“{whole.text} {whole.unit}” khác cộng các phần trong ngoặc "
        f"{' + '.join(q.text for q in parts)} = {vi(got, 0)}. Cộng lại và sửa số liệu.")


SHARE_AFTER_PART = re.compile(r"[^.;%()]{0,60}?[(,]\s*(?:đạt|chiếm)\s+(?:tỷ\s+lệ\s+|tỉ\s+lệ\s+)?"
                              r"(\d+(?:,\d+)?)\s*%", re.IGNORECASE)


def within_slips(text: str) -> Iterator[tuple[int, int, str, str]]:
    """'45 xã, trong đó 52 xã …': a part larger than its whole; 'trong đó: 4.568 hồ sơ đã trả
    kết quả (đạt tỷ lệ 86,8%)': the share of that part in the whole."""
    for match in WITHIN.finditer(text):
        found = _whole_before(text, match.start())
        if found is None:
            continue
        whole, _group = found
        rest = text[match.end():match.end() + 200]
        parts = quantities(rest)
        if not parts or parts[0].start > 25 or not _same_unit(parts[0], whole):
            continue
        part = parts[0]
        if re.match(r"\s*%", rest[part.end:]):
            continue
        end = match.end() + part.end
        if part.value > whole.value:
            yield whole.start, end, (
                f"phần “trong đó {part.text} {part.unit}” lớn hơn tổng “{whole.text} {whole.unit}”. "
                "Kiểm tra lại số liệu."), "total"
            continue
        share = SHARE_AFTER_PART.match(text, end)
        if share and whole.value and not OTHER_BASE.search(text, end, share.start(1)) \
                and not _fits(part.value / whole.value * 100, share.group(1)):
            places = max(decimals(share.group(1)), 1)
            yield whole.start, share.end(), (
                f"“{part.text}” trên tổng “{whole.text} {whole.unit}” là "
                f"{vi(part.value / whole.value * 100, places)}%, nhưng văn bản ghi {share.group(1)}%. "
                "Tính lại tỷ lệ hoặc sửa số liệu."), "share"


@rule("arithmetic.total", Severity.WARNING, "Tổng không bằng cộng các phần")
def total(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["arithmetic.total"]
    for field, text in prose_with_figures(report):
        for start, end, message in _totals(text):
            yield me.finding(message, field, start, end)


@lru_cache(maxsize=4096)
def _totals(text: str) -> tuple[tuple[int, int, str], ...]:
    found = list(total_slips(text)) if TOTAL.search(text) else []
    return tuple(found + _within(text, "total") + list(bracket_slips(text)))


def bracket_slips(text: str) -> Iterator[tuple[int, int, str]]:
    """A count followed by its enumeration in brackets: "5.264 hồ sơ (4.031 … và 1.233 …)"."""
    for match in re.finditer(r"\)", text):
        found = _whole_before(text, match.end())
        if found is not None and found[1] is not None:
            yield from _group_sum(text, *found)


def _within(text: str, kind: str) -> list[tuple[int, int, str]]:
    if not WITHIN.search(text):
        return []
    return [(a, b, message) for a, b, message, k in within_slips(text) if k == kind]


# ------------------------------------------------------------------ series

YEAR_HEAD = re.compile(r"(?<!\w)(?:năm\s+((?:19|20)\d\d)|(?:tháng|quý)\s+(?:\d{1,2}|[IV]{1,3})(?:/(?:19|20)\d\d)?)"
                       r"\s*[:,]?", re.IGNORECASE)


def copied_years(text: str) -> Iterator[tuple[int, int, str]]:
    """'năm 2021: 512 vụ/730 đối tượng; năm 2022: 512 vụ/730 đối tượng' (also months, quarters)."""
    heads = list(YEAR_HEAD.finditer(text))
    seen: dict[tuple[Decimal, ...], tuple[str, int]] = {}
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else min(len(text), head.end() + 120)
        chunk = text[head.end():end]
        if re.search(r"[.\n]\s", chunk[:-1]) and i + 1 >= len(heads):
            chunk = re.split(r"[.\n]\s", chunk)[0]
        figures = tuple(value(m.group(1)) for m in LOOSE_NUMBER.finditer(chunk)
                        if not re.fullmatch(r"(?:19|20)\d\d", m.group(1))
                        and not re.match(r"/\s*(?:19|20)\d\d", chunk[m.end():]))
        if len(figures) < 2 or None in figures or not (max(figures) >= 100 or sum(f >= 20 for f in figures) >= 2):
            continue  # small routine counts (3 hội nghị, 12 tin bài) may well repeat
        year = head.group(0).rstrip(" :,").lower()
        if figures in seen and seen[figures][0] != year and seen[figures][0].split()[0] == year.split()[0]:
            listing = ", ".join(m.group(1) for m in LOOSE_NUMBER.finditer(chunk))
            yield head.start(), head.start() + len(head.group(0)) + len(chunk.rstrip(" ;,")), (
                f"số liệu {year} ({listing}) trùng hệt {seen[figures][0]}: có phải chép nhầm? Kiểm tra lại.")
        seen.setdefault(figures, (year, head.start()))


CHANGE = re.compile(r"(?<!\w)(tăng|giảm)\s+(?:thêm\s+)?", re.IGNORECASE)


def change_slips(text: str) -> Iterator[tuple[int, int, str]]:
    """'1.250 hồ sơ, tăng 150 hồ sơ so với cùng kỳ (1.100 hồ sơ)': 1.250 − 1.100 must be 150."""
    for start, stop in sentences(text):
        sentence = text[start:stop]
        counts = quantities(sentence)
        for match in CHANGE.finditer(sentence):
            step = next((q for q in counts if q.start == match.end()), None)
            if step is None:
                continue
            now = [q for q in counts if q.end <= match.start() and match.start() - q.end <= 40
                   and _same_unit(q, step)]
            later = sentence[step.end:step.end + 90]
            compare = re.match(r"[^.;()]{0,30}?so\s+với[^.;()]{0,50}?\(\s*", later)
            if not now or compare is None:
                continue
            then = next((q for q in counts if q.start == step.end + compare.end()), None)
            if then is None or not _same_unit(then, step):
                continue
            cur, ago = now[-1].value, then.value
            up = match.group(1).lower() == "tăng"
            if (cur - ago if up else ago - cur) == step.value:
                continue
            yield start + now[-1].start, start + then.end + len(then.unit) + 1, (
                f"“{match.group(1)} {step.text} {step.unit}” không khớp: {now[-1].text} và {then.text} "
                f"chênh nhau {vi(abs(cur - ago), 0)} ({'tăng' if cur > ago else 'giảm'}). Kiểm tra lại số liệu.")


PCT_CHANGE = re.compile(r"(?<!\w)(tăng|giảm)\s+(?:thêm\s+)?(\d+(?:,\d+)?)\s*%", re.IGNORECASE)


def percent_change_slips(text: str) -> Iterator[tuple[int, int, str]]:
    """'1.250 hồ sơ, tăng 13,6% so với cùng kỳ (1.100 hồ sơ)': (1.250 − 1.100)/1.100 must be 13,6%."""
    for start, stop in sentences(text):
        sentence = text[start:stop]
        counts = None
        for match in PCT_CHANGE.finditer(sentence):
            compare = re.match(r"[^.;()%]{0,30}?so\s+với[^.;()%\d]{0,50}?\(\s*", sentence[match.end():])
            if compare is None:
                continue
            counts = counts if counts is not None else quantities(sentence)
            now = [q for q in counts if q.end <= match.start() and match.start() - q.end <= 40]
            then = next((q for q in counts if q.start == match.end() + compare.end()), None)
            if not now or then is None or not _same_unit(now[-1], then) or then.value == 0:
                continue
            cur, ago = now[-1].value, then.value
            change = (cur - ago) / ago * 100
            up = match.group(1).lower() == "tăng"
            if (change > 0) == up and _fits(abs(change), match.group(2)):
                continue
            places = max(decimals(match.group(2)), 1)
            yield start + now[-1].start, start + then.end + len(then.unit) + 1, (
                f"“{match.group(1)} {match.group(2)}%” không khớp: từ {then.text} đến {now[-1].text} là "
                f"{'tăng' if change > 0 else 'giảm'} {vi(abs(change), places)}%. Kiểm tra lại số liệu.")


@rule("arithmetic.series", Severity.WARNING, "Số liệu so sánh, số liệu theo năm không khớp")
def series(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["arithmetic.series"]
    for field, text in prose_with_figures(report):
        for start, end, message in _series(text):
            yield me.finding(message, field, start, end)


@lru_cache(maxsize=4096)
def _series(text: str) -> tuple[tuple[int, int, str], ...]:
    found = list(copied_years(text)) if len(YEAR_HEAD.findall(text)) > 1 else []
    if CHANGE.search(text):
        found += list(change_slips(text)) + list(percent_change_slips(text))
    return tuple(found)
