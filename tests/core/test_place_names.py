"""Every place a finding can point at has a name of its own (issue 26): the headings from the
part down to the innermost one, then the block's rank under it ("Phần II, mục 3, điểm b),
đoạn 1"), tables and pictures by rank, footnotes by their printed number, appendix columns by
their full header."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from cchc_desktop.core.checks.base import text_fields
from cchc_desktop.core.checks.places import where
from cchc_desktop.core.model import Block, BlockRole, Cell, Part, Report, Run, Table, TableColumn, TableRow

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "reports"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/reports")
FILES = sorted(CORPUS.glob("0*.doc*"))


def _fields(report: Report) -> list[str]:
    """Every text field the checks read, and every block (tables and pictures too)."""
    fields = [field for field, _ in text_fields(report)]
    fields += [f"sections[{s}].blocks[{b}]" for s, part in enumerate(report.sections) for b in range(len(part.blocks))]
    return list(dict.fromkeys(fields))


def _duplicates(report: Report) -> list[tuple[str, int]]:
    return [(name, n) for name, n in Counter(where(report, f) for f in _fields(report)).items() if n > 1]


def _import(path: Path, tmp: Path) -> Report:
    from cchc_desktop.importing import import_file
    from cchc_desktop.importing.safety import convert_with_libreoffice, soffice_path

    if path.suffix == ".doc":
        if soffice_path() is None:
            pytest.skip("LibreOffice (soffice) is not installed")
        path = convert_with_libreoffice(path, tmp)
    return import_file(path).report


@pytest.mark.parametrize("path", FILES, ids=[p.name[:2] for p in FILES])
def test_every_place_of_a_real_report_has_its_own_name(path: Path, tmp_path: Path) -> None:
    report = _import(path, tmp_path)
    assert len(_fields(report)) > 100
    assert _duplicates(report) == []


def _p(role: BlockRole, text: str) -> Block:
    return Block.plain(role, text)


def _report() -> Report:
    H1, H2, H3, P, B = BlockRole.HEADING1, BlockRole.HEADING2, BlockRole.HEADING3, BlockRole.PARAGRAPH, BlockRole.BULLET
    from cchc_desktop.core.templates import load_sample

    report = load_sample()
    report.appendices = []
    report.parts = [
        Part(blocks=[_p(H1, "I. KẾT QUẢ"), _p(P, "Mở đầu phần."), _p(H2, "1. Tuyên truyền"), _p(P, "Một."),
                     _p(H2, "2. Kiểm soát"), _p(H3, "2.1. Thủ tục"), _p(P, "Hai."), _p(H3, "a) Cấp xã"), _p(B, "- Ba.")]),
        Part(blocks=[_p(H1, "II. TỒN TẠI"), _p(H2, "1. Thể chế"), _p(P, "Bốn."), _p(H2, "3. Nhân lực"),
                     _p(H3, "a) Cán bộ"), _p(P, "Năm."), _p(H3, "b) Công chức"), _p(B, "- Sáu."), _p(B, "- Bảy."),
                     _p(H3, "b) Viên chức"), _p(P, "Tám.")]),
    ]
    return report


def test_a_place_is_named_by_the_whole_path_of_headings() -> None:
    report = _report()
    names = [where(report, f"sections[1].blocks[{b}]") for b in range(len(report.parts[1].blocks))]
    assert names == ["Phần II", "Phần II, mục 1", "Phần II, mục 1, đoạn 1", "Phần II, mục 3",
                     "Phần II, mục 3, điểm a)", "Phần II, mục 3, điểm a), đoạn 1", "Phần II, mục 3, điểm b)",
                     "Phần II, mục 3, điểm b), đoạn 1", "Phần II, mục 3, điểm b), đoạn 2",
                     "Phần II, mục 3, điểm b) (thứ 2)", "Phần II, mục 3, điểm b) (thứ 2), đoạn 1"]
    # a sub-item names its parent in its own number: "mục 2.1", not "mục 2, mục 2.1"
    assert where(report, "sections[0].blocks[6]") == "Phần I, mục 2.1, đoạn 1"
    assert where(report, "sections[0].blocks[8]") == "Phần I, mục 2.1, điểm a), đoạn 1"
    assert where(report, "sections[0].blocks[1]") == "Phần I, đoạn 1"
    assert _duplicates(report) == []


def test_footnotes_tables_and_repeated_parts_are_told_apart() -> None:
    report = _report()
    note = Block(BlockRole.PARAGRAPH, [Run("Theo Kế hoạch"), Run("", footnote=[Run("Kế hoạch số 1.")]),
                                       Run(" và Quyết định"), Run("", footnote=[Run("Quyết định số 2.")])])
    grid = Table([TableColumn(), TableColumn()], [TableRow([Cell.plain("A"), Cell.plain("B")]),
                                                  TableRow([Cell.plain("x"), Cell.plain("y")])])
    report.parts[1].blocks[2:2] = [note, Block(BlockRole.TABLE, [], table=grid)]
    report.parts.append(Part(blocks=[_p(BlockRole.HEADING1, "II. PHƯƠNG HƯỚNG"), _p(BlockRole.PARAGRAPH, "Chín.")]))
    assert where(report, "sections[1].blocks[2].runs[1].footnote") == "Phần II, mục 1, đoạn 1, chú thích 1"
    assert where(report, "sections[1].blocks[2].runs[3].footnote") == "Phần II, mục 1, đoạn 1, chú thích 2"
    assert where(report, "sections[1].blocks[3].table.rows[1].cells[0]") == "Phần II, mục 1, bảng 1, dòng 2, cột 1"
    assert where(report, "sections[2].blocks[1]") == "Phần II (thứ 2), đoạn 1"
    assert _duplicates(report) == []


def test_appendix_columns_under_two_groups_and_two_alike_appendices() -> None:
    from cchc_desktop.core.checks.places import column_name
    from cchc_desktop.core.model import AppendixTable

    top = TableRow([Cell.plain("TT", rowspan=2), Cell.plain("Số hồ sơ", colspan=2), Cell(),
                    Cell.plain("Tỷ lệ", colspan=2), Cell()])
    low = TableRow([Cell(), Cell.plain("Kỳ này"), Cell.plain("Kỳ trước"), Cell.plain("Kỳ này"), Cell.plain("Kỳ trước")])
    body = TableRow([Cell.plain("1"), Cell.plain(""), Cell.plain(""), Cell.plain("x"), Cell.plain("y")])
    table = Table([TableColumn() for _ in range(5)], [top, low, body], header_rows=2)
    assert [column_name(table, c) for c in range(5)] == [
        "“TT”", "“Số hồ sơ – Kỳ này”", "“Số hồ sơ – Kỳ trước”", "“Tỷ lệ – Kỳ này”", "“Tỷ lệ – Kỳ trước”"]
    report = _report()
    report.appendices = [AppendixTable(heading="PHỤ LỤC", table=table), AppendixTable(heading="PHỤ LỤC", table=table)]
    assert where(report, "appendices[1].table.rows[2].cells[3]") == "Phụ lục (thứ 2), dòng 1, cột “Tỷ lệ – Kỳ này”"
    assert _duplicates(report) == []


def test_headings_numbered_in_other_ways_are_named_alike() -> None:
    H1, H2, H3, P = BlockRole.HEADING1, BlockRole.HEADING2, BlockRole.HEADING3, BlockRole.PARAGRAPH
    report = _report()
    report.parts = [Part(blocks=[_p(H1, "PHẦN II: TỒN TẠI"), _p(H2, "1 Thể chế"), _p(H3, "1.2.Thủ tục"),
                                 _p(H3, "đ) Cấp xã"), _p(P, "Một."), _p(H3, "Việc khác"), _p(P, "Hai.")])]
    names = [where(report, f"sections[0].blocks[{b}]") for b in range(7)]
    assert names == ["Phần II", "Phần II, mục 1", "Phần II, mục 1.2", "Phần II, mục 1.2, điểm đ)",
                     "Phần II, mục 1.2, điểm đ), đoạn 1", "Phần II, mục 1, đề mục “Việc khác”",
                     "Phần II, mục 1, đề mục “Việc khác”, đoạn 1"]
