"""A guard for a PySide6 6.12 bug on CPython 3.11: every call of a Qt method that returns nothing
(setText, processEvents, …) drops one reference to None too many. None is not immortal before
Python 3.12, so a long session would eventually free None and abort ("none_dealloc").

`install(app)` keeps None's reference count far above zero: a one-second timer adds a million
references (8 MB) whenever the count falls below a million. Nothing happens on Python ≥ 3.12 or
on a PySide6 without the bug (the count then never falls).
"""

from __future__ import annotations

import sys
from typing import Any

FLOOR = 1_000_000
_pads: list[list[None]] = []


def top_up() -> None:
    if sys.getrefcount(None) < FLOOR:
        _pads.append([None] * FLOOR)


def install(app: Any) -> Any:
    if sys.version_info >= (3, 12):
        return None
    from PySide6.QtCore import QTimer

    top_up()
    timer = QTimer(app)
    timer.setInterval(1000)
    timer.timeout.connect(top_up)
    timer.start()
    return timer
