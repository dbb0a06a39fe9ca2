"""The bundled gazetteer tables (resources/geo/*.tsv), loaded once and kept as frozen records.

The TSVs are built by tools/build_gazetteer.py (sources and licences in resources/geo/NOTICE.md).
Division seats are stored as published (GCJ-02) and as WGS-84, converted at build time, so
that every coordinate this package hands out is comparable with phone GPS.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from checks import resources

LEVELS = ("province", "prefecture", "county")


@dataclass(frozen=True)
class Division:
    """A county-or-higher administrative division of China (2025-12-31 names)."""

    adcode: str  # six digits, e.g. "330106"
    name: str  # full name, "西湖区"
    short: str  # common short form, "西湖"
    level: str  # province | prefecture | county
    parent_adcode: str | None
    lat: float | None  # WGS-84 centroid (the seat of government); None when the source has none
    lon: float | None
    former_names: tuple[str, ...] = ()  # names it or its predecessors had (江干区 → 上城区)
    lat_gcj: float | None = None
    lon_gcj: float | None = None
    en: str = ""  # English name ("Xihu District", "Hangzhou", "Zhejiang"), see divisions_en.tsv


@dataclass(frozen=True)
class Landmark:
    name: str
    aliases: tuple[str, ...]
    lat: float  # WGS-84
    lon: float
    adcode: str  # county the landmark lies in


@dataclass(frozen=True)
class WorldPlace:
    kind: str  # country | city | region (Hong Kong, Macao, Taiwan)
    iso2: str
    zh: str
    en: str
    lat: float
    lon: float


def _rows(name: str) -> list[dict[str, str]]:
    with resources.path("geo", name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def load_divisions() -> tuple[Division, ...]:
    def num(text: str) -> float | None:
        return float(text) if text else None

    english = _english_names()

    return tuple(
        Division(
            adcode=r["adcode"],
            name=r["name"],
            short=r["short"],
            level=r["level"],
            parent_adcode=r["parent"] or None,
            lat=num(r["lat"]),
            lon=num(r["lon"]),
            former_names=tuple(n for n in r["former"].split("|") if n),
            lat_gcj=num(r["lat_gcj"]),
            lon_gcj=num(r["lon_gcj"]),
            en=english.get(r["adcode"], ""),
        )
        for r in _rows("divisions.tsv")
    )


def _english_names() -> dict[str, str]:
    """adcode → English name, built by tools/build_place_names_en.py (absent file: no English names)."""
    if not resources.path("geo", "divisions_en.tsv").exists():
        return {}
    return {r["adcode"]: r["en"] for r in _rows("divisions_en.tsv")}


@cache
def by_adcode() -> dict[str, Division]:
    return {d.adcode: d for d in load_divisions()}


@cache
def load_landmarks() -> tuple[Landmark, ...]:
    return tuple(
        Landmark(
            name=r["name"],
            aliases=tuple(a for a in r["aliases"].split("|") if a),
            lat=float(r["lat"]),
            lon=float(r["lon"]),
            adcode=r["adcode"],
        )
        for r in _rows("landmarks.tsv")
    )


@cache
def load_world() -> tuple[WorldPlace, ...]:
    return tuple(
        WorldPlace(r["kind"], r["iso2"], r["zh"], r["en"], float(r["lat"]), float(r["lon"]))
        for r in _rows("world.tsv")
    )


@cache
def load_world_points() -> tuple[tuple[float, float, str], ...]:
    """Towns of 15,000+ people outside mainland China: the nearest one tells the country."""
    with resources.path("geo", "world_points.tsv").open(encoding="utf-8") as f:
        next(f)
        return tuple(
            (float(lat), float(lon), iso.rstrip("\n")) for lat, lon, iso in (line.split("\t") for line in f)
        )
