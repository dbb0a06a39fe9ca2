"""Media facts cached by (path, size, mtime_ns), in memory and on disk.

The GUI re-checks a draft on every keystroke and an MCN audit reads the same photos across many
drafts; reading a file once per change is enough. The disk cache lives under
`checks.settings.cache_dir()/media-v<N>` — versioned so a reader change never serves stale facts,
and safe to delete at any time. Entries are written temp-then-rename, so a crash leaves either the
old entry or none; a damaged entry is ignored.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import tempfile
import threading
from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from checks import __version__
from checks.model import AigcLabel, C2paInfo, Evidence, Gps, MediaFacts, Provenance, TextLine

CACHE_VERSION = 4
MAX_ENTRIES = 50_000  # ~50 MB of JSON; the oldest half goes when exceeded
Key = tuple[str, int, int]

_memory: dict[Key, MediaFacts] = {}
_lock = threading.Lock()


@functools.cache
def code_fingerprint() -> str:
    """Readers change during development and upgrades; facts read by other code are not reused."""
    here = Path(__file__).resolve().parent
    parts = []
    for src in sorted([*here.glob("*.py"), here.parent / "model.py"]):
        with contextlib.suppress(OSError):
            st = src.stat()
            parts.append(f"{src.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]


def folder() -> Path:
    from checks.settings import cache_dir

    return cache_dir() / f"media-v{CACHE_VERSION}-{__version__}-{code_fingerprint()}"


def _file(key: Key) -> Path:
    digest = hashlib.sha1(repr(key).encode("utf-8")).hexdigest()
    return folder() / digest[:2] / f"{digest}.json"


def get(key: Key) -> MediaFacts | None:
    with _lock:
        hit = _memory.get(key)
    if hit is not None:
        return hit
    try:
        facts = from_dict(json.loads(_file(key).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, KeyError):
        return None
    with _lock:
        _memory[key] = facts
    return facts


@functools.cache
def _prune_old() -> None:
    """Once per process: drop other reader versions' entries and keep the cache bounded."""
    current = folder()
    with contextlib.suppress(OSError):
        for old in current.parent.glob("media-v*"):
            if old != current and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
    with contextlib.suppress(OSError):
        entries = [
            (e.stat().st_mtime, e.path)
            for sub in os.scandir(current)
            if sub.is_dir()
            for e in os.scandir(sub)
        ]
        if len(entries) > MAX_ENTRIES:
            for _mtime, path in sorted(entries)[: len(entries) - MAX_ENTRIES // 2]:
                with contextlib.suppress(OSError):
                    os.unlink(path)


def put(key: Key, facts: MediaFacts, *, disk: bool = True) -> None:
    with _lock:
        _memory[key] = facts
    if not disk:
        return
    _prune_old()
    target = _file(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(to_dict(facts), fh, ensure_ascii=False)
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)


def clear_memory() -> None:
    with _lock:
        _memory.clear()


def to_dict(facts: MediaFacts) -> dict[str, Any]:
    d = {f.name: getattr(facts, f.name) for f in fields(MediaFacts)}
    d["capture_time"] = facts.capture_time.isoformat() if facts.capture_time else None
    d["gps"] = asdict(facts.gps) if facts.gps else None
    d["evidence"] = [{**asdict(e), "points_to": str(e.points_to)} for e in facts.evidence]
    d["aigc_label"] = asdict(facts.aigc_label) if facts.aigc_label else None
    d["c2pa"] = asdict(facts.c2pa) if facts.c2pa else None
    d["provenance"] = str(facts.provenance)
    d["text"] = [asdict(line) for line in facts.text]
    return d


def from_dict(d: dict[str, Any]) -> MediaFacts:
    d = dict(d)
    d["capture_time"] = datetime.fromisoformat(d["capture_time"]) if d.get("capture_time") else None
    d["gps"] = Gps(**d["gps"]) if d.get("gps") else None
    d["evidence"] = tuple(
        Evidence(**{**e, "points_to": Provenance(e["points_to"])}) for e in d.get("evidence") or ()
    )
    d["aigc_label"] = AigcLabel(**d["aigc_label"]) if d.get("aigc_label") else None
    if d.get("c2pa"):
        info: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in d["c2pa"].items()}
        d["c2pa"] = C2paInfo(**info)
    d["provenance"] = Provenance(d.get("provenance") or "unknown")
    d["text"] = tuple(TextLine(**{**t, "box": tuple(t["box"])}) for t in d.get("text") or ())
    known = {f.name for f in fields(MediaFacts)}
    return MediaFacts(**{k: v for k, v in d.items() if k in known})
