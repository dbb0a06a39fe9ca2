"""The registry contract: magic bytes decide the format, every failure is a named error, order is
kept, facts are cached by (path, size, mtime) — and the CLI prints one JSON object per file."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PIL import Image

import checks.media as media
from checks.media import cache, read_media, read_one


def jpeg(path: Path, size: tuple[int, int] = (32, 24)) -> Path:
    Image.new("RGB", size, "blue").save(path, "JPEG")
    return path


def test_failures_are_named_errors_not_exceptions(tmp_path: Path) -> None:
    good = jpeg(tmp_path / "good.jpg")
    data = good.read_bytes()
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 2])
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "notes.xyz").write_bytes(b"hello world, not media")
    (tmp_path / "fake.png").write_bytes(b"\x00" * 100)
    (tmp_path / "photo.heic").write_bytes(data)
    (tmp_path / "head.jpg").write_bytes(b"\xff\xd8\xff\xe1\xff\xff")
    names = [
        "cut.jpg",
        "empty.png",
        "notes.xyz",
        "fake.png",
        "photo.heic",
        "head.jpg",
        "missing.jpg",
        "good.jpg",
    ]
    facts = read_media([tmp_path / n for n in names], use_cache=False)
    errors = {Path(f.path).name: f.error for f in facts}
    assert [Path(f.path).name for f in facts] == names
    assert errors["cut.jpg"].startswith("truncated JPEG")
    assert errors["empty.png"] == "empty file (0 bytes)"
    assert errors["notes.xyz"] == "unsupported format .xyz"
    assert errors["fake.png"] == "not a PNG file (unrecognised data)"
    assert errors["photo.heic"] is None  # misnamed but readable: a note, not a failure
    assert errors["head.jpg"].startswith("truncated JPEG")
    assert errors["missing.jpg"] == "file not found"
    assert errors["good.jpg"] is None
    heic = next(f for f in facts if f.path.endswith("photo.heic"))
    assert heic.format == "jpeg" and heic.width == 32  # read by its real format
    assert any(e.marker == "file:extension" and "JPEG data" in e.detail for e in heic.evidence)


def test_size_limit(tmp_path: Path, monkeypatch) -> None:
    path = jpeg(tmp_path / "big.jpg")
    monkeypatch.setattr(media, "MAX_IMAGE_BYTES", 100)
    (f,) = read_media([path], use_cache=False)
    assert f.error.startswith("too large:")


def test_pixel_bomb_header_is_refused_without_decoding(tmp_path: Path) -> None:
    path = jpeg(tmp_path / "bomb.jpg")
    data = bytearray(path.read_bytes())
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = (60000).to_bytes(2, "big") + (60000).to_bytes(2, "big")
    path.write_bytes(bytes(data))
    (f,) = read_media([path], use_cache=False)
    assert f.error.startswith("too many pixels: 60000×60000")


def test_cache_hits_until_the_file_changes(tmp_path: Path, monkeypatch) -> None:
    path = jpeg(tmp_path / "a.jpg")
    cache.clear_memory()
    first = read_one(path)
    calls = []
    real = media._read_uncached
    monkeypatch.setattr(media, "_read_uncached", lambda *a: calls.append(a) or real(*a))
    cache.clear_memory()  # the disk cache alone must answer
    again = read_one(path)
    assert again == first and calls == []
    jpeg(path, size=(40, 30))
    os.utime(path, ns=(1, 1))
    changed = read_one(path)
    assert calls and changed.width == 40
    assert list(cache.folder().rglob("*.json"))


def test_path_is_kept_as_given_and_order_with_many_workers(tmp_path: Path) -> None:
    paths = [jpeg(tmp_path / f"p{i}.jpg", size=(10 + i, 10)) for i in range(12)]
    facts = read_media([str(p) for p in paths], jobs=4)
    assert [f.path for f in facts] == [str(p) for p in paths]
    assert [f.width for f in facts] == [10 + i for i in range(12)]


def test_progress_callback_counts_every_file(tmp_path: Path) -> None:
    paths = [jpeg(tmp_path / f"p{i}.jpg") for i in range(3)]
    seen: list[tuple[int, int]] = []
    read_media(paths, on_progress=lambda i, n: seen.append((i, n)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_cli_media_json_lists_one_object_per_file(tmp_path: Path, capsys) -> None:
    from app.cli import main

    good = jpeg(tmp_path / "good.jpg")
    code = main(["media", "--format", "json", str(good), str(tmp_path / "gone.png")])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and len(out) == 2
    assert out[0]["error"] is None and out[0]["format"] == "jpeg" and out[0]["provenance"] == "unknown"
    assert out[1]["error"] == "file not found"


def test_cli_media_text_is_in_the_ui_language(tmp_path: Path, capsys) -> None:
    from app.cli import main

    good = jpeg(tmp_path / "good.jpg")
    assert main(["media", "--lang", "en", str(good), str(tmp_path / "gone.png")]) == 0
    out = capsys.readouterr().out
    assert "provenance   Unknown" in out and "error        file not found" in out
    assert main(["media", str(good)]) == 0
    assert "来源判断" in capsys.readouterr().out


def test_motion_photo_with_video_after_the_jpeg_is_not_truncated(tmp_path: Path) -> None:
    """Google/Samsung motion photos append an MP4 after the JPEG's end marker."""
    still = jpeg(tmp_path / "still.jpg")
    trailer = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 400  # > 64 KB, no FF D9 inside
    assert b"\xff\xd9" not in trailer
    motion = tmp_path / "PXL_20261103_142205.MP.jpg"
    motion.write_bytes(still.read_bytes() + trailer)
    (f,) = read_media([motion], use_cache=False)
    assert f.error is None and f.width == 32


def test_disk_cache_is_bounded(tmp_path: Path, monkeypatch) -> None:
    paths = [jpeg(tmp_path / f"c{i}.jpg", size=(8 + i, 8)) for i in range(6)]
    read_media(paths, use_cache=True)
    monkeypatch.setattr(cache, "MAX_ENTRIES", 4)
    cache._prune_old.cache_clear()
    cache.put(("x", 1, 1), read_one(paths[0], use_cache=False))
    assert len(list(cache.folder().rglob("*.json"))) <= 4
