"""Stale and impossible dates, one number for two documents (issue 28). The sample is the
6-month report of 2024."""

from __future__ import annotations

import pytest

from cchc_desktop.core.checks import run_checks
from cchc_desktop.core.model import Block, BlockRole, SectionKey
from tests.core.strategies_clean import clean_sample

RULES = ("dates_text.stale_since", "dates_text.impossible_year", "doc_numbers.two_codes", "doc_numbers.two_subjects")


def _found(*texts: str):
    report = clean_sample()
    for text in texts:
        report.section(SectionKey.RESULTS).blocks.append(Block.plain(BlockRole.BULLET, text))
    return [f for f in run_checks(report) if f.rule_id in RULES]


@pytest.mark.parametrize(("texts", "rule_id", "count", "words"), [
    (["- Từ ngày 01/01/2023 đến nay, trong 6 tháng đầu năm 2024 đã tiếp nhận 1.234 hồ sơ."],
     "dates_text.stale_since", 1, ("01/01/2023", "2024")),
    (["- Từ đầu năm 2023 đến nay, năm nay tiếp nhận 1.234 hồ sơ."], "dates_text.stale_since", 1, ("2023",)),
    (["- Tổ chức hội nghị năm 20245 tại hội trường xã."], "dates_text.impossible_year", 1, ("20245",)),
    (["- Hội nghị ngày 15/01/20245 và ngày 15/3/2042."], "dates_text.impossible_year", 1, ("20245",)),
    (["- Thực hiện Quyết định số 512/QĐ-UBND ngày 05/3/2024 của UBND huyện về cải cách hành chính.",
      "- Theo Quyết định số 512/QĐ-SNV ngày 05/3/2024 về cải cách hành chính năm 2024."],
     "doc_numbers.two_codes", 2, ("512/QĐ-UBND", "512/QĐ-SNV")),
    (["- Thực hiện Kế hoạch số 45/KH-UBND ngày 10/01/2024 về tuyên truyền cải cách hành chính.",
      "- Theo Kế hoạch số 45/KH-UBND ngày 10/01/2024 về phòng chống dịch bệnh gia súc."],
     "doc_numbers.two_subjects", 2, ("tuyên truyền", "phòng chống dịch")),
])
def test_finds(texts, rule_id, count, words) -> None:
    found = _found(*texts)
    assert [f.rule_id for f in found] == [rule_id] * count
    assert found[0].location.field.startswith("sections[") and all(w in found[0].message for w in words), found[0].message


@pytest.mark.parametrize("texts", [
    ["- Từ ngày 01/01/2024 đến nay đã tiếp nhận 1.234 hồ sơ trong năm 2024."],
    ["- Từ ngày 01/01/2023 đến nay (hai năm) đã tiếp nhận tổng cộng 3.456 hồ sơ."],  # not tied to this year
    ["- Từ ngày 01/3/2023 đến nay, năm 2024 có thêm 12 mô hình."],  # a campaign that started then
    ["- Giai đoạn 2021–2025, kỷ niệm ngày 03/02/1930, đến ngày 31/12/2030 hoàn thành, tầm nhìn năm 2045."],
    ["- Quyết định số 512/QĐ-UBND ngày 05/3/2024 của UBND huyện và Quyết định số 512/QĐ-SNV ngày 06/4/2024."],
    ["- Quyết định số 512/QĐ-UBND ngày 05/3/2024 về cải cách hành chính, ban hành kèm Quyết định số 512/QĐ-UBND "
     "về kế hoạch cải cách hành chính năm 2024."],
    ["- Kế hoạch số 45/KH-UBND ngày 10/01/2023 về tuyên truyền; Kế hoạch số 45/KH-UBND ngày 10/01/2024 về y tế "
     "dự phòng dịch bệnh."],  # numbers start again every year
])
def test_keeps(texts) -> None:
    assert _found(*texts) == []
