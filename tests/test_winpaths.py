"""Windows places for the database: network shares refused, USB warned, read-only and long paths refused."""

from __future__ import annotations

import os
import sys

import pytest

from cchc_desktop.winpaths import Drive, Severity, database_location_problem, drive_type, is_unc


@pytest.mark.parametrize("path", [r"\\server\share\cchc.sqlite", "//server/share/cchc.sqlite",
                                  r"\\?\UNC\server\share\cchc.sqlite"])
def test_unc_paths_are_network(path: str) -> None:
    assert is_unc(path)
    severity, message = database_location_problem(path, drive=Drive.UNKNOWN, windows=True)
    assert severity is Severity.REFUSE and "ổ mạng" in message and path in message


@pytest.mark.parametrize("path", [r"\\?\C:\data\cchc.sqlite", r"C:\Users\Lan\cchc.sqlite", "/home/lan/cchc.sqlite"])
def test_local_forms_are_not_unc(path: str) -> None:
    assert not is_unc(path)


def test_mapped_network_drive_is_refused(tmp_path) -> None:
    severity, message = database_location_problem(tmp_path / "cchc.sqlite", drive=Drive.REMOTE)
    assert severity is Severity.REFUSE and "ổ mạng" in message


def test_usb_stick_is_a_warning_only(tmp_path) -> None:
    severity, message = database_location_problem(tmp_path / "cchc.sqlite", drive=Drive.REMOVABLE)
    assert severity is Severity.WARN and "USB" in message


def test_vietnamese_folder_with_spaces_is_fine(tmp_path) -> None:
    folder = tmp_path / "Báo cáo CCHC 2024"
    folder.mkdir()
    assert database_location_problem(folder / "dữ liệu.sqlite", drive=Drive.FIXED) is None
    # A folder that does not exist yet is judged by its nearest existing parent.
    assert database_location_problem(folder / "mới" / "cchc.sqlite", drive=Drive.FIXED) is None


def test_long_path_refused_on_windows_only(tmp_path) -> None:
    long = tmp_path.joinpath(*["thư mục rất dài"] * 20) / "cchc.sqlite"
    severity, message = database_location_problem(long, drive=Drive.FIXED, windows=True)
    assert severity is Severity.REFUSE and "quá dài" in message
    assert database_location_problem(long, drive=Drive.FIXED, windows=False) is None


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_is_refused(tmp_path) -> None:
    folder = tmp_path / "OneDrive"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        severity, message = database_location_problem(folder / "cchc.sqlite", drive=Drive.FIXED)
        assert severity is Severity.REFUSE and "chỉ cho đọc" in message and "OneDrive" in message
    finally:
        folder.chmod(0o755)


def test_read_only_file_is_refused(tmp_path, monkeypatch) -> None:
    file = tmp_path / "cchc.sqlite"
    file.write_bytes(b"")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(file) else real_access(p, mode))
    severity, _ = database_location_problem(file, drive=Drive.FIXED)
    assert severity is Severity.REFUSE


def test_drive_type_is_not_asked_off_windows(tmp_path) -> None:
    if sys.platform != "win32":
        assert drive_type(tmp_path) is Drive.UNKNOWN
