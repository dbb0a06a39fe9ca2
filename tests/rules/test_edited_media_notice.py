"""edited_media_notice: editing traces; warning when presented as self-shot/news, else info."""

from __future__ import annotations

from datetime import UTC, datetime

from checks.model import Draft, Evidence, MediaFacts, Provenance, Severity
from checks.packs import load_packs
from checks.rules import get_rule
from checks.rules.base import Context

PHOTOSHOP = Evidence("edit:software", "EXIF Software", "Adobe Photoshop 25.0", Provenance.EDITED)


def run(media: list[MediaFacts], **draft: object) -> list:
    ctx = Context(
        draft=Draft(media=tuple(m.path for m in media), **draft),  # type: ignore[arg-type]
        media=tuple(media),
        packs=load_packs(),
        publish_at=datetime(2026, 11, 21, 12, tzinfo=UTC),
    )
    return list(get_rule("edited_media_notice").check(ctx))


def edited() -> MediaFacts:
    return MediaFacts(path="scene.jpg", evidence=(PHOTOSHOP,), provenance=Provenance.EDITED)


def test_edited_photo_declared_self_shot_is_a_warning_naming_the_tool() -> None:
    (f,) = run([edited()], declarations=("self_shot",))
    assert f.severity == Severity.WARNING
    assert "Adobe Photoshop 25.0" in f.message and "EXIF Software" in f.evidence


def test_edited_photo_in_a_casual_post_is_advice() -> None:
    (f,) = run([edited()], title="周末做了蛋糕", text="第一次做戚风，配方见评论")
    assert f.severity == Severity.INFO


def test_camera_original_and_ai_files_give_nothing() -> None:
    camera = MediaFacts(path="a.jpg", make="Apple", model="iPhone 15", provenance=Provenance.SELF_SHOT)
    ai = MediaFacts(path="b.png", evidence=(PHOTOSHOP,), provenance=Provenance.AI_GENERATED)
    assert run([camera, ai]) == []
