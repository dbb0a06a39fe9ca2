"""Small previews of photos and videos for the GUI media strip and the HTML audit report.

A thumbnail is a convenience, never a verdict: every failure (unreadable, truncated, a
decompression bomb, a codec PyAV lacks) returns None and the caller shows a placeholder. Photos
are decoded at reduced size where the format allows (`Image.draft` for JPEG) and turned upright
from EXIF orientation; videos show their first frame, turned by the container's display matrix.
"""

from __future__ import annotations

import io
import time
import warnings
from functools import cache
from pathlib import Path

from PIL import Image, ImageOps

VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".3gp", ".3g2"}
_IMAGE_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis"}
MAX_PACKETS = 400  # a first frame that needs more packets than this is not worth waiting for
MAX_SECONDS = 3.0


def thumbnail(path: Path, max_side: int = 256) -> Image.Image | None:
    """An upright RGB/RGBA image whose longer side is at most `max_side`, or None."""
    path = Path(path)
    if max_side < 1 or not path.is_file():
        return None
    if path.suffix.lower() in VIDEO_SUFFIXES or _video_magic(path):
        return _video(path, max_side)
    return _photo(path, max_side)


def thumbnail_png_bytes(path: Path, max_side: int = 256) -> bytes | None:
    image = thumbnail(path, max_side)
    if image is None:
        return None
    image.info = {}  # pixels only: no ICC profile, text or EXIF from the original in a shared report
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


@cache
def _register_heif() -> None:
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # pragma: no cover - pillow-heif is a dependency; HEIC just gets no preview
        pass


def _photo(path: Path, max_side: int) -> Image.Image | None:
    _register_heif()
    if _heif_magic(path):
        embedded = _heif_thumbnail(path, max_side)
        if embedded is not None:
            return embedded
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                im.draft("RGB", (max_side, max_side))
                upright = ImageOps.exif_transpose(im)
                upright.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
                return _display_mode(upright)
    except Exception:  # decoders raise anything on hostile bytes; bombs raise DecompressionBomb*
        return None


def _video(path: Path, max_side: int) -> Image.Image | None:
    try:
        import av
    except ImportError:  # pragma: no cover
        return None
    started = time.monotonic()
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.video:
                return None
            stream = container.streams.video[0]
            for count, packet in enumerate(container.demux(stream)):
                if count > MAX_PACKETS or time.monotonic() - started > MAX_SECONDS:
                    return None
                for frame in packet.decode():
                    image = frame.to_image()
                    rotation = getattr(frame, "rotation", 0) or 0
                    if rotation % 360:
                        image = image.rotate(rotation, expand=True)
                    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
                    return _display_mode(image)
    except Exception:  # FFmpeg errors surface as many exception types
        return None
    return None


def _heif_thumbnail(path: Path, max_side: int) -> Image.Image | None:
    """The camera's embedded preview (iPhone 320 px, Sony 1616/320 px …) instead of decoding a
    12-45 MP image, which takes libheif 0.5-2 s. Only a preview with the image's aspect ratio counts
    (some are letterboxed); libheif has already turned both upright."""
    try:
        import pillow_heif

        heif = pillow_heif.open_heif(path, convert_hdr_to_8bit=True)
        primary = heif[heif.primary_index]
        width, height = primary.size
        if not width or not height or width * height > 2 * (Image.MAX_IMAGE_PIXELS or width * height):
            return None
        fits = []
        for index, side in enumerate(primary.info.get("thumbnails", [])):
            if side >= max_side:
                preview = primary.get_thumbnail(index)
                pw, ph = preview.size
                if pw and ph and abs(pw / ph - width / height) <= 0.03 * width / height:
                    fits.append((pw * ph, index))
        for _, index in sorted(fits):
            try:
                image = primary.get_thumbnail(index).to_pillow()
            except Exception:  # a broken preview (wrong signalled size …): try the next one
                continue
            image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
            return _display_mode(image)
    except Exception:  # the full decode below may still work
        return None
    return None


def _heif_magic(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            head = f.read(12)
    except OSError:
        return False
    return head[4:8] == b"ftyp" and head[8:12] in _IMAGE_BRANDS


def _video_magic(path: Path) -> bool:
    """A video saved under a photo's name (ISO-BMFF that is not HEIF/AVIF, Matroska, AVI).

    Only these go to PyAV: FFmpeg also decodes PNG and JPEG, which would bypass Pillow's
    decompression-bomb guard for a photo Pillow refused.
    """
    try:
        with path.open("rb") as f:
            head = f.read(12)
    except OSError:
        return False
    if head[4:8] == b"ftyp":
        return head[8:12] not in _IMAGE_BRANDS
    return head[:4] == b"\x1a\x45\xdf\xa3" or (head[:4] == b"RIFF" and head[8:12] == b"AVI ")


def _display_mode(image: Image.Image) -> Image.Image:
    if image.mode in ("RGB", "RGBA"):
        return image.copy() if image.readonly else image
    has_alpha = image.mode in ("LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    return image.convert("RGBA" if has_alpha else "RGB")
