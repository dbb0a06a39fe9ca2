"""A bounded, patched view of TIFF-structured bytes for exifread, which trusts every count.

exifread allocates what an entry claims: an ASCII tag of count 0xFFFFFFFF is one 4 GB read, an
IFD chain of 31 million links is a 31-million-entry list. Before exifread sees a block, `plan`
walks the IFDs itself (a bounded number, loops detected) and patches — in a view, never in the
file — the few bytes that would make exifread over-allocate: an IFD's entry count above
MAX_ENTRIES, an ASCII count larger than the data or MAX_TAG_BYTES, the next-IFD link of a chain
that loops or runs past MAX_CHAIN. Each patch leaves a note; everything else reads unchanged.
"""

from __future__ import annotations

import struct
from bisect import bisect_left
from typing import BinaryIO

from checks.media.budget import MAX_BLOCK

MAX_CHAIN = 16  # IFD0, IFD1 (thumbnail), and multi-page TIFF pages we never look at
MAX_IFDS = 64  # every IFD visited, sub-IFDs included
MAX_ENTRIES = 1024  # a real IFD has a few hundred entries at most
MAX_TAG_BYTES = 1 << 20  # one ASCII value; we read make, model, software, dates, descriptions
MAX_TOTAL_READ = 64 * 1024 * 1024  # all reads exifread makes on one block
_SUB_IFDS = {0x8769: "EXIF", 0x8825: "GPS", 0xA005: "Interop"}
_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}


class OverRead(Exception):
    """exifread asked for more than MAX_TOTAL_READ bytes of one block."""


def plan(fh: BinaryIO, size: int) -> tuple[dict[int, bytes], list[str]]:
    """Patches (offset → bytes) that keep exifread within budget, and a note for each kind."""
    patches: dict[int, bytes] = {}
    notes: list[str] = []
    fh.seek(0)
    head = fh.read(8)
    if len(head) < 8 or head[:2] not in (b"II", b"MM"):
        return patches, notes
    e = "<" if head[:2] == b"II" else ">"

    def note(text: str) -> None:
        if text not in notes:
            notes.append(text)

    first = struct.unpack(e + "I", head[4:8])[0]
    queue: list[tuple[int, bool]] = [(first, True)]
    seen: set[int] = set()
    chain = 0
    while queue:
        off, in_chain = queue.pop(0)
        if off in seen or off < 8 or off + 2 > size:
            continue
        seen.add(off)
        fh.seek(off)
        count = struct.unpack(e + "H", fh.read(2))[0]
        if count > MAX_ENTRIES:
            patches[off] = struct.pack(e + "H", MAX_ENTRIES)
            patches[off + 2 + 12 * MAX_ENTRIES] = b"\x00\x00\x00\x00"  # where exifread now looks for a link
            note(f"EXIF directory with {count} entries cut to {MAX_ENTRIES}")
            count, in_chain = MAX_ENTRIES, False
        entries = fh.read(12 * count)
        for i in range(0, len(entries) - 11, 12):
            tag, typ, n, value = struct.unpack(e + "HHII", entries[i : i + 12])
            length = n * _SIZES.get(typ, 1)
            if typ == 2 and length > 4 and (length > MAX_TAG_BYTES or value + length > size):
                patches[off + 2 + i + 4] = b"\x00\x00\x00\x00"
                note(f"EXIF text tag 0x{tag:04X} claiming {length} bytes skipped")
            elif tag in _SUB_IFDS and typ in (4, 13) and n == 1:
                queue.append((value, False))
        if len(seen) >= MAX_IFDS:
            note(f"EXIF directories beyond {MAX_IFDS} skipped")
            break
        link_at = off + 2 + 12 * count
        if not in_chain or link_at + 4 > size:
            continue
        fh.seek(link_at)
        link = struct.unpack(e + "I", fh.read(4))[0]
        chain += 1
        if link and (link in seen or chain >= MAX_CHAIN):
            patches[link_at] = b"\x00\x00\x00\x00"
            note("EXIF directory chain loops" if link in seen else f"EXIF directories beyond {MAX_CHAIN} skipped")
        elif link:
            queue.append((link, True))
    return patches, notes


class GuardedTiff:
    """The file-like object exifread reads: reads clamped to the data and a budget, patches applied."""

    def __init__(self, fh: BinaryIO, size: int, patches: dict[int, bytes]) -> None:
        self._fh, self._size, self._patches = fh, size, patches
        self._at = sorted(patches)  # patches are ≤ 4 bytes: bisect finds the few a read touches
        self._pos = 0
        self._total = 0

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def read(self, n: int | None = -1) -> bytes:
        room = max(0, self._size - self._pos)
        n = room if n is None or n < 0 else min(n, room)
        n = min(n, MAX_BLOCK)
        self._total += n
        if self._total > MAX_TOTAL_READ:
            raise OverRead(f"EXIF reads beyond {MAX_TOTAL_READ >> 20} MB")
        self._fh.seek(self._pos)
        data = self._fh.read(n)
        start, self._pos = self._pos, self._pos + len(data)
        if not self._patches:
            return data
        buf = None
        for at in self._at[bisect_left(self._at, start - 4) : bisect_left(self._at, self._pos)]:
            for k, byte in enumerate(self._patches[at]):
                if start <= at + k < self._pos:
                    buf = buf if buf is not None else bytearray(data)
                    buf[at + k - start] = byte
        return bytes(buf) if buf is not None else data
