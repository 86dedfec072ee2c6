"""A figure in the text that contradicts the same indicator's figure in an appendix form.

"Tiếp nhận 215 hồ sơ" in the narrative while the form's row "Số hồ sơ tiếp nhận" (unit
"Hồ sơ") says 251.  A number in the text is compared with a row only when it is written
with the row's unit right after it ("215 hồ sơ") and every meaningful word of the row's
indicator stands in the same clause around it; when two rows fit, or the number equals any
figure of that row (last period, target), nothing is said.  Precision first: a guess about
which indicator a sentence speaks of is never reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..figures import FigureError, FigureKind, parse_figure
from ..model import Report
from .base import RULES, Context, Finding, Severity, rule, text_fields
from .places import where
from .indicators import FigureRow, _figure_keys, figure_rows
from .spelling import _lower_runs  # the same letter runs, cached per paragraph

_DIGIT = re.compile(r"\d")
NUMBER = re.compile(r"(?<![\w/.,\-–])(\d{1,3}(?:\.\d{3})+|\d+)(?![\w/]|[.,]\d)")
CLAUSE = re.compile(r"[,.;:()\n–]")
SYLLABLE = re.compile(r"[^\W\d_]+")
STOP = frozenset("""số lượng tổng các của được đã và trong kỳ trên qua cho về với là có theo tại từ đến này
năm tháng quý tuần báo cáo đó gồm những một được""".split())
# a clause about another time or a target: its figures are not this period's
OTHER_TIME = re.compile(r"lũy\s+kế|luỹ\s+kế|từ\s+đầu\s+năm|cùng\s+kỳ|năm\s+trước|kỳ\s+trước|tháng\s+trước|"
                        r"quý\s+trước|so\s+với|tăng|giảm|kế\s+hoạch|chỉ\s+tiêu|phấn\s+đấu|dự\s+kiến|tồn|"
                        r"chuyển\s+sang|còn\s+lại|đạt\s+tỷ\s+lệ|trên\s+tổng|gần|khoảng|hơn|trên\s+\d|"
                        # a state other than the row's: "đang giải quyết 8 hồ sơ", "chưa giải quyết"
                        r"\bđang\b|\bchưa\b|\bkhông\b|\bcòn\b|\btrễ\b|\bchậm\b|\bbị\b", re.IGNORECASE)
# a sentence about the future or a plan, or about a special kind of the thing counted: its
# figures are not what the form counts as done in this period
PLAN = re.compile(r"\bsẽ\b|dự\s+kiến|kế\s+hoạch|phấn\s+đấu|(?:quý|tháng|tuần|năm|kỳ|thời\s+gian|giai\s+đoạn|sắp)\s+tới|"
                  r"tiếp\s+theo|chuyên\s+đề|đột\s+xuất", re.IGNORECASE)
SENTENCE = re.compile(r"[.;!?\n]")
_BLOCK = re.compile(r"sections\[\d+\]\.blocks\[\d+\](?:\.runs\[\d+\]\.footnote)?")


@dataclass
class RowFacts:
    row: FigureRow  # its place is named only when a finding needs it
    name: str
    value: Decimal
    typed: str
    others: set[Decimal]
    unit: list[str]
    content: frozenset[str]


def _words(text: str) -> list[str]:
    return SYLLABLE.findall(text.lower())


def _facts(report: Report, said: set[str]) -> list[RowFacts]:
    """The rows a narrative figure may speak of; ``said``: the words of the narrative (a row
    whose unit is never written there is never compared, so it is not read further)."""
    facts = []
    for fr in figure_rows(report):
        typed_unit = fr.row.unit  # the cheap tests first: most rows stop here
        unit = _words(typed_unit)
        if not unit or typed_unit.strip() == "%":
            continue
        # "Cơ quan, đơn vị": either noun names the unit in the text ("1.243 đơn vị")
        units = [unit] + [_words(piece) for piece in re.split(r"[,/;]| và | hoặc ", typed_unit) if _words(piece) != unit]
        if not any(u and said.issuperset(u) for u in units):
            continue
        content = frozenset(w for w in _words(fr.row.indicator) if w not in STOP and not any(w in u for u in units))
        if len(content) < 2:
            continue
        typed = fr.row.text("value")
        try:
            figure = parse_figure(typed)
        except FigureError:
            continue
        if figure.kind != FigureKind.NUMBER or figure.value is None:
            continue
        others = set()
        for key in _figure_keys(fr.table):
            if key != "value":
                try:
                    other = parse_figure(fr.row.text(key))
                except FigureError:
                    continue
                if other.value is not None:
                    others.add(other.value)
        for one in units:
            if one:
                facts.append(RowFacts(fr, fr.row.indicator.strip(), figure.value, typed.strip(), others, one, content))
    return facts


def _own_words(rows: list[RowFacts]) -> list[frozenset[str]]:
    """For each row, the meaningful words no other row of the list has."""
    counts = Counter(w for row in rows for w in row.content)
    return [frozenset(w for w in row.content if counts[w] == 1) for row in rows]


def _fit(rows: list[RowFacts], owns: list[frozenset[str]], context: set[str]) -> RowFacts | None:
    """The one row the clause speaks of: it shares at least half of the row's meaningful
    words, among them two that no other row with this unit has, and no other row shares
    a word of its own."""
    found = []
    for row, own in zip(rows, owns):
        shared, distinct = row.content & context, own & context
        if distinct and (len(distinct) >= 2 or own <= context) and len(shared) * 2 >= len(row.content) \
                and len(shared) >= 2:
            found.append(row)
        elif distinct:
            return None  # another row's own words are here too: unclear
    return found[0] if len(found) == 1 else None


def _value(text: str) -> Decimal:
    return Decimal(text.replace(".", ""))


# where the noun phrase after a unit ends: "12 Đội quản lý thị trường | của tỉnh"
_PHRASE_END = frozenset("của tại trong trên cho với về theo từ đến được đã và so đạt là có".split())


def _same_kind(after: str, fact: RowFacts) -> bool:
    """The words naming what was counted ("12 Đội quản lý thị trường", "215 hồ sơ trực tuyến")
    are, at least half of them, the row's words: another kind of the unit is another figure."""
    words = []
    for word in _words(after):
        if word in _PHRASE_END:
            break
        words.append(word)
    content = [w for w in words[:4] if w not in STOP]
    indicator = set(_words(fact.name))
    return not content or 2 * sum(w in indicator for w in content) >= len(content)


def _planned(text: str, at: int) -> bool:
    """The sentence around ``at`` speaks of a plan, the future or a special kind of it."""
    start = max([m.end() for m in SENTENCE.finditer(text, 0, at)] + [0])
    end = SENTENCE.search(text, at)
    return PLAN.search(text, start, end.start() if end else len(text)) is not None


def _narrative(report: Report) -> list[tuple[str, str]]:
    """The blocks and footnotes of the parts about what was done that hold a figure."""
    tags = {s: part.tag.value for s, part in enumerate(report.sections)}
    return [(field, text) for field, text in text_fields(report)
            if _BLOCK.fullmatch(field) and _DIGIT.search(text)
            and tags.get(int(field[9:field.index("]")])) not in ("directions", "proposals")]  # next period's


def mismatches(report: Report) -> Iterator[tuple[str, int, int, RowFacts, str]]:
    narrative = _narrative(report)
    if not narrative or not report.appendices:
        return
    facts = _facts(report, set().union(*(_lower_runs(text) for _f, text in narrative)))
    if not facts:
        return
    units = sorted({tuple(f.unit) for f in facts}, key=len, reverse=True)
    groups = {u: [f for f in facts if tuple(f.unit) == u] for u in units}
    owns = {u: _own_words(rows) for u, rows in groups.items()}
    said = re.compile(r"(?<![\w/.,\-–])(\d{1,3}(?:\.\d{3})+|\d+)(?![\w/]|[.,]\d)\s+("
                      + "|".join(r"[\s,]+".join(map(re.escape, u)) for u in units) + r")(?!\w)", re.IGNORECASE)
    for field, text in narrative:
        numbers = None
        for match in said.finditer(text):
            if numbers is None:
                numbers = [(m.start(), m.end()) for m in NUMBER.finditer(text)]
            unit = tuple(_words(match.group(2)))
            unit_end = match.end()
            start = max([m.end() for m in CLAUSE.finditer(text, 0, match.start())] + [0])
            start = max([start] + [b for a, b in numbers if b <= match.start()])  # after the number before
            stop = len(text)
            clause_end = CLAUSE.search(text, unit_end)
            if clause_end:
                stop = clause_end.start()
            stop = min([stop] + [a for a, b in numbers if a > match.start()])
            if OTHER_TIME.search(text, start, stop) or _planned(text, match.start()):
                continue
            context = set(_words(text[start:stop]))
            if unit not in groups:
                continue
            fact = _fit(groups[unit], owns[unit], context)
            if fact is None or not _same_kind(text[unit_end:stop], fact):
                continue
            number = _value(match.group(1))
            if number == fact.value or number in fact.others:
                continue
            yield field, match.start(), unit_end, fact, text[match.start():unit_end]


# a warning, never an error: which indicator a sentence speaks of is read, not known
@rule("figures.narrative_mismatch", Severity.WARNING, "Số liệu trong bài khác số liệu ở phụ lục")
def narrative_mismatch(report: Report, context: Context) -> Iterator[Finding]:
    me = RULES["figures.narrative_mismatch"]
    seen = set()
    for field, start, end, fact, said in mismatches(report):
        if (field, start) in seen:
            continue  # one row matched under two names of its unit
        seen.add((field, start))
        yield me.finding(f"“{said}” ở {where(report, field)} khác số liệu ở {fact.row.place(report)} "
                         f"“{fact.name[:50]}” ({fact.typed}). Đối chiếu và sửa cho thống nhất.", field, start, end)
