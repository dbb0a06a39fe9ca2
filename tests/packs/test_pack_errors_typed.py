"""Pack problems are typed (kind + parameters) so each front end words them in its own language."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from checks.packs import PackError, signing, store, trust
from checks.packs.errors import MESSAGES

CJK = re.compile(r"[\u4e00-\u9fff]")


def _error(fn, *args) -> PackError:
    with pytest.raises(PackError) as info:
        fn(*args)
    return info.value


def test_a_folder_without_pack_toml_is_a_typed_error_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "notapack").mkdir()
    (tmp_path / "notapack" / "x.txt").write_text("x", encoding="utf-8")
    exc = _error(signing.read_pack, tmp_path / "notapack")
    assert exc.kind == "not_a_pack"
    assert str(exc).endswith("not a rule pack (no pack.toml)")  # English for logs and scripts
    assert "不是规则包" in exc.text("zh") and "not a rule pack" in exc.text("en")


def test_a_missing_file_and_a_broken_zip_are_typed(tmp_path: Path) -> None:
    assert _error(signing.read_pack, tmp_path / "nope.zip").kind == "missing"
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    exc = _error(signing.read_pack, bad)
    assert exc.kind == "bad_zip" and CJK.search(exc.text("zh"))


def _signed_by_unknown_key(tmp_path: Path) -> Path:
    folder = tmp_path / "agency"
    folder.mkdir()
    (folder / "pack.toml").write_text(
        'id = "agency"\nversion = "1"\npublisher = "Agency"\nmin_app_version = "0.1"\n', encoding="utf-8"
    )
    private, _public, _ = signing.generate_keypair(tmp_path / "keys" / "k.pem")
    signing.sign_pack(folder, signing.load_private_key(private))
    return folder


def test_command_line_advice_is_a_separate_hint_the_gui_leaves_out(tmp_path: Path) -> None:
    exc = _error(store.install, _signed_by_unknown_key(tmp_path))
    assert exc.kind == "unknown_key"
    assert "preflight pack trust" in str(exc)  # the CLI keeps its advice
    for lang in ("zh", "en"):
        assert "preflight" not in exc.text(lang, cli=False)
    assert "不是受信任的发布者密钥" in exc.text("zh", cli=False)


def test_removing_the_built_in_pack_says_it_cannot_be_removed() -> None:
    exc = _error(store.remove, "core")
    assert exc.kind == "builtin"
    assert "不能移除" in exc.text("zh") and "cannot be removed" in str(exc)
    assert "install" not in str(exc).lower()


def test_removing_an_unknown_pack_names_it_and_keeps_the_cli_hint_out_of_the_gui_text() -> None:
    exc = _error(store.remove, "nobody")
    assert exc.kind == "not_installed" and "nobody" in exc.text("zh", cli=False)
    assert "preflight" in str(exc) and "preflight" not in exc.text("zh", cli=False)


def test_a_key_file_that_is_not_a_key_is_typed(tmp_path: Path) -> None:
    junk = tmp_path / "k.pub"
    junk.write_text("hello", encoding="utf-8")
    exc = _error(trust.add_key, junk)
    assert exc.kind == "not_public_key" and "公钥" in exc.text("zh")


def test_invalid_pack_fields_are_typed_with_file_and_key(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "pack.toml").write_text('version = "1"\n', encoding="utf-8")
    from checks.packs import load_pack

    exc = _error(load_pack, folder)
    assert exc.kind == "invalid" and exc.params["key"] == "id"
    assert "缺失" in exc.text("zh") and "is required" in exc.text("en")


def test_every_typed_message_has_the_same_placeholders_in_both_languages() -> None:
    for kind, msg in MESSAGES.items():
        assert set(re.findall(r"{(\w+)}", msg.zh)) == set(re.findall(r"{(\w+)}", msg.en)), kind
        assert CJK.search(msg.zh), kind


def test_a_zip_with_a_file_outside_the_pack_folder_is_typed(tmp_path: Path) -> None:
    z = tmp_path / "two.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("agency/pack.toml", 'id = "a"\n')
        f.writestr("evil.toml", "x")
    exc = _error(signing.read_pack, z)
    assert exc.kind == "stray_file" and exc.params["file"] == "evil.toml"
