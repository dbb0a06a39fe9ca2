"""Re-checking while typing: one check at a time, and the findings shown are of the text on screen."""

from __future__ import annotations

import threading
import time

from gui_support import settle, write_draft


def test_typing_during_a_check_checks_once_more_and_shows_the_latest_text(
    make_window, qtbot, tmp_path, monkeypatch
):
    from app.gui import services

    w = make_window()
    w.open_path(write_draft(tmp_path, title="西湖边的早晨", text="今天早上路过西湖。", media=[]))
    settle(qtbot, w)
    running, peak, lock = [0], [0], threading.Lock()
    original = services.run_check

    def slow_check(*args):
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.12)  # a slow machine: keys arrive while the check runs
        try:
            return original(*args)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(services, "run_check", slow_check)
    body = w.editor.body_edit
    body.setFocus()
    done = w.checks_done
    for ch in "abcdefg":
        qtbot.keyClicks(body, ch)
        qtbot.wait(60)  # longer than the typing pause, shorter than a check
    settle(qtbot, w)
    assert peak[0] == 1  # never two checks of the same draft at once
    assert w.report.draft.text == w.editor.text()  # the shown report is of the text on screen
    assert "abcdefg" in w.report.draft.text
    assert w.checks_done - done < 7  # keys typed during a check share one follow-up check
