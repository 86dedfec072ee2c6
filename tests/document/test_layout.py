"""The layout: one description of the page; the writers never see the Report."""

from __future__ import annotations

import ast
import copy
import inspect
from decimal import Decimal

from cchc_desktop.core.indicators import insert_column, new_row
from cchc_desktop.document import docx_writer, layout, pdf_flowables, pdf_writer
from cchc_desktop.document.layout import (GridTable, HeaderTable, KeepTogether, Para, SectionBreak,
                                          SignatureTable, make_document)

from .helpers import sample_report


def test_block_order_of_the_sample():
    blocks = make_document(sample_report()).blocks
    kinds = [type(b).__name__ if not isinstance(b, Para) else b.role for b in blocks]
    assert kinds[:6] == ["HeaderTable", "doc_name", "subject", "Rule", "addressee", "paragraph"]
    assert kinds[-7:] == ["KeepTogether", "SectionBreak", "appendix_heading", "appendix_title",
                          "appendix_reference", "Rule", "GridTable"]
    keep = blocks[kinds.index("KeepTogether")]
    assert isinstance(keep, KeepTogether) and keep.blocks[0].text.startswith("Trên đây")
    assert isinstance(keep.blocks[1], SignatureTable)
    assert blocks[kinds.index("addressee")].text == "Kính gửi: Phòng Văn hóa thông tin huyện Nghi Xuân"


def test_header_table_content():
    header = make_document(sample_report()).blocks[0]
    assert isinstance(header, HeaderTable) and header.widths_mm == (65.0, 100.0)
    (left, right), (number, dated) = header.rows
    assert [p.text for p in left if isinstance(p, Para)] == ["ỦY BAN NHÂN DÂN", "XÃ CƯƠNG GIÁN"]
    assert [p.text for p in right if isinstance(p, Para)] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                              "Độc lập - Tự do - Hạnh phúc"]
    motto_rule = right[-1]
    assert 55 < motto_rule.width_mm < 62  # as long as the motto line (about 60 mm at 14 pt)
    assert number[0].text == "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND"
    assert dated[0].text.startswith("Cương Gián, ngày ")


def test_heading_capitals_by_default_as_typed_on_request():
    report = sample_report()
    default = [b.text for b in make_document(report).blocks if isinstance(b, Para) and b.role == "heading1"]
    typed = [b.text for b in make_document(report, heading1_capitals=False).blocks
             if isinstance(b, Para) and b.role == "heading1"]
    assert default[1] == "II. NHỮNG THUẬN LỢI, KHÓ KHĂN"
    assert typed[1] == "II. Những thuận lợi, khó khăn"


def test_recipients_and_signature():
    keep = next(b for b in make_document(sample_report()).blocks if isinstance(b, KeepTogether))
    sig = keep.blocks[-1]
    assert [p.text for p in sig.left] == ["Nơi nhận:", "- Như trên;", "- TT Đảng ủy, TT HĐND xã;",
                                          "- Chủ tịch UBND, các PCT UBND xã;", "- Lưu: VP, VH."]
    assert [p.text for p in sig.right] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Sáu"]


def test_appendix_portrait_when_it_fits_landscape_when_not():
    report = sample_report()
    assert not next(b for b in make_document(report).blocks if isinstance(b, SectionBreak)).landscape
    wide = copy.deepcopy(report)
    table = wide.appendix.table
    insert_column(table, 3, "previous", "Kỳ trước")
    table.rows.append(new_row(table, tt="10", indicator="Mới", unit="Cuộc", value="1.250", previous="12,5"))
    blocks = make_document(wide).blocks
    assert next(b for b in blocks if isinstance(b, SectionBreak)).landscape
    table = blocks[-1]
    assert isinstance(table, GridTable) and abs(sum(table.widths_mm) - 252) < 0.1
    assert [p.text for p in table.rows[-1]] == ["10", "Mới", "Cuộc", "12,5", "1.250", ""]
    sub = next(row for row in table.rows if row[0].text == "")
    assert sub[1].role == "cell_subrow"


def _imported_names(module) -> set[str]:
    tree = ast.parse(inspect.getsource(module))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
    return names


def test_writers_never_look_at_the_report():
    for module in (docx_writer, pdf_writer, pdf_flowables):
        assert not [n for n in _imported_names(module) if "model" in n or "core" in n], module.__name__
