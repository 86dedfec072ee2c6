"""Validation of exchange files against the shipped JSON Schema (docs/exchange-format.schema.json).

The schema (draft 2020-12) is the published contract of the format; the codec still checks
what a schema cannot say (figures that read as numbers, merged cells inside the table).
A file that breaks the schema is refused with the codec's kind of message: the field's path
and what it must be, in Vietnamese.
"""

from __future__ import annotations

import json
from functools import lru_cache
from itertools import islice
from typing import Any

from .. import paths
from ..core.codec import FormatError

SCHEMA_NAME = "exchange-format.schema.json"  # resources/ (bundled) and docs/ (published): the same file
_ERRORS_RANKED = 100
_TYPES = {"string": "chuỗi văn bản", "integer": "số nguyên", "number": "một số", "boolean": "true hoặc false",
          "array": "một danh sách […]", "object": "một đối tượng JSON {…}"}


def schema() -> dict[str, Any]:
    return json.loads((paths.resources_dir() / SCHEMA_NAME).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator  # late: only imports need it

    return Draft202012Validator(schema())


def validate(document: Any) -> None:
    """Raise FormatError naming the first field of ``document`` the schema refuses."""
    from jsonschema.exceptions import best_match

    # The most relevant of the first errors: a file with 300,000 broken rows would otherwise make
    # (and rank) 300,000 errors before the first sentence.
    error = best_match(islice(_validator().iter_errors(document), _ERRORS_RANKED))
    if error is None:
        return
    path = _path(error.absolute_path)
    if error.validator == "required":
        missing = next((key for key in error.validator_value if key not in error.instance), "")
        raise FormatError(f"{path}.{missing}" if path else missing, "bị thiếu")
    raise FormatError(path or "(gốc)", _message(error))


def _path(steps) -> str:
    text = ""
    for step in steps:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _message(error) -> str:
    kind, value, found = error.validator, error.validator_value, error.instance
    if kind == "type":
        wanted = [value] if isinstance(value, str) else [t for t in value if t != "null"]
        return "phải là " + " hoặc ".join(_TYPES.get(t, t) for t in wanted)
    if kind in ("enum", "const"):
        allowed = [v for v in (value if kind == "enum" else [value]) if v is not None]
        return "phải là một trong: " + ", ".join(str(v) for v in allowed)
    if kind in ("minimum", "maximum"):
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        return f"phải từ {low:g} đến {high:g}, không phải {found}" if low is not None and high is not None \
            else f"không hợp lệ: {found}"
    if kind == "pattern":
        return f"phải là ngày dạng YYYY-MM-DD, không phải '{found}'"
    if kind == "minItems":
        return "không được để trống"
    return "không hợp lệ"
