"""One translation mechanism for the engine, the CLI and the GUI.

Two forms, both resolved by `tr`:
- `L(zh=..., en=...)`: a string pair written where it is used (rule messages, fix titles), so a
  rule module carries its own wording;
- a catalogue key ("gui.menu.open"), looked up in `resources/i18n/strings.toml`, for front-end
  strings that are shared or numerous.
Placeholders use `str.format` names. Chinese is the default language.
"""

from __future__ import annotations

import locale
import os
import tomllib
from dataclasses import dataclass
from functools import cache

from checks import resources

LANGS = ("zh", "en")


@dataclass(frozen=True)
class L:
    zh: str
    en: str

    def __call__(self, lang: str = "zh", **kw: object) -> str:
        return tr(self, lang, **kw)


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    flat: dict[str, dict[str, str]] = {}

    def walk(prefix: str, node: dict) -> None:
        for key, value in node.items():
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict) and set(value) <= {"zh", "en"} and value:
                flat[name] = value
            elif isinstance(value, dict):
                walk(name, value)

    for name in ("strings.toml", "gui.toml"):  # gui.toml: the desktop app's own strings
        file = resources.path("i18n", name)
        if file.exists():
            walk("", tomllib.loads(file.read_text(encoding="utf-8")))
    return flat


def tr(text: L | str, lang: str = "zh", **kw: object) -> str:
    """Render `text` in `lang` ("zh" | "en"); unknown keys come back as themselves."""
    if isinstance(text, L):
        template = text.en if lang == "en" else text.zh
    else:
        entry = _catalogue().get(text)
        template = (entry.get(lang) or entry.get("zh") or text) if entry else text
    if kw:
        try:
            return template.format(**kw)
        except (KeyError, IndexError, ValueError):
            return template
    return template


def system_lang() -> str:
    """Chinese on a Chinese system, English elsewhere (LANG / LC_ALL / the locale)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "zh" if loc.lower().startswith("zh") or not loc else "en"
