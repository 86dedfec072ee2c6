"""Pasting from Word: bold/italic kept, TCVN3/VNI runs converted by their font, Unicode runs
untouched, paragraphs given roles as the Word import gives them."""

from __future__ import annotations

from PySide6.QtCore import QMimeData

from cchc_desktop.core.model import BlockRole
from cchc_desktop.gui.narrative_editor import NarrativeEditor
from tests.importing.docx_builder import to_tcvn3, to_tcvn3_caps, to_vni

WORD_HTML = f"""<html><body>
<p class=MsoNormal><b><span style='font-family:".VnTimeH"'>{to_tcvn3_caps("II. Khó khăn, vướng mắc")}</span></b></p>
<p class=MsoNormal><span style='font-family:".VnTime"'>{to_tcvn3("- Cộng hoà xã hội chủ nghĩa ")}</span><i><span
 style='font-family:"Times New Roman"'>giữ nguyên µ · Ü</span></i></p>
<p class=MsoNormal><b><span style='font-family:"VNI-Times"'>{to_vni("2.1. Đặc biệt nặng nhọc")}</span></b></p>
<p class=MsoNormal><span style='font-family:"VNI-Times"'>{to_vni("Hưởng ứng phong trào thi đua.")}</span></p>
</body></html>"""


def test_paste_from_word_converts_legacy_fonts_and_sets_roles(qtbot) -> None:
    editor = NarrativeEditor()
    qtbot.addWidget(editor)
    mime = QMimeData()
    mime.setHtml(WORD_HTML)
    editor.insertFromMimeData(mime)
    blocks = editor.blocks()
    assert [b.text for b in blocks] == ["II. KHÓ KHĂN, VƯỚNG MẮC", "- Cộng hoà xã hội chủ nghĩa giữ nguyên µ · Ü",
                                        "2.1. Đặc biệt nặng nhọc", "Hưởng ứng phong trào thi đua."]
    assert [b.role for b in blocks] == [BlockRole.HEADING1, BlockRole.BULLET, BlockRole.HEADING3,
                                        BlockRole.PARAGRAPH]
    assert blocks[0].runs[0].bold
    assert [(r.text, r.italic) for r in blocks[1].runs][-1] == ("giữ nguyên µ · Ü", True)
