"""ai_visible_label_missing: AI files Preflight has not visibly labelled."""

from __future__ import annotations

from datetime import UTC, datetime

from checks.model import Draft, Evidence, FixKind, MediaFacts, Provenance, Severity
from checks.packs import load_packs
from checks.rules import get_rule
from checks.rules.base import Context

DST = Evidence(
    "xmp:DigitalSourceType",
    "XMP Iptc4xmpExt:DigitalSourceType",
    "trainedAlgorithmicMedia",
    Provenance.AI_GENERATED,
)


def run(media: list[MediaFacts], lang: str = "zh") -> list:
    ctx = Context(
        draft=Draft(media=tuple(m.path for m in media)),
        media=tuple(media),
        packs=load_packs(),
        publish_at=datetime(2026, 11, 21, 12, tzinfo=UTC),
        lang=lang,
    )
    return list(get_rule("ai_visible_label_missing").check(ctx))


def test_ai_image_without_visible_label_gets_stamp_fix() -> None:
    (f,) = run([MediaFacts(path="mj.png", evidence=(DST,), provenance=Provenance.AI_GENERATED)])
    assert f.severity == Severity.WARNING and "trainedAlgorithmicMedia" not in f.message
    assert "xmp:DigitalSourceType" in f.evidence
    (fix,) = f.fixes
    assert fix.kind == FixKind.EXPORT_MEDIA
    assert fix.payload == {"media": 0, "visible_label": "AI生成", "implicit_label": True}


def test_video_message_asks_for_the_opening_frames() -> None:
    (f,) = run(
        [MediaFacts(path="v.mp4", kind="video", evidence=(DST,), provenance=Provenance.AI_GENERATED)],
        lang="en",
    )
    assert "opening frames" in f.message


def test_labelled_or_non_ai_files_give_nothing() -> None:
    stamped = MediaFacts(
        path="mj.png", evidence=(DST,), provenance=Provenance.AI_GENERATED, visible_ai_label=True
    )
    assert run([stamped, MediaFacts(path="u.jpg")]) == []
