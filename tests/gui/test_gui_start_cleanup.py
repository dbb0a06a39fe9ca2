"""Starting the desktop app removes the temp files a killed save left in Preflight's own folders,
as the command line does (issue 14, item 12): the app is how most creators start Preflight."""

from __future__ import annotations

import os

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def test_app_start_cleans_stale_temps_of_a_killed_save(qapp, dialogs) -> None:
    from app import gui
    from checks.settings import cache_dir, config_dir

    config_dir().mkdir(parents=True, exist_ok=True)
    cache_dir().mkdir(parents=True, exist_ok=True)
    debris = config_dir() / ".profile.toml.pftmp-abcd1234.tmp"  # what a kill -9 mid-save leaves
    debris.write_bytes(b"half a profile")
    os.utime(debris, (0, 0))
    in_flight = cache_dir() / ".entry.json.pftmp-efgh5678.tmp"  # another process saving right now
    in_flight.write_bytes(b"{")
    mine = config_dir() / "notes.tmp"  # not our naming: never touched
    mine.write_bytes(b"keep")
    os.utime(mine, (0, 0))

    polls = []

    def poll() -> None:
        polls.append(1)
        if not debris.exists() or len(polls) > 500:
            QApplication.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    try:
        assert gui.main([]) == 0
    finally:
        timer.stop()
        for w in QApplication.topLevelWidgets():
            w.close()
    assert not debris.exists()
    assert in_flight.exists() and mine.exists()
