"""Names of places in a report, as the document numbers them, all different: 'Phần II, mục 3,
điểm b), đoạn 1', 'Phụ lục II, dòng 8 (TT 4), cột “Kỳ này”', 'Trích yếu'.  The checks' messages,
the checks panel and the next report's list of changes use them."""

from __future__ import annotations

import re

from ..model import Report
from .base import per_run

_ROMAN_MARK = re.compile(r"^\s*([IVXL]{1,6})\s*[.\-–]")
_NUMBER_MARK = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})(?:\s*\.|\s|$)")  # "2.1.", "2.1 ", "2.1.Kết"
_LETTER_MARK = re.compile(r"^\s*([a-zđ])\s*\)", re.IGNORECASE)
_PART_GROUP = re.compile(r"^\s*(phần\s+thứ\s+\w+)", re.IGNORECASE)
_NAMED_PART = re.compile(r"^\s*phần\s+([IVXL]{1,6})\b", re.IGNORECASE)  # "PHẦN II: …"


def _heading_label(block, fallback: str) -> tuple[str, str]:
    """(numbering style, name) of a heading line as the document numbers it: ('roman',
    'phần II'), ('decimal2', 'mục 3.2'), ('letter', 'điểm b)'), ('group', 'phần thứ hai');
    an unnumbered heading is named by its first words under a style of its role."""
    text = block.text
    if match := _PART_GROUP.match(text):
        return "group", match.group(1).lower()
    if match := _ROMAN_MARK.match(text) or _NAMED_PART.match(text):
        return "roman", f"phần {match.group(1).upper()}"
    if match := _NUMBER_MARK.match(text):
        number = match.group(1)
        return f"decimal{number.count('.') + 1}", f"mục {number}"
    if match := _LETTER_MARK.match(text):
        return "letter", f"điểm {match.group(1).lower()})"
    title = text.strip()
    return f"role:{block.role.value}", (f"{fallback} “{_short(title, 30)}”" if title else fallback)


def _numbered_duplicates(names: list[str]) -> list[str]:
    """The second and later of equal names get their rank: 'điểm b) (thứ 2)'."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} (thứ {seen[name]})")
    return out


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def part_names(report: Report) -> list[str]:
    """Every part's name, all different: 'Phần IV' as the document numbers it, 'Mục 1' for a
    top level numbered 1., 2., 'Phần thứ hai, phần I' when two groups both have a part I."""
    return per_run(report, "part_names", lambda: _part_names(report))


def _part_names(report: Report) -> list[str]:
    from ..model import BlockRole

    base = []
    for s, part in enumerate(report.sections):
        heading = part.heading
        if heading is None or not heading.text.strip():
            base.append(f"phần {s + 1}")
        else:
            base.append(_heading_label(heading, "phần")[1])
    names, group = [], ""
    for s, part in enumerate(report.sections):
        if part.heading is not None and part.heading.role == BlockRole.PART:
            group = base[s]
        repeated = base.count(base[s]) > 1 and group and group != base[s]
        names.append(f"{group}, {base[s]}" if repeated else base[s])
    return [_capital(name) for name in _numbered_duplicates(names)]


def part_name(report: Report, s: int) -> str:
    """'Phần IV' as the document numbers the part, 'Phần thứ hai', 'Mục 1', else 'Phần “Title…”'."""
    return part_names(report)[s]


def _short(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word's end ("1. Công tác triển khai thực…")."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return (cut if len(cut) > limit // 2 else text[:limit]).rstrip(" ,;:") + "…"


def _join(path: list[str]) -> str:
    """The path's names joined, an outer 'mục 2' left out before its own 'mục 2.1'."""
    kept = [name for name, inner in zip(path, path[1:] + [""])
            if not (name.lower().startswith("mục ") and inner.lower().startswith(name.lower() + "."))]
    return _capital(", ".join(kept))


def block_places(report: Report, s: int) -> list[str]:
    """The name of every block of part ``s``, all different: the headings from the part down
    to the innermost one above the block ('Phần II, mục 3, điểm b)'), then the block's rank
    under that heading ('đoạn 2' for paragraphs and list items, 'bảng 1', 'hình 1')."""
    return per_run(report, f"block_places:{s}", lambda: _block_places(report, s))


def _block_places(report: Report, s: int) -> list[str]:
    from ..model import HEADING_ROLES, BlockRole

    part = report.sections[s]
    root = part_name(report, s)
    open_headings: list[tuple[str, str]] = []  # (numbering style, name), outermost first
    siblings: dict[tuple[str, ...], list[str]] = {}
    ranks: dict[str, int] = {}
    names = []
    for b, block in enumerate(part.blocks):
        if b == 0 and part.heading is not None:
            names.append(root)
            continue
        if block.role in HEADING_ROLES:
            style, name = _heading_label(block, "đề mục")
            styles = [st for st, _ in open_headings]
            if style.startswith("role:"):  # unnumbered: it closes the headings of its level and below
                level = HEADING_ROLES.index(block.role)
                levels = [_LEVELS.get(st, 9) for st in styles]
                cut = next((i for i, lv in enumerate(levels) if lv >= level), len(open_headings))
            else:  # numbered: it closes the heading numbered alike ("b)" closes "a)") and those inside
                cut = styles.index(style) if style in styles else len(open_headings)
            del open_headings[cut:]
            taken = siblings.setdefault(tuple(n for _, n in open_headings), [])
            taken.append(name)
            name = _numbered_duplicates(taken)[-1]
            open_headings.append((style, name))
            ranks = {}
            names.append(_join([root] + [n for _, n in open_headings]))
            continue
        kind = {BlockRole.TABLE: "bảng", BlockRole.PICTURE: "hình"}.get(block.role, "đoạn")
        if block.table is not None:
            kind = "bảng"
        ranks[kind] = ranks.get(kind, 0) + 1
        names.append(_join([root] + [n for _, n in open_headings] + [f"{kind} {ranks[kind]}"]))
    return names


# the heading level each numbering usually marks (PART, HEADING1, HEADING2, HEADING3)
_LEVELS = {"group": 0, "roman": 1, "decimal1": 2, "decimal2": 3, "decimal3": 3, "decimal4": 3, "letter": 3,
           "role:part": 0, "role:heading1": 1, "role:heading2": 2, "role:heading3": 3}


def block_place(report: Report, s: int, b: int) -> str:
    """'Phần II, mục 3, điểm b), đoạn 1': see ``block_places``."""
    return block_places(report, s)[b]


def footnote_number(report: Report, s: int, b: int, k: int) -> int:
    """The footnote's number as printed: its rank among all footnotes in document order."""
    numbers = per_run(report, "footnote_numbers", lambda: _footnote_numbers(report))
    return numbers[(s, b, k)]


def _footnote_numbers(report: Report) -> dict[tuple[int, int, int], int]:
    numbers: dict[tuple[int, int, int], int] = {}
    count = 0
    for s, part in enumerate(report.sections):
        for b, block in enumerate(part.blocks):
            runs = list(block.runs)
            if block.table is not None:
                runs += [run for row in block.table.rows for cell in row.cells for run in cell.runs]
            for k, run in enumerate(runs):
                if run.footnote:
                    count += 1
                    if k < len(block.runs):
                        numbers[(s, b, k)] = count
    return numbers


def row_name(table, body_index: int) -> str:
    """'dòng 8 (TT 4)': the row's rank under the header and its own number where it has one."""
    row = table.body[body_index]
    column = table.column_index("tt")
    tt = row.cells[column].text.strip() if column is not None and column < len(row.cells) else ""
    return f"dòng {body_index + 1}" + (f" (TT {tt})" if tt and tt != str(body_index + 1) else "")


def column_name(table, column: int) -> str:
    """The column's label as printed in the header (the lowest header row that names it); when
    another column prints the same label ("Kỳ này" under two groups) the labels above it too,
    and its rank when even those are the same."""
    labels = [_column_labels(table, c) for c in range(len(table.columns) or _width(table))]
    mine = _column_labels(table, column)
    if not mine:
        return str(column + 1)
    lowest = [found[-1] if found else "" for found in labels]
    if lowest.count(mine[-1]) == 1:
        return f"“{mine[-1]}”"
    if labels.count(mine) == 1:
        return f"“{' – '.join(mine)}”"
    return f"{column + 1} “{mine[-1]}”"


def _width(table) -> int:
    return max((len(row.cells) for row in table.rows), default=0)


def _column_labels(table, column: int) -> list[str]:
    """The header texts above ``column``, top down, each once; a merged cell counts for every
    column it spans."""
    out: list[str] = []
    for r in range(min(table.header_rows, len(table.rows))):
        text = _spanning_text(table, r, column)
        if text and text not in out:
            out.append(text)
    return out


def _spanning_text(table, r: int, c: int) -> str:
    """The text shown at (r, c): its own cell's, or that of the merged area covering it."""
    hidden = table.covered()
    for r0 in range(r, -1, -1):
        cells = table.rows[r0].cells
        for c0 in range(min(c, len(cells) - 1), -1, -1):
            cell = cells[c0]
            if (r0, c0) not in hidden and r0 + cell.rowspan > r and c0 + cell.colspan > c:
                return cell.text.strip()
    return ""


def appendix_name(report: Report, k: int) -> str:
    """'Phụ lục II' as headed; two appendices headed alike get their rank ('Phụ lục (thứ 2)')."""
    names = [_appendix_heading(report, i) for i in range(len(report.appendices))]
    return _numbered_duplicates(names)[k] if k < len(names) else "Phụ lục"


def _appendix_heading(report: Report, k: int) -> str:
    heading = report.appendices[k].heading.strip()
    return heading[:1].upper() + heading[1:].lower() if heading.isupper() else (heading or "Phụ lục")


def where(report: Report, field: str) -> str:
    """A short Vietnamese name of a field for messages, as the document numbers it:
    'Phần IV, mục 2, đoạn 3', 'Biểu mẫu 3, dòng 12', 'Trích yếu'."""
    try:
        return _where(report, field)
    except (IndexError, KeyError, AttributeError):
        return _NAMES.get(field, field)


def _where(report: Report, field: str) -> str:
    match = re.match(r"sections\[(\d+)\]\.blocks\[(\d+)\](.*)", field)
    if match:
        place = block_place(report, int(match.group(1)), int(match.group(2)))
        rest = match.group(3)
        cell = re.fullmatch(r"\.table\.rows\[(\d+)\]\.cells\[(\d+)\]", rest)
        if cell:
            place += f", dòng {int(cell.group(1)) + 1}, cột {int(cell.group(2)) + 1}"
        elif footnote := re.fullmatch(r"\.runs\[(\d+)\]\.footnote", rest):
            s, b = int(match.group(1)), int(match.group(2))
            place += f", chú thích {footnote_number(report, s, b, int(footnote.group(1)))}"
        return place
    match = re.fullmatch(r"appendix\.rows\[(\d+)\]\.(\w+)", field)
    if match:
        table = report.appendices[0].table
        column = table.column_index(match.group(2))
        return f"{appendix_name(report, 0)}, {row_name(table, int(match.group(1)))}, " \
               f"cột {column_name(table, column) if column is not None else match.group(2)}"
    match = re.fullmatch(r"appendices\[(\d+)\]\.table\.rows\[(\d+)\]\.cells\[(\d+)\]", field)
    if match:
        k, r = int(match.group(1)), int(match.group(2))
        table = report.appendices[k].table
        body = r - table.header_rows
        row = row_name(table, body) if body >= 0 else f"dòng tiêu đề {r + 1}"
        return f"{appendix_name(report, k)}, {row}, cột {column_name(table, int(match.group(3)))}"
    match = re.fullmatch(r"appendices\[(\d+)\]\.(\w+)", field)
    if match:
        return f"{appendix_name(report, int(match.group(1)))}, " \
               f"{_NAMES.get('appendix.' + match.group(2), match.group(2)).lower()}"
    match = re.fullmatch(r"appendix\.(heading|title|reference)", field)
    if match and len(report.appendices) > 1:
        return f"{appendix_name(report, 0)}, {_NAMES[field].lower()}"
    match = re.fullmatch(r"(recipients|addressees|signature\.authority|organization\.\w+)\[(\d+)\]", field)
    if match:
        return f"{_NAMES.get(match.group(1), match.group(1))} dòng {int(match.group(2)) + 1}"
    return _NAMES.get(field, field)


_NAMES = {
    "subject": "Trích yếu", "opening": "Mở đầu", "closing": "Câu kết", "place": "Địa danh",
    "number": "Số văn bản", "date": "Ngày tháng", "recipients": "Nơi nhận,", "addressees": "Kính gửi,",
    "signature.authority": "Thẩm quyền ký,", "signature.title": "Chức vụ người ký",
    "signature.name": "Họ tên người ký", "signature.concurrent_title": "Chức vụ kiêm nhiệm", "appendix.title": "Tên phụ lục", "appendix.heading": "Tiêu đề phụ lục",
    "appendix.reference": "Dòng kèm theo của phụ lục", "organization.issuing_body": "Cơ quan ban hành,",
    "organization.governing_body": "Cơ quan chủ quản,",
}
