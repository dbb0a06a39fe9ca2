"""Installed packs: only verified ones go live, the last good one stays in force, reports say `signed`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from checks.draft import draft_from_dict
from checks.engine import check_draft
from checks.packs import PackError, load_packs, store, trust
from checks.packs.signing import PackSignatureError


def test_install_lists_and_activates_a_verified_pack(make_pack, trusted) -> None:
    p = store.install(make_pack())
    assert (p.id, p.version, p.signed, p.trusted, p.key_id) == (
        "mcn-xinghe",
        "2026.11.1",
        True,
        True,
        trusted.key_id,
    )
    assert p.installed_at and p.last_update and p.source.endswith("mcnpack")
    assert [x.id for x in store.list_installed()] == ["mcn-xinghe"]
    assert store.active_pack_paths() == [Path(p.path)]
    infos = {i.id: i for i in load_packs().infos}
    assert infos["mcn-xinghe"].signed is True and infos["core"].signed is False
    assert "家人们谁懂啊" in load_packs().lexicon("clickbait_strong")


def test_report_json_marks_installed_pack_signed(make_pack, trusted) -> None:
    store.install(make_pack())
    report = check_draft(draft_from_dict({"title": "家人们谁懂啊", "text": "今天天气很好"}), media=[])
    packs = {p.id: p.signed for p in report.packs}
    assert packs == {"core": False, "mcn-xinghe": True}


def test_unsigned_pack_is_not_installed(make_pack, trusted) -> None:
    with pytest.raises(PackSignatureError, match="not signed"):
        store.install(make_pack(sign=False))
    assert store.list_installed() == []


def test_last_good_pack_stays_in_force(make_pack, trusted) -> None:
    store.install(make_pack("v1", version="2026.11.1", words=("旧词",)))
    bad = make_pack("v2", version="2026.12.1", words=("新词",))
    (bad / "rules" / "clickbait.toml").write_text(
        'kind = "lexicon"\nlexicon = "clickbait_strong"\nentries = ["改"]\n'
    )
    with pytest.raises(PackSignatureError, match="changed after signing"):
        store.install(bad)
    (current,) = store.list_installed()
    assert current.version == "2026.11.1" and current.trusted
    assert "旧词" in load_packs().lexicon("clickbait_strong")
    assert not any(p.name.startswith(".") for p in store.store_dir().iterdir())  # no staging left behind
    store.install(make_pack("v3", version="2026.12.1", words=("新词",)))
    (current,) = store.list_installed()
    assert current.version == "2026.12.1"
    lex = load_packs().lexicon("clickbait_strong")
    assert "新词" in lex and "旧词" not in lex


def test_pack_whose_rules_do_not_load_is_not_installed(make_pack, trusted) -> None:
    folder = make_pack(files={"rules/bad.toml": 'kind = "existence"\nid = "x"\n'})
    with pytest.raises(PackError):
        store.install(folder)
    assert store.list_installed() == []


def test_tampering_after_install_takes_the_pack_out_of_force(make_pack, trusted) -> None:
    p = store.install(make_pack())
    (Path(p.path) / "rules" / "clickbait.toml").write_text(
        'kind = "lexicon"\nlexicon = "clickbait_strong"\nentries = ["x"]\n'
    )
    (listed,) = store.list_installed()
    assert not listed.trusted and "changed after signing" in (listed.problem or "")
    assert store.active_pack_paths() == []
    assert [i.id for i in load_packs().infos] == ["core"]


def test_untrusting_the_key_deactivates_and_remove_deletes(make_pack, trusted) -> None:
    store.install(make_pack())
    trust.remove_key(trusted.key_id)
    assert store.active_pack_paths() == []
    removed = store.remove("mcn-xinghe")
    assert removed.id == "mcn-xinghe" and store.list_installed() == []
    with pytest.raises(PackError, match="no installed pack"):
        store.remove("mcn-xinghe")


def test_explicit_pack_may_be_unsigned_but_not_tampered(make_pack, trusted) -> None:
    unsigned = make_pack("mine", pack_id="my-own", sign=False)
    infos = {i.id: i.signed for i in load_packs([unsigned]).infos}
    assert infos == {"core": False, "my-own": False}
    signed = make_pack("signed")
    assert {i.id: i.signed for i in load_packs([signed]).infos}["mcn-xinghe"] is True
    (signed / "rules" / "clickbait.toml").write_text(
        'kind = "lexicon"\nlexicon = "clickbait_strong"\nentries = ["x"]\n'
    )
    with pytest.raises(PackSignatureError, match="changed after signing"):
        load_packs([signed])


def test_explicit_pack_replaces_the_installed_one_with_its_id(make_pack, trusted) -> None:
    store.install(make_pack("inst", version="1"))
    newer = make_pack("dev", version="2", sign=False)
    infos = [(i.id, i.version, i.signed) for i in load_packs([newer]).infos]
    assert infos[1:] == [("mcn-xinghe", "2", False)]


def test_cli_keygen_sign_verify_install(tmp_path: Path, make_pack, capsys) -> None:
    key = tmp_path / "cli.pem"
    assert main(["pack", "keygen", "--out", str(key)]) == 0
    folder = make_pack("cli", sign=False)
    assert main(["pack", "sign", str(folder), "--key", str(key)]) == 0
    assert (folder / "pack.sig").exists()
    assert main(["pack", "verify", str(folder), "--lang", "en"]) == 1  # not trusted yet
    assert "not a trusted publisher key" in capsys.readouterr().err
    assert main(["pack", "verify", str(folder), "--key", f"{key}.pub"]) == 0
    assert main(["pack", "trust", f"{key}.pub"]) == 0
    assert main(["pack", "install", str(folder), "--lang", "en"]) == 0
    assert "Installed mcn-xinghe" in capsys.readouterr().out
    assert main(["pack", "list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["packs"][0]["trusted"] is True and listed["trusted_keys"][0]["source"] == "user"
    assert main(["pack", "info", str(folder), "--format", "json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["status"] == "verified" and info["files"] == ["pack.toml", "rules/clickbait.toml"]
    (folder / "rules" / "new.toml").write_text("kind = 'lexicon'\n")
    assert main(["pack", "install", str(folder), "--lang", "en"]) == 1
    assert "rules/new.toml" in capsys.readouterr().err
    assert main(["pack", "remove", "mcn-xinghe"]) == 0
    assert main(["pack", "verify", str(tmp_path / "missing")]) == 2


def test_a_pack_cannot_take_the_builtin_id(make_pack, trusted) -> None:
    with pytest.raises(PackError, match="built-in"):
        store.install(make_pack(pack_id="core"))
