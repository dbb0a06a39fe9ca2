"""Crash recovery and one running window per draft.

Each open draft has its own autosave in data_dir()/autosave/, named after the draft's path (a new
draft after the window's process), written a few seconds after the user stops typing and removed
on a clean save or close. Beside it sits a lock file holding the owning process id: a second
window refuses to open a draft whose lock belongs to a live process, and never offers to "restore"
an autosave a running window still owns. A lock left by a killed process is stale and is taken
over. No Qt here: the files are plain TOML/JSON so restoring needs no special format.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from checks.draft import DraftError, atomic_write, draft_from_dict, dumps_draft
from checks.model import Draft
from checks.settings import data_dir


@dataclass(frozen=True)
class Recovered:
    draft: Draft
    source: Path | None  # the file the user was editing, None for a new draft
    saved_at: float
    key: str = ""


def folder() -> Path:
    return data_dir() / "autosave"


def key_for(source: Path | None) -> str:
    """One name per draft file; a never-saved draft is named after the process editing it."""
    if source is None:
        return f"untitled-{os.getpid()}"
    return hashlib.sha1(str(Path(source).resolve()).encode("utf-8")).hexdigest()[:16]


def _files(key: str) -> tuple[Path, Path]:
    return folder() / f"{key}.toml", folder() / f"{key}.json"


def lock_file(key: str) -> Path:
    return folder() / f"{key}.lock"


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, owned by someone else
    return True


def lock_owner(key: str) -> int | None:
    """The live process holding `key`'s lock, or None (no lock, or a stale one)."""
    try:
        pid = int(lock_file(key).read_text(encoding="ascii").strip() or 0)
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


def held_elsewhere(source: Path | None) -> bool:
    owner = lock_owner(key_for(source))
    return owner is not None and owner != os.getpid()


def acquire(source: Path | None) -> bool:
    """Take the draft's lock for this process; False when another live window holds it."""
    key = key_for(source)
    owner = lock_owner(key)
    if owner is not None and owner != os.getpid():
        return False
    try:
        atomic_write(lock_file(key), str(os.getpid()))
    except OSError:
        return True  # a read-only data folder must not stop the user from editing
    return True


def release(source: Path | None) -> None:
    key = key_for(source)
    if lock_owner(key) == os.getpid():
        try:
            lock_file(key).unlink()
        except OSError:
            pass


def write(draft: Draft, source: Path | None) -> Path:
    absolute = draft.with_changes(media=tuple(str(draft.media_path(i)) for i in range(len(draft.media))))
    key = key_for(source)
    toml_file, note_file = _files(key)
    atomic_write(toml_file, dumps_draft(absolute, inline_account=True))
    atomic_write(note_file, json.dumps({"source": str(source) if source else None, "saved_at": time.time()}))
    return toml_file


def clear(source: Path | None = None, *, key: str | None = None) -> None:
    for f in _files(key or key_for(source)):
        try:
            f.unlink()
        except OSError:
            pass


def pending() -> Recovered | None:
    """The newest autosave worth offering, or None. Skipped: damaged ones, ones older than their
    saved draft, and ones whose draft is open in a running window (its lock is live)."""
    import tomllib

    found: list[Recovered] = []
    for note_file in folder().glob("*.json") if folder().is_dir() else ():
        key = note_file.stem
        toml_file = note_file.with_suffix(".toml")
        try:
            note = json.loads(note_file.read_text(encoding="utf-8"))
            data = tomllib.loads(toml_file.read_text(encoding="utf-8"))
            source = Path(note["source"]) if note.get("source") else None
            saved_at = float(note.get("saved_at", 0))
            draft = draft_from_dict(data, None)
        except (OSError, ValueError, KeyError, DraftError, tomllib.TOMLDecodeError):
            continue
        owners = {lock_owner(key), lock_owner(key_for(source)) if source is not None else None}
        if owners - {None, os.getpid()}:
            continue  # another running window still has this draft open
        if source is not None:
            try:
                if source.stat().st_mtime >= saved_at:
                    continue
            except OSError:
                pass  # the draft file vanished: the autosave is all there is
        found.append(
            Recovered(draft=draft.with_changes(path=source), source=source, saved_at=saved_at, key=key)
        )
    return max(found, key=lambda r: r.saved_at, default=None)
