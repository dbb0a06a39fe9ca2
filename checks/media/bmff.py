"""ISO-BMFF (HEIF/HEIC/AVIF) item walking: EXIF and XMP items, the primary image size, C2PA.

HEIF stores metadata as *items* located by the `iloc` table inside `meta`; nothing here decodes
HEVC/AV1. Only `meta` (small) and the item extents we need are read. Malformed boxes raise
`MediaError` naming the container, so a fuzzed file becomes a finding, not a traceback.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from checks.media.budget import MAX_BLOCK, MAX_EXTENTS, Budget
from checks.media.containers import MediaError, RawMeta

C2PA_UUID = bytes.fromhex("d8fec3d61b0e483c92975828877ec481")
MAX_BOXES = 10_000


def top_boxes(f: BinaryIO, size: int) -> list[tuple[bytes, int, int]]:
    """(type, payload offset, payload size) of the top-level boxes; raises on a broken layout."""
    out: list[tuple[bytes, int, int]] = []
    pos = 0
    while pos + 8 <= size and len(out) < MAX_BOXES:
        f.seek(pos)
        head = f.read(16)
        box_size, btype = struct.unpack(">I4s", head[:8])
        hdr = 8
        if box_size == 1:
            if len(head) < 16:
                raise MediaError("truncated box header")
            box_size = struct.unpack(">Q", head[8:16])[0]
            hdr = 16
        elif box_size == 0:
            box_size = size - pos
        if box_size < hdr:
            raise MediaError(f"broken box '{btype.decode('latin-1')}'")
        if pos + box_size > size:
            out.append((btype, pos + hdr, size - pos - hdr))
            out.append((b"!TRUNC", pos, 0))
            break
        out.append((btype, pos + hdr, box_size - hdr))
        pos += box_size
    return out


def has_c2pa_uuid(f: BinaryIO, size: int) -> bool:
    """A C2PA manifest store in BMFF is a top-level `uuid` box with the C2PA uuid."""
    try:
        boxes = top_boxes(f, size)
    except (MediaError, struct.error):
        return False
    for btype, off, n in boxes:
        if btype == b"uuid" and n >= 16:
            f.seek(off)
            if f.read(16) == C2PA_UUID:
                return True
    return False


def _children(data: bytes, start: int = 0) -> list[tuple[bytes, bytes]]:
    out: list[tuple[bytes, bytes]] = []
    pos = start
    while pos + 8 <= len(data) and len(out) < MAX_BOXES:  # 16 MB of 8-byte boxes is 2 million
        n, t = struct.unpack(">I4s", data[pos : pos + 8])
        hdr = 8
        if n == 1:
            n = struct.unpack(">Q", data[pos + 8 : pos + 16])[0]
            hdr = 16
        elif n == 0:
            n = len(data) - pos
        if n < hdr or pos + n > len(data):
            raise MediaError(f"broken HEIF box '{t.decode('latin-1')}'")
        out.append((t, data[pos + hdr : pos + n]))
        pos += n
    return out


def _uint(data: bytes, pos: int, n: int) -> tuple[int, int]:
    if n == 0:
        return 0, pos
    if pos + n > len(data):
        raise MediaError("broken HEIF item table")
    return int.from_bytes(data[pos : pos + n], "big"), pos + n


def walk_heif(f: BinaryIO, size: int, fmt: str) -> RawMeta:
    meta = RawMeta(fmt)
    boxes = top_boxes(f, size)
    truncated = any(t == b"!TRUNC" for t, _, _ in boxes)
    meta_box = next(((off, n) for t, off, n in boxes if t == b"meta"), None)
    if meta_box is None:
        raise MediaError(f"broken {fmt.upper()} (no 'meta' box)")
    off, n = meta_box
    if n > MAX_BLOCK or off + n > size:
        raise MediaError(f"truncated {fmt.upper()} (metadata cut off)")
    f.seek(off)
    body = f.read(n)
    kids = dict(_children(body, 4))
    pitm = kids.get(b"pitm", b"")
    primary = _uint(pitm, 4, 2 if pitm[0] == 0 else 4)[0] if len(pitm) >= 6 else 0
    items = _item_types(kids.get(b"iinf", b""))
    locs = _item_locations(kids.get(b"iloc", b""), meta.budget)
    idat = kids.get(b"idat", b"")
    _primary_size(meta, kids.get(b"iprp", b""), primary)
    for item_id, (itype, ctype) in items.items():
        want = itype == b"Exif" or (itype == b"mime" and ("xmp" in ctype or "rdf+xml" in ctype))
        if not want or item_id not in locs:
            continue
        need = sum(elen for _b, _o, elen, _m in locs[item_id])
        if not meta.budget.take("exif" if itype == b"Exif" else "xmp", need):  # before reading
            continue
        data = _item_data(f, size, locs[item_id], idat)
        if data is None:
            truncated = True
            continue
        if itype == b"Exif":
            if len(data) >= 4:
                skip = struct.unpack(">I", data[:4])[0]
                meta.exif.append(data[4 + skip :])
        else:
            meta.xmp.append(data)
    meta.c2pa = any(t == b"uuid" for t, _, _ in boxes) and has_c2pa_uuid(f, size)
    for _item_id, extents in locs.items():
        if any(base + eoff + elen > size for base, eoff, elen, method in extents if method == 0):
            truncated = True
    if truncated:
        meta.problem = f"truncated {fmt.upper()} (image data cut off)"
    return meta


def _item_types(iinf: bytes) -> dict[int, tuple[bytes, str]]:
    if not iinf:
        return {}
    version = iinf[0]
    start = 4 + (2 if version == 0 else 4)
    items: dict[int, tuple[bytes, str]] = {}
    for t, payload in _children(iinf, start):
        if t != b"infe" or len(payload) < 4:
            continue
        v = payload[0]
        if v < 2:
            continue
        pos = 4
        item_id, pos = _uint(payload, pos, 2 if v == 2 else 4)
        pos += 2
        itype = payload[pos : pos + 4]
        pos += 4
        _name, _, rest = payload[pos:].partition(b"\x00")
        ctype = rest.partition(b"\x00")[0].decode("latin-1").lower() if itype == b"mime" else ""
        items[item_id] = (itype, ctype)
    return items


def _item_locations(iloc: bytes, budget: Budget) -> dict[int, list[tuple[int, int, int, int]]]:
    """The item table; zero-width fields let 60 KB list 655 million extents, so they are counted
    against MAX_EXTENTS before they are stored, and the table is cut (with a note) at the limit."""
    if len(iloc) < 8:
        return {}
    version = iloc[0]
    off_size, len_size = iloc[4] >> 4, iloc[4] & 15
    base_size, idx_size = iloc[5] >> 4, (iloc[5] & 15) if version in (1, 2) else 0
    pos = 6
    count, pos = _uint(iloc, pos, 2 if version < 2 else 4)
    out: dict[int, list[tuple[int, int, int, int]]] = {}
    room = MAX_EXTENTS
    for _ in range(min(count, MAX_BOXES)):
        item_id, pos = _uint(iloc, pos, 2 if version < 2 else 4)
        method = 0
        if version in (1, 2):
            cm, pos = _uint(iloc, pos, 2)
            method = cm & 15
        pos += 2
        base, pos = _uint(iloc, pos, base_size)
        next_, pos = _uint(iloc, pos, 2)
        if next_ > room:
            budget.note(f"HEIF item table beyond {MAX_EXTENTS} extents skipped (memory budget)")
            break
        room -= next_
        extents = []
        for _ in range(next_):
            _i, pos = _uint(iloc, pos, idx_size)
            eoff, pos = _uint(iloc, pos, off_size)
            elen, pos = _uint(iloc, pos, len_size)
            extents.append((base, eoff, elen, method))
        out[item_id] = extents
    return out


def _item_data(f: BinaryIO, size: int, extents: list[tuple[int, int, int, int]], idat: bytes) -> bytes | None:
    parts = []
    for base, eoff, elen, method in extents:
        if elen > MAX_BLOCK:
            return None
        if method == 1:
            parts.append(idat[base + eoff : base + eoff + elen])
            continue
        if method != 0 or base + eoff + elen > size:
            return None
        f.seek(base + eoff)
        parts.append(f.read(elen))
    return b"".join(parts)


def _primary_size(meta: RawMeta, iprp: bytes, primary: int) -> None:
    if not iprp:
        return
    kids = _children(iprp)
    ipco = next((p for t, p in kids if t == b"ipco"), b"")
    props = _children(ipco)
    crop, turns = (0, 0), 0
    for t, payload in kids:
        if t != b"ipma" or len(payload) < 8:
            continue
        version, flags = payload[0], int.from_bytes(payload[1:4], "big")
        pos = 4
        count, pos = _uint(payload, pos, 4)
        for _ in range(min(count, MAX_BOXES)):
            item_id, pos = _uint(payload, pos, 2 if version < 1 else 4)
            n, pos = _uint(payload, pos, 1)
            for _ in range(n):
                raw, pos = _uint(payload, pos, 2 if flags & 1 else 1)
                index = raw & (0x7FFF if flags & 1 else 0x7F)
                if item_id != primary or not 0 < index <= len(props):
                    continue
                ptype, pdata = props[index - 1]
                if ptype == b"ispe" and len(pdata) >= 12:
                    meta.width, meta.height = struct.unpack(">II", pdata[4:12])
                elif ptype == b"clap" and len(pdata) >= 16:
                    wn, wd, hn, hd = struct.unpack(">IIII", pdata[:16])
                    crop = (wn // wd if wd else 0, hn // hd if hd else 0)
                elif ptype == b"irot" and pdata:
                    turns = pdata[0] & 3
    if crop[0] and crop[1]:
        meta.width, meta.height = crop
    if turns in (1, 3) and meta.width and meta.height:
        meta.width, meta.height = meta.height, meta.width
