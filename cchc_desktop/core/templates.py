"""Report templates (kinds of report) and the sample report: data files, not code.

A template is an exchange file (docs/exchange-format.md, version 2) with a ``template``
header beside ``report``::

    {"format": "cchc-desktop-report", "version": 2,
     "template": {"title": "Báo cáo công tác tuần", "periods": ["week"],
                  "optional_elements": ["number_line", "addressees", "recipients"],
                  "signer": "template", "description": "…"},
     "report": {…}}

The bundled ones live in ``resources/templates/``; the clerk's own ("Lưu làm mẫu…") in
``paths.data_dir()/templates/``.  Template text holds *tokens* that ``new_report`` fills:
``{kỳ báo cáo}`` (tuần 03 tháng 9 năm 2026, quý III năm 2026 …), ``{kỳ tiếp theo}``,
``{thời gian}`` (từ ngày 14/9/2026 đến ngày 18/9/2026), ``{năm}`` (năm 2026), ``{cơ quan}`` (the
organisation's name) and ``{địa danh}``; a token in capitals gives capitals, one with a
capital first letter a capital first letter.  Where the clerk must write, the template has
guidance in brackets starting with an ellipsis, "[…Nêu kết quả …]", which the placeholder
check flags until it is replaced.

The sample report (``resources/sample/``) is a finished example marked ``sample``; it is
not a template.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .. import paths
from .codec import FormatError, report_from_dict, report_to_dict
from .model import DocumentDate, Elements, Period, PeriodKind, Report, ReportStatus
from .periods import (KIND_LABELS, cutoff_dates, find_date_ranges, find_period_phrases, next_period,
                      period_label, period_range_text, week_dates, week_of)
from .vietnamese import fold

FORMAT = "cchc-desktop-report"
VERSION = 2
SIGNERS = ("organization", "template")  # who signs a new report: the organisation's default signer, or as written
ELEMENT_NAMES = tuple(Elements.__dataclass_fields__)  # number_line, addressees, recipients
PERIODIC = [PeriodKind.QUARTER, PeriodKind.HALF1, PeriodKind.HALF2, PeriodKind.NINE_MONTHS, PeriodKind.YEAR]

# token name -> what it becomes (see new_report)
PERIOD = "kỳ báo cáo"
NEXT = "kỳ tiếp theo"
RANGE = "thời gian"
YEAR = "năm"
ORGANIZATION = "cơ quan"
PLACE = "địa danh"
_TOKEN = re.compile(r"\{([^{}\n]{1,40})\}")


class TemplateError(ValueError):
    """A template name that does not exist, or a damaged template file (Vietnamese message)."""


@dataclass
class TemplateInfo:
    name: str  # the file's stem: "cchc-periodic"
    title: str  # "Báo cáo định kỳ công tác cải cách hành chính"
    periods: list[PeriodKind]  # the period kinds it is made for, the usual one first
    path: Path
    description: str = ""
    optional_elements: list[str] = field(default_factory=list)  # elements the clerk may leave out
    signer: str = "organization"
    own: bool = False  # the clerk's own (Lưu làm mẫu), not bundled

    @property
    def period_text(self) -> str:
        """'Quý, 6 tháng đầu năm, …' for lists."""
        return ", ".join(KIND_LABELS[kind] for kind in self.periods)


# ---------------------------------------------------------------- finding templates


def templates_dir() -> Path:
    return paths.resources_dir() / "templates"


def user_templates_dir() -> Path:
    """The clerk's own templates, beside the database in the per-user data folder."""
    return paths.data_dir() / "templates"


def template_infos() -> list[TemplateInfo]:
    """The bundled templates (sorted by name), then the clerk's own; a damaged own file is skipped."""
    infos = [_info(path, own=False) for path in sorted(templates_dir().glob("*.json"))]
    bundled = {info.name for info in infos}
    folder = user_templates_dir()
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        if path.stem in bundled:
            continue
        try:
            infos.append(_info(path, own=True))
        except TemplateError:
            continue  # one bad file of the clerk's must not hide the others
    return infos


def list_templates() -> list[str]:
    """Names of every template (bundled first, sorted)."""
    return [info.name for info in template_infos()]


def template_info(name: str) -> TemplateInfo:
    for info in template_infos():
        if info.name == name:
            return info
    known = ", ".join(list_templates()) or "(không có)"
    raise TemplateError(f"Không có mẫu báo cáo “{name}”. Các mẫu hiện có: {known}.")


def load_template(name: str) -> Report:
    """The template's report as written, tokens and guidance still in it."""
    return _load(template_info(name).path)


def load_sample() -> Report:
    """The reference report (Cương Gián, 6 tháng đầu năm 2024), word for word, marked as the sample."""
    report = _load(paths.resources_dir() / "sample" / "sample-report.json")
    report.sample = True
    return report


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as error:
        raise TemplateError(f"Tệp mẫu “{path.name}” bị thiếu hoặc hỏng: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("report"), dict):
        raise TemplateError(f"Tệp mẫu “{path.name}” bị hỏng: thiếu phần “report”.")
    return data


def _load(path: Path) -> Report:
    try:
        return report_from_dict(_read(path)["report"])
    except FormatError as error:
        # A broken bundled file is a bug of the installation, not the user's mistake.
        raise TemplateError(f"Tệp mẫu “{path.name}” bị hỏng: {error}") from error


def _info(path: Path, own: bool) -> TemplateInfo:
    header = _read(path).get("template")
    bad = f"Tệp mẫu “{path.name}” bị hỏng: phần “template”"
    if not isinstance(header, dict) or not isinstance(header.get("title"), str):
        raise TemplateError(f"{bad} thiếu tên mẫu (title).")
    try:
        periods = [PeriodKind(kind) for kind in header.get("periods") or []]
    except (ValueError, TypeError):
        raise TemplateError(f"{bad} có kỳ báo cáo không hợp lệ.") from None
    elements = header.get("optional_elements") or []
    signer = header.get("signer", "organization")
    if not periods or not isinstance(elements, list) or not set(elements) <= set(ELEMENT_NAMES) \
            or signer not in SIGNERS:
        raise TemplateError(f"{bad} thiếu kỳ báo cáo hoặc có phần tùy chọn, người ký không hợp lệ.")
    return TemplateInfo(path.stem, header["title"], periods, path, str(header.get("description", "")),
                        list(elements), signer, own)


# ---------------------------------------------------------------- periods of a template


def default_period(info: TemplateInfo, today: date | None = None) -> Period:
    """The period the clerk most likely reports on now, of the template's usual kind."""
    today = today or date.today()
    kind = info.periods[0]
    if kind == PeriodKind.WEEK:
        return week_of(today)
    if kind == PeriodKind.MONTH:
        return Period(kind, today.year, today.month)
    if kind == PeriodKind.QUARTER:
        return Period(kind, today.year, (today.month - 1) // 3 + 1)
    if kind == PeriodKind.HALF1 and today.month > 6:
        return Period(PeriodKind.HALF2, today.year) if PeriodKind.HALF2 in info.periods else Period(kind, today.year)
    return Period(kind, today.year)


# ---------------------------------------------------------------- a new report


def token_values(period: Period, organization_name: str = "", place: str = "") -> dict[str, str]:
    """What each token becomes for ``period`` (a thematic report has no period wording)."""
    thematic = period.kind == PeriodKind.NONE
    text = period_range_text(period) if not thematic else ""
    return {
        PERIOD: period_label(period),
        NEXT: "" if thematic else period_label(next_period(period)),
        RANGE: text[:1].lower() + text[1:],
        YEAR: f"năm {period.year}",
        ORGANIZATION: organization_name,
        PLACE: place,
    }


def fill_tokens(text: str, values: dict[str, str]) -> str:
    """Replace the known tokens of ``text``; unknown ones stay (the placeholder check flags them)."""
    if "{" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        token = match.group(1)
        value = values.get(token.strip().lower())
        if value is None:
            return match.group(0)
        letters = [c for c in token if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            return value.upper()
        if token.strip()[:1].isupper():
            return value[:1].upper() + value[1:]
        return value

    return _TOKEN.sub(one, text)


def _map_text(report: Report, change: Callable[[str], str]) -> Report:
    """The report with ``change`` applied to every string of its content (not the organisation)."""

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return change(value)
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, dict):
            return {key: (item if key in _NOT_TEXT else walk(item)) for key, item in value.items()}
        return value

    data = report_to_dict(report)
    organization = data.pop("organization")
    data = walk(data)
    data["organization"] = organization
    return report_from_dict(data)


# keys whose strings are codes, not wording
_NOT_TEXT = frozenset({"kind", "role", "tag", "key", "align", "status", "number_style", "disabled_checks",
                       "period", "date", "start", "end", "deadline"})


def new_report(template: str | TemplateInfo, period: Period, organization, today: date | None = None) -> Report:
    """A new draft of ``template`` for ``period``, issued by ``organization`` (an Organization).

    The organisation, its default signer (unless the template signs as written, e.g. "Người
    báo cáo") and recipients are filled in, the period wording is written everywhere, the
    number and day stay blank for the records office."""
    info = template if isinstance(template, TemplateInfo) else template_info(template)
    if period.kind not in info.periods:
        raise TemplateError(f"Mẫu “{info.title}” dùng cho kỳ: {info.period_text.lower()}; "
                            f"không dùng cho kỳ “{KIND_LABELS[period.kind].lower()}”.")
    try:
        values = token_values(period, organization.name, organization.place)
    except ValueError as error:  # a week without its month, a quarter 5 …
        raise TemplateError(str(error)) from error
    report = _map_text(_load(info.path), lambda text: fill_tokens(text, values))
    report.organization = copy.deepcopy(organization)
    report.place = organization.place or report.place
    signer = organization.default_signature
    if info.signer == "organization" and (signer.name.strip() or signer.title.strip()):
        report.signature = copy.deepcopy(signer)
    if any(line.strip() for line in organization.default_recipients):
        report.recipients = list(organization.default_recipients)
    report.period = copy.deepcopy(period)
    report.date = _document_date(period, today)
    report.number = ""
    report.status = ReportStatus.DRAFT
    report.kind = info.name
    report.sample = False
    report.id = None
    return report


def _document_date(period: Period, today: date | None) -> DocumentDate:
    """Month and year of the period's end (the day stays blank until the report is registered)."""
    if period.kind == PeriodKind.NONE:
        when = today or date.today()
    elif period.kind == PeriodKind.WEEK:
        when = week_dates(period)[1]
    else:
        when = cutoff_dates(period)[1]
    return DocumentDate(when.year, when.month)


# ---------------------------------------------------------------- Lưu làm mẫu


def _family(kind: PeriodKind) -> list[PeriodKind]:
    if kind in PERIODIC:
        return [kind] + [k for k in PERIODIC if k != kind]
    return [kind]


def _token(found: str, name: str) -> str:
    letters = [c for c in found if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return "{" + name.upper() + "}"
    if found[:1].isupper():
        return "{" + name[:1].upper() + name[1:] + "}"
    return "{" + name + "}"


def _same(a: Period, b: Period) -> bool:
    return (a.kind, a.year, a.index, a.month if a.kind == PeriodKind.WEEK else None) == \
        (b.kind, b.year, b.index, b.month if b.kind == PeriodKind.WEEK else None)


def tokenize(text: str, period: Period, organization_name: str = "") -> str:
    """The period wording of ``text`` turned back into tokens (the reverse of fill_tokens)."""
    if period.kind == PeriodKind.NONE:
        found: list[tuple[int, int, str]] = []
    else:
        following = next_period(period)
        dates = week_dates(period) if period.kind == PeriodKind.WEEK else cutoff_dates(period)
        found = [(start, end, _token(text[start:end], RANGE))
                 for start, end, first, last in find_date_ranges(text) if (first, last) == dates]
        for phrase in find_period_phrases(text):
            if isinstance(phrase.value, Period):
                name = PERIOD if _same(phrase.value, period) else NEXT if _same(phrase.value, following) else None
                if name is None and phrase.value.kind == PeriodKind.YEAR and phrase.value.year == period.year:
                    name = YEAR  # "năm 2026" in a report of a part of 2026
                if name is not None:
                    found.append((phrase.start, phrase.end, _token(text[phrase.start:phrase.end], name)))
    if len(organization_name) >= 6:
        found += [(m.start(), m.end(), "{" + ORGANIZATION + "}")
                  for m in re.finditer(re.escape(organization_name), text)]
    for start, end, token in sorted(_no_overlap(found), reverse=True):
        text = text[:start] + token + text[end:]
    return text


def _no_overlap(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    taken: list[tuple[int, int, str]] = []
    for item in sorted(found):
        if not taken or item[0] >= taken[-1][1]:
            taken.append(item)
    return taken


def _clear_figures(report: Report) -> None:
    from .indicators import data_rows

    tables = [appendix.table for appendix in report.appendices]
    tables += [block.table for part in report.parts for block in part.blocks if block.table is not None]
    for table in tables:
        figure_columns = [j for j, column in enumerate(table.columns) if column.figures]
        for row in data_rows(table):
            for j in figure_columns:
                row.row.cells[j].runs = []


def _drop_carried_columns(report: Report) -> None:
    """The "Kỳ trước (…)" and "Tăng/giảm" columns the next-report feature added: a template
    has no previous report (they come back when the next report is made from a report)."""
    for appendix in report.appendices:
        table = appendix.table
        for key in ("change", "previous"):
            at = table.column_index(key)
            if at is None or any(row.cells[at].colspan > 1 for row in table.rows) or \
                    any((r, at) in table.covered() for r in range(len(table.rows))):
                continue  # inside a merged area: leave the form as it is
            for row in table.rows:
                for j, cell in enumerate(row.cells[:at]):
                    if j + cell.colspan > at:
                        cell.colspan -= 1
                del row.cells[at]
            del table.columns[at]


def template_name(title: str, taken: list[str]) -> str:
    """A file name from the title: 'bao-cao-cong-tac-tuan-cua-van-phong', unique among ``taken``."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")[:60].strip("-") or "mau-bao-cao"
    name, n = slug, 2
    while name in taken:
        name, n = f"{slug}-{n}", n + 1
    return name


def template_document(report: Report, title: str) -> dict[str, Any]:
    """The template file's content made from ``report``: figures cleared, period wording as tokens."""
    own = copy.deepcopy(report)
    _clear_figures(own)
    _drop_carried_columns(own)
    own = _map_text(own, lambda text: tokenize(text, report.period, report.organization.name))
    own.number = ""
    own.status = ReportStatus.DRAFT
    own.sample = False
    own.id = None
    header = {
        "title": title.strip(),
        "periods": [kind.value for kind in _family(report.period.kind)],
        "optional_elements": list(ELEMENT_NAMES),
        "signer": "organization",
        "description": f"Mẫu riêng của cơ quan, lập từ báo cáo “{report.subject[:80]}”.",
    }
    return {"format": FORMAT, "version": VERSION, "template": header, "report": report_to_dict(own)}


def save_as_template(report: Report, title: str, folder: Path | None = None) -> TemplateInfo:
    """Lưu làm mẫu: write ``report`` as a template of the organisation's own; returns it."""
    if not title.strip():
        raise TemplateError("Hãy đặt tên cho mẫu báo cáo.")
    folder = folder or user_templates_dir()
    name = template_name(title, list_templates())
    document = template_document(report, title)
    document["report"]["kind"] = name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        tmp.replace(path)
    except OSError as error:
        raise TemplateError(f"Không lưu được mẫu vào “{folder}”: {error.strerror or error}.") from error
    return _info(path, own=folder == user_templates_dir())
