"""Small .docx fixtures, one for each layout real offices use that the recogniser must read as
a reader does (issue 23): layout tables that are not content (a subject in a box, signature
blocks as tables, nested or with an empty left cell, Nơi nhận and signature on the same lines
with tabs), appendix forms continued over two Word tables, documents that are only tables,
and headings (letter groups, glued markers, an opening with italics, "a)" sentences).

Each function returns a Builder; the tests say what each must give.
"""

from __future__ import annotations

import random

from tests.importing.docx_builder import R, Builder, words
from tests.importing.make_fixtures import RECIPIENTS, closing, header_table, sentence, signature_table, title

SUBJECT = "Về tình hình thực hiện công tác cải cách hành chính quý III năm 2026"
FORM_HEADER = [["TT", "Chỉ tiêu", "Đơn vị tính", "Kỳ này", "Ghi chú"], ["(1)", "(2)", "(3)", "(4)", "(5)"]]
FORM_WIDTHS = [600, 4200, 1300, 1300, 1500]


def _bold_cells(row: list[str]) -> list[dict]:
    return [{"text": text, "bold": True, "align": "center"} for text in row]


def _body(b: Builder, rng: random.Random) -> None:
    b.p([R("I. KẾT QUẢ ĐẠT ĐƯỢC", bold=True)])
    b.p([R("1. Công tác chỉ đạo", bold=True)])
    b.p(sentence(rng, 4), first_line=720, align="both")
    b.p([R("II. PHƯƠNG HƯỚNG, NHIỆM VỤ", bold=True)])
    b.p(sentence(rng, 4), first_line=720, align="both")


def _standard_signature(b: Builder) -> None:
    signature_table(b, recipients=RECIPIENTS, authority=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
                    title_="PHÓ CHỦ TỊCH", name="Nguyễn Văn An")


def title_in_box() -> Builder:
    """"BÁO CÁO" and the subject together in a one-cell bordered table."""
    rng, b = random.Random(11), Builder()
    header_table(b)
    b.table([[{"paras": [b.para_xml([R("BÁO CÁO", bold=True)], align="center"),
                         b.para_xml([R(SUBJECT, bold=True)], align="center")]}]], widths=[7000])
    b.p("Kính gửi: Ủy ban nhân dân huyện Nghi Xuân", align="center")
    b.p("Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân huyện, Ủy ban nhân dân xã"
        " báo cáo kết quả như sau:", first_line=720, align="both")
    _body(b, rng)
    closing(b)
    _standard_signature(b)
    return b


def subject_in_box() -> Builder:
    """The subject framed in a one-cell bordered table, then Kính gửi and the opening."""
    rng, b = random.Random(1), Builder()
    header_table(b)
    b.p([R("BÁO CÁO", bold=True)], align="center")
    b.table([[{"text": SUBJECT, "bold": True, "align": "center"}]], widths=[7000])
    b.p("Kính gửi: Ủy ban nhân dân huyện Nghi Xuân", align="center")
    b.p("Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân huyện, Ủy ban nhân dân xã"
        " báo cáo kết quả như sau:", first_line=720, align="both")
    _body(b, rng)
    closing(b)
    _standard_signature(b)
    return b


def signature_empty_left() -> Builder:
    """A signature laid out as a table: an empty left cell, "Người báo cáo" and the name right."""
    rng, b = random.Random(2), Builder()
    header_table(b)
    title(b, [SUBJECT])
    _body(b, rng)
    closing(b)
    right = [b.para_xml([R("Người báo cáo", bold=True)], align="center"), "<w:p/>", "<w:p/>",
             b.para_xml([R("Trần Thị Bình", bold=True)], align="center")]
    b.table([[{"paras": []}, {"paras": right}]], widths=[4500, 4850], borders=False)
    return b


def signature_nested() -> Builder:
    """A 1-row layout table whose first cell holds a nested table: Nơi nhận | authority, title,
    concurrent title, name (the second outer cell empty)."""
    rng, b = random.Random(3), Builder()
    header_table(b)
    title(b, [SUBJECT])
    _body(b, rng)
    closing(b)
    left = [b.para_xml([R("Nơi nhận:", bold=True, italic=True)])] + [b.para_xml(f"- {r}") for r in RECIPIENTS]
    right = [b.para_xml([R(t, bold=True)], align="center")
             for t in ("TM. BAN CHỈ ĐẠO", "PHÓ TRƯỞNG BAN", "", "", "PHÓ CHỦ TỊCH UBND TỈNH", "Nguyễn Ngọc Phúc")]
    inner = b.table_xml([[{"paras": left}, {"paras": right}]], widths=[4500, 4600], borders=False)
    b.table([[{"paras": [inner, "<w:p/>"]}, {"paras": []}]], widths=[9100, 600], borders=False)
    return b


def signature_tabs() -> Builder:
    """Nơi nhận and the signature typed on the same lines, separated by tabs (old .doc files)."""
    rng, b = random.Random(4), Builder()
    header_table(b)
    title(b, [SUBJECT])
    _body(b, rng)
    closing(b)
    # the two columns are read one after the other: the words are counted that way
    b.p([R("Nơi nhận:", bold=True, italic=True), R("\t\t\t\t\t"), R("KT. GIÁM ĐỐC", bold=True)], record=False)
    b.p([R("- Sở Tài chính;\t\t\t\t\t"), R("PHÓ GIÁM ĐỐC", bold=True)], record=False)
    b.p("- UBND các huyện, thị xã;", record=False)
    b.p("- Lưu: VT, QLG.", record=False)
    b.empty()
    b.p([R("\t\t\t\t\t\tNguyễn Thị Kim Loan", bold=True)], record=False)
    b.source.extend(words("Nơi nhận: - Sở Tài chính; - UBND các huyện, thị xã; - Lưu: VT, QLG. KT. GIÁM ĐỐC"
                          " PHÓ GIÁM ĐỐC Nguyễn Thị Kim Loan"))
    return b


def _form_rows(rng: random.Random, first: int, count: int) -> list[list[str]]:
    return [[str(n), f"Chỉ tiêu số {n}", "Hồ sơ", str(rng.choice([0, 5, 12, 140])), ""]
            for n in range(first, first + count)]


def continued_form() -> Builder:
    """A phụ lục whose form continues in a second Word table after a page break (the header rows
    repeated), the lines above it split into its fields, then a second form of the same phụ lục."""
    rng, b = random.Random(5), Builder()
    header_table(b)
    title(b, [SUBJECT])
    _body(b, rng)
    closing(b)
    _standard_signature(b)
    b.page_break()
    b.p([R("PHỤ LỤC", bold=True)], align="center")
    b.p([R("BIỂU MẪU THỐNG KÊ KẾT QUẢ CẢI CÁCH HÀNH CHÍNH", bold=True)], align="center")
    b.p([R("(Kèm theo Báo cáo số      /BC-UBND ngày     tháng 10 năm 2026 của UBND xã)", italic=True)],
        align="center")
    b.p([R("Biểu mẫu 1", bold=True)], align="center")
    b.p([R("Kết quả giải quyết thủ tục hành chính", bold=True)], align="center")
    b.table([_bold_cells(FORM_HEADER[0]), FORM_HEADER[1]] + _form_rows(rng, 1, 6), widths=FORM_WIDTHS)
    b.page_break()
    # the header rows repeated on the next page are a repeat: not counted again
    shown: list[str] = []
    b.body.append(b.table_xml([_bold_cells(FORM_HEADER[0]), FORM_HEADER[1]] + _form_rows(rng, 7, 5),
                              widths=FORM_WIDTHS, source=shown))
    b.source.extend(shown[len(words(" ".join(FORM_HEADER[0] + FORM_HEADER[1]))):])
    b.page_break()
    b.p([R("Biểu mẫu 2", bold=True)], align="center")
    b.p([R("Kết quả tuyên truyền cải cách hành chính", bold=True)], align="center")
    b.table([_bold_cells(FORM_HEADER[0]), FORM_HEADER[1]] + _form_rows(rng, 1, 4), widths=FORM_WIDTHS)
    return b


def _price_rows(rng: random.Random, count: int) -> list[list[str]]:
    goods = ["Gạo tẻ thường", "Thịt lợn hơi", "Trứng vịt", "Đường tinh luyện", "Xăng A95", "Gas 12kg"]
    return [[str(n), goods[n % len(goods)], "đồng/kg", f"{rng.randint(10, 99)}.000", "0", "0"]
            for n in range(1, count + 1)]


def forms_only() -> Builder:
    """A file that is only statistical forms, each followed by its signature."""
    rng, b = random.Random(6), Builder()
    for number in (1, 2):
        b.p([R(f"BIỂU SỐ {number:02d}: GIÁ HÀNG HÓA THIẾT YẾU THÁNG 01/2024", bold=True)], align="center")
        b.table([_bold_cells(["TT", "Mặt hàng", "Đơn vị tính", "Giá kỳ này", "Tăng", "Giảm"])]
                + _price_rows(rng, 6), widths=[600, 3000, 1300, 1500, 1000, 1000])
        right = [b.para_xml([R("Người lập biểu", bold=True)], align="center"), "<w:p/>",
                 b.para_xml([R("Lê Văn Cường", bold=True)], align="center")]
        b.table([[{"paras": []}, {"paras": right}]], widths=[4500, 4850], borders=False)
        if number == 1:
            b.page_break()
    return b


def price_table_only() -> Builder:
    """A single large price table, nothing else."""
    rng, b = random.Random(7), Builder()
    b.table([_bold_cells(["TT", "Mặt hàng", "Đơn vị tính", "Giá kỳ trước", "Giá kỳ này", "Chênh lệch"])]
            + _price_rows(rng, 40), widths=[600, 3000, 1300, 1500, 1500, 1000])
    return b


def headings() -> Builder:
    """Letter groups above roman parts, glued markers, an opening with italics, "a)" sentences."""
    rng, b = random.Random(8), Builder()
    header_table(b)
    title(b, [SUBJECT])
    b.p([R("Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân huyện về "),
         R("“Nâng cao chỉ số cải cách hành chính năm 2026”", italic=True),
         R(", Ủy ban nhân dân xã báo cáo kết quả như sau:")], first_line=720, align="both")
    b.p([R("A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", bold=True)], align="center")
    b.p([R("I.Tổng quan", bold=True)])
    b.p(sentence(rng, 3), first_line=720, align="both")
    b.p([R("II. KẾT QUẢ CỤ THỂ", bold=True)])
    b.p([R("3. Công tác kiểm soát thủ tục hành chính", bold=True)])
    b.p([R("3.1. Rà soát thủ tục", bold=True)])
    b.p(sentence(rng, 2), first_line=720, align="both")
    b.p([R("3.2.Kết quả giải quyết hồ sơ", bold=True)])
    b.p([R("a) Tiếp tục đẩy mạnh ứng dụng công nghệ thông tin trong tiếp nhận và trả kết quả hồ sơ "),
         R("(Kiosk tra cứu; thanh toán trực tuyến; số hóa hồ sơ, kết quả giải quyết).", italic=True)],
        first_line=720, align="both")
    b.p([R("b) Hồ sơ giải quyết đúng hạn đạt tỷ lệ 98,5%, cao hơn cùng kỳ năm trước 2,1 điểm phần trăm;",
           italic=True)], first_line=720, align="both")
    b.p([R("c) Số hóa hồ sơ", bold=True, italic=True)], first_line=720)
    b.p(sentence(rng, 2), first_line=720, align="both")
    b.p([R("3.3. Thanh toán trực tuyến", bold=True)])
    b.p(sentence(rng, 2), first_line=720, align="both")
    b.p([R("a) Thanh toán qua Cổng dịch vụ công", bold=True)], first_line=720)
    b.p(sentence(rng, 2), first_line=720, align="both")
    b.p("b) Kết quả thanh toán trực tuyến đối với các thủ tục có nghĩa vụ tài chính (Tỷ lệ hồ sơ thanh toán"
        " trực tuyến", first_line=720)
    b.p(sentence(rng, 2), first_line=720, align="both")
    b.p([R("c) Phí và lệ phí", bold=True)], first_line=720)
    b.p(sentence(rng, 2), first_line=720, align="both")
    b.p([R("B. PHƯƠNG HƯỚNG, NHIỆM VỤ", bold=True)], align="center")
    b.p([R("I. NHIỆM VỤ TRỌNG TÂM", bold=True)])
    b.p(sentence(rng, 3), first_line=720, align="both")
    closing(b)
    _standard_signature(b)
    return b


def form_with_signature_rows() -> Builder:
    """A form whose last rows hold its signature (captions, then the names)."""
    rng, b = random.Random(9), Builder()
    b.p([R("BIỂU SỐ 03: GIÁ HÀNG HÓA THIẾT YẾU", bold=True)], align="center")
    rows = [_bold_cells(["TT", "Mặt hàng", "Đơn vị tính", "Giá kỳ này", "Tăng", "Giảm"])] + _price_rows(rng, 5)
    rows += [[{"text": "Người lập biểu", "span": 3, "bold": True}, {"text": "Thủ trưởng đơn vị", "span": 3,
                                                                     "bold": True}],
             [{"text": "Lê Văn Cường", "span": 3}, {"text": "Phạm Thị Dung", "span": 3}]]
    shown: list[str] = []
    b.body.append(b.table_xml(rows, widths=[600, 3000, 1300, 1500, 1000, 1000], source=shown))
    # the signature's two columns are read one after the other
    b.source.extend(shown[:-len(words("Người lập biểu Thủ trưởng đơn vị Lê Văn Cường Phạm Thị Dung"))])
    b.source.extend(words("Người lập biểu Lê Văn Cường Thủ trưởng đơn vị Phạm Thị Dung"))
    return b


def signature_tabs_one_paragraph() -> Builder:
    """Nơi nhận and the signature in ONE paragraph: its lines ended with Shift+Enter, the
    columns separated by tabs (old .doc files)."""
    rng, b = random.Random(10), Builder()
    header_table(b)
    title(b, [SUBJECT])
    _body(b, rng)
    closing(b)
    b.p([R("Nơi nhận:\t\t\t\t\tKT. GIÁM ĐỐC\n- Sở Tài chính;\t\t\t\tPHÓ GIÁM ĐỐC\n"
           "- UBND các huyện, thị xã;\n- Lưu: VT, QLG.\n\n\t\t\t\t\tNguyễn Thị Kim Loan")], record=False)
    b.source.extend(words("Nơi nhận: - Sở Tài chính; - UBND các huyện, thị xã; - Lưu: VT, QLG. KT. GIÁM ĐỐC"
                          " PHÓ GIÁM ĐỐC Nguyễn Thị Kim Loan"))
    return b


def forms_titled_without_marker() -> Builder:
    """A phụ lục of two forms, the second titled by its name alone (no "Biểu mẫu 2"), with a note
    under each form."""
    rng, b = random.Random(12), Builder()
    header_table(b)
    title(b, [SUBJECT])
    _body(b, rng)
    closing(b)
    _standard_signature(b)
    b.page_break()
    b.p([R("PHỤ LỤC", bold=True)], align="center")
    b.p([R("KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", bold=True)], align="center")
    b.p([R("(Kèm theo Báo cáo số      /BC-UBND ngày     tháng 10 năm 2026 của UBND xã)", italic=True)],
        align="center")
    b.table([_bold_cells(FORM_HEADER[0]), FORM_HEADER[1]] + _form_rows(rng, 1, 4), widths=FORM_WIDTHS)
    b.p([R("Ghi chú: số liệu tính đến ngày 30/9/2026.", italic=True)])
    b.page_break()
    b.p([R("KẾT QUẢ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH", bold=True)], align="center")
    b.table([_bold_cells(["TT", "Hình thức", "Số lượng"])] + [[str(n), f"Hình thức {n}", "0"] for n in range(1, 4)],
            widths=[600, 5000, 2000])
    b.p([R("Ghi chú: số tin, bài đăng trên trang thông tin điện tử của xã.", italic=True)])
    return b
