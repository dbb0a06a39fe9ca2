"""ai_implicit_label_missing: AI files without a (valid) TC260 label get an export fix."""

from __future__ import annotations

from datetime import UTC, datetime

from checks.model import AigcLabel, Draft, Evidence, FixKind, MediaFacts, Provenance, Severity
from checks.packs import load_packs
from checks.rules import get_rule
from checks.rules.base import Context

PARAMS = Evidence("gen:parameters", "PNG tEXt chunk 'parameters'", "Steps: 20", Provenance.AI_GENERATED)


def run(media: list[MediaFacts]) -> list:
    ctx = Context(
        draft=Draft(media=tuple(m.path for m in media)),
        media=tuple(media),
        packs=load_packs(),
        publish_at=datetime(2026, 11, 21, 12, tzinfo=UTC),
    )
    return list(get_rule("ai_implicit_label_missing").check(ctx))


def ai(label: AigcLabel | None = None, provenance: Provenance = Provenance.AI_GENERATED) -> MediaFacts:
    return MediaFacts(path="gen.png", evidence=(PARAMS,), provenance=provenance, aigc_label=label)


def test_ai_file_without_label_gets_warning_and_export_fix() -> None:
    (f,) = run([MediaFacts(path="cam.jpg"), ai()])
    assert f.severity == Severity.WARNING and f.target == "media:1"
    assert "gen:parameters" in f.evidence
    (fix,) = f.fixes
    assert fix.kind == FixKind.EXPORT_MEDIA
    assert fix.payload == {"media": 1, "visible_label": None, "implicit_label": True}


def test_ai_edited_file_also_needs_the_label() -> None:
    assert len(run([ai(provenance=Provenance.AI_EDITED)])) == 1


def test_malformed_label_still_fires() -> None:
    (f,) = run([ai(AigcLabel(label="1", where="XMP TC260:AIGC", malformed=True))])
    assert "XMP TC260:AIGC" in f.message


def test_valid_label_or_non_ai_gives_nothing() -> None:
    labelled = ai(
        AigcLabel(label="1", content_producer="001191110102MACQD9K64010000", where="XMP TC260:AIGC")
    )
    assert run([labelled, MediaFacts(path="cam.jpg", provenance=Provenance.SELF_SHOT)]) == []
