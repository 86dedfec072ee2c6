"""The issue-28 rules on the four real reports of ../shared/corpus/reports: their findings are
exactly the slips confirmed by reading (no false alarm).

01: "45.122/96.733 … đạt tỷ lệ 46,5%" (it is 46,65%) and "15.463/17.731 … đạt tỷ lệ 87,02%"
(it is 87,21%).  04 (the price report, .doc): every price glued to "đ" (told once) and the
steel bar length "11.7m" written with a decimal dot in a report that writes "100,65".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cchc_desktop.core.checks import field_text, run_checks
from cchc_desktop.importing import import_file

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "reports"
OURS = ("arithmetic.", "numbers.", "dates_text.", "doc_numbers.", "realwords.")
EXPECTED = {
    "01": [("arithmetic.share", "45.122/96.733", "46,5%"), ("arithmetic.share", "15.463/17.731", "87,02%")],
    "02": [],
    "03": [],
    "04": [("numbers.glued_unit", "25.000đ", "25.000đ"), ("numbers.decimal_mark", "11.7", "11.7")],
}


def _report(prefix: str):
    files = sorted(CORPUS.glob(f"{prefix}-*"))
    if not files:
        pytest.skip("corpus not present")
    if files[0].suffix == ".doc" and shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is needed to convert the .doc")
    return import_file(files[0], convert=True).report


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_corpus_findings_are_the_confirmed_slips(prefix: str) -> None:
    report = _report(prefix)
    found = []
    for finding in run_checks(report):
        if finding.rule_id.startswith(OURS):
            text = field_text(report, finding.location.field)[finding.location.start:finding.location.end]
            found.append((finding.rule_id, text, finding.message))
    assert len(found) == len(EXPECTED[prefix]), found
    for (rule_id, text, message), (want_rule, want_start, want_in) in zip(found, EXPECTED[prefix]):
        assert rule_id == want_rule and text.startswith(want_start) and want_in in text + message, (rule_id, text)
