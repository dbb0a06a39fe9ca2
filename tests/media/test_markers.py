"""Marker logic without files: generator keys, vendor tags, TC260 parsing, and the verdict order."""

from __future__ import annotations

import pytest

from checks.media.exif import ExifFacts, decode_user_comment
from checks.media.generators import exif_markers, text_markers, xmp_markers
from checks.media.provenance import verdict
from checks.media.tc260 import byte_scan, combine, parse_label
from checks.media.xmp import parse_xmp
from checks.model import Evidence, Provenance

FULL = '"Label":"1","ContentProducer":"001191330106MA2CFLDG4R10001","ProduceID":"abc","ReservedCode1":"","ContentPropagator":"","PropagateID":"","ReservedCode2":""'


@pytest.mark.parametrize(
    "text",
    [
        "{" + FULL + "}",
        '{"AIGC":{' + FULL + "}}",
        "AIGC{" + FULL + "}",
        ("{" + FULL + "}").replace('"', "&quot;"),
    ],
)
def test_tc260_label_forms(text: str) -> None:
    label = parse_label(text, "test")
    assert label is not None and label.label == "1" and not label.malformed
    assert label.content_producer == "001191330106MA2CFLDG4R10001" and label.produce_id == "abc"


def test_tc260_malformed_and_absent() -> None:
    assert parse_label('{"Label":"1","ContentProducer":"豆包 AI"}', "t").malformed  # Annex E j) charset
    assert parse_label('{"Label":"7","ContentProducer":"x"}', "t").malformed
    assert parse_label('{"Label":"1","ContentProducer":"x",', "t").malformed  # broken JSON, fields salvaged
    assert parse_label('{"title":"AIGC weekly"}', "t") is None
    assert parse_label("AIGC", "t") is None
    a, b = (
        parse_label('{"Label":"1","ContentProducer":"a"}', "x"),
        parse_label('{"Label":"3","ContentProducer":"b"}', "y"),
    )
    assert combine([a, b]).malformed and not combine([a]).malformed


def test_byte_scan_fallback() -> None:
    blob = b'junk xmlns:TC260="http://www.tc260.org.cn/ns/AIGC/1.0/" TC260:AIGC="{&quot;Label&quot;:&quot;2&quot;,&quot;ContentProducer&quot;:&quot;x&quot;}"'
    assert byte_scan([blob], "scan").label == "2"
    assert byte_scan([b"AIGC conference 2025"], "scan") is None


def test_exif_vendor_markers() -> None:
    grok = ExifFacts(description="Signature: QUJDREVGRw==", artist="0f8fad5b-d9cb-469f-a165-70867728950e")
    assert [e.marker for e in exif_markers(grok)[0]] == ["gen:grok"]
    assert [e.marker for e in exif_markers(ExifFacts(make="Ideogram AI"))[0]] == ["gen:ideogram"]
    assert [e.marker for e in exif_markers(ExifFacts(software="NovelAI"))[0]] == ["gen:novelai"]
    assert exif_markers(ExifFacts(make="Canon", software="Adobe Photoshop 25.0")) == ([], [])
    assert exif_markers(ExifFacts(description="Signature: x", artist="Jane Doe")) == ([], [])


def test_text_markers_need_generator_shapes() -> None:
    ev, _ = text_markers(
        [("Comment", '{"prompt": "x", "steps": 28, "sampler": "k_euler", "uc": "bad"}', "PNG tEXt 'Comment'")]
    )
    assert [e.marker for e in ev] == ["gen:comment"]
    assert text_markers([("Comment", "Created with GIMP", "PNG tEXt 'Comment'")]) == ([], [])
    assert text_markers([("prompt", '{"name": "not comfy"}', "PNG")]) == ([], [])
    _, labels = text_markers([("Description", '{"AIGC":{' + FULL + "}}", "PNG tEXt 'Description'")])
    assert labels and labels[0].where == "PNG tEXt 'Description'"


def test_xmp_credit_and_digital_source_type_bag() -> None:
    packet = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="Made with Image Playground"/>'
        b"</rdf:RDF></x:xmpmeta>"
    )
    ev, _ = xmp_markers(parse_xmp(packet))
    assert [(e.marker, e.points_to) for e in ev] == [("xmp:Credit", Provenance.AI_GENERATED)]
    assert parse_xmp(b"<not xml").error


def test_user_comment_charsets() -> None:
    assert decode_user_comment(b"UNICODE\x00" + "提示词 Steps: 20".encode("utf-16-be")) == "提示词 Steps: 20"
    assert decode_user_comment(b"UNICODE\x00" + "Steps: 20".encode("utf-16-le")) == "Steps: 20"
    assert decode_user_comment(b"ASCII\x00\x00\x00Screenshot\x00") == "Screenshot"
    assert decode_user_comment(b"\x00" * 8 + b"   ") is None


def _ev(points: Provenance) -> Evidence:
    return Evidence("m", "w", "", points)


@pytest.mark.parametrize(
    "pointed, expected",
    [
        ([Provenance.SELF_SHOT, Provenance.AI_GENERATED], Provenance.AI_GENERATED),
        ([Provenance.AI_EDITED, Provenance.AI_GENERATED], Provenance.AI_GENERATED),
        ([Provenance.SELF_SHOT, Provenance.EDITED], Provenance.EDITED),
        ([Provenance.EDITED, Provenance.SCREENSHOT], Provenance.SCREENSHOT),
        ([Provenance.SELF_SHOT], Provenance.SELF_SHOT),
        ([Provenance.UNKNOWN], Provenance.UNKNOWN),
        ([], Provenance.UNKNOWN),
    ],
)
def test_verdict_order(pointed: list[Provenance], expected: Provenance) -> None:
    assert verdict([_ev(p) for p in pointed]) == expected


def test_generator_named_as_software() -> None:
    from checks.media.generators import tool_evidence

    for name in ("Adobe Firefly", "Midjourney", "DALL·E 3", "ComfyUI", "即梦AI", "Doubao", "Kling AI"):
        assert [e.points_to for e in tool_evidence(name, "XMP CreatorTool")] == [Provenance.AI_GENERATED], (
            name
        )
    for name in (
        "Adobe Photoshop 25.0",
        "Lightroom",
        "HDR+ 1.0",
        "GIMP 2.10",
        "Nikon Transfer 1.1 W",
        "Influx",
    ):
        assert tool_evidence(name, "EXIF Software") == [], name


def test_midjourney_job_id_in_exif_description() -> None:
    ev, _ = exif_markers(
        ExifFacts(description="a lighthouse at dawn --ar 3:2 Job ID: 7a1c2b3d-0000-4000-8000-000000000000")
    )
    assert [e.marker for e in ev] == ["gen:midjourney"]
