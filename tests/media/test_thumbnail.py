"""Thumbnails on real bytes: photos written by Pillow here, videos encoded with PyAV, the corpus."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from checks.media.thumbnail import thumbnail, thumbnail_png_bytes


def photo(
    tmp_path: Path, name: str, size: tuple[int, int] = (800, 400), fmt: str | None = None, **save
) -> Path:
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))  # left half blue: shows orientation
    p = tmp_path / name
    image.save(p, format=fmt, **save)
    return p


@pytest.mark.parametrize(
    ("name", "fmt"), [("a.jpg", "JPEG"), ("a.png", "PNG"), ("a.webp", "WEBP"), ("a.tif", "TIFF")]
)
def test_photo_formats_shrink_to_max_side(tmp_path: Path, name: str, fmt: str) -> None:
    im = thumbnail(photo(tmp_path, name, fmt=fmt), 128)
    assert im is not None and max(im.size) == 128 and im.size[0] == 128
    assert im.mode in ("RGB", "RGBA")


def test_heic_photo(tmp_path: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    p = tmp_path / "a.heic"
    pillow_heif.from_pillow(Image.new("RGB", (640, 320), (10, 120, 10))).save(p, quality=60)
    im = thumbnail(p, 64)
    assert im is not None and im.size == (64, 32)


def test_heic_embedded_preview_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    p = tmp_path / "b.heic"
    pillow_heif.from_pillow(Image.new("RGB", (1200, 800), (10, 120, 10))).save(
        p, quality=50, thumbnails=[320]
    )

    def no_full_decode(*args: object, **kwargs: object) -> None:
        raise AssertionError("the full image was decoded")

    monkeypatch.setattr(Image, "open", no_full_decode)
    im = thumbnail(p, 256)
    assert im is not None and im.size[0] == 256 and 169 <= im.size[1] <= 171
    assert thumbnail(p, 640) is None  # preview too small → full decode, which is disabled here


def test_exif_orientation_is_honoured(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, displayed rotated 90° clockwise
    p = photo(tmp_path, "rot.jpg", fmt="JPEG", exif=exif.tobytes())
    im = thumbnail(p, 100)
    assert im.size == (50, 100)
    r, _, b = im.getpixel((25, 5))
    assert b > r  # the blue left half is now on top


def test_alpha_is_kept(tmp_path: Path) -> None:
    p = tmp_path / "alpha.png"
    Image.new("RGBA", (300, 300), (0, 0, 0, 0)).save(p)
    im = thumbnail(p, 50)
    assert im.mode == "RGBA" and im.getpixel((10, 10))[3] == 0


def test_png_bytes_round_trip(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = "Maker"
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = thumbnail_png_bytes(photo(tmp_path, "a.jpg", fmt="JPEG", exif=exif.tobytes(), icc_profile=icc), 64)
    assert data is not None and data.startswith(b"\x89PNG")
    assert Image.open(io.BytesIO(data)).size == (64, 32)
    assert b"iCCP" not in data and b"eXIf" not in data and b"tEXt" not in data


@pytest.mark.parametrize(
    "content",
    [b"", b"not an image at all", b"\xff\xd8\xff\xe0" + bytes(50), b"\x89PNG\r\n\x1a\n" + bytes(30)],
)
def test_unreadable_files_give_none(tmp_path: Path, content: bytes) -> None:
    for name in ("x.jpg", "x.png", "x.mp4", "x.heic"):
        p = tmp_path / name
        p.write_bytes(content)
        assert thumbnail(p) is None
        assert thumbnail_png_bytes(p) is None
    assert thumbnail(tmp_path / "missing.jpg") is None
    assert thumbnail(tmp_path) is None


def test_decompression_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = photo(tmp_path, "big.png", size=(400, 400), fmt="PNG")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)
    assert thumbnail(p) is None


def encode_video(path: Path, size: tuple[int, int] = (96, 64)) -> Path:
    av = pytest.importorskip("av")
    import numpy as np

    with av.open(str(path), "w") as out:
        stream = out.add_stream("mpeg4", rate=10)
        stream.width, stream.height = size
        for i in range(5):
            pixels = np.zeros((size[1], size[0], 3), dtype=np.uint8)
            pixels[:, :, 1] = 200 if i == 0 else 0  # the first frame is green
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def test_video_first_frame(tmp_path: Path) -> None:
    im = thumbnail(encode_video(tmp_path / "v.mp4"), 48)
    assert im is not None and im.size == (48, 32)
    r, g, b = im.getpixel((24, 16))
    assert g > 150 and r < 60 and b < 60


def test_corpus_thumbnails(corpus: Path) -> None:
    readable = [
        "camera-gps/Apple_iPhone_4.jpg",
        "video/with-gps.mov",
        "video/sample.3gp",
        "ai-png/comfyui.png",
    ]
    for rel in readable:
        if (corpus / rel).exists():
            im = thumbnail(corpus / rel, 96)
            assert im is not None and max(im.size) <= 96, rel
    portrait = thumbnail(corpus / "video" / "with-gps.mov", 96)
    assert portrait.size[1] > portrait.size[0]  # display matrix: shot in portrait
    for p in sorted((corpus / "corrupt").iterdir()):
        started = time.perf_counter()
        thumbnail(p, 96)  # may be None or an image; it must not raise or hang
        assert time.perf_counter() - started < 5, p.name
