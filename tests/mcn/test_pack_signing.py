"""Signed rule packs: what verifies, and the precise reason for every refusal."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import zipfile
from datetime import date
from pathlib import Path

import pytest

from checks.packs import PackError, signing, trust
from checks.packs.signing import PackSignatureError


def refusal(folder: Path | signing.PackFiles, keys=None) -> PackSignatureError:
    pack = folder if isinstance(folder, signing.PackFiles) else signing.read_pack(folder)
    with pytest.raises(PackSignatureError) as info:
        trust.verify_pack(pack, keys)
    return info.value


def zip_folder(folder: Path, out: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(out, "w") as zf:
        for f in sorted(folder.rglob("*")):
            if f.is_file():
                zf.write(f, prefix + f.relative_to(folder).as_posix())
    return out


def test_keygen_writes_private_key_0600_and_refuses_overwrite(tmp_path: Path) -> None:
    private, public, kid = signing.generate_keypair(tmp_path / "k.pem")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert public.name == "k.pem.pub" and b"BEGIN PUBLIC KEY" in public.read_bytes()
    assert kid == trust.key_from_file(public).key_id == trust.key_from_file(private).key_id
    with pytest.raises(PackError, match="already exists"):
        signing.generate_keypair(tmp_path / "k.pem")


def test_signed_pack_verifies_as_folder_and_as_zip(make_pack, trusted, tmp_path: Path) -> None:
    folder = make_pack()
    v = trust.verify_pack(signing.read_pack(folder))
    assert (v.pack_id, v.version, v.key_id, v.publisher) == (
        "mcn-xinghe",
        "2026.11.1",
        trusted.key_id,
        "星河文化传媒",
    )
    flat = zip_folder(folder, tmp_path / "flat.zip")
    nested = zip_folder(folder, tmp_path / "nested.zip", prefix="mcnpack/")
    for z in (flat, nested):
        assert trust.verify_pack(signing.read_pack(z)).key_id == trusted.key_id


def test_canonical_bytes_are_the_documented_text(make_pack) -> None:
    folder = make_pack(sign=False)
    pack = signing.read_pack(folder)
    digest = {
        p: hashlib.sha256((folder / p).read_bytes()).hexdigest()
        for p in ("pack.toml", "rules/clickbait.toml")
    }
    expected = (
        "preflight-pack-v1\nid=mcn-xinghe\nversion=2026.11.1\n"
        f"{digest['pack.toml']}  pack.toml\n{digest['rules/clickbait.toml']}  rules/clickbait.toml\n"
    ).encode()
    assert signing.canonical_bytes(pack.pack_id, pack.version, pack.hashes()) == expected


def test_changed_byte_names_the_file(make_pack, trusted) -> None:
    folder = make_pack()
    rule = folder / "rules" / "clickbait.toml"
    data = bytearray(rule.read_bytes())
    data[-3] ^= 0x01
    rule.write_bytes(bytes(data))
    err = refusal(folder)
    assert err.reason == "tampered" and "rules/clickbait.toml" in str(err)


def test_added_file_is_named(make_pack, trusted) -> None:
    folder = make_pack()
    (folder / "rules" / "extra.toml").write_text('kind = "lexicon"\nlexicon = "x"\nentries = ["y"]\n')
    err = refusal(folder)
    assert err.reason == "added" and "rules/extra.toml" in str(err)


def test_removed_file_is_named(make_pack, trusted) -> None:
    folder = make_pack()
    (folder / "rules" / "clickbait.toml").unlink()
    err = refusal(folder)
    assert err.reason == "removed" and "rules/clickbait.toml" in str(err)


def test_swapped_signature_is_refused(make_pack, trusted) -> None:
    a = make_pack("a", words=("甲",))
    b = make_pack("b", words=("乙",))
    sig_a = (a / "pack.sig").read_text()
    sig_b = (b / "pack.sig").read_text()
    # the other pack's whole pack.sig: its file list no longer matches
    (a / "pack.sig").write_text(sig_b)
    assert refusal(a).reason == "tampered"
    # only the signature value swapped in: the signature no longer matches the listed files
    value_b = next(line for line in sig_b.splitlines() if line.startswith("signature"))
    value_a = next(line for line in sig_a.splitlines() if line.startswith("signature"))
    (a / "pack.sig").write_text(sig_a.replace(value_a, value_b))
    assert refusal(a).reason == "bad_signature"


def test_edited_hash_in_pack_sig_breaks_the_signature(make_pack, trusted) -> None:
    folder = make_pack()
    rule = folder / "rules" / "clickbait.toml"
    rule.write_text(rule.read_text().replace("家人们谁懂啊", "改过的"))
    sig = (folder / "pack.sig").read_text()
    old = next(line for line in sig.splitlines() if line.startswith('"rules/clickbait.toml"'))
    new_hash = hashlib.sha256(rule.read_bytes()).hexdigest()
    (folder / "pack.sig").write_text(sig.replace(old, f'"rules/clickbait.toml" = "{new_hash}"'))
    assert refusal(folder).reason == "bad_signature"


def test_wrong_key_and_unknown_publisher(make_pack, trusted, tmp_path: Path) -> None:
    other_private, other_public, other_id = signing.generate_keypair(tmp_path / "other.pem")
    folder = make_pack(key=other_private)
    err = refusal(folder)
    assert err.reason == "unknown_key" and other_id in str(err)
    # verifying against an explicit wrong public key (pack verify --key) says the same
    good = make_pack("good")
    err = refusal(good, [trust.key_from_file(other_public)])
    assert err.reason == "unknown_key"


def test_unsigned_pack_is_refused(make_pack, trusted) -> None:
    err = refusal(make_pack(sign=False))
    assert err.reason == "unsigned" and "not signed" in str(err)


def test_expired_pack_is_refused(make_pack, trusted) -> None:
    folder = make_pack(extra_meta="expires = 2026-01-31\n")
    pack = signing.read_pack(folder)
    assert trust.verify_pack(pack, today=date(2026, 1, 31)).expires == date(2026, 1, 31)
    with pytest.raises(PackSignatureError, match="expired on 2026-01-31") as info:
        trust.verify_pack(pack, today=date(2026, 2, 1))
    assert info.value.reason == "expired"


def test_pack_for_a_newer_app_is_refused(make_pack, trusted) -> None:
    folder = make_pack()
    text = (folder / "pack.toml").read_text().replace('min_app_version = "0.1.0"', 'min_app_version = "9.0"')
    (folder / "pack.toml").write_text(text)
    signing.sign_pack(folder, signing.load_private_key(folder.parent / "keys" / "mcn.pem"))
    err = refusal(folder)
    assert err.reason == "needs_newer_app" and "9.0" in str(err)


def test_bundled_installer_keys_are_trusted(make_pack, keypair, tmp_path: Path, monkeypatch) -> None:
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    shutil.copy(keypair[1], bundled / "星河文化传媒.pub")
    monkeypatch.setattr(trust, "bundled_keys_dir", lambda: bundled)
    keys = trust.trusted_keys()
    assert [k.source for k in keys] == ["bundled"]
    assert trust.verify_pack(signing.read_pack(make_pack())).signer == "星河文化传媒"
    with pytest.raises(PackError, match="preconfigured"):
        trust.remove_key(keys[0].key_id)


def test_unsafe_zip_paths_and_symlinks_are_refused(make_pack, tmp_path: Path) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("pack.toml", 'id = "x"\nversion = "1"\npublisher = "p"\n')
        zf.writestr("../escape.toml", "kind = 'lexicon'\n")
    with pytest.raises(PackError, match="unsafe path"):
        signing.read_pack(evil)
    folder = make_pack(sign=False)
    os.symlink("/etc/passwd", folder / "rules" / "link.toml")
    with pytest.raises(PackError, match="symbolic link"):
        signing.read_pack(folder)
    not_zip = tmp_path / "nothing.zip"
    not_zip.write_bytes(b"not a zip")
    with pytest.raises(PackError, match="valid zip"):
        signing.read_pack(not_zip)


def test_refusals_read_in_chinese_and_english(make_pack, trusted) -> None:
    folder = make_pack()
    (folder / "rules" / "new.toml").write_text("kind = 'lexicon'\n")
    err = refusal(folder)
    assert "rules/new.toml" in err.text("zh") and "签名后新增" in err.text("zh")
    assert err.text("en") == str(err) and "added after signing" in str(err)


def test_pack_info_states_the_refusal_in_the_ui_language(make_pack, capsys) -> None:
    """`pack info` in a Chinese UI shows the Chinese refusal, not the English log line."""
    from app.cli import main

    pack = make_pack(sign=False)
    assert main(["pack", "info", str(pack)]) == 0
    zh = capsys.readouterr().out
    assert "未签名" in zh and "not signed" not in zh and "unsigned:" not in zh
    assert main(["pack", "info", str(pack), "--lang", "en"]) == 0
    assert "not signed" in capsys.readouterr().out


def test_check_with_a_refused_pack_speaks_the_ui_language(make_pack, trusted, tmp_path: Path, capsys) -> None:
    from app.cli import main

    pack = make_pack()
    victim = next(p for p in sorted(pack.rglob("*.toml")) if p.name != "pack.toml")
    victim.write_text(victim.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    draft = tmp_path / "draft.toml"
    draft.write_text('title = "t"\ntext = "午饭"\n', encoding="utf-8")
    assert main(["check", str(draft), "--pack", str(pack)]) == 2
    assert "已篡改" in capsys.readouterr().err
    assert main(["check", str(draft), "--pack", str(pack), "--lang", "en"]) == 2
    assert "tampered" in capsys.readouterr().err
