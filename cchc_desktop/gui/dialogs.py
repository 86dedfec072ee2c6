"""Message boxes in Vietnamese: Qt ships no Vietnamese translation, so we name the buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

YES, NO, CANCEL, OK = "Có", "Không", "Hủy", "Đồng ý"
TITLE = "Báo cáo CCHC"


def _box(parent: QWidget | None, icon: QMessageBox.Icon, text: str, details: str = "") -> QMessageBox:
    box = QMessageBox(icon, TITLE, text, QMessageBox.StandardButton.NoButton, parent)
    if details:
        box.setDetailedText(details)
        # The details toggle is a Qt button too: name it ourselves.
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.ActionRole:
                button.setText("Chi tiết…")
    return box


def inform(parent: QWidget | None, text: str) -> None:
    box = _box(parent, QMessageBox.Icon.Information, text)
    box.addButton(OK, QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def error(parent: QWidget | None, text: str, details: str = "") -> None:
    box = _box(parent, QMessageBox.Icon.Critical, text, details)
    box.addButton(OK, QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(parent: QWidget | None, text: str, default_yes: bool = False) -> bool:
    """Có / Không; True when the clerk says yes."""
    box = _box(parent, QMessageBox.Icon.Question, text)
    yes = box.addButton(YES, QMessageBox.ButtonRole.YesRole)
    no = box.addButton(NO, QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes if default_yes else no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def choose(parent: QWidget | None, text: str, answers: list[str], default: int = 0) -> int | None:
    """One button per answer (the first is the default); the index chosen, None on Esc."""
    box = _box(parent, QMessageBox.Icon.Question, text)
    buttons = [box.addButton(answer, QMessageBox.ButtonRole.AcceptRole) for answer in answers]
    box.setDefaultButton(buttons[default])
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None


def translate_buttons(buttons: QDialogButtonBox) -> None:
    """Name the standard buttons of a QDialogButtonBox in Vietnamese."""
    names = {
        QDialogButtonBox.StandardButton.Ok: OK,
        QDialogButtonBox.StandardButton.Cancel: CANCEL,
        QDialogButtonBox.StandardButton.Yes: YES,
        QDialogButtonBox.StandardButton.No: NO,
        QDialogButtonBox.StandardButton.Close: "Đóng",
    }
    for which, text in names.items():
        button = buttons.button(which)
        if button is not None:
            button.setText(text)
