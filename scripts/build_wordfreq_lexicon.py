"""Write resources/lexicon/vi-wordfreq.txt: every Vietnamese token wordfreq knows, with its
Zipf frequency, so the checks can tell a common syllable or loanword from a rare one without
wordfreq at run time (the installer stays small and the word list loads lazily).

Run by hand when wordfreq changes: ``pip install wordfreq && python scripts/build_wordfreq_lexicon.py``.
The data is wordfreq's (Robyn Speer, https://github.com/rspeer/wordfreq), code Apache-2.0,
word-frequency data CC BY-SA 4.0: the header of the written file says so.
"""

from __future__ import annotations

import unicodedata
from importlib.metadata import version
from pathlib import Path

import wordfreq

TARGET = Path(__file__).resolve().parent.parent / "resources" / "lexicon" / "vi-wordfreq.txt"
HEADER = f"""# Vietnamese word frequencies from wordfreq {version('wordfreq')}
# (Robyn Speer et al., https://github.com/rspeer/wordfreq): data licensed CC BY-SA 4.0,
# code Apache-2.0. Each line: token<TAB>Zipf frequency (log10 of uses per billion words; 3 = once
# in a million words). Single tokens only: syllables, loanwords, units, abbreviations as written
# on the Vietnamese web. Made by scripts/build_wordfreq_lexicon.py; do not edit by hand.
"""


def main() -> None:
    lines = []
    for word in wordfreq.top_n_list("vi", 200_000):
        word = unicodedata.normalize("NFC", word)
        if not word or any(ch.isspace() for ch in word):
            continue
        lines.append(f"{word}\t{wordfreq.zipf_frequency(word, 'vi'):.2f}")
    TARGET.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} tokens -> {TARGET}")


if __name__ == "__main__":
    main()
