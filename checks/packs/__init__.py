"""Rule packs: the built-in `core` pack in resources/packs/core and any packs the user adds.

`load_pack(path)` parses one pack, `merge(packs)` combines parsed packs, `load_packs(extra)` does
both for the built-in pack plus `extra`. The format is documented in docs/rule-packs.md.
"""

from __future__ import annotations

from checks.packs.in_force import load_packs
from checks.packs.loader import core_pack, load_pack, merge
from checks.packs.model import Override, Pack, PackError, PackSet

__all__ = ["Override", "Pack", "PackError", "PackSet", "core_pack", "load_pack", "load_packs", "merge"]
