"""GUI test helpers: real media files written with Pillow, and dialogs that never block a test."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from media_files import write_ai_png, write_phone_jpeg  # noqa: F401  (re-exported for the GUI tests)


def write_draft(folder: Path, *, title: str, text: str, media: list[str], platform: str = "douyin") -> Path:
    import tomli_w

    data = {"platform": platform, "title": title, "text": text, "media": media}
    path = folder / "draft.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


class Dialogs:
    """Records message boxes instead of showing them; answers questions with `answer`."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = None

    def patch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from PySide6.QtWidgets import QMessageBox

        def record(kind: str, default):
            def fn(parent, title, text, *args, **kwargs):
                self.shown.append((kind, title, text))
                return self.answer if (kind == "question" and self.answer is not None) else default

            return staticmethod(fn)

        monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Discard))
        monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
        monkeypatch.setattr(QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok))
        monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))


def settle(qtbot, window, timeout: int = 20000) -> None:
    """Wait until the window shows the check of what is on screen (no job or debounce pending)."""
    qtbot.waitUntil(window.settled, timeout=timeout)
