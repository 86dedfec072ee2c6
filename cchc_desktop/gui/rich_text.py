"""QTextDocument <-> list[Block]: the only place the editor's rich text meets the model.

A block's role lives in a QTextBlockFormat user property (it survives Enter, which copies the
block format to the new block); bold and italic are the only character formats we keep.
Heading looks come from a syntax highlighter, so they never leak into the runs.
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from cchc_desktop.core.model import Block, BlockRole, Run

ROLE_PROPERTY = QTextFormat.Property.UserProperty + 1
# Set when the clerk picked the role from the style box: typing then no longer overrides it.
MANUAL_PROPERTY = QTextFormat.Property.UserProperty + 2
BULLET_INDENT = 24.0  # px, so bullets stand out on screen; the exporter decides the real layout

_MARKERS: tuple[tuple[re.Pattern[str], BlockRole], ...] = (
    (re.compile(r"^[IVXLC]+\.\s"), BlockRole.HEADING1),
    (re.compile(r"^\d+\.\d+(\.\d+)*\.?\s"), BlockRole.HEADING3),
    (re.compile(r"^[a-zđ]\)\s"), BlockRole.HEADING3),
    (re.compile(r"^\d+\.\s"), BlockRole.HEADING2),
    (re.compile(r"^[-+•–]\s"), BlockRole.BULLET),
)


def detect_role(text: str) -> BlockRole | None:
    """The role a typed marker implies ('II. ' -> heading 1, '2.1 ' -> heading 3, '- ' -> bullet)."""
    for pattern, role in _MARKERS:
        if pattern.match(text):
            return role
    return None


def block_role(block_format: QTextBlockFormat) -> BlockRole:
    # stringProperty, not property(): PySide6 6.12's property() drops a reference to None when the
    # property is missing, and enough keystrokes then crash the interpreter (bool/none_dealloc).
    value = block_format.stringProperty(ROLE_PROPERTY)
    try:
        return BlockRole(value) if value else BlockRole.PARAGRAPH
    except ValueError:
        return BlockRole.PARAGRAPH


def list_margin(text: str) -> float:
    """A list item's indent on screen: "+ " items (the second level) one step further in."""
    return BULLET_INDENT * (2 if text.startswith("+ ") else 1)


def role_format(role: BlockRole, manual: bool = False, text: str = "") -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(ROLE_PROPERTY, role.value)
    fmt.setProperty(MANUAL_PROPERTY, manual)
    fmt.setLeftMargin(list_margin(text) if role == BlockRole.BULLET else 0.0)
    fmt.setTopMargin(8.0 if role in (BlockRole.HEADING1, BlockRole.HEADING2) else 2.0)
    fmt.setBottomMargin(2.0)
    return fmt


def char_format(bold: bool, italic: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setFontItalic(italic)
    return fmt


def _clean(text: str) -> str:
    # Shift+Enter gives U+2028; the model has one line per block.
    return unicodedata.normalize("NFC", text.replace("\u2028", " ").replace("\u2029", " ").replace("\ufffc", ""))


def document_to_blocks(document: QTextDocument, positions: list | None = None) -> list[Block]:
    """Every non-empty paragraph of ``document`` as a Block, runs merged, text in NFC.

    Footnote marks become ``Run.footnote`` of the run before them; a table object becomes a
    TABLE block of its own. ``positions``, when given, receives (QTextBlock, offset) per block.
    """
    from .picture_actions import PICTURE_TYPE, picture_of
    from .text_objects import FOOTNOTE_TYPE, TABLE_TYPE, footnote_of, object_type, table_of

    blocks: list[Block] = []
    block = document.begin()
    while block.isValid():
        role = block_role(block.blockFormat())
        runs: list[Run] = []
        start = 0
        captioned: list[Block] = []  # a picture on this line: the text after it is its caption

        def flush() -> None:
            if captioned:
                captioned.pop().runs = list(runs)
                return
            if "".join(r.text for r in runs).strip() or any(r.footnote is not None for r in runs):
                text_role = role if role not in (BlockRole.TABLE, BlockRole.PICTURE) else (
                    detect_role("".join(r.text for r in runs)) or BlockRole.PARAGRAPH)
                blocks.append(Block(text_role, list(runs)))
                if positions is not None:
                    positions.append((block, start))

        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                fmt = fragment.charFormat()
                kind = object_type(fmt)
                if kind == FOOTNOTE_TYPE:
                    for _mark in fragment.text():
                        if not runs or runs[-1].footnote is not None:
                            runs.append(Run("", fmt.fontWeight() >= QFont.Weight.DemiBold, fmt.fontItalic()))
                        runs[-1].footnote = footnote_of(fmt)
                elif kind == PICTURE_TYPE:  # gui/picture_actions.py
                    flush()
                    runs = []
                    blocks.append(Block(BlockRole.PICTURE, [], picture=picture_of(fmt)))
                    captioned.append(blocks[-1])
                    if positions is not None:
                        positions.append((block, fragment.position() - block.position()))
                    start = fragment.position() - block.position() + 1
                elif kind == TABLE_TYPE:
                    for _table in fragment.text():
                        flush()
                        runs = []
                        blocks.append(Block(BlockRole.TABLE, [], table_of(fmt)))
                        if positions is not None:
                            positions.append((block, fragment.position() - block.position()))
                        start = fragment.position() - block.position() + 1
                else:
                    run = Run(_clean(fragment.text()), fmt.fontWeight() >= QFont.Weight.DemiBold, fmt.fontItalic())
                    if runs and (runs[-1].bold, runs[-1].italic) == (run.bold, run.italic) \
                            and runs[-1].footnote is None:
                        runs[-1].text += run.text
                    elif run.text:
                        runs.append(run)
            it += 1
        flush()
        block = block.next()
    return blocks


def blocks_to_document(blocks: list[Block], document: QTextDocument) -> None:
    """Replace the content of ``document`` with ``blocks`` (undo history cleared)."""
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    from .text_objects import OBJECT_CHAR, footnote_format, table_format

    for index, block in enumerate(blocks):
        fmt = role_format(block.role, manual=(detect_role(block.text) or BlockRole.PARAGRAPH) != block.role,
                          text=block.text)
        if index == 0:
            cursor.setBlockFormat(fmt)
        else:
            cursor.insertBlock(fmt, char_format(False, False))
        if block.role == BlockRole.TABLE and block.table is not None:
            cursor.insertText(OBJECT_CHAR, table_format(block.table))
            continue
        if block.role == BlockRole.PICTURE and block.picture is not None:  # its caption follows
            from .picture_actions import picture_format
            cursor.insertText(OBJECT_CHAR, picture_format(block.picture))
        for run in block.runs:
            cursor.insertText(run.text, char_format(run.bold, run.italic))
            if run.footnote is not None:
                cursor.insertText(OBJECT_CHAR, footnote_format(run.footnote))
    cursor.endEditBlock()
    document.clearUndoRedoStacks()
    document.setModified(False)
