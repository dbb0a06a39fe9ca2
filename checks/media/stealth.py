"""A1111 "stealth" metadata: generation parameters hidden in the pixels' least significant bits.

The payload starts with a 15-byte magic read column by column (x outer, y inner) from the alpha
LSBs (`stealth_pnginfo`/`stealth_pngcomp`) or the RGB LSBs (`stealth_rgbinfo`/`stealth_rgbcomp`).
Only the magic matters for provenance, so only the first ≤120 rows are decoded: Pillow is told
the image is that short, which keeps a 4K PNG at a few milliseconds. Pillow's decompression-bomb
guard stays on.
"""

from __future__ import annotations

import warnings
from typing import BinaryIO

from PIL import Image

MAGIC_ALPHA = (b"stealth_pnginfo", b"stealth_pngcomp")
MAGIC_RGB = (b"stealth_rgbinfo", b"stealth_rgbcomp")
_BITS = len(MAGIC_ALPHA[0]) * 8


def _pack(bits: list[int]) -> bytes:
    out = bytearray()
    for i in range(0, len(bits) - 7, 8):
        byte = 0
        for b in bits[i : i + 8]:
            byte = (byte << 1) | b
        out.append(byte)
    return bytes(out)


def find_stealth(f: BinaryIO) -> str | None:
    """The stealth magic found in a PNG's pixels ("stealth_pngcomp", …), or None."""
    try:
        f.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(f)
        if im.format != "PNG" or im.info.get("interlace") or len(im.tile) != 1:
            return None
        w, h = im.size
        rows = min(h, _BITS)
        if w * rows > 4_000_000:
            return None
        im.tile = [im.tile[0]._replace(extents=(0, 0, w, rows))]
        im._size = (w, rows)
        im.load()
        px = im.convert("RGBA").load()
    except Exception:  # Pillow raises many kinds on odd files; no pixels means no stealth marker
        return None
    if px is None:
        return None
    alpha: list[int] = []
    rgb: list[int] = []
    for x in range(w):
        for y in range(rows):
            pixel = px[x, y]
            if not isinstance(pixel, tuple):  # RGBA pixels are tuples; anything else has no marker
                return None
            r, g, b, a = pixel
            if len(alpha) < _BITS:
                alpha.append(a & 1)
            if len(rgb) < _BITS:
                rgb.extend((r & 1, g & 1, b & 1))
            if len(alpha) >= _BITS and len(rgb) >= _BITS:
                break
        else:
            continue
        break
    found_a = _pack(alpha[:_BITS])
    if found_a in MAGIC_ALPHA:
        return found_a.decode()
    found_rgb = _pack(rgb[:_BITS])
    if found_rgb in MAGIC_RGB:
        return found_rgb.decode()
    return None
