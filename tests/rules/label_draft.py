"""Helpers for the label-rule tests: a draft plus media facts in, one rule's findings out."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from checks.model import Account, Draft, Evidence, Gps, MediaFacts, Provenance
from checks.packs import load_packs
from checks.rules import get_rule
from checks.rules.base import Context

CST = timezone(timedelta(hours=8))
PUBLISH = datetime(2026, 11, 21, 20, tzinfo=CST)


def shot(
    day: str | None = "2026-11-21", gps: tuple[float, float] | None = None, place: str | None = None
) -> MediaFacts:
    """A self-shot photo's facts (capture day at 15:12 China time, optional GPS)."""
    when = datetime.fromisoformat(day).replace(hour=15, minute=12, tzinfo=CST) if day else None
    return MediaFacts(
        path="IMG_0001.jpg",
        make="Apple",
        model="iPhone 15",
        capture_time=when,
        capture_time_source="EXIF DateTimeOriginal" if when else None,
        gps=Gps(*gps) if gps else None,
        place=place,
        provenance=Provenance.SELF_SHOT,
    )


def ai(kind: str = "photo", provenance: Provenance = Provenance.AI_GENERATED) -> MediaFacts:
    ev = Evidence("png:parameters", "PNG tEXt chunk 'parameters'", "Steps: 20, Sampler: Euler a", provenance)
    return MediaFacts(path="ai.png", kind=kind, format="png", evidence=(ev,), provenance=provenance)


def stock() -> MediaFacts:
    return MediaFacts(path="pic.jpg", provenance=Provenance.UNKNOWN)


def run(
    rule: str,
    *,
    title: str = "",
    text: str = "",
    media: tuple[MediaFacts, ...] = (),
    declarations: tuple[str, ...] = (),
    name: str = "小李的日常",
    bio: str = "",
    platform: str = "douyin",
    lang: str = "zh",
    publish: datetime = PUBLISH,
) -> list:
    draft = Draft(
        title=title,
        text=text,
        platform=platform,
        declarations=declarations,
        account=Account(name=name, bio=bio),
        publish_at=publish,
    )
    ctx = Context(draft=draft, media=media, packs=load_packs(), publish_at=publish, lang=lang)
    return list(get_rule(rule).check(ctx))


def fired(rule: str, **kw: object) -> bool:
    """Whether `rule` reports an error or warning (what the eval counts)."""
    return any(f.severity.value in ("error", "warning") for f in run(rule, **kw))
