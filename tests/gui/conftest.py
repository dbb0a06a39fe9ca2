"""Fixtures for the desktop app tests (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from gui_support import Dialogs


@pytest.fixture(autouse=True)
def _none_refcount_guard() -> None:
    """PySide6 6.12 on Python 3.11 over-releases None on void calls (see app.gui.none_guard)."""
    from app.gui import none_guard

    none_guard.top_up()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    d = Dialogs()
    d.patch(monkeypatch)
    return d


@pytest.fixture
def make_window(qtbot, dialogs):
    """A factory of main windows in English, registered with qtbot so they are closed after the test."""
    from app.gui.main_window import MainWindow
    from checks.settings import Settings

    def make(lang: str = "en") -> MainWindow:
        w = MainWindow(Settings(lang=lang))
        qtbot.addWidget(w)
        w.show()
        return w

    return make
