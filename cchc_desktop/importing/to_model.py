"""What the recogniser found → a Report of the model.

Opening and closing are one paragraph of plain text in the model: the first opening
paragraph becomes the opening when it carries no emphasis, no footnote and no table; the
other blocks before the first part go into a part without a heading, where they stood.
"""

from __future__ import annotations

import re
from datetime import date

from ..core import model as m
from ..core.figures import is_figure
from ..core.periods import week_dates
from .docx_reader import RRun
from .docx_tables import apply_figure_aligns
from .structure import Block, Recognized, Table

_LEVEL_ROLE = {0: m.BlockRole.PART, 1: m.BlockRole.HEADING1, 2: m.BlockRole.HEADING2}
_KEYS = [
    ("tt", r"^(s?tt|số\s*tt|thứ\s*tự)$"),
    ("indicator", r"^(chỉ\s*tiêu|nội\s*dung|tên\s*chỉ\s*tiêu|danh\s*mục|lĩnh\s*vực)"),
    ("unit", r"^(đơn\s*vị\s*tính|đvt)$"),
    ("previous", r"^(kỳ\s*trước|cùng\s*kỳ|năm\s*trước)"),
    ("value", r"^(kỳ\s*này|số\s*lượng|kết\s*quả|số\s*liệu|thực\s*hiện)"),
    ("target", r"^(kế\s*hoạch|chỉ\s*tiêu\s*giao)"),
    ("note", r"^ghi\s*chú$"),
]


class _Mapper:
    def __init__(self, rec: Recognized) -> None:
        self.rec = rec
        self.places: dict[str, str] = {}  # source location -> where it went ("part:2:5")

    # ---------------------------------------------------------------- runs and blocks

    def runs(self, items: list[RRun]) -> list[m.Run]:
        out: list[m.Run] = []
        for run in items:
            if run.footnote is None:
                if out and out[-1].footnote is None and out[-1].bold == run.bold and out[-1].italic == run.italic:
                    out[-1].text += run.text
                else:
                    out.append(m.Run(run.text, run.bold, run.italic))
                continue
            lines = self.rec.footnotes.get(run.footnote, [])
            note: list[m.Run] = []
            for index, line in enumerate(lines):
                if index:
                    note.append(m.Run(" "))
                note.extend(m.Run(r.text, r.bold, r.italic) for r in line if r.footnote is None)
            note = _merge(note)
            if out and out[-1].footnote is None:
                out[-1].footnote = note
            else:
                out.append(m.Run("", footnote=note))
        return out

    def block(self, block: Block, path: str) -> m.Block:
        if block.where:
            self.places.setdefault(block.where, path)
        if block.kind == "table":
            return m.Block(m.BlockRole.TABLE, table=self.table(block.table, appendix=False))
        if block.kind == "heading":
            role = _LEVEL_ROLE.get(block.level, m.BlockRole.HEADING3)
        elif block.kind == "bullet":
            role = m.BlockRole.BULLET
        else:
            role = m.BlockRole.PARAGRAPH
        return m.Block(role, self.runs(block.runs))

    def table(self, table: Table, appendix: bool, notes: list[Block] = ()) -> m.Table:
        width = table.columns
        rows: list[m.TableRow] = []
        for r, grid_row in enumerate(table.rows):
            cells = []
            for cell in grid_row:
                if cell is None:
                    cells.append(m.Cell())
                    continue
                runs: list[RRun] = []
                for index, line in enumerate(cell.text_runs):
                    if index:
                        runs.append(RRun(" "))
                    runs.extend(line)
                cells.append(m.Cell(self.runs(runs), cell.rowspan, cell.colspan))
            kind = {"group": m.RowKind.GROUP, "caption": m.RowKind.CAPTION}.get(table.kinds[r], m.RowKind.DATA)
            rows.append(m.TableRow(cells, kind))
        for note in notes:  # text under a form ("Ghi chú: …"): a caption row spanning the table
            row = [m.Cell(self.runs(note.runs), 1, width)] + [m.Cell() for _ in range(width - 1)]
            rows.append(m.TableRow(row, m.RowKind.CAPTION))
        columns = [m.TableColumn() for _ in range(width)]
        total = sum(table.widths) if len(table.widths) == width else 0
        for j, column in enumerate(columns):
            if total:
                column.width_mm = min(400.0, max(3.0, round(table.widths[j] / 1440 * 25.4, 1)))  # the format's range
        header = table.header_rows
        if appendix:
            self._column_meanings(columns, rows, header)
        apply_figure_aligns(columns, rows, header, table.aligns)
        return m.Table(columns, rows, header)

    @staticmethod
    def _column_meanings(columns: list[m.TableColumn], rows: list[m.TableRow], header: int) -> None:
        used: set[str] = set()
        for j, column in enumerate(columns):
            labels = [rows[r].cells[j].text.strip().lower() for r in range(header) if rows[r].cells[j].text.strip()]
            label = labels[-1] if labels else ""
            for key, pattern in _KEYS:
                if key not in used and re.search(pattern, label):
                    column.key = key
                    used.add(key)
                    break
            column.align = m.Align.CENTER if column.key in ("tt", "unit") else m.Align.LEFT
            data = [row.cells[j].text.strip() for row in rows[header:] if row.kind == m.RowKind.DATA]
            typed = [text for text in data if text]
            if column.key not in ("tt", "indicator", "unit", "note") and typed and all(is_figure(t) for t in data) \
                    and any(re.search(r"\d", t) for t in typed):
                column.figures = True
                column.align = m.Align.CENTER

    # ---------------------------------------------------------------- the report

    def report(self) -> m.Report:
        rec = self.rec
        org = m.Organization(
            issuing_body=list(rec.issuing_body), governing_body=list(rec.governing_body),
            name=organization_name(rec.issuing_body), place=rec.place, abbreviation=rec.abbreviation)
        period = self.period()
        year = rec.year or period.year
        report = m.Report(
            organization=org, period=period, date=m.DocumentDate(year, rec.month, rec.day),
            doc_type=rec.doc_type, doc_name=rec.doc_name, number=rec.number, place=rec.place,
            subject=" ".join(rec.subject), addressees=list(rec.addressees),
            signature=m.Signature(list(rec.signature.authority), rec.signature.title, rec.signature.name,
                                  rec.signature.concurrent, list(rec.signature.captions)),
            recipients=list(rec.recipients),
            # a document without a name of its own (forms, a price table) is not given a "Kính gửi"
            elements=m.Elements(number_line=rec.has_number_line, header=_has_header(rec),
                                addressees=bool(rec.doc_name),
                                recipients=rec.has_recipients))
        opening = list(rec.opening)
        # italic runs (a plan's name quoted in the opening) do not make it less of an opening
        if opening and opening[0].kind == "paragraph" and not any(
                r.footnote or r.bold for r in opening[0].runs if r.text.strip() or r.footnote):
            report.opening = opening[0].text
            self.places.setdefault(opening[0].where, "opening")
            opening = opening[1:]
        if opening:
            index = len(report.parts)
            report.parts.append(m.Part(m.PartTag.OTHER, [self.block(b, f"part:{index}:{j}")
                                                         for j, b in enumerate(opening)]))
        for part in rec.parts:
            tag = m.PartTag(part.meaning)
            if part.group_block is not None or (part.heading is not None and part.heading.level == 0):
                group_block = part.group_block if part.group_block is not None else part.heading
                index = len(report.parts)
                lines = part.group.split("\n")
                blocks = [m.Block(m.BlockRole.PART, self.runs(group_block.runs))]
                self.places.setdefault(group_block.where, f"part:{index}:0")
                blocks += [m.Block.plain(m.BlockRole.PART, line) for line in lines[1:]]
                if part.heading is not None and part.heading.level == 0:
                    blocks += [self.block(b, f"part:{index}:{len(blocks) + j}") for j, b in enumerate(part.blocks)]
                    report.parts.append(m.Part(tag, blocks))
                    continue
                report.parts.append(m.Part(tag, blocks))
            index = len(report.parts)
            blocks = []
            if part.heading is not None:
                blocks.append(self.block(part.heading, f"part:{index}:0"))
            blocks += [self.block(b, f"part:{index}:{len(blocks) + j}") for j, b in enumerate(part.blocks)]
            report.parts.append(m.Part(tag, blocks))
        # The closing is one paragraph of plain text: a table or a footnote there goes in as a
        # block of the last part, right before it, so nothing is lost.
        plain = []
        for b in rec.closing:
            if b.kind == "table" or any(r.footnote for r in b.runs):
                if not report.parts:
                    report.parts.append(m.Part(m.PartTag.OTHER, []))
                index = len(report.parts) - 1
                report.parts[index].blocks.append(self.block(b, f"part:{index}:{len(report.parts[index].blocks)}"))
                rec.note(b.where, "Bảng hoặc chú thích ở đoạn kết: đặt ngay trước đoạn kết.", b.text,
                         kind="note", target=f"part:{index}:{len(report.parts[index].blocks) - 1}")
            else:
                plain.append(b)
                self.places.setdefault(b.where, "closing")
        report.closing = " ".join(b.text for b in plain).strip()
        for appendix in rec.appendices:
            self.appendix(report, appendix)
        for entry in rec.entries:
            if not entry.target or entry.target in ("opening", "closing"):
                entry.target = self.places.get(entry.where, entry.target)
            elif entry.target.startswith("appendix:"):
                entry.target = f"appendix:{int(entry.target.split(':')[1]) - 1}"
        return m.normalize(report)

    def appendix(self, report: m.Report, appendix) -> None:
        """One form: the phụ lục's lines (heading, title, reference), the form's own ("Biểu mẫu 1"
        and its name); a later form of the same phụ lục repeats the phụ lục's lines and continues."""
        title = list(appendix.title)
        heading = appendix.heading or appendix.form or "PHỤ LỤC"
        form_heading, form_title = "", " ".join(appendix.form_title)
        if appendix.heading and appendix.form or appendix.continues:
            form_heading = appendix.form
        if appendix.table is None:
            lines = [heading] + title + [form_heading, form_title]
            report.closing = (report.closing + " " + " ".join(t for t in lines if t)).strip()
            return
        table = self.table(appendix.table, appendix=True, notes=appendix.notes)
        form = m.AppendixTable(heading, " ".join(title), appendix.reference, table, form_heading=form_heading,
                               form_title=form_title)
        if appendix.continues and report.appendices:
            before = report.appendices[-1]
            form.heading, form.title, form.reference = before.heading, before.title, before.reference
            form.form_title = " ".join(t for t in [form_title] + title if t)
            form.continues = True
        report.appendices.append(form)
        self.places.setdefault(appendix.where, f"appendix:{len(report.appendices) - 1}")

    def period(self) -> m.Period:
        found = self.rec.period
        year = self.rec.year or date.today().year
        if found is None:
            return m.Period(m.PeriodKind.NONE, year)
        if isinstance(found, tuple):  # ("week", week, month, year, text)
            _kind, week, month, week_year, text = found
            month = month or self.rec.month
            week_year = week_year or year
            if not month or not 1 <= week <= 6:
                return m.Period(m.PeriodKind.NONE, year, label=text)
            period = m.Period(m.PeriodKind.WEEK, week_year, week, month=month)
            dates = re.findall(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
            if len(dates) >= 2:
                try:
                    start = date(int(dates[0][2]), int(dates[0][1]), int(dates[0][0]))
                    end = date(int(dates[1][2]), int(dates[1][1]), int(dates[1][0]))
                except ValueError:
                    return period
                if (start, end) != week_dates(period):
                    period.start, period.end = start, end
            return period
        return found


def _merge(runs: list[m.Run]) -> list[m.Run]:
    out: list[m.Run] = []
    for run in runs:
        if out and out[-1].bold == run.bold and out[-1].italic == run.italic and out[-1].footnote is None:
            out[-1].text += run.text
        elif run.text:
            out.append(run)
    if out:
        out[0].text = out[0].text.lstrip()
    return out


_PLACE_WORDS = ("xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh")


def organization_name(lines: list[str]) -> str:
    """'ỦY BAN NHÂN DÂN' + 'XÃ CƯƠNG GIÁN' → 'Ủy ban nhân dân xã Cương Gián' (for running text)."""
    words = " ".join(lines).split()
    if not words:
        return ""
    keep = {i for i, w in enumerate(words) if _is_acronym(w)}
    text = " ".join(w if i in keep else w.lower() for i, w in enumerate(words))
    for word in _PLACE_WORDS:
        text = re.sub(rf"\b({word}) (.+)$", lambda mt: mt.group(1) + " " + mt.group(2).title(), text, count=1)
        if any(c.isupper() for c in text[1:]):
            break
    return text[0].upper() + text[1:]


def _is_acronym(word: str) -> bool:
    letters = word.strip(",.;:()")
    return letters in ("UBND", "HĐND", "MTTQ", "CCHC", "TW", "VP") or (
        len(letters) >= 2 and letters.isupper() and not re.search(r"[AĂÂEÊIOÔƠUƯYÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ"
                                                                  r"ẮẰẲẴẶẤẦẨẪẬẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ]", letters))


def _has_header(rec: Recognized) -> bool:
    """A file with no issuing body, quốc hiệu, number line nor document name (statistical forms or
    a price table sent alone) prints none: the export must not add what the original lacks."""
    return bool(rec.issuing_body or rec.governing_body or rec.national or rec.has_number_line or rec.doc_name)


def to_report(rec: Recognized, body: list = ()) -> m.Report:
    mapper = _Mapper(rec)
    report = mapper.report()
    if body:  # the document's paragraphs and tables: its pictures go where they stood (docx_pictures)
        from .docx_pictures import place_pictures
        place_pictures(report, rec, mapper.places, list(body))
    return report
