"""Import fixtures: .docx reports built the way offices make them, each with the structure
the importer must find.  ``python tests/importing/make_fixtures.py DIR`` writes them to DIR.

Every fixture returns (Builder, expected); ``Builder.source`` holds the words the file
shows, in reading order, for the words-kept measure.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from tests.importing.docx_builder import R, Builder, tcvn3_runs, to_tcvn3_caps, to_vni, words

_PHRASES = [
    "tiếp tục đẩy mạnh công tác tuyên truyền cải cách hành chính", "nâng cao chất lượng phục vụ người dân",
    "bộ phận tiếp nhận và trả kết quả", "thủ tục hành chính được công khai đầy đủ", "trên Cổng dịch vụ công",
    "ứng dụng công nghệ thông tin trong quản lý", "cán bộ, công chức, viên chức", "hồ sơ giải quyết đúng hạn",
    "theo Kế hoạch số 06/KH-UBND ngày 15/01/2026", "đạt tỷ lệ 98,5%", "hệ thống truyền thanh của xã",
    "các thôn, tổ dân phố", "sự chỉ đạo của Đảng ủy, Ủy ban nhân dân", "kinh phí còn hạn chế",
    "một số hồ sơ còn trễ hạn", "tổ chức hội nghị quán triệt", "thanh toán không dùng tiền mặt",
    "chuyển đổi số trong cơ quan nhà nước", "môi trường đầu tư, kinh doanh thuận lợi", "12.604 lượt người",
]


def sentence(rng: random.Random, n: int = 3) -> str:
    text = ", ".join(rng.choice(_PHRASES) for _ in range(n))
    return text[0].upper() + text[1:] + "."


NUMBERING = (
    # abstract 1: report outline I. / 1. / 1.1. / a)
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>'
    '</w:abstractNum>'
    # abstract 2: dash bullets, "+" one level down
    '<w:abstractNum w:abstractNumId="2">'
    '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>'
    '</w:abstractNum>'
    # abstract 3: a plain decimal list
    '<w:abstractNum w:abstractNumId="3">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
    '</w:lvlOverride></w:num>'
)

VI_STYLES = (
    '<w:style w:type="paragraph" w:styleId="TieuDe1"><w:name w:val="Tiêu đề 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="TieuDe2"><w:name w:val="Tiêu đề 2"/><w:basedOn w:val="TieuDe1"/>'
    '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="DoanVan"><w:name w:val="Đoạn văn"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ChuDam"><w:name w:val="Chữ đậm giữa"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
)


# ------------------------------------------------------------------ shared pieces


def header_table(b: Builder, *, number: str = "15", day: str = "05", month: str = "10", year: str = "2026",
                 place: str = "Cương Gián", body=("ỦY BAN NHÂN DÂN", "XÃ CƯƠNG GIÁN"), governing=(),
                 columns: int = 2, rows: int = 1) -> None:
    left = [b.para_xml([R(t)], align="center") for t in governing]
    left += [b.para_xml([R(t, bold=True)], align="center") for t in body]
    left.append(b.para_xml("-------", align="center"))
    number_line = b.para_xml(f"Số: {number}/BC-UBND", align="center")
    right = [b.para_xml([R("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)], align="center"),
             b.para_xml([R("Độc lập - Tự do - Hạnh phúc", bold=True)], align="center"),
             b.para_xml("---------------", align="center")]
    date_line = b.para_xml([R(f"{place}, ngày {day} tháng {month} năm {year}", italic=True)], align="right")
    if rows == 1:
        cells = [{"paras": left + [number_line]}, {"paras": right + [date_line]}]
        widths = [3700, 5650]
        grid = [cells]
    else:
        grid = [[{"paras": left}, {"paras": right}], [{"paras": [number_line]}, {"paras": [date_line]}]]
        widths = [3700, 5650]
    if columns == 3:
        grid = [[row[0], {"paras": []}, row[1]] for row in grid]
        widths = [3500, 300, 5550]
    b.table(grid, widths=widths, borders=False)


def title(b: Builder, subject: list[str]) -> None:
    b.empty()
    b.p([R("BÁO CÁO", bold=True)], align="center")
    for line in subject:
        b.p([R(line, bold=True)], align="center")
    b.p("-----------", align="center", record=False)


def signature_table(b: Builder, *, recipients: list[str], authority: list[str], title_: str, name: str,
                    concurrent: str = "", captions: list[str] = ()) -> None:
    left = [b.para_xml([R("Nơi nhận:", bold=True, italic=True)])]
    left += [b.para_xml(f"- {r}") for r in recipients]
    right = [b.para_xml([R(a, bold=True)], align="center") for a in authority]
    right.append(b.para_xml([R(title_, bold=True)], align="center"))
    if concurrent:
        right.append(b.para_xml([R(concurrent, bold=True)], align="center"))
    right += [b.para_xml([R(c, italic=True)], align="center") for c in captions]
    right += ["<w:p/>", "<w:p/>", "<w:p/>"]
    right.append(b.para_xml([R(name, bold=True)], align="center"))
    b.table([[{"paras": left}, {"paras": right}]], widths=[5000, 4350], borders=False)


RECIPIENTS = ["Như trên;", "TT Đảng ủy, TT HĐND xã;", "Chủ tịch, các PCT UBND xã;", "Lưu: VT, VP."]


def typed_parts(b: Builder, rng: random.Random, titles: list[str], paragraphs: int = 2) -> list[str]:
    headings = []
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    for index, text in enumerate(titles):
        heading = f"{romans[index]}. {text}"
        headings.append(heading)
        b.p([R(heading, bold=True)], indent=0, first_line=720)
        for sub in range(1, 3):
            b.p([R(f"{sub}. Nội dung thứ {sub} của phần {romans[index]}", bold=True)], first_line=720)
            for _ in range(paragraphs):
                b.p(f"- {sentence(rng)}", first_line=720, align="both")
            b.p(sentence(rng, 5), first_line=720, align="both")
    return headings


def closing(b: Builder) -> None:
    b.p("Trên đây là báo cáo kết quả công tác cải cách hành chính của Ủy ban nhân dân xã Cương Gián./.",
        first_line=720, align="both")


def expected(**kw) -> dict:
    base = {
        "issuing_body": ["ỦY BAN NHÂN DÂN", "XÃ CƯƠNG GIÁN"], "number": "15", "place": "Cương Gián",
        "date": (5, 10, 2026), "tables_in_text": 0, "footnotes": 0, "appendices": [],
        "recipients": RECIPIENTS, "authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "title": "PHÓ CHỦ TỊCH",
        "name": "Nguyễn Văn An", "addressees": ["Ủy ban nhân dân tỉnh Hà Tĩnh"],
    }
    base.update(kw)
    return base


def standard_tail(b: Builder, **kw) -> None:
    closing(b)
    signature_table(b, recipients=RECIPIENTS, authority=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
                    title_="PHÓ CHỦ TỊCH", name="Nguyễn Văn An", **kw)


# ------------------------------------------------------------------ the fixtures


def f01_typed_markers():
    rng, b = random.Random(1), Builder()
    header_table(b)
    title(b, ["Kết quả công tác cải cách hành chính quý III năm 2026"])
    b.p("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh", align="center")
    b.p("Thực hiện Kế hoạch số 06/KH-UBND, Ủy ban nhân dân xã báo cáo kết quả quý III năm 2026 như sau:",
        first_line=720, align="both")
    headings = typed_parts(b, rng, ["KẾT QUẢ ĐẠT ĐƯỢC", "TỒN TẠI, HẠN CHẾ", "PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV"])
    b.p([R("a) Về thể chế", italic=True)], first_line=720)
    b.p("+ " + sentence(rng), first_line=720)
    b.p("* " + sentence(rng), first_line=720)
    standard_tail(b)
    return b, expected(subject=["Kết quả công tác cải cách hành chính quý III năm 2026"], parts=headings,
                       meanings=["results", "difficulties", "directions"], period=("quarter", 2026, 3))


def f02_auto_numbering():
    rng, b = random.Random(2), Builder(numbering_xml=NUMBERING)
    header_table(b)
    title(b, ["Công tác tuyên truyền cải cách hành chính", "6 tháng đầu năm 2026"])
    b.p("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh", align="center")
    b.p("Ủy ban nhân dân xã báo cáo công tác 6 tháng đầu năm 2026 như sau:", first_line=720)
    parts = ["KẾT QUẢ THỰC HIỆN", "KHÓ KHĂN, VƯỚNG MẮC", "PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM", "ĐỀ XUẤT, KIẾN NGHỊ"]
    romans = ["I", "II", "III", "IV"]
    headings = []
    for p_index, text in enumerate(parts):
        b.p([R(text, bold=True)], num=(1, 0), marker=f"{romans[p_index]}.")
        headings.append(f"{romans[p_index]}. {text}")
        for sub in range(1, 3):
            b.p([R(f"Nhiệm vụ trọng tâm {sub}", bold=True)], num=(1, 1), marker=f"{sub}.")
            for sub2 in range(1, 3):
                b.p([R(f"Nội dung chi tiết {sub2}", bold=True, italic=True)], num=(1, 2), marker=f"{sub}.{sub2}.")
                b.p([R("Về tổ chức thực hiện", italic=True)], num=(1, 3), marker="a)")
                b.p([R("Về kết quả", italic=True)], num=(1, 3), marker="b)")
                b.p(sentence(rng), num=(2, 0), marker="-")
                b.p(sentence(rng), num=(2, 1), marker="+")
        # a plain numbered list restarted in each part (numId 4 restarts abstract 3 once; 3 continues)
    b.p(sentence(rng), num=(3, 0), marker="1.")
    b.p(sentence(rng, 6), num=(3, 0), marker="2.")
    standard_tail(b)
    return b, expected(subject=["Công tác tuyên truyền cải cách hành chính", "6 tháng đầu năm 2026"],
                       parts=headings, meanings=["results", "difficulties", "directions", "proposals"],
                       period=("half1", 2026, None), markers=["I.", "1.", "1.1.", "a)", "b)", "-", "+", "1.", "2."])


def f03_vietnamese_styles():
    rng, b = random.Random(3), Builder(extra_styles=VI_STYLES)
    header_table(b)
    title(b, ["Kết quả thực hiện nhiệm vụ tháng 8/2026"])
    b.p("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh", align="center")
    b.p(sentence(rng), style="DoanVan")
    headings = []
    for text in ["KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "NHIỆM VỤ TRỌNG TÂM THÁNG 9"]:
        b.p(text, style="ChuDam")  # bold and centred by style, no marker
        headings.append(text)
        b.p("Công tác chỉ đạo, điều hành", style="TieuDe2")
        for _ in range(3):
            b.p(sentence(rng), style="DoanVan")
    standard_tail(b)
    return b, expected(subject=["Kết quả thực hiện nhiệm vụ tháng 8/2026"], parts=headings,
                       meanings=["results", "directions"], period=("month", 2026, 8))


def f04_textbox_header():
    rng, b = random.Random(4), Builder()
    left = [b.para_xml([R("ỦY BAN NHÂN DÂN", bold=True)], align="center"),
            b.para_xml([R("XÃ CƯƠNG GIÁN", bold=True)], align="center"),
            b.para_xml("Số: 15/BC-UBND", align="center")]
    right = [b.para_xml([R("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)], align="center"),
             b.para_xml([R("Độc lập - Tự do - Hạnh phúc", bold=True)], align="center"),
             b.para_xml([R("Cương Gián, ngày 05 tháng 10 năm 2026", italic=True)], align="center")]
    b.body.append("<w:p>" + b.textbox_xml(left, x=0, y=0, ident=1)
                  + b.textbox_xml(right, x=2900000, y=0, ident=2) + "</w:p>")
    for _ in range(4):
        b.empty()
    title(b, ["Kết quả công tác năm 2026 và phương hướng năm 2027"])
    b.p("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh", align="center")
    b.p(sentence(rng), first_line=720)
    headings = typed_parts(b, rng, ["KẾT QUẢ NĂM 2026", "PHƯƠNG HƯỚNG NĂM 2027"])
    standard_tail(b)
    # a text box in the page header, and the page number field
    b.header_xml = ("<w:p>" + b.textbox_xml([b.para_xml("Dự thảo lần 2", record=False)], x=0, y=0, ident=9)
                    + '</w:p><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE '
                      '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t>'
                      '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    return b, expected(subject=["Kết quả công tác năm 2026 và phương hướng năm 2027"], parts=headings,
                       meanings=["results", "directions"], period=("year", 2026, None),
                       header_entries=["Dự thảo lần 2"])


def f05_tab_signature():
    rng, b = random.Random(5), Builder()
    header_table(b, number="    ", day="  ", month="9")
    title(b, ["Tình hình thực hiện công tác cải cách hành chính 9 tháng năm 2026"])
    b.p("Kính gửi:", align="center")
    addressees = ["Sở Nội vụ tỉnh Hà Tĩnh", "Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân huyện Nghi Xuân"]
    for i, a in enumerate(addressees):
        b.p(f"- {a}{'.' if i == len(addressees) - 1 else ';'}", indent=2000)
    b.p(sentence(rng), first_line=720)
    headings = typed_parts(b, rng, ["KẾT QUẢ", "HẠN CHẾ", "PHƯƠNG HƯỚNG"])
    closing(b)
    # Tab-aligned columns read column by column: the words are counted that way.
    b.p([R("Nơi nhận:", bold=True, italic=True), R("\t\t\t"), R("TM. ỦY BAN NHÂN DÂN", bold=True)], record=False)
    b.p([R("- Như trên;\t\t\t\t"), R("CHỦ TỊCH", bold=True)], record=False)
    b.p("- Lưu: VT.", record=False)
    b.empty()
    b.empty()
    b.p([R("\t\t\t\t\tTrần Thị Bình", bold=True)], record=False)
    b.source.extend(words("Nơi nhận: - Như trên; - Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Trần Thị Bình"))
    return b, expected(number="", date=(None, 9, 2026), subject=["Tình hình thực hiện công tác cải cách hành chính"
                                                                 " 9 tháng năm 2026"],
                       addressees=addressees, parts=headings, meanings=["results", "difficulties", "directions"],
                       recipients=["Như trên;", "Lưu: VT."], authority=["TM. ỦY BAN NHÂN DÂN"], title="CHỦ TỊCH",
                       name="Trần Thị Bình", period=("nine_months", 2026, None))


def f06_footnotes():
    rng, b = random.Random(6), Builder()
    header_table(b)
    title(b, ["Kết quả công tác cải cách hành chính quý III năm 2026"])
    b.p("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh", align="center")
    b.p(sentence(rng), first_line=720)
    headings = []
    count = 0
    for index, text in enumerate(["KẾT QUẢ", "HẠN CHẾ", "PHƯƠNG HƯỚNG"]):
        heading = f"{['I', 'II', 'III'][index]}. {text}"
        headings.append(heading)
        b.p([R(heading, bold=True)])
        for _ in range(6 if index == 0 else 2):
            count += 1
            b.p([R(sentence(rng)), R("", footnote=f"Văn bản số {count}/UBND: " + sentence(rng, 6)),
                 R(" " + sentence(rng, 2))], first_line=720)
    standard_tail(b)
    return b, expected(subject=["Kết quả công tác cải cách hành chính quý III năm 2026"], parts=headings,
                       meanings=["results", "difficulties", "directions"], footnotes=count,
                       period=("quarter", 2026, 3))


def merged_table(b: Builder, rng: random.Random, columns: int = 12) -> str:
    top = [{"text": "TT", "vmerge": "restart", "bold": True}, {"text": "Lĩnh vực", "vmerge": "restart", "bold": True},
           {"text": "Số hồ sơ tiếp nhận", "span": columns - 4, "bold": True},
           {"text": "Tỷ lệ", "vmerge": "restart", "bold": True}, {"text": "Ghi chú", "vmerge": "restart", "bold": True}]
    second = [{"vmerge": "continue"}, {"vmerge": "continue"}]
    second += [{"text": f"Tháng {m}", "bold": True} for m in range(1, columns - 3)]
    second += [{"vmerge": "continue"}, {"vmerge": "continue"}]
    rows = [top, second]
    for r in range(1, 6):
        rows.append([str(r), rng.choice(["Hộ tịch", "Đất đai", "Chứng thực", "Xây dựng"])]
                    + [f"{rng.randint(0, 99):02d}" for _ in range(columns - 4)] + ["98,5%", "-"])
    rows.append([{"text": "Tổng cộng", "span": 2, "bold": True}] + ["12.604"] * (columns - 4) + ["", ""])
    return b.table_xml(rows, widths=[500, 1400] + [600] * (columns - 4) + [800, 800], header_rows=2)


def f07_merged_tables():
    rng, b = random.Random(7), Builder()
    header_table(b)
    title(b, ["Kết quả giải quyết thủ tục hành chính quý III năm 2026"])
    b.p("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh", align="center")
    b.p(sentence(rng), first_line=720)
    b.p([R("I. KẾT QUẢ", bold=True)])
    b.p(sentence(rng), first_line=720)
    b.body.append(merged_table(b, rng))
    b.p(sentence(rng), first_line=720)
    b.table([[{"text": "Nội dung", "bold": True}, {"text": "Kết quả", "bold": True}], [{"text": "Hồ sơ đúng hạn\nHồ sơ trễ hạn", "vmerge": "restart"}, "1.250"],
             [{"vmerge": "continue"}, "3"]], widths=[5000, 4000])
    b.p([R("II. PHƯƠNG HƯỚNG", bold=True)])
    b.p(sentence(rng), first_line=720)
    standard_tail(b)
    return b, expected(subject=["Kết quả giải quyết thủ tục hành chính quý III năm 2026"],
                       parts=["I. KẾT QUẢ", "II. PHƯƠNG HƯỚNG"], meanings=["results", "directions"],
                       tables_in_text=2, period=("quarter", 2026, 3),
                       table_shapes=[(12, 8, 2), (2, 3, 1)])


def f08_tcvn3():
    rng, b = random.Random(8), Builder(default_font=".VnTime")

    def t(text, bold=False, italic=False):
        return tcvn3_runs(text, bold, italic)

    def caps(text, bold=True):
        return R(to_tcvn3_caps(text), bold, font=".VnTimeH")

    left = [b.para_xml([caps("Ủy ban nhân dân")], align="center", plain="ỦY BAN NHÂN DÂN"),
            b.para_xml([caps("Xã Cương Gián")], align="center", plain="XÃ CƯƠNG GIÁN"),
            b.para_xml(t("Số: 15/BC-UBND"), align="center", plain="Số: 15/BC-UBND")]
    right = [b.para_xml([caps("Cộng hòa xã hội chủ nghĩa Việt Nam")], align="center",
                        plain="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
             b.para_xml(t("Độc lập - Tự do - Hạnh phúc", bold=True), align="center",
                        plain="Độc lập - Tự do - Hạnh phúc"),
             b.para_xml(t("Cương Gián, ngày 05 tháng 10 năm 2026", italic=True), align="center",
                        plain="Cương Gián, ngày 05 tháng 10 năm 2026")]
    b.table([[{"paras": left}, {"paras": right}]], widths=[3700, 5650], borders=False)
    b.p([caps("Báo cáo")], align="center", plain="BÁO CÁO")
    subject = "Kết quả công tác cải cách hành chính quý III năm 2026"
    b.p(t(subject, bold=True), align="center", plain=subject)
    b.p(t("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh"), align="center", plain="Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh")
    headings = []
    for index, text in enumerate(["Kết quả thực hiện", "Phương hướng, nhiệm vụ quý IV"]):
        heading = f"{['I', 'II'][index]}. {text}"
        headings.append(heading.upper())
        b.p([caps(heading)], plain=heading.upper())
        for _ in range(4):
            s = sentence(rng, 4)
            b.p(t("- " + s), first_line=720, plain="- " + s)
    # one Unicode run in the middle of the legacy text: never touched
    b.p([R("Ghi chú bằng Unicode: Cộng hòa, Đường, Ước tính.", font="Times New Roman")], first_line=720)
    end = "Trên đây là báo cáo kết quả quý III năm 2026 của Ủy ban nhân dân xã./."
    b.p(t(end), first_line=720, plain=end)
    left = [b.para_xml(t("Nơi nhận:", bold=True, italic=True), plain="Nơi nhận:")]
    left += [b.para_xml(t(f"- {r}"), plain=f"- {r}") for r in RECIPIENTS]
    right = [b.para_xml([caps("TM. Ủy ban nhân dân")], align="center", plain="TM. ỦY BAN NHÂN DÂN"),
             b.para_xml([caps("Chủ tịch")], align="center", plain="CHỦ TỊCH"), "<w:p/>", "<w:p/>",
             b.para_xml(t("Lê Thị Sáu", bold=True), align="center", plain="Lê Thị Sáu")]
    b.table([[{"paras": left}, {"paras": right}]], widths=[5000, 4350], borders=False)
    return b, expected(subject=[subject], parts=headings, meanings=["results", "directions"],
                       authority=["TM. ỦY BAN NHÂN DÂN"], title="CHỦ TỊCH", name="Lê Thị Sáu",
                       period=("quarter", 2026, 3))


def f09_vni():
    rng, b = random.Random(9), Builder(default_font="VNI-Times")

    def v(text, bold=False, italic=False):
        return R(to_vni(text), bold, italic)

    left = [b.para_xml([v("ỦY BAN NHÂN DÂN", True)], align="center", plain="ỦY BAN NHÂN DÂN"),
            b.para_xml([v("XÃ CƯƠNG GIÁN", True)], align="center", plain="XÃ CƯƠNG GIÁN"),
            b.para_xml([v("Số: 15/BC-UBND")], align="center", plain="Số: 15/BC-UBND")]
    right = [b.para_xml([v("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True)], align="center",
                        plain="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
             b.para_xml([v("Độc lập - Tự do - Hạnh phúc", True)], align="center", plain="Độc lập - Tự do - Hạnh phúc"),
             b.para_xml([v("Cương Gián, ngày 05 tháng 10 năm 2026", italic=True)], align="center",
                        plain="Cương Gián, ngày 05 tháng 10 năm 2026")]
    b.table([[{"paras": left}, {"paras": right}]], widths=[3700, 5650], borders=False)
    b.p([v("BÁO CÁO", True)], align="center", plain="BÁO CÁO")
    subject = "Kết quả công tác cải cách hành chính tháng 8 năm 2026"
    b.p([v(subject, True)], align="center", plain=subject)
    b.p([v("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh")], align="center", plain="Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh")
    headings = []
    for index, text in enumerate(["KẾT QUẢ ĐẶC BIỆT, NẶNG NHỌC", "PHƯƠNG HƯỚNG THÁNG 9"]):
        heading = f"{['I', 'II'][index]}. {text}"
        headings.append(heading)
        b.p([v(heading, True)], plain=heading)
        for _ in range(4):
            s = sentence(rng, 4) + " Ắc quy, ằng ặc, ẳng, ẵng, ngặt nghèo, hưởng ứng."
            b.p([v("- " + s)], first_line=720, plain="- " + s)
    end = "Trên đây là báo cáo tháng 8 năm 2026./."
    b.p([v(end)], first_line=720, plain=end)
    left = [b.para_xml([v("Nơi nhận:", True, True)], plain="Nơi nhận:")]
    left += [b.para_xml([v(f"- {r}")], plain=f"- {r}") for r in RECIPIENTS]
    right = [b.para_xml([v("TM. ỦY BAN NHÂN DÂN", True)], align="center", plain="TM. ỦY BAN NHÂN DÂN"),
             b.para_xml([v("CHỦ TỊCH", True)], align="center", plain="CHỦ TỊCH"), "<w:p/>",
             b.para_xml([v("Lê Thị Sáu", True)], align="center", plain="Lê Thị Sáu")]
    b.table([[{"paras": left}, {"paras": right}]], widths=[5000, 4350], borders=False)
    return b, expected(subject=[subject], parts=headings, meanings=["results", "directions"],
                       authority=["TM. ỦY BAN NHÂN DÂN"], title="CHỦ TỊCH", name="Lê Thị Sáu",
                       period=("month", 2026, 8))


def f10_three_column_header():
    rng, b = random.Random(10), Builder()
    header_table(b, number="     ", day="   ", month="9", columns=3, rows=2,
                 governing=("UBND HUYỆN NGHI XUÂN",), body=("ỦY BAN NHÂN DÂN XÃ CƯƠNG GIÁN",))
    title(b, ["Kết quả công tác cải cách hành chính năm 2026 và phương hướng năm 2027"])
    b.p("Kính gửi: Ủy ban nhân dân huyện Nghi Xuân", align="center")
    b.p(sentence(rng), first_line=720)
    headings = typed_parts(b, rng, ["KẾT QUẢ NĂM 2026", "KHÓ KHĂN", "PHƯƠNG HƯỚNG NĂM 2027"])
    standard_tail(b)
    return b, expected(governing_body=["UBND HUYỆN NGHI XUÂN"], issuing_body=["ỦY BAN NHÂN DÂN XÃ CƯƠNG GIÁN"],
                       number="", date=(None, 9, 2026), addressees=["Ủy ban nhân dân huyện Nghi Xuân"],
                       subject=["Kết quả công tác cải cách hành chính năm 2026 và phương hướng năm 2027"],
                       parts=headings, meanings=["results", "difficulties", "directions"],
                       period=("year", 2026, None))


def f11_weekly_note():
    rng, b = random.Random(11), Builder()
    b.table([[{"paras": [b.para_xml([R("VĂN PHÒNG HĐND VÀ UBND", bold=True)], align="center"),
                         b.para_xml([R("XÃ CƯƠNG GIÁN", bold=True)], align="center")]},
              {"paras": [b.para_xml([R("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)], align="center"),
                         b.para_xml([R("Độc lập - Tự do - Hạnh phúc", bold=True)], align="center"),
                         b.para_xml([R("Cương Gián, ngày 18 tháng 9 năm 2026", italic=True)], align="center")]}]],
            widths=[3700, 5650], borders=False)
    b.p([R("BÁO CÁO CÔNG TÁC TUẦN 03 THÁNG 9 NĂM 2026", bold=True)], align="center")
    b.p([R("(Từ ngày 14/9/2026 đến ngày 18/9/2026)", italic=True)], align="center")
    headings = []
    for index, text in enumerate(["CÔNG VIỆC ĐÃ THỰC HIỆN TRONG TUẦN", "CÔNG VIỆC TUẦN TỚI"]):
        heading = f"{['I', 'II'][index]}. {text}"
        headings.append(heading)
        b.p([R(heading, bold=True)])
        for _ in range(5):
            b.p(f"- {sentence(rng)}", first_line=720)
    right = [b.para_xml([R("NGƯỜI BÁO CÁO", bold=True)], align="center"), "<w:p/>", "<w:p/>",
             b.para_xml([R("Phạm Văn Cường", bold=True)], align="center")]
    b.table([[{"paras": []}, {"paras": right}]], widths=[5000, 4350], borders=False)
    return b, expected(issuing_body=["VĂN PHÒNG HĐND VÀ UBND", "XÃ CƯƠNG GIÁN"], number=None, date=(18, 9, 2026),
                       subject=["CÔNG TÁC TUẦN 03 THÁNG 9 NĂM 2026", "(Từ ngày 14/9/2026 đến ngày 18/9/2026)"],
                       addressees=[], parts=headings, meanings=["results", "directions"], recipients=[],
                       authority=[], title="", captions=["NGƯỜI BÁO CÁO"], name="Phạm Văn Cường", period=("week", 3, 9, 2026))


def long_report(rng: random.Random, b: Builder, parts: int, subs: int, paragraphs: int) -> list[str]:
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    headings = []
    titles = ["KẾT QUẢ THỰC HIỆN", "TỒN TẠI, HẠN CHẾ", "NGUYÊN NHÂN", "PHƯƠNG HƯỚNG, NHIỆM VỤ", "ĐỀ XUẤT, KIẾN NGHỊ",
              "CÁC NỘI DUNG KHÁC"]
    for p_index in range(parts):
        heading = f"{romans[p_index]}. {titles[p_index % len(titles)]}"
        headings.append(heading)
        b.p([R(heading, bold=True)])
        for sub in range(1, subs + 1):
            b.p([R(f"{sub}. Lĩnh vực công tác số {sub}", bold=True)], first_line=720)
            for sub2 in range(1, 3):
                b.p([R(f"{sub}.{sub2}. Nội dung {sub2}", bold=True, italic=True)], first_line=720)
                for _ in range(paragraphs):
                    b.p(sentence(rng, 6), first_line=720, align="both")
                    b.p("- " + sentence(rng, 3), first_line=720, align="both")
    return headings


def f12_sixty_pages():
    rng, b = random.Random(12), Builder()
    header_table(b)
    title(b, ["Tổng kết công tác cải cách hành chính năm 2026"])
    b.p("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh", align="center")
    b.p(sentence(rng), first_line=720)
    headings = long_report(rng, b, 6, 8, 5)
    standard_tail(b)
    return b, expected(subject=["Tổng kết công tác cải cách hành chính năm 2026"], parts=headings,
                       meanings=["results", "difficulties", "difficulties", "directions", "proposals", "other"],
                       period=("year", 2026, None))


def appendix_form(b: Builder, rng: random.Random, number: int) -> tuple:
    b.page_break()
    b.p([R(f"Biểu mẫu {number}", bold=True)], align="center")
    name = f"KẾT QUẢ THỐNG KÊ LĨNH VỰC {['NỘI VỤ', 'TƯ PHÁP', 'ĐẤT ĐAI', 'Y TẾ', 'GIÁO DỤC', 'VĂN HÓA', 'XÂY DỰNG'][number - 1]}"
    b.p([R(name, bold=True)], align="center")
    b.p([R("(Kèm theo Báo cáo số 15/BC-UBND ngày 05/10/2026 của Ủy ban nhân dân xã)", italic=True)], align="center")
    rows = [
        [{"text": "TT", "vmerge": "restart", "bold": True}, {"text": "Chỉ tiêu", "vmerge": "restart", "bold": True},
         {"text": "Đơn vị tính", "vmerge": "restart", "bold": True},
         {"text": "Kết quả thống kê", "span": 2, "bold": True}, {"text": "Ghi chú", "vmerge": "restart", "bold": True}],
        [{"vmerge": "continue"}, {"vmerge": "continue"}, {"vmerge": "continue"}, {"text": "Kỳ trước", "bold": True},
         {"text": "Kỳ này", "bold": True}, {"vmerge": "continue"}],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
    ]
    kinds = ["header", "header", "header"]
    for g, group in enumerate(["I", "II"]):
        rows.append([{"text": group, "bold": True}, {"text": f"Nhóm chỉ tiêu {group}", "bold": True},
                     "", "", "", ""])
        kinds.append("group")
        for r in range(1, 5):
            rows.append([str(r), f"Chỉ tiêu số {r} của nhóm {group}", rng.choice(["Hồ sơ", "Người", "%"]),
                         rng.choice(["-", "02", "12.604", "18,75", "15%"]), str(rng.randint(0, 500)), ""])
            kinds.append("data")
        rows.append([{"text": "Ghi chú: số liệu tính đến ngày 14/9/2026", "span": 6}])
        kinds.append("caption")
    b.table(rows, widths=[600, 3600, 1200, 1300, 1300, 1300], header_rows=0)
    return f"Biểu mẫu {number}", len(rows), 3, kinds


def f13_seven_forms():
    rng, b = random.Random(13), Builder()
    header_table(b)
    title(b, ["Kết quả công tác cải cách hành chính 6 tháng đầu năm 2026"])
    b.p("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh", align="center")
    b.p(sentence(rng), first_line=720)
    headings = long_report(rng, b, 4, 5, 6)
    standard_tail(b)
    forms = [appendix_form(b, rng, n) for n in range(1, 8)]
    return b, expected(subject=["Kết quả công tác cải cách hành chính 6 tháng đầu năm 2026"], parts=headings,
                       meanings=["results", "difficulties", "difficulties", "directions"],
                       period=("half1", 2026, None), appendices=forms)


def f14_phan_thu():
    rng, b = random.Random(14), Builder()
    header_table(b, body=("ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH"), place="Hà Tĩnh")
    title(b, ["Về công tác chuyển đổi số trong cơ quan hành chính"])
    b.p(sentence(rng), first_line=720)
    headings = []
    romans = ["I", "II", "III", "IV", "V", "VI"]
    for group, items in (("Phần thứ nhất", range(0, 3)), ("Phần thứ hai", range(3, 6))):
        b.p([R(group.upper(), bold=True)], align="center")
        b.p([R("ĐÁNH GIÁ KẾT QUẢ" if group.endswith("nhất") else "NHIỆM VỤ, GIẢI PHÁP", bold=True)], align="center")
        for i in items:
            heading = f"{romans[i]}. {['KẾT QUẢ', 'TỒN TẠI, HẠN CHẾ', 'NGUYÊN NHÂN', 'PHƯƠNG HƯỚNG', 'GIẢI PHÁP', 'ĐỀ XUẤT, KIẾN NGHỊ'][i]}"
            headings.append(heading)
            b.p([R(heading, bold=True)])
            for _ in range(3):
                b.p(sentence(rng, 4), first_line=720)
    closing(b)
    signature_table(b, recipients=RECIPIENTS, authority=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
                    title_="PHÓ CHỦ TỊCH", concurrent="PHÓ CHỦ TỊCH THƯỜNG TRỰC", name="Nguyễn Văn An")
    return b, expected(issuing_body=["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH"], place="Hà Tĩnh", addressees=[],
                       subject=["Về công tác chuyển đổi số trong cơ quan hành chính"], parts=headings,
                       meanings=None, groups=2, concurrent="PHÓ CHỦ TỊCH THƯỜNG TRỰC", period=None)


def f15_odd_bits():
    """What falls back: a stamp in the header, a line the signature block cannot place, a
    note after the signature, a table after it without a title, text under a form."""
    rng, b = random.Random(15), Builder()
    header_table(b)
    b.p([R("DỰ THẢO", bold=True)], align="right")
    title(b, ["Kết quả công tác cải cách hành chính quý III năm 2026"])
    b.p("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh", align="center")
    b.p(sentence(rng), first_line=720)
    headings = typed_parts(b, rng, ["KẾT QUẢ", "PHƯƠNG HƯỚNG"])
    closing(b)
    signature_table(b, recipients=RECIPIENTS, authority=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
                    title_="PHÓ CHỦ TỊCH", name="Nguyễn Văn An", captions=["(Đã ký)"])
    b.p("Ghi chú: báo cáo này thay thế báo cáo gửi ngày 01/10/2026 có sai sót về số liệu.", first_line=720)
    b.table([["Nội dung", "Số lượng"], ["Hồ sơ tiếp nhận", "1.250"], ["Hồ sơ trễ hạn", "-"]], widths=[6000, 3000])
    b.p("Số liệu tính đến ngày 14/9/2026.", first_line=720)
    return b, expected(subject=["Kết quả công tác cải cách hành chính quý III năm 2026"], parts=headings,
                       meanings=["results", "directions"], period=("quarter", 2026, 3), captions=["(Đã ký)"],
                       untitled_appendix=True)


FIXTURES = [f01_typed_markers, f02_auto_numbering, f03_vietnamese_styles, f04_textbox_header, f05_tab_signature,
            f06_footnotes, f07_merged_tables, f08_tcvn3, f09_vni, f10_three_column_header, f11_weekly_note,
            f12_sixty_pages, f13_seven_forms, f14_phan_thu, f15_odd_bits]


def f99_two_hundred_pages():
    """For the benchmark only: about 200 pages."""
    rng, b = random.Random(99), Builder()
    header_table(b)
    title(b, ["Tổng kết công tác năm 2026"])
    b.p(sentence(rng), first_line=720)
    headings = long_report(rng, b, 10, 10, 8)
    standard_tail(b)
    for n in range(1, 8):
        appendix_form(b, rng, n)
    return b, expected(subject=["Tổng kết công tác năm 2026"], parts=headings, addressees=[])


def build(function, directory: Path) -> tuple[Path, Builder, dict]:
    builder, expect = function()
    path = Path(directory) / (function.__name__[4:] + ".docx")
    builder.save(path)
    return path, builder, expect


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "import-fixtures")
    out.mkdir(parents=True, exist_ok=True)
    for function in FIXTURES + [f99_two_hundred_pages]:
        path, builder, _ = build(function, out)
        print(path, len(builder.source), "words")
