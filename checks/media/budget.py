"""Memory budgets for reading media: bytes and items are counted *before* they are allocated.

A 60 KB file can describe gigabytes (a HEIF item table of 655 million zero-byte extents, 600
PNG text chunks that each inflate to megabytes, a TIFF tag that claims 4 GB of text). Every
reader asks a `Budget` before it allocates; what does not fit is skipped and leaves a *note*,
so the file is still read with everything that fits and the creator sees what was left out.
Limits are far above what a real camera, editor or generator writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

MAX_BLOCK = 16 * 1024 * 1024  # one metadata block larger than this is not metadata
MAX_TEXT_CHUNK = 4 * 1024 * 1024  # one inflated text chunk (zip bombs)
MAX_TEXT_CHUNKS = 512  # text chunks/segments per file
MAX_TEXT_BYTES = 32 * 1024 * 1024  # all text of one file, inflated
MAX_XMP_BYTES = 16 * 1024 * 1024  # all XMP of one file (standard + extended packets)
MAX_EXIF_BLOCKS = 8
MAX_EXIF_BYTES = 16 * 1024 * 1024
MAX_SCAN_BYTES = 4 * 1024 * 1024  # other metadata kept for the TC260 byte scan
MAX_SEGMENTS = 100_000  # JPEG segments / PNG chunks walked per file
MAX_EXTENTS = 100_000  # HEIF item extents, all items together
MAX_XMP_ELEMENTS = 200_000  # `<` in one XMP packet; 100,000 DocumentAncestors entries fit
MAX_XMP_ATTRS = 50_000  # expat builds all attributes of an element before we can count them
MAX_JSON_BYTES = 1 << 20  # one JSON value we parse (an Annex E label, generator settings)
MAX_NESTING = 64  # JSON / XML levels; real metadata uses fewer than ten


_LIMITS = {
    "text": (MAX_TEXT_CHUNKS, MAX_TEXT_BYTES),
    "xmp": (64, MAX_XMP_BYTES),
    "xmpext": (4096, MAX_XMP_BYTES),  # JPEG extended XMP arrives in ~64 KB segments
    "exif": (MAX_EXIF_BLOCKS, MAX_EXIF_BYTES),
    "scan": (256, MAX_SCAN_BYTES),
    "irb": (64, MAX_BLOCK),
}
_WHAT = {
    "text": "text chunks",
    "xmp": "XMP packets",
    "xmpext": "extended XMP segments",
    "exif": "EXIF blocks",
    "scan": "metadata blocks",
    "irb": "Photoshop resource blocks",
}


@dataclass
class Budget:
    """What one file may still allocate per kind of metadata; notes say what was skipped."""

    used: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind → (items, bytes)
    notes: list[str] = field(default_factory=list)

    def take(self, kind: str, nbytes: int) -> bool:
        """Reserve one block of `nbytes`; False (and a note, once per kind) when it does not fit."""
        items, total = self.used.get(kind, (0, 0))
        max_items, max_bytes = _LIMITS[kind]
        if items + 1 > max_items or total + nbytes > max_bytes:
            self.note(
                f"{_WHAT[kind]} beyond {max_items} or {max_bytes >> 20} MB skipped (memory budget)"
            )
            self.used[kind] = (max_items, total)  # full: later blocks are not even inflated
            return False
        self.used[kind] = (items + 1, total + nbytes)
        return True

    def room(self, kind: str) -> int:
        """Bytes one more block of `kind` may still hold (0 when the item count is used up)."""
        items, total = self.used.get(kind, (0, 0))
        max_items, max_bytes = _LIMITS[kind]
        return 0 if items >= max_items else max(0, max_bytes - total)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


def too_deep_json(text: str) -> bool:
    """True when the JSON value in `text` (from its first `{` or `[`) nests too deep to parse.

    Python's json module recurses once per level and raises RecursionError near 1,000 levels;
    asking the C parser itself is exact and linear, where a bracket count in Python is slow.
    """
    starts = [i for i in (text.find("{"), text.find("[")) if i >= 0]
    if not starts or len(text) > MAX_JSON_BYTES:
        return False
    try:
        json.loads(text[min(starts) :])
    except RecursionError:
        return True
    except ValueError:
        return False
    return False


def load_json(text: str) -> Any:
    """json.loads that refuses over-deep or oversized values (ValueError) instead of exhausting
    the stack or building millions of objects; labels and generator settings are a few KB."""
    if len(text) > MAX_JSON_BYTES:
        raise ValueError(f"JSON over {MAX_JSON_BYTES >> 20} MB")
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc


DEEP_JSON_NOTE = "JSON nested too deeply to read (about 1,000 levels) skipped"
DEEP_XML_NOTE = f"XML nested deeper than {MAX_NESTING} levels skipped"
