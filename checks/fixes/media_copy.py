"""A labelled / GPS-stripped copy of one media file for the desktop app's fixes.

The copy is named `<name>-preflight<suffix>` in the chosen folder; the original is only read.
Re-fixing a copy is done from its original with every fix merged (`DraftSession` remembers which
original a copy came from), so a second label is never stamped on top of the first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checks.fixes.planner import MediaJob


def copy_name(src: Path, out_dir: Path) -> Path:
    return out_dir / f"{src.stem.removesuffix('-preflight')}-preflight{src.suffix}"


def export_copy(src: Path, out_dir: Path, job: MediaJob, facts: Any = None, platform: str | None = None) -> Path:
    """Write the copy of `src` carrying `job` into `out_dir`; returns the path written."""
    from checks.fixes.media_export import export_media

    out_dir.mkdir(parents=True, exist_ok=True)
    dst = copy_name(src, out_dir)
    if src.resolve() == dst.resolve():
        raise ValueError(f"{src}: the copy would replace the file itself")
    written = export_media(
        src,
        dst,
        visible_label=job.visible_label,
        implicit_label=job.implicit_label,
        strip_gps=job.strip_gps,
        facts=facts,
        **({"platform": platform} if platform else {}),  # the label where the platform leaves it visible
    )
    return Path(written or dst)
