"""The offline gazetteer's names as vocabulary: (name, kind) pairs the text layer matches as the
pseudo-lexicon `place_gazetteer`. The gazetteer is imported lazily and may be missing: the text
analysis then works with the pack's `place_names` only (degrade, never crash).
"""

from __future__ import annotations

from functools import cache
from typing import Any


def gazetteer() -> Any | None:
    """The gazetteer module, or None when it is not available (degrade, never crash)."""
    try:
        from checks.geo import gazetteer as gz
    except Exception:
        return None
    return gz


def _names(item: Any) -> list[str]:
    if isinstance(item, str):
        return [item]
    out: list[str] = []
    for attr in ("name", "short", "aliases", "former_names", "zh", "en"):
        value = getattr(item, attr, None)
        if isinstance(item, dict):
            value = item.get(attr, value)
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, list | tuple | set | frozenset):
            out.extend(v for v in value if isinstance(v, str))
    return out


def _level(item: Any) -> str:
    value = getattr(item, "level", None)
    if isinstance(item, dict):
        value = item.get("level", value)
    return str(value or "")


@cache
def gazetteer_names() -> tuple[tuple[str, str], ...]:
    """(name, kind) pairs from the gazetteer; () when it is missing or fails."""
    gz = gazetteer()
    if gz is None:
        return ()
    pairs: list[tuple[str, str]] = []
    try:
        for item in gz.divisions():
            full = getattr(item, "name", None) or (item.get("name") if isinstance(item, dict) else None)
            level = _level(item)
            county = level.lower() in ("county", "district", "3", "区县", "县")
            for n in _names(item):
                if len(n) < 2:
                    continue
                if county and n != full and not n.endswith(("县", "区", "市", "旗")):
                    continue
                pairs.append((n, "division"))
        for source, kind in (("landmarks", "landmark"), ("world_places", "world")):
            fn = getattr(gz, source, None)
            if fn is None:
                continue
            for item in fn():
                pairs.extend((n, kind) for n in _names(item) if len(n) >= 2)
    except Exception:
        return tuple(pairs)
    return tuple(pairs)
