"""The one adapter around exifread: TIFF-structured EXIF bytes → `ExifFacts`.

Containers hand us the TIFF block (JPEG APP1, PNG eXIf, WebP EXIF, HEIF Exif item, a TIFF file),
so exifread never guesses the container. Its traps are avoided on purpose: we never call its GPS
helper (it mutates the tag dict), and we read UserComment ourselves from the raw bytes because the
charset prefix decides the decoding (A1111 writes UTF-16 "UNICODE" comments).
"""

from __future__ import annotations

import io
import logging
import re
import struct
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Any, BinaryIO

import exifread

from checks.model import Gps

logging.getLogger("exifread").setLevel(logging.CRITICAL)

_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


@dataclass(frozen=True)
class ExifFacts:
    capture_time: datetime | None = None
    capture_time_source: str | None = None
    gps: Gps | None = None
    make: str | None = None
    model: str | None = None
    software: str | None = None
    orientation: int | None = None
    width: int | None = None
    height: int | None = None
    user_comment: str | None = None
    image_size: tuple[int, int] | None = None  # IFD0 ImageWidth/ImageLength (TIFF files)
    description: str | None = None
    artist: str | None = None
    xmp: bytes | None = None  # TIFF tag 700 (XMP inside a TIFF)


def read_exif(tiff: bytes | BinaryIO) -> ExifFacts:
    """Interpret one EXIF block; garbage yields empty facts rather than an exception."""
    fh = io.BytesIO(tiff) if isinstance(tiff, bytes) else tiff
    try:
        tags = exifread.process_file(fh, details=False, extract_thumbnail=False, strict=False)
    except Exception:  # exifread raises many kinds on fuzzed blocks; a bad block means no EXIF facts
        return ExifFacts()
    facts = facts_from_tags(tags)
    # details=False skips MakerNotes (most of exifread's time) but also UserComment and XMP,
    # which carry AI markers: fetch just those two entries from the raw IFDs.
    try:
        comment = _raw_entry(fh, _int(tags, "Image ExifOffset"), 0x9286)
        xmp = _raw_entry(fh, _ifd0(fh), 0x02BC)
    except (OSError, ValueError, struct.error):
        return facts
    return replace(facts, user_comment=decode_user_comment(comment) if comment else None, xmp=xmp or None)


def _ifd0(fh: BinaryIO) -> int | None:
    fh.seek(0)
    head = fh.read(8)
    if len(head) < 8:
        return None
    return struct.unpack("<I" if head[:2] == b"II" else ">I", head[4:8])[0]


def tiff_has_tag(fh: BinaryIO, wanted: int) -> bool:
    """Whether IFD0 of a TIFF file lists `wanted` (e.g. 0xCD41, the C2PA manifest store)."""
    try:
        ifd = _ifd0(fh)
        fh.seek(0)
        endian = "<" if fh.read(2) == b"II" else ">"
        if not ifd:
            return False
        fh.seek(ifd)
        count = struct.unpack(endian + "H", fh.read(2))[0]
        entries = fh.read(12 * min(count, 4096))
    except (OSError, struct.error):
        return False
    return any(
        struct.unpack(endian + "H", entries[i : i + 2])[0] == wanted for i in range(0, len(entries) - 11, 12)
    )


def _raw_entry(fh: BinaryIO, ifd: int | None, wanted: int, limit: int = 1 << 20) -> bytes | None:
    """The raw bytes of one tag in one IFD (offsets relative to the TIFF header at position 0)."""
    if not ifd:
        return None
    fh.seek(0)
    endian = "<" if fh.read(2) == b"II" else ">"
    fh.seek(ifd)
    raw = fh.read(2)
    if len(raw) < 2:
        return None
    count = struct.unpack(endian + "H", raw)[0]
    entries = fh.read(12 * min(count, 4096))
    sizes = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}
    for i in range(0, len(entries) - 11, 12):
        tag, typ, n = struct.unpack(endian + "HHI", entries[i : i + 8])
        if tag != wanted:
            continue
        length = n * sizes.get(typ, 1)
        if length > limit:
            return None
        if length <= 4:
            return entries[i + 8 : i + 8 + length]
        fh.seek(struct.unpack(endian + "I", entries[i + 8 : i + 12])[0])
        return fh.read(length)
    return None


def facts_from_tags(tags: dict[str, Any]) -> ExifFacts:
    time, source = _capture_time(tags)
    return ExifFacts(
        capture_time=time,
        capture_time_source=source,
        gps=_gps(tags),
        make=_text(tags, "Image Make"),
        model=_text(tags, "Image Model"),
        software=_text(tags, "Image Software"),
        orientation=_int(tags, "Image Orientation"),
        width=_int(tags, "EXIF ExifImageWidth"),
        height=_int(tags, "EXIF ExifImageLength"),
        image_size=_pair(_int(tags, "Image ImageWidth"), _int(tags, "Image ImageLength")),
        description=_text(tags, "Image ImageDescription"),
        artist=_text(tags, "Image Artist"),
    )


def _pair(w: int | None, h: int | None) -> tuple[int, int] | None:
    return (w, h) if w and h else None


def _text(tags: dict[str, Any], key: str) -> str | None:
    tag = tags.get(key)
    if tag is None:
        return None
    value = tag.values
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", " ").strip()
    return value or None


def _int(tags: dict[str, Any], key: str) -> int | None:
    tag = tags.get(key)
    try:
        return int(tag.values[0]) if tag is not None else None
    except (TypeError, ValueError, IndexError):
        return None


def parse_exif_time(value: str | None, offset: str | None = None) -> datetime | None:
    """'2011:01:13 14:33:39' (+ '+08:00') → datetime; blank or zero dates are absent, not errors."""
    if not value:
        return None
    value = value.strip().replace("\x00", "")
    try:
        dt = datetime.strptime(value[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    if dt.tzinfo is None and offset:
        m = _OFFSET.match(offset.strip())
        if m:
            sign = -1 if m.group(1) == "-" else 1
            delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
            if delta <= timedelta(hours=14):
                dt = dt.replace(tzinfo=timezone(sign * delta))
    return dt


def _capture_time(tags: dict[str, Any]) -> tuple[datetime | None, str | None]:
    for key, off, name in (
        ("EXIF DateTimeOriginal", "EXIF OffsetTimeOriginal", "EXIF DateTimeOriginal"),
        ("EXIF DateTimeDigitized", "EXIF OffsetTimeDigitized", "EXIF CreateDate"),
    ):
        raw = _text(tags, key)
        dt = parse_exif_time(raw, _text(tags, off) or _text(tags, "EXIF OffsetTime"))
        if dt:
            return dt, f"{name} {raw}"
    return None, None


def _ratio(v: Any) -> float | None:
    try:
        num, den = v.num, v.den
    except AttributeError:
        try:
            return float(v)
        except (TypeError, ValueError):
            return None
    return num / den if den else None


def _dms(tag: Any) -> float | None:
    values = tag.values
    found: list[float | None]
    if isinstance(values, str):
        found = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", values)[:3]]
    else:
        found = [_ratio(v) for v in list(values)[:3]]
    known = [n for n in found if n is not None]
    if not known or len(known) < len(found):
        return None
    nums = [*known, 0.0, 0.0][:3]
    return nums[0] + nums[1] / 60 + nums[2] / 3600


def _gps(tags: dict[str, Any]) -> Gps | None:
    lat_t, lon_t = tags.get("GPS GPSLatitude"), tags.get("GPS GPSLongitude")
    if lat_t is None or lon_t is None:
        return None
    lat, lon = _dms(lat_t), _dms(lon_t)
    if lat is None or lon is None:
        return None
    if (_text(tags, "GPS GPSLatitudeRef") or "N").upper().startswith("S"):
        lat = -lat
    if (_text(tags, "GPS GPSLongitudeRef") or "E").upper().startswith("W"):
        lon = -lon
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    alt = None
    alt_t = tags.get("GPS GPSAltitude")
    if alt_t is not None and getattr(alt_t, "values", None):
        alt = _ratio(alt_t.values[0])
        if alt is not None and _int(tags, "GPS GPSAltitudeRef") == 1:
            alt = -alt
    return Gps(lat, lon, alt)


def decode_user_comment(raw: bytes) -> str | None:
    """EXIF UserComment: 8-byte charset prefix, then the text (UTF-16 of either order for UNICODE)."""
    prefix, body = raw[:8], raw[8:]
    if prefix.startswith(b"UNICODE"):
        if body.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = body.decode("utf-16", "replace")
        else:
            zeros_even = body[0::2].count(0)
            zeros_odd = body[1::2].count(0)
            text = body.decode("utf-16-be" if zeros_even >= zeros_odd else "utf-16-le", "replace")
    elif prefix.startswith(b"ASCII") or prefix == b"\x00" * 8:
        text = body.decode("utf-8", "replace")
    elif prefix.startswith(b"JIS"):
        text = body.decode("shift_jis", "replace")
    else:
        text = raw.decode("utf-8", "replace")
    text = text.replace("\x00", "").strip()
    return text or None
