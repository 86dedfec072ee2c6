"""The syllable set, spelling, doubled words, glued numbers, numbering and fixes, case by case."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from cchc_desktop.core.checks import lexicon
from cchc_desktop.core.checks.fixes import FixError, apply_text_fix
from cchc_desktop.core.checks.base import Fix
from cchc_desktop.core.checks.numbering import numbering_problems
from cchc_desktop.core.checks.placeholders import placeholders_in
from cchc_desktop.core.checks.spelling import doubled_words, glued_numbers, misspellings, suggest
from cchc_desktop.core.checks.syllables import is_syllable, syllables
from cchc_desktop.core.model import Block, BlockRole, Run, SectionKey
from tests.core.strategies_clean import clean_sample

VALID = ("hoà hòa thuỷ thủy uỷ ủy Ủy Uỷ quyết quý quí giếng gì gìn giữ giải kết truyền tuyên nghiêng khuya "
         "quốc nguyễn người đường xoong được những yêu yết ý kỹ kĩ thuở huơ ngoài oái khuỷu huỳnh nguệch "
         "ngoằn quẹo hoạch chính việc phường góa goá tỉnh HĐND UBND ĐẢNG").split()
INVALID = ("kêt truền qủa qúa nghành lụyện ngẵt thưc đươc coa ka gy kăp tuyen hoach").split()


@pytest.mark.parametrize("word", VALID)
def test_valid_syllables_in_both_tone_placements(word) -> None:
    assert is_syllable(word) or word.isupper()  # abbreviations are not syllables but pass the spelling rule
    assert misspellings(f"Văn bản {word} được ban hành.") == []


@pytest.mark.parametrize("word", INVALID)
def test_impossible_syllables_are_found(word) -> None:
    assert not is_syllable(word)
    found = misspellings(f"Báo cáo {word} thực hiện.")
    assert [m.word for m in found] == [word]


def test_the_set_is_complete_but_not_loose() -> None:
    words = syllables()
    assert 14_000 < len(words) < 20_000
    assert all(unicodedata.is_normalized("NFC", w) for w in words)
    # stop-final rhymes take only sắc and nặng
    assert {"tốt", "tột"} <= words and not {"tồt", "tổt", "tỗt", "tôt"} & words


def test_corpus_transcripts_are_all_valid_vietnamese() -> None:
    root = Path(__file__).resolve().parents[2]  # ../shared beside the clone (CI), or beside the worktrees
    files = []
    for corpus in (root.parent / "shared", root.parent.parent / "shared"):
        files = list((corpus / "corpus" / "legacy").glob("*.expected.txt")) + list((corpus / "reference").glob("*.txt"))
        if files:
            break
    if not files:
        pytest.skip("../shared is not here")
    slips = set()
    doubled = []
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            slips.update(m.word for m in misspellings(line) if m.kind != "english")
            doubled += [line[s - 20:e + 20] for s, e, _w in doubled_words(line)]
    assert doubled == []  # "doanh thu thu tiền", "doanh thu thu được": words sharing a syllable
    # the real slips of those transcripts, and nothing else
    assert slips <= {"qủa", "qúy", "ngẵt", "lụyện", "hoach"}


def test_suggestions_put_the_likely_word_first() -> None:
    assert suggest("kêt")[0] == "kết"
    assert suggest("truền")[0] == "truyền"
    assert suggest("nghành")[0] == "ngành"
    assert suggest("Kêt")[0] == "Kết"
    assert suggest("KÊT")[0] == "KẾT"


@pytest.mark.parametrize("text", [
    "Tuyên truyền qua Zalo, Facebook, fanpage, email, website và Cổng dichvucong.gov.vn.",
    "Kế hoạch số 06/KH-UBND; hotline 0238.3821.456; ubnd.xuanhoa@nghean.gov.vn; https://abc.vn/x.",
    "Thôn Ksơr, xã Ia Grai; Đắk Lắk là tỉnh bạn; đồng bào H'Mông; già làng Y Phun.",
    "Mục ii và mục iv; VNeID mức 2; iGate; eKYC; 15 trđ; scan hồ sơ, gửi link đăng ký.",
])
def test_names_codes_brands_and_loanwords_pass(text) -> None:
    assert misspellings(text) == []


def test_capitals() -> None:
    assert [m.word for m in misspellings("I. KÊT QUẢ THỰC HIỆN")] == ["KÊT"]
    assert misspellings("UBND TỈNH ĐẮK LẮK; HUYỆN KRÔNG PẮC; HĐND, BCĐ, TTHC") == []
    assert misspellings("Céng hßa x· héi chñ nghÜa ViÖt Nam") == []  # legacy font: its own rule


def test_english_is_told_apart_from_vietnamese_without_accents() -> None:
    assert [(m.word, m.kind) for m in misspellings("Tổ chức meeting, kêt quả tuyen truyen.")] == [
        ("meeting", "english"), ("kêt", "syllable"), ("tuyen", "accents"), ("truyen", "accents")]


def test_the_clerks_own_words() -> None:
    try:
        assert [m.word for m in misspellings("Nhơng là tên xóm.")] == ["Nhơng"]
        lexicon.set_user_words(["nhơng"])
        assert misspellings("Nhơng là tên xóm.") == []
    finally:
        lexicon.set_user_words([])


@pytest.mark.parametrize(("text", "doubled"), [
    ("Những những kết quả được được ghi nhận.", ["những", "được"]),
    ("Công tác cải cách cách hành chính.", ["cách"]),
    ("Tiếp tục nâng nâng cao chất lượng.", ["nâng"]),
    ("Công tác cải cách cải cách hành chính.", ["cải cách"]),
    ("Bộ phận trực tiếp tiếp nhận hồ sơ.", []),
    ("Tra cứu lịch sử sử dụng dịch vụ.", []),
    ("Xử lý hành vi vi phạm.", []),
    ("Ngày ngày phát thanh; người người thi đua.", []),
    ("Doanh thu thu được; thực hiện hiện đại hóa; cải cách cách thức.", []),
    ("Số 10 10 hộ.", []),
])
def test_doubled_words(text, doubled) -> None:
    assert [w.lower() for _s, _e, w in doubled_words(text)] == doubled


@pytest.mark.parametrize(("text", "fixed"), [
    ("Vận động 05hộ gia đình, 12cuộc họp.", ["05 hộ", "12 cuộc"]),
    ("10km đường, 15ha lúa, mẫu 2a, 15%, 06/KH-UBND, Tổ 5A, 20h00, UBND5.", []),
])
def test_glued_numbers(text, fixed) -> None:
    assert [f for _s, _e, f in glued_numbers(text)] == fixed


@pytest.mark.parametrize(("lines", "problems"), [
    (["I. A", "II. B", "IV. C", "IV. D"], [("IV", "III"), ("IV", "V")]),
    (["I. A", "1. x", "1.1. a", "1.2. b", "1.3 c", "2.1 z"], [("2.1", "1.4")]),
    (["I. A", "a) x", "b) y", "d) z"], [("d", "c")]),
    (["I. A", "a) x", "b) y", "c) z", "d) t", "e) u"], []),  # đ may be skipped
    (["I. A", "1. x", "1.1. a", "1.1.1. b", "1.1.2 c", "1.2. d", "2. y", "2.1 z"], []),
    (["Phần thứ nhất", "I. A", "II. B", "Phần thứ hai", "I. C", "II. D"], []),
])
def test_numbering(lines, problems) -> None:
    found = numbering_problems([(str(i), line) for i, line in enumerate(lines)])
    assert [(typed, want) for _f, _s, _e, typed, want in found] == problems


@pytest.mark.parametrize(("text", "blank"), [
    ("In tờ rơi, pa nô, áp phích, ...", False),
    ("Tuyên truyền qua các nhóm (Zalo, Facebook, …) của thôn.", False),
    ("Các khoản phí, lệ phí chứng thư ...", False),
    ("Họp thôn, chào cờ đầu tháng....", False),
    ("Tổ chức … hội nghị.", True),
    ("Các hình thức như: ...", True),
    ("Ngày … tháng … năm 2026", True),
    ("Số tin bài: ............", True),
])
def test_ellipsis_after_a_list_is_not_a_blank(text, blank) -> None:
    assert bool(list(placeholders_in(text))) is blank


def test_a_fix_keeps_the_formatting_of_other_runs_and_the_original_report() -> None:
    report = clean_sample()
    block = Block(BlockRole.BULLET, [Run("- Vận động ", bold=True), Run("05hộ", italic=True),
                                     Run(" gia đình", footnote=[Run("Theo Kế hoạch số 06.")])])
    report.section(SectionKey.RESULTS).blocks.append(block)
    s, b = 0, len(report.sections[0].blocks) - 1
    fixed = apply_text_fix(report, Fix("x", f"sections[{s}].blocks[{b}]", 11, 15, "05 hộ"))
    runs = fixed.sections[0].blocks[b].runs
    assert [(r.text, r.bold, r.italic) for r in runs] == [("- Vận động ", True, False), ("05 hộ", False, True),
                                                          (" gia đình", False, False)]
    assert runs[2].footnote[0].text == "Theo Kế hoạch số 06."
    assert report.sections[0].blocks[b].runs[1].text == "05hộ"
    with pytest.raises(FixError):
        apply_text_fix(report, Fix("x", f"sections[{s}].blocks[{b}]", 10, 99, ""))
    fixed = apply_text_fix(report, Fix("x", "recipients[0]", 0, 0, "- "))
    assert fixed.recipients[0].startswith("- ") and not report.recipients[0].startswith("- ")
    assert re.match(r"Như trên", report.recipients[0])
