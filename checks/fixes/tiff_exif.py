"""Byte-level EXIF (TIFF) edits that keep everything else exactly where it was.

Why not re-serialise with Pillow or piexif: both rewrite every offset, which corrupts maker
notes (they hold absolute offsets) and drops tags they do not know. Removing the GPS pointer from
IFD0 and blanking the GPS directory in place changes nothing else: DateTimeOriginal, maker notes
and the thumbnail stay byte-identical.
"""

from __future__ import annotations

import struct

GPS_POINTER = 0x8825
ORIENTATION = 0x0112
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}


class ExifError(ValueError):
    """EXIF bytes that cannot be edited safely."""


def _endian(tiff: bytes) -> str:
    if tiff[:4] == b"II*\x00":
        return "<"
    if tiff[:4] == b"MM\x00*":
        return ">"
    raise ExifError("not a TIFF/EXIF block")


def _ifd_offsets(tiff: bytes, e: str) -> list[int]:
    """IFD0 and the IFDs chained after it (IFD1 = thumbnail)."""
    offsets: list[int] = []
    (offset,) = struct.unpack_from(e + "I", tiff, 4)
    while offset and offset + 2 <= len(tiff) and offset not in offsets and len(offsets) < 4:
        offsets.append(offset)
        (count,) = struct.unpack_from(e + "H", tiff, offset)
        end = offset + 2 + 12 * count
        if end + 4 > len(tiff):
            break
        (offset,) = struct.unpack_from(e + "I", tiff, end)
    return offsets


def _entries(tiff: bytes, e: str, ifd: int) -> list[tuple[int, int, int, int, int]]:
    """(entry offset, tag, type, count, value-or-offset) for each entry of the IFD at `ifd`."""
    (count,) = struct.unpack_from(e + "H", tiff, ifd)
    out = []
    for i in range(count):
        pos = ifd + 2 + 12 * i
        if pos + 12 > len(tiff):
            raise ExifError("truncated IFD")
        tag, typ, n, value = struct.unpack_from(e + "HHII", tiff, pos)
        out.append((pos, tag, typ, n, value))
    return out


def has_gps(tiff: bytes) -> bool:
    try:
        e = _endian(tiff)
        return any(
            tag == GPS_POINTER for ifd in _ifd_offsets(tiff, e) for _, tag, *_ in _entries(tiff, e, ifd)
        )
    except (ExifError, struct.error):
        return False


def strip_gps(tiff: bytes) -> bytes:
    """Remove the GPS IFD pointer and zero the GPS directory and its values; all else unchanged."""
    e = _endian(tiff)
    buf = bytearray(tiff)
    try:
        for ifd in _ifd_offsets(tiff, e):
            entries = _entries(bytes(buf), e, ifd)
            for k, (_, tag, _, _, gps_ifd) in enumerate(entries):
                if tag != GPS_POINTER:
                    continue
                _blank_ifd(buf, e, gps_ifd)
                start = ifd + 2 + 12 * k
                end = ifd + 2 + 12 * len(entries) + 4  # entries + next-IFD offset
                buf[start:end] = buf[start + 12 : end] + b"\x00" * 12
                struct.pack_into(e + "H", buf, ifd, len(entries) - 1)
                break
    except struct.error as exc:
        raise ExifError(f"malformed EXIF: {exc}") from exc
    return bytes(buf)


def _blank_ifd(buf: bytearray, e: str, ifd: int) -> None:
    if not 8 <= ifd < len(buf) - 2:
        return
    for _, _, typ, n, value in _entries(bytes(buf), e, ifd):
        size = _TYPE_SIZES.get(typ, 1) * n
        if size > 4 and value + size <= len(buf):
            buf[value : value + size] = b"\x00" * size
    (count,) = struct.unpack_from(e + "H", buf, ifd)
    end = min(len(buf), ifd + 2 + 12 * count + 4)
    buf[ifd:end] = b"\x00" * (end - ifd)


def set_orientation(tiff: bytes, value: int = 1) -> bytes:
    """Rewrite the Orientation tag in place (after the pixels were transposed)."""
    e = _endian(tiff)
    buf = bytearray(tiff)
    for ifd in _ifd_offsets(tiff, e)[:1]:
        for pos, tag, typ, n, _ in _entries(tiff, e, ifd):
            if tag == ORIENTATION and typ == 3 and n == 1:
                struct.pack_into(e + "HH", buf, pos + 8, value, 0)
    return bytes(buf)
