"""The desktop app (stub)."""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    print("preflight: the desktop app is not built yet")
    return 2
