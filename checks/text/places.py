"""Place mentions: administrative divisions, landmarks, foreign places — and placeholders.

Names come from the offline gazetteer (`checks.geo.gazetteer`, imported lazily so the text
analysis still works, with fewer names, when it is unavailable) plus the pack lexicon
`place_names` (major cities in Chinese and English — an entry "Chengdu=成都" matches the alias and
names the place by its canonical name, which the gazetteer can locate — so English posts and a missing gazetteer
degrade gracefully). Placeholders (某地, 当地, 某小区 — lexicon `place_placeholders`) are found
too and marked: they never count as "the place is stated".

County-level short forms (江山, 朝阳, 东方) collide with ordinary words, so in running text we
accept full names at any level but short forms only for provinces and prefectures (research
note §3), plus landmarks and foreign places.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from checks.vocabulary.place_names import gazetteer, gazetteer_names

if TYPE_CHECKING:
    from checks.vocabulary.packset import PackSet


LEXICONS = ("place_names", "place_placeholders", "name_idioms")


@dataclass(frozen=True)
class PlaceMention:
    target: str
    start: int
    end: int
    text: str
    name: str  # the gazetteer / lexicon name matched
    kind: str  # division | landmark | world | city | placeholder
    placeholder: bool = False

    @property
    def counts(self) -> bool:
        return not self.placeholder


def find_places(text: str, target: str, packs: PackSet) -> list[PlaceMention]:
    """Places named in `text` (gazetteer names and lexicon `place_names`) and placeholders."""
    if not text:
        return []
    from checks.text.layer import GAZETTEER, phrases

    out: list[PlaceMention] = []
    holders = phrases(packs, "place_placeholders", text)
    for h in holders:
        out.append(PlaceMention(target, h.start, h.end, h.text, h.phrase, "placeholder", True))
    kinds = _kinds()
    canonical = _canonical(packs.lexicon("place_names"))
    found = sorted(
        phrases(packs, GAZETTEER, text) + phrases(packs, "place_names", text), key=lambda m: m.start
    )
    seen: set[tuple[int, int]] = set()
    idioms = phrases(packs, "name_idioms", text)  # 大同小异, 洛阳纸贵: no place is named
    for m in found:
        if (m.start, m.end) in seen or any(
            h.start <= m.start < h.end or m.start <= h.start < m.end for h in holders
        ):
            continue
        if any(i.start <= m.start and m.end <= i.end for i in idioms):
            continue
        if m.text.isascii() and not _ascii_word(text, m.start, m.end):
            continue
        seen.add((m.start, m.end))
        name = canonical.get(m.phrase, m.phrase)
        out.append(PlaceMention(target, m.start, m.end, m.text, name, kinds.get(m.phrase, "city")))
    return sorted(out, key=lambda p: p.start)


@cache
def _kinds() -> dict[str, str]:
    return dict(gazetteer_names())


@cache
def _canonical(entries: tuple[str, ...]) -> dict[str, str]:
    """Lexicon entries "Chengdu=成都" → {"Chengdu": "成都"}: match the alias, name the place."""
    out = {}
    for entry in entries:
        alias, _, name = entry.partition("=")
        out[alias.strip()] = name.strip() or alias.strip()
    return out


def _ascii_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def locate(name: str) -> tuple[float, float] | None:
    """(lat, lon) of a named place from the gazetteer, or None."""
    gz = gazetteer()
    if gz is None:
        return None
    try:
        hit = gz.locate(name)
    except Exception:
        return None
    if hit is None:
        return None
    if isinstance(hit, tuple | list) and len(hit) >= 2 and all(isinstance(x, int | float) for x in hit[:2]):
        return float(hit[0]), float(hit[1])
    lat = getattr(hit, "lat", None)
    lon = getattr(hit, "lon", None) or getattr(hit, "lng", None)
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lat), float(lon)
    return None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance; the gazetteer's own function when present."""
    gz = gazetteer()
    fn = getattr(gz, "distance_km", None) if gz else None
    if fn is not None:
        try:
            return float(fn(a, b))
        except Exception:
            pass
    from math import asin, cos, radians, sin, sqrt

    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))
