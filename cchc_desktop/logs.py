"""Logging to the per-user log folder: real bugs are kept there with their traceback,
while the user sees one Vietnamese sentence."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from types import TracebackType

from . import paths

LOG_NAME = "cchc-desktop.log"
_handler: logging.Handler | None = None


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the package's log records to the log file (once); None if the folder is unusable."""
    global _handler
    target = log_file()
    if _handler is not None and getattr(_handler, "baseFilename", None) == str(target):
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
        )
    except OSError:
        return None  # logging must never stop the application
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("cchc_desktop")
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
    logger.addHandler(handler)
    logger.setLevel(level)
    _handler = handler
    return target


def log_bug(error: BaseException, context: str = "") -> Path | None:
    """Record an unexpected exception with its traceback; return the log file's path."""
    target = setup_logging()
    logging.getLogger("cchc_desktop").error(
        "Unexpected error%s", f" in {context}" if context else "", exc_info=(type(error), error, error.__traceback__)
    )
    if _handler is not None:
        _handler.flush()
    return target


def bug_message(target: Path | None) -> str:
    where = f" Chi tiết đã được ghi vào “{target}”." if target else ""
    return f"Đã xảy ra lỗi không mong muốn trong chương trình.{where} Xin gửi tệp này cho người hỗ trợ."


def install_excepthook() -> None:
    """For the window: log uncaught exceptions instead of printing a traceback."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        target = log_bug(error.with_traceback(tb), "uncaught")
        if sys.stderr is not None:
            print(bug_message(target), file=sys.stderr)

    sys.excepthook = hook
