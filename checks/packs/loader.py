"""Loading rule packs: the built-in `core` pack plus any the user adds (folders or zips).

A pack is `pack.toml` (id, version, publisher, min_app_version) and rule files (`*.toml` anywhere
below it) whose `kind` is one of a closed set. Nothing in a pack is ever executed: every file is
TOML data validated here, and every problem is a `PackError` naming the file (and key).

(Minimal version: `lexicon` files. The other kinds are added by the pack-format work.)
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checks import resources
from checks.model import PackInfo
from checks.packs.model import PackError, PackSet

KINDS = ("existence", "requirement", "substitution", "lexicon", "override")


def core_pack_dir() -> Path:
    return resources.path("packs", "core")


def read_toml(file: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise PackError(f"{file}: not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{file}: invalid TOML: {exc}") from exc
    except OSError as exc:
        raise PackError(f"{file}: cannot read: {exc.strerror or exc}") from exc


def load_lexicons(folder: Path) -> dict[str, list[str]]:
    lexicons: dict[str, list[str]] = {}
    for file in sorted(folder.rglob("*.toml")):
        if file.name == "pack.toml":
            continue
        data = read_toml(file)
        kind = data.get("kind")
        if kind not in KINDS:
            raise PackError(f"{file}: key 'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
        if kind != "lexicon":
            continue
        name = data.get("lexicon")
        entries = data.get("entries", [])
        if not isinstance(name, str) or not name:
            raise PackError(f"{file}: key 'lexicon' must name the lexicon")
        if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
            raise PackError(f"{file}: key 'entries' must be a list of strings")
        lexicons.setdefault(name, []).extend(e for e in entries if e.strip())
    return lexicons


def load_packs(extra: Sequence[str | Path] = ()) -> PackSet:
    infos = []
    merged: dict[str, list[str]] = {}
    for folder in (core_pack_dir(), *map(Path, extra)):
        meta = read_toml(folder / "pack.toml") if (folder / "pack.toml").exists() else {}
        if folder != core_pack_dir() and not meta:
            raise PackError(f"{folder}: not a rule pack (no pack.toml)")
        infos.append(
            PackInfo(
                id=str(meta.get("id", "core")),
                version=str(meta.get("version", "0")),
                publisher=str(meta.get("publisher", "preflight")),
                path=str(folder),
            )
        )
        for name, entries in load_lexicons(folder).items():
            merged.setdefault(name, []).extend(entries)
    lexicons = {k: tuple(dict.fromkeys(v)) for k, v in merged.items()}
    return PackSet(infos=tuple(infos), lexicons=lexicons)
