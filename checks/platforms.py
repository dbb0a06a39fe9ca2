"""Platform declaration wording (resources/platforms/declarations.toml): what exactly to tick."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from checks import resources


@cache
def table() -> dict[str, dict[str, Any]]:
    return tomllib.loads(resources.path("platforms", "declarations.toml").read_text(encoding="utf-8"))


def wording(platform: str, declaration: str) -> str | None:
    """The toggle's text for `declaration` on `platform`, or None if the platform has no such toggle."""
    value = table().get(platform, {}).get(declaration)
    return value if isinstance(value, str) else None


def platform_name(platform: str, lang: str = "zh") -> str:
    entry = table().get(platform, {}).get("name", {})
    return entry.get(lang) or entry.get("zh") or platform


def declaration_menu(platform: str, lang: str = "zh") -> str:
    entry = table().get(platform, {}).get("menu", {})
    return entry.get(lang) or entry.get("zh") or ""


def confirmed(platform: str) -> bool:
    """False when no source confirmed the platform's toggle wording (WeChat): say so to the creator."""
    return bool(table().get(platform, {}).get("confirmed", True))
