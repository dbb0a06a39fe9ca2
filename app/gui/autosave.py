"""Crash recovery: the working draft is written to data_dir()/autosave/ a few seconds after the
user stops typing, and removed on a clean save or close.

On start, an autosave newer than the draft it came from (or one of a never-saved draft) is offered
for restore. The autosave is a normal draft TOML with absolute media paths and an inline account,
plus a small JSON note saying where the draft came from, so restoring needs no special format.
"""

from __future__ import annotations

import json
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


def folder() -> Path:
    return data_dir() / "autosave"


def _files() -> tuple[Path, Path]:
    return folder() / "working.toml", folder() / "working.json"


def write(draft: Draft, source: Path | None) -> Path:
    absolute = draft.with_changes(media=tuple(str(draft.media_path(i)) for i in range(len(draft.media))))
    toml_file, note_file = _files()
    atomic_write(toml_file, dumps_draft(absolute, inline_account=True))
    atomic_write(note_file, json.dumps({"source": str(source) if source else None, "saved_at": time.time()}))
    return toml_file


def clear() -> None:
    for f in _files():
        try:
            f.unlink()
        except OSError:
            pass


def pending() -> Recovered | None:
    """The autosave worth offering, or None (absent, damaged, or older than its saved draft)."""
    import tomllib

    toml_file, note_file = _files()
    try:
        note = json.loads(note_file.read_text(encoding="utf-8"))
        data = tomllib.loads(toml_file.read_text(encoding="utf-8"))
        source = Path(note["source"]) if note.get("source") else None
        saved_at = float(note.get("saved_at", 0))
        draft = draft_from_dict(data, None)
    except (OSError, ValueError, KeyError, DraftError, tomllib.TOMLDecodeError):
        return None
    if source is not None:
        try:
            if source.stat().st_mtime >= saved_at:
                return None
        except OSError:
            pass  # the draft file vanished: the autosave is all there is
    return Recovered(draft=draft.with_changes(path=source), source=source, saved_at=saved_at)
