"""Sums in the running text (issue 28): shares, totals, series — what they find and what they leave."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.core.checks import field_text, run_checks
from cchc_desktop.core.model import Block, BlockRole, SectionKey
from tests.core.strategies_clean import clean_sample

RULES = ("arithmetic.share", "arithmetic.total", "arithmetic.series")


def _found(text: str) -> list[tuple[str, str, str]]:
    report = clean_sample()
    report.section(SectionKey.RESULTS).blocks.append(Block.plain(BlockRole.BULLET, text))
    return [(f.rule_id, f.message, field_text(report, f.location.field)[f.location.start:f.location.end])
            for f in run_checks(report) if f.rule_id in RULES]


FINDS = [
    ("- Đã số hóa 4.512/5.230 hồ sơ, đạt 87,63%.", "arithmetic.share", ("86,27%", "87,63%")),
    ("- Đã tiếp nhận 3.065 hồ sơ trên ứng dụng VNeID trên tổng số 3.416 hồ sơ tiếp nhận, đạt tỷ lệ 79,7%.",
     "arithmetic.share", ("89,7%", "79,7%")),
    ("- Có 15.463/17.731 hợp tác xã, doanh nghiệp đủ điều kiện trên địa bàn tỉnh đăng ký cấp định danh điện tử, "
     "đạt tỷ lệ 87,02%.", "arithmetic.share", ("87,21%", "87,02%")),
    ("- Số hóa đạt tỷ lệ 87,63% (4.512/5.230 hồ sơ).", "arithmetic.share", ("86,27%", "87,63%")),
    ("- Phát sinh 5.264 hồ sơ liên thông (4.031 hồ sơ khai sinh và 1.233 hồ sơ khai tử), trong đó: 4.568 hồ sơ "
     "đã trả kết quả (đạt tỷ lệ 88,8%).", "arithmetic.share", ("4.568", "5.264", "86,8%", "88,8%")),
    ("- Phát sinh 5.264 hồ sơ liên thông (4.031 hồ sơ khai sinh và 1.323 hồ sơ khai tử).", "arithmetic.total",
     ("5.264", "4.031 + 1.323 = 5.354")),
    ("- Đã số hóa 5.230/4.512 hồ sơ (115,9%).", "arithmetic.share", ("viết ngược", "4.512/5.230")),
    ("- Thu ngân sách 1.250/1.000 tỷ đồng dự toán (80%).", "arithmetic.share", ("viết ngược", "1.000/1.250")),
    ("- Kết quả giải quyết đạt tỷ lệ % trên tổng số hồ sơ.", "arithmetic.share", ("chưa có con số",)),
    ("- Tiếp nhận 12.340 hồ sơ trực tuyến và 2.115 hồ sơ trực tiếp, tổng số 14.445 hồ sơ.", "arithmetic.total",
     ("14.445", "14.455")),
    ("- Sắp xếp gồm: 3 xã khu vực I, 5 xã khu vực II và 2 xã khu vực III, tổng cộng 9 xã.", "arithmetic.total",
     ("9 xã", "= 10")),
    ("- Toàn huyện có 45 xã, trong đó 52 xã đạt chuẩn.", "arithmetic.total", ("52 xã", "45 xã")),
    ("- Năm 2021: 512 vụ/730 đối tượng; năm 2022: 512 vụ/730 đối tượng; năm 2023: 498 vụ/702 đối tượng.",
     "arithmetic.series", ("2022", "2021", "512")),
    ("- Tiếp nhận 1.250 hồ sơ, tăng 15,6% so với cùng kỳ (1.100 hồ sơ).", "arithmetic.series", ("15,6%", "13,6%")),
    ("- Tháng 7: 1.204 hồ sơ, 96 tin bài; tháng 8: 1.204 hồ sơ, 96 tin bài; tháng 9: 1.310 hồ sơ, 88 tin bài.",
     "arithmetic.series", ("tháng 8", "tháng 7", "1.204")),
    ("- Tiếp nhận 1.250 hồ sơ, tăng 160 hồ sơ so với cùng kỳ (1.100 hồ sơ).", "arithmetic.series",
     ("160", "1.250", "1.100", "150")),
]


@pytest.mark.parametrize(("text", "rule_id", "words"), FINDS, ids=[f[1] + str(i) for i, f in enumerate(FINDS)])
def test_finds(text: str, rule_id: str, words: tuple[str, ...]) -> None:
    found = _found(text)
    assert [r for r, _m, _s in found] == [rule_id]
    message, marked = found[0][1], found[0][2]
    assert any(ch.isdigit() or ch == "%" for ch in marked), marked  # the location marks the figures
    assert all(word in message for word in words), message


KEEPS = [
    "- Đã số hóa 4.512/5.230 hồ sơ, đạt 86,27%.",  # right
    "- Đã số hóa 4.512/5.230 hồ sơ, đạt 86,2%.",  # truncated
    "- Đã số hóa 4.512/5.230 hồ sơ, đạt 86,3%; 86%.",  # rounded
    "- Cấp 2.111/2.627 tài khoản (đạt tỷ lệ 80,35%), 577.722/914.419 trẻ em, đạt tỷ lệ 63,17%.",
    "- Thực hiện 5.230/4.512 chỉ tiêu, vượt kế hoạch 115,9%.",
    "- Đã tiếp nhận 3.065 hồ sơ trên ứng dụng VNeID trên tổng số 3.416 hồ sơ tiếp nhận, đạt tỷ lệ 89,7%.",
    "- Lấy tổng số điểm mà xã đạt được trên tổng số 100 điểm tại thời điểm xếp loại, 80 điểm đạt 80%.",  # over the plan: legitimate
    "- Hoàn thành 45/50 nhiệm vụ, tăng 12,5% so với cùng kỳ.",  # a share of another base
    "- Giai đoạn 2021–2025 phấn đấu đạt 90% hồ sơ trực tuyến; tỷ lệ hài lòng 80-90%.",
    "- Hoàn thành 45/50 nhiệm vụ (đạt 85–90%); phấn đấu 45/50 xã đạt 95%.",  # a range, a target
    "- Quyết định số 512/QĐ-UBND ngày 06/11/2025, điện thoại 0912.345.678, đạt 100%.",
    "- Tháng 12/2025 và quý 3/2025 đạt 95%; ngày 06/11 đạt 98%.",
    "- Tiếp nhận 12.340 hồ sơ trực tuyến và 2.115 hồ sơ trực tiếp, tổng số 14.455 hồ sơ.",
    "- Gồm: 3 xã khu vực I, 5 xã khu vực II và 2 xã khu vực III, tổng cộng 10 xã.",
    "- Gồm: 3 xã khu vực I, 5 xã khu vực II, ..., tổng cộng 10 xã.",  # "..." : the list goes on
    "- Phát sinh 120 hồ sơ (80 hồ sơ khai sinh, 30 hồ sơ khai tử và các hồ sơ khác).",
    "- Tiếp nhận 12 hồ sơ, đã giải quyết 10 hồ sơ, đang giải quyết 2 hồ sơ, tổng số 12 hồ sơ.",
    "- Tiếp nhận 120 hồ sơ, lũy kế 980 hồ sơ, tổng số 1.100 hồ sơ.",
    "- Toàn huyện có 45 xã, trong đó 40 xã đạt chuẩn.",
    "- Phát sinh 5.264 hồ sơ liên thông (4.031 hồ sơ khai sinh và 1.233 hồ sơ khai tử), trong đó: 4.568 hồ sơ "
    "đã trả kết quả (đạt tỷ lệ 86,8%).",
    "- Số hóa đạt tỷ lệ 86,27% (4.512/5.230 hồ sơ); tăng 12,5% (4.512/5.230 hồ sơ).",
    "- Đã tiếp nhận 120 hồ sơ (đúng hạn 100 hồ sơ, trễ hạn 15 hồ sơ); 130 hồ sơ (tăng 20 hồ sơ và 10 hồ sơ).",
    "- Tiếp nhận 3.065 hồ sơ (gồm 4 hồ sơ A và 1.233 hồ sơ B), trong đó: 2.568 hồ sơ đã trả kết quả.",
    "- Năm 2021: 512 vụ/730 đối tượng; năm 2022: 498 vụ/702 đối tượng...",
    "- Tiếp nhận 1.250 hồ sơ, tăng 150 hồ sơ so với cùng kỳ (1.100 hồ sơ).",
    "- Tiếp nhận 1.050 hồ sơ, giảm 50 hồ sơ so với cùng kỳ (1.100 hồ sơ).",
    "- Tiếp nhận 1.250 hồ sơ, tăng 13,6% so với cùng kỳ (1.100 hồ sơ); 1.250 hồ sơ, tăng 13,64% so với cùng kỳ (1.100 hồ sơ).",
    "- Quý I: 3 hội nghị, 12 tin bài; quý II: 3 hội nghị, 12 tin bài.",  # routine counts repeat
    "- Tháng 12/2025 tiếp nhận 12 hồ sơ; tháng 11/2025 tiếp nhận 12 hồ sơ; năm 2024: 100%; năm 2025: 100%.",
]


@pytest.mark.parametrize("text", KEEPS)
def test_keeps(text: str) -> None:
    assert _found(text) == []


PIECES = list("0123456789.,/%()-–: ;") + [
    "tổng số ", "trong đó ", "tăng ", "giảm ", " so với cùng kỳ (", "đạt tỷ lệ ", " hồ sơ ", " và ", "gồm: ",
    "năm 2025: ", "tháng 3: ", "trên tổng số ", "đồng", "Quyết định số ", "/QĐ-UBND", " ngày ",
    "99999999999999999999999999999999", "0", "0,000"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_text_is_read_without_error(text: str) -> None:
    from cchc_desktop.core.checks import arithmetic

    for read in (arithmetic._shares, arithmetic._totals, arithmetic._series):
        assert isinstance(read(text), tuple)
