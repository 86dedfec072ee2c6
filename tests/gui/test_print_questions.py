"""Preview is not printing: "Vẫn in?" is asked on Print and on Export, once for the same errors."""

from __future__ import annotations

from cchc_desktop.core.checks.base import Finding, Location, Severity
from cchc_desktop.gui import actions as actions_module, checks_panel, dialogs, printing


def _errors(monkeypatch, messages: list[str]) -> None:
    findings = [Finding("test-rule", Severity.ERROR, message, Location(field="subject")) for message in messages]
    monkeypatch.setattr(checks_panel, "run_checks", lambda report: list(findings))


def test_preview_does_not_ask_and_print_export_ask_once(open_window, monkeypatch, tmp_path) -> None:
    window = open_window()
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, text, default_yes=False: questions.append(text) or True)
    previews = []
    monkeypatch.setattr(printing, "exec_preview", lambda dialog: previews.append(dialog) or 0)
    printed = []
    monkeypatch.setattr(printing, "exec_print_dialog", lambda dialog: printed.append(dialog) or False)
    _errors(monkeypatch, ["Thiếu số báo cáo."])

    window.actions.print_preview.trigger()
    assert len(previews) == 1 and questions == []  # looking asks nothing
    window.actions.print.trigger()
    assert len(questions) == 1 and "Vẫn in" in questions[0] and len(printed) == 1
    target = tmp_path / "bao-cao.pdf"
    monkeypatch.setattr(actions_module, "ask_save_path", lambda *a: str(target))
    window.actions.export.trigger()
    assert len(questions) == 1 and target.exists()  # the same errors: not asked again
    previews[0].print_now()  # "In…" in the preview: the same errors, still not asked
    assert len(questions) == 1 and len(printed) == 2

    _errors(monkeypatch, ["Thiếu số báo cáo.", "Thiếu ngày ban hành."])  # an edit brings a new error:
    window.mark_changed()  # asked again
    window.actions.print.trigger()
    assert len(questions) == 2


def test_saying_no_prints_nothing_and_asks_again(open_window, monkeypatch) -> None:
    window = open_window()
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, text, default_yes=False: questions.append(text) or False)
    printed = []
    monkeypatch.setattr(printing, "exec_print_dialog", lambda dialog: printed.append(dialog) or False)
    _errors(monkeypatch, ["Thiếu số báo cáo."])
    window.actions.print.trigger()
    window.actions.print.trigger()
    assert len(questions) == 2 and printed == []
