"""Hostile bytes never escape as exceptions: seeded mutations of real files, plus bombs and oddities."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from checks.media import read_one


def _seeds() -> dict[str, bytes]:
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif.get_ifd(0x8769)[0x9003] = "2026:01:02 03:04:05"
    exif.get_ifd(0x8825)[2] = (30.0, 1.0, 2.0)
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>'
    out = {}
    im = Image.new("RGB", (24, 16), "white")
    for fmt, kw in (
        ("jpeg", {"exif": exif, "xmp": xmp}),
        ("webp", {"exif": exif, "xmp": xmp}),
        ("tiff", {"exif": exif}),
    ):
        buf = io.BytesIO()
        im.save(buf, fmt.upper(), **kw)
        out[fmt] = buf.getvalue()
    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", "Steps: 20")
    info.add_itxt("XML:com.adobe.xmp", xmp.decode(), zip=True)
    buf = io.BytesIO()
    im.save(buf, "PNG", pnginfo=info, exif=exif)
    out["png"] = buf.getvalue()
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
        buf = io.BytesIO()
        im.save(buf, "HEIF", exif=exif.tobytes())
        out["heic"] = buf.getvalue()
    except ImportError:
        pass
    return out


def _mutations(data: bytes, rng: random.Random, n: int) -> list[bytes]:
    out = [data[: rng.randrange(1, len(data))] for _ in range(n // 3)]
    for _ in range(n - len(out)):
        b = bytearray(data)
        for _ in range(rng.randrange(1, 8)):
            i = rng.randrange(len(b))
            b[i] = rng.randrange(256)
        if rng.random() < 0.3:
            i = rng.randrange(len(b))
            b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
        out.append(bytes(b))
    return out


@pytest.mark.parametrize("fmt", ["jpeg", "png", "webp", "tiff", "heic"])
def test_mutated_files_give_facts_or_a_named_error(tmp_path: Path, fmt: str) -> None:
    seeds = _seeds()
    if fmt not in seeds:
        pytest.skip("pillow-heif missing")
    rng = random.Random(f"preflight-{fmt}")
    for n, data in enumerate(_mutations(seeds[fmt], rng, 60)):
        path = tmp_path / f"m{n}.{fmt}"
        path.write_bytes(data)
        facts = read_one(path, use_cache=False)  # must not raise
        assert facts.path == str(path)
        assert facts.error is None or (isinstance(facts.error, str) and facts.error)


def test_deeply_nested_and_oversized_boxes(tmp_path: Path) -> None:
    nested = b"".join((1000 - i).to_bytes(4, "big") + b"meta" for i in range(200))
    path = tmp_path / "nested.heic"
    path.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + nested)
    assert read_one(path, use_cache=False).error
    huge = tmp_path / "huge.png"
    huge.write_bytes(b"\x89PNG\r\n\x1a\n" + (0x7FFFFFFF).to_bytes(4, "big") + b"IHDR")
    assert read_one(huge, use_cache=False).error.startswith("truncated PNG")


def test_xml_entity_bomb_in_xmp_is_refused_but_file_reads(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>'
    )
    path = tmp_path / "bomb.jpg"
    Image.new("RGB", (8, 8)).save(path, xmp=bomb)
    facts = read_one(path, use_cache=False)
    assert facts.error is None and facts.width == 8
