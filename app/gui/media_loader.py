"""Reading media off the UI thread: facts first (the check needs them), thumbnails after.

Facts for all new files are read in one worker job with progress; as soon as they arrive the
window re-checks. Thumbnails (decoding a 50 MP photo or a video frame takes a while) are then made
one file per job across the pool and delivered one by one, so the strip fills in without ever
holding up the findings. Both are cached by (path, size, mtime): an unchanged file is read once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QThread, QThreadPool, Signal
from PySide6.QtGui import QImage

from app.gui import services
from app.gui.worker import Runner
from checks.model import MediaFacts

Key = tuple[str, int, int]


class MediaLoader(QObject):
    facts_ready = Signal()
    thumb_ready = Signal(object)  # Key
    progress = Signal(int, int)
    failed = Signal(str)

    def __init__(self, thumb_side: int, parent: QObject | None = None):
        super().__init__(parent)
        self.side = thumb_side
        self.facts: dict[Key, MediaFacts] = {}
        self.thumbs: dict[Key, QImage] = {}
        self.reading: set[Key] = set()
        self.thumbing: set[Key] = set()
        self.facts_runner = Runner(self)
        self.facts_runner.latest_only = False
        self.facts_runner.progress.connect(self.progress)
        self.facts_runner.finished.connect(self._on_facts)
        self.facts_runner.failed.connect(self._on_failed)
        # Thumbnails get their own pool, one thread short of the machine, so a re-check or a
        # facts read always finds a free thread even while a hundred thumbnails are queued.
        self.thumb_pool = QThreadPool(self)
        self.thumb_pool.setMaxThreadCount(max(1, QThread.idealThreadCount() - 1))
        self.thumb_runner = Runner(self, pool=self.thumb_pool)
        self.thumb_runner.latest_only = False
        self.thumb_runner.finished.connect(self._on_thumb)

    @property
    def busy(self) -> bool:
        return bool(self.reading)

    def read(self, keys: list[Key]) -> int:
        """Start reading the facts of `keys` not read or being read; returns how many started."""
        missing = [k for k in dict.fromkeys(keys) if k not in self.facts and k not in self.reading]
        if missing:
            self.reading.update(missing)
            paths = [Path(k[0]) for k in missing]

            def job(progress):
                return dict(zip(missing, services.read_facts(paths, on_progress=progress), strict=True))

            self.facts_runner.start(job, progress=True, priority=5)
        return len(missing)

    def _on_facts(self, result: dict[Key, MediaFacts]) -> None:
        self.facts.update(result)
        self.reading.difference_update(result)
        self.facts_ready.emit()
        for key in result:
            self._thumb(key)

    def _thumb(self, key: Key) -> None:
        if key in self.thumbs or key in self.thumbing:
            return
        self.thumbing.add(key)
        side = self.side
        self.thumb_runner.start(lambda: (key, services.thumbnail_png(Path(key[0]), side)))

    def _on_thumb(self, result: tuple[Key, bytes | None]) -> None:
        key, png = result
        self.thumbing.discard(key)
        if png:
            self.thumbs[key] = QImage.fromData(QByteArray(png))
            self.thumb_ready.emit(key)

    def _on_failed(self, message: str) -> None:
        self.reading.clear()
        self.failed.emit(message)
