"""Video copies: label burned into the opening seconds, AIGC key in metadata, location dropped."""

from __future__ import annotations

import json
from pathlib import Path

import av
import numpy as np
import pytest
from fix_helpers import video

from checks.fixes.media_export import export_media
from checks.fixes.video import LABEL_SECONDS, VISIBLE_KEY


def frame_at(path: Path, t: float) -> np.ndarray:
    with av.open(str(path)) as c:
        for frame in c.decode(video=0):
            if frame.time is not None and frame.time >= t:
                return frame.to_ndarray(format="rgb24")
    raise AssertionError(f"no frame at {t}s")


def plate_height(before: np.ndarray, after: np.ndarray) -> int:
    diff = np.abs(before.astype(int) - after.astype(int)).max(axis=2)
    rows = np.nonzero((diff > 60).any(axis=1))[0]
    return 0 if not len(rows) else int(rows.max() - rows.min() + 1)


def test_video_copy_has_visible_label_for_the_opening_and_metadata(tmp_path: Path) -> None:
    src = video(tmp_path / "clip.mp4", seconds=4.0)
    out = export_media(
        src,
        tmp_path / "o" / "clip.mp4",
        visible_label="AI生成",
        implicit_label=True,
        strip_gps=True,
        facts=None,
    )
    with av.open(str(out)) as c:
        meta = dict(c.metadata)
        assert [s.type for s in c.streams] == ["video", "audio"]
        assert c.streams.audio[0].codec_context.name == "aac"
        assert c.duration / 1e6 == pytest.approx(4.0, abs=0.3)
    assert json.loads(meta["AIGC"])["Label"] == "1"
    assert meta[VISIBLE_KEY] == "AI生成"
    assert "com.apple.quicktime.location.ISO6709" not in meta
    assert meta.get("com.apple.quicktime.creationdate", "").startswith("2026-11-03")
    for t in (0.0, 1.0, 2.0):
        assert plate_height(frame_at(src, t), frame_at(out, t)) >= 0.05 * 240, t
    late = LABEL_SECONDS + 0.5
    assert plate_height(frame_at(src, late), frame_at(out, late)) < 0.05 * 240


def test_metadata_only_video_copy_is_remuxed_not_reencoded(tmp_path: Path) -> None:
    src = video(tmp_path / "clip.mp4", seconds=1.0)
    out = export_media(
        src, tmp_path / "o" / "clip.mp4", visible_label=None, implicit_label=False, strip_gps=True, facts=None
    )
    with av.open(str(src)) as a, av.open(str(out)) as b:
        pa = [bytes(p) for p in a.demux(video=0) if p.size]
        pb = [bytes(p) for p in b.demux(video=0) if p.size]
        assert pa == pb
        assert "com.apple.quicktime.location.ISO6709" not in b.metadata


@pytest.mark.skipif(__import__("shutil").which("exiftool") is None, reason="exiftool not installed")
def test_exiftool_reads_the_video_label(tmp_path: Path) -> None:
    import subprocess

    src = video(tmp_path / "clip.mp4", seconds=1.0)
    out = export_media(
        src,
        tmp_path / "o" / "clip.mp4",
        visible_label="AI生成",
        implicit_label=True,
        strip_gps=True,
        facts=None,
    )
    tags = json.loads(
        subprocess.run(
            ["exiftool", "-j", "-G1", "-a", str(out)], capture_output=True, text=True, check=True
        ).stdout
    )[0]
    assert json.loads(tags["Keys:AIGC"])["Label"] == "1"
    assert not any("GPS" in k or "Location" in k for k in tags)
