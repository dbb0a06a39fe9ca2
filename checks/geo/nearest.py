"""Nearest-point search over a few thousand points in well under a millisecond.

A dict of 1° cells searched in growing square rings is enough for ~3,400 county seats and
~18,000 foreign towns: no numpy, no tree, and the search stops as soon as the next ring cannot
hold anything nearer than the best point so far.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Generic, TypeVar

from checks.geo.coords import distance_km

T = TypeVar("T")
_KM_PER_DEG = 111.2


class NearestIndex(Generic[T]):
    def __init__(self, points: Iterable[tuple[float, float, T]]) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float, T]]] = {}
        for lat, lon, item in points:
            self._cells.setdefault((math.floor(lat), math.floor(lon)), []).append((lat, lon, item))

    def nearest(self, lat: float, lon: float, max_km: float) -> tuple[float, T] | None:
        """(distance in km, item) of the nearest point within `max_km`, else None."""
        ci, cj = math.floor(lat), math.floor(lon)
        coslat = max(0.05, math.cos(math.radians(min(89.0, abs(lat) + 1))))
        best: tuple[float, float, float, T] | None = None  # (approx², lat, lon, item)
        max_ring = int(max_km / (_KM_PER_DEG * coslat)) + 1
        for ring in range(max_ring + 1):
            if best is not None and math.sqrt(best[0]) < (ring - 1) * _KM_PER_DEG * coslat:
                break
            for cell in _ring(ci, cj, ring):
                for plat, plon, item in self._cells.get(cell, ()):
                    dy = (plat - lat) * _KM_PER_DEG
                    dx = _wrap(plon - lon) * _KM_PER_DEG * math.cos(math.radians((plat + lat) / 2))
                    d2 = dx * dx + dy * dy
                    if best is None or d2 < best[0]:
                        best = (d2, plat, plon, item)
        if best is None:
            return None
        km = distance_km((lat, lon), (best[1], best[2]))
        return (km, best[3]) if km <= max_km else None


def _ring(ci: int, cj: int, r: int) -> Iterable[tuple[int, int]]:
    if r == 0:
        yield ci, cj
        return
    for j in range(cj - r, cj + r + 1):
        yield ci - r, _wrap_cell(j)
        yield ci + r, _wrap_cell(j)
    for i in range(ci - r + 1, ci + r):
        yield i, _wrap_cell(cj - r)
        yield i, _wrap_cell(cj + r)


def _wrap_cell(j: int) -> int:
    return (j + 180) % 360 - 180


def _wrap(dlon: float) -> float:
    return (dlon + 180.0) % 360.0 - 180.0
