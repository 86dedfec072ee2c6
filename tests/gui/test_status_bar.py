"""The status bar never draws a message over its own labels (issue 26, "Small things")."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QSizeGrip, QWidget

LONG = ("Không lưu được báo cáo: ổ đĩa đầy, hãy giải phóng chỗ trống trên ổ C: rồi thử lại; bản nháp vẫn "
        "được giữ trong bộ nhớ và sẽ được lưu lại khi có chỗ, kể cả khi cửa sổ được thu nhỏ hay phóng to.")


def _message_labels(bar) -> list[QLabel]:
    """The visible labels that show (the beginning of) the bar's current message."""
    head = bar.currentMessage()[:20]
    return [label for label in bar.findChildren(QLabel) if label.isVisible() and label.text().startswith(head)]


@pytest.mark.parametrize("width", [1024, 1366])
def test_a_long_message_is_cut_beside_the_saved_state(open_window, qtbot, width) -> None:
    window = open_window()
    window.resize(width, 700)
    window.saved_label.setText("Đã lưu lúc 10:42:17")
    window.cycle.status.setText("Đã ban hành — chỉ đọc")
    bar = window.statusBar()
    bar.showMessage("Đã mở báo cáo.")
    bar.showMessage(LONG)  # the newer message replaces the older one, never beside it
    qtbot.wait(50)
    shown = _message_labels(bar)
    assert len(shown) == 1
    label = shown[0]
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
    assert label.text().endswith("…") and label.toolTip() == LONG
    others = [child for child in bar.findChildren(QWidget) if child.isVisible() and child is not label
              and child.parent() is bar and not isinstance(child, QSizeGrip)]
    assert window.saved_label in others
    for other in others:
        assert not label.geometry().intersects(other.geometry()), other
    assert window.saved_label.text() == "Đã lưu lúc 10:42:17"
    bar.clearMessage()
    assert label.text() == ""


def test_a_short_message_is_shown_whole(open_window, qtbot) -> None:
    window = open_window()
    window.resize(1366, 700)
    window.statusBar().showMessage("Đã xuất tệp PDF.")
    qtbot.wait(20)
    assert [label.text() for label in _message_labels(window.statusBar())] == ["Đã xuất tệp PDF."]


def test_qt_draws_no_message_text_of_its_own(open_window, qtbot) -> None:
    """With the label emptied, the bar left of "Đã lưu lúc …" is blank: only the label draws."""
    window = open_window()
    window.resize(1024, 700)
    window.saved_label.setText("Đã lưu lúc 10:42:17")
    bar = window.statusBar()
    bar.showMessage(LONG)
    qtbot.wait(20)
    label = _message_labels(bar)[0]
    with_text = bar.grab(label.geometry()).toImage()
    label.setText("")
    blank = bar.grab(label.geometry()).toImage()
    colours = {blank.pixel(x, y) for x in range(0, blank.width(), 3) for y in range(blank.height())}
    assert len(colours) == 1  # nothing but the background
    assert with_text != blank
