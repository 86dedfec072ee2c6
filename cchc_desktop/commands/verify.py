"""``verify FILE.pdf [--add-root CERT]``: who signed, when, unchanged since, trusted root or not."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import UserError
from ..signing.errors import SigningError

NAME = "verify"
HELP = "kiểm tra chữ ký số trong tệp PDF (người ký, thời gian, còn nguyên vẹn, chứng thư gốc tin cậy)"

EXIT_NOT_OK = 4  # the file was read, and a signature is broken, changed after or untrusted


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, nargs="?", metavar="TỆP", help="tệp .pdf cần kiểm tra")
    parser.add_argument("--add-root", type=Path, metavar="TỆP",
                        help="thêm một chứng thư gốc (.cer/.crt/.pem) vào danh sách bạn tin cậy")


def needs_database(args: argparse.Namespace) -> bool:
    return False


def run(args: argparse.Namespace, db) -> int:
    from ..signing.trust import add_root
    from ..signing.verify import verify_file

    if args.file is None and args.add_root is None:
        raise UserError("Hãy cho biết tệp PDF cần kiểm tra.")
    try:
        if args.add_root is not None:
            add_root(args.add_root)
            print(f"Đã thêm chứng thư gốc tin cậy: {args.add_root}")
        if args.file is None:
            return 0
        checks = verify_file(args.file)
    except SigningError as error:
        raise UserError(str(error)) from None
    if not checks:
        print(f"Tệp “{args.file}” không có chữ ký số nào.")
        return EXIT_NOT_OK
    for check in checks:
        print("\n".join(check.lines()))
    return 0 if all(check.ok for check in checks) else EXIT_NOT_OK
