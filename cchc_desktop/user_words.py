"""The clerk's own dictionary ("Thêm vào từ điển"): one JSON file in the per-user data folder.

Kept apart from the report database on purpose: names of people and places of one commune
are accepted in every report and in every database the clerk opens.  The checks see the
words through ``core.checks.lexicon.set_user_words``; ``load()`` sets them there.
"""

from __future__ import annotations

import json
import logging
import os
import unicodedata
from pathlib import Path

from .core.checks import lexicon
from .paths import data_dir

log = logging.getLogger(__name__)
FILE_NAME = "tu-dien-rieng.json"


def path() -> Path:
    return data_dir() / FILE_NAME


def _read(file: Path) -> list[str]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError):
        log.exception("Unreadable user word list %s", file)
        return []
    words = data.get("words", []) if isinstance(data, dict) else []
    return [w for w in words if isinstance(w, str)]


def load(file: Path | None = None) -> set[str]:
    """Read the list and hand it to the checks; a missing or damaged file gives an empty list."""
    words = set(_read(file or path()))
    lexicon.set_user_words(words)
    return words


def add(word: str, file: Path | None = None) -> set[str]:
    """Add ``word`` (lower case, NFC) and save at once (written beside, then renamed)."""
    target = file or path()
    word = unicodedata.normalize("NFC", word.strip().lower())
    words = set(_read(target))
    if word:
        words.add(word)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_suffix(".tmp")
    scratch.write_text(json.dumps({"version": 1, "words": sorted(words)}, ensure_ascii=False, indent=1),
                       encoding="utf-8")
    os.replace(scratch, target)
    lexicon.set_user_words(words)
    return words
