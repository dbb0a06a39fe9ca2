"""Rule packs: the built-in `core` pack in resources/packs/core and any packs the user adds."""

from __future__ import annotations

from checks.packs.loader import load_packs
from checks.packs.model import PackError, PackSet

__all__ = ["PackError", "PackSet", "load_packs"]
