"""Header walking for JPEG, PNG and WebP: find the metadata blocks without decoding pixels.

Each walker seeks over image data (JPEG scans, PNG IDAT, WebP bitstreams), so reading a 20 MB
photo costs a few small reads. What it collects is raw: EXIF as TIFF bytes, XMP packets, text
chunks, whether a C2PA manifest is there. Interpreting them is the job of exif.py, xmp.py and
generators.py. Structural damage raises `MediaError` with a message a creator can act on.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from typing import BinaryIO

from checks.media.budget import MAX_BLOCK, MAX_SEGMENTS, Budget
from checks.media.budget import MAX_TEXT_CHUNK as MAX_TEXT

XMP_SIG = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXT_SIG = b"http://ns.adobe.com/xmp/extension/\x00"


class MediaError(Exception):
    """A file we cannot read; the message becomes `MediaFacts.error`."""


@dataclass
class RawMeta:
    """Metadata blocks as found in the container, before interpretation."""

    format: str
    width: int | None = None
    height: int | None = None
    has_alpha: bool = False
    exif: list[bytes] = field(default_factory=list)  # TIFF-structured blocks
    xmp: list[bytes] = field(default_factory=list)
    texts: list[tuple[str, str, str]] = field(default_factory=list)  # (key, value, where)
    irb: bytes | None = None  # Photoshop image resource blocks (JPEG APP13)
    c2pa: bool = False  # a manifest store is embedded (JUMBF / caBX / C2PA chunk / uuid box)
    scan: list[bytes] = field(default_factory=list)  # other metadata bytes, for the TC260 byte scan
    problem: str | None = None  # damage that did not stop the metadata read
    budget: Budget = field(default_factory=Budget)  # what may still be kept; notes on what was not


def _read(f: BinaryIO, n: int, what: str) -> bytes:
    data = f.read(n)
    if len(data) < n:
        raise MediaError(f"truncated {what}")
    return data


def walk_jpeg(f: BinaryIO, size: int) -> RawMeta:
    meta = RawMeta("jpeg")
    f.seek(2)
    ext_xmp: dict[bytes, dict[int, bytes]] = {}
    scan_start = 0
    for _ in range(MAX_SEGMENTS):
        b = f.read(1)
        if not b:
            raise MediaError("truncated JPEG (ends inside the headers)")
        skipped = 0
        while b and b != b"\xff" and skipped < 4096:  # stray padding between segments, as libjpeg allows
            b, skipped = f.read(1), skipped + 1
        if b != b"\xff":
            raise MediaError(
                "broken JPEG (bad segment marker)" if b else "truncated JPEG (ends inside the headers)"
            )
        marker = f.read(1)
        while marker == b"\xff":
            marker = f.read(1)
        if not marker:
            raise MediaError("truncated JPEG (ends inside the headers)")
        m = marker[0]
        if m == 0xD9:
            break
        if 0xD0 <= m <= 0xD7 or m == 0x01:
            continue
        length = struct.unpack(">H", _read(f, 2, "JPEG segment"))[0]
        if length < 2:
            raise MediaError("broken JPEG (bad segment length)")
        n = length - 2
        if f.tell() + n > size:
            raise MediaError("truncated JPEG (a header segment runs past the end)")
        if m == 0xDA:
            scan_start = f.tell()
            break
        if m in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            sof = f.read(n)
            if len(sof) >= 5 and meta.width is None:
                meta.height, meta.width = struct.unpack(">HH", sof[1:5])
            continue
        if m in (0xE1, 0xEB, 0xED, 0xFE) or 0xE2 <= m <= 0xEF:
            payload = f.read(n)
            _jpeg_segment(meta, m, payload, ext_xmp)
            continue
        f.seek(n, 1)
    else:
        meta.budget.note(f"JPEG segments beyond {MAX_SEGMENTS} skipped")
    for parts in ext_xmp.values():  # every part was budgeted before it was kept
        meta.xmp.append(b"".join(parts[k] for k in sorted(parts)))
    if scan_start and not _has_eoi(f, size, scan_start):
        meta.problem = "truncated JPEG (image data cut off)"
    return meta


def _jpeg_segment(meta: RawMeta, m: int, payload: bytes, ext_xmp: dict[bytes, dict[int, bytes]]) -> None:
    budget = meta.budget
    if m == 0xE1:
        if payload.startswith(b"Exif\x00"):
            if budget.take("exif", len(payload)):
                meta.exif.append(payload[6:])
        elif payload.startswith(XMP_SIG):
            if budget.take("xmp", len(payload)):
                meta.xmp.append(payload[len(XMP_SIG) :])
        elif payload.startswith(XMP_EXT_SIG) and len(payload) > len(XMP_EXT_SIG) + 40:
            body = payload[len(XMP_EXT_SIG) :]
            guid, offset = body[:32], struct.unpack(">I", body[36:40])[0]
            parts = ext_xmp.setdefault(guid, {})
            if offset not in parts and budget.take("xmpext", len(body) - 40):
                parts[offset] = body[40:]
        return
    if m == 0xEB and payload[:2] == b"JP" and b"c2pa" in payload[:64]:
        meta.c2pa = True
        return
    if m == 0xED and payload.startswith(b"Photoshop 3.0\x00"):
        if budget.take("irb", len(payload)):
            meta.irb = (meta.irb or b"") + payload[14:]
        return
    if m == 0xFE:
        if budget.take("text", len(payload)):
            meta.texts.append(("Comment", payload.decode("utf-8", "replace").strip("\x00"), "JPEG COM segment"))
        return
    if (b"AIGC" in payload or b"ContentProducer" in payload) and budget.take("scan", len(payload)):
        meta.scan.append(payload)


def _has_eoi(f: BinaryIO, size: int, start: int) -> bool:
    """Entropy-coded data never holds FF D9, so a missing end marker means the file was cut.

    Usually the marker is in the last bytes; motion photos (Google, Samsung) append a video after
    it, so when the tail has none the scan data is searched chunk by chunk from the first scan.
    """
    tail = min(size, 1 << 16)
    f.seek(size - tail)
    if b"\xff\xd9" in f.read(tail):
        return True
    f.seek(start)
    prev = b""
    while chunk := f.read(1 << 20):
        if b"\xff\xd9" in prev[-1:] + chunk:
            return True
        prev = chunk
    return False


def walk_png(f: BinaryIO, size: int) -> RawMeta:
    meta = RawMeta("png")
    f.seek(8)
    first = True
    for _ in range(MAX_SEGMENTS):
        head = f.read(8)
        if not head:
            meta.problem = "truncated PNG (no IEND chunk)"
            break
        if len(head) < 8:
            raise MediaError("truncated PNG")
        length, ctype = struct.unpack(">I4s", head)
        if first and ctype != b"IHDR":
            raise MediaError("broken PNG (first chunk is not IHDR)")
        if f.tell() + length + 4 > size:
            if first or meta.width is None:
                raise MediaError("truncated PNG")
            meta.problem = "truncated PNG (image data cut off)"
            break
        first = False
        if ctype == b"IDAT" or length > MAX_BLOCK:
            f.seek(length + 4, 1)
            continue
        if ctype == b"IEND":
            break
        data = f.read(length)
        f.seek(4, 1)
        _png_chunk(meta, ctype, data)
    else:
        meta.budget.note(f"PNG chunks beyond {MAX_SEGMENTS} skipped")
    return meta


def _png_chunk(meta: RawMeta, ctype: bytes, data: bytes) -> None:
    if ctype == b"IHDR" and len(data) >= 10:
        meta.width, meta.height = struct.unpack(">II", data[:8])
        meta.has_alpha = data[9] in (4, 6)
    elif ctype == b"tRNS":
        meta.has_alpha = True
    elif ctype == b"eXIf":
        if meta.budget.take("exif", len(data)):
            meta.exif.append(data[6:] if data.startswith(b"Exif\x00") else data)
    elif ctype == b"caBX":
        meta.c2pa = True
    elif ctype in (b"tEXt", b"zTXt", b"iTXt"):
        text = _png_text(ctype, data, meta.budget)
        if text is None:
            return
        key, value = text
        if key == "XML:com.adobe.xmp":
            meta.xmp.append(value.encode("utf-8"))
        elif key.lower().startswith("raw profile type") and ("exif" in key.lower() or "xmp" in key.lower()):
            _raw_profile(meta, key, value)
        else:
            meta.texts.append((key, value, f"PNG {ctype.decode()} chunk '{key}'"))


def _inflate(data: bytes, limit: int) -> bytes:
    return zlib.decompressobj().decompress(data, limit)


def _png_text(ctype: bytes, data: bytes, budget: Budget) -> tuple[str, str] | None:
    """One text chunk, inflated no further than what the file's text budget still allows."""
    key, sep, rest = data.partition(b"\x00")
    if not sep:
        return None
    name = key.decode("latin-1")
    kind = "xmp" if name == "XML:com.adobe.xmp" else "text"
    room = min(MAX_TEXT, budget.room(kind))
    if room <= 0:  # nothing fits any more: don't even inflate it
        budget.take(kind, 1)  # records the note
        return None
    try:
        if ctype == b"tEXt":
            raw = rest
        elif ctype == b"zTXt":
            raw = _inflate(rest[1:], room + 1)
        else:
            flag = rest[0] if rest else 0
            _lang, _, rest2 = rest[2:].partition(b"\x00")
            _tkey, _, text = rest2.partition(b"\x00")
            raw = _inflate(text, room + 1) if flag else text
    except (zlib.error, IndexError):
        return None
    if not budget.take(kind, len(raw)):
        return None
    return name, raw.decode("latin-1" if ctype == b"tEXt" or ctype == b"zTXt" else "utf-8", "replace")


def _raw_profile(meta: RawMeta, key: str, value: str) -> None:
    """ImageMagick's hex-encoded 'Raw profile type exif/xmp' text chunks."""
    lines = value.strip().split("\n", 2)
    if len(lines) < 3:
        return
    try:
        blob = bytes.fromhex("".join(lines[2].split()))
    except ValueError:
        return
    if "xmp" in key.lower():
        meta.xmp.append(blob)
    else:
        meta.exif.append(blob[6:] if blob.startswith(b"Exif\x00") else blob)


def walk_webp(f: BinaryIO, size: int) -> RawMeta:
    meta = RawMeta("webp")
    f.seek(4)
    riff_end = 8 + struct.unpack("<I", _read(f, 4, "WebP"))[0]
    if riff_end < size:
        size = riff_end  # bytes after the RIFF chunk are someone's trailer, not WebP
    f.seek(12)
    while f.tell() + 8 <= size:
        fourcc, length = struct.unpack("<4sI", f.read(8))
        if f.tell() + length > size:
            if meta.width is None:
                raise MediaError("truncated WebP")
            meta.problem = "truncated WebP"
            break
        padded = length + (length & 1)
        if fourcc in (b"VP8X", b"VP8 ", b"VP8L", b"EXIF", b"XMP ", b"C2PA"):
            start = f.tell()
            if fourcc in (b"EXIF", b"XMP ") and length > MAX_BLOCK:  # not metadata: skip, never keep
                meta.budget.note(f"WebP {fourcc.decode().strip()} chunk over {MAX_BLOCK >> 20} MB skipped")
                data = b""
            else:  # bitstreams: only their headers are needed
                data = f.read(min(length, 64) if fourcc in (b"VP8 ", b"VP8L", b"C2PA") else length)
            f.seek(start + padded)
            _webp_chunk(meta, fourcc, data)
        else:
            if fourcc == b"ALPH":
                meta.has_alpha = True
            f.seek(padded, 1)
    if meta.width is None:
        raise MediaError("broken WebP (no image header)")
    return meta


def _webp_chunk(meta: RawMeta, fourcc: bytes, data: bytes) -> None:
    if fourcc == b"VP8X" and len(data) >= 10:
        meta.has_alpha = meta.has_alpha or bool(data[0] & 0x10)
        meta.width = 1 + int.from_bytes(data[4:7], "little")
        meta.height = 1 + int.from_bytes(data[7:10], "little")
    elif fourcc == b"VP8 " and len(data) >= 10 and meta.width is None:
        if data[3:6] == b"\x9d\x01\x2a":
            w, h = struct.unpack("<HH", data[6:10])
            meta.width, meta.height = w & 0x3FFF, h & 0x3FFF
    elif fourcc == b"VP8L" and len(data) >= 5 and meta.width is None:
        if data[0] == 0x2F:
            bits = int.from_bytes(data[1:5], "little")
            meta.width, meta.height = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
            meta.has_alpha = meta.has_alpha or bool((bits >> 28) & 1)
    elif fourcc == b"EXIF":
        if meta.budget.take("exif", len(data)):
            meta.exif.append(data[6:] if data.startswith(b"Exif\x00") else data)
    elif fourcc == b"XMP ":
        if meta.budget.take("xmp", len(data)):
            meta.xmp.append(data)
    elif fourcc == b"C2PA":
        meta.c2pa = True
