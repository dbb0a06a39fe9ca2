"""The visible AI label on image copies: GB 45438 §5.2 geometry measured on the pixels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fix_helpers import ai_png, camera_jpeg, scene, webp
from PIL import Image, ImageChops, JpegImagePlugin

from checks.fixes.containers import read_meta
from checks.fixes.media_export import export_media
from checks.fixes.stamp import MIN_SHARE, fit_font, stamp_label


def changed_box(before: Image.Image, after: Image.Image, threshold: int = 40) -> tuple[int, int, int, int]:
    diff = np.asarray(ImageChops.difference(before.convert("RGB"), after.convert("RGB"))).max(axis=2)
    ys, xs = np.nonzero(diff > threshold)
    assert len(xs), "nothing changed"
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def glyph_height(
    image: Image.Image, box: tuple[int, int, int, int], before: Image.Image | None = None
) -> int:
    """Height of the label's white text ink inside the plate (pixels the stamp turned near-white)."""
    after = np.asarray(image.convert("RGB").crop(box)).astype(int)
    white = (after > 160).all(axis=2)  # the plate darkens the background to at most ~105
    if before is not None:
        white &= np.abs(after - np.asarray(before.convert("RGB").crop(box)).astype(int)).max(axis=2) > 40
    rows = np.nonzero(white.any(axis=1))[0]
    return int(rows.max() - rows.min() + 1)


@pytest.mark.parametrize("size", [(640, 480), (480, 640), (1600, 300), (200, 200)])
def test_label_is_in_the_bottom_right_corner_and_tall_enough(size: tuple[int, int]) -> None:
    base = scene(size)
    out = stamp_label(base, "AI生成")
    x0, y0, x1, y1 = changed_box(base, out)
    w, h = size
    shortest = min(w, h)
    assert x1 >= w - shortest * 0.05 and y1 >= h - shortest * 0.05, "not at the bottom-right edge"
    assert x0 > w / 2 and y0 > h / 2
    assert glyph_height(out, (x0, y0, x1, y1), base) >= MIN_SHARE * shortest


def test_font_is_fitted_to_the_ink_not_the_point_size() -> None:
    _, (_, top, _, bottom) = fit_font("AI生成", 40)
    assert bottom - top >= 40


@pytest.mark.parametrize("size", [(640, 480), (1600, 300), (200, 200), (4032, 3024)])
def test_ink_on_black_is_at_least_five_percent(size: tuple[int, int]) -> None:
    ink = np.asarray(stamp_label(Image.new("RGB", size), "AI生成").convert("L")) >= 128
    rows = np.nonzero(ink.any(axis=1))[0]
    assert rows.max() - rows.min() + 1 >= MIN_SHARE * min(size)


def test_image_copy_is_upright_labelled_and_keeps_quality_metadata(tmp_path: Path) -> None:
    src = camera_jpeg(tmp_path / "portrait.jpg", size=(640, 480), orientation=6, subsampling=0)
    out = export_media(
        src, tmp_path / "o" / "p.jpg", visible_label="AI生成", implicit_label=True, strip_gps=True, facts=None
    )
    with Image.open(src) as orig, Image.open(out) as im:
        assert im.size == (480, 640)  # transposed by EXIF orientation 6
        assert im.getexif().get(0x0112) == 1
        assert JpegImagePlugin.get_sampling(im) == 0  # 4:4:4 kept
        assert im.info.get("icc_profile") == orig.info.get("icc_profile")
        upright = orig.transpose(Image.Transpose.ROTATE_270)
        x0, y0, x1, y1 = changed_box(upright, im, threshold=60)
        assert x1 >= 480 - 24 and y1 >= 640 - 24
        assert glyph_height(im, (x0, y0, x1, y1), upright) >= 0.05 * 480
    meta = read_meta("jpeg", out.read_bytes())
    assert 'preflight:VisibleLabel="AI生成"' in (meta.xmp or "")


@pytest.mark.parametrize("make", [ai_png, webp])
def test_png_and_webp_copies(tmp_path: Path, make) -> None:
    src = make(tmp_path / ("a.png" if make is ai_png else "a.webp"))
    out = export_media(
        src,
        tmp_path / "o" / src.name,
        visible_label="AI生成",
        implicit_label=True,
        strip_gps=False,
        facts=None,
    )
    with Image.open(src) as before, Image.open(out) as after:
        assert after.format == before.format and after.size == before.size
        x0, y0, x1, y1 = changed_box(before, after, threshold=60)
        assert glyph_height(after, (x0, y0, x1, y1), before) >= 0.05 * min(after.size)
        if make is ai_png:
            assert "parameters" in after.info  # generator text carried over


def test_too_small_image_is_a_clear_error(tmp_path: Path) -> None:
    from checks.fixes.media_export import MediaExportError

    tiny = tmp_path / "tiny.png"
    Image.new("RGB", (8, 8)).save(tiny)
    with pytest.raises(MediaExportError, match=r"tiny\.png"):
        export_media(
            tiny,
            tmp_path / "o" / "tiny.png",
            visible_label="AI生成",
            implicit_label=False,
            strip_gps=False,
            facts=None,
        )
    assert not (tmp_path / "o" / "tiny.png").exists()


def test_cmyk_jpeg_copy_is_rgb_without_the_cmyk_profile(tmp_path: Path) -> None:
    src = tmp_path / "cmyk.jpg"
    fake_cmyk_profile = b"\x00" * 16 + b"CMYK" + b"\x00" * 108
    scene((300, 200)).convert("CMYK").save(src, "JPEG", icc_profile=fake_cmyk_profile)
    out = export_media(
        src,
        tmp_path / "o" / "c.jpg",
        visible_label="AI生成",
        implicit_label=False,
        strip_gps=False,
        facts=None,
    )
    with Image.open(out) as im:
        assert im.mode == "RGB" and "icc_profile" not in im.info


def test_png_colour_chunks_survive_the_label(tmp_path: Path) -> None:
    from checks.fixes.containers import _png_chunks

    src = tmp_path / "g.png"
    scene((300, 200)).save(src, "PNG", dpi=(144, 144))
    data = src.read_bytes()
    i = data.index(b"IDAT") - 4
    gama = b"\x00\x00\x00\x04gAMA\x00\x00\xb1\x8f\x0b\xfca\x05"  # 1/2.2 with its CRC
    src.write_bytes(data[:i] + gama + data[i:])
    out = export_media(
        src,
        tmp_path / "o" / "g.png",
        visible_label="AI生成",
        implicit_label=True,
        strip_gps=False,
        facts=None,
    )
    types = [t for t, _ in _png_chunks(out.read_bytes())]
    assert b"gAMA" in types and b"pHYs" in types
    assert types.index(b"gAMA") < types.index(b"IDAT")
