"""Packs an agency bundles into its branded build are in force when they verify, like installed ones."""

from __future__ import annotations

import shutil
from pathlib import Path

from checks.packs import load_packs, store


def test_bundled_pack_verified_is_active_and_signed(make_pack, trusted, tmp_path: Path, monkeypatch) -> None:
    bundled = tmp_path / "bundled"
    shutil.copytree(make_pack(), bundled / "mcn-xinghe")
    monkeypatch.setattr(store, "bundled_dir", lambda: bundled)
    (listed,) = store.list_installed()
    assert listed.trusted and listed.source == "bundled"
    infos = {i.id: i.signed for i in load_packs().infos}
    assert infos.get("mcn-xinghe") is True
    assert "家人们谁懂啊" in load_packs().lexicon("clickbait_strong")


def test_bundled_pack_that_fails_verification_is_not_in_force(make_pack, tmp_path: Path, monkeypatch) -> None:
    bundled = tmp_path / "bundled"
    shutil.copytree(make_pack(), bundled / "mcn-xinghe")  # signed, but its key is not trusted
    monkeypatch.setattr(store, "bundled_dir", lambda: bundled)
    (listed,) = store.list_installed()
    assert not listed.trusted and listed.problem
    assert "mcn-xinghe" not in {i.id for i in load_packs().infos}


def test_installed_copy_takes_over_from_the_bundled_one(make_pack, trusted, tmp_path: Path, monkeypatch) -> None:
    bundled = tmp_path / "bundled"
    shutil.copytree(make_pack("old", version="2026.1"), bundled / "mcn-xinghe")
    monkeypatch.setattr(store, "bundled_dir", lambda: bundled)
    store.install(make_pack("new", version="2026.11.2"))
    assert [(p.id, p.version) for p in store.list_installed()] == [("mcn-xinghe", "2026.11.2")]


def test_bundled_zip_is_read_too(make_pack, trusted, tmp_path: Path, monkeypatch) -> None:
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    shutil.make_archive(str(bundled / "xinghe"), "zip", make_pack())
    monkeypatch.setattr(store, "bundled_dir", lambda: bundled)
    (listed,) = store.list_installed()
    assert listed.id == "mcn-xinghe" and listed.trusted
    assert {i.id: i.signed for i in load_packs().infos}.get("mcn-xinghe") is True
