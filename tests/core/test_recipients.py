from cchc_desktop.core.recipients import arrange_recipients


def test_order_and_punctuation_of_the_sample_like_list() -> None:
    mixed = ["Lưu: VT, VH", "TT Đảng ủy, TT HĐND xã.", "- Chủ tịch UBND;"]
    assert arrange_recipients(mixed, has_addressees=True) == [
        "Như trên;",
        "TT Đảng ủy, TT HĐND xã;",
        "Chủ tịch UBND;",
        "Lưu: VT, VH.",
    ]


def test_no_as_above_without_addressees_and_archive_added() -> None:
    assert arrange_recipients(["Sở Văn hóa"], has_addressees=False, unit="VP") == [
        "Sở Văn hóa;",
        "Lưu: VT, VP.",
    ]


def test_an_ordered_list_stays_as_it_is() -> None:
    good = ["Như trên;", "TT Đảng ủy;", "Lưu: VT, VP."]
    assert arrange_recipients(good, has_addressees=True) == good
