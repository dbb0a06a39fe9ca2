"""Engine calls off the UI thread (Anki's model: background call, result delivered by signal).

A `Job` runs a plain function in the global QThreadPool and reports through a `JobSignals` object
that lives on the UI thread, so results arrive as queued signals. Each job carries a generation
number; the window ignores results from a generation it has already superseded (the user kept
typing), which is cheaper and safer than cancelling work in flight.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


def error_text(exc: Exception) -> str:
    """A failed job in the UI language: a pack problem in its own words (no CLI advice), else type + text."""
    from app.gui.texts import lang
    from checks.packs import PackError

    if isinstance(exc, PackError):
        return exc.text(lang(), cli=False)
    return f"{type(exc).__name__}: {exc}"

class JobSignals(QObject):
    progress = Signal(int, int, int)  # generation, done, total
    finished = Signal(int, object)  # generation, result
    failed = Signal(int, str)  # generation, message


class Job(QRunnable):
    def __init__(
        self, generation: int, fn: Callable[..., Any], signals: JobSignals, *, progress: bool = False
    ):
        super().__init__()
        self.generation = generation
        self.fn = fn
        self.signals = signals
        self.with_progress = progress
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError:  # the window closed while the job ran: nobody is listening any more
            pass

    def _run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(lambda done, total: self.signals.progress.emit(self.generation, done, total))
            else:
                result = self.fn()
        except Exception as exc:  # reported to the UI as a dialog/status, never a crash
            traceback.print_exc()
            self.signals.failed.emit(self.generation, error_text(exc))
            return
        self.signals.finished.emit(self.generation, result)


class Runner(QObject):
    """Starts jobs of one kind and forwards only the newest generation's results."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.generation = 0
        self.busy = 0
        self.latest_only = True  # False: every job's result counts (media reads merge into a cache)
        self._pool = pool or QThreadPool.globalInstance()
        # Not parented: a job still running when the window is destroyed keeps its own reference
        # and emits into the void instead of into a deleted C++ object.
        self._signals = JobSignals()
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)

    def start(self, fn: Callable[..., Any], *, progress: bool = False, priority: int = 0) -> int:
        """Queue `fn`; a higher `priority` jumps ahead of queued jobs (a re-check before thumbnails)."""
        self.generation += 1
        self.busy += 1
        self._pool.start(Job(self.generation, fn, self._signals, progress=progress), priority)
        return self.generation

    def _on_progress(self, gen: int, done: int, total: int) -> None:
        if gen == self.generation or not self.latest_only:
            self.progress.emit(done, total)

    def _on_finished(self, gen: int, result: object) -> None:
        self.busy -= 1
        if gen == self.generation or not self.latest_only:
            self.finished.emit(result)

    def _on_failed(self, gen: int, message: str) -> None:
        self.busy -= 1
        if gen == self.generation or not self.latest_only:
            self.failed.emit(message)

    @property
    def idle(self) -> bool:
        return self.busy == 0
