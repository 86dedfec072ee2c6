"""Operating-system and SQLite errors as one Vietnamese sentence with the right reason.

The clerk reads the reason (disk full, read-only folder, file in use, no permission, device
removed); the English text of the OS goes to the log only.  Used by the store, the exporters
and the command line, so the same failure reads the same everywhere.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
import stat
from pathlib import Path

log = logging.getLogger(__name__)

# Windows error numbers (OSError.winerror) that have no errno of their own.
_WIN_SHARING = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WIN_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
_WIN_WRITE_PROTECT = {19}  # ERROR_WRITE_PROTECT (locked SD card, read-only USB stick)
_WIN_GONE = {21, 1167, 55, 53, 67}  # not ready, device not connected, network path gone

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG}
_GONE = {errno.EIO, errno.ENXIO, errno.ENODEV, getattr(errno, "ENOMEDIUM", -1), getattr(errno, "ESTALE", -1)}

# Reasons, as the end of a sentence that starts with what failed.
DISK_FULL = "ổ đĩa đã đầy; hãy giải phóng dung lượng hoặc chọn ổ khác"
READ_ONLY_DISK = "ổ đĩa hoặc thẻ nhớ đang ở chế độ chỉ đọc (khóa ghi); hãy mở khóa hoặc chọn nơi khác"
READ_ONLY_FILE = "tệp chỉ cho phép đọc; hãy bỏ thuộc tính chỉ đọc hoặc dùng tên khác"
IN_USE = "tệp đang được mở trong một chương trình khác (Word, trình xem PDF…); hãy đóng nó rồi thử lại"
NO_FOLDER_PERMISSION = "không có quyền ghi vào thư mục “{folder}”; hãy chọn một thư mục khác"
NO_PERMISSION = "không có quyền truy cập tệp này; hãy chọn nơi khác hoặc hỏi người quản trị máy"
GONE = "thiết bị (USB, ổ mạng) đã bị rút ra hoặc lỗi đọc ghi; hãy cắm lại rồi thử lại"
NOT_FOUND = "không tìm thấy thư mục “{folder}”"
IS_FOLDER = "đó là một thư mục, không phải tệp"
NAME_TOO_LONG = "tên tệp hoặc đường dẫn quá dài; hãy chọn tên ngắn hơn"
TOO_MANY_FILES = "máy đang mở quá nhiều tệp; hãy đóng bớt chương trình rồi thử lại"
OTHER = "lỗi hệ thống (chi tiết đã ghi vào nhật ký)"


def _read_only_file(path: Path) -> bool:
    try:
        return not path.stat().st_mode & stat.S_IWUSR
    except OSError:
        return False


def _folder_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK) and not read_only_mount(folder)


def read_only_mount(folder: Path) -> bool:
    """The folder's file system is mounted read-only (a write-protected stick, a CD)."""
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:  # Windows: the write-protect error number says it instead
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


LOW_SPACE = 1024 * 1024  # below this, a failed write is taken for a full disk


def disk_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False


def reason(error: OSError, path: Path, *, stage: str = "write") -> str:
    """Why ``error`` happened on ``path``, in Vietnamese (no leading capital, no full stop).

    ``stage``: "create" (making a new file in the folder), "replace" (putting a finished file
    in place of ``path``), "write", or "read".
    """
    path = Path(path)
    log.warning("OS error on %s (%s): %r", path, stage, error)
    code = error.errno
    winerror = getattr(error, "winerror", None)
    folder = path.parent
    if winerror in _WIN_SHARING:
        return IN_USE
    if winerror in _WIN_FULL or code in _FULL:
        return DISK_FULL
    if winerror in _WIN_WRITE_PROTECT or code == errno.EROFS:
        return READ_ONLY_DISK
    if winerror in _WIN_GONE or code in _GONE:
        return GONE
    if isinstance(error, IsADirectoryError) or code == errno.EISDIR:
        return IS_FOLDER
    if isinstance(error, FileNotFoundError) or code == errno.ENOENT:
        return NOT_FOUND.format(folder=folder)
    if code == errno.ENAMETOOLONG or winerror == 206:
        return NAME_TOO_LONG
    if code in (errno.EMFILE, errno.ENFILE):
        return TOO_MANY_FILES
    if isinstance(error, PermissionError) or code in (errno.EACCES, errno.EPERM):
        if read_only_mount(folder):
            return READ_ONLY_DISK
        if stage == "read":
            return NO_PERMISSION
        if path.exists() and _read_only_file(path):
            return READ_ONLY_FILE
        if stage == "create" or not _folder_writable(folder):
            return NO_FOLDER_PERMISSION.format(folder=folder)
        if stage == "replace" and path.exists():
            # Windows refuses to replace a file another program holds open (Word, Acrobat).
            return IN_USE
        return NO_PERMISSION
    return OTHER


def sentence(action: str, error: OSError, path: Path, *, stage: str = "write") -> str:
    """'<action>: <reason>.' e.g. sentence('Không lưu được “a.pdf”', error, path)."""
    return f"{action}: {reason(error, path, stage=stage)}."


def placed(action: str, why: str, folder: Path) -> str:
    """One sentence that names the disk when it is the cause.

    A full or read-only disk is said first, with the folder on it: 'Ổ đĩa chứa “E:\\” đã đầy nên
    không ghi được …; hãy …' (the clerk must know *which* disk: the database's or the USB
    stick's).  Any other reason follows the action: '<Action>: <reason>.'  ``action`` starts in
    lower case ('không ghi được bản sao lưu “a.sqlite”'); ``why`` is a reason of this module.
    """
    where = os.path.abspath(folder)
    if why == DISK_FULL:
        return f"Ổ đĩa chứa “{where}” đã đầy nên {action}; hãy giải phóng dung lượng hoặc chọn ổ khác."
    if why == READ_ONLY_DISK:
        return (f"Ổ đĩa chứa “{where}” đang ở chế độ chỉ đọc (khóa ghi) nên {action}; "
                "hãy mở khóa hoặc chọn nơi khác.")
    return capitalized(f"{action}: {why}.")


# SQLite primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY = 5, 6, 7, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 10, 11, 13, 14
SQLITE_NOTADB, SQLITE_PERM, SQLITE_TOOBIG = 26, 3, 18


def sqlite_code(error: BaseException) -> int | None:
    if not isinstance(error, sqlite3.Error):
        return None  # an OSError's English text ("Read-only file system") is not a SQLite code
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:  # Python < 3.11 or a hand-made error: the text then
        text = str(error).lower()
        for words, value in (("locked", SQLITE_BUSY), ("busy", SQLITE_BUSY), ("disk is full", SQLITE_FULL),
                             ("malformed", SQLITE_CORRUPT), ("not a database", SQLITE_NOTADB),
                             ("disk i/o", SQLITE_IOERR), ("readonly", SQLITE_READONLY),
                             ("read-only", SQLITE_READONLY), ("unable to open", SQLITE_CANTOPEN),
                             ("out of memory", SQLITE_NOMEM), ("too big", SQLITE_TOOBIG)):
            if words in text:
                return value
        return None
    return code & 0xFF


def is_damage(error: BaseException) -> bool:
    """SQLite itself says the file is damaged (the only evidence of damage we accept)."""
    return sqlite_code(error) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def is_busy(error: BaseException) -> bool:
    return sqlite_code(error) in (SQLITE_BUSY, SQLITE_LOCKED)


def sqlite_reason(error: sqlite3.Error, path: Path) -> str:
    """Why SQLite failed on the database ``path`` (no leading capital, no full stop)."""
    path = Path(path)
    log.warning("SQLite error on %s: %r", path, error)
    code = sqlite_code(error)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return "tệp đang được một chương trình khác ghi; hãy đợi giây lát hoặc đóng chương trình đó rồi thử lại"
    if code == SQLITE_FULL:
        return DISK_FULL
    # A read-only mount is a fact; "little free space" only a guess: the fact first (a
    # write-protected stick is often nearly full too).
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_READONLY) and read_only_mount(path.parent):
        return READ_ONLY_DISK
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN) and disk_full(path.parent):
        return DISK_FULL
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return "tệp bị hỏng hoặc không phải cơ sở dữ liệu hợp lệ; hãy khôi phục từ một bản sao lưu"
    if code in (SQLITE_READONLY, SQLITE_PERM):
        if not _folder_writable(path.parent) or _read_only_file(path):
            return "tệp hoặc thư mục chỉ cho phép đọc; hãy bỏ thuộc tính chỉ đọc hoặc chép tệp sang nơi khác"
        return READ_ONLY_DISK
    if code == SQLITE_CANTOPEN:
        return f"không mở hoặc tạo được tệp; có thể không có quyền ghi vào thư mục “{path.parent}”"
    if code == SQLITE_IOERR:
        return "lỗi đọc ghi ổ đĩa (ổ đầy, thiết bị bị rút ra hoặc hỏng)"
    if code in (SQLITE_NOMEM, SQLITE_TOOBIG):
        return "máy không đủ bộ nhớ cho việc này; hãy đóng bớt chương trình rồi thử lại"
    return OTHER


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]
