"""Media readers: one adapter module per format family, each returning `MediaFacts`.

(Stub: replaced by the media-reader work.) `read_media` never raises for a bad file: the
problem becomes `MediaFacts.error`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from checks.model import MediaFacts

VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".3gp"}


def read_one(path: str | Path) -> MediaFacts:
    p = Path(path)
    kind = "video" if p.suffix.lower() in VIDEO_SUFFIXES else "photo"
    if not p.exists():
        return MediaFacts(path=str(path), kind=kind, error="file not found")
    return MediaFacts(path=str(path), kind=kind, size_bytes=p.stat().st_size)


def read_media(
    paths: Sequence[str | Path],
    *,
    jobs: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[MediaFacts]:
    out = []
    for i, p in enumerate(paths, 1):
        out.append(read_one(p))
        if on_progress:
            on_progress(i, len(paths))
    return out
