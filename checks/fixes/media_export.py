"""`export_media`: a labelled / GPS-stripped copy of one media file. The original is only read.

Images: a metadata-only fix (implicit label, GPS strip) rewrites the container's metadata
blocks and copies the compressed pixels byte for byte; a visible label re-encodes the pixels
(upright first, orientation then reset to 1) and carries EXIF, ICC, XMP and PNG text over.
HEIC/HEIF copies are written as JPEG, which every platform accepts. Videos go through
`checks.fixes.video`. Every copy is written to a temp file and renamed into place, so a failure
(disk full, unwritable folder, corrupt input) leaves nothing behind and raises `MediaExportError`
with a one-line reason.
"""

from __future__ import annotations

import os
import zlib
from io import BytesIO
from pathlib import Path

import av
from PIL import Image, ImageOps, JpegImagePlugin, UnidentifiedImageError

from checks.draft import atomic_write
from checks.fixes import aigc, tiff_exif
from checks.fixes.containers import Meta, read_meta, sniff, write_meta
from checks.fixes.stamp import stamp_label
from checks.fixes.video import video_format
from checks.fixes.xmp import has_aigc, merge_xmp
from checks.model import MediaFacts
from checks.temp_files import clean_stale_temps, new_temp

MAX_PIXELS = 100_000_000
JPEG_QUALITY = 92
WARNING_CORNER = "top_left"  # the minors' warning: where a viewer looks first, clear of the AI label
RAW_PROFILES = (b"raw profile type exif", b"raw profile type app1", b"raw profile type xmp")


class MediaExportError(Exception):
    """A copy could not be made; the message names the file and the reason in one line."""


def output_path(dst: Path, src: Path) -> Path:
    """Where the copy really goes: HEIC becomes .jpg, video containers become .mp4 or .mov."""
    try:
        with open(src, "rb") as fh:
            fmt = sniff(fh.read(16))
    except OSError:
        fmt = "unknown"
    suffix = src.suffix.lower()
    if fmt == "heic" or suffix in (".heic", ".heif", ".hif", ".avif"):
        return dst.with_suffix(".jpg")
    if fmt == "mp4" or suffix in (".mp4", ".mov", ".m4v", ".3gp"):
        return dst.with_suffix(".mov" if suffix == ".mov" else ".mp4")  # 3GP drops custom keys
    return dst


def export_media(
    src: Path,
    dst: Path,
    *,
    visible_label: str | None,
    implicit_label: bool,
    strip_gps: bool,
    facts: MediaFacts | None,
    warning_label: str | None = None,
    platform: str | None = None,
) -> Path:
    """Write the fixed copy of `src` near `dst` (suffix may change, see `output_path`); return its path.

    `warning_label` (a minors' warning, MINORS2026) is stamped top-left, away from the AI label's
    corner, with the same machinery; on video both go on the opening frames."""
    src, dst = Path(src), Path(dst)
    if src.resolve() == Path(dst).resolve():
        raise MediaExportError(f"{src.name}: refusing to overwrite the original")
    try:
        data = src.read_bytes()
    except OSError as exc:
        raise MediaExportError(f"{src.name}: cannot read: {exc.strerror or exc}") from exc
    target = output_path(dst, src)
    has_label = bool(facts and facts.aigc_label) or _labelled(data)
    fmt = sniff(data)
    try:
        if fmt == "mp4" or (facts is not None and facts.kind == "video" and fmt == "unknown"):
            label = None if has_label or not implicit_label else aigc.label_json(data, facts)
            _export_video(src, target, visible_label, label, strip_gps, warning_label, platform)
            return target
        out = _image_copy(
            data, fmt, visible_label, implicit_label and not has_label, strip_gps, facts, warning_label, platform
        )
    except MediaExportError as exc:
        raise MediaExportError(f"{src.name}: {exc}") from exc
    except OSError as exc:
        if isinstance(exc, UnidentifiedImageError) or exc.filename in (None, str(src)):
            raise MediaExportError(f"{src.name}: cannot read the image: {_reason(exc)}") from exc
        raise MediaExportError(f"{src.name}: cannot write {target}: {_reason(exc)}") from exc
    except Exception as exc:  # damaged or unsupported data (Pillow, PyAV and our parsers)
        raise MediaExportError(f"{src.name}: cannot process: {_reason(exc)}") from exc
    try:
        atomic_write(target, out)
    except OSError as exc:
        raise MediaExportError(f"{src.name}: cannot write {target}: {_reason(exc)}") from exc
    return target


def _labelled(data: bytes) -> bool:
    """Any implicit label already in the file (EXIF UserComment, APP segment, MP4 key...): clause
    6.1 c) allows one per file, so Preflight never adds a second. Same test as the reader's fallback."""
    return b"ContentProducer" in data and (b"AIGC" in data or b"tc260.org.cn" in data)


def _reason(exc: BaseException) -> str:
    """The part of an exception a creator can act on, without errno numbers or repeated paths."""
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return text.split(": '")[0].strip()


def _image_copy(
    data: bytes,
    fmt: str,
    visible_label: str | None,
    implicit_label: bool,
    strip_gps: bool,
    facts: MediaFacts | None,
    warning_label: str | None = None,
    platform: str | None = None,
) -> bytes:
    if fmt == "unknown":
        raise MediaExportError("not a supported image or video (JPEG, PNG, WebP, HEIC/AVIF, MP4/MOV)")
    original = data
    meta = read_meta(fmt, data) if fmt != "heic" else Meta()
    out_fmt = fmt
    if visible_label or warning_label or fmt == "heic":
        data, out_fmt, meta = _reencode(data, fmt, meta, visible_label, warning_label, platform)
    if meta.exif and strip_gps:
        meta.exif = tiff_exif.strip_gps(meta.exif)
    if strip_gps:
        meta.texts = [c for t, p in meta.texts if (c := _strip_png_text(t, p)) is not None]
    implicit_label = implicit_label and not has_aigc(meta.xmp) and not meta.has_aigc_text
    label = aigc.label_json(original, facts) if implicit_label else None
    if label or visible_label or warning_label or (strip_gps and meta.xmp):
        meta.xmp = merge_xmp(
            meta.xmp,
            aigc_json=label,
            visible_label=visible_label,
            strip_gps=strip_gps,
            warning_label=warning_label,
        )
    wrapped = aigc.label_json(original, facts, wrapped=True) if implicit_label and out_fmt == "png" else None
    out = write_meta(out_fmt, data, meta, aigc_text=wrapped)
    with Image.open(BytesIO(out)) as check:  # never hand over a copy we cannot read back
        check.verify()
    return out


def _reencode(
    data: bytes,
    fmt: str,
    meta: Meta,
    visible_label: str | None,
    warning_label: str | None = None,
    platform: str | None = None,
) -> tuple[bytes, str, Meta]:
    if fmt == "heic":
        import pillow_heif

        pillow_heif.register_heif_opener()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with Image.open(BytesIO(data)) as im:
        if fmt in ("png", "webp") and getattr(im, "is_animated", False):
            raise MediaExportError("animated images cannot take a visible label yet; label it in your editor")
        im.load()
        icc = im.info.get("icc_profile")
        if icc and icc[16:20] != b"RGB ":
            icc = None  # a CMYK/grey profile would mis-colour the RGB pixels the label is drawn on
        sampling = JpegImagePlugin.get_sampling(im) if fmt == "jpeg" else -1
        lossless = fmt == "webp" and b"VP8L" in data[12:40]
        if fmt == "heic":
            exif = im.info.get("exif") or b""
            meta.exif = exif[6:] if exif.startswith(b"Exif\x00\x00") else (exif or None)
            xmp = im.info.get("xmp")
            meta.xmp = xmp.decode("utf-8", "replace") if isinstance(xmp, bytes) else xmp
        upright = ImageOps.exif_transpose(im) or im
        picture = stamp_label(upright, visible_label, platform=platform) if visible_label else upright
        if warning_label:
            picture = stamp_label(picture, warning_label, corner=WARNING_CORNER, platform=platform)
    if meta.exif:
        meta.exif = _fit_exif(tiff_exif.set_orientation(meta.exif, 1))
    out_fmt = "jpeg" if fmt == "heic" else fmt
    buf = BytesIO()
    options: dict[str, object] = {"icc_profile": icc} if icc else {}
    if out_fmt == "jpeg":
        picture = picture.convert("RGB")
        options |= {"quality": JPEG_QUALITY, "subsampling": 0 if sampling == 0 else 2, "optimize": True}
    elif out_fmt == "webp":
        options |= {"lossless": True} if lossless else {"quality": JPEG_QUALITY}
    picture.save(buf, format=out_fmt.upper(), **options)
    return buf.getvalue(), out_fmt, meta


def _strip_png_text(ctype: bytes, payload: bytes) -> tuple[bytes, bytes] | None:
    """GPS in PNG text chunks, as ImageMagick writes it: `exif:GPS*` properties (dropped) and hex
    "Raw profile type exif/xmp" blobs (GPS removed from the EXIF or XMP inside)."""
    key, _, rest = payload.partition(b"\x00")
    lower = key.lower()
    if lower.startswith(b"exif:gps"):
        return None
    if ctype not in (b"tEXt", b"zTXt") or lower not in RAW_PROFILES:
        return ctype, payload
    try:
        text = zlib.decompress(rest[1:]) if ctype == b"zTXt" else rest
        _, name, _length, hexdata = text.split(b"\n", 3)
        blob = bytes.fromhex(hexdata.decode("ascii"))
        if lower == b"raw profile type xmp":
            blob = merge_xmp(blob.decode("utf-8"), strip_gps=True).encode("utf-8")
        else:
            header = b"Exif\x00\x00" if blob.startswith(b"Exif\x00\x00") else b""
            blob = header + tiff_exif.strip_gps(blob[len(header) :])
    except (ValueError, zlib.error):
        return ctype, payload
    lines = [blob[i : i + 36].hex().encode() for i in range(0, len(blob), 36)]
    text = b"\n" + name + b"\n" + str(len(blob)).rjust(8).encode() + b"\n" + b"\n".join(lines) + b"\n"
    return ctype, key + b"\x00" + (b"\x00" + zlib.compress(text) if ctype == b"zTXt" else text)


def _fit_exif(tiff: bytes) -> bytes | None:
    """EXIF for a JPEG copy: one APP1 holds 64 KB, so an oversized block (HEIC phones keep big
    maker notes) is rebuilt without the maker note and thumbnail; the facts rules read stay."""
    if len(tiff) < 65000:
        return tiff
    exif = Image.Exif()
    exif.load(b"Exif\x00\x00" + tiff)
    sub = exif.get_ifd(0x8769)
    sub.pop(0x927C, None)  # MakerNote
    smaller = exif.tobytes()[6:]
    return smaller if len(smaller) < 65000 else None


def _export_video(
    src: Path,
    target: Path,
    visible_label: str | None,
    label: str | None,
    strip_gps: bool,
    warning_label: str | None = None,
    platform: str | None = None,
) -> None:
    from checks.fixes.video import export_video

    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temps(target.parent, target.name)
    fd, tmp_name = new_temp(target, keep_suffix=True)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            export_video(
                src,
                tmp,
                visible_label=visible_label,
                aigc_json=label,
                strip_gps=strip_gps,
                warning_label=warning_label,
                platform=platform,
            )
        except av.FFmpegError as exc:
            log = getattr(exc, "log", None)
            detail = log[2].strip() if isinstance(log, tuple) and len(log) > 2 and log[2] else _reason(exc)
            raise MediaExportError(f"cannot convert the video: {detail}") from exc
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


__all__ = ["MediaExportError", "export_media", "output_path", "video_format"]
