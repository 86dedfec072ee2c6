"""Signing's failures as one Vietnamese sentence each (the PIN never appears in any of them)."""

from __future__ import annotations


class SigningError(Exception):
    """One clear Vietnamese sentence for the clerk."""


WRONG_PIN = "Mã PIN không đúng. Hãy nhập lại (nhập sai nhiều lần liên tiếp, token sẽ bị khóa)."
LOCKED = ("Token đã bị khóa do nhập sai mã PIN quá số lần cho phép. "
          "Hãy liên hệ nhà cung cấp chữ ký số để mở khóa.")
NO_TOKEN = "Không thấy token ký số. Hãy cắm token vào máy (hoặc cắm lại) rồi thử lại."
PIN_EXPIRED = "Mã PIN của token đã hết hạn. Hãy đổi mã PIN bằng phần mềm quản lý token rồi thử lại."
NO_CERTIFICATE = "Trên token không có chứng thư số nào dùng để ký được."
NO_KEY = "Token không có khóa bí mật đi kèm chứng thư số đã chọn."


def library_error(path: str) -> str:
    return (f"Không mở được thư viện PKCS#11 “{path}”. Hãy chọn đúng tệp thư viện của token "
            "(thường nằm trong thư mục cài đặt phần mềm quản lý token).")


def from_pkcs11(error: BaseException) -> SigningError:
    """The sentence for a python-pkcs11 (or pyHanko) failure; a name we do not know: a general one."""
    import pkcs11.exceptions as e

    if isinstance(error, SigningError):
        return error
    table = (((e.PinIncorrect, e.PinInvalid, e.PinLenRange), WRONG_PIN),
             ((e.PinLocked,), LOCKED),
             ((e.PinExpired,), PIN_EXPIRED),
             ((e.TokenNotPresent, e.DeviceRemoved, e.SlotIDInvalid, e.NoSuchToken, e.TokenNotRecognised,
               e.SessionClosed, e.SessionHandleInvalid, e.DeviceError), NO_TOKEN),
             ((e.NoSuchKey,), NO_KEY))
    for kinds, sentence in table:
        if isinstance(error, kinds):
            return SigningError(sentence)
    cause = error.__cause__ or error.__context__
    if cause is not None and cause is not error and not isinstance(cause, SigningError):
        found = from_pkcs11(cause)
        if str(found) != GENERAL:
            return found
    return SigningError(GENERAL)


GENERAL = "Token báo lỗi khi ký. Hãy rút token ra, cắm lại rồi thử lại."
