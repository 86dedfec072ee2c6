"""Builds the check fixtures: realistic reports, one per trap and per slip, in the shapes
real offices send (weekly notes, monthly work reports, quarterly and yearly CCHC reports
with next-period directions, statistical forms with group rows, thematic reports).

    python tests/core/check_fixtures/build.py     # rewrites every NAME.json here

Each NAME.json is an exchange file (format version 2); NAME.expected.json beside it lists
the findings the checks must give, no more and no fewer (written and read through by hand).
A part is written as a list of lines: the first is the heading; "- " makes a bullet, a line
starting with "1." / "2.1" / "a)" a heading of that level, anything else a paragraph.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from cchc_desktop.core.model import (  # noqa: E402
    AppendixTable, Block, BlockRole, Cell, DocumentDate, Elements, Organization, Part, PartTag, Period,
    PeriodKind, Report, RowKind, Run, Signature, Table, TableColumn, TableRow, table_column,
)
from cchc_desktop.store.exchange import exchange_text  # noqa: E402

R, D, DIR, P, O = PartTag.RESULTS, PartTag.DIFFICULTIES, PartTag.DIRECTIONS, PartTag.PROPOSALS, PartTag.OTHER
COMMUNE = Organization(["ỦY BAN NHÂN DÂN", "XÃ XUÂN HÒA"], [], "Ủy ban nhân dân xã Xuân Hòa", "Xuân Hòa", "UBND")
OFFICE = Organization(["UBND XÃ XUÂN HÒA", "VĂN PHÒNG HĐND VÀ UBND"], [], "Văn phòng HĐND và UBND xã",
                      "Xuân Hòa", "VP")
SIGNATURE = Signature(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Trần Văn Minh")
RECIPIENTS = ["Như trên;", "TT Đảng ủy, TT HĐND xã;", "CT, các PCT UBND xã;", "Lưu: VT, VP."]


def _role(line: str, first: bool) -> BlockRole:
    if first:
        return BlockRole.PART if line.lower().startswith("phần thứ") else BlockRole.HEADING1
    if line.startswith(("- ", "+ ")):
        return BlockRole.BULLET
    if re.match(r"\d+\.\d+\.?\s", line) or re.match(r"[a-zđ]\)\s", line):
        return BlockRole.HEADING3
    if re.match(r"\d+\.\s", line):
        return BlockRole.HEADING2
    return BlockRole.PARAGRAPH


def part(tag: PartTag, *lines) -> Part:
    blocks = []
    for n, line in enumerate(lines):
        if isinstance(line, Block):
            blocks.append(line)
        else:
            blocks.append(Block.plain(_role(line, n == 0), line))
    return Part(tag, blocks)


def footnoted(text: str, note: str, role: BlockRole = BlockRole.PARAGRAPH) -> Block:
    return Block(role, [Run(text, footnote=[Run(note)])])


def table(headers: list[list[str]], keys: list[str], rows: list[tuple]) -> Table:
    """``rows``: (kind, level, *cells); kind "d" data, "g" group, "c" caption."""
    columns = [table_column(key) if key else TableColumn() for key in keys]
    grid = [TableRow([Cell.plain(text) for text in header]) for header in headers]
    kinds = {"d": RowKind.DATA, "g": RowKind.GROUP, "c": RowKind.CAPTION}
    for kind, level, *cells in rows:
        if kinds[kind] == RowKind.CAPTION:
            row = TableRow([Cell.plain(cells[0], colspan=len(keys))] + [Cell() for _ in keys[1:]], RowKind.CAPTION)
        else:
            row = TableRow([Cell.plain(text) for text in cells], kinds[kind], level=level)
        grid.append(row)
    return Table(columns, grid, header_rows=len(headers))


def form(heading: str, title: str, reference: str, body: Table) -> AppendixTable:
    return AppendixTable(heading, title, reference, body)


STANDARD = (["TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"], ["tt", "indicator", "unit", "value", "note"])


def report(period: Period, subject: str, opening: str, parts: list[Part], closing: str, *,
           org: Organization = COMMUNE, addressees: list[str] | None = None, recipients: list[str] | None = None,
           signature: Signature = SIGNATURE, appendices: list[AppendixTable] | None = None, kind: str = "",
           elements: Elements | None = None, when: DocumentDate | None = None, doc_type: str = "BC") -> Report:
    return Report(organization=org, period=period, date=when or DocumentDate(period.year, None, None),
                  doc_type=doc_type, place="Xuân Hòa", subject=subject,
                  addressees=["Ủy ban nhân dân huyện Nghi Xuân"] if addressees is None else addressees,
                  opening=opening, parts=parts, closing=closing, signature=signature,
                  recipients=list(RECIPIENTS) if recipients is None else recipients,
                  appendices=appendices or [], kind=kind, elements=elements or Elements())


def week(year: int, month: int, n: int) -> Period:
    return Period(PeriodKind.WEEK, year, n, month=month)


# ---------------------------------------------------------------------------- the fixtures

def weekly_internal_note() -> Report:
    """An internal weekly note to the head of office: no number line, no Kính gửi, no Nơi nhận."""
    return report(
        week(2026, 9, 3), "Công tác tuần 03 tháng 9 năm 2026 (Từ ngày 14/9/2026 đến ngày 18/9/2026)",
        "Văn phòng HĐND và UBND xã báo cáo kết quả công tác tuần 03 tháng 9 năm 2026 như sau:",
        [part(R, "I. KẾT QUẢ CÔNG TÁC TRONG TUẦN",
              "- Tiếp nhận và trả kết quả 46 hồ sơ thủ tục hành chính, trong đó 31 hồ sơ trực tuyến.",
              "- Tham mưu UBND xã tổ chức hội nghị giao ban công tác cải cách hành chính.",
              "- Hướng dẫn người dân cài đặt, kích hoạt tài khoản định danh điện tử VNeID."),
         part(DIR, "II. KẾ HOẠCH CÔNG TÁC TUẦN TỚI",
              "- Tiếp tục tiếp nhận, giải quyết hồ sơ đúng hạn; chuẩn bị nội dung họp tuần 04.")],
        "Trên đây là báo cáo công tác tuần của Văn phòng./.",
        org=OFFICE, addressees=[], recipients=[], kind="weekly-work",
        signature=Signature([], "NGƯỜI BÁO CÁO", "Nguyễn Thị Lan"),
        elements=Elements(number_line=False, addressees=False, recipients=False))


def weekly_title_body() -> Report:
    """Slip: "TUẦN 03" in the title, "TUẦN 01" left in the first heading."""
    r = weekly_internal_note()
    r.parts[0].blocks[0] = Block.plain(BlockRole.HEADING1, "I. KẾT QUẢ CÔNG TÁC TUẦN 01")
    return r


def quarterly_next_period() -> Report:
    """Traps: the subject, opening and closing name the next quarter on purpose; horizons
    (tầm nhìn, giai đoạn) are no periods; five parts with proposals; two forms with group rows."""
    forms = [
        form("Biểu mẫu 1", "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH QUÝ III NĂM 2026",
             "(Kèm theo Báo cáo số 85/BC-UBND của UBND xã Xuân Hòa)",
             table([["TT", "Nội dung", "Đơn vị tính", "Kết quả thống kê", "", "Ghi chú"],
                    ["", "", "", "Kỳ trước", "Kỳ này", ""]],
                   ["tt", "indicator", "unit", "previous", "value", "note"],
                   [("c", 0, "A. TIẾP NHẬN HỒ SƠ"),
                    ("d", 0, "1", "Tổng số hồ sơ tiếp nhận", "Hồ sơ", "1.204", "1.251", ""),
                    ("g", 0, "2", "Hồ sơ tiếp nhận theo hình thức", "", "", "", ""),
                    ("d", 1, "", "Trực tiếp", "Hồ sơ", "806", "742", ""),
                    ("d", 1, "", "Trực tuyến", "Hồ sơ", "398", "509", ""),
                    ("c", 0, "B. KẾT QUẢ GIẢI QUYẾT"),
                    ("d", 0, "3", "Số hồ sơ giải quyết đúng hạn", "Hồ sơ", "1.198", "1.243", ""),
                    ("d", 0, "4", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "99,5", "99,36", ""),
                    ("d", 0, "5", "Số hồ sơ quá hạn", "Hồ sơ", "-", "0", "Không có số liệu kỳ trước")])),
        form("Biểu mẫu 2", "KẾT QUẢ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH QUÝ III NĂM 2026", "",
             table([["TT", "Hình thức", "Đơn vị tính", "Số lượng", "Ghi chú"]],
                   ["tt", "indicator", "unit", "value", "note"],
                   [("g", 0, "I", "Tuyên truyền trên hệ thống truyền thanh", "", "", ""),
                    ("d", 1, "1", "Tin, bài phát trên loa truyền thanh", "Tin, bài", "24", ""),
                    ("d", 1, "2", "Phóng sự", "Phóng sự", "02", ""),
                    ("d", 0, "II", "Hội nghị tuyên truyền", "Hội nghị", "03", ""),
                    ("d", 0, "III", "Tờ rơi, pa nô, áp phích", "Tờ", "1.500", "")])),
    ]
    return report(
        Period(PeriodKind.QUARTER, 2026, 3),
        "Kết quả thực hiện công tác cải cách hành chính quý III năm 2026 và phương hướng, "
        "nhiệm vụ quý IV năm 2026",
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND huyện về cải cách hành chính năm 2026, "
        "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030 và Kế hoạch chuyển đổi số "
        "định hướng đến năm 2030, UBND xã Xuân Hòa báo cáo kết quả quý III năm 2026 như sau:",
        [part(R, "I. KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH QUÝ III NĂM 2026",
              "1. Công tác chỉ đạo, điều hành",
              "- Ban hành 04 văn bản chỉ đạo, đôn đốc thực hiện nhiệm vụ cải cách hành chính.",
              "2. Cải cách thủ tục hành chính",
              "- Trong quý, bộ phận Một cửa tiếp nhận 1.251 hồ sơ, giải quyết đúng hạn 1.243 hồ sơ, đạt tỷ lệ 99,36%.",
              "- Tỷ lệ hồ sơ trực tuyến tăng so với quý II năm 2026; thực hiện số hóa hồ sơ, kết quả giải quyết TTHC.",
              "3. Công tác tuyên truyền",
              "- Phát 24 tin, bài trên loa truyền thanh; in và cấp phát 1.500 tờ rơi, pa nô, áp phích, ..."),
         part(D, "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
              "- Một số hồ sơ trực tuyến người dân nộp còn thiếu thành phần, phải bổ sung nhiều lần.",
              "- Hạ tầng công nghệ thông tin tại bộ phận Một cửa còn thiếu, máy tính đã cũ."),
         part(DIR, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2026",
              "- Tiếp tục thực hiện Kế hoạch cải cách hành chính năm 2026; chuẩn bị tổng kết năm 2026.",
              "- Đẩy mạnh dịch vụ công trực tuyến, phấn đấu tỷ lệ hồ sơ trực tuyến đạt trên 50% trong quý IV năm 2026."),
         part(P, "IV. ĐỀ XUẤT, KIẾN NGHỊ",
              "- Đề nghị UBND huyện hỗ trợ kinh phí mua sắm máy tính cho bộ phận Một cửa trong năm 2027."),
         part(O, "V. TỔ CHỨC THỰC HIỆN",
              "Giao Văn phòng HĐND và UBND xã theo dõi, tổng hợp, báo cáo theo quy định.")],
        "Trên đây là báo cáo kết quả công tác cải cách hành chính quý III năm 2026 và nhiệm vụ quý IV năm 2026 "
        "của UBND xã Xuân Hòa./.",
        appendices=forms, kind="cchc-periodic")


def year_next_year() -> Report:
    """Trap: a year report with "phương hướng năm 2027" in its subject and closing."""
    return report(
        Period(PeriodKind.YEAR, 2026),
        "Tổng kết công tác cải cách hành chính năm 2026 và phương hướng, nhiệm vụ năm 2027",
        "Căn cứ Kế hoạch cải cách hành chính giai đoạn 2021-2025 và tầm nhìn đến năm 2030, "
        "UBND xã Xuân Hòa tổng kết công tác cải cách hành chính năm 2026 như sau:",
        [part(R, "I. KẾT QUẢ ĐẠT ĐƯỢC NĂM 2026",
              "- Hoàn thành 100% chỉ tiêu kế hoạch; chỉ số cải cách hành chính năm 2026 tăng 3 bậc so với năm 2025."),
         part(D, "II. HẠN CHẾ, NGUYÊN NHÂN",
              "- Việc sử dụng dịch vụ công trực tuyến toàn trình còn thấp."),
         part(DIR, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027",
              "- Tập trung thực hiện các chỉ tiêu cải cách hành chính năm 2027 và giai đoạn 2026-2030.")],
        "Trên đây là báo cáo tổng kết năm 2026 và phương hướng năm 2027 của UBND xã Xuân Hòa./.",
        kind="cchc-periodic")


def monthly_next_month() -> Report:
    """Trap: "kết quả tháng 8 … nhiệm vụ tháng 9" and comparisons with earlier months."""
    return report(
        Period(PeriodKind.MONTH, 2026, 8),
        "Kết quả công tác tháng 8 năm 2026 và nhiệm vụ trọng tâm tháng 9 năm 2026",
        "UBND xã báo cáo kết quả thực hiện nhiệm vụ tháng 8 năm 2026 như sau:",
        [part(R, "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 8",
              "- Thu ngân sách đạt 1.250 triệu đồng, tăng 12% so với tháng 7/2026.",
              "- Từ tháng 6/2026 đến nay đã vận động 35 hộ đăng ký thường trú trực tuyến."),
         part(DIR, "II. NHIỆM VỤ TRỌNG TÂM THÁNG 9",
              "- Chuẩn bị tổ chức Lễ kỷ niệm Quốc khánh 2/9; tổng kết công tác tháng 9 năm 2026.")],
        "Trên đây là kết quả công tác tháng 8 và nhiệm vụ trọng tâm tháng 9 năm 2026./.",
        kind="monthly-work")


def monthly_period_slips() -> Report:
    """Slips: "so với tháng 9" in the tháng 9 report; a stale "tháng 7/2026" left in part I."""
    return report(
        Period(PeriodKind.MONTH, 2026, 9),
        "Kết quả công tác tháng 9 năm 2026 và nhiệm vụ tháng 10 năm 2026",
        "UBND xã báo cáo kết quả thực hiện nhiệm vụ tháng 9 năm 2026 như sau:",
        [part(R, "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 9",
              "- Số hồ sơ trực tuyến tăng 15% so với tháng 9.",
              "- Trong tháng 7/2026, UBND xã đã tổ chức 02 hội nghị đối thoại với nhân dân."),
         part(DIR, "II. NHIỆM VỤ THÁNG 10",
              "- Tiếp tục thực hiện các nhiệm vụ cải cách hành chính.")],
        "Trên đây là kết quả công tác tháng 9 năm 2026./.", kind="monthly-work")


def monthly_opening_stale() -> Report:
    """Slip: the August report's opening still says "tháng 7/2026"."""
    r = monthly_next_month()
    r.opening = "UBND xã báo cáo kết quả thực hiện nhiệm vụ tháng 7/2026 như sau:"
    return r


def forms_group_rows() -> Report:
    """Traps: group rows, caption rows, implicit groups (indented sub-rows), "-" for no data."""
    r = quarterly_next_period()
    body = table([["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Ghi chú"]],
                 ["tt", "indicator", "unit", "target", "value", "note"],
                 [("c", 0, "PHẦN A. CHỈ TIÊU CHUNG"),
                  ("d", 0, "1", "Công tác tuyên truyền, phổ biến", "", "", "", ""),
                  ("d", 1, "1.1", "Số hội nghị tuyên truyền", "Hội nghị", "4", "3", ""),
                  ("d", 1, "1.2", "Số lượt người tham dự", "Lượt người", "400", "-", "Chưa thống kê"),
                  ("d", 0, "B", "", "", "", "", ""),
                  ("d", 0, "2", "Tỷ lệ hồ sơ được số hóa", "%", "100", "87,5", ""),
                  ("d", 0, "", "Tỷ lệ tăng so với cùng kỳ năm trước", "%", "-", "125", "Vượt kế hoạch"),
                  ("d", 0, "3", "Số thủ tục hành chính được rà soát", "Thủ tục", "-", "12", "")])
    r.appendices.append(form("Biểu mẫu 3", "KẾT QUẢ THỰC HIỆN CHỈ TIÊU QUÝ III NĂM 2026", "", body))
    return r


def figure_slips() -> Report:
    """Slips: "215 hồ sơ" in the text for 251 in Biểu mẫu 1; a percentage row holding a count."""
    r = quarterly_next_period()
    table1 = r.appendices[0].table
    table1.rows[3].cells[4] = Cell.plain("251")  # Tổng số hồ sơ tiếp nhận
    table1.rows[9].cells[4] = Cell.plain("1.243")  # Tỷ lệ … (%): the count of the row above
    r.parts[0].blocks[4] = Block.plain(BlockRole.BULLET, "- Trong quý, bộ phận Một cửa tiếp nhận 215 hồ sơ, "
                                                          "giải quyết đúng hạn 1.243 hồ sơ.")
    return r


def doubled_words() -> Report:
    """Slips: "những những", "được được", "cải cách cách", "nâng nâng cao"; traps: words that
    share a syllable ("trực tiếp tiếp nhận", "lịch sử sử dụng", "hành vi vi phạm") and
    reduplications ("ngày ngày")."""
    return report(
        Period(PeriodKind.HALF1, 2026),
        "Công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2026",
        "UBND xã báo cáo công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2026 như sau:",
        [part(R, "I. KẾT QUẢ THỰC HIỆN",
              "- Bộ phận Một cửa trực tiếp tiếp nhận hồ sơ; tra cứu lịch sử sử dụng dịch vụ công của người dân.",
              "- Xử lý nghiêm hành vi vi phạm trật tự xây dựng; ngày ngày phát thanh tin tuyên truyền.",
              "- Những những kết quả nổi bật được được nhân dân ghi nhận.",
              "- Công tác cải cách cách hành chính được quan tâm chỉ đạo thường xuyên.",
              "- Tiếp tục nâng nâng cao chất lượng tuyên truyền truyền thông về chuyển đổi số."),
         part(D, "II. KHÓ KHĂN, HẠN CHẾ",
              "- Nội dung tuyên truyền chưa phong phú; thực hiện hiện nay còn hình thức."),
         part(DIR, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026",
              "- Đẩy mạnh tuyên truyền về cải cách hành chính, chuyển đổi số.")],
        "Trên đây là báo cáo công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2026./.")


def glued_numbers() -> Report:
    """Slips: "05hộ", "12cuộc"; traps: units, codes, percentages, form numbers."""
    r = doubled_words()
    r.parts[0].blocks[1:] = [
        Block.plain(BlockRole.BULLET, "- Vận động 05hộ gia đình hiến đất làm đường; tổ chức 12cuộc họp thôn."),
        Block.plain(BlockRole.BULLET, "- Làm mới 10km đường giao thông nông thôn, đạt 95%; báo cáo theo mẫu 2a "
                                      "và Biểu 01a kèm Kế hoạch số 06/KH-UBND."),
    ]
    return r


def numbering_slips() -> Report:
    """Slips: two "IV." parts and no "III.", "2.1" after "1.3", "a)" then "c)"."""
    return report(
        Period(PeriodKind.QUARTER, 2026, 2),
        "Kết quả công tác cải cách hành chính quý II năm 2026",
        "UBND xã báo cáo kết quả công tác cải cách hành chính quý II năm 2026 như sau:",
        [part(R, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
              "1. Ban hành văn bản",
              "1.1. Kế hoạch",
              "- Ban hành Kế hoạch cải cách hành chính năm 2026.",
              "1.2. Công văn",
              "- Ban hành 03 công văn đôn đốc.",
              "1.3. Kiểm tra",
              "- Tự kiểm tra tại bộ phận Một cửa.",
              "2.1. Tuyên truyền",
              "- Phát tin trên loa truyền thanh."),
         part(R, "II. KẾT QUẢ THỰC HIỆN",
              "1. Cải cách thủ tục hành chính",
              "a) Rà soát thủ tục hành chính",
              "- Rà soát 12 thủ tục.",
              "c) Công khai thủ tục hành chính",
              "- Niêm yết công khai đầy đủ."),
         part(D, "IV. TỒN TẠI, HẠN CHẾ",
              "- Cơ sở vật chất còn thiếu."),
         part(DIR, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM 2026",
              "- Tiếp tục thực hiện Kế hoạch cải cách hành chính năm 2026.")],
        "Trên đây là kết quả công tác cải cách hành chính quý II năm 2026./.")


def numbering_part_groups() -> Report:
    """Trap: "Phần thứ nhất" and "Phần thứ hai" each number their parts from I."""
    return report(
        Period(PeriodKind.YEAR, 2026),
        "Tổng kết công tác năm 2026 và phương hướng, nhiệm vụ năm 2027",
        "UBND xã báo cáo tổng kết công tác năm 2026 như sau:",
        [part(O, "Phần thứ nhất. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026"),
         part(R, "I. LĨNH VỰC KINH TẾ", "- Tổng giá trị sản xuất tăng 8,5%."),
         part(R, "II. LĨNH VỰC VĂN HÓA - XÃ HỘI", "- Duy trì sĩ số học sinh."),
         part(D, "III. TỒN TẠI, HẠN CHẾ", "- Thu ngân sách chưa đạt dự toán."),
         part(O, "Phần thứ hai. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027"),
         part(DIR, "I. MỤC TIÊU NĂM 2027", "- Phấn đấu tăng trưởng kinh tế trên 8%."),
         part(DIR, "II. NHIỆM VỤ, GIẢI PHÁP", "- Tập trung chỉ đạo sản xuất nông nghiệp.")],
        "Trên đây là báo cáo tổng kết năm 2026 và phương hướng, nhiệm vụ năm 2027./.")


def spelling_slips() -> Report:
    """Slips: "kêt", "truền", "meeting"; traps: both tone placements, names, brands, codes, URLs."""
    return report(
        Period(PeriodKind.HALF1, 2026),
        "Công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2026",
        "Ủy ban nhân dân xã Xuân Hoà (Uỷ ban nhân dân xã) báo cáo công tác tuyên truyền 6 tháng đầu năm 2026:",
        [part(R, "I. KẾT QUẢ THỰC HIỆN",
              "- Kêt quả tuyên truền được nâng lên; phối hợp với đồng bào dân tộc H'Mông và già làng Ksor Y Phun.",
              "- Tuyên truyền qua Zalo, Facebook, fanpage, email và Cổng dichvucong.gov.vn; hướng dẫn cài đặt VNeID.",
              "- Tổ chức meeting trực tuyến với các thôn; hòa giải thành 05 vụ việc, thủy lợi nội đồng được duy tu."),
         part(DIR, "II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026",
              "- Tiếp tục hòa nhập, thuỷ lợi hóa; liên hệ qua hotline 0238.3821.456 hoặc ubnd.xuanhoa@nghean.gov.vn.")],
        "Trên đây là báo cáo công tác tuyên truyền 6 tháng đầu năm 2026 của Ủy ban nhân dân xã./.")


def placeholder_traps() -> Report:
    """Traps: "..." closing a list; "Như kính gửi;" for "Như trên;"."""
    r = spelling_slips()
    r.parts[0].blocks[1:] = [
        Block.plain(BlockRole.BULLET, "- In và phát tờ rơi, pa nô, áp phích, ...; tuyên truyền qua các nhóm "
                                      "(Zalo, Facebook, …) của thôn."),
        Block.plain(BlockRole.BULLET, "- Lồng ghép tuyên truyền trong các buổi sinh hoạt chi bộ, họp thôn..."),
    ]
    r.recipients = ["Như kính gửi;", "TT Đảng ủy xã;", "Lưu: VT."]
    return r


def placeholder_slips() -> Report:
    """Slips: a blank left in the text ("Tổ chức … hội nghị", "ngày … tháng")."""
    r = placeholder_traps()
    r.parts[0].blocks.append(Block.plain(BlockRole.BULLET, "- Tổ chức … hội nghị tuyên truyền tại các thôn."))
    r.recipients = ["Như trên;", "Lưu: VT."]
    return r


def thematic_no_period() -> Report:
    """Trap: a thematic report with no period at all may speak of any year."""
    return report(
        Period(PeriodKind.NONE, 2026, label="chuyên đề chuyển đổi số"),
        "Kết quả triển khai Đề án 06 về phát triển ứng dụng dữ liệu dân cư giai đoạn 2022-2025, tầm nhìn đến năm 2030",
        "Thực hiện Công văn số 215/UBND-CA ngày 05/8/2026 của UBND huyện, UBND xã báo cáo như sau:",
        [part(R, "I. KẾT QUẢ TRIỂN KHAI",
              "- Năm 2024 đã thu nhận 2.150 hồ sơ định danh điện tử; năm 2025 thu nhận thêm 1.320 hồ sơ."),
         part(P, "II. ĐỀ XUẤT, KIẾN NGHỊ",
              "- Đề nghị Công an huyện hỗ trợ thiết bị thu nhận trong năm 2027.")],
        "Trên đây là báo cáo kết quả triển khai Đề án 06 của UBND xã Xuân Hòa./.")


def tables_and_footnotes() -> Report:
    """Slips inside a table of the text and inside a footnote: places named as printed."""
    r = doubled_words()
    grid = table([["TT", "Thôn", "Số hộ", "Ghi chú"]], ["tt", "", "", "note"],
                 [("d", 0, "1", "Thôn Trung Tiến", "120", "Hoàn thành"),
                  ("d", 0, "2", "Thôn Đông Hòa", "98", "Những những hộ còn lại đang vận động")])
    r.parts[0].blocks[1:] = [
        footnoted("- Hoàn thành rà soát hộ dân theo Kế hoạch số 06/KH-UBND.",
                  "Kêt quả rà soát chi tiết tại bảng dưới."),
        Block(BlockRole.TABLE, table=grid),
    ]
    return r


def sent_without_recipients() -> Report:
    """Slip: a report sent to the district (Kính gửi) that leaves out its Nơi nhận."""
    r = monthly_next_month()
    r.elements = Elements(number_line=True, addressees=True, recipients=False)
    r.recipients = []
    return r


def figures_other_times() -> Report:
    """Traps: figures of another time (cumulative, last year, targets) and parts of a total
    are not the form's figure of this quarter."""
    r = quarterly_next_period()
    r.parts[0].blocks[4:6] = [
        Block.plain(BlockRole.BULLET, "- Trong quý, bộ phận Một cửa tiếp nhận 1.251 hồ sơ (trong đó trực tuyến 509 hồ sơ, "
                                      "trực tiếp 742 hồ sơ); lũy kế từ đầu năm tiếp nhận 3.560 hồ sơ."),
        Block.plain(BlockRole.BULLET, "- Cùng kỳ năm trước tiếp nhận 1.100 hồ sơ; số hồ sơ giải quyết đúng hạn là 1.243 hồ sơ."),
    ]
    r.parts[2].blocks.append(Block.plain(BlockRole.BULLET, "- Phấn đấu tiếp nhận trên 1.300 hồ sơ trong quý IV năm 2026."))
    return r


def words_sharing_syllables() -> Report:
    """Traps: two words sharing a syllable, as reports write them every day."""
    r = doubled_words()
    r.parts[0].blocks[1:] = [Block.plain(BlockRole.BULLET, line) for line in (
        "- Ủy ban ban hành quyết định định kỳ kiểm tra cán bộ bộ phận Một cửa.",
        "- Lực lượng công an an ninh trật tự phối hợp đánh giá giá trị tài sản.",
        "- Đẩy mạnh tuyên truyền truyền thanh, tuyên truyền truyền thống cách mạng.",
        "- Hệ thống thống kê, phát triển triển khai ứng dụng; kinh doanh doanh nghiệp tăng.",
        "- Giải quyết quyết định hành chính; thực hiện hiện đại hóa; người người, nhà nhà thi đua.",
        "- Doanh thu thu được từ dịch vụ công; nhân dân dân tộc thiểu số; thông tin tin học.",
    )]
    return r


def names_and_loanwords() -> Report:
    """Traps: names (also at a sentence start), brands, loanwords and abbreviations in use."""
    r = spelling_slips()
    r.parts[0].blocks[1:] = [Block.plain(BlockRole.BULLET, line) for line in (
        "- Đắk Lắk và Kon Tum là tỉnh bạn; xã Ia Grai, huyện Krông Pắc, Cư M'gar cử đoàn đến học tập.",
        "- Thanh toán không dùng tiền mặt qua VNPT Money, Viettel Money, MoMo; đăng tải trên Fanpage của xã, phần mềm iGate.",
        "- Tiêm vắc-xin Covid-19; phát tờ rơi, pa nô, băng rôn; scan hồ sơ, gửi e-mail; kinh phí 15 trđ.",
        "- Chương trình MTQG xây dựng NTM đạt 85/100 điểm theo Thông tư số 01/2023/TT-VPCP.",
        "- Làm mới 10ha mặt bằng, 100m mương, 50m2 nhà văn hóa thôn 2B, Tổ 5A; họp lúc 20h00.",
    )]
    return r


def typography_style() -> Report:
    """Style slips (hidden when the clerk hides style findings) and a Nơi nhận line without ";"."""
    r = monthly_next_month()
    r.parts[0].blocks[1] = Block.plain(BlockRole.BULLET, '- Thu ngân sách đạt 1.250 triệu đồng ,  tăng 12% so với '
                                                          'tháng 7/2026; phong trào "Dân vận khéo" được duy trì.')
    r.recipients = ["Như trên;", "TT Đảng ủy xã", "Lưu: VT, VP."]
    return r


def clean_commune_quarter() -> Report:
    """A long, clean quarterly CCHC report of a commune, written the way offices write them:
    nothing in it may be flagged."""
    results = part(R, "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2026",
        "1. Công tác chỉ đạo, điều hành",
        "- Thực hiện Quyết định số 3168/QĐ-UBND ngày 28/12/2025 của UBND huyện về ban hành Kế hoạch cải cách "
        "hành chính năm 2026, UBND xã đã ban hành Kế hoạch số 05/KH-UBND ngày 08/01/2026 triển khai thực hiện "
        "trên địa bàn xã; kiện toàn Ban Chỉ đạo cải cách hành chính xã gồm 15 thành viên do đồng chí Chủ tịch "
        "UBND xã làm Trưởng ban.",
        "- Phân công cán bộ, công chức phụ trách từng lĩnh vực; đưa nội dung cải cách hành chính vào chương trình "
        "giao ban hàng tháng, gắn với công tác thi đua, khen thưởng và đánh giá, xếp loại cán bộ, công chức.",
        "2. Cải cách thể chế",
        "- Rà soát 12 văn bản quy phạm pháp luật do HĐND, UBND xã ban hành; kết quả không phát hiện văn bản trái "
        "pháp luật, không có văn bản phải sửa đổi, bổ sung.",
        "3. Cải cách thủ tục hành chính",
        "3.1. Công khai thủ tục hành chính",
        "- Niêm yết công khai đầy đủ 182 thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã tại bộ phận "
        "Tiếp nhận và trả kết quả; công khai số điện thoại đường dây nóng để tiếp nhận phản ánh, kiến nghị.",
        "3.2. Kết quả giải quyết thủ tục hành chính",
        "- Trong quý, bộ phận Tiếp nhận và trả kết quả của xã tiếp nhận 1.251 hồ sơ (trong đó trực tuyến "
        "509 hồ sơ, trực tiếp 742 hồ sơ); đã giải quyết đúng hạn 1.243 hồ sơ, đang giải quyết 8 hồ sơ trong hạn; "
        "không có hồ sơ quá hạn.",
        "- Tỷ lệ hồ sơ được số hóa đạt 100%; tỷ lệ thanh toán trực tuyến đạt 62,5%; 100% kết quả giải quyết "
        "thủ tục hành chính được trả qua bưu chính công ích hoặc trực tuyến theo yêu cầu của người dân.",
        "4. Cải cách tổ chức bộ máy",
        "- Sắp xếp, bố trí cán bộ, công chức đúng vị trí việc làm; tổng số cán bộ, công chức xã là 21 người, "
        "trong đó cán bộ 10 người, công chức 11 người; 100% có trình độ chuyên môn từ đại học trở lên.",
        "5. Xây dựng chính quyền điện tử, chính quyền số",
        "- 100% văn bản đi, đến được xử lý trên hệ thống quản lý văn bản và điều hành (trừ văn bản mật); "
        "sử dụng chữ ký số cho 100% văn bản phát hành; duy trì Trang thông tin điện tử của xã.",
        "- Phối hợp Công an xã thu nhận 326 hồ sơ định danh điện tử mức 2, kích hoạt 298 tài khoản VNeID; "
        "hướng dẫn người dân sử dụng ứng dụng, nộp hồ sơ trên Cổng Dịch vụ công quốc gia.",
        "6. Công tác tuyên truyền",
        "- Xây dựng chuyên mục “Cải cách hành chính” phát trên hệ thống truyền thanh xã 2 lần/tuần; đăng tải "
        "24 tin, bài trên Trang thông tin điện tử và nhóm Zalo của các thôn, tổ dân phố.")
    difficulties = part(D, "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "1. Tồn tại, hạn chế",
        "- Tỷ lệ hồ sơ nộp trực tuyến toàn trình còn thấp; một bộ phận người dân, nhất là người cao tuổi, "
        "chưa quen sử dụng điện thoại thông minh.",
        "- Trang thiết bị tại bộ phận Tiếp nhận và trả kết quả đã xuống cấp, đường truyền Internet có lúc chập chờn.",
        "2. Nguyên nhân",
        "- Địa bàn rộng, dân cư phân tán; kinh phí đầu tư cho ứng dụng công nghệ thông tin còn hạn chế.")
    directions = part(DIR, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2026",
        "- Tiếp tục quán triệt, thực hiện nghiêm các văn bản chỉ đạo của cấp trên về cải cách hành chính.",
        "- Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình; phấn đấu tỷ lệ hồ sơ trực tuyến đạt trên 50%.",
        "- Tổ chức khảo sát sự hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước.")
    proposals = part(P, "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "- Đề nghị UBND huyện quan tâm bố trí kinh phí nâng cấp trang thiết bị cho bộ phận Một cửa cấp xã.")
    r = quarterly_next_period()
    r.period = Period(PeriodKind.QUARTER, 2026, 1)
    r.subject = "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026"
    r.opening = ("Thực hiện Công văn số 256/UBND-NV ngày 15/3/2026 của UBND huyện Nghi Xuân về việc báo cáo "
                 "công tác cải cách hành chính quý I năm 2026, UBND xã Xuân Hòa báo cáo kết quả như sau:")
    r.parts = [results, difficulties, directions, proposals]
    r.closing = "Trên đây là báo cáo kết quả công tác cải cách hành chính quý I năm 2026 của UBND xã Xuân Hòa./."
    for appendix in r.appendices:
        appendix.title = appendix.title.replace("QUÝ III", "QUÝ I")
    r.appendices[1].table.rows[1].cells[3] = Cell.plain("24")
    return r


def clean_district_month() -> Report:
    """A clean monthly report of a district office with a table in the text and footnotes."""
    grid = table([["TT", "Đơn vị", "Hồ sơ tiếp nhận", "Đúng hạn", "Tỷ lệ (%)"]], ["tt", "", "", "", ""],
                 [("d", 0, "1", "Thị trấn Xuân An", "412", "410", "99,5"),
                  ("d", 0, "2", "Xã Xuân Hòa", "385", "385", "100"),
                  ("d", 0, "3", "Xã Xuân Lĩnh", "297", "291", "98")])
    return report(
        Period(PeriodKind.MONTH, 2026, 10),
        "Tình hình thực hiện nhiệm vụ tháng 10 và phương hướng, nhiệm vụ tháng 11 năm 2026",
        "Phòng Nội vụ báo cáo tình hình thực hiện nhiệm vụ tháng 10 năm 2026 như sau:",
        [part(R, "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 10 NĂM 2026",
              "1. Công tác tổ chức bộ máy, biên chế",
              footnoted("- Tham mưu UBND huyện ban hành Quyết định số 2150/QĐ-UBND ngày 07/10/2026 về việc "
                        "giao chỉ tiêu biên chế công chức năm 2027.",
                        "Theo Nghị định số 62/2020/NĐ-CP ngày 01/6/2020 của Chính phủ về vị trí việc làm và biên chế công chức."),
              "2. Công tác cải cách hành chính",
              "- Tổng hợp kết quả giải quyết thủ tục hành chính tại bộ phận Một cửa cấp xã như sau:",
              Block(BlockRole.TABLE, table=grid),
              "- Kiểm tra công tác cải cách hành chính tại 05 xã, thị trấn theo Kế hoạch số 18/KH-UBND "
              "ngày 20/02/2026; qua kiểm tra đã chấn chỉnh kịp thời những tồn tại, hạn chế.",
              "- Kết quả kiểm tra công vụ tháng 9/2026 đã được thông báo đến các cơ quan, đơn vị."),
         part(D, "II. KHÓ KHĂN, VƯỚNG MẮC",
              "- Việc triển khai mô hình chính quyền hai cấp còn nhiều vướng mắc về tổ chức bộ máy, nhân sự."),
         part(DIR, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 11 NĂM 2026",
              "- Tham mưu tổ chức Hội nghị sơ kết công tác cải cách hành chính 9 tháng năm 2026.",
              "- Xây dựng Kế hoạch kiểm tra công vụ năm 2027.")],
        "Trên đây là báo cáo tình hình thực hiện nhiệm vụ tháng 10 và phương hướng, nhiệm vụ tháng 11 năm 2026 "
        "của Phòng Nội vụ./.",
        org=Organization(["UBND HUYỆN NGHI XUÂN", "PHÒNG NỘI VỤ"], [], "Phòng Nội vụ", "Nghi Xuân", "PNV"),
        addressees=["Ủy ban nhân dân huyện"], signature=Signature([], "TRƯỞNG PHÒNG", "Lê Văn Hùng"),
        recipients=["Như kính gửi;", "Lưu: VT, NV."])


def numbering_deep_levels() -> Report:
    """Trap: three levels of dotted numbers (1.1.1 under 1.1), lists restarting at a) and 1."""
    r = numbering_slips()
    r.parts = [
        part(R, "I. KẾT QUẢ THỰC HIỆN",
             "1. Cải cách thủ tục hành chính",
             "1.1. Rà soát, đơn giản hóa",
             "1.1.1. Rà soát thủ tục hành chính",
             "- Rà soát 12 thủ tục.",
             "1.1.2. Đơn giản hóa thủ tục hành chính",
             "a) Lĩnh vực hộ tịch",
             "b) Lĩnh vực chứng thực",
             "1.2. Công khai thủ tục hành chính",
             "a) Tại trụ sở",
             "b) Trên Trang thông tin điện tử",
             "2. Cải cách tổ chức bộ máy",
             "2.1. Sắp xếp bộ máy",
             "- Sắp xếp các thôn theo Nghị quyết của HĐND tỉnh."),
        part(D, "II. TỒN TẠI, HẠN CHẾ", "- Cơ sở vật chất còn thiếu."),
        part(DIR, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM 2026", "- Tiếp tục thực hiện Kế hoạch năm 2026."),
    ]
    return r


def forms_implicit_groups() -> Report:
    """Trap: a form typed without row kinds or indents: "1" then "1.1", "- …" items and
    "a", "b" sub-rows carry the figures of the row above."""
    r = quarterly_next_period()
    body = table([["TT", "Nội dung", "ĐVT", "Số lượng", "Ghi chú"]], ["tt", "indicator", "unit", "value", "note"],
                 [("d", 0, "1", "Hồ sơ tiếp nhận", "", "", ""),
                  ("d", 0, "1.1", "Trực tiếp", "Hồ sơ", "742", ""),
                  ("d", 0, "1.2", "Trực tuyến", "Hồ sơ", "509", ""),
                  ("d", 0, "2", "Hồ sơ đã giải quyết", "", "", ""),
                  ("d", 0, "", "- Đúng hạn", "Hồ sơ", "1.243", ""),
                  ("d", 0, "", "- Quá hạn", "Hồ sơ", "0", ""),
                  ("d", 0, "3", "Phản ánh, kiến nghị", "", "", ""),
                  ("d", 0, "a", "Tiếp nhận", "Phản ánh", "02", ""),
                  ("d", 0, "b", "Đã xử lý", "Phản ánh", "02", "")])
    r.appendices = [form("Biểu mẫu 01", "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH QUÝ III NĂM 2026", "", body)]
    return r


def opening_cites_older_plans() -> Report:
    """Trap: the opening cites plans of earlier years and spans; a weekly directions part
    names a later week."""
    r = quarterly_next_period()
    r.opening = ("Thực hiện Nghị quyết số 12/NQ-HĐND ngày 15/12/2025 của HĐND xã về phát triển kinh tế - xã hội "
                 "năm 2026, Kế hoạch số 86/KH-UBND ngày 20/12/2024 về cải cách hành chính giai đoạn 2021-2025 "
                 "và Báo cáo tổng kết năm 2025, UBND xã báo cáo kết quả quý III năm 2026 như sau:")
    return r


def error_level_traps() -> Report:
    """Traps for the error-level rules: a quarter report naming its cumulative nine months,
    documents of two offices and two years sharing a number, "Lưu: Văn thư", an acting head
    ("Q. CHỦ TỊCH") signing as deputy, a percentage of plan above 100."""
    r = quarterly_next_period()
    r.subject = "Kết quả công tác cải cách hành chính quý III và 9 tháng năm 2026, phương hướng, nhiệm vụ quý IV năm 2026"
    r.opening = ("Thực hiện Kế hoạch số 01/KH-UBND ngày 05/01/2026 của UBND huyện và Kế hoạch số 01/KH-UBND "
                 "ngày 08/01/2026 của UBND xã về cải cách hành chính năm 2026, UBND xã báo cáo như sau:")
    r.parts[0].blocks.append(Block.plain(BlockRole.BULLET, "- Tiếp tục thực hiện Kế hoạch số 01/KH-UBND ngày "
                                                            "06/01/2025 về cải cách hành chính năm 2025 chuyển sang."))
    r.recipients = ["Như trên;", "TT Đảng ủy xã;", "Lưu: Văn thư, VP."]
    r.signature = Signature(["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Trần Văn Minh")
    r.appendices[1].table.rows.append(TableRow([Cell.plain("IV"), Cell.plain("Tỷ lệ thu ngân sách so với dự toán"),
                                                Cell.plain("%"), Cell.plain("115"), Cell()]))
    return r


def forms_units_in_header() -> Report:
    """Trap: a form whose units stand in the column headers, none in the rows; hashtags."""
    r = quarterly_next_period()
    body = table([["TT", "Nội dung", "Số hồ sơ (hồ sơ)", "Tỷ lệ (%)"]], ["tt", "indicator", "value", ""],
                 [("d", 0, "1", "Lĩnh vực hộ tịch", "412", "38,5"),
                  ("d", 0, "2", "Lĩnh vực chứng thực", "598", "55,9"),
                  ("d", 0, "3", "Lĩnh vực đất đai", "60", "5,6")])
    r.appendices.append(form("Biểu mẫu 3", "HỒ SƠ THEO LĨNH VỰC QUÝ III NĂM 2026", "", body))
    r.parts[0].blocks.append(Block.plain(BlockRole.BULLET, "- Lan tỏa các hashtag #chuyendoiso, #XuanHoaSo "
                                                            "trên mạng xã hội; tệp bao_cao_quy3.docx đã gửi."))
    body.columns[3].figures = True  # a figure column with no meaning of its own
    return r


def form_not_filled() -> Report:
    """Slip: a form left with many empty rows is told once, not row by row."""
    r = quarterly_next_period()
    body = table([STANDARD[0]], STANDARD[1],
                 [("d", 0, str(n), name, "Cuộc", "", "") for n, name in enumerate(
                     ["Hội nghị tuyên truyền", "Cuộc thi tìm hiểu", "Buổi đối thoại", "Buổi tiếp công dân",
                      "Cuộc kiểm tra"], start=1)])
    r.appendices.append(form("Biểu mẫu 3", "HOẠT ĐỘNG TUYÊN TRUYỀN QUÝ III NĂM 2026", "", body))
    return r


def unaccented_paragraph() -> Report:
    """Slip: a paragraph typed without the Vietnamese keyboard is told once, with a sentence
    in English (a programme's name) also told once."""
    r = monthly_next_month()
    r.parts[0].blocks.append(Block.plain(BlockRole.BULLET, "- Tuyen truyen ve cai cach hanh chinh tren he thong "
                                                            "loa truyen thanh cua xa."))
    r.parts[0].blocks.append(Block.plain(BlockRole.BULLET, "- Tham gia chương trình “digital transformation for "
                                                            "rural communes” của tỉnh."))
    return r


def weekly_stale_dates() -> Report:
    """Slip: the week-03 note still carries last week's dates in its title."""
    r = weekly_internal_note()
    r.subject = "Công tác tuần 03 tháng 9 năm 2026 (Từ ngày 07/9/2026 đến ngày 11/9/2026)"
    return r


FIXTURES = {
    "weekly-internal-note": weekly_internal_note,
    "weekly-title-body": weekly_title_body,
    "quarterly-next-period": quarterly_next_period,
    "year-next-year": year_next_year,
    "monthly-next-month": monthly_next_month,
    "monthly-period-slips": monthly_period_slips,
    "monthly-opening-stale": monthly_opening_stale,
    "forms-group-rows": forms_group_rows,
    "figure-slips": figure_slips,
    "doubled-words": doubled_words,
    "glued-numbers": glued_numbers,
    "numbering-slips": numbering_slips,
    "numbering-part-groups": numbering_part_groups,
    "spelling-slips": spelling_slips,
    "placeholder-traps": placeholder_traps,
    "placeholder-slips": placeholder_slips,
    "thematic-no-period": thematic_no_period,
    "tables-and-footnotes": tables_and_footnotes,
    "sent-without-recipients": sent_without_recipients,
    "figures-other-times": figures_other_times,
    "words-sharing-syllables": words_sharing_syllables,
    "names-and-loanwords": names_and_loanwords,
    "typography-style": typography_style,
    "clean-commune-quarter": clean_commune_quarter,
    "clean-district-month": clean_district_month,
    "numbering-deep-levels": numbering_deep_levels,
    "forms-implicit-groups": forms_implicit_groups,
    "opening-cites-older-plans": opening_cites_older_plans,
    "error-level-traps": error_level_traps,
    "forms-units-in-header": forms_units_in_header,
    "form-not-filled": form_not_filled,
    "unaccented-paragraph": unaccented_paragraph,
    "weekly-stale-dates": weekly_stale_dates,
}


def main() -> None:
    for name, make in FIXTURES.items():
        (HERE / f"{name}.json").write_text(exchange_text(make()), encoding="utf-8")
    print(f"{len(FIXTURES)} fixtures written to {HERE}")


if __name__ == "__main__":
    main()
