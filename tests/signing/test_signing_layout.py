"""Where and how the visible signature is drawn (no token needed): the signing space from our
layout, the Decree 30 appearance, and the Windows token libraries found by file name."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import pdfplumber

from cchc_desktop.document import measures as m
from cchc_desktop.document.signing_space import pdf_with_signing_space
from cchc_desktop.signing.appearance import Appearance, appearance_pdf
from cchc_desktop.signing.tokens import candidate_libraries
from cchc_desktop.store.database import open_database
from cchc_desktop.store.reports import load_report

from .test_signing import SEAL, SIGNATURE


def _report(tmp_path: Path):
    db = open_database(tmp_path / "cchc.sqlite")
    report = load_report(db, 1)
    db.close()
    return report


def test_signing_space_is_the_room_between_title_and_name(tmp_path) -> None:
    report = _report(tmp_path)
    pdf, space = pdf_with_signing_space(report)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert space.pages == len(document.pages)
        page = document.pages[space.page]
        height = page.height
        x1, y1, x2, y2 = space.rect
        assert abs((y2 - y1) - m.mm_to_pt(m.SIGNATURE_SPACE_MM)) < 1.0
        assert x1 > page.width / 2 - 20  # the right column of the signature table
        inside = [w for w in page.extract_words() if x1 <= w["x0"] and w["x1"] <= x2
                  and height - y2 < w["top"] < height - y1]
        assert inside == []  # nothing printed in the signing space
        name = report.signature.name.split()[-1]
        [word] = [w for w in page.extract_words() if w["text"] == name and w["x0"] >= x1]
        assert 0 <= word["top"] - (height - y1) < 20  # the signer's name right below it
        title = report.signature.title.split()[0].upper()
        assert any(w["text"] == title and 0 <= (height - y2) - w["bottom"] < 20 for w in page.extract_words())


def test_signing_space_follows_the_signature_block_to_its_page(tmp_path) -> None:
    report = _report(tmp_path)
    _, short = pdf_with_signing_space(report)
    report.sections[0].blocks = report.sections[0].blocks * 6  # a longer body pushes the block on
    _, longer = pdf_with_signing_space(report)
    assert longer.page > short.page and longer.pages > short.pages


def test_appearance_after_decree_30() -> None:
    moment = datetime(2024, 6, 12, 2, 5, tzinfo=timezone.utc)
    data = appearance_pdf(Appearance(SIGNATURE, SEAL, "Ủy ban nhân dân xã Thử Nghiệm"), 200, 85, "Lê Thị Sáu", moment)
    with pdfplumber.open(io.BytesIO(data)) as document:
        page = document.pages[0]
        assert (page.width, page.height) == (200, 85)
        text = page.extract_text()
        assert "Ủy ban nhân dân xã Thử Nghiệm" in text
        assert moment.astimezone().strftime("%H:%M %d/%m/%Y") in text
        for char in page.chars:
            assert round(char["size"]) == 10 and char["upright"]
            assert any(n in char["fontname"] for n in ("TimesNewRoman", "Times", "LiberationSerif"))
            assert "Italic" not in char["fontname"] and "Bold" not in char["fontname"]
            assert tuple(char["non_stroking_color"]) == (0, 0, 1)  # blue
        signature, seal = sorted(page.images, key=lambda i: i["width"] / i["height"], reverse=True)
        third = signature["x0"] + (signature["x1"] - signature["x0"]) / 3
        assert abs(seal["x1"] - third) < 1 and seal["x0"] < signature["x0"]  # over its left third


def test_appearance_without_pictures_names_the_signer() -> None:
    data = appearance_pdf(Appearance(), 200, 85, "Lê Thị Sáu", datetime.now(timezone.utc))
    with pdfplumber.open(io.BytesIO(data)) as document:
        text = document.pages[0].extract_text()
    assert "Lê Thị Sáu" in text and "Thời gian ký" in text


def test_windows_token_libraries_found_by_name(tmp_path) -> None:
    system32 = tmp_path / "Windows" / "System32"
    system32.mkdir(parents=True)
    (system32 / "viettel-ca_v6.dll").write_bytes(b"MZ")
    (system32 / "kernel32.dll").write_bytes(b"MZ")
    deep = tmp_path / "Program Files" / "VNPT-CA" / "Token Manager"
    deep.mkdir(parents=True)
    (deep / "VNPTCA_P11_V8.DLL").write_bytes(b"MZ")
    env = {"SystemRoot": str(tmp_path / "Windows"), "ProgramFiles": str(tmp_path / "Program Files")}
    found = candidate_libraries(env, platform="win32")
    assert [(lib.path.name, lib.maker) for lib in found] == [("viettel-ca_v6.dll", "Viettel-CA"),
                                                              ("VNPTCA_P11_V8.DLL", "VNPT-CA")]
    assert candidate_libraries({"SystemRoot": str(tmp_path / "none")}, platform="win32") == []


def test_token_failures_are_one_sentence_each() -> None:
    import pkcs11.exceptions as p11

    from cchc_desktop.signing import errors

    assert str(errors.from_pkcs11(p11.PinIncorrect())) == errors.WRONG_PIN
    assert str(errors.from_pkcs11(p11.PinLocked())) == errors.LOCKED  # SoftHSM2 never locks: by its code
    for removed in (p11.DeviceRemoved(), p11.TokenNotPresent(), p11.SessionHandleInvalid()):
        assert str(errors.from_pkcs11(removed)) == errors.NO_TOKEN
    try:  # pyHanko wraps the token's error in its own exception while signing
        try:
            raise p11.DeviceRemoved()
        except p11.DeviceRemoved as inner:
            raise RuntimeError("signing failed") from inner
    except RuntimeError as wrapped:
        assert str(errors.from_pkcs11(wrapped)) == errors.NO_TOKEN
    assert str(errors.from_pkcs11(p11.MechanismInvalid())) == errors.GENERAL
    assert len({errors.WRONG_PIN, errors.LOCKED, errors.NO_TOKEN, errors.GENERAL}) == 4
