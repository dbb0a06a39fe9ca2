"""The GUI's language: one current language and a `t()` that renders catalogue keys and `L` pairs.

Every string the window shows goes through `checks.i18n.tr` (the engine's mechanism); this module
only remembers which language the user chose so widgets can re-render when it changes.
"""

from __future__ import annotations

from checks.i18n import LANGS, L, system_lang, tr

_current = {"lang": "zh"}


def set_lang(lang: str) -> str:
    _current["lang"] = lang if lang in LANGS else system_lang()
    return _current["lang"]


def lang() -> str:
    return _current["lang"]


def t(key: L | str, /, **kw: object) -> str:
    return tr(key, _current["lang"], **kw)
