"""Drawing the visible AI label (GB 45438 §5.2) onto an image.

The standard measures the *glyph* height, so the font size is chosen by rendering and measuring
the ink bounding box of the label until it reaches the target share of the shortest side (a
little above 5% for margin). A semi-opaque plate behind the text keeps it legible on any
background. The font is the bundled Noto Sans CJK SC subset, so output is identical everywhere.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from checks import resources

MIN_SHARE = 0.05
TARGET_SHARE = 0.065  # margin over 5% for anti-aliasing and resampling by platforms
FONT_FILE = ("fonts", "PreflightLabel-Bold.otf")
CHARS_FILE = ("fonts", "PreflightLabel-Bold.chars")
SYSTEM_FONTS = (  # only for label text outside the bundled subset
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyhbd.ttc",
)
MIN_GLYPH_PX = 10  # on small images 5% is a few pixels: keep the label readable
CORNERS = ("bottom_right", "bottom_left", "top_right", "top_left")


@cache
def _covered() -> frozenset[str]:
    file = resources.path(*CHARS_FILE)
    return frozenset(file.read_text(encoding="utf-8").strip("\n")) if file.exists() else frozenset()


def font_file(text: str) -> str:
    """The bundled subset when it has every character of `text`, else a system CJK font."""
    if set(text) - {" "} <= _covered():
        return str(resources.path(*FONT_FILE))
    for candidate in SYSTEM_FONTS:
        if Path(candidate).exists():
            return candidate
    missing = "".join(sorted(set(text) - _covered()))
    raise ValueError(f"the label font has no glyphs for '{missing}'")


@cache
def _font(file: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(file, size)


def ink_box(font: ImageFont.FreeTypeFont, text: str) -> tuple[int, int, int, int]:
    """The box of the pixels the text really darkens to at least half intensity (the glyph height
    a viewer — or an inspector measuring the copy — sees), relative to the drawing origin."""
    x_min, y_min, x_max, y_max = font.getbbox(text)  # whole pixels in practice; typed as floats
    left, top, right, bottom = math.floor(x_min), math.floor(y_min), math.ceil(x_max), math.ceil(y_max)
    canvas = Image.new("L", (right - left + 2, bottom - top + 2), 0)
    ImageDraw.Draw(canvas).text((1 - left, 1 - top), text, font=font, fill=255)
    box = canvas.point(lambda v: 255 if v >= 128 else 0).getbbox()
    if box is None:
        return left, top, right, bottom
    x0, y0, x1, y1 = box
    return x0 - 1 + left, y0 - 1 + top, x1 - 1 + left, y1 - 1 + top


def fit_font(text: str, glyph_px: int) -> tuple[ImageFont.FreeTypeFont, tuple[int, int, int, int]]:
    """The smallest font whose rendered ink is at least `glyph_px` tall, and its ink box."""
    size = max(4, glyph_px)
    file = font_file(text)
    for _ in range(60):
        font = _font(file, size)
        box = ink_box(font, text)
        if box[3] - box[1] >= glyph_px:
            return font, box
        size += max(1, (glyph_px - (box[3] - box[1])) // 2)
    return font, box


def stamp_label(
    image: Image.Image,
    text: str,
    *,
    corner: str = "bottom_right",
    platform: str | None = None,
    kind: str = "photo",
) -> Image.Image:
    """A copy of `image` (already upright) with `text` in `corner`; mode RGB or RGBA.

    With `platform`, a portrait picture or frame that the platform's feed controls cover gets the
    label in the corner those controls leave visible (checks.safe_areas)."""
    mode = (
        "RGBA" if "A" in image.getbands() or (image.mode == "P" and "transparency" in image.info) else "RGB"
    )
    base = image.convert(mode)
    w, h = base.size
    shortest = min(w, h)
    glyph = max(math.ceil(shortest * TARGET_SHARE), min(MIN_GLYPH_PX, shortest // 4), 1)
    font, (x0, y0, x1, y1) = fit_font(text, glyph)
    ink_w, ink_h = x1 - x0, y1 - y0
    pad = max(2, ink_h // 3)
    margin = max(2, shortest // 50)
    plate_w, plate_h = ink_w + 2 * pad, ink_h + 2 * pad
    if plate_w + 2 * margin > w or plate_h + 2 * margin > h:
        margin = 0
        if plate_w > w:
            raise ValueError(f"image too narrow ({w}px) for a legible label")
    inset = 0
    if platform:
        from checks.safe_areas import label_corner

        safe_corner, safe_inset = label_corner(platform, kind, w, h)
        if safe_corner != "bottom_right":  # a portrait layout whose feed controls cover the bottom
            # the AI label takes the safe corner; any other label (the minors' warning) the opposite top one
            corner = safe_corner if corner == "bottom_right" else "top_right"
            inset = safe_inset
    left = w - plate_w - margin if corner.endswith("right") else margin
    top = h - plate_h - margin if corner.startswith("bottom") else margin + inset
    overlay = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    draw.rounded_rectangle(
        (left, top, left + plate_w - 1, top + plate_h - 1), radius=pad, fill=(0, 0, 0, 150)
    )
    draw.text((left + pad - x0, top + pad - y0), text, font=font, fill=(255, 255, 255, 255))
    out = Image.alpha_composite(base.convert("RGBA"), overlay)
    return out if mode == "RGBA" else out.convert("RGB")
