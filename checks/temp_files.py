"""Temp files beside their targets, named so Preflight can find its own after a crash.

Every save writes a temp file and renames it into place (checks/draft.py `atomic_write`, fixed
media, video exports). A save killed with kill -9 or a power cut leaves that temp file behind; after
750 kills that was 185 files and 895 MB. Each temp name carries `.pftmp-`, so `clean_stale_temps`
can remove exactly those — never a file of the creator's — once nothing has written to them for
`STALE_AFTER` seconds (a save in progress in another process is left alone).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

TEMP_MARK = ".pftmp-"  # every temp file Preflight makes has this in its name, so it can find its own
_OUR_TEMP = re.compile(r"^\.(?P<name>.+?)\.pftmp-[A-Za-z0-9_]{8}(?:\.[A-Za-z0-9]{1,8})?$")
_OLD_TEMP = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")  # atomic_write's naming before 0.2
STALE_AFTER = 120.0  # seconds without a write: its writer is gone (killed), not slow


def new_temp(target: Path, *, keep_suffix: bool = False) -> tuple[int, str]:
    """A temp file beside `target`, named so `clean_stale_temps` recognises it after a crash.

    `keep_suffix` ends the name with the target's suffix (video muxers choose the container by it).
    """
    stem = target.stem if keep_suffix else target.name
    return tempfile.mkstemp(
        prefix=f".{stem}{TEMP_MARK}", suffix=target.suffix if keep_suffix else ".tmp", dir=target.parent
    )


def clean_stale_temps(folder: str | os.PathLike[str], name: str | None = None) -> int:
    """Delete temp files of our own naming in `folder` left by a killed save; returns how many.

    Only names Preflight makes are touched, and only when nothing has written to them for
    `STALE_AFTER` seconds, so a save in progress in another process is never disturbed. With
    `name`, only the temps of that one target (cheap enough to run before every save).
    """
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        m = _OUR_TEMP.match(entry.name) or _OLD_TEMP.match(entry.name)
        if not m or (name is not None and not (m["name"] == name or m["name"] == Path(name).stem)):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_AFTER:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed
