"""Tables and footnotes inside a part's text: insert, edit, merge, delete, undo, save and reopen."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument

from cchc_desktop.core.model import Block, BlockRole, NumberStyle, RowKind, Run
from cchc_desktop.gui.body_editor import BodyEditor, FootnoteDialog, TableDialog
from cchc_desktop.gui.rich_text import blocks_to_document, document_to_blocks
from cchc_desktop.gui.table_ops import new_table
from tests.strategies import tables

from .helpers import press, type_text, unikey
from .test_window import stored

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def _cursor_after(editor: BodyEditor, words: str) -> None:
    found = editor.document().find(words)
    assert not found.isNull(), words
    cursor = editor.textCursor()
    cursor.setPosition(found.selectionEnd())
    editor.setTextCursor(cursor)


def _table_blocks(blocks: list[Block]) -> list[tuple[int, Block]]:
    return [(i, b) for i, b in enumerate(blocks) if b.role == BlockRole.TABLE]


def test_tables_and_footnotes_round_trip_through_the_document(qapp) -> None:
    table = new_table(3, 4, 2)
    table.rows[0].cells[1].runs = [Run("Kết quả")]
    table.rows[0].cells[1].colspan = 2
    blocks = [
        Block(BlockRole.HEADING2, [Run("1. Kết quả", footnote=[Run("Theo ", italic=True), Run("Kế hoạch 06")])]),
        Block(BlockRole.TABLE, [], table),
        Block(BlockRole.PARAGRAPH, [Run("Đầu", bold=True, footnote=[Run("a")]), Run("", footnote=[Run("b")]),
                                    Run(" cuối")]),
    ]
    document = QTextDocument()
    blocks_to_document(blocks, document)
    assert document_to_blocks(document) == blocks


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(tables(max_columns=4, max_rows=4), min_size=1, max_size=3))
def test_any_table_survives_the_editor(qapp, drawn) -> None:
    blocks = []
    for table in drawn:
        blocks += [Block(BlockRole.PARAGRAPH, [Run("Đoạn")]), Block(BlockRole.TABLE, [], table)]
    editor = BodyEditor()
    editor.set_blocks(blocks)
    assert editor.blocks() == blocks


def test_insert_edit_merge_delete_a_table_with_undo(open_window, database) -> None:
    window = open_window()
    tab = window.narrative
    window.tabs.setCurrentWidget(tab)
    tab.select_part(0)
    editor = tab.editor
    before = editor.blocks()
    paragraph = next(b for b in before if b.role == BlockRole.BULLET)
    _cursor_after(editor, paragraph.text[:20])  # in the middle of a paragraph: it is split around the table

    editor.ask_new_table = lambda: new_table(4, 3, 1)
    tab.insert_table_button.click()
    blocks = editor.blocks()
    [(at, block)] = _table_blocks(blocks)
    assert blocks[at - 1].text == paragraph.text[:20] and blocks[at + 1].text == paragraph.text[20:]
    assert len(block.table.rows) == 4 and len(block.table.columns) == 3 and block.table.header_rows == 1

    def edit_in_dialog(table, title="Sửa bảng"):
        dialog = TableDialog(table, title)
        grid = dialog.grid
        model = grid.model
        model.setData(model.index(0, 0), "TT")
        model.setData(model.index(0, 1), "Nội dung")
        model.setData(model.index(1, 1), "Hội nghị")
        grid.select(0, 1)
        grid.insert_column(1)  # a column to the right: 4 columns
        grid.select(1, 0)
        grid.insert_row()  # under row 1
        grid.view.selectionModel().clearSelection()
        grid.select(0, 1)
        grid.view.selectionModel().select(model.index(0, 2), grid.view.selectionModel().SelectionFlag.Select)
        grid.merge_selection()
        grid.select(2, 0)
        grid.set_row_kind(RowKind.GROUP)
        grid.set_header_rows(2)
        dialog.number_style.activated.emit(dialog.number_style.findData(NumberStyle.VIETNAMESE))
        return dialog.table()

    editor.ask_table = edit_in_dialog
    position = editor.tables()[0][0]
    assert editor.edit_table(position)
    [(_at, block)] = _table_blocks(editor.blocks())
    table = block.table
    assert len(table.columns) == 4 and len(table.rows) == 5 and table.header_rows == 2
    assert table.number_style == NumberStyle.VIETNAMESE
    assert table.rows[0].cells[1].colspan == 2 and table.rows[0].cells[1].text == "Nội dung"
    assert table.rows[2].kind == RowKind.GROUP
    assert table.rows[1].cells[1].text == "Hội nghị"

    editor.undo()  # the whole dialog edit is one step in the text
    [(_at, block)] = _table_blocks(editor.blocks())
    assert len(block.table.columns) == 3 and block.table.rows[0].cells[0].text == ""
    editor.redo()
    window.save_now(wait=True)
    window.close()
    for report in (stored(database), open_window().report):
        [(_at, block)] = _table_blocks(report.parts[0].blocks)
        assert block.table == table

    window = open_window()
    editor = window.narrative.editor
    position = editor.tables()[0][0]
    assert editor.delete_object(position)
    assert not _table_blocks(editor.blocks())
    editor.undo()
    assert _table_blocks(editor.blocks())


def test_typing_on_a_table_line_goes_to_a_new_paragraph(qtbot) -> None:
    editor = BodyEditor()
    qtbot.addWidget(editor)
    editor.set_blocks([Block(BlockRole.PARAGRAPH, [Run("Trước")]), Block(BlockRole.TABLE, [], new_table(2, 2))])
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)  # right after the table
    type_text(editor, "Sau ")
    unikey(editor, "bangr", "bảng")
    press(editor, Qt.Key.Key_Return)
    type_text(editor, "- ý")
    roles = [(b.role, b.text) for b in editor.blocks()]
    assert roles == [(BlockRole.PARAGRAPH, "Trước"), (BlockRole.TABLE, ""), (BlockRole.PARAGRAPH, "Sau bảng"),
                     (BlockRole.BULLET, "- ý")]


def test_footnote_ctrl_alt_f_edit_delete_undo_and_reopen(open_window, database) -> None:
    window = open_window()
    tab = window.narrative
    tab.select_part(1)
    editor = tab.editor
    words = editor.blocks()[0].text.split()[2]
    _cursor_after(editor, words)
    asked = []

    def answer(runs, number):
        asked.append((runs, number))
        return [Run("Theo "), Run("Báo cáo số 12", italic=True)]

    editor.ask_footnote = answer
    press(editor, Qt.Key.Key_F, CTRL_ALT)
    assert asked == [([], 1)]
    first = editor.blocks()[0]
    noted = [run for run in first.runs if run.footnote is not None]
    assert len(noted) == 1 and noted[0].text.endswith(words)
    assert noted[0].footnote == [Run("Theo "), Run("Báo cáo số 12", italic=True)]
    assert first.text == window.report.parts[1].blocks[1].text  # the words themselves are unchanged

    # A footnote in an earlier part numbers this one 2 (the report's order).
    tab.select_part(0)
    tab.editor.ask_footnote = lambda runs, number: [Run("Trước")]
    _cursor_after(tab.editor, tab.editor.blocks()[0].text[:5])
    assert tab.editor.insert_footnote()
    position = editor.footnotes()[0][0]
    assert editor.footnote_number(position) == 2

    editor.ask_footnote = lambda runs, number: runs[:1] + [Run("Kế hoạch 15")]
    assert editor.edit_footnote(position)
    assert editor.footnotes()[0][1] == [Run("Theo "), Run("Kế hoạch 15")]
    editor.undo()
    assert editor.footnotes()[0][1][1].text == "Báo cáo số 12"
    editor.redo()
    window.save_now(wait=True)
    window.close()
    for report in (stored(database), open_window().report):
        notes = [run.footnote for block in report.parts[1].blocks for run in block.runs if run.footnote]
        assert notes == [[Run("Theo "), Run("Kế hoạch 15")]]
        assert [run.footnote for run in report.parts[0].blocks[1].runs if run.footnote] == [[Run("Trước")]]

    window = open_window()
    window.narrative.select_part(1)
    editor = window.narrative.editor
    assert editor.delete_object(editor.footnotes()[0][0])
    assert not editor.footnotes()
    editor.undo()
    assert len(editor.footnotes()) == 1


def test_footnote_dialog_takes_unikey_and_bold(qtbot) -> None:
    dialog = FootnoteDialog([Run("Theo ")], 3)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Chú thích 3"
    editor = dialog.editor
    unikey(editor, "Quyeets", "Quyết")
    press(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, " 15")
    assert dialog.runs() == [Run("Theo Quyết"), Run(" 15", bold=True)]


def test_copy_and_paste_between_parts_keeps_footnotes_and_tables(qtbot) -> None:
    source, target = BodyEditor(), BodyEditor()
    qtbot.addWidget(source)
    qtbot.addWidget(target)
    content = [Block(BlockRole.PARAGRAPH, [Run("Có chú thích", footnote=[Run("Ghi chú")])]),
               Block(BlockRole.TABLE, [], new_table(2, 2))]
    source.set_blocks(content)
    source.selectAll()
    source.copy()
    target.paste()
    assert target.blocks() == content
    target.undo()
    assert target.blocks() == []


def test_double_click_on_a_mark_or_table_opens_its_editor(qtbot) -> None:
    editor = BodyEditor()
    qtbot.addWidget(editor)
    editor.resize(600, 400)
    editor.show()
    editor.set_blocks([Block(BlockRole.PARAGRAPH, [Run("Một", footnote=[Run("Ghi")]), Run(" hai ba")]),
                       Block(BlockRole.TABLE, [], new_table(2, 2))])
    asked = []
    editor.ask_footnote = lambda runs, number: asked.append(("footnote", runs)) or None
    editor.ask_table = lambda table, title="": asked.append(("table", table)) or None
    cursor = editor.textCursor()
    cursor.setPosition(3)
    mark = editor.cursorRect(cursor)
    qtbot.mouseDClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=mark.center() + QPoint(2, 0))
    assert asked == [("footnote", [Run("Ghi")])]
    cursor.setPosition(7)  # on the word "hai": selects it, no dialog
    qtbot.mouseDClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=editor.cursorRect(cursor).center())
    assert len(asked) == 1
    table_line = editor.document().findBlockByNumber(1)
    cursor.setPosition(table_line.position())
    point = editor.cursorRect(cursor).center()
    qtbot.mouseDClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point + QPoint(40, 10))
    assert [kind for kind, _ in asked] == ["footnote", "table"]
