"""Report templates and the sample report: data files under resources/, not code.

Each file has the exchange-file shape ``{"format": …, "version": 1, "report": {…}}``.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import paths
from .codec import report_from_dict
from .model import Report


class TemplateError(ValueError):
    """A template name that does not exist, or a damaged template file (Vietnamese message)."""


def templates_dir() -> Path:
    return paths.resources_dir() / "templates"


def list_templates() -> list[str]:
    """Names (file stems) of the bundled templates, sorted."""
    return sorted(path.stem for path in templates_dir().glob("*.json"))


def load_template(name: str) -> Report:
    if name not in list_templates():
        known = ", ".join(list_templates()) or "(không có)"
        raise TemplateError(f"Không có mẫu báo cáo “{name}”. Các mẫu hiện có: {known}.")
    return _load(templates_dir() / f"{name}.json")


def load_sample() -> Report:
    """The reference report (Cương Gián, 6 tháng đầu năm 2024), word for word, marked as the sample."""
    report = _load(paths.resources_dir() / "sample" / "sample-report.json")
    report.sample = True
    return report


def _load(path: Path) -> Report:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return report_from_dict(data["report"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        # A broken bundled file is a bug of the installation, not the user's mistake.
        raise TemplateError(f"Tệp mẫu “{path.name}” bị thiếu hoặc hỏng: {error}") from error
