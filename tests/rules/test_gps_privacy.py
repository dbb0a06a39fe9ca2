"""gps_privacy: info with a strip_gps fix for every file with a GPS fix."""

from __future__ import annotations

from datetime import UTC, datetime

from checks.model import Draft, FixKind, Gps, MediaFacts, Severity
from checks.packs import load_packs
from checks.rules import get_rule
from checks.rules.base import Context


def run(media: list[MediaFacts]) -> list:
    ctx = Context(
        draft=Draft(media=tuple(m.path for m in media)),
        media=tuple(media),
        packs=load_packs(),
        publish_at=datetime(2026, 11, 21, 12, tzinfo=UTC),
    )
    return list(get_rule("gps_privacy").check(ctx))


def test_gps_gives_info_with_strip_fix_for_that_file() -> None:
    media = [
        MediaFacts(path="a.jpg"),
        MediaFacts(path="b.heic", gps=Gps(30.25917, 120.1648), place="浙江省杭州市西湖区"),
    ]
    (f,) = run(media)
    assert f.severity == Severity.INFO and f.target == "media:1"
    assert "浙江省杭州市西湖区" in f.message and "30.25917" in f.evidence
    (fix,) = f.fixes
    assert fix.kind == FixKind.STRIP_GPS and fix.payload == {"media": 1}


def test_no_gps_or_unreadable_gives_nothing() -> None:
    assert (
        run([MediaFacts(path="a.jpg"), MediaFacts(path="b.jpg", gps=Gps(1, 2), error="truncated JPEG")]) == []
    )
