"""``sign ID --pdf OUT.pdf [--token-lib PATH] [--slot N] [--cert N] [--pin-stdin]``: export, sign, finalise.

The PIN is read from the terminal without echo (or one line of standard input with
--pin-stdin) and handed to the token; it is never stored, logged or printed.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from pathlib import Path

import sqlite_utils

from . import UserError
from ..signing import settings as signing_settings
from ..signing.appearance import signing_time_text
from ..signing.errors import SigningError

NAME = "sign"
HELP = "ký số báo cáo bằng token (USB) và ban hành: xuất PDF, ký PAdES, ghi vào lịch sử"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="SỐ", help="số của báo cáo")
    parser.add_argument("--pdf", type=Path, required=True, metavar="TỆP", help="tệp .pdf đã ký sẽ ghi ra")
    parser.add_argument("--token-lib", metavar="TỆP", help="thư viện PKCS#11 của token (ghi nhớ cho lần sau)")
    parser.add_argument("--slot", type=int, metavar="N", help="khe (slot) của token khi cắm nhiều token")
    parser.add_argument("--cert", type=int, metavar="N", help="chứng thư số thứ N trên token (mặc định: cái còn hạn)")
    parser.add_argument("--pin-stdin", action="store_true", help="đọc mã PIN từ một dòng của đầu vào chuẩn")
    parser.add_argument("--number", metavar="SỐ_VĂN_BẢN", help="số văn bản, khi báo cáo chưa ban hành")
    parser.add_argument("--date", metavar="NGÀY", help="ngày ban hành YYYY-MM-DD (mặc định: ngày trên báo cáo)")
    parser.add_argument("--signature-image", metavar="TỆP", help="ảnh chữ ký .png nền trong suốt (ghi nhớ)")
    parser.add_argument("--seal-image", metavar="TỆP", help="ảnh con dấu .png nền trong suốt (ghi nhớ)")
    parser.add_argument("--organisation", metavar="TÊN", help="tên cơ quan in cạnh con dấu (ghi nhớ)")


def run(args: argparse.Namespace, db: sqlite_utils.Database) -> int:
    from ..signing import report_signing

    settings = _remembered(args)
    try:
        if settings.library:
            _show_certificates(settings.library, args.slot)
        prepared = report_signing.prepare(db, args.id, args.pdf, library=settings.library, slot=args.slot,
                                          certificate_index=None if args.cert is None else args.cert - 1,
                                          number=args.number, issued=_date(args.date))
        print(f"Ký bằng chứng thư số: {prepared.certificate.describe()}")
        appearance = report_signing.appearance_from(settings, prepared.report)
        result = report_signing.finish(db, prepared, _pin(args.pin_stdin), appearance)
    except SigningError as error:
        kept = f" Tệp chưa ký vẫn ở “{args.pdf}”." if args.pdf.is_file() else ""
        raise UserError(f"{error}{kept}") from None
    print(f"Đã ký số {args.pdf}: {result.holder}, lúc {signing_time_text(result.signed_at)}.")
    print(f"SHA-256: {result.sha256}")
    return 0


def _show_certificates(library: str, slot: int | None) -> None:
    """With more than one certificate on the token, the numbered list that --cert N refers to."""
    from ..signing.tokens import list_certificates

    certificates = list_certificates(library, slot)
    if len(certificates) > 1:
        print("Chứng thư số trên token:")
        for number, certificate in enumerate(certificates, 1):
            print(f"  {number}. {certificate.describe()}")


def _remembered(args: argparse.Namespace) -> signing_settings.SigningSettings:
    """The settings, updated with what this command line gave (remembered for the next time)."""
    settings = signing_settings.load()
    given = {"library": args.token_lib, "signature_image": args.signature_image,
             "seal_image": args.seal_image, "organisation": args.organisation}
    changed = False
    for name, value in given.items():
        if value is not None:
            value = str(Path(value).absolute()) if name != "organisation" and value else value
            changed |= getattr(settings, name) != value
            setattr(settings, name, value)
    if changed:
        signing_settings.save(settings)
    return settings


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"Ngày “{text}” không hợp lệ; hãy viết dạng năm-tháng-ngày, ví dụ 2024-06-12.") from None


def _pin(from_stdin: bool) -> str:
    if from_stdin:
        pin = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin is not None and sys.stdin.isatty():
        pin = getpass.getpass("Mã PIN của token: ")
    else:
        raise UserError("Hãy nhập mã PIN: chạy lệnh trong cửa sổ dòng lệnh, hoặc dùng --pin-stdin.")
    if not pin:
        raise UserError("Chưa nhập mã PIN.")
    return pin
