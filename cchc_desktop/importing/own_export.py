"""Our own exports come back exactly: a .docx written by this application names every
paragraph's role in its style ("CCHCHeading1", "CCHCSignerName" …), so it is read by style,
text kept verbatim, instead of being recognised from its looks.

Export → import → export gives the same document: where the printed text cannot tell two
models apart (an opening paragraph or a part's first paragraph; a title line printed under
another), the model chosen prints the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core import model as m
from ..core.vietnamese import BLANK
from .docx_reader import DocxContent, RPara, RRun, RTable
from .recognize import meaning_of

_MARK = "CCHC"
_ROLES = {"CCHCPart": m.BlockRole.PART, "CCHCHeading1": m.BlockRole.HEADING1,
          "CCHCHeading2": m.BlockRole.HEADING2, "CCHCHeading3": m.BlockRole.HEADING3,
          "CCHCHeading4": m.BlockRole.HEADING3, "CCHCParagraph": m.BlockRole.PARAGRAPH,
          "CCHCBullet": m.BlockRole.BULLET}
_DATE = re.compile(r"^(?:(?P<place>.*), )?ngày (?P<d>\S*|\s*) tháng (?P<m>\S*|\s*) năm (?P<y>\d{4})$", re.DOTALL)


class _CAPTION:  # a picture's caption: the layout sets it in italics, whatever was typed
    bold, italic = False, True


def _unbaked(runs: list[m.Run], style: str) -> list[m.Run]:
    """Runs without the bold/italic their paragraph style gives every run: the writer sets only
    what the style lacks, so a heading's runs stay as typed instead of turning bold by hand."""
    from ..document.docx_writer import style_id
    from ..document.measures import STYLES

    look = _CAPTION if style == "caption" else next((s for role, s in STYLES.items() if style_id(role) == style), None)
    if look is None or not (look.bold or look.italic):
        return runs
    out: list[m.Run] = []
    for run in runs:
        run.bold, run.italic = run.bold and not look.bold, run.italic and not look.italic
        if out and out[-1].footnote is None and (out[-1].bold, out[-1].italic) == (run.bold, run.italic):
            out[-1].text += run.text
            out[-1].footnote = run.footnote
        else:
            out.append(run)
    return out


def is_own_export(content: DocxContent) -> bool:
    styles = {item.style for item in content.body if isinstance(item, RPara)}
    return "CCHCDocName" in styles and all(not s or s.startswith(_MARK) for s in styles)


def _has_our_layout(content: DocxContent) -> bool:
    """Our title and header styles are there (paragraphs in other styles may have been added)."""
    styles = {item.style for item in content.body if isinstance(item, RPara)}
    return {"CCHCDocName", "CCHCParagraph"} <= styles


def _styles_in(table: RTable) -> set[str]:
    return {p.style for row in table.rows for cell in row.cells for p in cell.paragraphs}


class _Reader:
    def __init__(self, content: DocxContent, lenient: bool = False) -> None:
        self.content = content
        self.lenient = lenient

    def runs(self, items: list[RRun]) -> list[m.Run]:
        out: list[m.Run] = []
        for run in items:
            if run.footnote is None:
                if out and out[-1].footnote is None and (out[-1].bold, out[-1].italic) == (run.bold, run.italic):
                    out[-1].text += run.text
                else:
                    out.append(m.Run(run.text, run.bold, run.italic))
                continue
            note: list[m.Run] = []
            for para in self.content.footnotes.get(run.footnote, []):
                note += self.runs([r for r in para.runs if r.footnote is None])
            if out and out[-1].footnote is None:
                out[-1].footnote = note
            else:
                out.append(m.Run("", footnote=note))
        return out

    def table(self, table: RTable, appendix: bool) -> m.Table:
        from .recognize import to_grid

        grid = to_grid(table, verbatim=True)
        rows: list[m.TableRow] = []
        for r, line in enumerate(grid.rows):
            cells = []
            for cell in line:
                if cell is None:
                    cells.append(m.Cell())
                    continue
                joined: list[RRun] = []
                for index, runs in enumerate(cell.text_runs):
                    if index:
                        joined.append(RRun(" "))
                    joined += runs
                cells.append(m.Cell(self.runs(joined), cell.rowspan, cell.colspan))
            kind = m.RowKind.DATA
            if len([c for c in line if c is not None]) == 1 and line[0] is not None and line[0].colspan == len(line) > 1:
                kind = m.RowKind.CAPTION
            rows.append(m.TableRow(cells, kind))
        # the writers mark exactly the model's header rows (an appendix form may have none)
        header = sum(1 for row in table.rows if row.header)
        columns = [m.TableColumn() for _ in range(grid.columns)]
        if appendix:
            from .to_model import _Mapper

            _Mapper._column_meanings(columns, rows, header)
            for j, column in enumerate(columns):
                if column.figures and any(row.cells[j].text != row.cells[j].text.strip() for row in rows[header:]):
                    column.figures = False
        for column in columns:
            column.align = m.Align.LEFT if not column.figures else m.Align.CENTER
        return m.Table(columns, rows, header)

    def read(self) -> m.Report:
        body = self.content.body
        report = m.Report(m.Organization(), m.Period(m.PeriodKind.NONE, 2000), m.DocumentDate(2000))
        report.elements = m.Elements(number_line=False, addressees=True, recipients=True)
        position = 0
        # a report with footnotes starts with a 1 pt spacer paragraph (LibreOffice's quirk, see export.md)
        while position < len(body) and isinstance(body[position], RPara) and body[position].style == "CCHCSpacer" \
                and not body[position].body_text:
            position += 1
        if position < len(body) and isinstance(body[position], RTable) \
                and {"CCHCNationalTitle", "CCHCMotto", "CCHCIssuingBody", "CCHCNumber"} & _styles_in(body[position]):
            self.header(body[position], report)
            position += 1
        else:  # printed without its header (forms or a table sent alone): nor name nor date
            report.elements.header = False
            report.doc_name = ""
        blocks: list[m.Block] = []
        addressees: list[str] = []
        single_addressee = False
        appendix: m.AppendixTable | None = None
        signed = False
        captioned: m.Block | None = None  # a picture block waiting for its caption
        for item in body[position:]:
            if isinstance(item, RTable):
                styles = _styles_in(item)
                if {"CCHCAuthority", "CCHCSignerName", "CCHCRecipient", "CCHCRecipientsLabel"} & styles:
                    self.signature(item, report)
                    signed = True
                elif appendix is not None and appendix.table is None:
                    appendix.table = self.table(item, appendix=True)
                elif not signed:
                    blocks.append(m.Block(m.BlockRole.TABLE, table=self.table(item, appendix=False)))
                continue
            style, text = item.style, item.body_text
            found = getattr(item, "pictures", None) or []
            if any(f.picture is None for f in found):
                raise ValueError("picture")  # one we cannot keep: the recogniser names it in the import report
            pictures = [f.picture for f in found]
            if pictures and not signed and appendix is None:
                # a picture prints alone in a spacer paragraph; a centred paragraph under it is its caption
                blocks += [m.Block(m.BlockRole.PICTURE, picture=picture) for picture in pictures]
                captioned = blocks[-1]
                continue
            if captioned is not None and style == "CCHCParagraph" and item.align == "center" and text.strip():
                captioned.runs = _unbaked(self.runs(item.runs), "caption")
                captioned = None
                continue
            captioned = None
            if style in ("CCHCRule", "CCHCSpacer") or (text == "" and not any(r.footnote for r in item.runs)):
                continue
            if style == "CCHCDocName":
                report.doc_name = text
            elif style == "CCHCSubject":
                report.subject = text
            elif style == "CCHCAddressee":
                if text.startswith("Kính gửi: "):
                    single_addressee = True
                    # a name printed blank (a control character) is not blank to the layout next time
                    addressees = [text[len("Kính gửi: "):].strip() or ";"]
            elif style == "CCHCAddresseeItem":
                # "- " name end-mark; an empty name printed from ";" stays ";" so it prints again
                addressees.append((text[2:-1] if text.startswith("- ") else text).strip() or ";")
            elif style == "CCHCAppendixHeading":
                appendix = m.AppendixTable(heading=text, title="", reference="", table=None)  # type: ignore[arg-type]
                report.appendices.append(appendix)
            elif style == "CCHCAppendixTitle" and appendix is not None:
                appendix.title = text
            elif style == "CCHCAppendixReference" and appendix is not None:
                appendix.reference = text
            elif style in _ROLES and not signed:
                blocks.append(m.Block(_ROLES[style], _unbaked(self.runs(item.runs), style)))
            elif self.lenient and not signed and appendix is None and not style.startswith(_MARK):
                # a paragraph the clerk pasted in Word's own style, in a file carrying its report
                blocks.append(m.Block(m.BlockRole.PARAGRAPH, self.runs(item.runs)))
            else:
                raise ValueError(style)  # not our layout after all: recognise it instead
        report.addressees = addressees if (single_addressee or addressees) else []
        for item in report.appendices:
            if item.table is None:
                # a titled form with no rows prints its title block alone: keep it so (one empty column)
                item.table = m.Table([m.TableColumn()] if item.title.strip() else [], [], 0)
        report.appendices = [a for a in report.appendices if a.table.columns]
        self.narrative(blocks, report)
        return m.normalize(report)

    def narrative(self, blocks: list[m.Block], report: m.Report) -> None:
        if blocks and blocks[0].role == m.BlockRole.PARAGRAPH and len(blocks[0].runs) == 1 \
                and not blocks[0].runs[0].bold and not blocks[0].runs[0].italic and not blocks[0].runs[0].footnote:
            report.opening = blocks.pop(0).runs[0].text
        closing = None
        if blocks and blocks[-1].role == m.BlockRole.PARAGRAPH and len(blocks[-1].runs) == 1 \
                and not blocks[-1].runs[0].bold and not blocks[-1].runs[0].italic and not blocks[-1].runs[0].footnote \
                and re.match(r"\s*Trên đây", blocks[-1].runs[0].text):
            closing = blocks.pop().runs[0].text
        part: m.Part | None = None
        for block in blocks:
            if block.role in (m.BlockRole.PART, m.BlockRole.HEADING1) or part is None:
                part = m.Part(m.PartTag(meaning_of(block.text)) if block.role in m.HEADING_ROLES else m.PartTag.OTHER)
                report.parts.append(part)
            part.blocks.append(block)
        report.closing = closing or ""

    def header(self, table: RTable, report: m.Report) -> None:
        org = report.organization
        for row in table.rows:
            for cell in row.cells:
                for para in cell.paragraphs:
                    text = para.body_text
                    if para.style == "CCHCGoverningBody":
                        org.governing_body.append(text)
                    elif para.style == "CCHCIssuingBody":
                        org.issuing_body.append(text)
                    elif para.style == "CCHCNumber" and text.startswith("Số: "):
                        report.elements.number_line = True
                        number, _, rest = text[len("Số: "):].partition("/")
                        doc_type, _, abbreviation = rest.partition("-")
                        report.number = "" if number == BLANK or not number.strip() else number
                        report.doc_type, org.abbreviation = doc_type, abbreviation
                    elif para.style == "CCHCPlaceDate":
                        self.date(text, report)

    @staticmethod
    def date(text: str, report: m.Report) -> None:
        match = _DATE.match(text)
        if not match:
            raise ValueError(text)
        place = match.group("place")
        report.place = report.organization.place = place if place is not None else ""
        day, month = match.group("d").strip(), match.group("m").strip()
        report.date = m.DocumentDate(int(match.group("y")), int(month) if month.isdigit() else None,
                                     int(day) if day.isdigit() else None)
        report.period = m.Period(m.PeriodKind.NONE, report.date.year)

    def signature(self, table: RTable, report: m.Report) -> None:
        sig = report.signature
        titles = []
        for row in table.rows:
            for cell in row.cells:
                for para in cell.paragraphs:
                    text = para.body_text
                    if para.style == "CCHCRecipient":
                        report.recipients.append(text[2:] if text.startswith("- ") else text)
                    elif para.style == "CCHCAuthority":
                        sig.authority.append(text)
                    elif para.style == "CCHCSignerTitle":
                        titles.append(text)
                    elif para.style == "CCHCSignerCaption":
                        sig.captions.append(text)
                    elif para.style == "CCHCSignerName":
                        sig.name = text
        sig.title = titles[0] if titles else ""
        sig.concurrent_title = " ".join(titles[1:])


def _visible(content: DocxContent, lenient: bool = False) -> m.Report | None:
    """What the page of one of our exports shows, read by style (period from the subject).
    ``lenient``: body paragraphs in other styles are plain paragraphs, not a reason to give up."""
    if not (is_own_export(content) or lenient and _has_our_layout(content)):
        return None
    try:
        report = _Reader(content, lenient).read()
    except (ValueError, IndexError):
        return None
    own_period(report)
    return report


def read_own_export(content: DocxContent, path: Path | None = None) -> m.Report | None:
    """The report of one of our own exports, or None when the file is not one (or was
    edited beyond our layout): then the recogniser reads it.  With ``path``, the report the
    writer embedded is taken wherever the visible text it describes is unchanged (own_meta.py)."""
    from ..document.docx_meta import read_meta
    from .docx_reader import read_docx
    from .own_meta import merge, read_again

    ours = is_own_export(content)
    if not ours and (path is None or not _has_our_layout(content)):
        return None
    embedded = read_meta(path) if path is not None else None
    if embedded is not None and embedded[1].get("unchanged"):
        return embedded[0]  # saved by no one since our export: the page is the embedded report's
    # with its report embedded, a file the clerk pasted paragraphs into is still read as ours
    seen = _visible(content, lenient=embedded is not None)
    if seen is None or embedded is None:
        return seen if ours else None
    meta, options = embedded
    try:
        again = read_again(meta, options, lambda p: _visible(read_docx(p)))
    except ValueError:  # the writer refuses what the metadata holds: stale or forged
        return seen
    return seen if again is None else merge(seen, again, meta)


def own_period(report: m.Report) -> None:
    """Our exports carry no period field: take it from the subject as the recogniser does."""
    from ..core.periods import find_period_phrases

    for text in (report.subject, report.opening):
        for phrase in find_period_phrases(text):
            if not isinstance(phrase.value, str):
                report.period = phrase.value
                return
