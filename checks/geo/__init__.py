"""Offline geography: administrative divisions of China, landmarks and countries (see gazetteer)."""

from checks.geo.gazetteer import (
    Division,
    Landmark,
    WorldPlace,
    distance_km,
    divisions,
    divisions_at,
    landmarks,
    locate,
    place_for,
    world_places,
)

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
