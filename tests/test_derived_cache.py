"""Derived data kept on disk between processes (checks/derived_cache.py): the built-in pack, the
lexicon automata and the gazetteer's indexes are built once, served from disk by the next process,
rebuilt when the code or resources change, and a damaged file is only a rebuild."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checks import derived_cache
from checks.packs import loader
from checks.text import layer


def test_built_once_then_read_from_disk() -> None:
    calls: list[int] = []

    def build() -> dict[str, tuple[str, ...]]:
        calls.append(1)
        return {"ai": ("AI生成", "AI合成")}

    assert derived_cache.cached("demo", "k", build) == {"ai": ("AI生成", "AI合成")}
    assert derived_cache.cached("demo", "k", build) == {"ai": ("AI生成", "AI合成")}
    assert calls == [1]
    derived_cache.cached("demo", "other key", build)
    assert calls == [1, 1]


def test_a_code_or_resource_change_rebuilds(monkeypatch: pytest.MonkeyPatch) -> None:
    derived_cache.cached("demo", "k", lambda: "old")
    monkeypatch.setattr(derived_cache, "fingerprint", lambda: "another build of Preflight")
    assert derived_cache.cached("demo", "k", lambda: "new") == "new"


def test_the_fingerprint_follows_the_files(tmp_path: Path) -> None:
    before = derived_cache.fingerprint()
    derived_cache.fingerprint.cache_clear()
    assert derived_cache.fingerprint() == before  # stable while nothing changes
    derived_cache.fingerprint.cache_clear()
    target = Path(derived_cache.__file__)
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    try:
        assert derived_cache.fingerprint() != before
    finally:
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        derived_cache.fingerprint.cache_clear()


def test_a_damaged_file_is_rebuilt_without_an_error() -> None:
    derived_cache.cached("demo", "k", lambda: "good")
    (file,) = derived_cache._folder().glob("demo-*.pickle")
    file.write_bytes(b"\x80\x05garbage")
    assert derived_cache.cached("demo", "k", lambda: "rebuilt") == "rebuilt"
    assert derived_cache.cached("demo", "k", lambda: "again") == "rebuilt"


def test_only_the_newest_files_of_a_name_are_kept() -> None:
    for i in range(7):
        derived_cache.cached("demo", f"key {i}", lambda i=i: i, keep=3)
    assert len(list(derived_cache._folder().glob("demo-*.pickle"))) == 3


def test_the_core_pack_from_disk_is_the_parsed_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "_CORE", [])
    first = loader.core_pack()  # parses and stores
    monkeypatch.setattr(loader, "_CORE", [])

    def no_parse(*_a: object, **_k: object) -> None:
        raise AssertionError("the core pack was parsed again")

    monkeypatch.setattr(loader, "load_pack", no_parse)
    again = loader.core_pack()
    assert again is not first
    assert again.info == first.info and again.lexicons == first.lexicons and again.patterns == first.patterns
    assert [r.id for r in again.rules] == [r.id for r in first.rules]
    assert again.overrides == first.overrides


def test_lexicon_automata_from_disk_find_what_a_fresh_build_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    from checks.packs import load_packs

    packs = load_packs()
    text = "据新华社报道，杭州西湖边今天排起长队。本图由AI生成，加V信领取。"
    monkeypatch.setattr(layer, "_VOCABS", [])
    fresh = layer.vocabulary(packs)
    monkeypatch.setattr(layer, "_VOCABS", [])
    monkeypatch.setattr(layer.Vocabulary, "automaton", staticmethod(lambda *_a: pytest.fail("rebuilt")))
    stored = layer.vocabulary(packs)
    assert stored is not fresh
    names = ("label_ai", "label_source", "place_names", layer.GAZETTEER, "contact_handles")
    assert sum(len(fresh.find(name, text)) for name in names) >= 3
    for name in names:
        assert [tuple(s) for s in stored.find(name, text)] == [tuple(s) for s in fresh.find(name, text)]
