"""Pasting from Word into a narrative editor: text with bold and italic, legacy TCVN3/VNI
fonts converted run by run (the font names survive in Word's clipboard HTML), and each
pasted paragraph given its role by the same rules the Word import uses."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument, QTextFormat

from cchc_desktop.core.model import Block, BlockRole, Run
from cchc_desktop.importing.legacy import convert_run
from cchc_desktop.importing.recognize import _BULLET, bold_ratio, heading_level
from cchc_desktop.importing.docx_reader import RRun

from .rich_text import _clean

_LEVEL_ROLE = {0: BlockRole.PART, 1: BlockRole.HEADING1, 2: BlockRole.HEADING2}


def _font(fmt) -> str:
    # Ask for the property only when it is set: QTextCharFormat.fontFamily()/fontFamilies()
    # crash PySide6 6.x on a format without a family.
    if not fmt.hasProperty(QTextFormat.Property.FontFamilies):
        return ""
    families = fmt.property(QTextFormat.Property.FontFamilies)
    if isinstance(families, (list, tuple)) and families:
        return str(families[0])
    return str(families or "")


def paragraph_role(text: str, runs: list[Run]) -> BlockRole:
    """The role of a pasted paragraph: typed markers as in the import ("I.", "1.", "2.1.",
    "a)", "Phần thứ …"), bullets ("-", "+", "*"), else a paragraph."""
    stripped = text.strip()
    level = heading_level(stripped)
    bold = bold_ratio([RRun(r.text, r.bold, r.italic) for r in runs])
    if level is not None and level >= 0:
        short = len(stripped) <= 160 and not stripped.endswith(";")
        if bold >= 0.6 or level <= 1 or (short and not stripped.endswith(".")):
            return _LEVEL_ROLE.get(level, BlockRole.HEADING3)
        return BlockRole.PARAGRAPH
    if _BULLET.match(stripped):
        return BlockRole.BULLET
    return BlockRole.PARAGRAPH


def document_blocks(document: QTextDocument) -> list[Block]:
    """The non-empty paragraphs of a pasted document, converted and with their roles."""
    blocks: list[Block] = []
    block = document.begin()
    while block.isValid():
        runs: list[Run] = []
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                fmt = fragment.charFormat()
                text = _clean(convert_run(fragment.text(), _font(fmt)))
                run = Run(text, fmt.fontWeight() >= QFont.Weight.DemiBold, fmt.fontItalic())
                if runs and (runs[-1].bold, runs[-1].italic) == (run.bold, run.italic):
                    runs[-1].text += run.text
                elif run.text:
                    runs.append(run)
            it += 1
        text = "".join(r.text for r in runs)
        if text.strip():
            blocks.append(Block(paragraph_role(text, runs), runs))
        block = block.next()
    return blocks


def html_blocks(html: str) -> list[Block]:
    scratch = QTextDocument()
    scratch.setHtml(html)
    return document_blocks(scratch)
