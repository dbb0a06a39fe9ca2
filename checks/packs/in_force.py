"""The packs in force for a check: the built-in pack, the installed packs that verify, and the
packs named on the command line — merged. Separate from the loader (which parses one pack) and
the store (which installs and verifies them) so neither needs the other in a circle.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from checks.packs.loader import core_pack, merge
from checks.packs.model import PackSet
from checks.packs.store import packs_for


def load_packs(extra: Sequence[str | os.PathLike[str]] = ()) -> PackSet:
    """The built-in pack, the installed packs that verify, and `extra` packs (folders or zips), merged.

    Installed packs must verify against a trusted key; an `extra` pack is the user's explicit choice
    and may be unsigned (reported `signed: false`), but a tampered signed one is refused (store.py).
    """
    return merge([core_pack(), *packs_for(extra)])
