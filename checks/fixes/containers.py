"""Reading and replacing the metadata blocks of JPEG, PNG and WebP files without touching pixels.

Each format is a list of segments/chunks; a copy is made by dropping the blocks we own (EXIF,
XMP, a C2PA manifest that any edit would invalidate) and inserting new ones where the format
says they belong. Compressed image data is copied byte for byte, so a metadata-only fix never
re-encodes a JPEG.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

JPEG_EXIF = b"Exif\x00\x00"
JPEG_XMP = b"http://ns.adobe.com/xap/1.0/\x00"
PNG_SIG = b"\x89PNG\r\n\x1a\n"
PNG_XMP_KEY = b"XML:com.adobe.xmp"
_PNG_CARRY = {b"tEXt", b"zTXt", b"iTXt", b"tIME"}
_PNG_COLOUR = (b"gAMA", b"cHRM", b"sRGB", b"pHYs")  # kept in place; re-added only after a re-encode


class ContainerError(ValueError):
    """A file whose structure we cannot rewrite safely (truncated, not what its bytes claim)."""


@dataclass
class Meta:
    """The metadata a copy should carry. `exif` is bare TIFF bytes (no "Exif\\0\\0")."""

    exif: bytes | None = None
    xmp: str | None = None
    texts: list[tuple[bytes, bytes]] = field(default_factory=list)  # PNG text chunks (type, data)
    has_aigc_text: bool = False
    colour: list[tuple[bytes, bytes]] = field(default_factory=list)  # PNG gAMA/cHRM/sRGB/pHYs


def sniff(data: bytes) -> str:
    if data[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if data[:8] == PNG_SIG:
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"hevc", b"hevx", b"avif"):
            return "heic"
        return "mp4"
    return "unknown"


def read_meta(fmt: str, data: bytes) -> Meta:
    return {"jpeg": _jpeg_read, "png": _png_read, "webp": _webp_read}.get(fmt, lambda _d: Meta())(data)


def write_meta(fmt: str, data: bytes, meta: Meta, *, aigc_text: str | None = None) -> bytes:
    """`data` with its EXIF/XMP/C2PA replaced by `meta` (plus a PNG `AIGC` text chunk if given)."""
    if fmt == "jpeg":
        return _jpeg_write(data, meta)
    if fmt == "png":
        return _png_write(data, meta, aigc_text)
    if fmt == "webp":
        return _webp_write(data, meta)
    raise ContainerError(f"cannot write metadata into {fmt}")


# --------------------------------------------------------------------------- JPEG


def _jpeg_segments(data: bytes) -> tuple[list[tuple[int, bytes]], bytes]:
    """(marker, payload) for each segment before the scan, and the rest (SOS onwards)."""
    if data[:2] != b"\xff\xd8":
        raise ContainerError("not a JPEG file")
    pos = 2
    segs: list[tuple[int, bytes]] = []
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ContainerError(f"corrupt JPEG: no marker at byte {pos}")
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker == 0xDA or marker == 0xD9:
            return segs, data[pos:]
        (length,) = struct.unpack_from(">H", data, pos + 2)
        end = pos + 2 + length
        if length < 2 or end > len(data):
            raise ContainerError("corrupt JPEG: truncated segment")
        segs.append((marker, data[pos + 4 : end]))
        pos = end
    raise ContainerError("corrupt JPEG: no image data")


def _jpeg_read(data: bytes) -> Meta:
    segs, _ = _jpeg_segments(data)
    meta = Meta()
    for marker, payload in segs:
        if marker == 0xE1 and payload.startswith(JPEG_EXIF) and meta.exif is None:
            meta.exif = payload[len(JPEG_EXIF) :]
        elif marker == 0xE1 and payload.startswith(JPEG_XMP) and meta.xmp is None:
            meta.xmp = payload[len(JPEG_XMP) :].decode("utf-8", "replace")
    return meta


def _segment(marker: int, payload: bytes) -> bytes:
    if len(payload) + 2 > 0xFFFF:
        raise ContainerError("metadata block too large for one JPEG segment (64 KB)")
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def _jpeg_write(data: bytes, meta: Meta) -> bytes:
    segs, rest = _jpeg_segments(data)
    kept = [
        (m, p)
        for m, p in segs
        if not (m == 0xE1 and (p.startswith(JPEG_EXIF) or p.startswith(JPEG_XMP))) and m != 0xEB
    ]
    ours = []
    if meta.exif:
        ours.append(_segment(0xE1, JPEG_EXIF + meta.exif))
    if meta.xmp:
        ours.append(_segment(0xE1, JPEG_XMP + meta.xmp.encode("utf-8")))
    head = [_segment(m, p) for m, p in kept]
    at = 1 if kept and kept[0][0] == 0xE0 else 0  # after JFIF APP0, else first
    return b"\xff\xd8" + b"".join(head[:at] + ours + head[at:]) + rest


# --------------------------------------------------------------------------- PNG


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    if data[:8] != PNG_SIG:
        raise ContainerError("not a PNG file")
    pos, chunks = 8, []
    while pos + 8 <= len(data):
        (length,) = struct.unpack_from(">I", data, pos)
        ctype = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise ContainerError("corrupt PNG: truncated chunk")
        chunks.append((ctype, data[pos + 8 : pos + 8 + length]))
        pos = end
        if ctype == b"IEND":
            return chunks
    raise ContainerError("corrupt PNG: no IEND chunk")


def _png_chunk(ctype: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + ctype + payload + struct.pack(">I", zlib.crc32(ctype + payload))


def _png_keyword(payload: bytes) -> bytes:
    return payload.split(b"\x00", 1)[0]


def _png_read(data: bytes) -> Meta:
    meta = Meta()
    for ctype, payload in _png_chunks(data):
        key = _png_keyword(payload) if ctype in (b"tEXt", b"zTXt", b"iTXt") else b""
        if ctype == b"eXIf" and meta.exif is None:
            meta.exif = payload
        elif ctype == b"iTXt" and key == PNG_XMP_KEY and meta.xmp is None:
            meta.xmp = _itxt_text(payload)
        elif ctype in _PNG_COLOUR:
            meta.colour.append((ctype, payload))
        elif ctype in _PNG_CARRY:
            meta.texts.append((ctype, payload))
            meta.has_aigc_text |= key == b"AIGC"
        elif ctype == b"iTXt" and key == PNG_XMP_KEY:
            continue  # a second XMP packet: dropped, ours replaces it
    return meta


def _itxt_text(payload: bytes) -> str:
    parts = payload.split(b"\x00", 5)
    if len(parts) < 6:
        return ""
    compressed, text = parts[1][:1] == b"\x01", parts[5]
    if compressed:
        try:
            text = zlib.decompress(text)
        except zlib.error:
            return ""
    return text.decode("utf-8", "replace")


def _png_write(data: bytes, meta: Meta, aigc_text: str | None) -> bytes:
    out: list[bytes] = []
    inserted = False
    chunks = _png_chunks(data)
    have = {t for t, _ in chunks}
    for ctype, payload in chunks:
        if ctype in (b"eXIf", b"caBX") or ctype in _PNG_CARRY:
            continue  # text chunks come back from `meta.texts`, edited, before the image data
        if ctype == b"IDAT" and not inserted:
            inserted = True
            out.extend(_png_chunk(t, p) for t, p in meta.colour if t not in have)
            out.extend(_png_chunk(t, p) for t, p in meta.texts)
            if meta.exif:
                out.append(_png_chunk(b"eXIf", meta.exif))
            if meta.xmp:
                out.append(_png_chunk(b"iTXt", PNG_XMP_KEY + b"\x00\x00\x00\x00\x00" + meta.xmp.encode()))
            if aigc_text and not meta.has_aigc_text:
                out.append(_png_chunk(b"tEXt", b"AIGC\x00" + aigc_text.encode("latin-1")))
        out.append(_png_chunk(ctype, payload))
    return PNG_SIG + b"".join(out)


# --------------------------------------------------------------------------- WebP


def _webp_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise ContainerError("not a WebP file")
    pos, chunks = 12, []
    end_all = min(len(data), 8 + struct.unpack_from("<I", data, 4)[0])
    while pos + 8 <= end_all:
        ctype = data[pos : pos + 4]
        (length,) = struct.unpack_from("<I", data, pos + 4)
        end = pos + 8 + length
        if end > len(data):
            raise ContainerError("corrupt WebP: truncated chunk")
        chunks.append((ctype, data[pos + 8 : end]))
        pos = end + (length & 1)
    if not chunks:
        raise ContainerError("corrupt WebP: no chunks")
    return chunks


def _webp_read(data: bytes) -> Meta:
    meta = Meta()
    for ctype, payload in _webp_chunks(data):
        if ctype == b"EXIF":
            meta.exif = payload[6:] if payload.startswith(JPEG_EXIF) else payload
        elif ctype == b"XMP ":
            meta.xmp = payload.decode("utf-8", "replace")
    return meta


def _webp_write(data: bytes, meta: Meta) -> bytes:
    from io import BytesIO

    from PIL import Image

    chunks = [(t, p) for t, p in _webp_chunks(data) if t not in (b"EXIF", b"XMP ", b"C2PA")]
    if chunks[0][0] != b"VP8X":
        with Image.open(BytesIO(data)) as im:
            w, h, alpha = im.width, im.height, "A" in im.getbands()
        vp8x = (
            struct.pack("<B3x", 0x10 if alpha else 0)
            + (w - 1).to_bytes(3, "little")
            + (h - 1).to_bytes(3, "little")
        )
        chunks.insert(0, (b"VP8X", vp8x))
    flags = chunks[0][1][0] & ~0x0C
    if meta.exif:
        chunks.append((b"EXIF", meta.exif))
        flags |= 0x08
    if meta.xmp:
        chunks.append((b"XMP ", meta.xmp.encode("utf-8")))
        flags |= 0x04
    chunks[0] = (b"VP8X", bytes((flags,)) + chunks[0][1][1:])
    body = b"".join(t + struct.pack("<I", len(p)) + p + (b"\x00" if len(p) & 1 else b"") for t, p in chunks)
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body
