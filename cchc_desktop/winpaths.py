"""Where a database may live on Windows: network shares, USB sticks, read-only and long paths.

SQLite's write-ahead log needs shared memory between processes on one machine, which network
file systems do not give: a database on ``\\\\server\\share`` or a mapped network drive can be
corrupted. A USB stick may be pulled out while a report is being saved. A synced folder
(OneDrive "online-only", a locked share) can be read-only; paths past 260 characters fail
in many Windows programs.

``database_location_problem(path)`` answers with one clear Vietnamese line (or None when the
place is fine); the caller refuses to open the database there (network, read-only, too long)
or warns (removable). Plain Python: the drive type comes from ``GetDriveTypeW`` on Windows and
is never asked elsewhere, so the checks are testable on Linux with ``drive_type=``.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path, PureWindowsPath

MAX_PATH = 260  # classic Windows limit (without the long-path opt-in of Windows 10)


class Drive(Enum):
    UNKNOWN = 0
    NO_ROOT = 1
    REMOVABLE = 2
    FIXED = 3
    REMOTE = 4
    CDROM = 5
    RAMDISK = 6


class Severity(Enum):
    REFUSE = "refuse"
    WARN = "warn"


def is_unc(path: str | os.PathLike) -> bool:
    """``\\\\server\\share\\...`` (or ``//server/share``), but not ``\\\\?\\C:\\`` long-path forms."""
    text = os.fspath(path)
    if text.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return True
    return text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\", "//?/", "//./"))


def drive_type(path: str | os.PathLike) -> Drive:
    """Windows: GetDriveTypeW of the path's drive root; elsewhere UNKNOWN (nothing asked)."""
    if sys.platform != "win32":
        return Drive.UNKNOWN
    import ctypes

    anchor = PureWindowsPath(os.path.abspath(os.fspath(path))).anchor
    if not anchor:
        return Drive.UNKNOWN
    try:
        return Drive(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(anchor)))
    except (OSError, ValueError):
        return Drive.UNKNOWN


def _writable_folder(folder: Path) -> bool:
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return os.access(folder, os.W_OK)


def database_location_problem(path: str | os.PathLike, *, drive: Drive | None = None,
                              windows: bool | None = None) -> tuple[Severity, str] | None:
    """Why ``path`` is a bad place for the database, as (severity, Vietnamese message); None if fine."""
    windows = sys.platform == "win32" if windows is None else windows
    text = os.fspath(path)
    drive = drive_type(text) if drive is None else drive
    if is_unc(text) or drive is Drive.REMOTE:
        return (Severity.REFUSE,
                f"Không mở được cơ sở dữ liệu trên ổ mạng ({text}): dữ liệu có thể hỏng khi lưu. "
                "Hãy chép tệp về máy này (ví dụ thư mục Tài liệu) rồi mở lại.")
    if drive is Drive.CDROM:
        return (Severity.REFUSE, f"Không lưu được báo cáo trên đĩa CD/DVD ({text}). Hãy chép tệp về máy này rồi mở lại.")
    if windows and len(os.path.abspath(text)) >= MAX_PATH:
        return (Severity.REFUSE,
                f"Đường dẫn tới cơ sở dữ liệu quá dài ({len(text)} ký tự, Windows chỉ cho {MAX_PATH - 1}). "
                "Hãy chọn thư mục có tên ngắn hơn.")
    file = Path(text)
    if (file.exists() and not os.access(file, os.W_OK)) or not _writable_folder(file.parent):
        return (Severity.REFUSE,
                f"Thư mục chỉ cho đọc, không ghi được báo cáo: {file.parent}. "
                "Nếu là thư mục OneDrive, hãy chọn \"Luôn giữ trên thiết bị này\" hoặc chọn thư mục khác.")
    if drive is Drive.REMOVABLE:
        return (Severity.WARN,
                "Cơ sở dữ liệu đang ở trên USB: đừng rút USB khi phần mềm đang mở. "
                "Nên làm việc trên máy và dùng USB để sao lưu.")
    return None
