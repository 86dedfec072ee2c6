"""Suite-wide setup: no test touches the real per-user folders; Qt runs offscreen."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point every per-user folder (data, logs, backups) at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CCHC_DESKTOP_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def unsaved_at_close(monkeypatch: pytest.MonkeyPatch):
    """Closing a window whose last saves failed asks the clerk (gui/closing.py) in a modal box,
    which would hold a test for ever: tests answer "Bỏ thay đổi" and the question is recorded
    (``asked``), so a test can still see that nothing was dropped silently."""
    asked: list[str] = []
    try:
        from cchc_desktop.gui import closing
    except ImportError:  # no Qt in this environment: nothing to answer
        yield asked
        return

    def answer(_window, text: str) -> str:
        asked.append(text)
        return closing.DISCARD

    monkeypatch.setattr(closing, "ask_unsaved", answer)
    yield asked
