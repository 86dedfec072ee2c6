"""Numbers written wrong in running text (issue 28): space inside, decimal mark, glued unit."""

from __future__ import annotations

import pytest

from cchc_desktop.core.checks import run_checks
from cchc_desktop.core.checks.fixes import apply_fix
from cchc_desktop.core.checks.text_numbers import fractions, quantities, value
from cchc_desktop.core.model import Block, BlockRole, SectionKey
from tests.core.strategies_clean import clean_sample

RULES = ("numbers.space_inside", "numbers.decimal_mark", "numbers.glued_unit")


def _report(*texts: str):
    report = clean_sample()
    for text in texts:
        report.section(SectionKey.RESULTS).blocks.append(Block.plain(BlockRole.BULLET, text))
    return report


def _found(*texts: str):
    report = _report(*texts)
    return [f for f in run_checks(report) if f.rule_id in RULES]


@pytest.mark.parametrize(("texts", "rule_id", "words"), [
    (["- Tiếp nhận 1, 275 hồ sơ trực tuyến."], "numbers.space_inside", ("1, 275", "1.275")),
    (["- Sản lượng 1.234,5 kg, tăng 12,5%.", "- Tồn kho 3.456.7 kg."], "numbers.decimal_mark", ("3.456.7",)),
    (["- Tỷ lệ hồ sơ trực tuyến 87,63%.", "- Tỷ lệ thanh toán trực tuyến 12.5%."], "numbers.decimal_mark", ("12.5",)),
    (["- Hỗ trợ 12.000 hộ.", "- Mỗi hộ được hỗ trợ 450,000 đồng."], "numbers.decimal_mark", ("450,000",)),
    (["- Mỗi suất quà 48,5g đường."], "numbers.glued_unit", ("48,5g", "48,5 g")),
    (["- Hỗ trợ mỗi hộ 1.500.000đ."], "numbers.glued_unit", ("1.500.000đ",)),
    (["- Giá 715đồng một trang."], "numbers.glued_unit", ("715đồng",)),
    (["- Cấp 2,5tấn gạo cho mỗi thôn."], "numbers.glued_unit", ("2,5tấn", "2,5 tấn")),
])
def test_finds(texts: list[str], rule_id: str, words: tuple[str, ...]) -> None:
    found = _found(*texts)
    assert [f.rule_id for f in found] == [rule_id]
    assert found[0].location.field.startswith("sections[") and all(w in found[0].message for w in words), found[0].message


@pytest.mark.parametrize("texts", [
    ["- Các tổ 1, 2, 3 và tổ 4, 275 hộ tham gia; ấp 1, 120 hộ."],
    ["- Tỷ lệ 50%, mạng 4G và 5G phủ 98%, họp lúc 20h00, mẫu 2a, mục 2.1, điện thoại 0912.345.678."],
    ["- Làm 10km đường, 15ha lúa, 12kg gạo, 50m2 nhà."],  # whole numbers with a unit symbol: accepted
    ["- Cấp 12 kg gạo, 1.500.000 đồng, giai đoạn 2021–2025, Quyết định số 512/QĐ-UBND ngày 06/11/2025."],
    ["- Tỷ lệ thanh toán trực tuyến 12.5%."],  # no Vietnamese decimal anywhere: the report's own habit
    ["- Sản lượng 1.234,5 kg; tiếp nhận 12.340 hồ sơ, 1.234.567 lượt truy cập."],
    ["- Mỗi hộ được hỗ trợ 450,000 đồng."],  # no dot-grouped figure anywhere: the report's own habit
    ["- Hỗ trợ 12.000 hộ; sản lượng 1,250 tấn; tỷ lệ 12,125%."],  # a measure may have three decimals
])
def test_keeps(texts: list[str]) -> None:
    assert _found(*texts) == []


def test_a_report_that_glues_every_unit_is_told_once() -> None:
    texts = [f"- Mặt hàng {n}: {n}0.000đ/kg." for n in range(1, 8)]
    found = _found(*texts)
    assert len(found) == 1 and "6 chỗ khác" in found[0].message


def test_fix_puts_the_space() -> None:
    report = _report("- Cấp 500.000đ; tiếp nhận 1, 275 hồ sơ.")
    for rule_id, fixed in (("numbers.glued_unit", "- Cấp 500.000 đ; tiếp nhận 1, 275 hồ sơ."),
                           ("numbers.space_inside", "- Cấp 500.000đ; tiếp nhận 1.275 hồ sơ.")):
        finding = next(f for f in run_checks(report) if f.rule_id == rule_id)
        assert apply_fix(report, finding).section(SectionKey.RESULTS).blocks[-1].text == fixed


def test_reading_numbers() -> None:
    assert value("4.512") == 4512 and str(value("87,63")) == "87.63" and str(value("1.234,5")) == "1234.5"
    assert [(f.part, f.whole) for f in fractions("đạt 4.512/5.230 hồ sơ")] == [(4512, 5230)]
    for text in ("số 512/QĐ-UBND", "ngày 06/11/2025", "ngày 06/11", "tháng 12/2025", "quý 3/2025", "2021–2025"):
        assert list(fractions(text)) == [], text
    assert [(q.text, q.unit) for q in quantities("tổng số 14.445 hồ sơ, năm 2025")] == [("14.445", "hồ sơ")]
