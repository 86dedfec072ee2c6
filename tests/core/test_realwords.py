"""Real-word typos (issue 28): a pair of real syllables that is no word, one slip from a common word."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cchc_desktop.core.checks import run_checks
from cchc_desktop.core.checks.fixes import apply_fix
from cchc_desktop.core.checks.realwords import key, slip, typos
from cchc_desktop.core.model import Block, BlockRole, SectionKey
from tests.core.strategies_clean import clean_sample

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("text", "written", "meant"), [
    ("Các nước tranh dành ảnh hưởng trong khu vực.", "tranh dành", "tranh giành"),
    ("Cần sắp sếp lại bộ máy cho tinh gọn.", "sắp sếp", "sắp xếp"),
    ("Bác sĩ chuẩn đoán bệnh cho người dân.", "chuẩn đoán", "chẩn đoán"),
    ("Kịp thời sử lý vi phạm hành chính.", "sử lý", "xử lý"),
    ("Cập nhật thôn tin lên cổng điện tử.", "thôn tin", "thông tin"),  # a dropped g
    ("Tranh dành đất đai giữa các hộ.", "Tranh dành", "Tranh giành"),
])
def test_finds(text: str, written: str, meant: str) -> None:
    assert [(w, m) for _s, _e, w, m in typos(text)] == [(written, meant)]


@pytest.mark.parametrize("text", [
    "Các nước tranh giành ảnh hưởng; sắp xếp bộ máy; chẩn đoán bệnh; xử lí, xử lý vi phạm.",
    "Đây là nhiệm vụ chung của cả hệ thống chính trị.",  # "của cả" is no slip for "của cải"
    "Xét đề nghị của Công an tỉnh tại Tờ trình số 108/TTr-CAT.",  # not "tĩnh tại"
    "Chi trợ cấp hằng tháng; cán bộ chiến sỹ; giao hàng tận nhà; khi chấm điểm các đơn vị.",
    "Ủy ban nhân dân cấp tỉnh chỉ đạo; đây là việc cần làm; hoá đơn và hóa đơn.",
    "Ông Nguyễn Văn Dành và bà Lê Thị Sếp dự họp.",  # names in capitals
    "Có thể là bảng tính Excel cũ.",  # a g added is no slip: "bảng tính" is a word the list lacks
])
def test_keeps(text: str) -> None:
    assert typos(text) == ()


def test_slips_are_the_ones_people_make() -> None:
    assert key("hoá") == key("hóa") and key("sỹ") == key("sĩ")
    assert slip(key("dành"), key("giành")) and slip(key("sếp"), key("xếp"))
    assert slip(key("chuẩn"), key("chẩn")) and slip(key("sữa"), key("sửa"))
    assert not slip(key("cả"), key("cải")) and not slip(key("tỉnh"), key("tính"))
    assert slip(key("thôn"), key("thông")) and not slip(key("bảng"), key("bản"))


def test_finding_names_the_place_and_fixes_it() -> None:
    report = clean_sample()
    report.section(SectionKey.RESULTS).blocks.append(Block.plain(BlockRole.BULLET, "- Sắp sếp lại các thôn."))
    found = [f for f in run_checks(report) if f.rule_id == "realwords.typo"]
    assert len(found) == 1 and found[0].location.section == "results" and "“Sắp xếp”" in found[0].message
    fixed = apply_fix(report, found[0])
    assert fixed.section(SectionKey.RESULTS).blocks[-1].text == "- Sắp xếp lại các thôn."


def test_word_list_is_open_and_loaded_on_first_use() -> None:
    head = (ROOT / "resources/lexicon/vi-dictionary-words.txt").read_text(encoding="utf-8")[:2000]
    assert "pyvi" in head and "MIT" in head and "Permission is hereby granted" in head
    code = ("import cchc_desktop.core.checks as c; from cchc_desktop.core.checks import realwords as r; "
            "print(r.dictionary.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "0"
