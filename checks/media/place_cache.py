"""Gazetteer answers remembered on disk: GPS point → place name, per gazetteer version.

A photo's place is looked up outside the media cache, because the gazetteer may change while the
bytes do not. But the lookup loads the whole gazetteer (tens of thousands of divisions and world
points) — most of the time of a warm `preflight media` or `preflight check`, for a name that
was known the last time. This memo keeps the answers in one small JSON file whose name carries a
fingerprint of the gazetteer's code and tables, so a new gazetteer starts an empty memo and
stale names are never served. Written temp-then-rename; a damaged file is an empty memo.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

MAX_ENTRIES = 20_000  # ~1 MB; past this the memo starts again rather than grow without bound

_lock = threading.Lock()
_memo: dict[str, str | None] | None = None
_loaded_from: Path | None = None


@functools.cache
def fingerprint() -> str:
    """Size and mtime of the gazetteer's code and tables: any change gives a new memo."""
    from checks import resources

    here = Path(__file__).resolve().parent.parent / "geo"
    parts = []
    for src in sorted([*here.glob("*.py"), *resources.path("geo").glob("*")]):
        with contextlib.suppress(OSError):
            st = src.stat()
            parts.append(f"{src.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]


def _file() -> Path:
    from checks.settings import cache_dir

    return cache_dir() / f"places-{fingerprint()}.json"


def _key(lat: float, lon: float) -> str:
    return f"{lat!r},{lon!r}"  # exact: two fixes a metre apart may lie on either side of a border


def _load() -> dict[str, str | None]:
    global _memo, _loaded_from
    file = _file()
    if _memo is None or _loaded_from != file:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            _memo = {k: v for k, v in data.items() if isinstance(k, str) and (v is None or isinstance(v, str))}
        except (OSError, ValueError, AttributeError):
            _memo = {}
        _loaded_from = file
    return _memo


def place(lat: float, lon: float, lookup: Callable[[float, float], str | None]) -> str | None:
    """The remembered name for (lat, lon), or `lookup(lat, lon)` remembered for next time."""
    key = _key(lat, lon)
    with _lock:
        memo = _load()
        if key in memo:
            return memo[key]
    name = lookup(lat, lon)  # outside the lock: the first lookup loads the gazetteer
    with _lock:
        memo = _load()
        if len(memo) >= MAX_ENTRIES:
            memo.clear()
        memo[key] = name
        _save(memo)
    return name


@functools.cache
def _prune_old(current: Path) -> None:
    """Once per process and memo: the memos of other gazetteer versions go."""
    with contextlib.suppress(OSError):
        for old in current.parent.glob("places-*.json"):
            if old != current:
                old.unlink(missing_ok=True)


def _save(memo: dict[str, str | None]) -> None:
    from checks.temp_files import new_temp

    target = _file()
    _prune_old(target)
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = new_temp(target)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(memo, fh, ensure_ascii=False)
        os.replace(tmp, target)
    except OSError:  # a read-only cache only costs the next run a gazetteer load
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def forget() -> None:
    """Drop the in-memory copy (tests; the file stays)."""
    global _memo, _loaded_from
    with _lock:
        _memo, _loaded_from = None, None
