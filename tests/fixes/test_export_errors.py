"""Bad input and failing disks: a clear one-line error, nothing half-written, originals untouched."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from fix_helpers import ai_png, camera_jpeg, sha, video

from checks.fixes.media_export import MediaExportError, export_media


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_unwritable_output_folder(tmp_path: Path) -> None:
    src = ai_png(tmp_path / "ai.png")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(MediaExportError) as info:
        export_media(
            src, blocker / "ai.png", visible_label=None, implicit_label=True, strip_gps=False, facts=None
        )
    assert "ai.png" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("kind", ["image", "video"])
def test_disk_full_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    src = ai_png(tmp_path / "ai.png") if kind == "image" else video(tmp_path / "v.mp4", seconds=0.5)
    before = sha(src)
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(MediaExportError, match="No space left on device"):
        export_media(
            src, out_dir / src.name, visible_label="AI生成", implicit_label=True, strip_gps=True, facts=None
        )
    assert leftovers(out_dir) == []
    assert sha(src) == before


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR",
        b"just text",
        b"\x00\x00\x00\x18ftypisom",
    ],
)
def test_corrupt_media_is_a_clear_error(tmp_path: Path, payload: bytes) -> None:
    src = tmp_path / "broken.jpg"
    src.write_bytes(payload)
    out_dir = tmp_path / "out"
    with pytest.raises(MediaExportError) as info:
        export_media(
            src,
            out_dir / "broken.jpg",
            visible_label="AI生成",
            implicit_label=True,
            strip_gps=True,
            facts=None,
        )
    assert str(info.value).startswith("broken.jpg: ")
    assert leftovers(out_dir) == []


def test_truncated_jpeg_with_visible_label(tmp_path: Path) -> None:
    good = camera_jpeg(tmp_path / "good.jpg")
    src = tmp_path / "cut.jpg"
    src.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    with pytest.raises(MediaExportError, match=r"cut\.jpg"):
        export_media(
            src,
            tmp_path / "o" / "cut.jpg",
            visible_label="AI生成",
            implicit_label=False,
            strip_gps=False,
            facts=None,
        )
    assert leftovers(tmp_path / "o") == []


def test_missing_source(tmp_path: Path) -> None:
    with pytest.raises(MediaExportError, match="cannot read"):
        export_media(
            tmp_path / "nope.png",
            tmp_path / "o.png",
            visible_label=None,
            implicit_label=True,
            strip_gps=False,
            facts=None,
        )
