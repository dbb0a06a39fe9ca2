"""Fixtures for the MCN features: signing keys, rule-pack folders, a trusted publisher."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checks.packs import signing, trust

PackMaker = Callable[..., Path]


@pytest.fixture
def keypair(tmp_path: Path) -> tuple[Path, Path]:
    private, public, _ = signing.generate_keypair(tmp_path / "keys" / "mcn.pem")
    return private, public


@pytest.fixture
def trusted(keypair: tuple[Path, Path]) -> trust.TrustedKey:
    return trust.add_key(keypair[1], "xinghe")


@pytest.fixture
def make_pack(tmp_path: Path, keypair: tuple[Path, Path]) -> PackMaker:
    """Write a pack folder (signed with the fixture key unless sign=False) and return it."""

    def make(
        name: str = "mcnpack",
        *,
        pack_id: str = "mcn-xinghe",
        version: str = "2026.11.1",
        extra_meta: str = "",
        words: tuple[str, ...] = ("家人们谁懂啊",),
        files: dict[str, str] | None = None,
        sign: bool = True,
        key: Path | None = None,
    ) -> Path:
        folder = tmp_path / name
        (folder / "rules").mkdir(parents=True, exist_ok=True)
        (folder / "pack.toml").write_text(
            f'id = "{pack_id}"\nversion = "{version}"\npublisher = "星河文化传媒"\nmin_app_version = "0.1.0"\n{extra_meta}',
            encoding="utf-8",
        )
        entries = ", ".join(f'"{w}"' for w in words)
        (folder / "rules" / "clickbait.toml").write_text(
            f'kind = "lexicon"\nlexicon = "clickbait_strong"\nentries = [{entries}]\n', encoding="utf-8"
        )
        for rel, text in (files or {}).items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text, encoding="utf-8")
        if sign:
            signing.sign_pack(folder, signing.load_private_key(key or keypair[0]))
        return folder

    return make
