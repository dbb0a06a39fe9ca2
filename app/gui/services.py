"""The engine entry points the window uses, imported lazily and looked up by name.

Colleagues land parts of the engine (thumbnails, fix engine, HTML report, pack store) while the
app is built; `optional()` lets a menu action be disabled with a tooltip until its piece exists,
instead of the whole window failing to start. Nothing here decides anything about rules.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from importlib import import_module
from pathlib import Path
from typing import Any

from checks.model import Draft, MediaFacts

MEDIA_SUFFIXES = {
    ".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".avif", ".tif", ".tiff", ".gif", ".bmp",
    ".mp4", ".mov", ".m4v", ".3gp",
}  # fmt: skip
VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".3gp"}


def optional(module: str, name: str) -> Any | None:
    """`module.name` if that part of the engine exists yet, else None."""
    try:
        return getattr(import_module(module), name, None)
    except Exception:
        return None


def available(module: str) -> bool:
    """Whether a part of the engine is installed, without importing it (keeps start-up fast)."""
    from importlib.util import find_spec

    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def media_key(path: Path) -> tuple[str, int, int]:
    """Facts are reused while a file is unchanged (same path, size and modification time)."""
    try:
        st = path.stat()
        return (str(path), st.st_size, st.st_mtime_ns)
    except OSError:
        return (str(path), -1, -1)


def read_facts(
    paths: Sequence[Path], on_progress: Callable[[int, int], None] | None = None
) -> list[MediaFacts]:
    from checks.media import read_media

    return list(read_media(list(paths), on_progress=on_progress))


def facts_for_draft(
    draft: Draft, cache: dict[tuple[str, int, int], MediaFacts]
) -> tuple[MediaFacts, ...] | None:
    """The draft's media facts from the cache, named as the draft names them; None if any is unread."""
    out = []
    for i, name in enumerate(draft.media):
        facts = cache.get(media_key(draft.media_path(i)))
        if facts is None:
            return None
        out.append(replace(facts, path=name))
    return tuple(out)


def load_packset(extra: Sequence[str]) -> Any:
    from checks.packs import load_packs

    return load_packs(list(extra))


def run_check(draft: Draft, lang: str, media: Sequence[MediaFacts], packs: Any) -> Any:
    from checks.engine import check_draft

    return check_draft(draft, lang=lang, packs=packs, media=media)


def thumbnail_png(path: Path, side: int) -> bytes | None:
    """A PNG thumbnail (first frame for video) from the engine's thumbnail module; None when the
    file cannot be decoded (the tile then shows a placeholder). Qt's own readers stand in only
    when that module is absent."""
    fn = optional("checks.media.thumbnail", "thumbnail_png_bytes")
    if fn is not None:
        try:
            data = fn(path, side)
        except Exception:
            return None
        return bytes(data) if data else None
    if path.suffix.lower() in VIDEO_SUFFIXES:
        return None
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > side:
        size.scale(side, side, Qt.AspectRatioMode.KeepAspectRatio)
        reader.setScaledSize(size)
    image = reader.read()
    if image.isNull():
        return None
    buf = QByteArray()
    dev = QBuffer(buf)
    dev.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(dev, "PNG")
    return bytes(buf.data())


def expand_media(paths: Sequence[str]) -> list[Path]:
    """Dropped files and folders → media files (a folder contributes its media, sorted by name)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, _dirs, files in os.walk(p):
                for f in sorted(files):
                    if Path(f).suffix.lower() in MEDIA_SUFFIXES and not f.startswith("."):
                        out.append(Path(root) / f)
        elif p.suffix.lower() in MEDIA_SUFFIXES:
            out.append(p)
    return out
