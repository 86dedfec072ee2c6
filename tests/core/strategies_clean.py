"""Reports that follow every check rule: a fixed clean sample and a hypothesis strategy."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from cchc_desktop.core.figures import figure_text
from cchc_desktop.core.indicators import indicator_rows, new_row
from cchc_desktop.core.model import (
    AppendixTable, Block, BlockRole, DocumentDate, Organization, Period, PeriodKind, Report,
    ReportStatus, Section, SectionKey, Signature, indicator_table,
)
from cchc_desktop.core.periods import next_period, period_label
from cchc_desktop.core.templates import load_sample


def clean_sample() -> Report:
    """The reference report with its real mistakes corrected (see the sample expectations)."""
    report = load_sample()
    results, directions = report.section(SectionKey.RESULTS), report.section(SectionKey.DIRECTIONS)
    for block in directions.blocks + results.blocks:
        for run in block.runs:
            run.text = run.text.replace("06/KH-UBND ngày 25/01/2024", "06/KH-UBND ngày 15/01/2024")
    indicator_rows(report.appendix.table)[0].set_text("note", "Kế hoạch số 06/KH-UBND ngày 15/01/2024.")
    report.appendix.title = "BÁO CÁO TUYÊN TRUYỀN CCHC 6 THÁNG ĐẦU NĂM 2024"
    report.recipients[-1] = "Lưu: VT, VP, VH."
    report.closing = report.closing.replace("báo cáo đề phòng", "báo cáo để Phòng")
    return report


WORDS = ("tuyên truyền", "cải cách hành chính", "cán bộ", "công chức", "Nhân dân", "thủ tục", "một cửa",
         "Văn hóa & Thông tin", "đẩy mạnh", "hiệu quả", "chào cờ đầu tháng", "thôn", "tin, bài", "CCHC",
         "Trang thông tin điện tử", "“Dân vận khéo”", "(DDCI)", "100%", "giai đoạn 2021-2030",
         "Kế hoạch số 06/KH-UBND ngày 15/01/2024", "Nghị quyết số 76/NQ-CP ngày 15/7/2021")
ROLES = (BlockRole.HEADING2, BlockRole.HEADING3, BlockRole.PARAGRAPH, BlockRole.BULLET)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    kept: list[str] = []
    for word in words:  # "thôn thôn", "Thông tin tin, bài": a word said twice is a slip
        if not kept or (kept[-1] != word and
                        kept[-1].split()[-1].strip(",.").lower() != word.split()[0].strip(",.“(").lower()):
            kept.append(word)
    words = kept
    text = " ".join(words)
    text = text[0].upper() + text[1:]
    return text + draw(st.sampled_from([".", "...", "....", ";", ":", ""]))


@st.composite
def clean_periods(draw: st.DrawFn) -> Period:
    kind = draw(st.sampled_from([k for k in PeriodKind if k not in (PeriodKind.ADHOC, PeriodKind.WEEK,
                                                                     PeriodKind.NONE)]))
    high = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4}.get(kind)
    index = draw(st.integers(1, high)) if high else None
    return Period(kind, draw(st.integers(2000, 2099)), index)


def _blocks(draw: st.DrawFn, heading: str) -> list[Block]:
    blocks = [Block.plain(BlockRole.HEADING1, heading)]
    for _ in range(draw(st.integers(0, 5))):
        blocks.append(Block.plain(draw(st.sampled_from(ROLES)), draw(sentences())))
    return blocks


@st.composite
def clean_reports(draw: st.DrawFn) -> Report:
    period = draw(clean_periods())
    label, following = period_label(period), period_label(next_period(period))
    final = draw(st.booleans())
    number = draw(st.sampled_from(["", "05", "15", "123"])) if not final else draw(st.sampled_from(["05", "15"]))
    month = draw(st.integers(1, 12)) if final or draw(st.booleans()) else None
    day = draw(st.integers(1, 28)) if month is not None and (final or draw(st.booleans())) else None
    addressees = draw(st.lists(st.sampled_from(["Phòng Văn hóa và Xã hội", "UBND huyện"]), max_size=2))
    middle = draw(st.lists(st.sampled_from(["TT Đảng ủy, TT HĐND xã;", "Các PCT UBND xã;"]), max_size=2))
    recipients = (["Như trên;"] if addressees or draw(st.booleans()) else []) + middle + ["Lưu: VT, VP."]
    deputy = draw(st.booleans())
    signature = Signature(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" if deputy else "CHỦ TỊCH"],
                          "PHÓ CHỦ TỊCH" if deputy else "", draw(st.sampled_from(["Lê Thị Sáu", "Nguyễn Văn An"])))
    table = indicator_table()
    for i in range(draw(st.integers(0, 6))):
        table.rows.append(new_row(table, tt=str(i + 1), indicator=draw(st.sampled_from(WORDS)),
                                  unit=draw(st.sampled_from(["Văn bản", "Tin, bài"])),
                                  value=figure_text(Decimal(draw(st.integers(0, 10**6)))),
                                  note=draw(st.sampled_from(["", "Hội họp...."]))))
    return Report(
        organization=Organization(["ỦY BAN NHÂN DÂN", "XÃ CƯƠNG GIÁN"], [], "Ủy ban nhân dân xã Cương Gián",
                                  "Cương Gián", "UBND"),
        period=period,
        date=DocumentDate(period.year, month, day),
        number=number,
        place="Cương Gián",
        subject=f"Công tác tuyên truyền cải cách hành chính {label}",
        addressees=addressees,
        opening=f"UBND xã báo cáo công tác tuyên truyền CCHC {label} như sau:",
        parts=[
            Section(SectionKey.RESULTS, _blocks(draw, f"I. Kết quả thực hiện {label}")),
            Section(SectionKey.DIFFICULTIES, _blocks(draw, "II. Những thuận lợi, khó khăn")),
            Section(SectionKey.DIRECTIONS, _blocks(draw, f"III. Phương hướng, nhiệm vụ {following}")),
        ],
        closing=f"Trên đây là kết quả công tác tuyên truyền CCHC {label}./.",
        signature=signature,
        recipients=recipients,
        appendices=[AppendixTable(title=f"BÁO CÁO TUYÊN TRUYỀN CCHC {label.upper()}", table=table)],
        status=ReportStatus.FINAL if final else ReportStatus.DRAFT,
    )
