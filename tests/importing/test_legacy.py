"""TCVN3 and VNI runs → Unicode: our own tables, checked against GNU recode and the corpus."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from cchc_desktop.importing import legacy
from cchc_desktop.importing.legacy import Encoding, convert_run, encoding_for_font

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "legacy"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/legacy")


def _letters() -> list[str]:
    out = []
    for base in "aăâeêioôơuưy":
        for mark in ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"):
            out.append(unicodedata.normalize("NFC", base + mark))
    out.append("đ")
    return out + [letter.upper() for letter in out]


def _stored(data: bytes) -> str:
    """What Word keeps in the .docx for these bytes in a legacy font: the cp1252 characters."""
    return "".join(chr(b) if b < 0x80 else (bytes([b]).decode("cp1252", errors="ignore") or chr(b)) for b in data)


def test_field_notes_examples():
    assert convert_run("Céng hoµ x· héi chñ nghÜa ViÖt Nam", ".VnTime") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert convert_run("Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam", "VNI-Times") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    # .VnTimeH draws the lower-case codes as capitals
    assert convert_run("céng hoµ x· héi chñ nghÜa viÖt nam", ".VnTimeH") == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_unicode_runs_are_never_touched():
    text = "Cộng hòa µ · Ü ö – “trích dẫn”"
    for font in ("Times New Roman", "Arial", None, "", "VnExpress Sans Unicode"):
        assert convert_run(text, font) == text


@pytest.mark.parametrize(("font", "expected"), [
    (".VnTime", Encoding.TCVN3), (".VnTimeH", Encoding.TCVN3_CAPS), (".VnArial", Encoding.TCVN3),
    (".VnArialH", Encoding.TCVN3_CAPS), (".VnUniverseH", Encoding.TCVN3_CAPS), ("VNTime", Encoding.TCVN3),
    ("VNI-Times", Encoding.VNI), ("VNI-Helve", Encoding.VNI), ("Times New Roman", None), ("Verdana", None),
])
def test_encoding_is_chosen_by_font(font, expected):
    assert encoding_for_font(font) is expected


def test_output_is_nfc():
    out = convert_run("Coäng hoaø ñieàu", "VNI-Times")
    assert out == unicodedata.normalize("NFC", out) == "Cộng hoà điều"


recode = pytest.mark.skipif(shutil.which("recode") is None, reason="GNU recode not installed (install-system-deps.sh --test)")


@recode
def test_every_letter_agrees_with_recode_tcvn3():
    # VN3 (the .VnTime fonts) has no capitals with tone marks: recode's TCVN5712-1 puts them
    # in the C1 range, which VN3 fonts leave to Windows-1252 punctuation; compare the rest.
    letters = [c for c in _letters() if not (c.isupper() and c not in "ĂÂÊÔƠƯĐ" and c not in "AEIOUY")]
    data = subprocess.run(["recode", "utf-8..tcvn"], input=" ".join(letters).encode(), capture_output=True,
                          check=True).stdout
    assert legacy.tcvn3_to_unicode(_stored(data)).split(" ") == letters


@recode
def test_every_letter_agrees_with_recode_vni():
    letters = _letters()
    data = subprocess.run(["recode", "utf-8..vni"], input=" ".join(letters).encode(), capture_output=True,
                          check=True).stdout
    ours = legacy.vni_to_unicode(_stored(data)).split(" ")
    differences = {(a, b) for a, b in zip(letters, ours) if a != b}
    # recode 3.6 swaps the capital breve-grave and breve-acute ("AÈ"/"AÉ") against its own
    # lower-case table; we follow the VNI fonts' case symmetry (Ằ = A + È like ằ = a + è).
    assert differences == {("Ằ", "Ắ"), ("Ắ", "Ằ")}


@recode
def test_recode_reads_our_tcvn3_bytes_back():
    text = "Ủy ban nhân dân xã Cương Gián báo cáo kết quả thực hiện nhiệm vụ được giao"
    lower = text.lower()
    data = subprocess.run(["recode", "utf-8..tcvn"], input=lower.encode(), capture_output=True, check=True).stdout
    assert convert_run(_stored(data), ".VnTime") == lower
    assert convert_run(_stored(data), ".VnTimeH") == text.upper()


# ------------------------------------------------------------------ the real corpus

_WORD = re.compile(r"\w+")
# words the corpus transcripts themselves get wrong (VNI "aë" is ặ, as recode also reads it)
_TRANSCRIPT_SLIPS = {"nẵng": "nặng", "ngẵt": "ngặt"}


def _words(text: str) -> list[str]:
    return [_TRANSCRIPT_SLIPS.get(w, w) for w in _WORD.findall(text.lower())]


@pytest.fixture(scope="module")
def corpus_docx(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present on this machine")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is needed to turn the corpus .doc files into .docx")
    out = tmp_path_factory.mktemp("corpus")
    sources = sorted(CORPUS.glob("*.doc")) + sorted(CORPUS.glob("*.rtf"))
    subprocess.run([soffice, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
                    "--convert-to", "docx", "--outdir", str(out), *map(str, sources)],
                   capture_output=True, timeout=240, check=False)
    return out


@pytest.mark.parametrize("name", ["tcvn3-mof-qd-2003", "tcvn3-mof-form-b6-2004", "tcvn3-mof-a04-2003",
                                  "vni-ubnd-binhphuoc-qd-991-2008", "vni-dongnai-bao-cao-dinh-ky-bhld-form"])
def test_corpus_documents_read_like_their_transcripts(corpus_docx, name):
    import difflib

    from cchc_desktop.importing.docx_reader import _flatten, read_docx

    path = corpus_docx / f"{name}.docx"
    assert path.exists(), "LibreOffice did not convert the corpus file"
    content = read_docx(path)
    assert content.legacy_runs > 0
    text = "\n".join(p.text for p in _flatten(content.body))
    ours = _words(text)
    theirs = _words((CORPUS / f"{name}.expected.txt").read_text(encoding="utf-8"))
    matcher = difflib.SequenceMatcher(None, theirs, ours, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks()) / len(theirs)
    # the transcripts also hold page headers ("Page 2", a database's name) and an embedded
    # spreadsheet's caption that are not in the document body
    assert kept >= 0.98, kept
