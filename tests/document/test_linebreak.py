"""Line breaking: never wider than the column, never loses or invents text, LibreOffice's hyphen rule."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cchc_desktop.core.model import Run
from cchc_desktop.document.fonts import register
from cchc_desktop.document.linebreak import break_lines, words_of

register()
TEXT = st.text(alphabet=st.sampled_from(list("aăâbcdđeêoôơuưy ỦyếẫỳAĐ-/.,0123456789 ")), max_size=400)


def _lines(runs, first=300.0, width=360.0, size=14.0):
    return break_lines(words_of(runs, size, False, False), first, width)


def _line_text(line) -> str:
    return " ".join("".join(p.text for p in w.pieces) for w in line.words)


@given(TEXT, st.booleans(), st.floats(min_value=20, max_value=470))
def test_lines_fit_and_keep_every_character(text, bold, width):
    runs = [Run(text[: len(text) // 2], bold=bold), Run(text[len(text) // 2:], italic=True)]
    lines = _lines(runs, width * 0.8, width)
    for index, line in enumerate(lines):
        room = width * 0.8 if index == 0 else width
        # A single character wider than the column is the only thing allowed to overflow.
        assert line.natural <= room + 1e-6 or sum(len(p.text) for w in line.words for p in w.pieces) == 1
    joined = "".join("".join(p.text for w in line.words for p in w.pieces) for line in lines)
    assert joined == "".join(text.split(" "))
    assert lines[-1].last and not any(line.last for line in lines[:-1])


def test_breaks_after_a_hyphen_inside_a_word_only():
    text = "Kế hoạch số 06/KH-UBND giai đoạn 2021-2030 và số 12/NQ-CP, kinh tế - xã hội"
    seen = set()
    for width in range(60, 400, 3):
        for line in _lines([Run(text)], width, width):
            last = "".join(p.text for p in line.words[-1].pieces) if line.words else ""
            if last.endswith("-"):
                assert last in ("06/KH-", "2021-", "12/NQ-", "-"), last
                seen.add(last)
            assert not last.endswith("/")
    assert {"06/KH-", "2021-"} <= seen


def test_justified_candidate_lines_do_not_shrink_spaces():
    text = "Thực hiện nhiệm vụ báo cáo định kỳ công tác tuyên truyền Cải cách hành chính, UBND xã"
    words = words_of([Run(text)], 14, False, False)
    lines = break_lines(words, 300, 300)
    space = words[0].space
    for line in lines:
        gaps = len(line.words) - 1
        assert line.natural == sum(w.width for w in line.words) + gaps * space
