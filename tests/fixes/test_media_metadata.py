"""Metadata-only copies: GB 45438 implicit label, GPS stripped, everything else kept."""

from __future__ import annotations

import json
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import exifread
import pytest
from defusedxml import ElementTree
from fix_helpers import XMP_WITH_GPS, ai_png, camera_jpeg, sha, webp
from PIL import Image

from checks.fixes.containers import _jpeg_segments, _png_chunks, read_meta, sniff
from checks.fixes.media_export import export_media

TC260 = "{http://www.tc260.org.cn/ns/AIGC/1.0/}AIGC"
FIELDS = [
    "Label",
    "ContentProducer",
    "ProduceID",
    "ReservedCode1",
    "ContentPropagator",
    "PropagateID",
    "ReservedCode2",
]


def aigc_values(xmp: str) -> list[dict]:
    root = ElementTree.fromstring(xmp[xmp.index("<x:xmpmeta") : xmp.rindex("</x:xmpmeta>") + 12])
    values = []
    for desc in root.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"):
        if TC260 in desc.attrib:
            values.append(json.loads(desc.attrib[TC260]))
        values.extend(json.loads(el.text) for el in desc.iter(TC260))
    return values


def exif_tags(path: Path) -> dict:
    with open(path, "rb") as fh:
        return exifread.process_file(fh, details=False)


def test_jpeg_implicit_label_and_gps_strip_keep_pixels_and_metadata(tmp_path: Path) -> None:
    src = camera_jpeg(tmp_path / "in.jpg", xmp=XMP_WITH_GPS)
    before = sha(src)
    out = export_media(
        src, tmp_path / "out" / "in.jpg", visible_label=None, implicit_label=True, strip_gps=True, facts=None
    )
    assert sha(src) == before
    data = out.read_bytes()
    # compressed image data copied byte for byte: no re-encode
    assert _jpeg_segments(data)[1] == _jpeg_segments(src.read_bytes())[1]
    meta = read_meta("jpeg", data)
    labels = aigc_values(meta.xmp or "")
    assert len(labels) == 1 and list(labels[0]) == FIELDS and labels[0]["Label"] == "1"
    assert all(
        c == 0x21 or 0x23 <= c <= 0x5B or 0x5D <= c <= 0x7E for v in labels[0].values() for c in v.encode()
    )
    assert "GPSLatitude" not in (meta.xmp or "") and "Camera App 1.0" in meta.xmp and "West Lake" in meta.xmp
    tags = exif_tags(out)
    assert not any(k.startswith("GPS") for k in tags)
    assert str(tags["EXIF DateTimeOriginal"]) == "2026:11:03 14:22:05"
    assert str(tags["Image Model"]) == "iPhone 15"
    with Image.open(out) as im:
        assert im.info.get("icc_profile") == Image.open(src).info.get("icc_profile")


def test_png_gets_xmp_and_aigc_text_chunk_and_keeps_generator_text(tmp_path: Path) -> None:
    src = ai_png(tmp_path / "ai.png")
    out = export_media(
        src, tmp_path / "o" / "ai.png", visible_label=None, implicit_label=True, strip_gps=False, facts=None
    )
    chunks = _png_chunks(out.read_bytes())
    texts = {p.split(b"\x00", 1)[0]: p.split(b"\x00", 1)[1] for t, p in chunks if t == b"tEXt"}
    assert json.loads(texts[b"AIGC"])["AIGC"]["Label"] == "1"
    assert b"parameters" in texts
    assert [lab["Label"] for lab in aigc_values(read_meta("png", out.read_bytes()).xmp or "")] == ["1"]
    assert [t for t, _ in chunks if t == b"IDAT"] and chunks[-1][0] == b"IEND"
    with Image.open(out) as im:
        im.load()


@pytest.mark.parametrize("lossless", [False, True])
def test_webp_gets_extended_header_and_xmp(tmp_path: Path, lossless: bool) -> None:
    src = webp(tmp_path / "a.webp", lossless=lossless)
    out = export_media(
        src, tmp_path / "o" / "a.webp", visible_label=None, implicit_label=True, strip_gps=False, facts=None
    )
    data = out.read_bytes()
    assert data[12:16] == b"VP8X" and data[20] & 0x04
    assert aigc_values(read_meta("webp", data).xmp or "")[0]["Label"] == "1"
    with Image.open(BytesIO(data)) as im:
        assert im.size == (320, 240)
        im.load()


def test_second_export_never_adds_a_second_label(tmp_path: Path) -> None:
    src = ai_png(tmp_path / "ai.png")
    once = export_media(
        src, tmp_path / "1" / "ai.png", visible_label=None, implicit_label=True, strip_gps=False, facts=None
    )
    twice = export_media(
        once, tmp_path / "2" / "ai.png", visible_label=None, implicit_label=True, strip_gps=False, facts=None
    )
    data = twice.read_bytes()
    assert len(aigc_values(read_meta("png", data).xmp or "")) == 1
    assert sum(1 for t, p in _png_chunks(data) if t == b"tEXt" and p.startswith(b"AIGC\x00")) == 1


def test_original_is_never_the_destination(tmp_path: Path) -> None:
    from checks.fixes.media_export import MediaExportError

    src = ai_png(tmp_path / "ai.png")
    with pytest.raises(MediaExportError, match="original"):
        export_media(src, src, visible_label=None, implicit_label=True, strip_gps=False, facts=None)


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed")
@pytest.mark.parametrize("kind", ["jpeg", "png", "webp"])
def test_exiftool_reads_the_label(tmp_path: Path, kind: str) -> None:
    make = {"jpeg": lambda p: camera_jpeg(p), "png": ai_png, "webp": webp}[kind]
    src = make(tmp_path / f"in.{kind}")
    out = export_media(
        src,
        tmp_path / "o" / src.name,
        visible_label="AI生成",
        implicit_label=True,
        strip_gps=True,
        facts=None,
    )
    result = subprocess.run(
        ["exiftool", "-j", "-G1", "-a", str(out)], capture_output=True, text=True, check=True
    )
    tags = json.loads(result.stdout)[0]
    label = next((v for k, v in tags.items() if k.lower() == "xmp-tc260:aigc"), None)  # exiftool says "Aigc"
    assert label is not None, sorted(tags)
    assert json.loads(label)["Label"] == "1"
    assert tags.get("XMP-preflight:VisibleLabel") == "AI生成"
    assert not any(k.startswith("GPS:") for k in tags)


def test_sniff_formats() -> None:
    assert sniff(b"\xff\xd8\xff\xe0") == "jpeg"
    assert sniff(b"\x89PNG\r\n\x1a\n") == "png"
    assert sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"
    assert sniff(b"\x00\x00\x00\x18ftypheic") == "heic"
    assert sniff(b"\x00\x00\x00\x18ftypisom") == "mp4"


def _imagemagick() -> bool:
    """True only for a real ImageMagick: some machines ship a `convert` stand-in that converts nothing."""
    if shutil.which("convert") is None:
        return False
    probe = subprocess.run(["convert", "-version"], capture_output=True, text=True)
    return probe.returncode == 0 and "ImageMagick" in probe.stdout


@pytest.mark.skipif(not _imagemagick(), reason="ImageMagick not installed")
def test_imagemagick_png_loses_gps_in_every_place_it_hides(tmp_path: Path) -> None:
    src = camera_jpeg(tmp_path / "in.jpg", xmp=XMP_WITH_GPS)
    png = tmp_path / "magick.png"
    subprocess.run(["convert", str(src), str(png)], check=True, capture_output=True)
    out = export_media(
        png, tmp_path / "o" / "m.png", visible_label=None, implicit_label=False, strip_gps=True, facts=None
    )
    data = out.read_bytes()
    assert b"GPS" not in b"".join(p for t, p in _png_chunks(data) if t == b"tEXt")
    from checks.media import read_media

    (facts,) = read_media([out])
    assert facts.gps is None and facts.capture_time is not None
    if shutil.which("exiftool"):
        tags = subprocess.run(
            ["exiftool", "-j", "-a", "-G1", str(out)], capture_output=True, text=True
        ).stdout
        assert "GPS Latitude" not in tags and "GPSLatitude" not in tags


def test_label_in_exif_usercomment_is_not_duplicated(tmp_path: Path) -> None:
    from fix_helpers import camera_exif, scene

    exif = camera_exif(gps=False)
    label = '{"AIGC":{"Label":"1","ContentProducer":"doubao","ProduceID":"x1","ReservedCode1":"","ContentPropagator":"doubao","PropagateID":"x1","ReservedCode2":""}}'
    exif.get_ifd(0x8769)[0x9286] = b"ASCII\x00\x00\x00" + label.encode()
    src = tmp_path / "doubao.jpg"
    scene().save(src, "JPEG", exif=exif.tobytes())
    out = export_media(
        src,
        tmp_path / "o" / "d.jpg",
        visible_label="AI生成",
        implicit_label=True,
        strip_gps=False,
        facts=None,
    )
    meta = read_meta("jpeg", out.read_bytes())
    assert aigc_values(meta.xmp or "") == []  # the producer's label stays the only one
    assert b"doubao" in out.read_bytes()
