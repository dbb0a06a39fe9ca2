"""Crash recovery, a responsive UI during slow media reads, and errors as dialogs, not crashes."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from gui_support import settle, write_draft, write_phone_jpeg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox


def test_autosave_is_offered_and_restored_after_a_crash(make_window, qtbot, tmp_path, dialogs):
    path = write_draft(tmp_path, title="标题", text="原文", media=[])
    w = make_window()
    w.open_path(path)
    w.editor.body_edit.setPlainText("原文，加上崩溃前写的一句")
    assert w.dirty
    qtbot.waitUntil(lambda: not w.autosave_timer.isActive(), timeout=10000)  # idle → autosaved
    w.dirty = False  # "kill" the window: no save, no clean close
    w.hide()

    w2 = make_window()
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert w2.offer_restore()
    assert any(kind == "question" for kind, *_ in dialogs.shown)
    assert w2.editor.text() == "原文，加上崩溃前写的一句"
    assert w2.session.path == path.resolve()
    assert w2.dirty
    assert w2.save()
    w3 = make_window()
    assert not w3.offer_restore()  # a clean save removes the autosave


def test_no_restore_offered_when_the_draft_was_saved_after(make_window, qtbot, tmp_path):
    path = write_draft(tmp_path, title="t", text="a", media=[])
    w = make_window()
    w.open_path(path)
    w.editor.body_edit.setPlainText("b")
    w.autosave_now()
    time.sleep(0.02)
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")  # saved elsewhere, later
    w.dirty = False
    assert not make_window().offer_restore()


def test_ui_stays_responsive_while_media_is_read_slowly(make_window, qtbot, tmp_path, monkeypatch):
    from app.gui import services

    real = services.read_facts

    def slow(paths, on_progress=None):
        time.sleep(1.5)
        return real(paths, on_progress=on_progress)

    monkeypatch.setattr(services, "read_facts", slow)
    for i in range(3):
        write_phone_jpeg(tmp_path / f"p{i}.jpg")
    w = make_window()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    start = time.monotonic()
    w.add_media_paths([str(tmp_path)])
    assert time.monotonic() - start < 0.5  # adding returns at once; reading happens in a worker
    qtbot.waitUntil(w.progress.isVisible, timeout=1000)
    w.editor.body_edit.setPlainText("typing while media loads")
    settle(qtbot, w)
    timer.stop()
    assert len(ticks) >= 10, len(ticks)  # the event loop kept running during the 1.5 s read
    assert max(b - a for a, b in itertools.pairwise(ticks)) < 1.0  # generous: CI machines are busy
    assert len(w.media_strip.entries) == 3
    assert not w.progress.isVisible()


def test_unreadable_draft_is_a_dialog_and_keeps_the_text(make_window, tmp_path, dialogs):
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "unterminated\n', encoding="utf-8")
    w = make_window()
    w.editor.body_edit.setPlainText("my words")
    w.dirty = False
    assert not w.open_path(bad)
    assert dialogs.shown and dialogs.shown[-1][0] == "warning"
    assert "bad.toml" in dialogs.shown[-1][2]
    assert w.editor.text() == "my words"


def test_unwritable_folder_is_a_dialog_and_the_draft_stays_dirty(make_window, tmp_path, dialogs):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    w = make_window()
    w.editor.body_edit.setPlainText("keep me")
    assert not w.save_to(blocker / "sub" / "draft.toml")
    assert dialogs.shown[-1][0] == "warning"
    assert w.dirty and w.editor.text() == "keep me"


def test_stale_results_are_discarded(make_window, qtbot):
    w = make_window()
    settle(qtbot, w)
    w.editor.body_edit.setPlainText("first")
    w.recheck()
    w.editor.body_edit.setPlainText("second")
    w.recheck()
    settle(qtbot, w)
    assert w.report.draft.text == "second"


def test_media_path_missing_is_shown_not_raised(make_window, qtbot, tmp_path):
    path = write_draft(tmp_path, title="t", text="x", media=["gone.jpg"])
    w = make_window()
    w.open_path(path)
    settle(qtbot, w)
    assert w.media_strip.entries[0].facts.error
    assert Path(w.session.state.media[0]).name == "gone.jpg"


def test_unexpected_error_is_a_dialog_and_the_text_is_autosaved(make_window, dialogs, monkeypatch):
    import sys

    from app.gui import autosave, install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    w = make_window()
    w.editor.body_edit.setPlainText("不能丢的字")
    install_excepthook(w)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert dialogs.shown[-1][0] == "critical" and "boom" in dialogs.shown[-1][2]
    assert autosave.pending().draft.text == "不能丢的字"
