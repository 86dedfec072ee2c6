"""Vietnamese wording for argparse's own texts (usage, help headings, common errors).

argparse looks its messages up through ``gettext`` at call time; Python ships no Vietnamese
catalogue, so we answer the few messages a clerk can meet ourselves.
"""

from __future__ import annotations

import argparse
import gettext

MESSAGES = {
    "usage: ": "cách dùng: ",
    "positional arguments": "lệnh và đối số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "show program's version number and exit": "hiện số phiên bản rồi thoát",
    "the following arguments are required: %s": "thiếu đối số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu đối số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "expected one argument": "cần một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "đối số %(argument_name)s: %(message)s",
}


def _translate(message: str) -> str:
    return MESSAGES.get(message, gettext.gettext(message))


def install() -> None:
    argparse._ = _translate  # type: ignore[attr-defined]
