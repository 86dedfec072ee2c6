"""Export a report to DOCX or PDF: temp file beside the target, then os.replace.

A crash never leaves half a document, and on any failure the old file stays as it was.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from ..file_modes import final_mode, set_mode
from ..core.model import Report, normalize
from .fonts import FontNotFoundError
from .fonts import register as _register_fonts
from .layout import make_document


class ExportError(Exception):
    """One clear Vietnamese sentence for the user."""


def _message(error: OSError, path: Path, stage: str = "write") -> str:
    """One sentence with the right reason (store/errors.py); the OS's English goes to the log."""
    from ..store import errors

    if isinstance(error, FileNotFoundError) or error.errno == errno.ENOENT:
        return f"Không tìm thấy thư mục “{path.parent}”. Hãy chọn một thư mục khác để lưu “{path.name}”."
    if isinstance(error, IsADirectoryError):
        return f"“{path}” là một thư mục, không phải tệp. Hãy chọn tên tệp khác."
    return errors.capitalized(errors.sentence(f"không lưu được “{path.name}”", error, path, stage=stage))


def _read_only(path: Path) -> bool:
    """The file's read-only attribute (mode bits, so that it holds for root and on Windows)."""
    try:
        return not path.stat().st_mode & stat.S_IWUSR
    except OSError:
        return False


def write_atomic(data: bytes, path: Path) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"“{path}” là một thư mục, không phải tệp. Hãy chọn tên tệp khác.")
    if not path.parent.is_dir():
        raise ExportError(_message(FileNotFoundError(errno.ENOENT, "missing"), path))
    if _read_only(path):
        # os.replace would happily replace a read-only file on POSIX: honour the attribute.
        raise ExportError(_message(PermissionError(errno.EACCES, "read-only"), path, "replace"))
    tmp_name = None
    stage = "create"  # a failure here is the folder's (read-only, no permission), not the file's
    try:
        mode = final_mode(path)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
        stage = "write"
        set_mode(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # On Windows, a target open in Word makes this raise PermissionError.
        stage = "replace"
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as error:
        raise ExportError(_message(error, path, stage)) from error
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _within_limits(report: Report) -> None:
    """A report over the limits (imported before they existed) gets a sentence, not an hour."""
    from ..store.limits import LimitError, check_report

    try:
        check_report(report, f"báo cáo số {report.id}" if report.id is not None else "báo cáo")
    except LimitError as error:
        raise ExportError(str(error)) from None


def docx_bytes(report: Report, *, heading1_capitals: bool = True) -> bytes:
    from .docx_meta import report_meta
    from .docx_writer import docx_bytes as write

    _within_limits(report)
    report = normalize(report)
    return write(make_document(report, heading1_capitals=heading1_capitals), report_meta(report, heading1_capitals))


def pdf_bytes(report: Report, *, heading1_capitals: bool = True) -> bytes:
    """The report as a PDF in memory (preview, printing).

    ``heading1_capitals``: "I." headings in capitals (the contract's default) or as typed.
    """
    from .pdf_writer import pdf_bytes as write

    return write(pdf_layout(report, heading1_capitals=heading1_capitals))


def pdf_layout(report: Report, *, heading1_capitals: bool = True, check_limits: bool = True):
    """The page description the PDF writer draws (limits checked, fonts registered).

    The preview beside the text skips the limits (``check_limits``): it draws what the window
    holds, in a process of its own; exports and printing check them.
    """
    if check_limits:
        _within_limits(report)
    try:
        _register_fonts()
    except FontNotFoundError as error:
        raise ExportError(str(error)) from error
    return make_document(normalize(report), heading1_capitals=heading1_capitals)


def export_docx(report: Report, path: Path, *, heading1_capitals: bool = True) -> None:
    write_atomic(docx_bytes(report, heading1_capitals=heading1_capitals), Path(path))


def export_pdf(report: Report, path: Path, *, heading1_capitals: bool = True) -> None:
    write_atomic(pdf_bytes(report, heading1_capitals=heading1_capitals), Path(path))
