"""Every number of the contract (docs/report-format.md) in one place; both writers read them here.

Units: millimetres for page geometry and widths, points for type sizes and vertical spacing.
Line spacing is an *exact* pitch in points in both files: a proportional spacing ("1.15 lines")
depends on each renderer's font metrics, an exact one does not (field notes).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

FONT_NAME = "Times New Roman"  # what the DOCX names; the PDF uses it or Liberation Serif (fonts.py)
LANGUAGE = "vi-VN"

# 1. Page (A4) and margins, mm. Landscape pages swap width and height, margins stay on the same edges.
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP_MM = 20.0
MARGIN_BOTTOM_MM = 20.0
MARGIN_LEFT_MM = 30.0
MARGIN_RIGHT_MM = 15.0
HEADER_DISTANCE_MM = 10.0  # page number baseline area: top edge → header paragraph
FOOTER_DISTANCE_MM = 10.0
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 165
LANDSCAPE_TEXT_WIDTH_MM = PAGE_HEIGHT_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 252

# Table cells: LibreOffice's and Word's default left/right cell margin (108 twips = 1.905 mm);
# written explicitly into the DOCX and used by the PDF so text starts at the same place.
CELL_PADDING_MM = 1.905
CELL_PADDING_VERTICAL_PT = 0.0  # borderless tables (header, signature)
GRID_CELL_PADDING_VERTICAL_PT = 1.5  # bordered indicator table: air between text and rules

# Line pitch factor of Times New Roman / Liberation Serif: (ascent + descent + line gap) / em.
FONT_LINE_HEIGHT = 1.149
FONT_ASCENT = 0.891
FONT_DESCENT = 0.216

# 2. Header table: left column (issuing body) and right column (national title).
HEADER_LEFT_MM = 65.0
HEADER_RIGHT_MM = TEXT_WIDTH_MM - HEADER_LEFT_MM  # 100 ≥ 99.5 so the national title fits
ISSUER_RULE_FRACTION = 0.4  # rule under the issuing body: 1/3–1/2 of the line above
SUBJECT_RULE_FRACTION = 0.4
SUBJECT_RULE_MAX_MM = 60.0
RULE_WEIGHT_PT = 0.5  # solid rules under the issuing body, the motto and the subject
RULE_PARAGRAPH_PT = 3.0  # height of the empty paragraph that carries a rule as its top border
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

# 4. Signature table: recipients left (55 %), signature right.
SIGNATURE_LEFT_MM = round(TEXT_WIDTH_MM * 0.55, 2)
SIGNATURE_RIGHT_MM = TEXT_WIDTH_MM - SIGNATURE_LEFT_MM
SIGNATURE_SPACE_MM = 30.0  # blank room for the hand signature and seal

# 6. Appendix table: border weight and minimum column widths deciding portrait/landscape.
TABLE_BORDER_PT = 0.5
SUBROW_INDENT_MM = 5.0
COLUMN_MIN_MM = {"tt": 12.0, "indicator": 62.0, "unit": 27.0, "value": 22.0, "previous": 22.0,
                 "target": 22.0, "change": 26.0, "note": 30.0}  # change: "Tăng/giảm" in bold 13 pt on one line
COLUMN_DEFAULT_MIN_MM = 25.0
COLUMN_GROWS = ("indicator", "note")  # columns that take the width left over (2:1)


# Footnotes: 12 pt text at the foot of the page; the reference mark a superscript (LibreOffice sets
# a superscript at 58 % of the size, raised by 33 %).
FOOTNOTE_SIZE = 12.0
SUPERSCRIPT_SCALE = 0.58
SUPERSCRIPT_RISE = 0.33
# The footnote area as LibreOffice draws our DOCX's (measured on its PDFs): the last note's line ends
# NOTE_BOTTOM_GAP above the bottom margin; above the notes a gap and a 0.5 pt rule a quarter of the
# text width long; the body keeps NOTE_DISTANCE (LibreOffice's 0.1 cm "distance before separator")
# above the rule.
NOTE_BOTTOM_GAP_PT = 1.52
NOTE_RULE_GAP_PT = 1.33
NOTE_AREA_EXTRA_PT = NOTE_BOTTOM_GAP_PT + NOTE_RULE_GAP_PT + 0.5
NOTE_DISTANCE_PT = 2.87
NOTE_RULE_FRACTION = 0.25


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


@dataclass(frozen=True)
class ParaStyle:
    """One paragraph role: the DOCX writes it as a named style, the PDF as a paragraph style."""

    name: str  # Word style name shown to the clerk
    size: float  # pt
    pitch: float  # exact line pitch, pt
    bold: bool = False
    italic: bool = False
    align: Align = Align.LEFT
    first_indent_mm: float = 0.0
    left_indent_mm: float = 0.0
    space_before: float = 0.0  # pt
    space_after: float = 0.0  # pt
    keep_next: bool = False


def pitch(size: float, lines: float = 1.0) -> float:
    """Exact line pitch for ``lines`` × single spacing of Times at ``size``, rounded to 0.5 pt.

    LibreOffice's "1.15 lines" of Times 14 pt is 18.5 pt: 14 × 1.149 × 1.15 = 18.50.
    """
    return round(size * FONT_LINE_HEIGHT * lines * 2) / 2


BODY_SIZE = 14.0
BODY_LINES = 1.15  # contract range: single … 1.5 lines
BODY_PITCH = pitch(BODY_SIZE, BODY_LINES)  # 18.5
BODY_INDENT_MM = 12.7  # first-line indent, contract range 10–12.7 mm
BODY_SPACE_AFTER = 6.0

HEADING1_CAPITALS = True  # "I." headings in capitals by default; as typed when the user asks


def _body(name: str, **kw) -> ParaStyle:
    base = dict(size=BODY_SIZE, pitch=BODY_PITCH, align=Align.JUSTIFY, first_indent_mm=BODY_INDENT_MM,
                space_after=BODY_SPACE_AFTER)
    base.update(kw)
    return ParaStyle(name, **base)


# Roles of the layout's paragraphs → their look.  Keys are the layout's role names.
STYLES: dict[str, ParaStyle] = {
    "governing_body": ParaStyle("CCHC Cơ quan chủ quản", 13, pitch(13), align=Align.CENTER),
    "issuing_body": ParaStyle("CCHC Cơ quan ban hành", 13, pitch(13), bold=True, align=Align.CENTER),
    "national_title": ParaStyle("CCHC Quốc hiệu", 13, pitch(13), bold=True, align=Align.CENTER),
    "motto": ParaStyle("CCHC Tiêu ngữ", 14, pitch(14), bold=True, align=Align.CENTER),
    "number": ParaStyle("CCHC Số ký hiệu", 13, pitch(14), align=Align.CENTER, space_before=6),
    "place_date": ParaStyle("CCHC Địa danh ngày tháng", 14, pitch(14), italic=True, align=Align.CENTER,
                            space_before=6),
    "doc_name": ParaStyle("CCHC Tên loại", 14, pitch(14), bold=True, align=Align.CENTER,
                          space_before=18, keep_next=True),
    "subject": ParaStyle("CCHC Trích yếu", 14, pitch(14), bold=True, align=Align.CENTER, keep_next=True),
    "addressee": ParaStyle("CCHC Kính gửi", 14, pitch(14), align=Align.CENTER, space_before=6,
                           space_after=6),
    "addressee_item": ParaStyle("CCHC Kính gửi mục", 14, pitch(14), left_indent_mm=45.0),
    "part": ParaStyle("CCHC Phần", 14, pitch(14), bold=True, align=Align.CENTER, space_before=6,
                      space_after=BODY_SPACE_AFTER, keep_next=True),
    "heading1": _body("CCHC Đề mục I", bold=True, keep_next=True),
    "heading2": _body("CCHC Đề mục 1", bold=True, keep_next=True),
    "heading3": _body("CCHC Đề mục 1.1", bold=True, italic=True, keep_next=True),
    "heading4": _body("CCHC Đề mục a", italic=True, keep_next=True),
    "paragraph": _body("CCHC Đoạn văn"),
    "bullet": _body("CCHC Gạch đầu dòng"),
    "recipients_label": ParaStyle("CCHC Nơi nhận", 12, pitch(12), bold=True, italic=True,
                                  space_before=6),
    "recipient": ParaStyle("CCHC Nơi nhận mục", 11, pitch(11)),
    "authority": ParaStyle("CCHC Thẩm quyền ký", 14, pitch(14), bold=True, align=Align.CENTER),
    "signer_title": ParaStyle("CCHC Chức vụ ký", 14, pitch(14), bold=True, align=Align.CENTER),
    "signer_caption": ParaStyle("CCHC Chú thích ký", 14, pitch(14), italic=True, align=Align.CENTER),
    "signer_name": ParaStyle("CCHC Người ký", 14, pitch(14), bold=True, align=Align.CENTER,
                             space_before=round(SIGNATURE_SPACE_MM * 72 / 25.4)),
    "appendix_heading": ParaStyle("CCHC Phụ lục", 14, pitch(14), bold=True, align=Align.CENTER,
                                  keep_next=True),
    "appendix_title": ParaStyle("CCHC Tên phụ lục", 14, pitch(14), bold=True, align=Align.CENTER,
                                keep_next=True),
    "appendix_reference": ParaStyle("CCHC Căn cứ phụ lục", 14, pitch(14), italic=True,
                                    align=Align.CENTER, keep_next=True),
    "cell_header": ParaStyle("CCHC Tiêu đề bảng", 13, pitch(13), bold=True, align=Align.CENTER),
    "cell": ParaStyle("CCHC Ô bảng", 13, pitch(13)),
    "cell_subrow": ParaStyle("CCHC Ô bảng dòng con", 13, pitch(13), left_indent_mm=SUBROW_INDENT_MM),
    "cell_center": ParaStyle("CCHC Ô bảng giữa", 13, pitch(13), align=Align.CENTER),
    "footnote": ParaStyle("CCHC Chú thích cuối trang", FOOTNOTE_SIZE, pitch(FOOTNOTE_SIZE),
                          align=Align.JUSTIFY),
    "page_number": ParaStyle("CCHC Số trang", 14, pitch(14), align=Align.CENTER),
    "spacer": ParaStyle("CCHC Khoảng trống", 1, 1.0),  # the paragraph Word needs after a table
    "rule": ParaStyle("CCHC Đường kẻ", 1, RULE_PARAGRAPH_PT, align=Align.CENTER, space_before=4),
}

PT_PER_MM = 72 / 25.4


def mm_to_pt(value_mm: float) -> float:
    return value_mm * PT_PER_MM


def pt_to_mm(value_pt: float) -> float:
    return value_pt / PT_PER_MM
