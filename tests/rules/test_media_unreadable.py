"""media_unreadable: one warning per unreadable file, naming the file and the problem."""

from __future__ import annotations

from datetime import UTC, datetime

from checks.model import Draft, FixKind, MediaFacts, Severity
from checks.packs import load_packs
from checks.rules import get_rule
from checks.rules.base import Context


def run(media: list[MediaFacts], lang: str = "zh", **draft: object) -> list:
    rule = get_rule("media_unreadable")
    ctx = Context(
        draft=Draft(media=tuple(m.path for m in media), **draft),  # type: ignore[arg-type]
        media=tuple(media),
        packs=load_packs(),
        publish_at=datetime(2026, 11, 21, 12, tzinfo=UTC),
        lang=lang,
    )
    return list(rule.check(ctx))


def test_each_unreadable_file_is_one_warning_naming_file_and_problem() -> None:
    media = [
        MediaFacts(path="a.jpg", error="truncated JPEG (image data cut off)"),
        MediaFacts(path="ok.jpg"),
        MediaFacts(path="clips/b.heic", error="not a HEIC file (JPEG data)"),
    ]
    found = run(media)
    assert [f.target for f in found] == ["media:0", "media:2"]
    assert all(f.severity == Severity.WARNING for f in found)
    assert "a.jpg" in found[0].message and "截断" in found[0].message
    assert "b.heic" in found[1].message and "HEIC" in found[1].message and "JPEG" in found[1].message
    assert found[0].evidence == "truncated JPEG (image data cut off)"
    assert found[0].fixes[0].kind == FixKind.MANUAL


def test_english_messages_translate_the_problem() -> None:
    (f,) = run([MediaFacts(path="x.png", error="file not found")], lang="en")
    assert f.message == "Media file 'x.png' cannot be read properly: the file was not found"


def test_readable_media_gives_nothing() -> None:
    assert run([MediaFacts(path="a.jpg"), MediaFacts(path="v.mp4", kind="video")]) == []
