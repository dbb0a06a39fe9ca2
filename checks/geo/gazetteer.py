"""Offline place names: GPS → "浙江省杭州市西湖区", and place names in text → coordinates.

Reverse lookup is nearest-seat matching: the point goes to the county whose seat of government is
closest. That is right almost everywhere outside dense cities; near a district boundary in a big
city it can name the neighbouring district (seats are 2–5 km apart there). Outside mainland China
the nearest town of 15,000+ people names the country (Hong Kong, Macao and Taiwan are named as
regions of China). Points far from any seat or town (open sea, 0,0) have no place.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache

from checks.geo.coords import distance_km, wgs_to_gcj
from checks.geo.data import (
    LEVELS,
    Division,
    Landmark,
    WorldPlace,
    by_adcode,
    load_divisions,
    load_landmarks,
    load_world,
    load_world_points,
)
from checks.geo.nearest import NearestIndex
from checks.vocabulary.normalize import normalize

__all__ = [
    "Division",
    "Landmark",
    "WorldPlace",
    "distance_km",
    "divisions",
    "divisions_at",
    "landmarks",
    "locate",
    "place_for",
    "world_places",
]

CHINA_MAX_KM = 350.0  # beyond this from any county seat a point is not named by county
ABROAD_MAX_KM = 400.0
_REGIONS = ("71", "81", "82")  # Taiwan, Hong Kong, Macao: named as regions, see module docstring


def divisions() -> tuple[Division, ...]:
    """All 3,400-odd provinces, prefectures and counties (sorted by adcode)."""
    return load_divisions()


def landmarks() -> tuple[Landmark, ...]:
    return load_landmarks()


def world_places() -> tuple[WorldPlace, ...]:
    return load_world()


def place_for(lat: float, lon: float, lang: str = "zh") -> str | None:
    """Province + prefecture + county for a WGS-84 point in China; the country name abroad.

    Chinese place names are returned in Chinese whatever `lang` is (they go into Chinese posts);
    `lang` chooses the language of a foreign country's name.
    """
    chain = divisions_at(lat, lon)
    if chain:
        return "".join(_dedupe(d.name for d in chain))
    place = _abroad(lat, lon)
    if place is None:
        return None
    if lang == "en":
        return f"{place.en}, China" if place.kind == "region" else place.en
    return place.zh


def divisions_at(lat: float, lon: float) -> tuple[Division, ...]:
    """(province, prefecture, county) containing a WGS-84 point in mainland China, else ()."""
    if not _valid(lat, lon):
        return ()
    glat, glon = wgs_to_gcj(lat, lon)
    home = _county_index().nearest(glat, glon, CHINA_MAX_KM)
    if home is None:
        return ()
    away = _world_index().nearest(lat, lon, ABROAD_MAX_KM)
    if away is not None and away[0] < home[0]:
        return ()
    return _chain(home[1])


def locate(name: str) -> tuple[float, float] | None:
    """WGS-84 coordinates of a place named in text, or None when unknown or ambiguous.

    Order: full division name, landmark, short division name, former name, foreign place. Among
    divisions sharing a name the highest level wins when it is alone at that level; a short name
    shared by a prefecture and counties elsewhere (朝阳) is ambiguous.
    """
    key = normalize(name.strip())
    if not key:
        return None
    index = _name_index()
    found = _pick(index["full"].get(key, ()), strict=False)
    if found is None and key in index["landmark"]:
        mark = index["landmark"][key]
        return (mark.lat, mark.lon)
    if found is None:
        found = _pick(index["short"].get(key, ()), strict=True)
    if found is None:
        found = _pick(index["former"].get(key, ()), strict=True)
    if found is not None:
        if found.lat is not None and found.lon is not None:
            return (found.lat, found.lon)
        return _parent_point(found)
    place = index["world"].get(key)
    return (place.lat, place.lon) if place else None


# --------------------------------------------------------------------------- helpers


def _valid(lat: float, lon: float) -> bool:
    if not (math.isfinite(lat) and math.isfinite(lon)) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return False
    return not (abs(lat) < 1e-6 and abs(lon) < 1e-6)


def _abroad(lat: float, lon: float) -> WorldPlace | None:
    if not _valid(lat, lon):
        return None
    hit = _world_index().nearest(lat, lon, ABROAD_MAX_KM)
    return _countries().get(hit[1]) if hit else None


def _chain(county: Division) -> tuple[Division, ...]:
    out = [county]
    codes = by_adcode()
    while out[-1].parent_adcode and out[-1].parent_adcode in codes:
        out.append(codes[out[-1].parent_adcode])
    return tuple(reversed(out))


def _dedupe(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        if n not in out:
            out.append(n)
    return out


def _parent_point(d: Division) -> tuple[float, float] | None:
    parent = by_adcode().get(d.parent_adcode or "")
    while parent is not None:
        if parent.lat is not None and parent.lon is not None:
            return (parent.lat, parent.lon)
        parent = by_adcode().get(parent.parent_adcode or "")
    return None


def _pick(cands: tuple[Division, ...], strict: bool) -> Division | None:
    if not cands:
        return None
    top = min(LEVELS.index(d.level) for d in cands)
    best = [d for d in cands if LEVELS.index(d.level) == top]
    if len(best) != 1:
        return None
    lower = [d for d in cands if d.level == "county"]
    if strict and best[0].level == "prefecture" and lower:
        return None
    return best[0]


@cache
def _county_index() -> NearestIndex[Division]:
    """County seats, plus prefectures that have no counties (东莞市, 中山市, 儋州市 …), plus every
    landmark as a second anchor of its county: in dense cities a seat alone often loses to the
    neighbouring district's seat (the middle of West Lake is nearer 上城区's seat than 西湖区's)."""
    divs = [d for d in load_divisions() if d.adcode[:2] not in _REGIONS and d.lat_gcj is not None]
    parents = {d.parent_adcode for d in divs if d.level == "county"}
    leaves = {
        d.adcode: d
        for d in divs
        if d.level == "county" or (d.level == "prefecture" and d.adcode not in parents)
    }
    points = [
        (d.lat_gcj, d.lon_gcj, d) for d in leaves.values() if d.lat_gcj is not None and d.lon_gcj is not None
    ]
    for mark in load_landmarks():
        if mark.adcode in leaves:
            points.append((*wgs_to_gcj(mark.lat, mark.lon), leaves[mark.adcode]))
    return NearestIndex(points)


@cache
def _world_index() -> NearestIndex[str]:
    return NearestIndex(load_world_points())


@cache
def _countries() -> dict[str, WorldPlace]:
    return {p.iso2: p for p in load_world() if p.kind in ("country", "region")}


@cache
def _name_index() -> dict[str, dict]:
    full: dict[str, list[Division]] = {}
    short: dict[str, list[Division]] = {}
    former: dict[str, list[Division]] = {}
    for d in load_divisions():
        if (
            d.adcode[4:] == "00"
            and d.level == "prefecture"
            and d.name == by_adcode()[d.parent_adcode or ""].name
        ):
            continue  # 北京市 (municipal districts) repeats its province
        full.setdefault(_key(d.name), []).append(d)
        if d.short != d.name:
            short.setdefault(_key(d.short), []).append(d)
        for old in d.former_names:
            for form in {old, old[:-1] if len(old) > 2 and old[-1] in "省市区县旗" else old}:
                if d not in former.get(_key(form), []):
                    former.setdefault(_key(form), []).append(d)
    marks: dict[str, Landmark] = {}
    for m in load_landmarks():
        for n in (m.name, *m.aliases):
            marks.setdefault(_key(n), m)
    world: dict[str, WorldPlace] = {}
    for p in load_world():
        for n in (p.zh, p.en):
            world.setdefault(_key(n), p)
    return {
        "full": {k: tuple(v) for k, v in full.items()},
        "short": {k: tuple(v) for k, v in short.items()},
        "former": {k: tuple(v) for k, v in former.items()},
        "landmark": marks,
        "world": world,
    }


def _key(name: str) -> str:
    """Index keys: the tables are already simplified Chinese, so only Latin case needs folding
    (the query goes through the full `normalize`, which also maps traditional characters)."""
    return name.lower()
