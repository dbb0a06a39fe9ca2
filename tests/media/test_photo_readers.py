"""Still-image readers on real bytes written by Pillow / pillow-heif inside the tests."""

from __future__ import annotations

import zlib
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from checks.media import read_one
from checks.model import Provenance

XMP_HEAD = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
)
XMP_TAIL = "</rdf:RDF></x:xmpmeta>"
IPTC = 'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"'
TC260 = 'xmlns:TC260="http://www.tc260.org.cn/ns/AIGC/1.0/"'
DST = "http://cv.iptc.org/newscodes/digitalsourcetype/"
LABEL_JSON = (
    '{"AIGC":{"Label":"1","ContentProducer":"001191110102MACQD9K64010000","ProduceID":"img-42",'
    '"ReservedCode1":"","ContentPropagator":"001191110102MACQD9K64010000","PropagateID":"img-42","ReservedCode2":""}}'
)


def xmp(body: str) -> bytes:
    return (XMP_HEAD + body + XMP_TAIL).encode("utf-8")


def camera_exif(
    *, lat_ref: str = "N", lon_ref: str = "E", gps: tuple[float, float] = (30.25, 120.16)
) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 15 Pro"
    exif[0x0112] = 6
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003] = "2026:11:03 14:22:05"
    ifd[0x9011] = "+08:00"
    g = exif.get_ifd(0x8825)
    g[1], g[3] = lat_ref, lon_ref
    g[2] = (float(int(gps[0])), float(round((gps[0] % 1) * 60, 6)), 0.0)
    g[4] = (float(int(gps[1])), float(round((gps[1] % 1) * 60, 6)), 0.0)
    g[5], g[6] = b"\x01", 12.0
    return exif


def image(mode: str = "RGB", size: tuple[int, int] = (64, 48)) -> Image.Image:
    return Image.new(mode, size, (200, 80, 40, 255)[: len(mode)] if mode != "L" else 128)


def test_jpeg_exif_capture_time_with_offset_gps_south_west_and_device(tmp_path: Path) -> None:
    path = tmp_path / "IMG_0001.jpg"
    image().save(path, exif=camera_exif(lat_ref="S", lon_ref="W", gps=(33.865, 70.66)))
    f = read_one(path, use_cache=False)
    assert f.error is None and f.format == "jpeg" and (f.width, f.height) == (64, 48)
    assert f.capture_time.isoformat() == "2026-11-03T14:22:05+08:00"
    assert f.capture_time.utcoffset() == timedelta(hours=8)
    assert f.gps.lat == pytest.approx(-33.865) and f.gps.lon == pytest.approx(-70.66)
    assert f.gps.altitude == pytest.approx(-12.0)
    assert f.device == "Apple iPhone 15 Pro" and f.orientation == 6
    assert f.provenance == Provenance.SELF_SHOT


def test_gps_zero_zero_means_no_fix(tmp_path: Path) -> None:
    path = tmp_path / "zero.jpg"
    exif = camera_exif(gps=(0.0, 0.0))
    image().save(path, exif=exif)
    assert read_one(path, use_cache=False).gps is None


def test_capture_time_never_comes_from_file_mtime(tmp_path: Path) -> None:
    path = tmp_path / "plain.jpg"
    image().save(path)
    f = read_one(path, use_cache=False)
    assert f.capture_time is None and f.provenance == Provenance.UNKNOWN


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            f'<rdf:Description {IPTC} Iptc4xmpExt:DigitalSourceType="{DST}trainedAlgorithmicMedia"/>',
            "ai_generated",
        ),
        (
            f"<rdf:Description {IPTC}><Iptc4xmpExt:DigitalSourceType>{DST}compositeWithTrainedAlgorithmicMedia"
            "</Iptc4xmpExt:DigitalSourceType></rdf:Description>",
            "ai_edited",
        ),
        (
            f"<rdf:Description {IPTC}><Iptc4xmpExt:DigitalSourceType><rdf:Bag><rdf:li>{DST}compositeSynthetic"
            "</rdf:li></rdf:Bag></Iptc4xmpExt:DigitalSourceType></rdf:Description>",
            "ai_edited",
        ),
        (f'<rdf:Description {IPTC} Iptc4xmpExt:DigitalSourceType="{DST}algorithmicMedia"/>', "unknown"),
        (f'<rdf:Description {IPTC} Iptc4xmpExt:DigitalSourceType="{DST}digitalCapture"/>', "self_shot"),
    ],
)
def test_iptc_digital_source_type_forms_in_jpeg_xmp(tmp_path: Path, body: str, expected: str) -> None:
    path = tmp_path / "x.jpg"
    image().save(path, xmp=xmp(body))
    f = read_one(path, use_cache=False)
    assert f.provenance == expected
    assert any(e.marker == "xmp:DigitalSourceType" for e in f.evidence)


@pytest.mark.parametrize("form", ["element", "attribute"])
def test_tc260_label_in_xmp_element_and_attribute_forms(tmp_path: Path, form: str) -> None:
    escaped = LABEL_JSON.replace('"', "&quot;")
    if form == "element":
        body = f"<rdf:Description {TC260}><TC260:AIGC>{escaped}</TC260:AIGC></rdf:Description>"
    else:
        body = f'<rdf:Description {TC260} TC260:AIGC="{escaped}"/>'
    path = tmp_path / "doubao.png"
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp(body).decode())
    image().save(path, pnginfo=info)
    f = read_one(path, use_cache=False)
    assert f.aigc_label is not None and f.aigc_label.label == "1"
    assert f.aigc_label.content_producer == "001191110102MACQD9K64010000"
    assert f.aigc_label.where == "XMP TC260:AIGC" and not f.aigc_label.malformed
    assert f.provenance == Provenance.AI_GENERATED


def test_preflight_visible_label_marker(tmp_path: Path) -> None:
    body = '<rdf:Description xmlns:preflight="http://ns.preflight.app/1.0/" preflight:VisibleLabel="AI生成"/>'
    path = tmp_path / "stamped.jpg"
    image().save(path, xmp=xmp(body))
    assert read_one(path, use_cache=False).visible_ai_label is True


@pytest.mark.parametrize(
    "key, value, how, marker",
    [
        (
            "parameters",
            "a cat\nNegative prompt: dog\nSteps: 20, Sampler: Euler a, Seed: 1",
            "text",
            "gen:parameters",
        ),
        ("prompt", '{"3": {"class_type": "KSampler", "inputs": {}}}', "ztxt", "gen:comfyui"),
        ("workflow", '{"nodes": [], "links": []}', "itxt", "gen:comfyui"),
        ("invokeai_metadata", '{"positive_prompt": "x"}', "text", "gen:invokeai"),
        ("sd-metadata", '{"prompt": "x"}', "text", "gen:invokeai"),
        ("Dream", '"a cat" -s 50 -S 42', "text", "gen:invokeai"),
        ("Software", "NovelAI", "text", "gen:novelai"),
        (
            "Description",
            "a lighthouse Job ID: 0f0e0d0c-aaaa-bbbb-cccc-000000000000",
            "itxt",
            "gen:midjourney",
        ),
        ("sui_image_params", '{"prompt": "x"}', "text", "gen:swarmui"),
    ],
)
def test_png_generator_chunks(tmp_path: Path, key: str, value: str, how: str, marker: str) -> None:
    info = PngImagePlugin.PngInfo()
    if how == "itxt":
        info.add_itxt(key, value, zip=True)
    else:
        info.add_text(key, value, zip=how == "ztxt")
    path = tmp_path / "gen.png"
    image().save(path, pnginfo=info)
    f = read_one(path, use_cache=False)
    assert f.provenance == Provenance.AI_GENERATED, f.evidence
    assert any(e.marker == marker and key in e.where for e in f.evidence)


def test_png_aigc_text_chunk_is_the_tc260_label(tmp_path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("AIGC", LABEL_JSON)
    path = tmp_path / "label.png"
    image().save(path, pnginfo=info)
    f = read_one(path, use_cache=False)
    assert f.aigc_label.label == "1" and "PNG tEXt" in f.aigc_label.where
    assert f.provenance == Provenance.AI_GENERATED


def test_exif_usercomment_with_sd_parameters_in_webp_and_xmp(tmp_path: Path) -> None:
    exif = Image.Exif()
    comment = "masterpiece\nNegative prompt: bad\nSteps: 28, Sampler: DPM++ 2M, CFG scale: 7, Seed: 42"
    exif.get_ifd(0x8769)[0x9286] = b"UNICODE\x00" + comment.encode("utf-16-be")
    path = tmp_path / "a1111.webp"
    image().save(
        path,
        exif=exif,
        xmp=xmp('<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="x"/>'),
    )
    f = read_one(path, use_cache=False)
    assert f.format == "webp" and f.provenance == Provenance.AI_GENERATED
    assert any(e.marker == "gen:usercomment" and "Steps: 28" in e.detail for e in f.evidence)


def test_exif_usercomment_with_aigc_json(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9286] = b"ASCII\x00\x00\x00" + LABEL_JSON.encode()
    path = tmp_path / "label.jpg"
    image().save(path, exif=exif)
    f = read_one(path, use_cache=False)
    assert f.aigc_label is not None and f.aigc_label.where == "EXIF UserComment"


def test_label_2_is_ai_but_flagged_possible(tmp_path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("AIGC", LABEL_JSON.replace('"Label":"1"', '"Label":"2"'))
    path = tmp_path / "maybe.png"
    image().save(path, pnginfo=info)
    f = read_one(path, use_cache=False)
    assert f.provenance == Provenance.AI_GENERATED
    assert any("possibly AI" in e.detail for e in f.evidence)


def test_heic_written_by_pillow_heif_with_exif(tmp_path: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    path = tmp_path / "IMG_0412.HEIC"
    exif = camera_exif()
    del exif[0x0112]  # pillow-heif turns EXIF orientation into an irot box (display size swaps)
    image().save(path, exif=exif.tobytes(), quality=40)
    f = read_one(path, use_cache=False)
    assert f.error is None and f.format == "heic" and (f.width, f.height) == (64, 48)
    assert f.capture_time.isoformat() == "2026-11-03T14:22:05+08:00"
    assert f.gps.lat == pytest.approx(30.25) and f.gps.lon == pytest.approx(120.16)
    assert f.device == "Apple iPhone 15 Pro" and f.provenance == Provenance.SELF_SHOT


def test_editor_traces_mean_edited(tmp_path: Path) -> None:
    exif = camera_exif()
    exif[0x0131] = "Adobe Photoshop 25.0 (Windows)"
    path = tmp_path / "edited.jpg"
    image().save(path, exif=exif)
    f = read_one(path, use_cache=False)
    assert f.provenance == Provenance.EDITED
    assert any(e.marker == "edit:software" and "Photoshop" in e.detail for e in f.evidence)


def test_screenshot_markers(tmp_path: Path) -> None:
    body = '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/"><exif:UserComment><rdf:Alt><rdf:li xml:lang="x-default">Screenshot</rdf:li></rdf:Alt></exif:UserComment></rdf:Description>'
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp(body).decode())
    path = tmp_path / "capture.png"
    image().save(path, pnginfo=info)
    assert read_one(path, use_cache=False).provenance == Provenance.SCREENSHOT
    named = tmp_path / "Screenshot_20261103-142205.png"
    image().save(named)
    assert read_one(named, use_cache=False).provenance == Provenance.SCREENSHOT


def _stealth_png(path: Path, magic: bytes) -> None:
    im = Image.new("RGBA", (32, 32), (10, 20, 30, 254))
    bits = [int(b) for byte in magic for b in f"{byte:08b}"]
    px = im.load()
    for i, bit in enumerate(bits):
        x, y = divmod(i, 32)
        r, g, b, _a = px[x, y]
        px[x, y] = (r, g, b, 254 | bit)
    im.save(path)


def test_a1111_stealth_alpha_magic(tmp_path: Path) -> None:
    path = tmp_path / "stealth.png"
    _stealth_png(path, b"stealth_pngcomp")
    f = read_one(path, use_cache=False)
    assert f.provenance == Provenance.AI_GENERATED
    assert any(e.marker == "gen:stealth" and e.detail == "stealth_pngcomp" for e in f.evidence)
    plain = tmp_path / "plain.png"
    _stealth_png(plain, b"not_a_signature")
    assert read_one(plain, use_cache=False).provenance == Provenance.UNKNOWN


def test_png_ztxt_bomb_is_bounded(tmp_path: Path) -> None:
    """A 16 MB zTXt payload inflates to at most the 4 MB text limit; the read still succeeds."""
    info = PngImagePlugin.PngInfo()
    info.add(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"A" * (16 * 1024 * 1024), 9))
    path = tmp_path / "bomb.png"
    image().save(path, pnginfo=info)
    assert read_one(path, use_cache=False).error is None


def test_tiff_ifd0_and_xmp_tag_700(tmp_path: Path) -> None:
    body = '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:DateTimeOriginal="2026-11-03T14:22:05+08:00"/>'
    path = tmp_path / "scan.tif"
    image().save(
        path, tiffinfo={271: "Canon", 272: "Canon EOS R5", 305: "Adobe Photoshop 25.0", 700: xmp(body)}
    )
    f = read_one(path, use_cache=False)
    assert f.format == "tiff" and (f.width, f.height) == (64, 48) and f.device == "Canon EOS R5"
    assert f.capture_time.isoformat() == "2026-11-03T14:22:05+08:00"
    assert f.capture_time_source.startswith("XMP exif:DateTimeOriginal")
    assert f.provenance == Provenance.EDITED
