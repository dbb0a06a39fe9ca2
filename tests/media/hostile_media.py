"""Builders for small hostile media files that describe gigabytes (issue #14 items 8–9).

Shared by the regression tests and by bench/fuzz_media.py, which uses them as generated seeds.
Each returns bytes; none needs a binary fixture.
"""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

XMP_DST = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
    b'Iptc4xmpExt:DigitalSourceType="http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"/>'
    b"</rdf:RDF></x:xmpmeta>"
)


def png_chunk(ctype: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + ctype + data + struct.pack(">I", zlib.crc32(ctype + data))


def plain_png(size: tuple[int, int] = (16, 16)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, "white").save(buf, "PNG")
    return buf.getvalue()


def png_with_chunks(chunks: list[bytes]) -> bytes:
    """A valid PNG with `chunks` inserted right after IHDR."""
    base = plain_png()
    ihdr_end = 8 + 8 + 13 + 4
    return base[:ihdr_end] + b"".join(chunks) + base[ihdr_end:]


def png_text_bomb(n: int = 600, inflated: int = 4 * 1024 * 1024) -> bytes:
    """An AI generator's parameters chunk, then `n` zTXt/iTXt chunks that each inflate to `inflated` bytes."""
    packed = zlib.compress(b"\x00" * inflated, 9)
    chunks = [png_chunk(b"tEXt", b"parameters\x00a cat\nSteps: 20, Sampler: Euler a, Seed: 1")]
    for i in range(n):
        if i % 2:
            chunks.append(png_chunk(b"zTXt", b"Comment%d\x00\x00" % i + packed))
        else:
            chunks.append(png_chunk(b"iTXt", b"Note%d\x00\x01\x00\x00\x00" % i + packed))
    return png_with_chunks(chunks)


def deep_json(levels: int = 1000) -> str:
    return '{"a":' * levels + "1" + "}" * levels


def deep_xml(levels: int = 1000) -> bytes:
    return XMP_DST.replace(b"</rdf:RDF>", b"<rdf:Bag>" * levels + b"</rdf:Bag>" * levels + b"</rdf:RDF>")


def png_ai_with_deep_blocks(levels: int = 1000) -> bytes:
    """An A1111 PNG without a label whose other text chunks are 1,000-deep JSON and XML."""
    return png_with_chunks(
        [
            png_chunk(b"tEXt", b"Comment\x00" + deep_json(levels).encode()),
            png_chunk(b"tEXt", b"AIGC\x00" + deep_json(levels).encode()),
            png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + deep_xml(levels)),
            png_chunk(b"tEXt", b"parameters\x00a cat\nSteps: 20, Sampler: Euler a, Seed: 1"),
        ]
    )


def heic_extent_bomb(items: int = 10_000, extents: int = 65_535) -> bytes:
    """A HEIF item table whose zero-width fields list items × extents locations in ~6 bytes per item."""
    iloc = b"\x00\x00\x00\x00" + bytes([0x00, 0x00]) + struct.pack(">H", items)
    iloc += b"".join(struct.pack(">HHH", i + 1, 0, extents) for i in range(items))
    iloc_box = struct.pack(">I", 8 + len(iloc)) + b"iloc" + iloc
    meta = b"\x00\x00\x00\x00" + iloc_box
    meta_box = struct.pack(">I", 8 + len(meta)) + b"meta" + meta
    return b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + meta_box


def _ifd(entries: list[tuple[int, int, int, bytes]], link: int, e: str = "<") -> bytes:
    out = struct.pack(e + "H", len(entries))
    for tag, typ, count, value in entries:
        out += struct.pack(e + "HHI", tag, typ, count) + value.ljust(4, b"\x00")
    return out + struct.pack(e + "I", link)


def tiff_ascii_bomb(tags: int = 40) -> bytes:
    """A TIFF whose IFD0 has `tags` ASCII entries of count 0xFFFFFFFF, plus an honest Model."""
    entries = [(0x0110, 2, 4, b"EOS\x00")]
    entries += [(0x010E if i == 0 else 0xC000 + i, 2, 0xFFFFFFFF, struct.pack("<I", 8)) for i in range(tags)]
    entries.sort()
    return b"II*\x00" + struct.pack("<I", 8) + _ifd(entries, 0)


def tiff_ifd_chain(links: int = 5_000_000, loop: bool = False) -> bytes:
    """IFD0 (an honest Model) followed by `links` empty IFDs of 6 bytes each; `loop` links the last back."""
    first = _ifd([(0x0110, 2, 4, b"EOS\x00")], 8 + 18)
    body = bytearray()
    pos = 8 + len(first)
    for i in range(links):
        nxt = pos + 6 * (i + 1)
        if i == links - 1:
            nxt = 8 if loop else 0
        body += struct.pack("<HI", 0, nxt)
    return b"II*\x00" + struct.pack("<I", 8) + first + bytes(body)


def jpeg_extended_xmp(mb: int = 40) -> bytes:
    """A JPEG with an AI DigitalSourceType XMP packet and `mb` MB of extended XMP full of elements."""
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(buf, "JPEG", xmp=XMP_DST)
    base = buf.getvalue()
    sig = b"http://ns.adobe.com/xmp/extension/\x00"
    guid = b"0" * 32
    total = mb * 1024 * 1024
    body = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/">' + b"<b/>" * (total // 4))[:total]
    step = 65000
    segments = []
    for off in range(0, total, step):
        part = body[off : off + step]
        payload = sig + guid + struct.pack(">II", total, off) + part
        segments.append(b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload)
    return base[:2] + b"".join(segments) + base[2:]


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def mp4_nested_moov(mb: int = 60, depth: int = 15) -> bytes:
    """A playable-looking MP4 whose moov nests `depth` container boxes around `mb` MB of padding."""
    inner = _box(b"free", b"\x00" * (mb * 1024 * 1024))
    kinds = [b"trak", b"mdia", b"udta", b"edts", b"tapt"]
    for i in range(depth - 1):
        inner = _box(kinds[i % len(kinds)], inner)
    mvhd = _box(b"mvhd", b"\x00" * 4 + struct.pack(">IIII", 0, 0, 1000, 5000) + b"\x00" * 80)
    moov = _box(b"moov", mvhd + inner)
    return _box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41") + moov + _box(b"mdat", b"\x00" * 64)
