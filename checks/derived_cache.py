"""Data Preflight derives from its own code and bundled resources, built once and kept on disk.

A check of one draft takes a few milliseconds once the built-in pack is parsed and the lexicons
are compiled into automata — but a fresh `preflight check` process paid for both every time
(≈ 0.3 s CPU of a ≈ 0.6 s run). They depend only on the bundled files, the code that builds them
and, for the automata, the lexicons of the packs in force; so the built objects are kept in the
cache folder under a key made of exactly those, and any change to a source file, a resource, the
Preflight or Python version, or a pack's lexicons gives a new key (the old files are pruned).

The files are pickles in the user's own cache folder — trusted exactly as far as the user's
__pycache__ folders are; anything unreadable is rebuilt, never an error. Nothing a user or pack
supplies is cached here except the lexicons that are part of the key.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import checks

T = TypeVar("T")
KEEP = 4  # files kept per name: the built-in pack alone, plus a few combinations with user packs


@functools.cache
def fingerprint() -> str:
    """Size and mtime of every file of the engine's code and bundled resources, with the versions."""
    from checks import resources

    parts = [checks.__version__, sys.version]
    for top in (Path(checks.__file__).resolve().parent, resources.path()):
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                with contextlib.suppress(OSError):
                    st = os.stat(os.path.join(folder, name))
                    parts.append(f"{os.path.relpath(folder, top)}/{name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()


def _folder() -> Path:
    from checks.settings import cache_dir

    return cache_dir() / "derived"


def cached(name: str, key: str, build: Callable[[], T], *, keep: int = KEEP) -> T:
    """`build()`'s result for (`name`, `key`, this code and these resources), from disk when known;
    `keep` files of `name` (the most recently written) are kept."""
    digest = hashlib.sha1(f"{fingerprint()}\n{key}".encode()).hexdigest()[:20]
    file = _folder() / f"{name}-{digest}.pickle"
    try:
        with file.open("rb") as fh:
            value: T = pickle.load(fh)
        return value
    except Exception:  # missing, damaged, or written by other code: rebuild
        pass
    value = build()
    _store(file, name, value, keep)
    return value


def _store(file: Path, name: str, value: object, keep: int) -> None:
    from checks.temp_files import new_temp

    tmp = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = new_temp(file)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, file)
        tmp = None
        old = sorted(file.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[keep:]:
            stale.unlink(missing_ok=True)
    except Exception:  # unpicklable, read-only or full disk: the next process builds it again
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
