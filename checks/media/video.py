"""MP4/MOV/M4V/3GP facts from a small ISO-BMFF box walker.

Why a walker and not PyAV or ffprobe: the facts a creator's video carries (QuickTime `keys`
creationdate and ISO 6709 location, Android `©xyz`, 3GPP `loci`, the GB 45438 `AIGC` key) live in a
few hundred bytes of `moov`; reading them needs header reads and one bounded `moov` read, never the
media data. Hostile files (fuzzed boxes, 1000 nested `moov`s, truncation) get bounded depth, box
counts and sizes, and a `ValueError` naming what is wrong, which the registry turns into
`MediaFacts.error`.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from checks.media.provenance import label_evidence
from checks.media.tc260 import parse_label
from checks.model import AigcLabel, Evidence, Gps, MediaFacts

MAX_DEPTH = 16
MAX_BOXES = 20_000
MAX_MOOV = 64 * 1024 * 1024
MAX_TOP_LEVEL = 100_000
XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")
VISIBLE_LABEL_KEY = "com.preflight.visiblelabel"
WARNING_LABEL_KEY = "com.preflight.warninglabel"
_EPOCH_1904 = datetime(1904, 1, 1, tzinfo=UTC)
_EARLIEST = datetime(1971, 1, 1, tzinfo=UTC)
_CONTAINERS = {b"moov", b"trak", b"mdia", b"udta", b"edts", b"tapt"}
_ISO6709 = re.compile(r"([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?")
_QT_DATE = re.compile(
    r"(\d{4})-?(\d{2})-?(\d{2})[T ](\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?"
)
_FORMATS = {b"qt  ": "mov", b"3gp": "3gp", b"3g2": "3gp", b"M4V ": "m4v", b"M4VH": "m4v", b"M4VP": "m4v"}


@dataclass
class _Raw:
    """Everything the walk collects, before it becomes `MediaFacts`."""

    brand: bytes = b""
    mvhd_time: datetime | None = None
    duration: float | None = None
    size: tuple[int, int] | None = None
    tags: dict[str, str] = field(default_factory=dict)  # keys/ilst names and udta fourccs → text
    loci: Gps | None = None
    xmp: bytes | None = None
    boxes: int = 0


def read_video(path: Path) -> MediaFacts:
    """Facts of one ISO-BMFF video; raises `ValueError` with the reason when the file is not one."""
    path = Path(path)
    raw = _walk(path)
    tags = raw.tags
    capture, source = _creation(tags.get("com.apple.quicktime.creationdate")), "QuickTime creationdate"
    if capture is None and _creation(tags.get("©day")):
        capture, source = _creation(tags.get("©day")), "QuickTime ©day"
    if capture is None and raw.mvhd_time is not None:
        capture, source = raw.mvhd_time, "QuickTime mvhd creation_time"
    gps = _iso6709(tags.get("com.apple.quicktime.location.ISO6709") or tags.get("©xyz") or "") or raw.loci
    evidence: list[Evidence] = []
    label: AigcLabel | None = None
    aigc_key = next((k for k in tags if "AIGC" in k), None)
    if aigc_key is not None:  # a key named AIGC is a label even when its value is unreadable
        where = "MP4 keys AIGC"
        label = parse_label(tags[aigc_key], where) or AigcLabel(label="", where=where, malformed=True)
        evidence.append(label_evidence(label))
    return MediaFacts(
        path=str(path),
        kind="video",
        format=_format(raw.brand, path),
        size_bytes=path.stat().st_size,
        width=raw.size[0] if raw.size else None,
        height=raw.size[1] if raw.size else None,
        capture_time=capture,
        capture_time_source=source if capture else None,
        gps=gps,
        make=_first(tags, "com.apple.quicktime.make", "com.android.manufacturer", "©mak"),
        model=_first(tags, "com.apple.quicktime.model", "com.android.model", "©mod"),
        software=_first(tags, "com.apple.quicktime.software", "©swr", "©too", "encoder"),
        duration=raw.duration,
        evidence=tuple(evidence),
        aigc_label=label,
        visible_ai_label=VISIBLE_LABEL_KEY in tags,
        visible_warning_label=WARNING_LABEL_KEY in tags,
    )


def video_xmp(path: Path) -> bytes | None:
    """The raw XMP packet of a video (`uuid` BE7ACFCB… box or `udta/XMP_`), for the XMP parser."""
    try:
        return _walk(Path(path)).xmp
    except (OSError, ValueError):
        return None


# --------------------------------------------------------------------------- walking


def _walk(path: Path) -> _Raw:
    raw = _Raw()
    size = path.stat().st_size
    if size < 8:
        raise ValueError(f"not an MP4/MOV file: only {size} bytes")
    seen_moov = False
    with path.open("rb") as f:
        pos = count = 0
        while pos + 8 <= size:
            count += 1
            if count > MAX_TOP_LEVEL:
                raise ValueError(f"more than {MAX_TOP_LEVEL} top-level boxes")
            f.seek(pos)
            kind, header, box_size = _header(f.read(16), size - pos, top=True)
            if pos == 0 and kind not in (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"):
                raise ValueError(f"not an MP4/MOV file: starts with '{_name(kind)}'")
            end = pos + box_size
            if end > size:
                if seen_moov and kind != b"moov":
                    break  # damage after the metadata: the media may be cut, the facts are read
                if kind not in (b"mdat", b"free", b"skip"):
                    raise ValueError(
                        f"truncated file: '{_name(kind)}' box needs {box_size} bytes, {size - pos} left"
                    )
                end = size
            if kind == b"moof" and seen_moov:
                break  # fragments follow; a long fragmented recording has thousands of them
            if kind == b"ftyp":
                f.seek(pos + header)
                raw.brand = f.read(4)
            elif kind == b"moov":
                if seen_moov:
                    raise ValueError("more than one moov box")
                seen_moov = True
                if box_size > MAX_MOOV:
                    raise ValueError(f"moov box too large ({box_size} bytes)")
                f.seek(pos + header)
                _children(f.read(box_size - header), b"moov", 1, raw)
            elif kind == b"uuid" and box_size >= header + 16:
                f.seek(pos + header)
                if f.read(16) == XMP_UUID and box_size - header - 16 <= MAX_MOOV:
                    raw.xmp = f.read(box_size - header - 16)
            elif kind == b"meta" and box_size <= MAX_MOOV:
                f.seek(pos + header)
                _meta(f.read(box_size - header), 1, raw)
            pos = end
    if not seen_moov:
        raise ValueError("no moov box: not a playable MP4/MOV (truncated or not a video)")
    return raw


def _header(data: bytes, room: int, top: bool = False) -> tuple[bytes, int, int]:
    """(type, header length, box length) of the box at the start of `data`; validates the size."""
    if len(data) < 8:
        raise ValueError("truncated box header")
    size, kind = struct.unpack(">I4s", data[:8])
    header = 8
    if size == 1:
        if len(data) < 16:
            raise ValueError("truncated 64-bit box header")
        size, header = struct.unpack(">Q", data[8:16])[0], 16
    elif size == 0:
        size = room
    if size < header:
        raise ValueError(f"invalid box size {size} for '{_name(kind)}'")
    if not top and size > room:
        raise ValueError(f"'{_name(kind)}' box overruns its parent ({size} > {room} bytes)")
    return kind, header, size


def _boxes(data: bytes, raw: _Raw) -> Iterator[tuple[bytes, bytes]]:
    pos = 0
    while pos + 8 <= len(data):
        raw.boxes += 1
        if raw.boxes > MAX_BOXES:
            raise ValueError(f"more than {MAX_BOXES} boxes")
        kind, header, size = _header(data[pos : pos + 16], len(data) - pos)
        yield kind, data[pos + header : pos + size]
        pos += size


def _children(data: bytes, parent: bytes, depth: int, raw: _Raw, handler: bytes = b"") -> None:
    if depth > MAX_DEPTH:
        raise ValueError(f"boxes nested deeper than {MAX_DEPTH} levels")
    if parent == b"trak":
        handler = _trak_handler(data, raw)
    for kind, body in _boxes(data, raw):
        if kind == b"mvhd":
            _mvhd(body, raw)
        elif kind == b"tkhd" and handler == b"vide" and raw.size is None:
            raw.size = _tkhd_size(body)
        elif kind == b"meta":
            _meta(body, depth + 1, raw)
        elif kind == b"loci" and raw.loci is None:
            raw.loci = _loci(body)
        elif kind == b"XMP_" and raw.xmp is None:
            raw.xmp = body
        elif parent == b"udta" and kind[:1] == b"\xa9":
            raw.tags.setdefault(_name(kind), _udta_text(body))
        elif kind in _CONTAINERS:
            _children(body, kind, depth + 1, raw, handler)


def _trak_handler(data: bytes, raw: _Raw) -> bytes:
    for kind, body in _boxes(data, raw):
        if kind == b"mdia":
            for sub, sbody in _boxes(body, raw):
                if sub == b"hdlr" and len(sbody) >= 12:
                    return sbody[8:12]
    return b""


def _mvhd(body: bytes, raw: _Raw) -> None:
    if len(body) >= 32 and body[0] == 1:
        created, _, scale, duration = struct.unpack(">QQIQ", body[4:32])
    elif len(body) >= 20:
        created, _, scale, duration = struct.unpack(">IIII", body[4:20])
    else:
        raise ValueError("truncated mvhd box")
    if created:
        try:
            when = _EPOCH_1904 + timedelta(seconds=created)
        except OverflowError:
            when = None
        raw.mvhd_time = when if when and when >= _EARLIEST else None
    if scale and duration not in (0, 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF):
        raw.duration = round(duration / scale, 3)


def _tkhd_size(body: bytes) -> tuple[int, int] | None:
    """Display size: the track's width and height, swapped when its matrix turns it a quarter
    (a phone held upright records landscape pixels plus a 90° matrix)."""
    offset = 76 if body[:1] == b"\x00" else 88
    if len(body) < offset + 8:
        return None
    width, height = (v >> 16 for v in struct.unpack(">II", body[offset : offset + 8]))
    if not (width and height):
        return None
    a, b = struct.unpack(">ii", body[offset - 36 : offset - 28])
    return (height, width) if a == 0 and abs(b) == 0x10000 else (width, height)


def _meta(body: bytes, depth: int, raw: _Raw) -> None:
    """QuickTime `meta` (children at once) or ISO `meta` (version/flags first): keys + ilst tags."""
    if depth > MAX_DEPTH:
        raise ValueError(f"boxes nested deeper than {MAX_DEPTH} levels")
    if body[:4] == b"\0\0\0\0":
        body = body[4:]
    keys: list[str] = []
    items: list[tuple[bytes, bytes]] = []
    for kind, sub in _boxes(body, raw):
        if kind == b"keys" and len(sub) >= 8:
            keys = _keys(sub[8:], raw)
        elif kind == b"ilst":
            items = list(_boxes(sub, raw))
    for kind, item in items:
        name = _item_name(kind, item, keys, raw)
        value = _item_value(item, raw)
        if name and value is not None:
            raw.tags.setdefault(name, value)


def _keys(data: bytes, raw: _Raw) -> list[str]:
    return [body.decode("utf-8", "replace") for _, body in _boxes(data, raw)]


def _item_name(kind: bytes, item: bytes, keys: list[str], raw: _Raw) -> str | None:
    index = struct.unpack(">I", kind)[0]
    if keys and 1 <= index <= len(keys):
        return keys[index - 1]
    if kind == b"----":
        for sub, body in _boxes(item, raw):
            if sub == b"name" and len(body) > 4:
                return body[4:].decode("utf-8", "replace")
        return None
    return _name(kind)


def _item_value(item: bytes, raw: _Raw) -> str | None:
    for kind, body in _boxes(item, raw):
        if kind == b"data" and len(body) >= 8:
            kind_code, value = struct.unpack(">I", body[:4])[0] & 0xFFFFFF, body[8:]
            if kind_code == 2:
                return value.decode("utf-16-be", "replace")
            if kind_code == 23 and len(value) == 4:
                return repr(struct.unpack(">f", value)[0])
            if kind_code == 24 and len(value) == 8:
                return repr(struct.unpack(">d", value)[0])
            if kind_code in (21, 22) and 1 <= len(value) <= 8:
                return str(int.from_bytes(value, "big", signed=kind_code == 21))
            return value.decode("utf-8", "replace").rstrip("\0")
    return None


def _udta_text(body: bytes) -> str:
    """A QuickTime international text item: 16-bit length, 16-bit language, then the text."""
    if len(body) >= 4:
        length = struct.unpack(">H", body[:2])[0]
        if 4 + length <= len(body):
            return body[4 : 4 + length].decode("utf-8", "replace").rstrip("\0")
    return body.decode("utf-8", "replace").rstrip("\0")


def _loci(body: bytes) -> Gps | None:
    """3GPP `loci`: version/flags, language, a NUL-terminated name, role, then 16.16 lon/lat/alt."""
    name_end = body.find(b"\0", 6)
    if body[6:8] in (b"\xfe\xff", b"\xff\xfe"):
        name_end = next((i for i in range(8, len(body) - 1, 2) if body[i : i + 2] == b"\0\0"), -1) + 1
    start = name_end + 2
    if name_end < 0 or len(body) < start + 12:
        return None
    lon, lat, alt = (v / 65536 for v in struct.unpack(">iii", body[start : start + 12]))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return Gps(round(lat, 6), round(lon, 6), round(alt, 2))


# --------------------------------------------------------------------------- values


def _iso6709(text: str) -> Gps | None:
    m = _ISO6709.match(text.strip())
    if not m:
        return None
    lat, lon = float(m[1]), float(m[2])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return Gps(lat, lon, float(m[3]) if m[3] else None)


def _creation(text: str | None) -> datetime | None:
    m = _QT_DATE.match(text.strip()) if text else None
    if not m:
        return None
    try:
        year, month, day, hour, minute, second = (int(m[i]) for i in range(1, 7))
        when = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    if m[7]:
        off = m[7].replace(":", "")
        if off == "Z":
            return when.replace(tzinfo=UTC)
        minutes = int(off[1:3]) * 60 + int(off[3:5])
        when = when.replace(tzinfo=timezone(timedelta(minutes=-minutes if off[0] == "-" else minutes)))
    return when if when.year >= 1971 else None


def _first(tags: dict[str, str], *names: str) -> str | None:
    return next((tags[n].strip() for n in names if tags.get(n, "").strip()), None)


def _format(brand: bytes, path: Path) -> str:
    if brand in _FORMATS or brand[:3] in _FORMATS:
        return _FORMATS.get(brand) or _FORMATS[brand[:3]]
    if not brand:
        return "mov" if path.suffix.lower() == ".mov" else "mp4"
    return "mp4"


def _name(kind: bytes) -> str:
    text = kind.decode("latin-1")
    return text if text.isprintable() else kind.hex()
