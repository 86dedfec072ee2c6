"""The pure QTextDocument <-> list[Block] pair, role detection and paste filtering."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextDocument

from cchc_desktop.core.model import Block, BlockRole, Run
from cchc_desktop.gui.narrative_editor import NarrativeEditor
from cchc_desktop.gui.rich_text import blocks_to_document, detect_role, document_to_blocks

words = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậềểễếệ ÀĐƯƠ.,;:()", min_size=1, max_size=30)
runs = st.builds(Run, words, st.booleans(), st.booleans())
blocks = st.builds(Block, st.sampled_from([r for r in BlockRole if r not in (BlockRole.TABLE, BlockRole.PICTURE)]), st.lists(runs, min_size=1, max_size=4)).filter(
    lambda b: b.text.strip())


def merged(block: Block) -> Block:
    out: list[Run] = []
    for run in block.runs:
        if out and (out[-1].bold, out[-1].italic) == (run.bold, run.italic):
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
        elif run.text:
            out.append(Run(run.text, run.bold, run.italic))
    return Block(block.role, out)


def test_detect_role() -> None:
    assert detect_role("II. Những thuận lợi") == BlockRole.HEADING1
    assert detect_role("2. Kết quả") == BlockRole.HEADING2
    assert detect_role("2.1 Tuyên truyền") == BlockRole.HEADING3
    assert detect_role("2.1. Tuyên truyền") == BlockRole.HEADING3
    assert detect_role("- Ban hành") == BlockRole.BULLET
    assert detect_role("Bên cạnh đó") is None
    assert detect_role("2024 là năm") is None


@settings(max_examples=40)
@given(st.lists(blocks, min_size=1, max_size=6))
def test_round_trip(qapp, content: list[Block]) -> None:
    document = QTextDocument()
    blocks_to_document(content, document)
    assert document_to_blocks(document) == [merged(b) for b in content]


def test_editor_detects_typed_markers_and_keeps_undo(qtbot) -> None:
    from tests.gui.helpers import type_text

    editor = NarrativeEditor()
    qtbot.addWidget(editor)
    type_text(editor, "II. Những thuận lợi")
    assert editor.blocks() == [Block(BlockRole.HEADING1, [Run("II. Những thuận lợi")])]
    editor.undo()
    assert editor.blocks() != [Block(BlockRole.HEADING1, [Run("II. Những thuận lợi")])]


def test_paste_keeps_text_bold_italic_only_in_nfc(qtbot) -> None:
    editor = NarrativeEditor()
    qtbot.addWidget(editor)
    mime = QMimeData()
    decomposed = unicodedata.normalize("NFD", "Tiếng Việt")
    mime.setHtml(f'<p style="color:red;font-size:30pt"><b>{decomposed}</b> thường <i>nghiêng</i> '
                 '<span style="font-family:Arial">chữ</span></p><p>- Gạch đầu dòng</p>'
                 '<table><tr><td>ô bảng</td></tr></table>')
    editor.insertFromMimeData(mime)
    result = editor.blocks()
    assert result[0] == Block(BlockRole.PARAGRAPH, [Run("Tiếng Việt", bold=True), Run(" thường "),
                                                    Run("nghiêng", italic=True), Run(" chữ")])
    assert result[1].role == BlockRole.BULLET
    assert result[2].text == "ô bảng"
    html = editor.document().toHtml()
    assert "color" not in html and "Arial" not in html


def test_plain_paste_is_nfc(qtbot) -> None:
    editor = NarrativeEditor()
    qtbot.addWidget(editor)
    mime = QMimeData()
    mime.setText(unicodedata.normalize("NFD", "Hội nghị\n- một"))
    editor.insertFromMimeData(mime)
    assert [b.text for b in editor.blocks()] == ["Hội nghị", "- một"]
    assert editor.blocks()[1].role == BlockRole.BULLET
    assert all(unicodedata.is_normalized("NFC", b.text) for b in editor.blocks())
