"""Counting words kept: the word tokens of a document in reading order, and how many of a
source's tokens reappear, in order, in another sequence."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .docx_reader import DocxContent, RPara, RRun, RTable
from .structure import Block, Recognized

_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def kept_in_order(source: list[str], result: list[str]) -> tuple[int, int]:
    """(tokens of ``source`` found in order in ``result``, len(source)): the longest common
    subsequence, computed per window so a 200-page report stays fast."""
    import difflib

    matched = 0
    # anchor on blocks of 4000 tokens: fast, and generous enough for reordered headers
    step = 4000
    position = 0
    for start in range(0, len(source), step):
        chunk = source[start:start + step]
        window = result[max(0, position - 200): position + len(chunk) + 2000]
        offset = max(0, position - 200)
        matcher = difflib.SequenceMatcher(None, chunk, window, autojunk=False)
        blocks = matcher.get_matching_blocks()
        matched += sum(b.size for b in blocks)
        last = [b for b in blocks if b.size]
        if last:
            position = offset + last[-1].b + last[-1].size
    return matched, len(source)


# ------------------------------------------------------------------ a .docx read back


def docx_tokens(content: DocxContent) -> list[str]:
    """Body, tables, text boxes and footnotes (each note after the paragraph that cites it)."""
    out: list[str] = []

    def para(p: RPara) -> None:
        out.extend(tokens(p.text))
        for run in p.runs:
            if run.footnote is not None:
                for note in content.footnotes.get(run.footnote, []):
                    out.extend(tokens(note.text))

    def walk(items: Iterable) -> None:
        for item in items:
            if isinstance(item, RTable):
                for row in item.rows:
                    for cell in row.cells:
                        walk(cell.blocks)
            else:
                para(item)

    walk(content.body)
    return out


# ------------------------------------------------------------------ what the recogniser found


def recognized_tokens(rec: Recognized) -> list[str]:
    out: list[str] = []

    def text(value: str) -> None:
        out.extend(tokens(value))

    def runs(items: list[RRun]) -> None:
        for run in items:
            if run.footnote is None:
                text(run.text)
        for run in items:
            if run.footnote is not None:
                for line in rec.footnotes.get(run.footnote, []):
                    runs(line)

    def block(b: Block) -> None:
        if b.table is not None:
            for row in b.table.rows:
                for cell in row:
                    if cell is not None:
                        for line in cell.text_runs:
                            runs(line)
        else:
            runs(b.runs)

    for line in rec.governing_body + rec.issuing_body:
        text(line)
    if rec.has_number_line:
        text(f"Số: {rec.number}/{rec.doc_type}-{rec.abbreviation}")
    if rec.national:
        text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc")
    if rec.year:
        day = f"{rec.day:02d}" if rec.day else ""
        month = (f"{rec.month:02d}" if rec.month and rec.month < 3 else str(rec.month)) if rec.month else ""
        text(f"{rec.place}, ngày {day} tháng {month} năm {rec.year}")
    text(rec.doc_name)
    for line in rec.subject:
        text(line)
    if rec.addressees:
        text("Kính gửi")
        for line in rec.addressees:
            text(line)
    for b in rec.opening:
        block(b)
    for part in rec.parts:
        if part.group_block is not None:
            text(part.group)
        if part.heading is not None:
            block(part.heading)
            if part.heading.level == 0 and part.group and "\n" in part.group:
                text(part.group.split("\n", 1)[1])
        for b in part.blocks:
            block(b)
    for b in rec.closing:
        block(b)
    if rec.has_recipients:
        text("Nơi nhận")
        for line in rec.recipients:
            text(line)
    sig = rec.signature
    for line in sig.authority + [sig.title, sig.concurrent] + sig.captions + [sig.name]:
        text(line)
    for appendix in rec.appendices:
        for line in [appendix.heading, appendix.form] + appendix.title + [appendix.reference] + appendix.form_title:
            text(line)
        if appendix.table is not None:
            block(Block("table", table=appendix.table))
        for b in appendix.notes:
            block(b)
    return out


# ------------------------------------------------------------------ a report of the model


def report_tokens(report) -> list[str]:
    """The words of a Report in the order the document prints them (footnotes after the
    block that cites them, tables row by row)."""
    from ..core.vietnamese import number_line, place_and_date

    out: list[str] = []

    def text(value: str) -> None:
        out.extend(tokens(value))

    def runs(items) -> None:
        for run in items:
            text(run.text)
        for run in items:
            if run.footnote:
                runs(run.footnote)

    def table(t) -> None:
        for row in t.rows:
            for cell in row.cells:
                runs(cell.runs)

    org = report.organization
    for line in org.governing_body + org.issuing_body:
        text(line)
    if report.elements.number_line:
        text(number_line(report.number, report.doc_type, org.abbreviation))
    text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc")
    text(place_and_date(report.place or org.place, report.date))
    text(report.doc_name)
    text(report.subject)
    if report.addressees and report.elements.addressees:
        text("Kính gửi")
        for line in report.addressees:
            text(line)
    text(report.opening)
    for part in report.parts:
        for block in part.blocks:
            if block.table is not None:
                table(block.table)
            else:
                runs(block.runs)
    text(report.closing)
    if report.recipients and report.elements.recipients:
        text("Nơi nhận")
        for line in report.recipients:
            text(line)
    sig = report.signature
    for line in sig.authority + [sig.title, sig.concurrent_title] + sig.captions + [sig.name]:
        text(line)
    for appendix in report.appendices:
        if not appendix.continues:  # a later form of the same phụ lục prints only its own lines
            text(appendix.heading)
            text(appendix.title)
            text(appendix.reference)
        text(appendix.form_heading)
        text(appendix.form_title)
        table(appendix.table)
    return out
